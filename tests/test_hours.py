"""Opening hours ([hours] in kiosk.toml) with an injected clock: no sleeping."""

from __future__ import annotations

from datetime import date, datetime

from kiosk.schedule.bands import Band
from kiosk.schedule.hours import OpeningHours
from kiosk.settings import Settings, example_toml, load

# 2027-03-01 is a Monday.
MON, TUE, WED, FRI, SAT, SUN = (date(2027, 3, d) for d in (1, 2, 3, 5, 6, 7))


def at(day: date, hh: int, mm: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hh, mm)


def hours(**section) -> OpeningHours:
    parsed, problems = OpeningHours.parse(section)
    assert problems == []
    return parsed


HALL = dict(
    mon="closed",
    tue="09:00-12:00, 14:00-17:30",
    wed="09:00-17:30",
    thu="09:00-17:30",
    fri="09:00-17:30",
    sat="closed",
    sun="closed",
)


def test_no_hours_means_always_open():
    always = OpeningHours.from_settings(Settings().hours)
    assert always == OpeningHours()
    for moment in (at(MON, 0), at(SAT, 3, 30), at(SUN, 23, 59), datetime(2028, 1, 26, 12)):
        assert always.is_open(moment)
    assert always.next_opening(at(SUN, 12)) is None
    assert always.bands_on(MON) == (Band(0, 24 * 60),)


def test_a_closed_monday_and_the_bands_of_a_day():
    hall = hours(**HALL)
    assert not hall.is_open(at(MON, 10))
    assert hall.bands_on(MON) == ()
    assert hall.is_open(at(TUE, 9)) and hall.is_open(at(TUE, 11, 59))
    assert not hall.is_open(at(TUE, 12)) and not hall.is_open(at(TUE, 8, 59))
    assert hall.current(at(TUE, 15)) == (at(TUE, 14), at(TUE, 17, 30))
    assert hall.current(at(TUE, 13)) is None
    assert [b.text() for b in hall.bands_on(TUE)] == ["09:00-12:00", "14:00-17:30"]


def test_a_band_past_midnight_belongs_to_the_day_it_starts():
    late = hours(tue="18:00-02:00", wed="closed")
    assert late.is_open(at(WED, 1))  # Tuesday's band, although Wednesday is closed
    assert not late.is_open(at(WED, 2))
    assert late.current(at(TUE, 23)) == (at(TUE, 18), at(WED, 2))
    assert not hours(tue="closed", wed="18:00-02:00").is_open(at(WED, 1))


def test_next_opening_over_a_closed_weekend():
    hall = hours(**HALL)
    assert hall.next_opening(at(FRI, 18)) == at(date(2027, 3, 9), 9)  # Tuesday: Monday closed
    assert hall.next_opening(at(TUE, 12, 30)) == at(TUE, 14)
    assert hall.next_opening(at(TUE, 10)) == at(TUE, 14)  # open now: the next opening after
    assert hours(**{d: "closed" for d in HALL}).next_opening(at(FRI, 18)) is None


def test_a_closed_date_and_an_extra_open_date():
    hall = hours(**HALL, closed=["2027-03-03"], open=["2027-03-06", "2027-03-07 10:00-12:00"])
    assert not hall.is_open(at(WED, 10))
    assert hall.is_open(at(SAT, 10)) and hall.bands_on(SAT) == hall.bands_on(TUE)
    assert hall.is_open(at(SUN, 11)) and not hall.is_open(at(SUN, 14))
    assert hall.next_opening(at(TUE, 18)) == at(date(2027, 3, 4), 9)
    # A closed date wins over an extra open date.
    both = hours(closed=["2027-03-06"], open=["2027-03-06"])
    assert not both.is_open(at(SAT, 10))


def test_closed_on_festival_days():
    hall = hours(closed_festivals=["春节+0..2", "国庆节", "Mid-Autumn Festival-1"])
    # 春节 2027 is 6 February: closed 6–8 February, open on the 5th and the 9th.
    assert hall.is_open(datetime(2027, 2, 5, 12))
    assert not any(hall.is_open(datetime(2027, 2, d, 12)) for d in (6, 7, 8))
    assert hall.is_open(datetime(2027, 2, 9, 0))
    assert hall.next_opening(datetime(2027, 2, 6, 12)) == datetime(2027, 2, 9, 0)
    assert not hall.is_open(datetime(2028, 1, 27, 12)) and hall.is_open(datetime(2028, 1, 29))
    assert not hall.is_open(datetime(2027, 10, 1, 10)) and hall.is_open(datetime(2027, 10, 2))
    assert not hall.is_open(datetime(2027, 9, 14, 10)) and hall.is_open(datetime(2027, 9, 15))
    # An extra open date wins over a festival closing.
    assert hours(closed_festivals=["春节+0..2"], open=["2027-02-07"]).is_open(
        datetime(2027, 2, 7, 12)
    )


