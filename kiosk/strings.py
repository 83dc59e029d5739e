"""Every interface string, in Chinese and English, in one place.

Screens ask ``tr(key, lang)`` (``trn(key, lang, n)`` for counts); content
fields come from the catalogue through ``field(row, name, lang)``, which falls
back to Chinese where English is missing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kiosk.errors import KioskError

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
    # ---- start on boot (kiosk install / uninstall, kiosk/install/)
    "inst_wrote": ("已写入：{path}", "wrote {path}"),
    "inst_removed": ("已删除：{path}", "removed {path}"),
    "inst_kept_dir": ("保留了非空文件夹：{path}", "kept {path}: it is not empty"),
    "inst_systemd": (
        "开机后，登录图形桌面时由 systemd 用户服务启动展陈，崩溃或无响应时自动重启。",
        "At boot the systemd user service starts the kiosk with the graphical session and "
        "restarts it after a crash or hang.",
    ),
    "inst_autostart": (
        "本机没有用户级 systemd：登录桌面时由自动启动项启动展陈。",
        "No user systemd here: the desktop's autostart entry starts the kiosk at login.",
    ),
    "inst_session": (
        "已添加“清风展陈专用会话”：只运行展陈，没有桌面、面板和快捷键。",
        "Added the “Qingfeng Kiosk session”: only the kiosk, no desktop, panel or shortcuts.",
    ),
    "inst_windows": (
        "已在任务计划程序中登记“{name}”：登录时启动，失败后每分钟重启。",
        "Registered the Task Scheduler task “{name}”: starts at logon, restarted every "
        "minute after a failure.",
    ),
    "inst_autologin": (
        "还有一步需要您以 root 身份完成：让用户 {user} 开机自动登录{into}。",
        "One step is yours to do, as root: log user {user} in automatically{into}.",
    ),
    "inst_and": ("、", ", "),  # between the lines of a configuration file, in a sentence
    "inst_into_session": ("到“清风展陈专用会话”", " into the Qingfeng Kiosk session"),
    "inst_lightdm": (
        "  LightDM：在 /etc/lightdm/lightdm.conf.d/50-qingfeng.conf 写入 [Seat:*]、"
        "autologin-user={user}{session}",
        "  LightDM: in /etc/lightdm/lightdm.conf.d/50-qingfeng.conf put [Seat:*], "
        "autologin-user={user}{session}",
    ),
    "inst_gdm": (
        "  GDM：在 /etc/gdm3/daemon.conf（Ubuntu 为 custom.conf）的 [daemon] 中写入 "
        "AutomaticLoginEnable=true、AutomaticLogin={user}{session}",
        "  GDM: in /etc/gdm3/daemon.conf (custom.conf on Ubuntu) under [daemon] put "
        "AutomaticLoginEnable=true, AutomaticLogin={user}{session}",
    ),
    "inst_gdm_session": (
        "；会话写在 /var/lib/AccountsService/users/{user} 的 [User] 中：XSession={name}",
        "; the session goes in /var/lib/AccountsService/users/{user} under [User]: XSession={name}",
    ),
    "inst_sddm": (
        "  SDDM：在 /etc/sddm.conf.d/50-qingfeng.conf 写入 [Autologin]、User={user}{session}",
        "  SDDM: in /etc/sddm.conf.d/50-qingfeng.conf put [Autologin], User={user}{session}",
    ),
    "inst_need_root": (
        "专用会话要写入 {path}，需要 root：请运行 sudo {command}；未安装任何内容",
        "the kiosk session goes into {path}, which needs root: run sudo {command}; "
        "nothing was installed",
    ),
    "inst_root_only_session": (
        "以 root 身份只能安装专用会话（--session）；开机启动请以展陈用户身份运行 kiosk install",
        "as root only the kiosk session (--session) is installed; run kiosk install as the "
        "kiosk user for the start on boot",
    ),
    "inst_no_pin_tty": (
        "尚未设置管理员密码，且没有终端可以询问：请先运行 kiosk set-pin；未安装任何内容",
        "no operator PIN is set and there is no terminal to ask for one: run kiosk set-pin "
        "first; nothing was installed",
    ),
    "inst_ask_pin": (
        "尚未设置管理员密码；没有密码就无法进入管理面板。",
        "No operator PIN is set; without one the operator panel cannot be reached.",
    ),
    "inst_exists": (
        "{path} 已存在，且不是 kiosk install 写入的：请先移走它；未安装任何内容",
        "{path} is already there and was not written by kiosk install: move it away first; "
        "nothing was installed",
    ),
    "inst_failed": ("无法写入 {path}：{error}", "cannot write {path}: {error}"),
    "inst_nothing": (
        "没有找到 kiosk install 的安装记录（{path}）",
        "nothing installed by kiosk install here (no {path})",
    ),
    "inst_uninstalled": (
        "已取消开机自动启动；数据、设置和密码都保留。",
        "Start on boot removed; the data, settings and PIN stay.",
    ),
    "chk_ok": ("正常：{what}", "ok: {what}"),
    "chk_missing": ("缺少：{path}", "missing: {path}"),
    "chk_changed": ("安装后被改动：{path}", "changed since install: {path}"),
    "chk_no_command": ("找不到启动程序：{path}", "the kiosk program is gone: {path}"),
    "chk_no_pin": ("尚未设置管理员密码：运行 kiosk set-pin", "no operator PIN: run kiosk set-pin"),
    "chk_verify": ("systemd-analyze verify 报告问题：{line}", "systemd-analyze verify: {line}"),
    "chk_no_analyze": (
        "本机没有 systemd-analyze，未做 systemd 校验",
        "systemd-analyze is not here: the unit was not verified by systemd",
    ),
    "chk_task": ("任务计划程序中没有“{name}”", "Task Scheduler has no task “{name}”"),
    "chk_summary_ok": ("开机自动启动：正常", "Start on boot: OK"),
    "chk_summary_bad": ("开机自动启动：{n} 个问题", "Start on boot: {n} problem(s)"),
    # ---- end of start on boot
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

# ---------------------------------------------------------------------------------------------
# The operator's commands: kiosk import, check, search and set-pin (kiosk/cli.py, kiosk/pin.py,
# kiosk/ingest/, kiosk/catalog/check.py).  Column names in {col} are the operator's headings.
# ---------------------------------------------------------------------------------------------
OPERATOR_STRINGS: dict[str, tuple[str, str]] = {
    # lines
    "where_row": ("{sheet} 第{row}行", "{sheet} row {row}"),
    "problem_line": ("{where} {what}", "{where}: {what}"),
    "and_also": ("；", "; "),
    "list_sep": ("、", ", "),
    "quoted": ("“{s}”", "'{s}'"),
    "no_such": ("没有这个文件或文件夹", "no such file or folder"),
    "rejected_line": ("未导入：{line}", "rejected: {line}"),
    "note_line": ("提示：{line}", "note: {line}"),
    "import_summary": (
        "新增 {imported}，更新 {updated}，未变 {unchanged}，"
        "重复跳过 {duplicates}，未导入 {rejected}",
        "imported {imported}, updated {updated}, unchanged {unchanged}, "
        "skipped as duplicate {duplicates}, rejected {rejected}",
    ),
    "progress": ("导入中", "importing"),
    # sources on the command line
    "no_such_source": ("{path}：没有这个文件或文件夹", "{path}: no such file or folder"),
    "quote_path": (
        '“{path}”是一个路径，带空格的路径请加引号：kiosk import "{path}"',
        '“{path}” is one path with spaces; put it in quotes: kiosk import "{path}"',
    ),
    # sheets as a whole
    "sheet_unreadable": ("无法读取表格（{why}）", "cannot read the file ({why})"),
    "sheet_empty": ("表格是空的", "the sheet is empty"),
    "sheet_xls": (
        "这是旧版 Excel 97-2003（.xls）文件；请另存为 .xlsx 或 CSV",
        "this is an old Excel 97-2003 (.xls) file; save it as .xlsx or CSV",
    ),
    "sheet_binary": ("不是文本表格（内容是二进制数据）", "not a text spreadsheet (binary content)"),
    "sheet_encoding": (
        "无法识别文字编码（应为 UTF-8 或 GBK）",
        "text encoding not recognised (expected UTF-8 or GBK)",
    ),
    "sheet_fullwidth_commas": (
        "各列用全角逗号“，”分隔；请用半角逗号“,”，或在 Excel 中另存为 CSV",
        "columns are separated by full-width commas '，'; use ',' or save as CSV",
    ),
    "sheet_broken_csv": ("CSV 格式有误（{why}）", "broken CSV ({why})"),
    "sheet_bad_xlsx": ("不是可读的 .xlsx 工作簿（{why}）", "not a readable .xlsx workbook ({why})"),
    "sheet_no_worksheet": ("工作簿里没有填写内容的工作表", "the workbook has no filled worksheet"),
    "sheet_heading_twice": (
        "“{first}”和“{second}”是同一列，表头里出现了两次；请删去一列",
        "'{first}' and '{second}' are the same column, which appears twice in the heading; "
        "delete one",
    ),
    "sheet_no_headings": (
        "第一行没有可识别的列名（例如 编号、类型、文件、标题 / key, kind, file, title_zh）",
        "no known column headings in the first row (expected e.g. key, kind, file, "
        "title_zh / 编号, 类型, 文件, 标题)",
    ),
    "sheet_no_identity": (
        "表格至少需要“文件”列，或“编号”/“标题”列，才能说明每一行是什么",
        "the sheet needs at least a 'file' or a 'key'/'title_zh' column (文件, 编号, 标题) "
        "to say what each row is",
    ),
    "ignored_columns": ("未识别的列已忽略：{cols}", "ignored columns: {cols}"),
    "ignored_column_near": ("“{col}”（是不是“{near}”？）", "'{col}' (did you mean '{near}'?)"),
    # one value in a row
    "bad_kind": (
        "{col}：“{value}”不是已知的类型（可用 影片 海报 书法 照片 人物 地点 事件 格言 专题 地图）",
        "{col}: '{value}' is not a known kind (use film, poster, calligraphy, photo, person, "
        "place, event, aphorism, topic or map / 影片 海报 书法 照片 人物 地点 事件 格言 专题 地图)",
    ),
    "bad_key": (
        "{col}：“{value}”只能用英文字母、数字和“-”“_”“.”",
        "{col}: '{value}' may only use letters, digits, '-', '_' and '.'",
    ),
    "bad_year": (
        "{col}：“{value}”不是有效的年份（可写 1945、999-1062、公元前551-公元前479；没有公元0年）",
        "{col}: '{value}' is not a valid year or range of years (write e.g. 1945, 999-1062, "
        "公元前551-公元前479; there is no year 0)",
    ),
    "bad_date": (
        "{col}：“{value}”不是有效的日期（可写 2024-05-01、2024/5/1 或 2024年5月1日）",
        "{col}: '{value}' is not a valid date (write 2024-05-01, 2024/5/1 or 2024年5月1日)",
    ),
    "until_before_from": (
        "{until}“{b}”早于{since}“{a}”",
        "{until} '{b}' is before {since} '{a}'",
    ),
    "bad_number": ("{col}：“{value}”不是数字", "{col}: '{value}' is not a number"),
    "out_of_range": (
        "{col}：{value} 超出范围（应在 {lo} 到 {hi} 之间）",
        "{col}: {value} is outside {lo}…{hi}",
    ),
    "bad_bool": (
        "{col}：“{value}”应为 是 或 否（也可写 yes/no、1/0）",
        "{col}: '{value}' is not yes/no (是/否, 1/0)",
    ),
    "bad_whole": (
        "{col}：“{value}”不是整数（请写 1、2、3 这样的整数）",
        "{col}: '{value}' is not a whole number (write 1, 2, 3 …)",
    ),
    "bounds_four": (
        "{col}：“{value}”不是四个数（请按 西,南,东,北 写经纬度，如 105,17,125,43）",
        "{col}: '{value}' is not four numbers "
        "(write west,south,east,north in degrees, e.g. 105,17,125,43)",
    ),
    "bounds_outside": (
        "{col}：{side} {n} 超出 -{limit}…{limit}",
        "{col}: {side} {n} is outside -{limit}…{limit}",
    ),
    "bounds_order": (
        "{col}：{low} {a} 必须小于 {high} {b}（请按 西,南,东,北 写，如 105,17,125,43）",
        "{col}: {low} {a} must be less than {high} {b} "
        "(write west,south,east,north in degrees, e.g. 105,17,125,43)",
    ),
    "kind_word_film": ("影片", "film"),
    "kind_word_poster": ("海报", "poster"),
    "kind_word_calligraphy": ("书法", "calligraphy"),
    "kind_word_photo": ("照片", "photo"),
    "kind_word_person": ("人物", "person"),
    "kind_word_place": ("地点", "place"),
    "kind_word_event": ("事件", "event"),
    "kind_word_aphorism": ("格言", "aphorism"),
    "kind_word_topic": ("专题", "topic"),
    "kind_word_map": ("地图", "map"),
    "side_west": ("西", "west"),
    "side_south": ("南", "south"),
    "side_east": ("东", "east"),
    "side_north": ("北", "north"),
    # a row as a whole
    "no_kind": (
        "没有类型：请在“类型”列写明这一行是什么（或放在以类型命名的工作表里）",
        "no kind: say what this row is in a 'kind' (类型) column, or in a worksheet named "
        "after the kind",
    ),
    "needs_file": (
        "{kind}需要文件：请在“文件”列填写",
        "a {kind} needs a file: fill in the 'file' (文件) column",
    ),
    "subtitles_only_films": ("{col}：只有影片才能有字幕", "{col}: only films have subtitles"),
    "no_title": ("没有标题：请填写“标题”列", "no title: fill in the 'title_zh' (标题) column"),
    "file_not_found": (
        "{col}：找不到“{value}”（文件应放在表格旁边，或写相对于表格的路径）",
        "{col}: '{value}' not found beside the sheet (put it beside the sheet, or give its "
        "path from there)",
    ),
    "file_not_found_near": (
        "{col}：找不到“{value}”；是不是 {near}？",
        "{col}: '{value}' not found beside the sheet; did you mean {near}?",
    ),
    "file_case_used": (
        "{col}：“{value}”按大小写不同的“{found}”导入",
        "{col}: '{value}' was imported as '{found}' (the letter case differs)",
    ),
    "key_twice": (
        "{col}“{key}”在 {other} 已经定义过，本行未导入（保留先读到的定义）",
        "{col} '{key}' is already defined at {other}; this row is left out (the first "
        "definition is kept)",
    ),
    "same_as_row": (
        "与 {other} 的类型和标题相同，像是同一条；若是两条不同的内容，请各填一个编号",
        "same kind and title as {other}, so it is the same item; if they differ, give each "
        "its own key (编号)",
    ),
    "links_unknown": (
        "{col}：没有编号为 {keys} 的条目（检查拼写，或在表格中加上这一行）",
        "{col}: no item with the key {keys} (check the spelling, or add that row)",
    ),
    "links_knock_on": (
        "{col}：{key} 未导入，因为 {other} 有问题（见上）；改好那一行即可",
        "{col}: {key} was not imported because {other} has a problem (see there); fixing "
        "that row is enough",
    ),
    "unused_map_columns": ("地图不使用这些列，已忽略：{cols}", "ignored for a map: {cols}"),
    "bounds_ignored": ("只有地图才有{col}，已忽略", "{col} ignored: only maps have bounds"),
    # a row's file
    "row_file": ("{col}“{name}”：{why}", "{col} '{name}': {why}"),
    "subtitles_file": ("字幕“{name}”：{why}", "subtitles '{name}': {why}"),
    "kind_needs": (
        "{kind}需要{need}，而“{name}”是{have}",
        "a {kind} needs {need}, but {name} is {have}",
    ),
    "only_image": ("{kind}只能配图片（如肖像）", "a {kind} can only have an image (a portrait)"),
    "a_video": ("视频", "a video"),
    "an_image": ("图片", "an image"),
    "cannot_read": ("无法读取“{name}”（{why}）", "cannot read {name} ({why})"),
    "same_file_as": ("与 {other} 是同一个文件，已跳过", "same file as {other}; skipped"),
    "already_in": ("已在展陈内容中", "already in the catalogue"),
    "kind_moved": (
        "文件已从“{old}”移到“{new}”文件夹：类型改为{new}",
        "moved from the {old} folder to the {new} folder: its kind is now {new}",
    ),
    "orphan_subtitles": (
        "字幕旁边没有同名的影片",
        "subtitles with no film of the same name beside them",
    ),
    # what a file holds (not an image / not a video: the content is …)
    "not_image": ("不是图片：内容是{what}", "not an image: the content is {what}"),
    "not_video": ("不是视频：内容是{what}", "not a video: the content is {what}"),
    "not_media": (
        "既不是图片也不是影片：内容是{what}",
        "not an image or a film: the content is {what}",
    ),
    "content_empty": ("空的", "empty"),
    "content_pdf": ("PDF 文档", "a PDF document"),
    "content_zip": ("ZIP 压缩包或 Office 文档", "a ZIP archive or Office document"),
    "content_old_office": ("旧版 Office 文档", "an old Office document"),
    "content_rar": ("RAR 压缩包", "a RAR archive"),
    "content_7z": ("7z 压缩包", "a 7z archive"),
    "content_rtf": ("RTF 文档", "an RTF document"),
    "content_mp3": ("MP3 音频", "MP3 audio"),
    "content_riff": ("RIFF 文件（WAV/AVI）", "a RIFF file (WAV/AVI)"),
    "content_matroska": ("Matroska/WebM 视频", "a Matroska/WebM video"),
    "content_exe": ("Windows 程序", "a Windows program"),
    "content_elf": ("Linux 程序", "a Linux program"),
    "content_heic": ("HEIC 照片（请导出为 JPEG）", "a HEIC photo (export it as JPEG)"),
    "content_avif": ("AVIF 图片（请导出为 JPEG）", "an AVIF image (export it as JPEG)"),
    "content_mp4": ("MP4/MOV 视频或音频", "an MP4/MOV video or audio file"),
    "content_text": ("文字", "text"),
    "content_unknown": ("无法识别的数据", "unknown data"),
    "content_image": ("图片", "an image"),
    # files
    "file_empty": ("空文件（0 字节）", "empty file (0 bytes)"),
    "file_cannot_open": ("无法打开文件：{why}", "cannot open the file: {why}"),
    "image_unsupported": (
        "不支持的图片格式：{format}（请用 JPEG、PNG、TIFF、WebP、GIF 或 BMP）",
        "unsupported image type: {format} (use JPEG, PNG, TIFF, WebP, GIF or BMP)",
    ),
    "image_too_large": (
        "图片太大：{pixels} 百万像素（上限 {limit}）",
        "image too large: {pixels} megapixels (limit {limit})",
    ),
    "image_bad_header": (
        "{format} 文件损坏或不完整：无法读取文件头",
        "damaged or truncated {format}: the header cannot be read",
    ),
    "image_implausible": (
        "图片尺寸不合理：{width}×{height} 像素",
        "implausible image size: {width}×{height} pixels",
    ),
    "image_truncated": (
        "{format} 文件不完整：图像还没结束文件就结束了（请重新复制）",
        "truncated {format}: the file ends before the image does",
    ),
    "image_damaged": (
        "{format} 文件已损坏：图像数据无法解码{detail}",
        "damaged {format}: the image data cannot be decoded{detail}",
    ),
    "image_no_memory": (
        "图片太大，内存不足以解码",
        "image too large to decode with the memory available",
    ),
    "image_colour_mode": ("不支持的颜色模式：{mode}", "unsupported colour mode: {mode}"),
    "video_audio_only": ("没有视频画面（只有声音）", "no video stream (audio only)"),
    "video_no_stream": ("没有视频画面", "no video stream"),
    "video_no_size": ("视频画面没有尺寸", "the video stream has no picture size"),
    "video_no_duration": (
        "时长未知：文件没有写明有多长",
        "unknown duration: the file does not say how long it is",
    ),
    "video_zero_duration": ("视频时长为 0 秒", "the video has no duration (0 s)"),
    "video_truncated": (
        "视频不完整：在 {reached} 秒处中断（共 {duration} 秒；请重新复制）",
        "truncated video: stops at {reached} s of {duration} s",
    ),
    "video_no_index": (
        "视频不完整或已损坏：缺少文件索引（请重新复制）",
        "truncated or damaged video: the file's index is missing (copy it again)",
    ),
    "video_damaged": ("视频已损坏：{why}", "damaged video: {why}"),
    "video_undecodable": (
        "视频无法解码（编码 {codec}）",
        "the video cannot be decoded (codec {codec})",
    ),
    "video_no_frame": ("视频没有一帧能解码", "no frame of the video can be decoded"),
    "srt_no_cues": (
        "没有找到字幕（应有 00:00:01,000 --> 00:00:03,000 这样的行）",
        "no subtitle cues found (expected lines like 00:00:01,000 --> 00:00:03,000)",
    ),
    "srt_encoding": (
        "无法按文字读取（字幕应为 UTF-8、UTF-16 或 GB18030/GBK）",
        "not readable as text (expected UTF-8, UTF-16 or GB18030/GBK subtitles)",
    ),
    "srt_bad_times": (
        "第{line}行：无法读取字幕时间：{text}",
        "line {line}: unreadable cue times: {text}",
    ),
    "srt_backwards": (
        "第{line}行：字幕结束早于开始（{start} --> {end}）",
        "line {line}: the cue ends before it starts ({start} --> {end})",
    ),
    # kiosk check
    "as_is": ("{s}", "{s}"),
    "database": ("数据库", "database"),
    "media_label": ("{name}（文件 {id}）", "{name} (media {id})"),
    "item_label": ("条目 {key}", "item {key}"),
    "map_label": ("地图 {key}", "map {key}"),
    "check_missing": ("保存的文件不见了（{path}）", "stored file missing ({path})"),
    "check_damaged": ("保存的文件已损坏（内容变了）", "stored file is damaged (content changed)"),
    "check_no_rendition": ("没有记录{role}版本", "no {role} rendition recorded"),
    "check_rendition_missing": ("{role}版本不见了（{path}）", "{role} rendition missing ({path})"),
    "tiles_manifest": ("缩放图块清单缺失或无法读取", "tile pyramid manifest missing or unreadable"),
    "tiles_level": (
        "缩放图块第 {level} 层只有 {present}/{needed} 块",
        "tile level {level} has {present} of {needed} tiles",
    ),
    "check_unused": ("已保存但没有条目或地图使用", "stored but used by no item or map"),
    "check_no_file": ("{kind}没有文件", "a {kind} without a file"),
    "check_map_not_image": ("文件不是图片", "its file is not an image"),
    "check_copies": (
        "{kind}“{title}”有 {n} 条（编号 {keys}），像是重复导入的副本",
        "{kind} '{title}' is there {n} times (keys {keys}): they look like accidental copies",
    ),
    "fix_database": (
        "从备份恢复展陈数据库，或把它移走后重新导入",
        "restore the catalogue from a backup, or move it aside and import again",
    ),
    "fix_reimport": (
        "用 kiosk import 重新导入原文件（会按内容找回）",
        "import the original file again with 'kiosk import' (it is restored by its content)",
    ),
    "fix_delete_reimport": ("删除它，然后{then}", "delete it, then {then}"),
    "fix_delete_folder_reimport": (
        "删除文件夹 {path}，然后{then}",
        "delete the folder {path}, then {then}",
    ),
    "fix_remake": (
        "对原文件再运行一次 kiosk import 即可重做",
        "run 'kiosk import' on the original again to remake it",
    ),
    "fix_nothing": (
        "无需处理（留着以备再次导入）",
        "nothing to do (kept in case it is imported again)",
    ),
    "fix_copies": (
        "要去掉多余的副本，请导入一个表格，每个副本一行：编号 {extra}，启用 否",
        "to hide the extra copies, import a sheet with one row for each: key (编号) {extra}, "
        "enabled (启用) no (否)",
    ),
    "what_to_do": ("    处理办法：{fix}", "    what to do: {fix}"),
    "error_line": ("问题：{line}", "error: {line}"),
    "info_line": ("提示：{line}", "info: {line}"),
    "check_ok": ("正常", "OK"),
    "check_problems": ("{n} 个问题", "{n} problems"),
    "check_summary": (
        "{items} 个条目，{maps} 幅地图，{media} 个保存的文件（校验 {hashed} 个）：{state}",
        "{items}, {maps}, {media} ({hashed} hashed): {state}",
    ),
    "n_items": ("{n}", "{n} items"),
    "n_maps": ("{n}", "{n} maps"),
    "n_stored": ("{n}", "{n} stored files"),
    # kiosk search
    "search_none_found": ("无结果", "no matches"),
    # kiosk set-pin
    "pin_prompt": ("新的管理员密码（{lo}–{hi} 位数字）：", "New operator PIN ({lo}–{hi} digits): "),
    "pin_again": ("请再输入一次：", "Type it again: "),
    "pin_differ": (
        "两次输入的密码不一样；密码没有改动",
        "the two PINs differ; nothing was changed",
    ),
    "pin_none_given": ("没有输入密码；密码没有改动", "no PIN given; nothing was changed"),
    "pin_error": ("错误：{why}；密码没有改动", "error: {why}; nothing was changed"),
    "pin_cannot_write": ("错误：无法写入 {path}：{why}", "error: cannot write {path}: {why}"),
    "pin_saved": ("管理员密码已保存到 {path}", "Operator PIN saved to {path}"),
    "pin_empty": ("密码是空的；请用 {lo}–{hi} 位数字", "the PIN is empty; use {lo}–{hi} digits"),
    "pin_not_digits": (
        "密码只能是数字 0–9，共 {lo}–{hi} 位",
        "the PIN may contain only digits 0–9, {lo}–{hi} of them",
    ),
    "pin_length": (
        "密码有 {n} 位；请用 {lo}–{hi} 位数字",
        "the PIN has {n} digits; use {lo}–{hi} digits",
    ),
}
STRINGS.update(OPERATOR_STRINGS)

LANGUAGES = ("zh", "en")


#: English for a count of one, where it differs (Chinese has no plural).
ENGLISH_ONE: dict[str, str] = {
    "pin_tries_left": "{n} try left",
    "map_unplaced": "{n} more place is not on this map",
    "check_problems": "{n} problem",
    "n_items": "{n} item",
    "n_maps": "{n} map",
    "n_stored": "{n} stored file",
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


@dataclass
class Text:
    """A message to say later in the reader's language: a key of STRINGS and its values.

    A value that is itself a ``Text`` (or anything with ``render(lang)``) is said in
    the same language.
    """

    key: str
    values: dict[str, Any]

    def __post_init__(self) -> None:
        if self.key not in STRINGS:
            raise KeyError(self.key)

    def render(self, lang: str) -> str:
        said = {k: v.render(lang) if hasattr(v, "render") else v for k, v in self.values.items()}
        one = lang == "en" and said.get("n") == 1 and self.key in ENGLISH_ONE
        return (ENGLISH_ONE[self.key] if one else tr(self.key, lang)).format(**said)


def text(key: str, /, **values: Any) -> Text:
    return Text(key, values)


class Refused(KioskError):
    """Something the operator gave that cannot be used.

    ``text`` says why in either language; ``str(error)`` is the English line,
    for logs and tests.
    """

    def __init__(self, key: str, /, **values: Any) -> None:
        self.text = Text(key, values)
        super().__init__(self.text.render("en"))


@dataclass
class Joined:
    """Several texts (or plain strings) said as a list in the reader's language."""

    items: list[Any]

    def render(self, lang: str) -> str:
        said = [i.render(lang) if hasattr(i, "render") else str(i) for i in self.items]
        return tr("list_sep", lang).join(said)
