"""The rules ticker: a quiet band of lines scrolling right to left, endlessly and smoothly.

Each line is rendered once (when the lines, the width or the text size change) into a
pixmap cell — its Chinese, its English a shade softer, then a small seal-red mark — and
every frame only draws those cells at an offset computed from a monotonic clock
(``QElapsedTimer``): a late frame lands where it should be, never behind. A precise
~60 Hz timer repaints the band alone. ``kiosk.ticker.Track`` does the geometry.

The band reads the lines again every second (``TickerLines``: the catalogue changed,
the day turned, a line's time band opened or closed); new lines follow what is on screen.
Each line's crossing is a showing (``records``, context "loop"): begun when its text
enters at the right, completed when it has left at the left, skipped when the band
stops mid-pass.
"""

from __future__ import annotations

import logging
import math
from typing import Any

from PySide6.QtCore import QElapsedTimer, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPixmap, QPolygonF
from PySide6.QtWidgets import QWidget

from kiosk.settings import Ticker
from kiosk.ticker import Layout, Line, Pass, TickerLines, Track
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.buttons import Hook
from kiosk.ui.widgets.text import latin_serif

log = logging.getLogger(__name__)

#: Repaint interval (ms): ~60 frames a second.
FRAME_MS = 16
#: How often the lines are read again (ms).
RECHECK_MS = 1000
#: Text size at 1080p (px), and in large-text mode.
TEXT_PX, LARGE_TEXT_PX = 34, 40


