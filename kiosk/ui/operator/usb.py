"""The USB stick's place in the operator panel: while the panel shows, the plugged-in
stick is looked for every two seconds; when there is one, "Import from USB" and "Export
records" lead to the USB page (``usb_screen``), which does nothing until the operator
confirms there."""

from __future__ import annotations

from PySide6.QtCore import QSize, QTimer
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.ui.operator.labels import plain_label, set_color
from kiosk.ui.screen import Context
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.buttons import Button
from kiosk.usb.drives import DriveFinder, Stick

POLL_MS = 2000


class UsbOffer(QWidget):
    """A line saying which stick is in (or how to use one) and, with a stick, two buttons."""

    def __init__(self, ctx: Context, finder: DriveFinder | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.finder = finder or DriveFinder(ctx.settings.content.usb_folders)
        self.stick: Stick | None = None
        self.line = plain_label()
        self.line.setWordWrap(True)
        self.import_button = Button(ctx, lambda: ctx.tr("usb_import"), min_size=QSize(200, 96))
        self.export_button = Button(ctx, lambda: ctx.tr("usb_export"), min_size=QSize(200, 96))
        self.import_button.clicked.connect(lambda: self._go("import"))
        self.export_button.clicked.connect(lambda: self._go("export"))
        self.buttons = QWidget()
        row = QHBoxLayout(self.buttons)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.import_button)
        row.addWidget(self.export_button)
        row.addStretch(1)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.line)
        box.addWidget(self.buttons)
        self._row, self._box = row, box
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.look)
        ctx.visit.changed.connect(self.retranslate)
        self.retranslate()

    def retranslate(self) -> None:
        m = self.ctx.m
        self._row.setSpacing(m.gutter)
        self._box.setSpacing(m.px(16))
        self.line.setFont(m.label())
        self.import_button.refresh()
        self.export_button.refresh()
        self._fill()

    def _fill(self) -> None:
        stick = self.stick
        self.line.setText(
            self.ctx.tr("usb_offer").format(label=stick.label) if stick else self.ctx.tr("usb_none")
        )
        set_color(self.line, theme.INK if stick else theme.INK_SOFT)
        self.buttons.setVisible(stick is not None)

    def look(self) -> None:
        """Look for a stick now (the first found, when there are several)."""
        sticks = self.finder.sticks()
        stick = sticks[0] if sticks else None
        if stick != self.stick:
            self.stick = stick
            self._fill()

    def _go(self, action: str) -> None:
        if self.stick is not None and self.stick.present():
            self.ctx.nav.go("usb", stick=self.stick, action=action)
        else:
            self.look()

    # Looked for only while the panel shows (a hidden panel hides this too).
    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.look()
        self._timer.start()

    def hideEvent(self, event) -> None:
        self._timer.stop()
        super().hideEvent(event)
