"""The hall's opening hours: the ``[hours]`` section of kiosk.toml.

``mon`` … ``sun``: ``"closed"`` (or ``"闭馆"``) or bands such as ``"09:00-12:00, 14:00-17:30"``;
a band past midnight (``"18:00-02:00"``) belongs to the day it starts.  ``closed``: dates
the hall is shut (``"2027-02-06"``).  ``open``: extra open dates, with their bands
(``"2027-02-08 09:00-12:00"``) or without (the bands of that weekday, or of the next
weekday that opens when that weekday is closed).  ``closed_festivals``: festival days
shut, ``"春节"`` for the festival's own day, ``"春节+0..2"`` for it and the two days after
(初一 to 初三), ``"春节-1"`` for the eve, ``"国庆节+0..6"`` for the National Day week.
``outside``: what the screen does while closed.

A closed date wins over an extra open date, which wins over a festival closing and the
weekday.  With nothing set the hall is always open.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from kiosk.schedule import festivals
from kiosk.schedule.bands import ALL_DAY, Band, parse_bands
from kiosk.schedule.festivals import Festival
from kiosk.schedule.problems import Problem, as_text, parse_date, problem

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
OUTSIDE = ("screen-off", "closed-screen", "play")
ALL_DAY_TEXT = ALL_DAY.text()
ALL_DAY_BANDS = (ALL_DAY,)
CLOSED_WORDS = ("closed", "闭馆")
MAX_OFFSET = 365
SEARCH_DAYS = 400  # how far ahead next_opening looks before it gives up

_DATED = re.compile(r"^(\d{4}-\d{1,2}-\d{1,2})(?:\s+(.+))?$")
_FESTIVAL_DAYS = re.compile(r"^(?P<name>.+?)\s*(?:(?P<a>[+-]\d+)(?:\s*\.\.\s*(?P<b>[+-]?\d+))?)?$")


@dataclass(frozen=True)
class FestivalClosing:
    """The days from ``first`` to ``last`` days after a festival (negative: before it)."""

    festival: Festival
    first: int = 0
    last: int = 0

    def covers(self, day: date) -> bool:
        return festivals.window(self.festival, day, -self.first, self.last) is not None


@dataclass(frozen=True)
class OpeningHours:
    week: tuple[tuple[Band, ...], ...] = (ALL_DAY_BANDS,) * 7  # Monday first
    closed: frozenset[date] = frozenset()
    extra_open: Mapping[date, tuple[Band, ...]] = field(default_factory=dict, hash=False)
    closed_festivals: tuple[FestivalClosing, ...] = ()
    outside: str = "closed-screen"

    @classmethod
    def parse(cls, section: Mapping[str, Any]) -> tuple[OpeningHours, list[Problem]]:
        """The hours in a ``[hours]`` section; a key with a problem keeps its default."""
        values: dict[str, Any] = {}
        week = list(cls.week)
        problems: list[Problem] = []
        for key, value in section.items():
            parsed, found = _parse_key(key, value)
            problems += found
            if found:
                continue
            if key in DAYS:
                week[DAYS.index(key)] = parsed
            else:
                values["extra_open" if key == "open" else key] = parsed
        return cls(week=tuple(week), **values), problems

    @classmethod
    def from_settings(cls, section: object) -> OpeningHours:
        """The hours of settings already checked (``Settings.hours``)."""
        return cls.parse(vars(section))[0]

    def bands_on(self, day: date) -> tuple[Band, ...]:
        """The bands starting on ``day`` (none when it is closed), for display too."""
        if day in self.closed:
            return ()
        if day in self.extra_open:
            return self.extra_open[day] or self._usual_bands(day)
        if any(c.covers(day) for c in self.closed_festivals):
            return ()
        return self.week[day.weekday()]

    def _usual_bands(self, day: date) -> tuple[Band, ...]:
        for n in range(7):
            if bands := self.week[(day.weekday() + n) % 7]:
                return bands
        return ALL_DAY_BANDS

    def is_open(self, now: datetime) -> bool:
        for day in (now.date() - timedelta(days=1), now.date()):
            for band in self.bands_on(day):
                start, end = band.span(day)
                if start <= now < end:
                    return True
        return False

    def current(self, now: datetime) -> tuple[datetime, datetime] | None:
        """The opening the hall is in (start, end), or None when it is closed.  The start is
        no earlier than the day before ``now``'s, the end no later than SEARCH_DAYS ahead."""
        for start, end in self._openings(now.date() - timedelta(days=1)):
            if start > now:
                return None
            if now < end:
                return start, end
        return None

    def next_opening(self, now: datetime) -> datetime | None:
        """When the hall next opens after ``now`` (searching SEARCH_DAYS ahead), or None."""
        for start, _end in self._openings(now.date() - timedelta(days=1)):
            if start > now:
                return start
        return None

    def _openings(self, first_day: date) -> Iterator[tuple[datetime, datetime]]:
        """The openings from ``first_day`` on, in order; bands that touch or overlap (a
        band past midnight and the next morning's) make one opening."""
        pending: tuple[datetime, datetime] | None = None
        for n in range(SEARCH_DAYS):
            day = first_day + timedelta(days=n)
            for band in self.bands_on(day):
                start, end = band.span(day)
                if pending is not None and start <= pending[1]:
                    pending = (pending[0], max(pending[1], end))
                    continue
                if pending is not None:
                    yield pending
                pending = start, end
        if pending is not None:
            yield pending