class TickerBand(QWidget):
    """The band; ``band_height()`` is 0 while it has nothing to show (it is then hidden).

    ``look`` gives the visit's metrics (``look.m``); ``records`` is a
    ``kiosk.records.Recorder`` or None. ``shown_changed`` is called when the band
    appears or disappears (its owner lays itself out again); ``painted`` after every
    frame (benchmarks).
    """

    def __init__(
        self,
        lines: TickerLines,
        settings: Ticker,
        look: Any,
        *,
        records: Any = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.lines_source, self.settings, self.look, self.records = lines, settings, look, records
        self.shown_changed = Hook()
        self.painted = Hook()
        self.track = Track()
        self.lines: tuple[Line, ...] = ()
        # segment id -> (one pixmap per line, the lines)
        self._cells: dict[int, tuple[list[QPixmap], tuple[Line, ...]]] = {}
        self._made_for: tuple | None = None  # (width, metrics) the cells were made for
        self._laid: tuple[Line, ...] = ()  # the lines last placed on the track
        self._open: dict[tuple[int, int, int], Any] = {}  # pass id -> showing
        # The scroll position at which a line next enters or leaves: passes are looked at
        # only then, so a frame allocates next to nothing (fewer garbage collections).
        self._due = 0
        self._clock = QElapsedTimer()
        self._frame = QTimer(self)
        self._frame.setTimerType(Qt.TimerType.PreciseTimer)
        self._frame.setInterval(FRAME_MS)
        self._frame.timeout.connect(self._tick)
        self._recheck = QTimer(self)
        self._recheck.setInterval(RECHECK_MS)
        self._recheck.timeout.connect(self.refresh)
        self.running = False
        self.setVisible(False)

    # ------------------------------------------------------------------ sizes
    @property
    def text_px(self) -> int:
        m = self.look.m
        return m.px(LARGE_TEXT_PX if m.large else TEXT_PX)

    def band_height(self) -> int:
        """The band's height now: 0 while disabled or without lines."""
        if not self.wanted():
            return 0
        return round(self.text_px * 2.1)

    def wanted(self) -> bool:
        return self.settings.enabled and self.running and bool(self.lines)

    @property
    def speed(self) -> float:
        """Pixels per second on this screen."""
        return self.settings.speed * self.look.m.scale

    # -------------------------------------------------------------- life cycle
    def start(self) -> None:
        """Begin scrolling from the right edge (lines read now)."""
        if self.running or not self.settings.enabled:
            return
        self.running = True
        self._clock.start()
        self.track.clear()
        self._cells.clear()
        self.lines, self._made_for, self._laid = (), None, ()
        self._recheck.start()
        self.refresh()

    def stop(self, reason: str = "the band stopped") -> None:
        """Stop; lines on screen are recorded as skipped with ``reason``."""
        if not self.running:
            return
        self.running = False
        self._frame.stop()
        self._recheck.stop()
        self._end_all("skipped", reason)
        self.track.clear()
        self._cells.clear()
        self.lines = ()
        self._show(False)

    def refresh(self) -> None:
        """Read the lines again; a change is laid out after what is on screen."""
        if not self.running:
            return
        lines = self.lines_source.current()
        if lines != self.lines:
            log.info("ticker lines now: %s", ", ".join(line.key for line in lines) or "none")
        self.lines = lines
        if not lines:
            self._end_all("skipped", "its line is no longer valid")
            self.track.clear()
            self._cells.clear()
            self._made_for, self._laid = None, ()
            self._show(False)
            return
        self._show(True)  # the owner gives the band its size (and it lays out on resize)
        resized = self._made_for != self._size_key()
        if resized or self._laid != lines:
            self._lay_out(restart=resized)

    def _size_key(self) -> tuple:
        return (self.width(), self.look.m)

    def _show(self, shown: bool) -> None:
        if shown == self.isVisible() and shown == self._frame.isActive():
            return
        self.setVisible(shown)
        if shown:
            self._frame.start()
        else:
            self._frame.stop()
        self.shown_changed()

    def _lay_out(self, *, restart: bool) -> None:
        """Render the lines into cells and place them on the track."""
        if self.width() <= 0 or self.height() <= 0:
            return  # laid out once the owner has given the band its size
        if restart:  # a new width or text size: the old cells no longer fit
            self._end_all("skipped", "the band was laid out again")
            self.track.clear()
            self._cells.clear()
        self._made_for, self._laid = self._size_key(), self.lines
        pixmaps, cells, texts = self._render(self.lines)
        # A cycle at least as wide as the band: a short line never shows many times over;
        # night follows the last line's mark until the first comes round again.
        cells[-1] += max(0, self.width() - sum(cells))
        layout = Layout(tuple(line.key for line in self.lines), tuple(cells), tuple(texts))
        segment = self.track.set_layout(layout, self._scroll(), self.width())
        self._cells[segment] = (pixmaps, self.lines)
        self._due = 0
        self.update()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.running and self.lines and self._made_for != self._size_key():
            self._lay_out(restart=True)

    # -------------------------------------------------------------- rendering
    def _fonts(self):
        m = self.look.m
        size = LARGE_TEXT_PX if m.large else TEXT_PX
        return m.font("serif", size), latin_serif(m, size)

    def _render(self, lines: tuple[Line, ...]) -> tuple[list[QPixmap], list[int], list[int]]:
        zh_font, en_font = self._fonts()
        fm_zh, fm_en = QFontMetricsF(zh_font), QFontMetricsF(en_font)
        h = self.height()
        pad = self.text_px * 1.2  # each side of the mark
        mark = self.text_px * 0.3
        gap = self.text_px * 0.6  # between the Chinese and the English
        baseline = h / 2 + (fm_zh.ascent() - fm_zh.descent()) / 2
        pixmaps, cells, texts = [], [], []
        for line in lines:
            zh_w = fm_zh.horizontalAdvance(line.zh) if line.zh else 0.0
            en_w = fm_en.horizontalAdvance(line.en) if line.en else 0.0
            text_w = zh_w + en_w + (gap if line.zh and line.en else 0.0)
            text_px = max(1, math.ceil(text_w))
            cell = text_px + math.ceil(2 * pad + mark)
            pm = QPixmap(cell, h)
            pm.fill(theme.NIGHT)
            p = QPainter(pm)
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            x = 0.0
            if line.zh:
                p.setFont(zh_font)
                p.setPen(_paper(0.92))
                p.drawText(QPointF(x, baseline), line.zh)
                x += zh_w + gap
            if line.en:
                p.setFont(en_font)
                p.setPen(_paper(0.62))
                p.drawText(QPointF(x, baseline), line.en)
            cx = text_px + pad + mark / 2
            cy = h / 2
            half = mark / 2
            diamond = QPolygonF(
                [
                    QPointF(cx, cy - half),
                    QPointF(cx + half, cy),
                    QPointF(cx, cy + half),
                    QPointF(cx - half, cy),
                ]
            )
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(theme.SEAL)
            p.drawPolygon(diamond)
            p.end()
            pixmaps.append(pm)
            cells.append(cell)
            texts.append(text_px)
        return pixmaps, cells, texts

    # ----------------------------------------------------------------- frames
    def _scroll(self) -> int:
        """The scroll position now, in whole pixels, from the monotonic clock."""
        if not self._clock.isValid():
            return 0
        return int(self._clock.nsecsElapsed() * self.speed / 1e9)

    def _tick(self) -> None:
        s = self._scroll()
        if s >= self._due:
            view = self.width()
            for gone in self.track.prune(s):
                self._cells.pop(gone, None)
            visible = self.track.visible(s, view)
            self._count_passes(visible)
            entering = self.track.next_start(s + view)
            dues = [p.end for p in visible]
            if entering is not None:
                dues.append(entering - view + 1)
            self._due = min(dues, default=s + 1)
        self.update()

    def _count_passes(self, visible: list[Pass]) -> None:
        ids = {p.id for p in visible}
        for pid in [pid for pid in self._open if pid not in ids]:
            self._end(pid, "completed")
        for p in visible:
            if p.id not in self._open:
                line = self._line(p)
                records = self.records
                self._open[p.id] = (
                    records.begin(line.item, "loop")
                    if records is not None and line is not None
                    else None
                )

    def _line(self, p: Pass) -> Line | None:
        cells = self._cells.get(p.segment)
        return cells[1][p.cell] if cells is not None else None

    def _end(self, pid: tuple[int, int, int], outcome: str, reason: str | None = None) -> None:
        showing = self._open.pop(pid)
        if showing is not None:
            self.records.end(showing, outcome, reason)

    def _end_all(self, outcome: str, reason: str) -> None:
        for pid in list(self._open):
            self._end(pid, outcome, reason)

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), theme.NIGHT)
        s = self._scroll()
        for piece in self.track.pieces(s, self.width()):
            cells = self._cells.get(piece.segment)
            if cells is None:
                continue
            pm = cells[0][piece.cell]
            width = min(piece.width, pm.width() - piece.src)  # past it: the cycle's night
            if width > 0:
                p.drawPixmap(piece.dest, 0, pm, piece.src, 0, width, pm.height())
        # a hairline of paper at 12 % above the band: it reads as a band, not a hole
        p.fillRect(QRectF(0, 0, self.width(), 1), _paper(0.12))
        p.end()
        self.painted()


def _paper(alpha: float) -> QColor:
    c = QColor(theme.PAPER)
    c.setAlphaF(alpha)
    return c
