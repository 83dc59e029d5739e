"""The rules ticker's lines and the geometry of its endless band — plain Python, no Qt.

``TickerLines`` answers the lines to scroll now: items of kind ``ticker`` that the
catalogue offers today (enabled, in sort order, inside their valid-from/until dates),
whose schedule (weekdays, time bands, festival window) is open at this moment.

``Track`` places those lines on an endless scroll axis in whole pixels: one cycle of
cells (a line and the mark after it) repeats without a gap, so the band wraps without a
jump. The band shows the axis from ``s`` (the scroll position, growing with time) to
``s + view``. New lines never replace what is on screen: they begin at the first cell
boundary still off the band's right edge, after what the visitor is reading.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from typing import Any, Protocol

from kiosk.catalog.library import Work
from kiosk.playlist import schedule_of
from kiosk.schedule.items import ItemSchedule

log = logging.getLogger(__name__)

KIND = "ticker"
LANGUAGES = ("zh", "en", "both")


class WorkSource(Protocol):
    """``Library.works``: the enabled works of ``kinds`` valid ``on`` a day, in sort order."""

    def __call__(self, kinds: Sequence[str], on: date | None = None) -> list[Work]: ...


@dataclass(frozen=True)
class Line:
    """One ticker line as the band shows it: its Chinese and English parts ("" if unused)."""

    key: str
    zh: str
    en: str
    item: dict[str, Any] = field(compare=False, repr=False)


def texts(item: dict[str, Any], languages: str) -> tuple[str, str]:
    """What of an item the band shows in ``languages``; English falls back to Chinese."""
    zh = (item.get("title_zh") or "").strip()
    en = (item.get("title_en") or "").strip()
    if languages == "zh":
        return zh or en, ""
    if languages == "en":
        return ("", en) if en else (zh, "")
    return (zh, en) if zh else ("", en)


class TickerLines:
    """The ticker lines valid now, in sort order (``source`` is ``Library.works``)."""

    def __init__(
        self,
        source: WorkSource | Callable[..., list[Work]],
        languages: str = "both",
        *,
        now: Callable[[], datetime] = datetime.now,
    ) -> None:
        self._source = source
        self.languages = languages
        self._now = now
        self._schedules: dict[str, tuple[tuple, ItemSchedule]] = {}

    def current(self) -> tuple[Line, ...]:
        now = self._now()
        lines = []
        for work in self._source([KIND], on=now.date()):
            if not self._schedule(work.item).plays_at(now):
                continue
            zh, en = texts(work.item, self.languages)
            if zh or en:
                lines.append(Line(work.key, zh, en, work.item))
        return tuple(lines)

    def _schedule(self, item: dict[str, Any]) -> ItemSchedule:
        """The item's schedule, parsed (and a bad column logged) once per version of it."""
        seen = tuple(sorted((k, str(v)) for k, v in item.items()))
        cached = self._schedules.get(item["key"])
        if cached is None or cached[0] != seen:
            cached = self._schedules[item["key"]] = (seen, schedule_of(item))
        return cached[1]


# ---------------------------------------------------------------------- geometry
@dataclass(frozen=True)
class Layout:
    """One cycle of the band: ``cells[i]`` is the width of line ``i`` and the mark after it,
    ``texts[i]`` the width of its text alone (what must cross the band for a pass)."""

    keys: tuple[str, ...]
    cells: tuple[int, ...]
    texts: tuple[int, ...]

    def __post_init__(self) -> None:
        if not self.cells or min(self.cells) <= 0:
            raise ValueError("a ticker layout needs cells of positive width")

    @cached_property
    def width(self) -> int:
        return sum(self.cells)

    @cached_property
    def starts(self) -> tuple[int, ...]:
        """Where each cell begins within the cycle."""
        out, x = [], 0
        for w in self.cells:
            out.append(x)
            x += w
        return tuple(out)


@dataclass(frozen=True)
class Piece:
    """Draw ``width`` px of cell ``cell`` of segment ``segment`` from ``src`` (within the
    cell) at ``dest`` (within the band)."""

    segment: int
    cell: int
    src: int
    dest: int
    width: int


@dataclass(frozen=True)
class Pass:
    """One line's crossing of the band: it enters at ``start`` and has left at ``end``."""

    segment: int
    copy: int
    cell: int
    key: str
    start: int
    end: int

    @property
    def id(self) -> tuple[int, int, int]:
        return (self.segment, self.copy, self.cell)


