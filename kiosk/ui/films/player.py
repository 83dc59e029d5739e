"""The film player screen ("film"): one film, full screen on night.

The player plays through ``kiosk.playback`` (the only module that talks to
libvlc) into a ``VideoSurface`` on night.  The surface is a native window, so
Qt content painted over it would be hidden: the film is therefore framed,
never covered, except by the back button (itself a native widget, shaped to
its rounded outline).  The film keeps its aspect inside the screen above a
control row (play/pause, elapsed time, a seek bar to drag with a finger, total
time); on a landscape panel the film fills the height above that row, on a
portrait panel it sits in the middle with the row beneath it.  VLC draws the
subtitles inside the picture, so they stay readable while the controls show.
The controls appear on a tap and fade after a few seconds without one while
the film plays; at the end a quiet card offers to watch again or go back.

Proof of play: a showing begins when the visitor starts the film and ends
"completed" (played to the end), "skipped" (the visitor left) or "failed"
(with FilmPlayer's reason; the visitor sees one calm sentence, no dialog).
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics, QPainter
from PySide6.QtWidgets import QWidget

from kiosk.catalog.library import Work
from kiosk.playback import FilmPlayer, PlayerState, VideoSurface
from kiosk.strings import field
from kiosk.ui.films.card import FilmCard
from kiosk.ui.films.controls import ControlBar, ControlsFade, NightButton
from kiosk.ui.films.look import ON_NIGHT
from kiosk.ui.screen import Context, Screen, VisitorShowing
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.theme import Metrics

log = logging.getLogger(__name__)

#: The controls fade after this long without a touch while the film plays.


def film_frame(width: int, height: int, bottom_zone: int, work: Work | None) -> QRect:
    """The film at its aspect (16:9 if unknown), as large as fits above ``bottom_zone``,
    centred, but never so low that it reaches into that zone."""
    aspect = 16 / 9
    if work is not None and work.width and work.height:
        aspect = work.width / work.height
    fw = min(width, (height - bottom_zone) * aspect)
    fh = fw / aspect
    fx = (width - fw) / 2
    fy = min((height - fh) / 2, height - bottom_zone - fh)
    return QRect(round(fx), round(max(0.0, fy)), round(fw), round(fh))


class FilmPlayerScreen(Screen):
    """One film, full screen on night, with large controls that fade while it plays."""

    name = "film"

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        pal = self.palette()
        pal.setColor(self.backgroundRole(), theme.NIGHT)
        pal.setColor(self.foregroundRole(), theme.PAPER)
        self.setPalette(pal)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.work: Work | None = None
        self.mode = "idle"  # idle | playing | ended | failed | unavailable | missing
        self.surface: VideoSurface | None = None  # made with the player
        self.player: FilmPlayer | None = None  # made once, on first use, and reused
        self.showing = VisitorShowing(ctx)
        self._film_rect = QRect()
        self._title_rect = QRect()

        self.controls = ControlBar(ctx, self)
        self.controls.play_pause.clicked.connect(self.toggle_pause)
        self.controls.seek.grabbed.connect(self._hold_controls)
        self.controls.seek.seek_requested.connect(self.seek)
        self.card = FilmCard(ctx, self)
        self.card.hide()
        self.card.replay.clicked.connect(self.replay)
        self.card.back.clicked.connect(self.go_back)
        self.back_button = NightButton(ctx, lambda: ctx.tr("back"), icon="back", parent=self)
        self.back_button.clicked.connect(self.go_back)

        self.fade = ControlsFade(
            self, apply=self._apply_opacity, done=self._fade_finished, timed_out=self.fade_controls
        )
        self.fade.set(0.0)
        self._set_controls_visible(False)

    # -- the player (made once, on first use) ---------------------------------------------------

    def _ensure_player(self) -> bool:
        if self.player is not None:
            return True
        if self.ctx.films is None:
            return False
        self.surface = VideoSurface(self)
        self.surface.hide()
        self.player = FilmPlayer(self.ctx.films, self.surface, self)
        self.player.started.connect(self._on_started)
        self.player.position.connect(self._on_position)
        self.player.ended.connect(self._on_ended)
        self.player.failed.connect(self._on_failed)
        self.player.state_changed.connect(self._on_state)
        # The back button floats over the film (both native windows): keep it on top.
        self.back_button.setAttribute(Qt.WidgetAttribute.WA_NativeWindow)
        self.back_button.raise_()
        self._relayout()
        return True

    @property
    def playing(self) -> bool:
        """True while a film is on (playing or paused): the idle reset should wait."""
        return self.mode == "playing"

    # -- screen life ----------------------------------------------------------------------------

    def enter(self, key: str | None = None, **args: Any) -> None:
        self._stop_film()
        item = self.ctx.library.item(key) if key else None
        self.work = self.ctx.library.work(item) if item else None
        if self.work is None or self.work.original is None:
            log.warning("film %r is not in the catalogue (or has no file)", key)
            self._show_card("missing")
            return
        if not self._ensure_player():
            log.warning("film %s cannot play: %s", key, self.ctx.films_problem)
            self._show_card("unavailable")
            return
        self._play()

    def leave(self) -> None:
        self._stop_film()
        self.fade.timer.stop()

    def busy(self) -> bool:
        """A film running holds off the idle reset; a paused one does not."""
        return self.playing and self.player is not None and self.player.state == "playing"

    def reset(self) -> None:
        self.leave()
        self.work = None
        self.mode = "idle"
        self.card.hide()
        self._set_controls_visible(False)
        self.fade.set(0.0)

    def retranslate(self) -> None:
        self.back_button.refresh()
        self.card.refresh()
        if self.mode in ("ended", "failed", "unavailable", "missing"):
            self._show_card(self.mode)
        self._relayout()
        self.update()

    # -- transport -----------------------------------------------------------------------------

    def _play(self) -> None:
        work = self.work
        assert work is not None and self.player is not None
        self.mode = "playing"
        self.card.hide()
        self.surface.show()
        self._relayout()
        self.controls.set_times(0.0, work.duration_s or 0.0)
        self.controls.play_pause.set_icon("pause")
        self.player.set_volume(self.ctx.settings.playback.volume)
        self.player.load(work.original, subtitles=work.subtitles, expected_duration=work.duration_s)
        self.player.play()
        self._begin()
        self.show_controls()

    def toggle_pause(self) -> None:
        if self.player is None:
            return
        if self.player.state == PlayerState.PLAYING:
            self.player.pause()
        elif self.player.state == PlayerState.PAUSED:
            self.player.resume()
        self.show_controls()

    def seek(self, seconds: float) -> None:
        if self.player is None or self.mode != "playing":
            return
        self.player.seek(seconds)
        self.controls.set_times(seconds, self._total())
        self.show_controls()

    def replay(self) -> None:
        if self.work is not None and self._ensure_player():
            self._play()

    def go_back(self) -> None:
        self._stop_film()
        self.ctx.nav.back()

    def _stop_film(self) -> None:
        if self.player is not None:
            self.player.stop()  # a started film reports ended(False): recorded as skipped
        self.showing.end("skipped")
        if self.surface is not None:
            self.surface.hide()
        if self.mode == "playing":
            self.mode = "idle"

    def _total(self) -> float:
        if self.work is not None and self.work.duration_s:
            return float(self.work.duration_s)
        return self.player.duration() if self.player is not None else 0.0

    # -- player signals --------------------------------------------------------------------------

    def _begin(self) -> None:
        self.showing.begin(self.work.item if self.work is not None else None)

    def _on_started(self) -> None:
        self.controls.set_times(self.player.elapsed(), self._total())

    def _on_position(self, seconds: float) -> None:
        self.controls.set_times(seconds, self._total())

    def _on_state(self, state: str) -> None:
        self.controls.play_pause.set_icon("play" if state == "paused" else "pause")
        if state == "paused":
            self.fade.timer.stop()
            self.show_controls()

    def _on_ended(self, completed: bool, reason: str) -> None:
        if not completed:
            self.showing.end("skipped")
            return
        self.showing.end("completed")
        self.controls.set_times(self._total(), self._total())
        self._show_card("ended")

    def _on_failed(self, reason: str) -> None:
        self._begin()
        self.showing.end("failed", reason)
        self._show_card("failed")

    def _show_card(self, mode: str) -> None:
        self.mode = mode
        if self.surface is not None:
            self.surface.hide()
        self.fade.stop()
        self._set_controls_visible(False)
        self.back_button.show()
        self.back_button.opacity = 1.0
        self.back_button.update()
        title = field(self.work.item, "title", self.ctx.lang) if self.work is not None else ""
        self.card.show_mode(mode, title)
        self._relayout()

    # -- controls: show on tap, fade when left alone --------------------------------------------

    def show_controls(self) -> None:
        if self.mode != "playing":
            return
        self._set_controls_visible(True)
        self.fade.fade_in()
        self._arm_hide()

    def fade_controls(self) -> None:
        if self.mode != "playing" or self.controls.seek.dragging:
            return
        self.fade.fade_out()

    def _arm_hide(self) -> None:
        if self.player is not None and self.player.state == PlayerState.PAUSED:
            self.fade.timer.stop()  # paused: the controls stay until the visitor acts
        else:
            self.fade.timer.start()

    def _hold_controls(self) -> None:
        self.fade.timer.stop()
        self.show_controls()
        self.fade.timer.stop()

    def _apply_opacity(self, value: float) -> None:
        self.controls.set_opacity(value)
        if self.mode == "playing":
            self.back_button.opacity = value
            self.back_button.update()
        if not self._title_rect.isEmpty():
            self.update(self._title_rect)

    def _fade_finished(self) -> None:
        if self.fade.opacity <= 0.0 and self.mode == "playing":
            self._set_controls_visible(False)

    def _set_controls_visible(self, visible: bool) -> None:
        self.controls.setVisible(visible and self.mode == "playing")
        self.back_button.setVisible(visible or self.mode != "playing")

    def mousePressEvent(self, event) -> None:
        # Taps on the film arrive here too (the surface passes them on).
        if self.mode != "playing":
            return
        if self.fade.shown and self.controls.isVisible():
            self.fade_controls()
        else:
            self.show_controls()

    # -- layout ----------------------------------------------------------------------------------

    def resizeEvent(self, event) -> None:
        self._relayout()

    def _relayout(self) -> None:
        m = self.ctx.m
        w, h = self.width(), self.height()
        side = m.margin // 2 + m.bezel // 2
        row = m.touch_min
        self._film_rect = film_frame(w, h, m.bezel + row + m.gutter, self.work)
        if self.surface is not None:
            self.surface.setGeometry(self._film_rect)
        cx0 = max(self._film_rect.left(), side)
        cx1 = min(self._film_rect.right() + 1, w - side)
        self.controls.setGeometry(cx0, self._film_rect.bottom() + 1 + m.gutter, cx1 - cx0, row)
        self.controls.relayout()
        self.back_button.refresh()
        self.back_button.move(side, m.bezel)
        self.back_button.raise_()
        # The film's title beside the back button, where the film leaves room for it.
        tx = side + self.back_button.width() + m.gutter
        if self._film_rect.top() >= m.bezel + row + m.gutter:
            self._title_rect = QRect(tx, m.bezel, w - side - tx, row)
        else:
            self._title_rect = QRect()
        self.card.setGeometry(0, 0, w, h)
        self.card.lower()
        self.update()

    def paintEvent(self, event) -> None:
        if self._title_rect.isEmpty() or self.work is None or self.mode != "playing":
            return
        p = QPainter(self)
        p.setOpacity(self.fade.opacity)
        draw_title(p, self.ctx.m, self._title_rect, field(self.work.item, "title", self.ctx.lang))


def draw_title(p: QPainter, m: Metrics, rect: QRect, title: str) -> None:
    """The film's title in one line, on night, shortened with an ellipsis if need be."""
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    font = m.font("serif", 44 if not m.large else 50, bold=True)
    p.setFont(font)
    p.setPen(ON_NIGHT)
    text = QFontMetrics(font).elidedText(title, Qt.TextElideMode.ElideRight, rect.width())
    p.drawText(rect, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), text)
