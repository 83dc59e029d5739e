"""An item's schedule from its sheet columns, evaluated with an injected clock."""

from __future__ import annotations

from datetime import date, datetime
from fractions import Fraction

import pytest

from kiosk.schedule.festivals import find
from kiosk.schedule.items import ItemSchedule


def schedule(**columns) -> ItemSchedule:
    parsed, problems = ItemSchedule.parse(columns)
    assert problems == []
    return parsed


# 2027-03-01 is a Monday.
@pytest.mark.parametrize(
    "written, days",
    [
        ("1-5", {1, 2, 3, 4, 5}),
        ("6,7", {6, 7}),
        ("一至五", {1, 2, 3, 4, 5}),
        ("六,日", {6, 7}),
        ("六、日", {6, 7}),
        ("周一至周五", {1, 2, 3, 4, 5}),
        ("星期六，星期日", {6, 7}),
        ("1 - 3, 5", {1, 2, 3, 5}),
        (3, {3}),
    ],
)
def test_weekdays_as_operators_write_them(written, days):
    item = schedule(weekdays=written)
    assert item.weekdays == frozenset(days)
    played = {d for d in range(1, 8) if item.plays_on(date(2027, 3, d))}
    assert played == days


def test_an_empty_schedule_always_plays():
    item = schedule(weekdays="", hours=None, festival="  ")
    assert item == ItemSchedule()
    assert item.plays_at(datetime(2027, 3, 7, 3, 0))
    why = item.why(datetime(2027, 3, 7, 3, 0))
    assert why.kind == "always" and why.text("zh") == "每天" and why.text("en") == "every day"


def test_time_bands_with_either_semicolon():
    item = schedule(hours="08:00-12:00；14:00-18:00")
    assert [b.text() for b in item.hours] == ["08:00-12:00", "14:00-18:00"]
    assert schedule(hours="08:00-12:00; 14:00-18:00") == item
    assert item.plays_at(datetime(2027, 3, 1, 8)) and item.plays_at(datetime(2027, 3, 1, 17, 59))
    assert not item.plays_at(datetime(2027, 3, 1, 12)) and not item.plays_at(
        datetime(2027, 3, 1, 7)
    )


def test_a_band_past_midnight_counts_for_the_day_it_starts():
    friday_nights = schedule(weekdays="5", hours="20:00-02:00")
    assert friday_nights.plays_at(datetime(2027, 3, 6, 1, 30))  # Saturday 01:30, Friday's band
    assert not friday_nights.plays_at(datetime(2027, 3, 5, 1, 30))  # Friday 01:30: Thursday's
    assert friday_nights.plays_at(datetime(2027, 3, 5, 21))


def test_a_festival_campaign_and_why_it_plays():
    item = schedule(festival="中秋节", days_before="10", days_after=2, weekdays="1-5", share="1/3")
    assert item.festival is find("中秋节") and item.share == Fraction(1, 3)
    assert item.plays_on(date(2027, 9, 6)) and not item.plays_on(date(2027, 9, 4))
    assert not item.plays_on(date(2027, 9, 11))  # a Saturday
    assert item.plays_on(date(2027, 9, 17)) and not item.plays_on(date(2027, 9, 18))
    why = item.why(datetime(2027, 9, 15, 10))
    assert why.kind == "festival" and why.window == (date(2027, 9, 5), date(2027, 9, 17))
    assert why.text("zh") == "中秋节活动期 2027-09-05 至 2027-09-17；每周一、二、三、四、五"
    assert why.text("en") == (
        "Mid-Autumn Festival window from 2027-09-05 to 2027-09-17; on Mon, Tue, Wed, Thu, Fri"
    )
    # 2028: the festival is on 3 October.
    assert item.why(date(2028, 9, 25)).window == (date(2028, 9, 23), date(2028, 10, 5))


def test_a_spring_festival_campaign_across_the_new_year():
    item = schedule(festival="Spring Festival", days_before=30)
    assert item.plays_on(date(2027, 12, 27)) and not item.plays_on(date(2027, 12, 26))
    assert item.why(date(2028, 1, 1)).window == (date(2027, 12, 27), date(2028, 1, 26))


def test_weekdays_and_valid_dates():
    item = schedule(weekdays="6,7", hours="09:00-11:00", valid_from="2027-03-06", valid_until="")
    why = item.why(date(2027, 3, 6))
    assert why.kind == "weekdays" and why.text("en") == "on Sat, Sun; 09:00-11:00"
    assert why.text("zh") == "每周六、日；09:00-11:00"
    assert item.why(date(2027, 2, 27)) is None  # a Saturday before valid_from
    assert schedule(valid_until=date(2027, 3, 1)).plays_on(date(2027, 3, 1))
    assert not schedule(valid_until="2027-03-01").plays_on(date(2027, 3, 2))


