"""What the USB page shows in its card: what a stick holds, or the lines an import left,
and the thin progress line beside it."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QGridLayout, QScrollArea, QScroller, QSizePolicy, QVBoxLayout, QWidget

from kiosk.ui.operator.labels import plain_label, set_color
from kiosk.ui.operator.panel import Card
from kiosk.ui.screen import Context
from kiosk.ui.widgets import theme
from kiosk.usb.contents import StickContents


def size_text(n: int) -> str:
    """Bytes as the operator's file manager says them (1000-based, one decimal)."""
    value, unit = float(n), "B"
    for unit in ("B", "KB", "MB", "GB", "TB"):
        if value < 1000 or unit == "TB":
            break
        value /= 1000
    return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"


class ProgressLine(QWidget):
    """A thin line filling from left to right (VISUAL.md: never a spinner)."""

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx
        self.fraction = 0.0
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.refresh()

    def refresh(self) -> None:
        self.setFixedHeight(self.ctx.m.px(12))

    def set_fraction(self, fraction: float) -> None:
        self.fraction = max(0.0, min(1.0, fraction))
        self.update()

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        h = self.height()
        empty = QColor(theme.INK)
        empty.setAlphaF(0.14)
        p.setBrush(empty)
        p.drawRoundedRect(QRectF(0, 0, self.width(), h), h / 2, h / 2)
        if self.fraction > 0:
            p.setBrush(theme.SEAL)
            p.drawRoundedRect(QRectF(0, 0, max(h, self.width() * self.fraction), h), h / 2, h / 2)


class StickCard(Card):
    """Either the counts of a stick's contents, or lines (an import's results) that scroll."""

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.heading = plain_label()
        self.heading.setWordWrap(True)  # a long folder name (kiosk and date) wraps
        self.rows = QGridLayout()
        self.details = plain_label()
        self.details.setWordWrap(True)
        set_color(self.details, theme.INK_SOFT)
        self.lines = plain_label()
        self.lines.setWordWrap(True)
        self.lines.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.lines)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setStyleSheet(
            "QScrollArea, QScrollArea > QWidget > QWidget { background: transparent; }"
        )
        QScroller.grabGesture(self.scroll.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        self.box = QVBoxLayout(self)
        self.box.addWidget(self.heading)
        self.box.addLayout(self.rows)
        self.box.addWidget(self.details)
        self.box.addWidget(self.scroll, 1)
        self.box.addStretch(0)
        self._cells: list[QWidget] = []
        self.retranslate()

    def retranslate(self) -> None:
        m = self.ctx.m
        pad = m.px(40)
        self.box.setContentsMargins(pad, m.px(32), pad, pad)
        self.box.setSpacing(m.px(16))
        self.rows.setHorizontalSpacing(m.px(48))
        self.rows.setVerticalSpacing(m.px(8))
        self.heading.setFont(m.section())
        self.details.setFont(m.caption())
        self.lines.setFont(m.caption())
        for cell in self._cells:
            cell.setFont(m.font("serif", 40) if cell.property("number") else m.label())

    def _clear(self) -> None:
        for cell in self._cells:
            self.rows.removeWidget(cell)
            cell.deleteLater()
        self._cells = []

    def _add_row(self, r: int, name: str, value: str) -> None:
        label, number = plain_label(), plain_label()
        set_color(label, theme.INK_SOFT)
        number.setProperty("number", True)
        number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        label.setText(name)
        number.setText(value)
        col = 2 * (r % 2)  # two pairs to a row
        self.rows.addWidget(label, r // 2, col)
        self.rows.addWidget(number, r // 2, col + 1)
        self._cells += [label, number]

    def show_text(self, heading: str, details: str = "") -> None:
        """A heading and a sentence (reading the stick, or why it could not be)."""
        self._clear()
        self.heading.setText(heading)
        self.details.setText(details)
        self.details.setVisible(bool(details))
        self.scroll.hide()
        self.retranslate()

    def show_contents(self, contents: StickContents) -> None:
        ctx = self.ctx
        self._clear()
        self.heading.setText(ctx.tr("usb_holds"))
        rows = [(ctx.tr(f"kind_word_{k}"), n) for k, n in sorted(contents.by_kind.items())]
        rows += [
            (ctx.tr(key), n)
            for key, n in (
                ("usb_unsorted", contents.unsorted),
                ("usb_subtitles", contents.subtitles),
                ("usb_sheets", len(contents.sheets)),
                ("usb_bundles", len(contents.bundles)),
            )
            if n
        ]
        for r, (name, n) in enumerate(rows):
            self._add_row(r, name[:1].upper() + name[1:], str(n))
        details = []
        sep, named = ctx.tr("list_sep"), ctx.tr("usb_named")
        for key, names in (("usb_sheets", contents.sheets), ("usb_bundles", contents.bundles)):
            if names:
                details.append(named.format(what=ctx.tr(key), names=sep.join(names)))
        if contents.unsorted:
            details.append(ctx.tr("usb_unsorted_note"))
        if contents.empty:
            details.append(ctx.tr("usb_empty"))
        else:
            details.append(
                ctx.tr("usb_total").format(
                    files=contents.files + len(contents.sheets) + len(contents.bundles),
                    size=size_text(contents.total_bytes),
                )
            )
        self.details.setText("\n".join(details))
        self.details.show()
        self.scroll.hide()
        self.retranslate()

    def show_lines(self, heading: str, lines: list[str]) -> None:
        """Lines one below the other, scrolled by a finger when they are many."""
        self._clear()
        self.heading.setText(heading)
        self.details.hide()
        self.lines.setText("\n".join(lines))
        self.scroll.show()
        self.scroll.verticalScrollBar().setValue(0)
        self.retranslate()
