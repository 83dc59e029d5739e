"""The attract loop's running order — plain Python, no Qt.

``AttractPlaylist`` turns the catalogue's works into an endless sequence of
``Slot``\\ s (what to show and for how long):

- kinds come from ``settings.attract.kinds`` (poster, calligraphy, aphorism,
  film, photo, couplet, riddle, song by default; case when a hall lists it); the catalogue
  query already honours ``enabled``, sort order and the valid-from/until dates of the day;
- works that cannot be shown are left out: pictures without a display
  rendition or poster frame, films without their file, aphorisms without text;
- kinds are interleaved round-robin, each spread evenly over the cycle, so two
  films or two aphorisms follow each other only when one kind outnumbers the
  others;
- durations come from the settings per kind (films: their own length, capped
  by ``film_max_s`` when that is set);
- each work's schedule (kiosk.schedule.items: weekdays, time bands, a festival
  window) is asked with the clock at every step: a work outside its window is
  passed over (the galleries still show it).  While campaign works (those with
  a ``share``) are in their window, they are a group of their own that gets
  that share of the showings, evenly spread (``1/3``: every third showing); of
  several open campaign works with different shares, the largest counts.

A work that turns out to be broken at play time (missing or corrupt file) is
``mark_broken``-ed and skipped for the rest of the day, or until the playlist
is rebuilt (the catalogue changed, e.g. an import while the kiosk runs).
``rebuild`` keeps the position: the loop continues after the work shown last.
When every slot is broken or the catalogue offers nothing, ``next()`` answers
None and ``nothing_playable`` is true; the screen shows a calm placeholder.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from fractions import Fraction
from typing import Any, Protocol, TypeVar

from kiosk.catalog.library import Work
from kiosk.schedule.items import ItemSchedule
from kiosk.settings import Attract
from kiosk.strings import field as text_field

log = logging.getLogger(__name__)

#: Catalogue kinds shown as still pictures.
PICTURE_KINDS = ("poster", "calligraphy", "photo")
#: Every kind the attract loop knows how to show.
LOOP_KINDS = (*PICTURE_KINDS, "aphorism", "film", "couplet", "riddle", "case", "song", "pledge")
#: A picture whose long side is this many times its short side (or more) is a
#: handscroll or hanging scroll: the screen may pan along it (as in ingest).
ELONGATED_ASPECT = 2.5

T = TypeVar("T")


class WorkSource(Protocol):
    """``Library.works``: the enabled works of ``kinds`` valid ``on`` a day, in sort order."""

    def __call__(self, kinds: Sequence[str], on: date | None = None) -> list[Work]: ...


@dataclass(frozen=True)
class Slot:
    """One showing in the loop.

    ``show`` is how the screen presents it: ``"picture"``, ``"film"``,
    ``"aphorism"``, ``"couplet"``, ``"riddle"`` (its answer shown after a pause),
    ``"case"`` (a warning case's text card) or ``"song"``. ``seconds`` is the planned time
    on screen; for a film or a song it is its length (0 when unknown: play to the end), a
    film's capped by ``film_max_s``.
    """

    work: Work
    show: str
    seconds: float
    schedule: ItemSchedule = field(default=ItemSchedule(), compare=False)

    @property
    def key(self) -> str:
        return self.work.key

    @property
    def kind(self) -> str:
        return self.work.kind

    @property
    def item(self) -> dict[str, Any]:
        return self.work.item

    @property
    def aspect(self) -> float | None:
        """Width / height of the work's picture, if known."""
        w, h = self.work.width, self.work.height
        return w / h if w and h else None

    @property
    def elongated(self) -> bool:
        a = self.aspect
        return a is not None and max(a, 1 / a) >= ELONGATED_ASPECT


def aphorism_text(item: dict[str, Any]) -> str:
    """The Chinese text of an aphorism (its title; the body is the context)."""
    return (item.get("title_zh") or item.get("body_zh") or "").strip()


def schedule_of(item: dict[str, Any]) -> ItemSchedule:
    """The schedule in an item's columns (checked at import; a bad value is logged and the
    column plays without restriction)."""
    schedule, problems = ItemSchedule.parse(item)
    for p in problems:
        log.warning("item %s: schedule ignored: %s", item.get("key"), p.text("en"))
    return schedule


def slot_for(work: Work, attract: Attract) -> Slot | None:
    """The slot showing ``work``, or None if the loop cannot show it."""
    kind = work.kind
    schedule = schedule_of(work.item)
    if kind in PICTURE_KINDS:
        if work.picture is None:
            return None
        return Slot(work, "picture", float(getattr(attract, f"{kind}_s")), schedule)
    if kind == "film":
        if work.original is None:
            return None
        seconds = float(work.duration_s or 0.0)
        if attract.film_max_s > 0:
            seconds = min(seconds, attract.film_max_s) if seconds else attract.film_max_s
        return Slot(work, "film", seconds, schedule)
    if kind == "aphorism":
        if not aphorism_text(work.item):
            return None
        return Slot(work, "aphorism", float(attract.aphorism_s), schedule)
    if kind == "couplet":
        if not (work.item.get("upper_zh") and work.item.get("lower_zh")):
            return None
        return Slot(work, "couplet", float(attract.couplet_s), schedule)
    if kind == "riddle":
        if not (work.item.get("title_zh") and text_field(work.item, "answer", "zh")):
            return None
        return Slot(work, "riddle", float(attract.riddle_s), schedule)
    if kind == "case":  # a text card: title, person, outcome, date, source
        if not (work.item.get("title_zh") or work.item.get("title_en")):
            return None
        return Slot(work, "case", float(attract.case_s), schedule)
    if kind == "song":  # its lyrics on a card while it plays: as long as the song
        if work.original is None:
            return None
        return Slot(work, "song", float(work.duration_s or 0.0), schedule)
    if kind == "pledge":  # the signature wall's card (kiosk.ui.pledge.card)
        return Slot(work, "pledge", float(attract.pledge_s), schedule)
    return None


def interleave(groups: Sequence[Sequence[T]]) -> list[T]:
    """Merge ``groups`` round-robin, spreading each group evenly over the result.

    Groups of equal size alternate strictly (a b c a b c …); a small group is
    spread among a large one (a a b a a b …) instead of being used up first.
    Within a group the order is kept; ties go to the earlier group.
    """
    keyed = []
    for g, group in enumerate(groups):
        n = len(group)
        for i, value in enumerate(group):
            keyed.append(((i + 0.5) / n, g, i, value))
    keyed.sort(key=lambda k: k[:3])
    return [k[3] for k in keyed]


def build_slots(works: Iterable[Work], attract: Attract, kinds: Sequence[str]) -> list[Slot]:
    """Showable works of ``kinds`` (in that order of kinds) interleaved round-robin."""
    by_kind: dict[str, list[Slot]] = {k: [] for k in kinds}
    for work in works:
        if work.kind not in by_kind:
            continue
        slot = slot_for(work, attract)
        if slot is None:
            log.info("attract loop leaves out %s %s: nothing to show", work.kind, work.key)
            continue
        by_kind[work.kind].append(slot)
    if by_kind.get("pledge"):  # one wall a cycle, whatever the pledge texts kept
        by_kind["pledge"] = by_kind["pledge"][:1]
    return interleave([group for group in by_kind.values() if group])


class AttractPlaylist:
    """The endless running order of the attract loop; see the module docstring.

    ``source`` is ``Library.works`` (or anything called the same way);
    ``kinds`` overrides ``attract.kinds`` (e.g. without films when VLC is
    missing); ``now`` is the clock for the works' schedules, valid dates and the
    daily reset of broken works.
    """

    def __init__(
        self,
        source: WorkSource | Callable[..., list[Work]],
        attract: Attract,
        *,
        kinds: Sequence[str] | None = None,
        now: Callable[[], datetime] = datetime.now,
    ) -> None:
        self._source = source
        self._attract = attract
        wanted = tuple(attract.kinds if kinds is None else kinds)
        unknown = [k for k in wanted if k not in LOOP_KINDS]
        if unknown:
            log.warning("the attract loop cannot show kinds %s; ignored", ", ".join(unknown))
        self.kinds: tuple[str, ...] = tuple(k for k in dict.fromkeys(wanted) if k in LOOP_KINDS)
        self._now = now
        self._day = now().date()
        self._slots: list[Slot] = []
        self._pos = 0  # index of the next slot to consider
        self._campaign_pos = 0  # the same for the campaign group
        self._campaign_shown = 0  # showings since the campaign group opened
        self._last_key: str | None = None
        self.broken: dict[str, str] = {}  # key -> reason
        self.rebuild()

    # ------------------------------------------------------------------ queries
    @property
    def slots(self) -> tuple[Slot, ...]:
        """The whole cycle in order (broken ones included)."""
        return tuple(self._slots)

    def __len__(self) -> int:
        return len(self._slots)

    @property
    def nothing_playable(self) -> bool:
        self._check_day()
        return self._choose()[0] is None

    def order(self) -> list[str]:
        """Keys of the whole cycle, in order."""
        return [s.key for s in self._slots]

    # ---------------------------------------------------------------- stepping
    def peek(self) -> Slot | None:
        """The slot ``next()`` would return, without moving on."""
        self._check_day()
        index = self._choose()[0]
        return None if index is None else self._slots[index]

    def next(self) -> Slot | None:
        """The next playable slot (the cycle starts over at the end), or None."""
        self._check_day()
        index, share = self._choose()
        if index is None:
            return None
        slot = self._slots[index]
        if slot.schedule.is_campaign:
            self._campaign_pos = index + 1
        else:
            self._pos = index + 1
        self._campaign_shown = 0 if share is None else self._campaign_shown + 1
        self._last_key = slot.key
        return slot

    def __iter__(self) -> Iterator[Slot]:
        """Slots forever; ends only when nothing is playable."""
        while (slot := self.next()) is not None:
            yield slot

    def _choose(self) -> tuple[int | None, Fraction | None]:
        """The index of the slot to show now, and the open campaign group's share (None when
        no campaign work is in its window)."""
        now = self._now()

        def playing(slot: Slot, campaign: bool) -> bool:
            return (
                slot.schedule.is_campaign == campaign
                and slot.key not in self.broken
                and slot.schedule.plays_at(now)
            )

        regular = self._find(self._pos, lambda s: playing(s, False))
        shares = [s.schedule.share for s in self._slots if playing(s, True)]
        if not shares:
            return regular, None
        share, n = max(s for s in shares if s is not None), self._campaign_shown
        if regular is not None and (n + 1) * share // 1 == n * share // 1:
            return regular, share
        return self._find(self._campaign_pos, lambda s: playing(s, True)), share

    def _find(self, start: int, wanted: Callable[[Slot], bool]) -> int | None:
        n = len(self._slots)
        for i in range(n):
            index = (start + i) % n
            if wanted(self._slots[index]):
                return index
        return None

    # ---------------------------------------------------------------- changing
    def start_at(self, key: str, *, after: bool = False) -> bool:
        """Continue at ``key`` (or the slot after it); False, and no change, if it is not here."""
        keys = self.order()
        if key not in keys:
            return False
        self._pos = (keys.index(key) + (1 if after else 0)) % len(keys)
        return True

    def mark_broken(self, key: str, reason: str) -> None:
        """Skip ``key`` for the rest of the day (or until rebuilt)."""
        if key not in self.broken:
            log.warning("attract loop skips %s for today: %s", key, reason)
        self.broken[key] = reason

    def rebuild(self) -> None:
        """Read the catalogue again; continue after the work shown last."""
        self._day = self._now().date()
        upcoming = self._slots[self._pos % len(self._slots)].key if self._slots else None
        old_pos = self._pos
        self._slots = build_slots(
            self._source(list(self.kinds), on=self._day), self._attract, self.kinds
        )
        self.broken.clear()
        keys = self.order()
        if self._last_key in keys:
            self._pos = keys.index(self._last_key) + 1
        elif upcoming in keys:
            self._pos = keys.index(upcoming)
        else:
            self._pos = old_pos
        self._pos = self._pos % len(keys) if keys else 0
        self._campaign_pos = self._campaign_pos % len(keys) if keys else 0

    def _check_day(self) -> None:
        if self._now().date() != self._day:
            log.info("a new day: the attract loop reads the catalogue again")
            self.rebuild()