def test_bad_hours_are_told_in_both_languages_and_keep_the_default():
    parsed, problems = OpeningHours.parse(
        {"tue": "25:00-26:00", "wed": "09:00-09:00", "thu": "09:00-12:00, 11:00-13:00"}
    )
    assert parsed == OpeningHours()
    assert [p.text("zh") for p in problems] == [
        "[hours] tue“25:00-26:00”：25:00 不是一天中的时刻；时刻应在 00:00 到 23:59 之间"
        "（结束可写 24:00）",
        "[hours] wed“09:00-09:00”：开始与结束相同，时段为空；请写不同的结束时间"
        "（可跨午夜，如 18:00-02:00）",
        "[hours] thu“09:00-12:00, 11:00-13:00”：09:00-12:00 与 11:00-13:00 重叠；"
        "各时段不能相互重叠",
    ]
    assert [p.text("en") for p in problems] == [
        '[hours] tue "25:00-26:00": 25:00 is not a time of day; times run from 00:00 to 23:59 '
        "(an end may be 24:00)",
        '[hours] wed "09:00-09:00": it starts and ends at the same time, so it is empty; '
        "give a different end (past midnight is allowed, e.g. 18:00-02:00)",
        '[hours] thu "09:00-12:00, 11:00-13:00": 09:00-12:00 overlaps 11:00-13:00; '
        "bands must not overlap",
    ]


def test_bad_dates_festivals_and_outside():
    parsed, problems = OpeningHours.parse(
        {
            "mon": "closd",
            "closed": ["2027-02-30"],
            "open": ["tomorrow"],
            "closed_festivals": ["春截+0..2", "春节+3..1"],
            "outside": "dark",
        }
    )
    assert parsed == OpeningHours()
    assert [p.text("en") for p in problems] == [
        '[hours] mon "closd": write "closed" or bands such as 09:00-17:30, several separated '
        "by commas",
        '[hours] closed "2027-02-30": not a date; write YYYY-MM-DD, e.g. 2027-02-06',
        '[hours] open "tomorrow": write YYYY-MM-DD, optionally followed by bands, '
        "e.g. 2027-02-08 or 2027-02-08 09:00-12:00",
        '[hours] closed_festivals "春截": not a known festival; did you mean "春节"? Known: '
        "New Year's Day, Spring Festival, Lantern Festival, Qingming Festival, Labour Day, "
        "Dragon Boat Festival, Party Founding Day, Army Day, Mid-Autumn Festival, "
        "Double Ninth Festival, National Day",
        '[hours] closed_festivals "春节+3..1": write a festival, festival+N or '
        "festival+FIRST..LAST (days from -365 to 365, FIRST not after LAST), "
        "e.g. 春节+0..2 or National Day+0..6",
        '[hours] outside "dark": must be one of screen-off, closed-screen, play',
    ]
    assert problems[3].text("zh") == (
        "[hours] closed_festivals“春截”：不是已知的节日，是否指“春节”？可写：元旦、春节、元宵节、"
        "清明节、劳动节、端午节、七一、八一、中秋节、重阳节、国庆节"
    )


def test_hours_in_the_settings_file(tmp_path):
    path = tmp_path / "kiosk.toml"
    path.write_text(
        '[hours]\nmon = "closed"\ntue = "18:00-02:00"\nwed = "25:00-26:00"\n'
        'closed = ["2027-02-06"]\nclosed_festivals = ["春节+0..2"]\noutside = "screen-off"\n',
        encoding="utf-8",
    )
    settings, problems = load(path)
    assert [p.render("en") for p in problems] == [
        'kiosk.toml [hours] wed "25:00-26:00": 25:00 is not a time of day; times run from '
        "00:00 to 23:59 (an end may be 24:00); using the default"
    ]
    assert settings.hours.wed == "00:00-24:00" and settings.hours.tue == "18:00-02:00"
    hall = OpeningHours.from_settings(settings.hours)
    assert hall.outside == "screen-off"
    assert not hall.is_open(at(MON, 10)) and hall.is_open(at(WED, 1))
    assert not hall.is_open(datetime(2027, 2, 7, 12))  # 春节 day 2 (a Sunday, else open)


def test_hours_section_in_the_example_file():
    text = example_toml()
    assert '[hours]\n# 星期一\nmon = "00:00-24:00"' in text
    assert 'outside = "closed-screen"' in text
