"""A riddle in the attract loop shows alone for ``RIDDLE_REVEAL`` of its time, then its answer
fades in over it — still the same showing, one record.

``RiddleReveal`` follows the loop's showings (``Showings.item_started`` / ``item_ended``):
when a riddle begins, a timer; when it fires and the riddle still shows, the answer card
(``Slides.card(slot, revealed=True)``) crossfades in on the layer.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QPixmap

from kiosk.playlist import Slot
from kiosk.ui.attract.layer import PictureLayer, Visual
from kiosk.ui.attract.pace import Pace
from kiosk.ui.attract.showings import Showings
from kiosk.ui.attract.slides import Slides

#: The share of a riddle's time before its answer appears.
RIDDLE_REVEAL = 0.6


class RiddleReveal(QObject):
    def __init__(
        self,
        shows: Showings,
        layer: PictureLayer,
        slides: Slides,
        pace: Pace,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.shows, self.layer, self.slides, self.pace = shows, layer, slides, pace
        self.revealed: str | None = None  # the riddle on screen whose answer shows
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._reveal)
        shows.item_started.connect(self._started)
        shows.item_ended.connect(lambda *_: self._timer.stop())

    def card(self, slot: Slot) -> QPixmap:
        """The card ``slot`` shows now (a riddle's with its answer once revealed)."""
        return self.slides.card(slot, revealed=self.revealed == slot.key)

    def _started(self, key: str, show: str) -> None:
        self.revealed = None
        current = self.shows.current
        if show == "riddle" and current is not None:
            self._timer.start(self.pace.ms(current.slot.seconds * RIDDLE_REVEAL))
        else:
            self._timer.stop()

    def _reveal(self) -> None:
        current = self.shows.current
        if current is None or current.ended or current.slot.show != "riddle":
            return
        self.revealed = current.slot.key
        card = self.slides.card(current.slot, revealed=True)
        self.layer.show_visual(Visual(card), self.pace.fade_ms)
