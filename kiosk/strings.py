"""Every interface string, in Chinese and English, in one place.

Screens ask ``tr(key, lang)`` (``trn(key, lang, n)`` for counts); content
fields come from the catalogue through ``field(row, name, lang)``, which falls
back to Chinese where English is missing.
"""

from __future__ import annotations

from typing import Any

STRINGS: dict[str, tuple[str, str]] = {
    "back": ("返回", "Back"),
    "touch_to_explore": ("触摸屏幕，开始参观", "Touch to explore"),
    "films": ("警示教育片", "Cautionary films"),
    "calligraphy": ("廉政书画", "Calligraphy"),
    "posters": ("公益海报", "Posters"),
    "aphorisms": ("格言警句", "Aphorisms"),
    "history": ("廉史人物", "History of integrity"),
    "photos": ("图片", "Photos"),
    "language": ("EN", "中文"),
    "large_text": ("大字", "Large text"),
    "normal_text": ("标准字", "Normal text"),
    "minutes": ("分钟", "min"),
    "seconds": ("秒", "s"),
    "play": ("播放", "Play"),
    "pause": ("暂停", "Pause"),
    "close": ("关闭", "Close"),
    "no_items": ("暂无内容", "Nothing here yet"),
    "films_unavailable": (
        "影片暂时无法播放：本机未安装 VLC。",
        "Films cannot play: VLC is not installed on this computer.",
    ),
    "fonts_missing": (
        "未安装中文字体，文字可能无法显示。",
        "No Chinese font is installed; text may not display.",
    ),
    "pin_title": ("管理员密码", "Operator PIN"),
    "pin_wrong": ("密码错误", "Wrong PIN"),
    "pin_locked": ("尝试次数过多，请稍后再试", "Too many tries; try again later"),
    "operator": ("管理面板", "Operator panel"),
    "status": ("状态", "Status"),
    "items": ("条目", "items"),
    "broken": ("无法播放的文件", "broken files"),
    "uptime": ("运行时间", "uptime"),
    "volume": ("音量", "Volume"),
    "reload": ("重新载入内容", "Reload content"),
    "exit": ("退出程序", "Exit kiosk"),
    # Operator PIN pad and panel (kiosk/ui/operator/).
    "pin_hint": ("请输入 4–8 位数字密码", "Enter the 4–8 digit PIN"),
    "pin_tries_left": ("还可尝试 {n} 次", "{n} tries left"),
    "pin_wait": ("{n} 秒后可再试", "Try again in {n} s"),
    "pin_unset": ("尚未设置管理员密码", "No operator PIN has been set"),
    "pin_unset_how": ("请先在本机运行 kiosk set-pin", "Run “kiosk set-pin” on this computer first"),
    "pin_ok": ("确定", "OK"),
    "pin_delete": ("删除", "Delete"),
    "cancel": ("取消", "Cancel"),
    "total": ("合计", "Total"),
    "uptime_hm": ("{h} 小时 {m} 分", "{h} h {m} min"),
    "films_ok": ("正常", "OK"),
    "playback": ("影片播放", "Film playback"),
    "none": ("无", "None"),
    "recent_errors": ("最近的问题", "Recent problems"),
    "more_lines": ("另有 {n} 条", "and {n} more"),
    "reloaded": ("内容已重新载入 · {t}", "Content reloaded · {t}"),
    "exit_confirm": ("确定要退出展陈程序吗？", "Exit the kiosk program?"),
    "exit_yes": ("确认退出", "Yes, exit"),
    "person": ("人物", "People"),
    "place": ("地点", "Places"),
    "event": ("事件", "Events"),
    "aphorism": ("格言", "Aphorisms"),
    "topic": ("专题", "Topics"),
    "film": ("影片", "Films"),
    "poster": ("海报", "Posters"),
    "photo": ("图片", "Photos"),
    # films (kiosk/ui/films/)
    "replay": ("再看一遍", "Watch again"),
    "film_ended": ("放映结束，感谢观看。", "The film has ended. Thank you for watching."),
    "film_failed": (
        "这部影片暂时无法播放，请选择其他影片。",
        "This film cannot be played at the moment. Please choose another.",
    ),
    "film_missing": ("这部影片已不在展陈中。", "This film is no longer on show."),
    # galleries (kiosk/ui/gallery/)
    "gallery_prev": ("上一件", "Previous"),
    "gallery_next": ("下一件", "Next"),
    "gallery_about": ("作品说明", "About this work"),
    "gallery_hide_about": ("收起说明", "Hide the text"),
    "gallery_count": ("第 {n} 件，共 {total} 件", "{n} of {total}"),
    "gallery_hint": (
        "双指缩放 · 双击放大 · 左右滑动换作品",
        "Pinch or double-tap to zoom · swipe for more",
    ),
    "gallery_source": ("出处", "Source"),
    # search (kiosk/ui/search/)
    "search": ("搜索", "Search"),
    "search_placeholder": ("人物、作品、格言……", "People, works, sayings…"),
    "search_hint": (
        "输入拼音或首字母，如 baozheng 或 bz",
        "Type pinyin or initials, e.g. baozheng or bz",
    ),
    "search_none": ("没有找到", "Nothing found"),
    "search_clear": ("清空", "Clear"),
    "key_space": ("空格", "Space"),
    # history section (kiosk/ui/history/)
    "timeline": ("时间线", "Timeline"),
    "map": ("地图", "Map"),
    "about_timeline": ("按朝代浏览人物与事件", "People and events through the ages"),
    "about_person": ("历代清官廉吏与当代楷模", "Upright officials, past and present"),
    "about_place": ("纪念馆、故居与祠墓", "Memorial halls, homes and shrines"),
    "about_event": ("廉政史上的重要时刻", "Moments in the history of integrity"),
    "about_aphorism": ("名言家训及其出处", "Sayings and their sources"),
    "about_topic": ("家风家训、勤俭节约、秉公用权……", "Family tradition, frugality, fairness…"),
    "about_map": ("在地图上查看各个地点", "The places on a map"),
    "count": ("{n} 条", "{n}"),
    "show_on_map": ("在地图上查看", "Show on the map"),
    "source": ("出处", "Source"),
    "related": ("相关", "Related"),
    "map_none": ("尚未导入地图", "No map has been imported yet"),
    "map_unplaced": ("另有 {n} 处地点未在图上标出", "{n} more places are not on this map"),
    # One item's kind, in a line of facts (kiosk/ui/history/lists.py meta_line, search results).
    "kind_person": ("人物", "Person"),
    "kind_place": ("地点", "Place"),
    "kind_event": ("事件", "Event"),
    "kind_aphorism": ("格言", "Aphorism"),
    "kind_topic": ("专题", "Topic"),
    "kind_film": ("影片", "Film"),
    "kind_poster": ("海报", "Poster"),
    "kind_calligraphy": ("书法", "Calligraphy"),
    "kind_photo": ("图片", "Photo"),
    "item_missing": ("这一条目已不在展陈中。", "This item is no longer on show."),
    # ---- Schedules and opening hours (kiosk/schedule/): problems with a value, and why an
    # item plays.  A problem reads "{field} “{value}”: {why}"; each why says what is accepted.
    "sched_problem": ("{field}“{value}”：{why}", '{field} "{value}": {why}'),
    "sched_field_weekdays": ("星期", "weekdays"),
    "sched_field_hours": ("时段", "hours"),
    "sched_field_festival": ("节日", "festival"),
    "sched_field_days_before": ("提前天数", "days_before"),
    "sched_field_days_after": ("延后天数", "days_after"),
    "sched_field_share": ("占比", "share"),
    "sched_field_valid_from": ("生效日期", "valid_from"),
    "sched_field_valid_until": ("失效日期", "valid_until"),
    "sched_bad_band": (
        "应写作 时:分-时:分，多个时段用逗号或分号隔开，如 08:00-12:00；14:00-17:30",
        "write HH:MM-HH:MM, several bands separated by commas or semicolons, "
        "e.g. 08:00-12:00; 14:00-17:30",
    ),
    "sched_bad_day": (
        "应为 closed（闭馆）或时段，如 09:00-17:30，多个时段用逗号隔开",
        'write "closed" or bands such as 09:00-17:30, several separated by commas',
    ),
    "sched_bad_time": (
        "{time} 不是一天中的时刻；时刻应在 00:00 到 23:59 之间（结束可写 24:00）",
        "{time} is not a time of day; times run from 00:00 to 23:59 (an end may be 24:00)",
    ),
    "sched_empty_band": (
        "开始与结束相同，时段为空；请写不同的结束时间（可跨午夜，如 18:00-02:00）",
        "it starts and ends at the same time, so it is empty; give a different end "
        "(past midnight is allowed, e.g. 18:00-02:00)",
    ),
    "sched_overlap": (
        "{a} 与 {b} 重叠；各时段不能相互重叠",
        "{a} overlaps {b}; bands must not overlap",
    ),
    "sched_bad_weekday": (
        "“{part}”不是星期几；可写 1 到 7（1 为星期一，7 为星期日）或 一 到 日，"
        "如 1-5、6,7、一至五、六,日",
        '"{part}" is not a day of the week; write 1 to 7 (1 is Monday, 7 Sunday) '
        "or 一 to 日, e.g. 1-5, 6,7, 一至五, 六,日",
    ),
    "sched_weekday_order": (
        "“{part}”的起始日晚于结束日；请按星期一到星期日的顺序书写，如 1-5 或 6,7",
        '"{part}" starts after it ends; write the days from Monday to Sunday, e.g. 1-5 or 6,7',
    ),
    "sched_unknown_festival": (
        "不是已知的节日；可写：{zh}",
        "not a known festival; known: {en}",
    ),
    "sched_unknown_festival_near": (
        "不是已知的节日，是否指“{near}”？可写：{zh}",
        'not a known festival; did you mean "{near}"? Known: {en}',
    ),
    "sched_days_negative": (
        "天数不能为负数；应为 0 到 {most} 之间的整数",
        "a number of days cannot be negative; write a whole number from 0 to {most}",
    ),
    "sched_bad_days": (
        "不是天数；应为 0 到 {most} 之间的整数",
        "not a number of days; write a whole number from 0 to {most}",
    ),
    "sched_days_without_festival": (
        "没有填写节日，天数无从计算；请填写“节日”一栏，或清空此栏",
        "there is no festival to count the days from; fill in the festival or leave this empty",
    ),
    "sched_bad_share": (
        "应写作分数，如 1/3（每三次播放中有一次来自该活动）；分子须大于 0 且不大于分母",
        "write a fraction such as 1/3 (one showing in three from the campaign); "
        "the top must be more than 0 and at most the bottom",
    ),
    "sched_bad_date": (
        "不是日期；应写作 年-月-日，如 2027-02-06",
        "not a date; write YYYY-MM-DD, e.g. 2027-02-06",
    ),
    "sched_bad_open_date": (
        "应写作 年-月-日，可在其后加时段，如 2027-02-08 或 2027-02-08 09:00-12:00",
        "write YYYY-MM-DD, optionally followed by bands, e.g. 2027-02-08 or 2027-02-08 09:00-12:00",
    ),
    "sched_bad_festival_days": (
        "应写作 节日、节日+天数 或 节日+起..止（天数在 -{most} 到 {most} 之间，起不晚于止），"
        "如 春节+0..2",
        "write a festival, festival+N or festival+FIRST..LAST (days from -{most} to {most}, "
        "FIRST not after LAST), e.g. 春节+0..2 or National Day+0..6",
    ),
    "sched_bad_outside": ("应为 {accepted} 之一", "must be one of {accepted}"),
    "sched_unknown_key": (
        "不是 [hours] 中的设置；可用：{accepted}",
        "not an [hours] setting; known: {accepted}",
    ),
    "sched_list": ("、", ", "),  # between the names in a list
    "sched_parts": ("；", "; "),  # between the parts of a why
    "sched_why_always": ("每天", "every day"),
    "sched_why_weekdays": ("每周{days}", "on {days}"),
    "sched_weekday_names": ("一 二 三 四 五 六 日", "Mon Tue Wed Thu Fri Sat Sun"),
    "sched_why_festival": (
        "{festival}活动期 {first} 至 {last}",
        "{festival} window from {first} to {last}",
    ),
    # ---- end of schedules and opening hours
    # ---- supervisor and safe mode (issue #10 §1)
    "films_safe_mode": (
        "影片暂停播放，请稍后再来观看。",
        "Films are paused for now; please come back later.",
    ),
    "safe_mode_band": (
        "安全模式：多次崩溃后暂停影片。",
        "Safe mode: films are off after repeated crashes.",
    ),
    "safe_mode_status": (
        "安全模式（自 {since} 起）：多次崩溃，只放图片，不放影片",
        "Safe mode since {since}: repeated crashes; stills only, no films",
    ),
    # ---- end of supervisor and safe mode
}

LANGUAGES = ("zh", "en")


#: English for a count of one, where it differs (Chinese has no plural).
ENGLISH_ONE: dict[str, str] = {
    "pin_tries_left": "{n} try left",
    "map_unplaced": "{n} more place is not on this map",
}


def tr(key: str, lang: str) -> str:
    zh, en = STRINGS[key]
    return en if lang == "en" else zh


def trn(key: str, lang: str, n: int) -> str:
    """A counted string with ``{n}`` filled in, singular in English for one."""
    if lang == "en" and n == 1 and key in ENGLISH_ONE:
        return ENGLISH_ONE[key].format(n=n)
    return tr(key, lang).format(n=n)


def field(row: dict[str, Any], name: str, lang: str) -> str:
    """A bilingual content field in ``lang``, falling back to Chinese."""
    value = row.get(f"{name}_{lang}") if lang == "en" else None
    return value or row.get(f"{name}_zh") or row.get(f"{name}_en") or ""
