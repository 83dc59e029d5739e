"""The kiosk's heartbeat to its supervisor, sent from the GUI thread.

A QTimer on the GUI thread beats every second, so a GUI thread that hangs stops
the heartbeat and the supervisor restarts the kiosk. Each beat names the attract
loop's item showing (or shown last, while a visitor is elsewhere), where a
restarted kiosk resumes, and since when it shows (only while the loop shows it:
the supervisor records a showing cut short by a crash or hang). The first frame
counts once the window has painted and the loop's first item (or its placeholder)
is showing, not merely a dark window; the beat sent then says so. When the
supervisor is gone (a write fails), the kiosk stops.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QObject, QTimer

from kiosk.supervisor.protocol import Beat, BeatWriter

log = logging.getLogger(__name__)

#: Milliseconds between heartbeats (the supervisor's hang_s is many of these).
BEAT_MS = 1000


class Heartbeat(QObject):
    """Beats to ``writer``; ``window`` is the KioskWindow, ``stop`` ends the kiosk."""

    def __init__(
        self, window, writer: BeatWriter, stop: Callable[[], None], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.window, self.writer, self._stop = window, writer, stop
        self.key: str | None = None
        self.frame = False
        self.since: str | None = None  # when the loop's item showing now began
        self._painted = self._showing = False
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.beat)
        window.first_frame.connect(self._first_paint)
        attract = window.screens.get("attract")  # made by window.start()
        if attract is not None:
            attract.item_started.connect(self._first_item)
            attract.item_started.connect(self._item_started)
            attract.item_ended.connect(self._item_ended)
            attract.placeholder_shown.connect(self._first_item)
            # An item ready at once (an aphorism card) began within window.start().
            self._showing = bool(attract.current_key or attract.showing_placeholder)
            if attract.current_key:
                self._item_started()
        closed = window.screens.get("closed")  # outside opening hours
        if closed is not None:
            closed.shown.connect(self._first_item)

    def start(self) -> None:
        self._timer.start(BEAT_MS)
        self.beat()

    def _first_paint(self) -> None:
        self._painted = True
        self._first_frame()

    def _item_started(self, *_args) -> None:
        self.since = datetime.now(UTC).isoformat(timespec="milliseconds")

    def _item_ended(self, *_args) -> None:
        self.since = None

    def _first_item(self, *_args) -> None:
        self._showing = True
        QTimer.singleShot(0, self, self._first_frame)  # after the item's first paint

    def _first_frame(self) -> None:
        if not self.frame and self._painted and self._showing:
            self.frame = True
            self.beat()

    def beat(self) -> None:
        attract = self.window.screens.get("attract")
        key = attract.current_key if attract is not None else None
        self.key = key or self.key
        try:
            self.writer.send(Beat(self.key, self.frame, self.since if key else None))
        except OSError as e:
            self._timer.stop()
            log.warning("the supervisor is gone (%s): the kiosk stops", e.strerror or e)
            self._stop()
