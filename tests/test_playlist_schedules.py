"""The attract playlist follows each work's schedule, asked with an injected clock: festival
windows (2027 and 2028), a band across midnight, weekdays, and a campaign's share."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from test_playlist import ATTRACT, FakeLibrary, take, work

from kiosk.catalog.library import Library
from kiosk.ingest.importer import Importer
from kiosk.playlist import AttractPlaylist


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def scheduled(key: str, **columns) -> object:
    w = work(key, "aphorism", title_zh=f"句{key}")
    w.item.update(columns)
    return w


def playlist(clock: Clock, *works) -> AttractPlaylist:
    return AttractPlaylist(FakeLibrary(list(works)).works, ATTRACT, now=clock)


def days_playing(clock: Clock, pl: AttractPlaylist, key: str, first: date, last: date) -> list:
    """The days from ``first`` to ``last`` on which ``key`` is shown at noon."""
    out = []
    day = first
    while day <= last:
        clock.now = datetime(day.year, day.month, day.day, 12)
        if key in take(pl, 2):
            out.append(day)
        day += timedelta(days=1)
    return out


def test_a_spring_festival_campaign_plays_from_seven_days_before_in_2027_and_2028():
    clock = Clock(datetime(2027, 1, 1, 12))
    pl = playlist(clock, scheduled("base"), scheduled("cny", festival="春节", days_before=7))
    shown = days_playing(clock, pl, "cny", date(2027, 1, 20), date(2027, 2, 15))
    assert (shown[0], shown[-1], len(shown)) == (date(2027, 1, 30), date(2027, 2, 6), 8)
    shown = days_playing(clock, pl, "cny", date(2028, 1, 10), date(2028, 2, 5))
    assert (shown[0], shown[-1], len(shown)) == (date(2028, 1, 19), date(2028, 1, 26), 8)


def test_days_after_and_mid_autumn_2028():
    clock = Clock(datetime(2028, 9, 1, 12))
    pl = playlist(
        clock, scheduled("base"), scheduled("moon", festival="中秋节", days_before=1, days_after=2)
    )
    shown = days_playing(clock, pl, "moon", date(2028, 9, 25), date(2028, 10, 10))
    assert shown == [date(2028, 10, 2), date(2028, 10, 3), date(2028, 10, 4), date(2028, 10, 5)]


def test_a_band_across_midnight_belongs_to_the_day_it_starts():
    # Friday evenings only: 18:00 to 02:00 the next morning.
    clock = Clock(datetime(2027, 1, 29, 17, 59))  # a Friday
    pl = playlist(clock, scheduled("base"), scheduled("night", weekdays="5", hours="18:00-02:00"))
    seen = {}
    for when in (
        datetime(2027, 1, 29, 17, 59),
        datetime(2027, 1, 29, 18, 0),
        datetime(2027, 1, 29, 23, 30),
        datetime(2027, 1, 30, 1, 59),  # Saturday, but the band began on Friday
        datetime(2027, 1, 30, 2, 0),
        datetime(2027, 1, 30, 19, 0),  # Saturday evening: not Friday's band
        datetime(2027, 1, 29, 1, 0),  # Friday small hours: Thursday's band, and Thursday is out
    ):
        clock.now = when
        seen[when.strftime("%a %H:%M")] = "night" in take(pl, 2)
    assert seen == {
        "Fri 17:59": False,
        "Fri 18:00": True,
        "Fri 23:30": True,
        "Sat 01:59": True,
        "Sat 02:00": False,
        "Sat 19:00": False,
        "Fri 01:00": False,
    }


def test_weekdays_and_nothing_in_its_window():
    clock = Clock(datetime(2027, 1, 30, 10))  # a Saturday
    pl = playlist(clock, scheduled("weekend", weekdays="六,日"), scheduled("week", weekdays="1-5"))
    assert take(pl, 3) == ["weekend"] * 3
    clock.now = datetime(2027, 2, 1, 10)  # Monday
    assert take(pl, 3) == ["week"] * 3
    clock.now = datetime(2027, 2, 1, 10)
    only = playlist(clock, scheduled("weekend", weekdays="6,7"))
    assert only.next() is None and only.nothing_playable
    clock.now = datetime(2027, 2, 6, 10)
    assert not only.nothing_playable and only.next().key == "weekend"


def test_a_campaigns_share_from_an_imported_sheet(catalogue, store, tmp_path: Path):
    sheet = tmp_path / "s.csv"
    sheet.write_text(
        "编号,类型,标题,节日,提前天数,占比\n"
        "a1,格言,甲,,,\n"
        "a2,格言,乙,,,\n"
        "a3,格言,丙,,,\n"
        "jq1,格言,节前廉洁提醒一,春节,10,1/3\n"
        "jq2,格言,节前廉洁提醒二,春节,10,1/3\n",
        encoding="utf-8",
    )
    assert Importer(catalogue, store).run([sheet]).rejected == []
    clock = Clock(datetime(2027, 1, 26, 9))  # 11 days before 春节 2027-02-06: not yet
    pl = AttractPlaylist(Library(catalogue, store).works, ATTRACT, now=clock)
    assert take(pl, 6) == ["a1", "a2", "a3"] * 2
    clock.now = datetime(2027, 1, 27, 9)  # the window opens
    assert take(pl, 9) == ["a1", "a2", "jq1", "a3", "a1", "jq2", "a2", "a3", "jq1"]
    clock.now = datetime(2027, 2, 7, 9)  # the day after: closed again
    assert set(take(pl, 6)) == {"a1", "a2", "a3"}


def test_a_campaign_alone_fills_the_loop():
    clock = Clock(datetime(2027, 6, 8, 9))
    pl = playlist(clock, scheduled("duanwu", festival="端午节", days_before=3, share="1/3"))
    assert take(pl, 3) == ["duanwu"] * 3
