"""The gallery's work page: the zoom view with the text panel, and the bar's previous / next."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QWidget

from kiosk.ui.gallery.caption import CaptionPanel
from kiosk.ui.gallery.zoom import ZoomView
from kiosk.ui.screen import Context
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.buttons import Button


class NavButton(Button):
    """Previous / next: a chevron beside the label."""

    def __init__(self, ctx: Context, text, direction: int, parent: QWidget | None = None) -> None:
        self.direction = direction
        super().__init__(ctx, text, min_size=QSize(180, 96), parent=parent)

    def refresh(self) -> None:
        m = self.ctx.m
        self.setFont(m.label(self.ctx.lang))
        text_w = self.fontMetrics().horizontalAdvance(self._text())
        self.setFixedSize(max(m.px(180), text_w + m.px(96)), m.touch_min)
        self.update()

    def paintEvent(self, event) -> None:
        m = self.ctx.m
        p, r, path = self._outline(m.radius)
        p.fillPath(path, theme.PAPER_DEEP)
        self._press_overlay(p, path)
        color = theme.INK if self.isEnabled() else theme.INK_SOFT.lighter(150)
        pen = QPen(color, max(2, m.px(3)), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        p.setPen(pen)
        s, cy = m.px(11), r.center().y()
        pad = m.px(30)
        cx = r.left() + pad + s / 2 if self.direction < 0 else r.right() - pad - s / 2
        k = self.direction
        p.drawPolyline(
            [
                QPointF(cx - k * s / 2, cy - s),
                QPointF(cx + k * s / 2, cy),
                QPointF(cx - k * s / 2, cy + s),
            ]
        )
        p.setPen(color)
        p.setFont(self.font())
        text = (
            r.adjusted(pad + s + m.px(12), 0, 0, 0)
            if self.direction < 0
            else r.adjusted(0, 0, -(pad + s + m.px(12)), 0)
        )
        align = Qt.AlignmentFlag.AlignVCenter | (
            Qt.AlignmentFlag.AlignLeft if self.direction < 0 else Qt.AlignmentFlag.AlignRight
        )
        inner = (
            text.adjusted(0, 0, -m.px(24), 0)
            if self.direction < 0
            else text.adjusted(m.px(24), 0, 0, 0)
        )
        p.drawText(inner, int(align), self._text())

    def mouseReleaseEvent(self, event) -> None:
        if not self.isEnabled():
            self.pressed_down = False
            return
        super().mouseReleaseEvent(event)


class WorkPage(QWidget):
    """The zoom view with the text panel beside it (landscape) or beneath it (portrait)."""

    def __init__(self, ctx: Context, zoom: ZoomView, panel: CaptionPanel) -> None:
        super().__init__()
        self.ctx, self.zoom, self.panel = ctx, zoom, panel
        zoom.setParent(self)
        panel.setParent(self)
        panel.hide()

    def panel_open(self) -> bool:
        return not self.panel.isHidden()

    def set_panel(self, open_: bool) -> None:
        self.panel.setVisible(open_)
        self.relayout()

    def resizeEvent(self, event) -> None:
        self.relayout()

    def relayout(self) -> None:
        m = self.ctx.m
        w, h = self.width(), self.height()
        if not self.panel_open():
            self.zoom.setGeometry(0, 0, w, h)
            return
        gap = m.gutter
        if w >= h:
            pw = min(m.px(680 if m.large else 620), round(w * 0.42))
            self.zoom.setGeometry(0, 0, w - pw - gap, h)
            self.panel.setGeometry(w - pw, 0, pw, h)
        else:  # beneath the work, no taller than its text needs
            ph = min(round(h * 0.46), self.panel.preferred_height(w))
            self.zoom.setGeometry(0, 0, w, h - ph - gap)
            self.panel.setGeometry(0, h - ph, w, ph)
