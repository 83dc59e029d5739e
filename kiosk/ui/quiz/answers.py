"""The answer buttons of a question, painted as one board: large rows with the option's
letter and text (对 / 错 for true or false), toggled for a multiple choice, and marked
right or wrong once answered.  One widget, so that a tap's feedback is one paint."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.ui.screen import Context
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.buttons import Hook


@dataclass(frozen=True)
class Choice:
    mark: str  # "A" … "F", or "" for 对 / 错
    text: str
    value: str  # the letter in lower case, or "true" / "false"


class AnswerBoard(QWidget):
    """The choices of one question.  ``tapped(i)`` is called for a tap on choice ``i``
    while the board is open; ``show_result`` marks the right choices and the chosen wrong
    ones and closes it.  ``large``: the group contest's board, shown to the room in bigger
    text and never tapped."""

    GAP = 24  # between choices, 1080p pixels

    def __init__(self, ctx: Context, *, large: bool = False) -> None:
        super().__init__()
        self.ctx, self.large = ctx, large
        self.choices: list[Choice] = []
        self.chosen: set[int] = set()
        self.right: set[int] | None = None  # set once answered (or revealed)
        self.pressed: int | None = None
        self.tapped = Hook()
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        if not large:
            self.setCursor(Qt.CursorShape.PointingHandCursor)

    # ------------------------------------------------------------ content
    def set_choices(self, choices: list[Choice]) -> None:
        self.choices = list(choices)
        self.chosen, self.right, self.pressed = set(), None, None
        self.refresh()

    def set_chosen(self, chosen: set[int]) -> None:
        self.chosen = set(chosen)
        self.update()

    def show_result(self, right: set[int]) -> None:
        self.right = set(right)
        self.pressed = None
        self.update()

    @property
    def open(self) -> bool:
        return self.right is None

    def refresh(self) -> None:
        """Language or text size changed."""
        self.updateGeometry()
        self.update()

    # ------------------------------------------------------------ geometry
    def font_(self) -> QFont:
        m = self.ctx.m
        size = (48 if m.large else 40) if self.large else (40 if m.large else 32)
        return m.font("serif", size, lang=self.ctx.lang)

    def columns(self, width: int) -> int:
        m = self.ctx.m
        if self.choices and all(not c.mark for c in self.choices):
            return 2  # 对 / 错 side by side
        if m.large or width < m.px(1100):
            return 1
        return 2

    def _badge(self) -> int:
        return self.ctx.m.px(72 if self.large else 64)

    def _text_width(self, cell_w: float) -> float:
        m = self.ctx.m
        return cell_w - self._badge() - m.px(24 + 28 + 28)

    def layout_rects(self, width: int) -> list[QRectF]:
        """Where each choice goes at ``width``: rows as tall as their longest text."""
        m = self.ctx.m
        if not self.choices or width <= 0:
            return []
        cols = self.columns(width)
        gap = m.px(self.GAP)
        cell_w = (width - gap * (cols - 1)) / cols
        fm = QFontMetrics(self.font_())
        flags = int(Qt.TextFlag.TextWordWrap)
        rects, y = [], 0.0
        for start in range(0, len(self.choices), cols):
            row = self.choices[start : start + cols]
            text_w = int(self._text_width(cell_w)) if row[0].mark else int(cell_w - m.px(48))
            heights = [
                fm.boundingRect(0, 0, max(1, text_w), 10_000, flags, c.text).height() for c in row
            ]
            h = max(m.px(128 if self.large else 112), max(heights) + m.px(44))
            for i in range(len(row)):
                rects.append(QRectF(i * (cell_w + gap), y, cell_w, h))
            y += h + gap
        return rects

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        rects = self.layout_rects(width)
        return int(rects[-1].bottom()) + 1 if rects else 0

    def sizeHint(self) -> QSize:
        width = max(self.width(), self.ctx.m.px(800))
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        return QSize(self.ctx.m.px(320), 0)

    def at(self, x: float, y: float) -> int | None:
        for i, r in enumerate(self.layout_rects(self.width())):
            if r.contains(x, y):
                return i
        return None

    def center_of(self, i: int) -> QPointF:
        return self.layout_rects(self.width())[i].center()

    # ------------------------------------------------------------ input
    def mousePressEvent(self, event) -> None:
        if self.open and not self.large:
            self.pressed = self.at(event.position().x(), event.position().y())
            self.update()

    def mouseReleaseEvent(self, event) -> None:
        pressed, self.pressed = self.pressed, None
        if pressed is None or not self.open:
            return
        if self.at(event.position().x(), event.position().y()) == pressed:
            self.tapped(pressed)
        self.update()

    # ------------------------------------------------------------ paint
    def paintEvent(self, event) -> None:
        m = self.ctx.m
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = self.font_()
        for i, r in enumerate(self.layout_rects(self.width())):
            self._paint_choice(p, m, font, i, self.choices[i], r)

    def _state(self, i: int) -> str:
        if self.right is None:
            return "chosen" if i in self.chosen else "plain"
        if i in self.right:
            return "right"
        return "wrong" if i in self.chosen else "other"

    def _paint_choice(
        self, p: QPainter, m: theme.Metrics, font: QFont, i: int, choice: Choice, r: QRectF
    ) -> None:
        state = self._state(i)
        r = r.adjusted(1, 1, -1, -1)
        path = QPainterPath()
        path.addRoundedRect(r, m.radius, m.radius)
        fill = {"right": theme.CELADON, "other": theme.PAPER, "wrong": theme.PAPER}
        p.fillPath(path, fill.get(state, theme.PAPER_DEEP))
        if state in ("chosen", "wrong", "other"):
            color = theme.INK if state == "chosen" else QColor(theme.INK_SOFT)
            p.setPen(QPen(color, m.px(4 if state == "chosen" else 2)))
            p.drawPath(path)
        if self.pressed == i:
            p.fillPath(path, QColor(0, 0, 0, 16))
        fg = theme.PAPER if state == "right" else theme.INK_SOFT if state == "other" else theme.INK
        pad = m.px(24)
        x = r.left() + pad
        badge = self._badge()
        if choice.mark:
            circle = QRectF(x, r.center().y() - badge / 2, badge, badge)
            p.setPen(QPen(fg, m.px(3)))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawEllipse(circle)
            p.setFont(m.font("sans", 34 if self.large else 30, bold=True, lang="en"))
            p.drawText(circle, int(Qt.AlignmentFlag.AlignCenter), choice.mark)
            x += badge + m.px(28)
        sign = m.px(44)
        text_r = QRectF(x, r.top(), r.right() - x - sign - pad, r.height())
        if not choice.mark:  # 对 / 错: centred
            text_r = r.adjusted(pad + sign, 0, -pad - sign, 0)
        p.setPen(fg)
        p.setFont(font)
        align = Qt.AlignmentFlag.AlignVCenter | (
            Qt.AlignmentFlag.AlignLeft if choice.mark else Qt.AlignmentFlag.AlignHCenter
        )
        p.drawText(text_r, int(align | Qt.TextFlag.TextWordWrap), choice.text)
        if state in ("right", "wrong", "chosen"):
            self._sign(
                p,
                m,
                QRectF(r.right() - pad - sign, r.center().y() - sign / 2, sign, sign),
                "tick" if state != "wrong" else "cross",
                fg,
            )

    @staticmethod
    def _sign(p: QPainter, m: theme.Metrics, box: QRectF, kind: str, color: QColor) -> None:
        """A line tick (right, or chosen) or cross (a wrong choice), drawn in code."""
        pen = QPen(color, m.px(5), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        p.setPen(pen)
        x, y, w, h = box.x(), box.y(), box.width(), box.height()
        if kind == "tick":
            p.drawPolyline(
                [
                    QPointF(x + w * 0.1, y + h * 0.55),
                    QPointF(x + w * 0.4, y + h * 0.85),
                    QPointF(x + w * 0.9, y + h * 0.15),
                ]
            )
        else:
            p.drawLine(QPointF(x + w * 0.2, y + h * 0.2), QPointF(x + w * 0.8, y + h * 0.8))
            p.drawLine(QPointF(x + w * 0.8, y + h * 0.2), QPointF(x + w * 0.2, y + h * 0.8))