def check(key: str, value: Any) -> list[Problem]:
    """The problems of one ``[hours]`` setting (kiosk.settings reports them)."""
    return _parse_key(key, value)[1]


def _parse_key(key: str, value: Any) -> tuple[Any, list[Problem]]:
    where = f"[hours] {key}"
    if key in DAYS:
        text = as_text(value)
        if text.casefold() in CLOSED_WORDS:
            return (), []
        if not any(c.isdigit() for c in text):  # a word, but not "closed"
            return None, [problem(where, text, "sched_bad_day")]
        return parse_bands(text, where)
    if key == "outside":
        text = as_text(value)
        if text in OUTSIDE:
            return text, []
        return None, [problem(where, text, "sched_bad_outside", accepted=", ".join(OUTSIDE))]
    entries = value if isinstance(value, list | tuple) else [value]
    if key == "closed":
        days, problems = _each(entries, where, _parse_date)
        return frozenset(days), problems
    if key == "open":
        dated, problems = _each(entries, where, _parse_open)
        return dict(dated), problems
    if key == "closed_festivals":
        closings, problems = _each(entries, where, _parse_festival_days)
        return tuple(closings), problems
    accepted = ", ".join((*DAYS, "closed", "open", "closed_festivals", "outside"))
    return None, [problem("[hours]", key, "sched_unknown_key", accepted=accepted)]


def _each(
    entries: list[Any] | tuple[Any, ...],
    where: str,
    parse: Callable[[Any, str], tuple[Any, list[Problem]]],
) -> tuple[list[Any], list[Problem]]:
    results, problems = [], []
    for entry in entries:
        result, found = parse(entry, where)
        results.append(result)
        problems += found
    return results, problems


def _parse_date(entry: Any, where: str) -> tuple[date | None, list[Problem]]:
    return parse_date(as_text(entry), where)


def _parse_open(entry: Any, where: str) -> tuple[tuple[date, tuple[Band, ...]], list[Problem]]:
    text = as_text(entry)
    m = _DATED.match(text)
    day = parse_date(m.group(1), where)[0] if m else None
    if m is None or day is None:
        return (date.min, ()), [problem(where, text, "sched_bad_open_date")]
    bands, problems = parse_bands(m.group(2), where) if m.group(2) else ((), [])
    return (day, bands), problems


def _parse_festival_days(entry: Any, where: str) -> tuple[FestivalClosing | None, list[Problem]]:
    text = as_text(entry)
    m = _FESTIVAL_DAYS.match(text)
    festival = festivals.find(m.group("name")) if m else None
    if m is None or festival is None:
        return None, [festivals.unknown(where, m.group("name") if m else text)]
    first = int(m.group("a") or 0)
    last = int(m.group("b")) if m.group("b") else first
    if not -MAX_OFFSET <= first <= last <= MAX_OFFSET:
        return None, [problem(where, text, "sched_bad_festival_days", most=MAX_OFFSET)]
    return FestivalClosing(festival, first, last), []
