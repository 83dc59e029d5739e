"""The monthly report and the record exports (kiosk/reporting/): headings, columns, notes and
the ``kiosk report`` command's lines. The PDF shows headings in both languages."""

from __future__ import annotations

REPORTING: dict[str, tuple[str, str]] = {
    # the report as a whole
    "rep_title": ("展陈运行月报", "Kiosk report"),
    "rep_county_title": ("展陈运行汇总报告", "County kiosk report"),
    "rep_exhibition": ("展馆", "Exhibition"),
    "rep_kiosk": ("展陈终端", "Kiosk"),
    "rep_kiosks": ("展陈终端", "Kiosks"),
    "rep_period": ("统计期间", "Period"),
    "rep_made": ("生成时间", "Made"),
    "rep_time_zone": ("时区", "Time zone"),
    "rep_local_note": (
        "所有日期和时间均为展馆当地时间（{zone}）；记录本身以协调世界时（UTC）保存。",
        "All days and times are the hall's local time ({zone}); the records are kept in UTC.",
    ),
    "rep_total": ("合计", "Total"),
    "rep_page": ("第 {n} 页", "Page {n}"),
    "rep_none": ("本期无记录。", "Nothing recorded in this period."),
    "rep_empty": (
        "本期没有任何放映、参观、运行或内容变更记录：终端可能未开机，或本期尚未开始。",
        "No showings, visits, runs or content changes were recorded in this period: the "
        "kiosk may have been off, or the period has not begun.",
    ),
    "rep_unknown": ("未知", "unknown"),
    # opening
    "rep_opening": ("开放与运行", "Opening and uptime"),
    "rep_days_open": ("开放天数", "Days open"),
    "rep_hours_open": ("开放时长（小时）", "Opening hours kept (h)"),
    "rep_hours_screen": ("开放时间内正常显示（小时）", "On screen during opening (h)"),
    "rep_share_screen": ("正常显示占开放时间比例", "Share of opening time on screen"),
    "rep_runs": ("启动次数", "Starts"),
    "rep_figure": ("项目", "Figure"),
    "rep_value": ("数值", "Value"),
    "rep_runs_unknown": (
        "本期终端的运行情况无从得知：当时终端尚未记录运行（尚未安装，或所用版本早于运行记录功能），"
        "因此开机占比、中断、安全模式和崩溃情况不予填写。",
        "How the kiosk ran in this period cannot be known: it did not record runs then (not "
        "installed yet, or a version from before run records), so the share on screen, "
        "outages, safe mode and crashes are left out.",
    ),
    "rep_runs_partial": (
        "运行记录始于 {since}；此前的开机占比、中断和崩溃情况无法得知，比例按此后计算。",
        "Runs are recorded from {since}; uptime, outages and crashes before then cannot be "
        "known, and the share is of the time since.",
    ),
    "rep_hours_rule": (
        "开放时间取自 kiosk.toml 的 [hours] 设置，统计至报告生成时为止。",
        "Opening hours are those of [hours] in kiosk.toml, counted up to when the report was made.",
    ),
    "rep_outages": ("中断（开放时间内未显示）", "Outages (off screen during opening)"),
    "rep_outage_rule": (
        "短于一分钟的中断（如自动重启）计入比例，但不逐条列出。",
        "Gaps shorter than a minute (such as restarts) count in the share but are not listed.",
    ),
    "rep_safe_mode": ("安全模式（只放静态图片）", "Safe mode (stills only)"),
    "rep_from": ("开始", "From"),
    "rep_to": ("结束", "To"),
    "rep_minutes": ("分钟", "Minutes"),
    # visitors
    "rep_visitors": ("观众互动", "Visitors"),
    "rep_visit_note": (
        "“参观”指一次连续的触摸互动（到空闲超时为止），不等于人数。",
        "A visit is one interaction session (until the idle timeout), not a person.",
    ),
    "rep_visits": ("参观次数", "Visits"),
    "rep_visits_per_day": ("开放日平均参观次数", "Visits per open day"),
    "rep_visit_avg": ("平均参观时长（秒）", "Average visit (s)"),
    "rep_visit_median": ("参观时长中位数（秒）", "Median visit (s)"),
    "rep_visits_open": ("未正常结束的参观", "Visits cut off (kiosk stopped)"),
    "rep_visits_daily": ("每日参观次数", "Visits per day"),
    "rep_date": ("日期", "Date"),
    "rep_weekday": ("星期", "Weekday"),
    "rep_weekdays": ("周一 周二 周三 周四 周五 周六 周日", "Mon Tue Wed Thu Fri Sat Sun"),
    "rep_heat": ("参观时段分布（星期 × 小时）", "Visits by weekday and hour"),
    "rep_hour": ("时", "Hour"),
    "rep_screens_top": ("访问最多的页面", "Screens opened most"),
    "rep_screen": ("页面", "Screen"),
    "rep_screen_home": ("首页", "Home"),
    "rep_screen_films": ("影片列表", "Films"),
    "rep_screen_film": ("影片播放", "Film player"),
    "rep_screen_gallery": ("书画海报图片", "Gallery"),
    "rep_screen_aphorisms": ("格言警句", "Aphorisms"),
    "rep_screen_history": ("廉史人物", "History"),
    "rep_screen_people": ("人物", "People"),
    "rep_screen_places": ("地点", "Places"),
    "rep_screen_events": ("事件", "Events"),
    "rep_screen_topics": ("专题", "Topics"),
    "rep_screen_timeline": ("时间轴", "Timeline"),
    "rep_screen_map": ("地图", "Map"),
    "rep_screen_item": ("内容详情", "Item"),
    "rep_screen_search": ("搜索", "Search"),
    "rep_items_top": ("观众打开最多的内容", "Items opened most by visitors"),
    "rep_opened": ("打开次数", "Opened"),
    "rep_lang_large": ("语言与大字模式", "Language and large text"),
    "rep_lang_zh": ("只用中文的参观", "Visits in Chinese only"),
    "rep_lang_en": ("只用英文的参观", "Visits in English only"),
    "rep_lang_both": ("中英文都用过的参观", "Visits in both Chinese and English"),
    "rep_large_text": ("开过大字模式的参观", "Visits with large text on"),
    "rep_share_known": ("占有记录参观的比例", "Share of recorded visits"),
    "rep_lang_unknown": (
        "{n} 次参观记录于本版本之前（或因展机中断而未正常结束），其语言和大字模式无法得知，"
        "不计入本表。",
        "Visits recorded before this version (or cut off when the kiosk stopped), whose "
        "language and large-text use are not known and not counted in this table: {n}.",
    ),
    # films
    "rep_films": ("影片放映", "Films"),
    "rep_item": ("编号", "Key"),
    "rep_item_title": ("标题", "Title"),
    "rep_kind": ("类型", "Kind"),
    "rep_loop_started": ("轮播开始", "Loop started"),
    "rep_loop_completed": ("轮播播完", "Loop completed"),
    "rep_visitor_started": ("观众点播", "Visitor started"),
    "rep_visitor_completed": ("观众看完", "Visitor completed"),
    "rep_minutes_played": ("播放分钟", "Minutes played"),
    "rep_completion": ("完播率", "Completion rate"),
    # attract loop
    "rep_loop": ("轮播", "Attract loop"),
    "rep_showings": ("展示次数", "Showings"),
    "rep_loop_kinds": ("各类内容展示次数", "Showings per kind"),
    "rep_loop_top": ("展示最多的内容", "Items shown most"),
    # content
    "rep_content": ("内容变更", "Content changes"),
    "rep_changes_unknown": (
        "本终端的数据库早于内容变更记录功能，因此本期内容变更无法得知。",
        "This kiosk's catalogue predates change records, so content changes cannot be known.",
    ),
    "rep_changes_partial": (
        "内容变更记录始于 {since}；此前的变更无法得知。",
        "Content changes are recorded from {since}; changes before then cannot be known.",
    ),
    "rep_changes_count": ("变更汇总", "Changes by kind"),
    "rep_action": ("变更", "Change"),
    "rep_source": ("来源", "Source"),
    "rep_origin": ("出处", "From"),
    "rep_fields": ("字段", "Fields"),
    "rep_time": ("时间", "Time"),
    "rep_count": ("次数", "Count"),
    "rep_action_added": ("新增", "added"),
    "rep_action_changed": ("修改", "changed"),
    "rep_action_shown": ("显示", "shown"),
    "rep_action_hidden": ("隐藏", "hidden"),
    "rep_action_deleted": ("删除", "deleted"),
    "rep_source_import": ("导入", "import"),
    "rep_source_usb": ("U盘", "USB stick"),
    "rep_source_bundle": ("内容包", "bundle"),
    "rep_source_watch": ("监视文件夹", "watch folder"),
    "rep_source_panel": ("管理面板", "operator panel"),
    "rep_source_demo": ("演示", "demo"),
    # problems
    "rep_problems": ("故障与问题", "Problems"),
    "rep_broken": ("无法播放或被跳过的文件", "Broken or skipped files"),
    "rep_context": ("场合", "Context"),
    "rep_context_loop": ("轮播", "loop"),
    "rep_context_visitor": ("观众", "visitor"),
    "rep_outcome": ("结果", "Outcome"),
    "rep_outcome_failed": ("失败", "failed"),
    "rep_outcome_skipped": ("跳过", "skipped"),
    "rep_reason": ("原因", "Reason"),
    "rep_first": ("首次", "First"),
    "rep_last": ("最近", "Last"),
    "rep_crashes": ("崩溃与无响应", "Crashes and hangs"),
    "rep_how": ("情况", "How"),
    "rep_code": ("代码", "Code"),
    "rep_how_crash": ("崩溃", "crash"),
    "rep_how_hang": ("无响应", "hang"),
    "rep_how_failed-start": ("启动失败", "failed start"),
    "rep_how_lost": ("失去联系", "lost"),
    "rep_clock": ("时钟警告", "Clock warnings"),
    "rep_clock_rule": (
        "终端时钟被回拨（某次启动早于上一次结束）时列于此处。",
        "Listed when the kiosk's clock went back (a start before the previous run's end).",
    ),
    "rep_clock_before": ("上次结束", "Previous end"),
    "rep_clock_after": ("下次启动", "Next start"),
    # the quiz and the pledge wall (their own figures: kiosk/strings/quiz.py, pledge.py)
    "rep_quiz": ("知识问答与廉洁承诺", "Quiz and pledges"),
    "rep_quiz_none": (
        "本期没有知识竞答轮次，也没有廉洁承诺签名。",
        "No quiz round was played and no pledge was signed in this period.",
    ),
    "rep_quiz_unknown": (
        "知识竞答数字不详：所读记录由较早版本写出，不含竞答记录。",
        "The quiz's figures are not known: the records read were written by an earlier "
        "version, without the quiz's records.",
    ),
    "rep_quiz_partial": (
        "知识竞答数字不全：部分记录由较早版本写出，不含竞答记录，以上仅为其余记录之数。",
        "The quiz's figures are incomplete: some records were written by an earlier version "
        "without the quiz's records; the figures above are of the others only.",
    ),
    "rep_signed_unknown": (
        "签名人数不详：所读记录由较早版本写出，不含签名记录。",
        "The number of signatures is not known: the records read were written by an earlier "
        "version, without the signatures.",
    ),
    "rep_signed_partial": (
        "签名人数不全：部分记录由较早版本写出，不含签名记录，以上仅为其余记录之数。",
        "The number of signatures is incomplete: some records were written by an earlier "
        "version without the signatures; the figure above is of the others only.",
    ),
    # the county report
    "rep_county_summary": ("各终端概况", "Kiosks at a glance"),
    "rep_county_totals": ("全部终端合计", "All kiosks together"),
    "rep_films_completed": ("影片播完", "Films completed"),
    "rep_kiosk_section": ("终端：{kiosk}", "Kiosk: {kiosk}"),
    # the operator panel's Report page (kiosk/ui/operator/report_page.py)
    "rep_panel_button": ("本月报告", "This month's report"),
    "rep_panel_title": ("本月运行情况", "This month so far"),
    "rep_panel_period": ("{first} 至 {last}（截至 {now}）", "{first} to {last} (as of {now})"),
    "rep_panel_loading": ("正在统计……", "Counting…"),
    "rep_panel_save": ("保存到U盘", "Save to USB stick"),
    "rep_panel_saving": ("正在写入U盘……", "Writing to the USB stick…"),
    "rep_panel_saved": (
        "已保存 {n} 个文件到 {folder}，可以拔出U盘",
        "{n} files saved to {folder}; the stick can be removed",
    ),
    "rep_panel_no_stick": (
        "没有找到U盘；请插入U盘后再试",
        "No USB stick found; insert one and try again",
    ),
    "rep_panel_failed": ("无法保存：{why}", "Could not save: {why}"),
    # the command
    "rep_wrote": ("已写出：{path}", "wrote {path}"),
    "rep_read_sets": ("读取了 {n} 份记录", "read {n} record sets"),
    "rep_skipped_set": ("未读取：{line}", "not read: {line}"),
    "rep_overlap": (
        "{path}：{kiosk} 的 {first} 至 {last} 已由其他记录包含，跳过以免重复计数",
        "{path}: {kiosk} from {first} to {last} is already in another set; skipped so "
        "nothing is counted twice",
    ),
    "rep_no_sets": ("在给出的文件夹中没有找到记录", "no records found in the folders given"),
    "rep_bad_month": (
        "“{text}”不是月份；请写作 年-月，如 2026-11",
        "'{text}' is not a month; write it as YYYY-MM, e.g. 2026-11",
    ),
    "rep_bad_day": (
        "“{text}”不是日期；请写作 年-月-日，如 2026-11-03",
        "'{text}' is not a date; write it as YYYY-MM-DD, e.g. 2026-11-03",
    ),
    "rep_bad_period": (
        "统计期间的结束日期 {last} 早于开始日期 {first}",
        "the period ends ({last}) before it starts ({first})",
    ),
    "rep_bad_zone": (
        "kiosk.toml [exhibition] time_zone “{name}”不是已知的时区；请写作如 Asia/Shanghai",
        "kiosk.toml [exhibition] time_zone '{name}' is not a known time zone; write e.g. "
        "Asia/Shanghai",
    ),
    "rep_period_twice": (
        "请只给出 --month，或 --from 与 --to",
        "give either --month or --from and --to",
    ),
}