@dataclass
class _Segment:
    id: int
    anchor: int  # where its first cycle begins on the axis
    layout: Layout


class Track:
    """Layouts placed along the scroll axis; see the module docstring."""

    def __init__(self) -> None:
        self._segments: list[_Segment] = []
        self._ids = 0

    @property
    def empty(self) -> bool:
        return not self._segments

    @property
    def current(self) -> Layout | None:
        """The layout placed last (what follows what is on screen)."""
        return self._segments[-1].layout if self._segments else None

    @property
    def ids(self) -> list[int]:
        return [seg.id for seg in self._segments]

    def clear(self) -> None:
        self._segments.clear()

    def set_layout(self, layout: Layout, s: int, view: int) -> int:
        """Scroll ``layout`` from the first cell boundary at or past the band's right edge
        (``s + view``); the band's first layout enters there from the right. Its id."""
        edge = s + view
        while self._segments and self._segments[-1].anchor >= edge:
            self._segments.pop()  # never shown: replaced outright
        anchor = edge
        if self._segments:
            last = self._segments[-1]
            anchor = _next_boundary(last, edge)
        self._ids += 1
        self._segments.append(_Segment(self._ids, anchor, layout))
        return self._ids

    def prune(self, s: int) -> list[int]:
        """Forget segments wholly scrolled past ``s``; the ids forgotten."""
        gone = []
        while len(self._segments) > 1 and self._segments[1].anchor <= s:
            gone.append(self._segments.pop(0).id)
        return gone

    def next_start(self, at: int) -> int | None:
        """The first cell start at or after ``at`` on the axis (where the next line's text
        will begin), or None without lines."""
        for seg, end in self._bounds():
            if end is not None and end <= at:
                continue
            found = _next_boundary(seg, at)
            return found if end is None else min(found, end)
        return None

    def _bounds(self) -> list[tuple[_Segment, int | None]]:
        ends = [seg.anchor for seg in self._segments[1:]] + [None]
        return list(zip(self._segments, ends, strict=True))

    def pieces(self, s: int, view: int) -> list[Piece]:
        """What to draw where for the band showing ``[s, s + view)``."""
        out: list[Piece] = []
        hi = s + view
        for seg, end in self._bounds():
            lo = max(s, seg.anchor)
            top = hi if end is None else min(hi, end)
            if lo >= top:
                continue
            layout, starts = seg.layout, seg.layout.starts
            width = layout.width
            c = lo
            while c < top:
                off = (c - seg.anchor) % width
                i = _cell_at(starts, off)
                into = off - starts[i]
                w = min(layout.cells[i] - into, top - c)
                out.append(Piece(seg.id, i, into, c - s, w))
                c += w
        return out

    def visible(self, s: int, view: int) -> list[Pass]:
        """The passes of lines whose text is on the band (partly or whole) at ``s``."""
        out: list[Pass] = []
        hi = s + view
        for seg, end in self._bounds():
            layout, starts = seg.layout, seg.layout.starts
            width = layout.width
            lo = max(s, seg.anchor)
            top = hi if end is None else min(hi, end)
            if lo >= top:
                continue
            first = (lo - seg.anchor) // width - 1  # a copy before may still show its tail
            last = (top - seg.anchor) // width
            for copy in range(max(0, first), last + 1):
                base = seg.anchor + copy * width
                for i, key in enumerate(layout.keys):
                    a = base + starts[i]
                    b = a + layout.texts[i]
                    if end is not None and a >= end:
                        break
                    if b > s and a < hi:
                        out.append(Pass(seg.id, copy, i, key, a, b))
        return out


def _cell_at(starts: Sequence[int], off: int) -> int:
    lo, hi = 0, len(starts) - 1
    while lo < hi:  # the last start <= off
        mid = (lo + hi + 1) // 2
        if starts[mid] <= off:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _next_boundary(seg: _Segment, at: int) -> int:
    """The first cell start of ``seg``'s cycles at or after ``at``."""
    width = seg.layout.width
    if at <= seg.anchor:
        return seg.anchor
    copy, off = divmod(at - seg.anchor, width)
    for start in seg.layout.starts:
        if start >= off:
            return seg.anchor + copy * width + start
    return seg.anchor + (copy + 1) * width
