"""The status card's counts of items by kind, three to a row: the nine kinds every hall
has, even at zero, then those of the programme's own kinds (and songs) that the catalogue
holds, so that fourteen kinds never crowd the card."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QWidget

from kiosk.catalog.library import KINDS
from kiosk.ui.operator.labels import plain_label, set_color
from kiosk.ui.screen import Context
from kiosk.ui.widgets import theme

# Counted even at zero; the other kinds only when the catalogue has them.
ALWAYS_COUNTED = (
    *("film", "poster", "calligraphy", "photo"),
    *("person", "place", "event", "aphorism", "topic"),
)
COLUMNS = 3


class KindCounts(QWidget):
    """Each kind's name and count (``labels``: kind → (number, name)) in a grid."""

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx
        self.labels: dict[str, tuple[QLabel, QLabel]] = {}
        self.cells: dict[str, QWidget] = {}
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self._shown: list[str] | None = None
        for kind in KINDS:
            number, name = plain_label(), plain_label()
            set_color(name, theme.INK_SOFT)
            number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            cell = QWidget()
            row = QHBoxLayout(cell)
            row.setContentsMargins(0, 0, 0, 0)
            row.setSpacing(0)
            row.addWidget(name, 1)
            row.addWidget(number)
            cell.hide()
            self.labels[kind], self.cells[kind] = (number, name), cell

    def retranslate(self) -> None:
        m, ctx = self.ctx.m, self.ctx
        self.grid.setHorizontalSpacing(m.px(64))
        self.grid.setVerticalSpacing(m.px(4))
        for kind, (number, name) in self.labels.items():
            number.setFont(m.font("serif", 40))
            name.setFont(m.label())
            name.setText(ctx.tr(kind))

    def fill(self, counts: dict[str, int]) -> None:
        for kind, (number, _name) in self.labels.items():
            n = counts.get(kind, 0)
            number.setText(str(n))
            set_color(number, theme.INK if n else theme.INK_SOFT)
        shown = [k for k in KINDS if k in ALWAYS_COUNTED or counts.get(k)]
        if shown == self._shown:
            return
        self._shown = shown
        for cell in self.cells.values():
            self.grid.removeWidget(cell)
            cell.hide()
        for i, kind in enumerate(shown):
            self.grid.addWidget(self.cells[kind], i // COLUMNS, i % COLUMNS)
            self.cells[kind].show()
