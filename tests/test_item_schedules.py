"""Schedules per item (issue 10 §4): the sheet's schedule columns at import, told in the
operator's headings and both languages, and stored for the playlist and ``kiosk schedule``."""

from __future__ import annotations

from pathlib import Path

from kiosk.ingest.importer import Importer, import_lines
from kiosk.schedule.items import ItemSchedule

HEAD = "编号,类型,标题,星期,时段,节日,提前天数,延后天数,占比\n"


def run_import(catalogue, store, sheet: Path):
    return Importer(catalogue, store).run([sheet])


def sheet(tmp_path: Path, rows: str, head: str = HEAD) -> Path:
    path = tmp_path / "s.csv"
    path.write_text(head + rows, encoding="utf-8")
    return path


def test_schedule_columns_are_stored_normalised_and_read_back(catalogue, store, tmp_path):
    report = run_import(
        catalogue,
        store,
        sheet(
            tmp_path,
            "a,格言,甲,一至五,18:00-02:00；08:00-12:00,春节,10,2,1/3\n"
            "b,格言,乙,,,,,,\n"
            'c,格言,丙,"6,7",,mid-autumn festival,3,,\n',
        ),
    )
    assert report.rejected == []
    a = catalogue.item("a")
    assert {k: a[k] for k in ItemSchedule.parse(a)[0].columns()} == {
        "weekdays": "1,2,3,4,5",
        "hours": "08:00-12:00;18:00-02:00",
        "festival": "春节",
        "days_before": 10,
        "days_after": 2,
        "share": "1/3",
    }
    assert ItemSchedule.parse(a) == ItemSchedule.parse(
        {
            "weekdays": "1-5",
            "hours": "08:00-12:00;18:00-02:00",
            "festival": "Spring Festival",
            "days_before": 10,
            "days_after": 2,
            "share": "1/3",
        }
    )
    assert [catalogue.item("b")[k] for k in ("weekdays", "hours", "festival", "share")] == [
        None
    ] * 4
    # The same sheet again changes nothing.
    again = run_import(catalogue, store, tmp_path / "s.csv")
    assert again.counts["unchanged"] == 3


BAD_ROWS = (
    "ok,格言,好,1-5,,,,,\n"
    "b1,格言,甲,8,25:00-26:00,,,,\n"
    "b2,格言,乙,,,春截,-3,,\n"
    "b3,格言,丙,,08:00-12:00;11:00-13:00,,,,\n"
    "b4,格言,丁,,09:00-09:00,Mid Autum Festival,,,\n"
)


def test_bad_schedules_are_refused_one_line_a_row_with_every_problem(catalogue, store, tmp_path):
    report = run_import(catalogue, store, sheet(tmp_path, BAD_ROWS))
    assert import_lines(report, "zh") == [
        "未导入：s.csv 第3行 星期：“8”，“8”不是星期几；可写 1 到 7（1 为星期一，7 为星期日）"
        "或 一 到 日，如 1-5、6,7、一至五、六,日；时段：“25:00-26:00”，25:00 不是一天中的时刻；"
        "时刻应在 00:00 "
        "到 23:59 之间（结束可写 24:00）",
        "未导入：s.csv 第4行 节日：“春截”，不是已知的节日，是否指“春节”？可写：元旦、春节、元宵节、"
        "清明节、劳动节、端午节、七一、八一、中秋节、重阳节、国庆节；提前天数：“-3”，天数不能为负数；"
        "应为 0 到 365 之间的整数",
        "未导入：s.csv 第5行 时段：“08:00-12:00;11:00-13:00”，08:00-12:00 与 11:00-13:00 重叠；"
        "各时段不能相互重叠",
        "未导入：s.csv 第6行 时段：“09:00-09:00”，开始与结束相同，时段为空；请写不同的结束时间"
        "（可跨午夜，如 18:00-02:00）；节日：“Mid Autum Festival”，不是已知的节日，是否指"
        "“Mid-Autumn Festival”？可写：元旦、春节、元宵节、清明节、劳动节、端午节、七一、八一、"
        "中秋节、重阳节、国庆节",
        "新增 1，更新 0，未变 0，重复跳过 0，未导入 4",
    ]
    assert import_lines(report, "en")[:4] == [
        "rejected: s.csv row 3: 星期: '8': \"8\" is not a day of the week; write 1 to 7 (1 is "
        "Monday, 7 Sunday) or 一 to 日, e.g. 1-5, 6,7, 一至五, 六,日; 时段: '25:00-26:00': 25:00 "
        "is not a time of day; times run from 00:00 to 23:59 (an end may be 24:00)",
        "rejected: s.csv row 4: 节日: '春截': not a known festival; did you mean \"春节\"? Known: "
        "New Year's Day, Spring Festival, Lantern Festival, Qingming Festival, Labour Day, "
        "Dragon Boat Festival, Party Founding Day, Army Day, Mid-Autumn Festival, Double Ninth "
        "Festival, National Day; 提前天数: '-3': a number of days cannot be negative; write a "
        "whole number from 0 to 365",
        "rejected: s.csv row 5: 时段: '08:00-12:00;11:00-13:00': 08:00-12:00 overlaps "
        "11:00-13:00; bands must not overlap",
        "rejected: s.csv row 6: 时段: '09:00-09:00': it starts and ends at the same time, so it "
        "is empty; give a different end (past midnight is allowed, e.g. 18:00-02:00); 节日: "
        "'Mid Autum Festival': not a known festival; did you mean \"Mid-Autumn Festival\"? "
        "Known: New Year's Day, Spring Festival, Lantern Festival, Qingming Festival, Labour "
        "Day, Dragon Boat Festival, Party Founding Day, Army Day, Mid-Autumn Festival, Double "
        "Ninth Festival, National Day",
    ]
    assert catalogue.keys() == {"ok"}  # nothing of a refused row is imported


def test_english_headings_are_named_as_written(catalogue, store, tmp_path):
    head = "key,kind,title,weekdays,days_before\n"
    report = run_import(catalogue, store, sheet(tmp_path, "k,aphorism,t,1-5,7\n", head))
    assert import_lines(report, "en")[0] == (
        "rejected: s.csv row 2: days_before: '7': there is no festival to count the days from; "
        "fill in the festival or leave this empty"
    )
