"""The lyrics screen ("song"): one song playing, its lines lighting up as they are sung.

The song plays through ``kiosk.playback`` (a ``SongPlayer``, a FilmPlayer with no
surface; the engine stays the one module that talks to libvlc). A precise
timer reads the player's time every ``TICK_MS`` through a ``PlayerClock``
(which fills the gaps between libvlc's reports, ~0.3 s apart), so the
highlighted line changes within a frame or two of its time. Below the lyrics,
on a night deck: play/pause, elapsed time, a seek bar to drag or tap, the
length. Title (the header), author and source (above the lyrics) stay in view.

Proof of play as for films: a showing begins when the song starts and ends
"completed" (played to the end), "skipped" (the visitor left) or "failed".
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QPainter, QPainterPath
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.catalog.library import Work
from kiosk.ingest.lyrics import Lyrics, read_lyrics
from kiosk.playback import PlayerState, SongPlayer
from kiosk.playback.clock import PlayerClock
from kiosk.strings import field
from kiosk.ui.films.controls import ControlBar
from kiosk.ui.screen import Context, InnerScreen, VisitorShowing
from kiosk.ui.songs.library import byline
from kiosk.ui.songs.lyrics import LyricsView
from kiosk.ui.widgets import theme

log = logging.getLogger(__name__)

#: How often the lyrics read the player's time (ms): well inside the 100 ms the
#: highlight may lag its line's time.
TICK_MS = 20
#: The deck's time and seek bar move this often at most (s of song).
DECK_STEP_S = 0.25


class Deck(QWidget):
    """The night panel under the lyrics that holds the player's controls."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.controls = ControlBar(ctx, self)

    def restyle(self) -> None:
        m = self.ctx.m
        self.setFixedHeight(m.touch_min + 2 * m.px(20))
        self.controls.set_opacity(1.0)

    def resizeEvent(self, event) -> None:
        m = self.ctx.m
        pad = m.px(28)
        self.controls.setGeometry(pad, m.px(20), self.width() - 2 * pad, m.touch_min)
        self.controls.relayout()

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        path = QPainterPath()
        path.addRoundedRect(QRectF(self.rect()), self.ctx.m.radius, self.ctx.m.radius)
        p.fillPath(path, theme.NIGHT)


