"""FilmStage: two stacked surfaces with a player each, for a gapless attract loop.

The players alternate: A plays while B prepares (paused, silent, on its first
frame); when A ends, its last frame held, B's surface is raised and B started,
then A is stopped out of sight and prepares the following film. From an image
to a film: prepare under the image, ``swap()``, then hide the image. From a
film to an image: raise the image (a native widget), then ``stop()``. A film
without a picture is "ready" at once and played afresh by ``start()``.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QStackedLayout, QWidget

from kiosk.playback import x11
from kiosk.playback.engine import VlcEngine
from kiosk.playback.film import PlayerState
from kiosk.playback.player import FilmPlayer
from kiosk.playback.surface import VideoSurface, paint_night


class FilmStage(QWidget):
    """Two stacked surfaces with a player each: one plays while the other prepares.

    ``prepare_next()`` prepares a film on the hidden (standby) player; ``swap()``
    raises the standby surface, starts it, and stops the former current player
    out of sight. If the standby is still preparing, the swap happens on its
    ``ready`` (meanwhile the current film's last frame stays on screen).
    """

    swapped = Signal()

    def __init__(
        self, engine: VlcEngine, parent: QWidget | None = None, *, start_timeout: float = 10.0
    ) -> None:
        super().__init__(parent)
        paint_night(self)
        self._layout = QStackedLayout(self)
        self._layout.setStackingMode(QStackedLayout.StackingMode.StackAll)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._surfaces = (VideoSurface(self), VideoSurface(self))
        self._players = tuple(
            FilmPlayer(engine, surface, self, start_timeout=start_timeout)
            for surface in self._surfaces
        )
        for surface in self._surfaces:
            self._layout.addWidget(surface)
        for player in self._players:
            player.ready.connect(self._on_standby_ready)
            player.failed.connect(self._on_player_failed)
        self._current = 0
        self._layout.setCurrentIndex(0)
        self._swap_pending = False

    @property
    def current(self) -> FilmPlayer:
        return self._players[self._current]

    @property
    def standby(self) -> FilmPlayer:
        return self._players[1 - self._current]

    @property
    def players(self) -> tuple[FilmPlayer, FilmPlayer]:
        return self._players  # type: ignore[return-value]

    @property
    def current_surface(self) -> VideoSurface:
        return self._surfaces[self._current]

    @property
    def standby_surface(self) -> VideoSurface:
        return self._surfaces[1 - self._current]

    def prepare_next(
        self,
        path: str | os.PathLike[str],
        *,
        subtitles: str | os.PathLike[str] | None = None,
        expected_duration: float | None = None,
    ) -> FilmPlayer:
        """Prepare ``path`` on the standby player (its ``ready`` signal follows)."""
        self._swap_pending = False
        self.standby.prepare(path, subtitles=subtitles, expected_duration=expected_duration)
        return self.standby

    def swap(self) -> bool:
        """Bring the prepared film forward and start it; False if deferred until ready."""
        state = self.standby.state
        if state == PlayerState.PREPARING:
            self._swap_pending = True
            return False
        if state != PlayerState.READY:
            raise RuntimeError(f"nothing prepared to swap to (standby is {state.value})")
        self._do_swap()
        return True

    def _do_swap(self) -> None:
        self._swap_pending = False
        incoming = self.standby
        self._layout.setCurrentIndex(1 - self._current)  # raises the standby surface
        x11.flush()  # the raise reaches the X server before anything below changes
        incoming.start()
        outgoing = self.current
        self._current = 1 - self._current
        # Stopped out of sight on the next turn of the event loop, unless reused by then.
        generation = outgoing.generation
        QTimer.singleShot(0, self, lambda: self._stop_unless_reused(outgoing, generation))
        self.swapped.emit()

    @staticmethod
    def _stop_unless_reused(player: FilmPlayer, generation: int) -> None:
        if player.generation == generation:
            player.stop()

    def _on_standby_ready(self) -> None:
        if self._swap_pending and self.sender() is self.standby:
            self._do_swap()

    def _on_player_failed(self, _reason: str) -> None:
        if self.sender() is self.standby:
            self._swap_pending = False

    def stop(self) -> None:
        self._swap_pending = False
        for player in self._players:
            player.stop()

    def release(self) -> None:
        """Close both players (the widget itself stays until deleted)."""
        self._swap_pending = False
        for player in self._players:
            player.close()
