"""A song in the attract loop: its sound, and a card of its lyrics that follows it.

Songs play in the loop only when ``[attract] audio`` is on (the playlist leaves
them out otherwise, saying so in the log). ``SongShow`` owns one ``SongPlayer``
(sound only; libvlc stays behind ``kiosk.playback``). The loop shows the song's
card like any other card — crossfading in from the item before, no dark frame
— and records the song like a film, through the player's ``ended``/``failed``.
While the song plays, a timer reads the player's time (``PlayerClock``); when
the line sung changes, the card is drawn again with it highlighted and the
layer crossfades to it (``LINE_FADE_MS``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QFontMetricsF, QPainter

from kiosk.ingest.lyrics import Lyrics, read_lyrics
from kiosk.playlist import Slot
from kiosk.strings import field
from kiosk.ui.attract.band import paper
from kiosk.ui.attract.layer import PictureLayer, Visual
from kiosk.ui.attract.pace import FILM_OVERRUN
from kiosk.ui.screen import Context
from kiosk.ui.songs.lyrics import ON_NIGHT, SungLines, line_font, paint_lyrics
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.text import fit_font, latin_serif

log = logging.getLogger(__name__)

#: How often the card reads the song's time (ms), and how fast it changes lines.
TICK_MS = 30
LINE_FADE_MS = 260
#: A song of unknown length is left after this long if its end never comes.
UNKNOWN_LENGTH_S = 600.0


def paint_song_card(
    p: QPainter,
    rect: QRectF,
    m: theme.Metrics,
    item: dict[str, Any],
    sung: SungLines,
    current: int,
    position: float,
) -> None:
    """The song's title (and English title) at the top, its lines below, on night."""
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    title = field(item, "title", "zh")
    font = fit_font(m.display(84), title, rect.width(), 0.5)
    fm = QFontMetricsF(font)
    y = rect.top()
    p.setFont(font)
    p.setPen(theme.PAPER)
    p.drawText(QPointF(rect.center().x() - fm.horizontalAdvance(title) / 2, y + fm.ascent()), title)
    y += fm.height()
    english = (item.get("title_en") or "").strip()
    if english:
        en_font = latin_serif(m, 32)
        efm = QFontMetricsF(en_font)
        p.setFont(en_font)
        p.setPen(paper(0.6))
        x = rect.center().x() - efm.horizontalAdvance(english) / 2
        p.drawText(QPointF(x, y + m.px(8) + efm.ascent()), english)
        y += m.px(8) + efm.height()
    y += m.px(28)
    p.fillRect(QRectF(rect.center().x() - m.px(28), y, m.px(56), m.px(3)), theme.SEAL)
    y += m.px(40)
    lines = QRectF(rect.left(), y, rect.width(), rect.bottom() - y)
    if sung.texts:
        fonts = line_font(m, lines.height())
        paint_lyrics(p, lines, sung.texts, current, position, fonts, ON_NIGHT)


class SongShow(QObject):
    """The song now playing in the loop, its player and its card; see the module docstring.

    ``canvas()`` gives a night pixmap the size of the layer; ``volume()`` the loop's.
    """

    def __init__(
        self,
        ctx: Context,
        layer: PictureLayer,
        canvas: Callable[[], Any],
        volume: Callable[[], int],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.layer = ctx, layer
        self._canvas, self._volume = canvas, volume
        self.player: Any = None
        self.clock: Any = None
        if ctx.films is not None:
            from kiosk.playback import SongPlayer  # the package that talks to libvlc
            from kiosk.playback.clock import PlayerClock

            self.player = SongPlayer(ctx.films, self)
            self.clock = PlayerClock(self.player.elapsed)
        self.slot: Slot | None = None
        self.sung = SungLines(Lyrics())
        self.current = -1
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)

    @property
    def players(self) -> list[Any]:
        return [self.player] if self.player is not None else []

    def playable(self, kinds: list[str]) -> list[str]:
        """``kinds`` without songs unless sound is on in the loop (and libvlc there)."""
        if "song" not in kinds or (self.player is not None and self.ctx.settings.attract.audio):
            return kinds
        why = "films cannot play here" if self.player is None else "[attract] audio is off"
        log.info("the attract loop leaves songs out: %s", why)
        return [k for k in kinds if k != "song"]

    def card(self, slot: Slot) -> Visual:
        """The card the song begins with: no line sung yet."""
        return Visual(self._render(slot, _sung(slot), -1, -1.0))

    def start(self, slot: Slot) -> Any:
        """Play ``slot``'s song (its card is on the layer); the player, for the records."""
        self.slot = slot
        self.current = -1
        self.sung = _sung(slot)
        self.player.set_volume(self._volume())
        self.player.set_muted(False)
        self.player.load(slot.work.original, expected_duration=slot.work.duration_s)
        self.player.play()
        self.clock.reset()
        self._timer.start()
        return self.player

    def timer_ms(self, slot: Slot) -> int:
        """When to leave a song whose end never came (at song speed)."""
        seconds = slot.seconds or UNKNOWN_LENGTH_S
        return int(max(seconds * FILM_OVERRUN[0], seconds + FILM_OVERRUN[1]) * 1000)

    def stop(self) -> None:
        self._timer.stop()
        self.slot = None
        if self.player is not None:
            self.player.stop()

    def _tick(self) -> None:
        from kiosk.playback import PlayerState

        if self.slot is None or self.player is None:
            self._timer.stop()
            return
        seconds = self.clock.seconds(self.player.state == PlayerState.PLAYING)
        current, rest = self.sung.at(seconds)
        if current != self.current:
            self.current = current
            visual = Visual(self._render(self.slot, self.sung, current, rest))
            self.layer.show_visual(visual, LINE_FADE_MS)

    def _render(self, slot: Slot, sung: SungLines, current: int, position: float) -> Any:
        pm = self._canvas()
        size = self.layer.size()
        m = self.ctx.m
        inset = m.margin
        rect = QRectF(inset, inset * 0.75, size.width() - 2 * inset, size.height() - 1.5 * inset)
        p = QPainter(pm)
        paint_song_card(p, rect, m, slot.item, sung, current, position)
        p.end()
        return pm


def _sung(slot: Slot) -> SungLines:
    subtitles = slot.work.subtitles
    return SungLines(read_lyrics(subtitles) if subtitles is not None else Lyrics())
