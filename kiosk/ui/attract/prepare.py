"""The attract loop's next item, made ready while the current one shows.

A picture is decoded off the GUI thread (``ctx.images``) at the size it will be
shown (panned scrolls larger), an aphorism or a song's card rendered, a film prepared paused
on the standby player of the ``FilmStage``. What cannot be made ready (a missing
or unreadable file, a picture not decoded within the timeout, a film that fails
to open) is handed back to the loop as failed.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSize, QSizeF, QTimer
from PySide6.QtGui import QImageReader, QPixmap

from kiosk.playlist import Slot
from kiosk.ui.attract.layer import Visual, pan_plan
from kiosk.ui.attract.pace import Pace
from kiosk.ui.attract.slides import CARDS, Slides
from kiosk.ui.attract.songs import SongShow
from kiosk.ui.screen import Context


@dataclass
class Upcoming:
    slot: Slot
    token: int
    visual: Visual | None = None
    player: Any = None  # kiosk.playback.FilmPlayer preparing the film
    ready: bool = False


class Preparer(QObject):
    """Makes ``upcoming`` ready; tells the loop through ``on_ready()`` / ``on_failed(slot, why)``.

    ``defer(fn)`` runs ``fn`` later unless the loop was left meanwhile;
    ``current_player()`` is the film on screen, never stopped here.
    """

    def __init__(
        self,
        ctx: Context,
        stage: Any,  # kiosk.playback.FilmStage, or None when films cannot play
        slides: Slides,
        pace: Pace,
        *,
        decode_timeout_ms: int,
        defer: Callable[[Callable[[], None]], None],
        on_ready: Callable[[], None],
        on_failed: Callable[[Slot, str], None],
        current_player: Callable[[], Any],
        songs: SongShow | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.songs = songs
        self.stage = stage
        self.slides = slides
        self.pace = pace
        self._defer = defer
        self._on_ready = on_ready
        self._on_failed = on_failed
        self._current_player = current_player
        self.upcoming: Upcoming | None = None
        self._token = 0
        self._decode_timeout_ms = decode_timeout_ms
        self._decode_timer = QTimer(self)
        self._decode_timer.setSingleShot(True)
        self._decode_timer.timeout.connect(self._decode_timed_out)

    def prepare(self, slot: Slot) -> None:
        """Begin making ``slot`` ready (it becomes ``upcoming``)."""
        self._token += 1
        up = Upcoming(slot, self._token)
        self.upcoming = up
        if slot.show in CARDS:
            up.visual = Visual(self.slides.card(slot))
            self._ready(up)
        elif slot.show == "song":
            self._prepare_song(up)
        elif slot.show == "picture":
            self._request_picture(up)
        else:
            self._prepare_film(up)

    def player(self) -> Any:
        """The player preparing the upcoming film, if any."""
        return self.upcoming.player if self.upcoming is not None else None

    def stop_waiting(self) -> None:
        """No more decode timeouts (the loop is left)."""
        self._decode_timer.stop()

    def forget(self) -> None:
        """Forget the upcoming item without stopping its film (the stage stops them all)."""
        self.upcoming = None

    def drop(self) -> None:
        """Drop the upcoming item (it is no longer next, or was made for another size)."""
        up, self.upcoming = self.upcoming, None
        self._decode_timer.stop()
        if up is not None and up.player is not None and self._current_player() is not up.player:
            up.player.stop()

    def film_ready(self, player: Any) -> None:
        up = self.upcoming
        if up is not None and up.player is player and not up.ready:
            self._ready(up)

    def fail(self, up: Upcoming, reason: str) -> None:
        if self.upcoming is not up:
            return
        self._decode_timer.stop()
        self.upcoming = None
        if up.player is not None and self._current_player() is not up.player:
            up.player.stop()
        self._on_failed(up.slot, reason)

    def _ready(self, up: Upcoming) -> None:
        up.ready = True
        self._on_ready()

    def _request_picture(self, up: Upcoming) -> None:
        slot = up.slot
        path = slot.work.picture
        if path is None or not Path(path).is_file():
            self._defer(lambda: self.fail(up, "picture file missing"))
            return
        if not QImageReader(str(path)).canRead():  # header only: cheap
            self._defer(lambda: self.fail(up, "picture file is not a readable image"))
            return
        area = QSizeF(self.slides.surface.size())
        attract = self.ctx.settings.attract
        plan = pan_plan(slot.aspect, area, elongated=slot.elongated)
        if plan is not None:
            size = QSize(math.ceil(plan.size.width()), math.ceil(plan.size.height()))
        else:
            size = self.slides.surface.size()
        px_per_s = attract.pan_px_per_s * self.ctx.m.scale * self.pace.speed
        pause_s = attract.pan_pause_s / self.pace.speed
        token = up.token

        def loaded(pixmap: QPixmap) -> None:
            if self.upcoming is not up or up.token != token:
                return
            self._decode_timer.stop()
            up.visual = Visual(pixmap, pan=plan, px_per_s=px_per_s, pause_s=pause_s)
            self._ready(up)

        self._decode_timer.start(self._decode_timeout_ms)
        self.ctx.images.request(Path(path), size, self, loaded)

    def _decode_timed_out(self) -> None:
        up = self.upcoming
        if up is not None and up.slot.show == "picture" and not up.ready:
            self.fail(up, "picture could not be decoded")

    def _prepare_song(self, up: Upcoming) -> None:
        work = up.slot.work
        if self.songs is None or work.original is None or not Path(work.original).is_file():
            self._defer(lambda: self.fail(up, "song file missing"))
            return
        up.visual = self.songs.card(up.slot)
        self._ready(up)

    def _prepare_film(self, up: Upcoming) -> None:
        work = up.slot.work
        if self.stage is None:
            self._defer(lambda: self.fail(up, "films cannot play here"))
            return
        if work.original is None or not Path(work.original).is_file():
            self._defer(lambda: self.fail(up, "film file missing"))
            return
        up.player = self.stage.prepare_next(
            work.original, subtitles=work.subtitles, expected_duration=work.duration_s
        )
