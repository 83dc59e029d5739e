"""Hand-overs between the picture layer and the film stage, never through a dark frame.

A film that is ready waits paused on its first frame on the standby surface,
below the layer: it takes over by ``FilmStage.swap`` and the layer is hidden at
once — a cut with nothing dark between. When a picture follows a film, the
film's last frame is grabbed (X11) and the layer, already painted with it, is
shown and crossfades to the picture; the film is stopped only once the layer is
painted (elsewhere the picture cuts in).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPoint, QTimer
from PySide6.QtGui import QGuiApplication

from kiosk.ui.attract.layer import PictureLayer, Visual
from kiosk.ui.screen import Context


class FilmHandover:
    """What the visitor sees — the layer or the stage — and the films' sound.

    ``stage`` is a ``kiosk.playback.FilmStage`` (None when films cannot play);
    ``in_use(player)`` tells whether the loop still needs a player (on screen or
    being prepared), which a hand-over must then not stop.
    """

    def __init__(
        self,
        ctx: Context,
        stage: Any,
        layer: PictureLayer,
        *,
        in_use: Callable[[Any], bool],
    ) -> None:
        self.ctx = ctx
        self.stage = stage
        self.layer = layer
        self._in_use = in_use
        self.on_screen = False  # the stage, not the layer, is what the visitor sees
        self.volume = ctx.settings.playback.volume

    # ----------------------------------------------------------------- sound
    def apply_audio(self) -> None:
        if self.stage is None:
            return
        attract = self.ctx.settings.attract
        for player in self.stage.players:
            player.set_volume(self.volume)
            player.set_muted(not attract.audio)

    def set_volume(self, volume: int) -> None:
        self.volume = max(0, min(100, int(volume)))
        self.apply_audio()

    # ------------------------------------------------------------ hand-overs
    def show_visual(self, visual: Visual | None, fade: int) -> None:
        """Crossfade the layer to ``visual``; from a film, from its last frame (or cut)."""
        if self.on_screen:
            frame = self._grab_film_frame()
            outgoing = self.stage.current if self.stage is not None else None
            self.on_screen = False
            if frame is not None:
                self.layer.set_still(frame)
            else:  # no way to read the video's pixels here: a clean cut beats a dip to night
                self.layer.set_still(visual)
                fade = 0
            self.layer.show()
            self._stop_after_paint(outgoing)
        self.layer.show_visual(visual, fade)

    def cut_to_film(self) -> None:
        """The prepared film (on the standby surface) takes over the screen."""
        self.stage.swap()
        self.on_screen = True
        self.layer.hide()

    def film_started(self) -> None:
        """The film on screen started playing: nothing may cover it."""
        if self.on_screen:
            self.layer.hide()

    def stop(self) -> None:
        """Stop every film; a film on screen leaves night behind the layer."""
        if self.stage is not None:
            self.stage.stop()
        if self.on_screen:
            self.on_screen = False
            self.layer.set_still(None)
            self.layer.show()

    def _stop_after_paint(self, player: Any) -> None:
        """Stop the outgoing film once the layer covering it has been painted."""
        if player is None:
            return
        done = {"stopped": False}

        def stop() -> None:
            if done["stopped"]:
                return
            done["stopped"] = True
            with contextlib.suppress(RuntimeError, TypeError):
                self.layer.painted.disconnect(stop)
            if not self._in_use(player):
                player.stop()

        self.layer.painted.connect(stop)
        QTimer.singleShot(300, self.layer, stop)

    def _grab_film_frame(self) -> Visual | None:
        """The film's last frame as it is on screen (X11), to crossfade from."""
        if QGuiApplication.platformName() != "xcb" or self.stage is None:
            return None
        screen = self.layer.screen()
        if screen is None:
            return None
        origin = self.layer.mapToGlobal(QPoint(0, 0)) - screen.geometry().topLeft()
        size = self.layer.size()
        grab = screen.grabWindow(0, origin.x(), origin.y(), size.width(), size.height())
        return Visual(grab) if not grab.isNull() else None
