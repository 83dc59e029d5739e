"""Time bands such as ``08:00-12:00`` or ``18:00-02:00``, read from text.

A band that ends at or before its start runs past midnight and belongs to the day it
starts; ``24:00`` may end a band (``00:00-24:00`` is the whole day).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from kiosk.schedule.problems import Problem, as_text, problem

DAY = 24 * 60

_BAND = re.compile(r"^(\d{1,2}):(\d{2})\s*[-~–—至到]\s*(\d{1,2}):(\d{2})$")
_SEPARATORS = re.compile(r"[,;、]")


@dataclass(frozen=True, order=True)
class Band:
    start: int  # minutes after midnight
    end: int  # minutes after midnight, up to 24:00; at or before start: the next day

    @property
    def minutes(self) -> int:
        return self.end - self.start if self.end > self.start else self.end + DAY - self.start

    def span(self, day: date) -> tuple[datetime, datetime]:
        """When the band runs if it starts on ``day``."""
        start = datetime.combine(day, time()) + timedelta(minutes=self.start)
        return start, start + timedelta(minutes=self.minutes)

    def text(self) -> str:
        return f"{_hhmm(self.start)}-{_hhmm(self.end)}"


ALL_DAY = Band(0, DAY)


def within(
    bands: tuple[Band, ...], hall: tuple[Band, ...], hall_before: tuple[Band, ...], day: date
) -> tuple[Band, ...]:
    """The parts of ``bands`` (starting on ``day``) inside the hall's bands of ``day`` and
    of the day before (``hall_before``, which may run past midnight into ``day``)."""
    open_spans = [b.span(day) for b in hall] + [
        b.span(day - timedelta(days=1)) for b in hall_before
    ]
    midnight = datetime.combine(day, time())
    out = []
    for band in bands:
        start, end = band.span(day)
        for o_start, o_end in sorted(open_spans):
            a, b = max(start, o_start), min(end, o_end)
            if a < b:
                first = int((a - midnight).total_seconds() // 60)
                last = int((b - midnight).total_seconds() // 60)
                out.append(Band(first, last if last <= DAY else last - DAY))
    return tuple(out)


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def parse_bands(value: object, field: str) -> tuple[tuple[Band, ...], list[Problem]]:
    """The bands in ``value`` (separated by ``,`` ``;`` ``；`` or ``、``), in order of start.

    Problems: a band not written HH:MM-HH:MM, a time that does not exist, an empty band,
    bands that overlap; with any problem no band is returned."""
    text = as_text(value)
    parts = [p.strip() for p in _SEPARATORS.split(text)]
    if not text or not all(parts):
        return (), [problem(field, text, "sched_bad_band")]
    bands: list[Band] = []
    problems: list[Problem] = []
    for part in parts:
        read = _parse_band(part, field)
        if isinstance(read, Problem):
            problems.append(read)
        else:
            bands.append(read)
    bands.sort()
    problems += [
        problem(field, text, "sched_overlap", a=a.text(), b=b.text())
        for a, b in itertools.pairwise(bands)
        if b.start < a.start + a.minutes
    ]
    return (() if problems else tuple(bands)), problems


def _parse_band(part: str, field: str) -> Band | Problem:
    m = _BAND.match(part)
    if m is None:
        return problem(field, part, "sched_bad_band")
    h1, m1, h2, m2 = (int(g) for g in m.groups())
    for h, mm, may_end_day in ((h1, m1, False), (h2, m2, True)):
        if not ((h < 24 and mm < 60) or (may_end_day and (h, mm) == (24, 0))):
            return problem(field, part, "sched_bad_time", time=f"{h:02d}:{mm:02d}")
    start, end = h1 * 60 + m1, h2 * 60 + m2
    if start == end:
        return problem(field, part, "sched_empty_band")
    return Band(start, end)