class SongScreen(InnerScreen):
    """One song with its lyrics, large play/pause and seek; see the module docstring."""

    name = "song"

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.work: Work | None = None
        self.lyrics = Lyrics()
        self.mode = "idle"  # idle | playing | ended | failed | unavailable | missing
        self.player: SongPlayer | None = None  # made on first use, reused
        self.clock: PlayerClock | None = None
        self.showing = VisitorShowing(ctx)
        self._deck_time = -1.0
        self.byline = QLabel()
        self.byline.setTextFormat(Qt.TextFormat.PlainText)
        self.byline.setWordWrap(True)
        self.message = QLabel()
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.view = LyricsView(ctx.m)
        self.deck = Deck(ctx)
        self.controls = self.deck.controls
        self.controls.play_pause.clicked.connect(self.toggle_pause)
        self.controls.seek.seek_requested.connect(self.seek)
        self.body.addWidget(self.byline)
        self.body.addWidget(self.message)
        self.body.addWidget(self.view, 1)
        self.body.addWidget(self.deck)
        self.ticker = QTimer(self)
        self.ticker.setTimerType(Qt.TimerType.PreciseTimer)
        self.ticker.setInterval(TICK_MS)
        self.ticker.timeout.connect(self.tick)
        self._restyle()

    def title(self) -> str:
        work = getattr(self, "work", None)  # asked while the header is built, before enter()
        return field(work.item, "title", self.ctx.lang) if work is not None else ""

    # -- the player (made once, on first use) ---------------------------------------------------

    def _ensure_player(self) -> bool:
        if self.player is not None:
            return True
        if self.ctx.films is None:
            return False
        self.player = SongPlayer(self.ctx.films, self)
        self.clock = PlayerClock(self.player.elapsed)
        self.player.ended.connect(self._on_ended)
        self.player.failed.connect(self._on_failed)
        self.player.state_changed.connect(self._on_state)
        return True

    # -- screen life ----------------------------------------------------------------------------

    def enter(self, key: str | None = None, **args: Any) -> None:
        self._stop_song()
        item = self.ctx.library.item(key) if key else None
        self.work = self.ctx.library.work(item) if item else None
        self.lyrics = (
            read_lyrics(self.work.subtitles)
            if self.work is not None and self.work.subtitles is not None
            else Lyrics()
        )
        self.view.set_lyrics(self.lyrics)
        self._relayout()
        self._restyle()
        if self.work is None or self.work.original is None:
            log.warning("song %r is not in the catalogue (or has no file)", key)
            self._say("missing")
            return
        if not self._ensure_player():
            log.warning("song %s cannot play: %s", key, self.ctx.films_problem)
            self._say("unavailable")
            return
        self.play()

    def leave(self) -> None:
        self._stop_song()

    def busy(self) -> bool:
        """A song playing holds off the idle reset; a paused one does not."""
        return self.player is not None and self.player.state == PlayerState.PLAYING

    def reset(self) -> None:
        self.leave()
        self.work = None
        self.mode = "idle"

    def retranslate(self) -> None:
        super().retranslate()
        self._restyle()

    # -- transport ------------------------------------------------------------------------------

    def play(self) -> None:
        work = self.work
        assert work is not None and self.player is not None and self.clock is not None
        self.mode = "playing"
        self._say(None)
        self.clock.reset()
        self.view.set_time(0.0, glide=False)
        self.controls.set_times(0.0, self._total())
        self.controls.play_pause.set_icon("pause")
        self.player.set_volume(self.ctx.settings.playback.volume)
        self.player.load(work.original, expected_duration=work.duration_s)
        self.player.play()
        self._begin()
        self.ticker.start()

    def toggle_pause(self) -> None:
        if self.player is None:
            return
        state = self.player.state
        if state == PlayerState.PLAYING:
            self.player.pause()
        elif state == PlayerState.PAUSED:
            self.player.resume()
        elif self.mode in ("ended", "failed") and self.work is not None:
            self.play()

    def seek(self, seconds: float) -> None:
        if self.player is None or self.clock is None or self.mode != "playing":
            return
        self.player.seek(seconds)
        self.clock.reset()
        self.view.set_time(seconds, glide=False)
        self._deck_time = -1.0
        self.controls.set_times(seconds, self._total())

    def tick(self) -> None:
        """Follow the player: the line sung, the deck's time and seek bar."""
        if self.player is None or self.clock is None:
            return
        if self.controls.seek.dragging:
            return  # the visitor holds the bar: it shows where they are
        now = self.clock.seconds(self.player.state == PlayerState.PLAYING)
        self.view.set_time(now)
        if abs(now - self._deck_time) >= DECK_STEP_S:
            self._deck_time = now
            self.controls.set_times(now, self._total())

    def _stop_song(self) -> None:
        self.ticker.stop()
        if self.player is not None:
            self.player.stop()  # a started song reports ended(False): recorded as skipped
        self.showing.end("skipped")
        if self.mode == "playing":
            self.mode = "idle"

    def _total(self) -> float:
        if self.work is not None and self.work.duration_s:
            return float(self.work.duration_s)
        return self.player.duration() if self.player is not None else 0.0

    # -- player signals -------------------------------------------------------------------------

    def _begin(self) -> None:
        self.showing.begin(self.work.item if self.work is not None else None)

    def _on_state(self, state: str) -> None:
        self.controls.play_pause.set_icon("pause" if state == "playing" else "play")

    def _on_ended(self, completed: bool, reason: str) -> None:
        if not completed:
            self.showing.end("skipped")
            return
        self.ticker.stop()
        self.mode = "ended"
        self.showing.end("completed")
        self.view.set_time(self._total())
        self.controls.set_times(self._total(), self._total())
        self.controls.play_pause.set_icon("play")

    def _on_failed(self, reason: str) -> None:
        self.ticker.stop()
        self._begin()
        self.showing.end("failed", reason)
        self._say("failed")

    # -- look -----------------------------------------------------------------------------------

    def _say(self, mode: str | None) -> None:
        """A calm sentence in place of the lyrics (missing, unavailable, failed), or none."""
        if mode is not None:
            self.mode = mode
        self._restyle()

    def _restyle(self) -> None:
        m, lang = self.ctx.m, self.ctx.lang
        self.view.set_metrics(m)
        self.deck.restyle()
        self.byline.setFont(m.reading(lang))
        self.byline.setText(byline(self.work.item, lang) if self.work is not None else "")
        self.byline.setVisible(bool(self.byline.text()))
        for label, color in ((self.byline, theme.INK_SOFT), (self.message, theme.INK_SOFT)):
            pal = label.palette()
            pal.setColor(label.foregroundRole(), color)
            label.setPalette(pal)
        said = {
            "missing": "song_missing",
            "unavailable": "song_unavailable",
            "failed": "song_failed",
        }.get(self.mode)
        if said is None and self.work is not None and not self.lyrics.usable:
            said = "song_no_lyrics"
        self.message.setFont(m.reading(lang))
        self.message.setText(self.ctx.tr(said) if said else "")
        self.message.setVisible(said is not None)
        # A sentence instead of the lyrics stands where they would.
        self.view.setVisible(said is None)
        self.body.setStretchFactor(self.message, 0 if said is None else 1)
        self.deck.setVisible(self.mode not in ("missing", "unavailable"))
