"""The opening controller with an injected clock: which state, and when it next changes."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from kiosk.schedule.hours import OpeningHours
from kiosk.schedule.opening import ClockWatch, Opening, State

# 2027-03-01 is a Monday.
MON, TUE, WED, THU, FRI, SAT, SUN = (date(2027, 3, d) for d in range(1, 8))


def at(day: date, hh: int, mm: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hh, mm)


def opening(**section) -> Opening:
    parsed, problems = OpeningHours.parse(section)
    assert problems == []
    return Opening(parsed)


HALL = dict(
    mon="closed",
    tue="09:00-12:00, 14:00-17:30",
    wed="09:00-17:30",
    thu="09:00-17:30",
    fri="18:00-02:00",  # a night opening, past midnight
    sat="closed",
    sun="closed",
)


def test_always_open_by_default_and_never_changes():
    always = Opening(OpeningHours())
    assert always.state(at(MON, 3)) is State.OPEN
    assert always.next_change(at(MON, 3)) is None


def test_a_closed_monday_shows_the_closed_screen_until_tuesday_morning():
    hall = opening(**HALL)
    assert hall.state(at(MON, 10)) is State.CLOSED_SCREEN
    assert hall.next_change(at(MON, 10)) == at(TUE, 9)
    assert hall.next_opening(at(MON, 10)) == at(TUE, 9)


def test_bands_with_a_lunch_break():
    hall = opening(**HALL)
    assert hall.state(at(TUE, 11, 59)) is State.OPEN
    assert hall.next_change(at(TUE, 11, 59)) == at(TUE, 12)
    assert hall.state(at(TUE, 12)) is State.CLOSED_SCREEN
    assert hall.next_change(at(TUE, 12)) == at(TUE, 14)
    assert hall.next_change(at(TUE, 14)) == at(TUE, 17, 30)
    assert hall.next_change(at(TUE, 17, 30)) == at(WED, 9)


def test_a_band_across_midnight_belongs_to_the_day_it_starts():
    hall = opening(**HALL)
    assert hall.state(at(FRI, 17, 59)) is State.CLOSED_SCREEN
    assert hall.next_change(at(FRI, 17, 59)) == at(FRI, 18)
    assert hall.state(at(FRI, 23, 30)) is State.OPEN
    assert hall.state(at(SAT, 1, 59)) is State.OPEN  # Saturday is closed, Friday's night is not
    assert hall.next_change(at(SAT, 1)) == at(SAT, 2)
    assert hall.state(at(SAT, 2)) is State.CLOSED_SCREEN
    assert hall.next_change(at(SAT, 2)) == at(TUE + timedelta(days=7), 9)


def test_a_closed_date_and_an_extra_open_date():
    hall = opening(**HALL, closed=["2027-03-03"], open=["2027-03-06 10:00-16:00"])
    assert hall.state(at(WED, 10)) is State.CLOSED_SCREEN
    assert hall.next_change(at(TUE, 15)) == at(TUE, 17, 30)
    assert hall.next_change(at(TUE, 17, 30)) == at(THU, 9)  # Wednesday is skipped
    assert hall.state(at(SAT, 12)) is State.OPEN
    assert hall.next_change(at(SAT, 12)) == at(SAT, 16)
    assert hall.next_change(at(SAT, 3)) == at(SAT, 10)


@pytest.mark.parametrize(
    ("outside", "state", "plays"),
    [
        ("closed-screen", State.CLOSED_SCREEN, False),
        ("screen-off", State.SCREEN_OFF, False),
        ("play", State.PLAY_OUTSIDE, True),
    ],
)
def test_outside_hours_the_setting_decides(outside, state, plays):
    hall = opening(**HALL, outside=outside)
    assert hall.state(at(MON, 10)) is state
    assert hall.state(at(MON, 10)).plays is plays
    assert hall.state(at(TUE, 10)).plays


def test_a_clock_before_the_release_is_told_once_per_event():
    watch = ClockWatch(date(2026, 12, 1))
    early = datetime(2000, 1, 1, 8, 0)
    assert watch.check(early)[0] == "clock_early"
    assert watch.check(early + timedelta(minutes=1)) is None  # told already
    # set right (a jump forward too, told as such), then wrong again: told again
    assert watch.check(datetime(2027, 3, 1, 9))[0] == "clock_jump"
    assert watch.check(datetime(2027, 3, 1, 9, 1)) is None
    assert watch.check(early)[0] == "clock_early"


def test_a_clock_jumping_more_than_a_day_between_ticks():
    watch = ClockWatch(date(2026, 12, 1))
    assert watch.check(at(MON, 9)) is None
    assert watch.check(at(TUE, 8, 59)) is None  # under a day
    key, values = watch.check(at(FRI, 9))
    assert key == "clock_jump"
    assert values == {"before": "2027-03-02 08:59", "now": "2027-03-05 09:00"}
    assert watch.check(at(FRI, 9, 1)) is None
    assert watch.check(at(MON, 9))[0] == "clock_jump"  # backwards too
