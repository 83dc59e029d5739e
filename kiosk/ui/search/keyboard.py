"""A large on-screen keyboard for visitors: letters for pinyin, space, backspace, clear.

The kiosk has no physical keyboard and no input method, so visitors type
pinyin (or its initials) here.  The whole keyboard is one widget painted in
code: keys are paper-deep rounded rectangles on paper with ink letters, and
a key darkens 6 % the moment it is touched.  A key counts when the finger
lifts over it (sliding off cancels); several fingers at once are followed
one by one, so quick two-handed typing loses no letter.

Each tap emits ``key_tapped`` once, with a letter, ``SPACE``, ``BACKSPACE``
or ``CLEAR``; given a ``target`` line edit, the keyboard also edits it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QLineEdit, QSizePolicy, QWidget

from kiosk.ui.screen import Context
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.text import fit_font

SPACE = " "
BACKSPACE = "\b"
CLEAR = "clear"
HANDWRITING = "handwriting"  # shows or hides the handwriting pad (only when it can run)

ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
COLUMNS = 10  # the top row sets the key width

# Cap on a key's width (at 1080p): on a wide screen the keyboard stays a keyboard.
MAX_KEY_WIDTH = 132
MAX_KEY_HEIGHT = 120
PRESSED = QColor(0, 0, 0, 16)  # 6 % darker


@dataclass(frozen=True)
class _Key:
    value: str
    col: float  # left edge, in key widths
    row: int
    span: float = 1.0


def _keys(handwriting: bool = False) -> list[_Key]:
    keys = [_Key(ch, i, 0) for i, ch in enumerate(ROWS[0])]
    keys += [_Key(ch, 0.5 + i, 1) for i, ch in enumerate(ROWS[1])]
    keys += [_Key(ch, 1.5 + i, 2) for i, ch in enumerate(ROWS[2])]
    # Bottom row: clear · space · backspace, symmetric under the letters
    # (clear · handwriting · space · backspace when the pad can run).
    if handwriting:
        keys += [_Key(CLEAR, 0, 3, 2), _Key(HANDWRITING, 2, 3, 2), _Key(SPACE, 4, 3, 4)]
    else:
        keys += [_Key(CLEAR, 0, 3, 2), _Key(SPACE, 2, 3, 6)]
    return [*keys, _Key(BACKSPACE, 8, 3, 2)]


_LABELS = {SPACE: "key_space", CLEAR: "search_clear", HANDWRITING: "hand_toggle"}


class Keyboard(QWidget):
    """Letters a–z (QWERTY), space, backspace and clear, at touch size."""

    key_tapped = Signal(str)  # a letter, SPACE, BACKSPACE, CLEAR or HANDWRITING

    def __init__(
        self,
        ctx: Context,
        target: QLineEdit | None = None,
        parent: QWidget | None = None,
        *,
        handwriting: bool = False,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.target = target
        self.keys = _keys(handwriting)
        self.handwriting_on = False  # the handwriting key shows as on (seal red)
        self._mouse_down: str | None = None
        self._touch_down: dict[int, str] = {}
        self._rects: dict[str, QRectF] = {}
        self._laid_for: QSize | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the field keeps its cursor
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    # ----------------------------------------------------------------- geometry
    def gap(self) -> int:
        return self.ctx.m.px(12)

    def preferred_height(self) -> int:
        """Four rows of full-size keys."""
        m = self.ctx.m
        return 4 * m.px(MAX_KEY_HEIGHT) + 3 * self.gap()

    def minimum_height(self) -> int:
        return 4 * self.ctx.m.touch_min + 3 * self.gap()

    def sizeHint(self) -> QSize:
        return QSize(COLUMNS * self.ctx.m.px(MAX_KEY_WIDTH), self.preferred_height())

    def _layout(self) -> dict[str, QRectF]:
        if self._laid_for == self.size():
            return self._rects
        m, gap = self.ctx.m, self.gap()
        unit = min(self.width() / COLUMNS, m.px(MAX_KEY_WIDTH) + gap)  # key + its gap
        row_h = min((self.height() + gap) / 4, m.px(MAX_KEY_HEIGHT) + gap)
        left = (self.width() - COLUMNS * unit + gap) / 2
        top = (self.height() - 4 * row_h + gap) / 2
        self._rects = {
            k.value: QRectF(
                left + k.col * unit, top + k.row * row_h, k.span * unit - gap, row_h - gap
            )
            for k in self.keys
        }
        self._laid_for = QSize(self.size())
        return self._rects

    def key_rect(self, value: str) -> QRectF:
        """Where the key for ``value`` is painted (for tests and screenshots)."""
        return self._layout()[value]

    def key_center(self, value: str) -> QPoint:
        return self.key_rect(value).center().toPoint()

    def key_at(self, pos: QPointF | QPoint) -> str | None:
        """The key under ``pos``; half a gap around each key counts, so no touch falls between."""
        half = self.gap() / 2
        point = QPointF(pos)
        for value, rect in self._layout().items():
            if rect.adjusted(-half, -half, half, half).contains(point):
                return value
        return None

    def resizeEvent(self, event) -> None:
        self._laid_for = None
        super().resizeEvent(event)

    def refresh(self) -> None:
        """Language or text size changed."""
        self._laid_for = None
        self.updateGeometry()
        self.update()

    # -------------------------------------------------------------------- input
    def tap(self, value: str) -> None:
        """One key was tapped: edit the target, then say so once."""
        if self.target is not None and value != HANDWRITING:
            if value == BACKSPACE:
                self.target.backspace()
            elif value == CLEAR:
                self.target.clear()
            else:
                self.target.insert(value)
        self.key_tapped.emit(value)

    def _pressed(self) -> set[str]:
        down = set(self._touch_down.values())
        if self._mouse_down is not None:
            down.add(self._mouse_down)
        return down

    def _repaint_key(self, value: str | None) -> None:
        if value is not None:
            self.update(self.key_rect(value).toAlignedRect().adjusted(-2, -2, 2, 2))

    def mousePressEvent(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        self._mouse_down = self.key_at(event.position())
        self._repaint_key(self._mouse_down)

    def mouseMoveEvent(self, event) -> None:
        if self._mouse_down is not None and self.key_at(event.position()) != self._mouse_down:
            self._repaint_key(self._mouse_down)
            self._mouse_down = None  # slid off: cancelled

    def mouseReleaseEvent(self, event) -> None:
        down, self._mouse_down = self._mouse_down, None
        if down is None:
            return
        self._repaint_key(down)
        if self.key_at(event.position()) == down:
            self.tap(down)

    def event(self, event: QEvent) -> bool:
        etype = event.type()
        if etype in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd):
            self._touch(event)
            event.accept()
            return True
        if etype == QEvent.Type.TouchCancel:
            for value in self._touch_down.values():
                self._repaint_key(value)
            self._touch_down.clear()
            event.accept()
            return True
        return super().event(event)

    def _touch(self, event) -> None:
        for point in event.points():
            state = point.state()
            pid = point.id()
            if state == point.State.Pressed:
                value = self.key_at(point.position())
                if value is not None:
                    self._touch_down[pid] = value
                    self._repaint_key(value)
            elif state == point.State.Updated:
                value = self._touch_down.get(pid)
                if value is not None and self.key_at(point.position()) != value:
                    del self._touch_down[pid]
                    self._repaint_key(value)
            elif state == point.State.Released:
                value = self._touch_down.pop(pid, None)
                if value is not None:
                    self._repaint_key(value)
                    if self.key_at(point.position()) == value:
                        self.tap(value)

    # -------------------------------------------------------------------- paint
    def paintEvent(self, event) -> None:
        m, lang = self.ctx.m, self.ctx.lang
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        letter_font = m.font("sans", 46 if m.large else 40, lang="en")
        label_font = m.label(lang)
        down = self._pressed()
        clip = QRectF(event.rect())
        for value, rect in self._layout().items():
            if not rect.intersects(clip):
                continue
            path = QPainterPath()
            path.addRoundedRect(rect, m.radius, m.radius)
            on = value == HANDWRITING and self.handwriting_on
            p.fillPath(path, theme.SEAL if on else theme.PAPER_DEEP)
            if value in down:
                p.fillPath(path, PRESSED)
            p.setPen(theme.PAPER if on else theme.INK)
            if value == BACKSPACE:
                self._paint_backspace(p, rect)
            elif value in (SPACE, CLEAR, HANDWRITING):
                text = self.ctx.tr(_LABELS[value])
                # A long label (English "Handwriting" in large text) gets smaller before it
                # is cut short.
                p.setFont(fit_font(QFont(label_font), text, rect.width() - m.px(16)))
                if value == SPACE:
                    p.setPen(theme.INK_SOFT)
                fm = QFontMetrics(p.font())
                p.drawText(
                    rect,
                    int(Qt.AlignmentFlag.AlignCenter),
                    fm.elidedText(text, Qt.TextElideMode.ElideRight, int(rect.width())),
                )
            else:
                p.setFont(letter_font)
                # Optical centring: lowercase letters sit on the x-height, not the em box.
                fm = QFontMetrics(letter_font)
                shift = (fm.ascent() - fm.xHeight() - fm.descent()) / 2
                p.drawText(rect.translated(0, -shift / 2), int(Qt.AlignmentFlag.AlignCenter), value)
        p.end()

    def _paint_backspace(self, p: QPainter, rect: QRectF) -> None:
        """A line icon: a key-shaped outline pointing left, with a cross inside."""
        m = self.ctx.m
        h = m.px(36)
        w = h * 1.5
        c = rect.center()
        left, right = c.x() - w / 2, c.x() + w / 2
        top, bottom = c.y() - h / 2, c.y() + h / 2
        tip = left + h / 2
        pen = QPen(
            theme.INK,
            max(2, m.px(3)),
            Qt.PenStyle.SolidLine,
            Qt.PenCapStyle.RoundCap,
            Qt.PenJoinStyle.RoundJoin,
        )
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        outline = QPainterPath()
        outline.moveTo(left, c.y())
        outline.lineTo(tip, top)
        outline.lineTo(right, top)
        outline.lineTo(right, bottom)
        outline.lineTo(tip, bottom)
        outline.closeSubpath()
        p.drawPath(outline)
        s = h * 0.2
        cx = (tip + right) / 2
        p.drawLine(QPointF(cx - s, c.y() - s), QPointF(cx + s, c.y() + s))
        p.drawLine(QPointF(cx - s, c.y() + s), QPointF(cx + s, c.y() - s))
