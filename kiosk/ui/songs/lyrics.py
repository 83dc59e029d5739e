"""The lyrics of a song as they are sung: the current line large, the next ones below.

``LyricsView`` paints the song's lines on a column: the line sung now in seal
red at the middle, the coming lines below it in ink, the lines sung fading
above. When the line changes, the highlight moves at once (it is what follows
the player's time) and the column glides up to it (``GLIDE_MS``, ease in-out).
Empty lines of the LRC (nothing sung) leave no line highlighted.
``paint_lyrics`` draws the same picture into any painter (the attract loop's
card uses it on night).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEasingCurve, QPointF, QRectF, QVariantAnimation, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter
from PySide6.QtWidgets import QWidget

from kiosk.ingest.lyrics import Lyrics
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.text import fit_font

#: How long the column takes to glide to the new line.
GLIDE_MS = 420


@dataclass(frozen=True)
class Palette:
    """The colours of the lines: sung now, coming, sung (faded)."""

    now: QColor
    coming: QColor
    past: QColor


ON_PAPER = Palette(theme.SEAL, theme.INK, theme.INK_SOFT)
# On night the line sung is paper at full strength; the others are paper, dimmed.
ON_NIGHT = Palette(theme.PAPER, theme.PAPER, theme.PAPER)


class SungLines:
    """The lines shown (the LRC's non-empty ones) and which of them is sung at a time."""

    def __init__(self, lyrics: Lyrics) -> None:
        self.lyrics = lyrics
        self.texts = [line.text for line in lyrics.lines if line.text]
        # the shown line of each LRC line (-1 for an empty one: nothing sung)
        self._shown: list[int] = []
        n = -1
        for line in lyrics.lines:
            if line.text:
                n += 1
            self._shown.append(n if line.text else -1)
        self._before: list[int] = []  # the last shown line at or before each LRC line
        last = -1
        for i, line in enumerate(lyrics.lines):
            last = self._shown[i] if line.text else last
            self._before.append(last)

    def at(self, seconds: float) -> tuple[int, float]:
        """(the line sung at ``seconds`` or -1, where the column rests: a line index)."""
        i = self.lyrics.index_at(seconds)
        if i < 0:
            return -1, -1.0
        if self._shown[i] >= 0:
            return self._shown[i], float(self._shown[i])
        return -1, self._before[i] + 0.5  # a pause: between the line sung and the next


def line_font(m: theme.Metrics, height: float) -> tuple[QFont, QFont]:
    """The fonts of the line sung and of the others, for a column ``height`` px tall."""
    big = 84 if m.large else 68
    small = 52 if m.large else 42
    scale = min(1.0, height / m.px(big * 7))  # at least ~6 lines' room, or smaller
    return (
        m.font("kai", big * max(scale, 0.6), bold=False),
        m.font("kai", small * max(scale, 0.6), bold=False),
    )


def paint_lyrics(
    p: QPainter,
    rect: QRectF,
    lines: list[str],
    current: int,
    position: float,
    fonts: tuple[QFont, QFont],
    colors: Palette,
    *,
    align_center: bool = True,
) -> None:
    """The lines around ``position`` (a line index, fractional while gliding) in ``rect``."""
    big, small = fonts
    pitch = QFontMetricsF(big).height() * 1.45
    mid = rect.center().y()
    p.save()
    p.setClipRect(rect)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    for i, line in enumerate(lines):
        y = mid + (i - position) * pitch
        if y < rect.top() - pitch or y > rect.bottom() + pitch:
            continue
        sung_now = i == current
        font = fit_font(QFont(big if sung_now else small), line, rect.width(), 0.5)
        fm = QFontMetricsF(font)
        distance = abs(y - mid) / max(1.0, rect.height() / 2)
        if sung_now:
            color, alpha = colors.now, 1.0
        elif i < position:
            color, alpha = colors.past, max(0.12, 0.45 - 0.4 * distance)
        else:
            color, alpha = colors.coming, max(0.25, 0.8 - 0.5 * distance)
        # Lines fade out towards the edges instead of being cut through.
        edge = min(y - rect.top(), rect.bottom() - y) - fm.height() / 2
        alpha *= min(1.0, max(0.0, edge / (pitch * 0.6)))
        if alpha <= 0.0:
            continue
        p.setFont(font)
        p.setPen(color)
        p.setOpacity(alpha)
        width = fm.horizontalAdvance(line)
        x = rect.center().x() - width / 2 if align_center else rect.left()
        p.drawText(QPointF(x, y - fm.height() / 2 + fm.ascent()), line)
    p.restore()


class LyricsView(QWidget):
    """The lines of one song on paper, following ``set_time``; see the module."""

    #: (the line now highlighted on screen, or -1) at the first paint that shows it
    highlight_painted = Signal(int)

    def __init__(self, m: theme.Metrics, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.m = m
        self.colors = ON_PAPER
        self.sung = SungLines(Lyrics())
        self.current = -1
        self.position = -1.0
        self._painted = -2
        self._glide = QVariantAnimation(self)
        self._glide.setDuration(GLIDE_MS)
        self._glide.setEasingCurve(QEasingCurve.Type.InOutQuad)
        self._glide.valueChanged.connect(self._glide_to)

    def set_metrics(self, m: theme.Metrics) -> None:
        self.m = m
        self.update()

    def set_lyrics(self, lyrics: Lyrics) -> None:
        self._glide.stop()
        self.sung = SungLines(lyrics)
        self.current, self.position, self._painted = -1, -1.0, -2
        self.update()

    def set_time(self, seconds: float, *, glide: bool = True) -> bool:
        """Follow the song to ``seconds``; True if the line sung changed."""
        current, rest = self.sung.at(seconds)
        changed = current != self.current
        if changed or rest != self._glide_target():
            self.current = current
            if glide and abs(rest - self.position) <= 2.0:
                self._glide.stop()
                self._glide.setStartValue(float(self.position))
                self._glide.setEndValue(float(rest))
                self._glide.start()
            else:  # a seek: no long slide through the song
                self._glide.stop()
                self.position = rest
            self.update()
        return changed

    def _glide_target(self) -> float:
        if self._glide.state() == QVariantAnimation.State.Running:
            return float(self._glide.endValue())
        return self.position

    def _glide_to(self, value: float) -> None:
        self.position = float(value)
        self.update()

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        rect = QRectF(self.rect())
        paint_lyrics(
            p,
            rect,
            self.sung.texts,
            self.current,
            self.position,
            line_font(self.m, rect.height()),
            self.colors,
        )
        p.end()
        if self.current != self._painted:
            self._painted = self.current
            self.highlight_painted.emit(self.current)
