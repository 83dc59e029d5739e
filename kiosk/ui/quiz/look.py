"""What the quiz's pages share: wrapped plain-text labels and a page in a kinetic scroll."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from kiosk.ui.operator.labels import set_color
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.scrolling import kinetic_area


def text_label(color: QColor = theme.INK, *, center: bool = False) -> QLabel:
    """A word-wrapped plain-text label (question texts come from operators' sheets)."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if center:
        label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
    set_color(label, color)
    return label


def set_text(label: QLabel, text: str, font: QFont) -> None:
    label.setFont(font)
    label.setText(text)
    label.setVisible(bool(text))


def scrolled_page() -> tuple[QScrollArea, QVBoxLayout]:
    """A page that scrolls when large text or a portrait screen needs more than the height."""
    area = kinetic_area()
    page = QWidget()
    column = QVBoxLayout(page)
    column.setContentsMargins(0, 0, 0, 0)
    area.setWidget(page)
    return area, column


def row(*widgets: QWidget, centred: bool = False) -> QHBoxLayout:
    """Widgets side by side, at the left (or centred)."""
    line = QHBoxLayout()
    if centred:
        line.addStretch(1)
    for w in widgets:
        line.addWidget(w)
    line.addStretch(1)
    return line
