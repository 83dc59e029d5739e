"""Opening hours and item schedules (kiosk/schedule/): problems with a value, and why an item
plays. A problem reads "{field} “{value}”: {why}"; each why says what is accepted."""

from __future__ import annotations

SCHEDULE: dict[str, tuple[str, str]] = {
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
    "sched_share": ("占比 {share}", "share {share}"),
    "sched_weekday_full": (
        "星期一 星期二 星期三 星期四 星期五 星期六 星期日",
        "Monday Tuesday Wednesday Thursday Friday Saturday Sunday",
    ),
    "sched_day_hours": ("开放时间：{hours}（{why}）", "Opening hours: {hours} ({why})"),
    "sched_day_all_day": ("全天", "all day"),
    "sched_day_closed": ("闭馆", "closed"),
    "sched_day_weekday": ("{weekday}的开放时间", "{weekday} hours"),
    "sched_day_weekday_closed": ("每{weekday}闭馆", "closed every {weekday}"),
    "sched_day_closed_date": ("闭馆日期", "a closed date"),
    "sched_day_open_date": ("临时开放日期", "an extra open date"),
    "sched_day_festival": ("{festival}闭馆", "closed for {festival}"),
    "sched_day_items": ("可播放的条目（{n}）：", "Items that can play ({n}):"),
    "sched_day_items_if_open": (
        "闭馆，不播放；开馆时可播放的条目（{n}）：",
        "Closed, nothing plays; items that can play when open ({n}):",
    ),
    "sched_day_no_items": ("没有可播放的条目", "No item can play"),
    "sched_within_hours": ("开放时间内 {bands}", "within opening hours {bands}"),
    "sched_outside_hours": ("不在今天的开放时间内", "outside today's opening hours"),
    "sched_day_item": ("{key}  {kind}“{title}”  {why}", "{key}  {kind} '{title}'  {why}"),
}
