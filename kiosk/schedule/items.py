"""One item's schedule, from its sheet columns: when it may play and why.

Columns: ``weekdays`` (星期), ``hours`` (时段), ``festival`` (节日) with ``days_before``
(提前天数) and ``days_after`` (延后天数), ``share`` (占比) and the existing ``valid_from`` /
``valid_until``.  An empty column means no restriction.  A band past midnight belongs to
the day it starts: the weekday, festival window and dates are those of that day.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from fractions import Fraction
from typing import Any

from kiosk.schedule import festivals
from kiosk.schedule.bands import Band, parse_bands
from kiosk.schedule.festivals import Festival
from kiosk.schedule.problems import Problem, as_text, parse_date, problem
from kiosk.schedule.weekdays import parse_weekdays
from kiosk.strings import tr

EVERY_DAY = frozenset(range(1, 8))
MAX_DAYS = 365
_SHARE = re.compile(r"^(\d+)\s*/\s*(\d+)$")


@dataclass(frozen=True)
class Why:
    """Why an item plays on a day: every day, on some weekdays, in a festival window."""

    weekdays: frozenset[int]
    bands: tuple[Band, ...]
    festival: Festival | None = None
    window: tuple[date, date] | None = None

    @property
    def kind(self) -> str:
        if self.festival is not None:
            return "festival"
        return "weekdays" if self.weekdays != EVERY_DAY else "always"

    def text(self, lang: str) -> str:
        parts = []
        if self.festival is not None and self.window is not None:
            first, last = self.window
            parts.append(
                tr("sched_why_festival", lang).format(
                    festival=self.festival.name(lang), first=first, last=last
                )
            )
        if self.weekdays != EVERY_DAY:
            names = tr("sched_weekday_names", lang).split()
            days = tr("sched_list", lang).join(names[d - 1] for d in sorted(self.weekdays))
            parts.append(tr("sched_why_weekdays", lang).format(days=days))
        if not parts:
            parts.append(tr("sched_why_always", lang))
        if self.bands:
            parts.append(", ".join(b.text() for b in self.bands))
        return tr("sched_parts", lang).join(parts)


@dataclass(frozen=True)
class ItemSchedule:
    weekdays: frozenset[int] = EVERY_DAY  # 1 Monday … 7 Sunday
    hours: tuple[Band, ...] = ()  # bands; none: all day
    festival: Festival | None = None
    days_before: int = 0
    days_after: int = 0
    share: Fraction | None = None  # its group's share of the loop while its window is open
    valid_from: date | None = None
    valid_until: date | None = None

    @classmethod
    def parse(cls, row: Mapping[str, Any]) -> tuple[ItemSchedule, list[Problem]]:
        """The schedule in an item's columns; a column with a problem keeps its default."""
        values: dict[str, Any] = {}
        problems: list[Problem] = []
        for name, parse in _PARSERS.items():
            text = as_text(row.get(name))
            if not text:
                continue
            value, found = parse(text, name)
            problems += found
            if not found:
                values[name] = value
        if "festival" not in values:  # days counted from no festival
            for name in ("days_before", "days_after"):
                if values.pop(name, 0):
                    problems.append(
                        problem(name, as_text(row[name]), "sched_days_without_festival")
                    )
        return cls(**values), problems

    @property
    def is_campaign(self) -> bool:
        """A campaign item: it has a share of the loop while its window is open."""
        return self.share is not None

    def columns(self) -> dict[str, Any]:
        """The schedule columns as the catalogue stores them (``parse`` reads them back), None
        where nothing is restricted; ``valid_from``/``valid_until`` are stored apart."""
        festival = self.festival is not None
        return {
            "weekdays": (
                ",".join(str(d) for d in sorted(self.weekdays))
                if self.weekdays != EVERY_DAY
                else None
            ),
            "hours": ";".join(b.text() for b in self.hours) or None,
            "festival": self.festival.zh if festival else None,
            "days_before": self.days_before if festival else None,
            "days_after": self.days_after if festival else None,
            "share": f"{self.share.numerator}/{self.share.denominator}" if self.share else None,
        }

    def plays_on(self, day: date) -> bool:
        """Whether the item may play at some time starting on ``day``."""
        return self.why(day) is not None

    def plays_at(self, now: datetime) -> bool:
        return self.why(now) is not None

    def why(self, when: date | datetime) -> Why | None:
        """Why the item plays at ``when`` (a moment) or on ``when`` (a day); None if it does not."""
        days = self._started_on(when) if isinstance(when, datetime) else [when]
        for day in days:
            if why := self._why_on(day):
                return why
        return None

    def _started_on(self, now: datetime) -> list[date]:
        """The days whose bands cover ``now`` (yesterday for a band past midnight)."""
        if not self.hours:
            return [now.date()]
        return [
            day
            for day in (now.date() - timedelta(days=1), now.date())
            for band in self.hours
            if band.span(day)[0] <= now < band.span(day)[1]
        ]

    def _why_on(self, day: date) -> Why | None:
        if (self.valid_from and day < self.valid_from) or (
            self.valid_until and day > self.valid_until
        ):
            return None
        if day.isoweekday() not in self.weekdays:
            return None
        window = None
        if self.festival is not None:
            window = festivals.window(self.festival, day, self.days_before, self.days_after)
            if window is None:
                return None
        return Why(self.weekdays, self.hours, self.festival, window)


def _festival(text: str, name: str) -> tuple[Festival | None, list[Problem]]:
    festival = festivals.find(text)
    return festival, ([] if festival else [festivals.unknown(name, text)])


def _days(text: str, name: str) -> tuple[int, list[Problem]]:
    if re.fullmatch(r"-\s*\d+", text):
        return 0, [problem(name, text, "sched_days_negative", most=MAX_DAYS)]
    if not text.isdigit() or int(text) > MAX_DAYS:
        return 0, [problem(name, text, "sched_bad_days", most=MAX_DAYS)]
    return int(text), []


def _share(text: str, name: str) -> tuple[Fraction | None, list[Problem]]:
    m = _SHARE.match(text)
    if m is None or not 0 < int(m.group(1)) <= int(m.group(2)):
        return None, [problem(name, text, "sched_bad_share")]
    return Fraction(int(m.group(1)), int(m.group(2))), []


#: The item columns a schedule is read from, in the order of the sheet's columns.
COLUMNS = ("weekdays", "hours", "festival", "days_before", "days_after", "share")

_PARSERS = {
    "weekdays": parse_weekdays,
    "hours": parse_bands,
    "festival": _festival,
    "days_before": _days,
    "days_after": _days,
    "share": _share,
    "valid_from": parse_date,
    "valid_until": parse_date,
}
