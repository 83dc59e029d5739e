"""What the attract loop shows now, and the proof-of-play record of every item shown.

Every item shown is recorded (``ctx.records``, context "loop"): completed at
its end (a film when it ends, not when the next item takes over from its last
frame), skipped when the visitor taps or ``attract.film_max_s`` cuts a film,
failed with the reason — also a film whose end libvlc never reported.
Each item's caption goes to the band as it begins.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal

from kiosk.playlist import Slot
from kiosk.ui.attract.band import CaptionBand
from kiosk.ui.attract.pace import Pace
from kiosk.ui.attract.slides import caption
from kiosk.ui.screen import Context

log = logging.getLogger(__name__)


@dataclass
class Current:
    slot: Slot
    showing: Any  # kiosk.records.Showing or None
    player: Any = None  # the FilmPlayer of a film
    ended: bool = False
    cut_at: float = 0.0  # a film stopped at ``attract.film_max_s`` seconds


class Showings(QObject):
    """The item on screen (``current``) and its record."""

    #: (key, how it is shown: "picture" | "aphorism" | "film") when an item becomes visible
    item_started = Signal(str, str)
    #: (key, outcome, reason) when an item's showing is recorded
    item_ended = Signal(str, str, str)

    def __init__(
        self, ctx: Context, band: CaptionBand, pace: Pace, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx, self.band, self.pace = ctx, band, pace
        self.current: Current | None = None

    @property
    def key(self) -> str | None:
        return self.current.slot.key if self.current is not None else None

    def player(self) -> Any:
        """The film on screen, if any."""
        return self.current.player if self.current is not None else None

    def begin(self, slot: Slot, *, player: Any = None) -> Current:
        records = self.ctx.records
        showing = records.begin(slot.item, "loop") if records is not None else None
        self.current = Current(slot, showing, player)
        zh, en = caption(slot)
        self.band.set_caption(zh, en, self.pace.ms(1.0), self.pace.ms(0.6))
        self.item_started.emit(slot.key, slot.show)
        return self.current

    def end(self, outcome: str, reason: str | None = None) -> None:
        """Record how the current item ended (once)."""
        current = self.current
        if current is None or current.ended:
            return
        current.ended = True
        if current.showing is not None:
            self.ctx.records.end(current.showing, outcome, reason)
        self.item_ended.emit(current.slot.key, outcome, reason or "")

    def film_time_up(self) -> None:
        """The film's timer ran out before its end: record why it is being left."""
        current = self.current
        assert current is not None
        if current.cut_at:
            self.end("skipped", f"cut at the film limit of {current.cut_at:g} s")
            return
        player = current.player
        reason = (
            f"its end was not reported ({player.elapsed():.1f} s played"
            f" of {player.duration():.1f} s)"
        )
        log.warning("attract loop moves on from %s: %s", current.slot.key, reason)
        self.end("failed", reason)

    def failed(self, slot: Slot, reason: str) -> None:
        """Record ``slot`` as failed without showing it."""
        records = self.ctx.records
        if records is not None:
            records.end(records.begin(slot.item, "loop"), "failed", reason)
        self.item_ended.emit(slot.key, "failed", reason)
