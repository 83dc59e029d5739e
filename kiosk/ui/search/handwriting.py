"""The handwriting pad beside the search keyboard: write a character, tap the one you meant.

For visitors who cannot type pinyin.  The pad (kiosk/ui/widgets/ink.py) is
recognized after every lifted stroke (Zinnia takes a few milliseconds, so the
best candidates follow the strokes as they are added, with no pause to wait
out); a tap on a candidate hands it to the screen, which adds it to the query,
and the pad is cleared for the next character.  Beside the pad: undo the last
stroke, and rewrite.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath
from PySide6.QtWidgets import QWidget

from kiosk.handwriting import LazyRecognizer, Recognizer
from kiosk.ui.screen import Context
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.buttons import Button, Hook
from kiosk.ui.widgets.ink import InkPad

CANDIDATES = 9  # asked of the recognizer; as many as fit are shown
PRESSED = QColor(0, 0, 0, 16)  # 6 % darker, as the keys


class CandidateBar(QWidget):
    """A row of candidate characters, best first; a tap on one calls ``chosen(character)``."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.candidates: list[str] = []
        self.chosen = Hook()
        self.paints = 0  # paint events so far (the benchmark waits on it)
        self._down: int | None = None
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def char_font(self) -> QFont:
        m = self.ctx.m
        return m.font("serif", 60 if m.large else 52)

    def cell(self) -> int:
        """A candidate's square side: touch size at least, and room for the character."""
        m = self.ctx.m
        return max(m.touch_min, QFontMetrics(self.char_font()).height() + m.px(16))

    def gap(self) -> int:
        return self.ctx.m.px(12)

    def set_candidates(self, candidates: list[str]) -> None:
        self.candidates = list(candidates)
        self._down = None
        self.update()

    def shown(self) -> list[str]:
        """The candidates that fit the bar's width."""
        fits = max(1, (self.width() + self.gap()) // (self.cell() + self.gap()))
        return self.candidates[:fits]

    def cell_rect(self, i: int) -> QRectF:
        side = self.cell()
        top = (self.height() - side) / 2
        return QRectF(i * (side + self.gap()), top, side, side)

    def candidate_center(self, character: str) -> QPointF:
        """Where ``character`` is painted (for tests and screenshots)."""
        return self.cell_rect(self.shown().index(character)).center()

    def _at(self, pos: QPointF) -> int | None:
        half = self.gap() / 2
        for i in range(len(self.shown())):
            if self.cell_rect(i).adjusted(-half, -half, half, half).contains(pos):
                return i
        return None

    def mousePressEvent(self, event) -> None:
        self._down = self._at(event.position())
        self.update()

    def mouseReleaseEvent(self, event) -> None:
        down, self._down = self._down, None
        self.update()
        if down is not None and self._at(event.position()) == down:
            self.chosen(self.shown()[down])

    def paintEvent(self, event) -> None:
        m = self.ctx.m
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        shown = self.shown()
        if not shown:
            p.setPen(theme.INK_SOFT)
            p.setFont(m.caption(self.ctx.lang))
            flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
            fm = QFontMetrics(p.font())
            text = fm.elidedText(
                self.ctx.tr("hand_candidates"), Qt.TextElideMode.ElideRight, self.width()
            )
            p.drawText(QRectF(self.rect()), int(flags), text)
        p.setFont(self.char_font())
        for i, character in enumerate(shown):
            rect = self.cell_rect(i)
            path = QPainterPath()
            path.addRoundedRect(rect, m.radius, m.radius)
            p.fillPath(path, theme.PAPER_DEEP)
            if i == self._down:
                p.fillPath(path, PRESSED)
            p.setPen(theme.INK)
            p.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), character)
        p.end()
        self.paints += 1


class HandwritingPanel(QWidget):
    """The pad, its two tools and the candidates beneath; ``chosen(character)`` on a tap."""

    def __init__(
        self, ctx: Context, recognizer: Recognizer | LazyRecognizer, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.recognizer = recognizer
        self.chosen = Hook()
        self.pad = InkPad(ctx, parent=self)
        self.pad.changed.connect(self.recognize)
        self.candidates = CandidateBar(ctx, self)
        self.candidates.chosen.connect(self._chose)
        self.undo = Button(ctx, lambda: ctx.tr("hand_undo"), parent=self)
        self.undo.clicked.connect(self.pad.undo)
        self.rewrite = Button(ctx, lambda: ctx.tr("hand_rewrite"), parent=self)
        self.rewrite.clicked.connect(self.pad.clear)
        self.refresh()

    # ---------------------------------------------------------------- geometry
    def gap(self) -> int:
        return self.ctx.m.px(12)

    def tools_width(self) -> int:
        return self.undo.width()

    def candidates_height(self) -> int:
        return self.candidates.cell()

    def width_for(self, height: int) -> int:
        """Beside the keys (landscape): the width that gives a square pad of this height."""
        side = height - self.candidates_height() - self.gap()
        return side + self.gap() + self.tools_width()

    def height_for(self, width: int, most: int) -> int:
        """Above the keys (portrait), at most ``most`` pixels high."""
        extra = self.gap() + self.candidates_height()
        side = min(self.ctx.m.px(400), width - self.gap() - self.tools_width(), most - extra)
        return side + extra

    def place(self, area: QRect, landscape: bool, keys_height: int, gutter: int) -> QRect:
        """Take the pad's part of the keyboard's ``area`` (at the right in landscape, above
        keys ``keys_height`` high in portrait); returns what is left for the keys."""
        if landscape:
            width = min(self.width_for(area.height()), area.width() // 2)
            self.setGeometry(area.right() + 1 - width, area.top(), width, area.height())
            keys = area.adjusted(0, 0, -(width + gutter), 0)
        else:
            height = max(0, area.height() - keys_height - gutter)
            self.setGeometry(area.left(), area.top(), area.width(), height)
            keys = area.adjusted(0, height + gutter, 0, 0)
        self.raise_()
        return keys

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._lay_out()

    def _lay_out(self) -> None:
        gap, tools, cand = self.gap(), self.tools_width(), self.candidates_height()
        side = max(1, min(self.height() - cand - gap, self.width() - gap - tools))
        self.pad.setGeometry(0, 0, side, side)
        x = side + gap
        self.undo.move(x, 0)
        self.rewrite.move(x, self.undo.height() + gap)
        self.candidates.setGeometry(0, side + gap, self.width(), cand)

    def refresh(self) -> None:
        """Language or text size changed."""
        self.pad.set_hint(self.ctx.tr("hand_hint"))
        self.undo.refresh()
        self.rewrite.refresh()
        wider = max(self.undo.width(), self.rewrite.width())  # both as wide as the wider
        self.undo.setFixedWidth(wider)
        self.rewrite.setFixedWidth(wider)
        self.candidates.update()
        self._lay_out()

    # ------------------------------------------------------------------ writing
    def recognize(self) -> None:
        """The pad changed: candidates for what is on it now (none for an empty pad)."""
        strokes = self.pad.strokes()
        found = (
            self.recognizer.recognize(strokes, self.pad.width(), self.pad.height(), CANDIDATES)
            if strokes
            else []
        )
        self.candidates.set_candidates(found)

    def release(self) -> None:
        """Let a lazily opened recognizer close its model until someone writes again."""
        if isinstance(self.recognizer, LazyRecognizer):
            self.recognizer.release()

    def _chose(self, character: str) -> None:
        self.pad.clear()
        self.chosen(character)

    def reset(self) -> None:
        if not self.pad.is_empty():
            self.pad.clear()