BAD = [
    (
        {"hours": "25:00-26:00"},
        "时段“25:00-26:00”：25:00 不是一天中的时刻；时刻应在 00:00 到 23:59 之间（结束可写 24:00）",
        'hours "25:00-26:00": 25:00 is not a time of day; times run from 00:00 to 23:59 '
        "(an end may be 24:00)",
    ),
    (
        {"weekdays": 8},
        "星期“8”：“8”不是星期几；可写 1 到 7（1 为星期一，7 为星期日）或 一 到 日，"
        "如 1-5、6,7、一至五、六,日",
        'weekdays "8": "8" is not a day of the week; write 1 to 7 (1 is Monday, 7 Sunday) '
        "or 一 to 日, e.g. 1-5, 6,7, 一至五, 六,日",
    ),
    (
        {"festival": "端五节"},
        "节日“端五节”：不是已知的节日，是否指“端午节”？可写：元旦、春节、元宵节、清明节、劳动节、"
        "端午节、七一、八一、中秋节、重阳节、国庆节",
        'festival "端五节": not a known festival; did you mean "端午节"? Known: '
        "New Year's Day, Spring Festival, Lantern Festival, Qingming Festival, Labour Day, "
        "Dragon Boat Festival, Party Founding Day, Army Day, Mid-Autumn Festival, "
        "Double Ninth Festival, National Day",
    ),
    (
        {"festival": "Mid Autum"},
        "节日“Mid Autum”：不是已知的节日，是否指“Mid-Autumn Festival”？可写：元旦、春节、元宵节、"
        "清明节、劳动节、端午节、七一、八一、中秋节、重阳节、国庆节",
        'festival "Mid Autum": not a known festival; did you mean "Mid-Autumn Festival"? Known: '
        "New Year's Day, Spring Festival, Lantern Festival, Qingming Festival, Labour Day, "
        "Dragon Boat Festival, Party Founding Day, Army Day, Mid-Autumn Festival, "
        "Double Ninth Festival, National Day",
    ),
    (
        {"festival": "春节", "days_before": -3},
        "提前天数“-3”：天数不能为负数；应为 0 到 365 之间的整数",
        'days_before "-3": a number of days cannot be negative; write a whole number from 0 to 365',
    ),
    (
        {"hours": "08:00-12:00; 11:00-13:00"},
        "时段“08:00-12:00; 11:00-13:00”：08:00-12:00 与 11:00-13:00 重叠；各时段不能相互重叠",
        'hours "08:00-12:00; 11:00-13:00": 08:00-12:00 overlaps 11:00-13:00; '
        "bands must not overlap",
    ),
    (
        {"hours": "09:00-09:00"},
        "时段“09:00-09:00”：开始与结束相同，时段为空；请写不同的结束时间"
        "（可跨午夜，如 18:00-02:00）",
        'hours "09:00-09:00": it starts and ends at the same time, so it is empty; '
        "give a different end (past midnight is allowed, e.g. 18:00-02:00)",
    ),
    (
        {"weekdays": "五至一"},
        "星期“五至一”：“五至一”的起始日晚于结束日；请按星期一到星期日的顺序书写，如 1-5 或 6,7",
        'weekdays "五至一": "五至一" starts after it ends; write the days from Monday to Sunday, '
        "e.g. 1-5 or 6,7",
    ),
    (
        {"days_after": "3"},
        "延后天数“3”：没有填写节日，天数无从计算；请填写“节日”一栏，或清空此栏",
        'days_after "3": there is no festival to count the days from; fill in the festival or '
        "leave this empty",
    ),
    (
        {"share": "3/2"},
        "占比“3/2”：应写作分数，如 1/3（每三次播放中有一次来自该活动）；分子须大于 0 且不大于分母",
        'share "3/2": write a fraction such as 1/3 (one showing in three from the campaign); '
        "the top must be more than 0 and at most the bottom",
    ),
    (
        {"valid_from": "2027-13-01"},
        "生效日期“2027-13-01”：不是日期；应写作 年-月-日，如 2027-02-06",
        'valid_from "2027-13-01": not a date; write YYYY-MM-DD, e.g. 2027-02-06',
    ),
]


@pytest.mark.parametrize("columns, zh, en", BAD)
def test_a_bad_value_is_one_problem_in_each_language_and_the_default(columns, zh, en):
    parsed, problems = ItemSchedule.parse(columns)
    assert [p.text("zh") for p in problems] == [zh]
    assert [p.text("en") for p in problems] == [en]
    good = {k: v for k, v in columns.items() if k == "festival" and "春节" in str(v)}
    assert parsed == ItemSchedule.parse(good)[0]


def test_days_are_whole_and_bounded():
    for written in ("3.5", "400", "three"):
        _parsed, problems = ItemSchedule.parse({"festival": "春节", "days_after": written})
        assert [p.reason for p in problems] == ["sched_bad_days"]
    assert schedule(festival="春节", days_after=3.0).days_after == 3
