"""The warning cases (警示案例): the section, the case page and the loop's case card."""

from __future__ import annotations

CASES: dict[str, tuple[str, str]] = {
    # the section (kiosk/ui/cases/section.py)
    "cases_by_year": ("按年份", "By year"),
    "cases_by_topic": ("按专题", "By topic"),
    "cases_other": ("其他", "Other"),
    "cases_undated": ("年份不详", "Date unknown"),
    # the case page (kiosk/ui/cases/page.py), headed like the parts of a notice
    "case_person": ("人物及原任职务", "Person and former post"),
    "case_summary": ("主要问题", "What was done"),
    "case_outcome": ("处理结果", "Outcome"),
    "case_confession": ("忏悔摘录（本人原话）", "From the confession (the person's own words)"),
    # a notice's date, in Qt's date format (QLocale.toString)
    "case_date_format": ("yyyy年M月d日", "d MMMM yyyy"),
    # kiosk.toml
    "set_help_attract_case_s": (
        "每个警示案例展示的秒数（轮播默认不含案例：在 kinds 中加入 case 才会轮播）",
        "Seconds each warning case shows (the loop leaves cases out unless kinds lists case)",
    ),
}
