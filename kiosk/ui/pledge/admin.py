"""The operator panel's pledge page: this month's and last month's signatures, each exported
as a PDF to the USB stick plugged in, and cleared after a confirmation.

The PDF is written on a worker thread (fpdf2 embeds the font: a second or so); the month's
signatures are read here first, so the worker touches no catalogue.
"""

from __future__ import annotations

import contextlib
from datetime import datetime
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, QSize, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from kiosk.errors import KioskError
from kiosk.reporting.period import local_zone
from kiosk.strings import Refused
from kiosk.ui.operator.confirm import ConfirmBox
from kiosk.ui.operator.labels import plain_label, set_color
from kiosk.ui.screen import Context, InnerScreen
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.buttons import Button
from kiosk.usb.drives import DriveFinder, NoStick


def recent_months(now: datetime) -> list[str]:
    """This month and the one before, as YYYY-MM."""
    last = (now.year, now.month - 1) if now.month > 1 else (now.year - 1, 12)
    return [f"{now.year:04d}-{now.month:02d}", f"{last[0]:04d}-{last[1]:02d}"]


class _Done(QObject):
    exported = Signal(str)  # the line to show


class PledgeAdminPage(InnerScreen):
    name = "pledge_admin"

    def __init__(self, ctx: Context, finder: DriveFinder | None = None, now=None) -> None:
        super().__init__(ctx)
        self.finder = finder or DriveFinder(ctx.settings.content.usb_folders)
        self.zone, _ = local_zone(ctx.settings.exhibition.time_zone)
        self._now = now or (lambda: datetime.now(self.zone))
        self.months = recent_months(self._now())
        self._pool = QThreadPool()
        self._pool.setMaxThreadCount(1)
        self._done = _Done()
        self._done.exported.connect(self._said, Qt.ConnectionType.QueuedConnection)
        self._asked_month = ""
        self.rows = QGridLayout()
        self.labels: list[QLabel] = []
        self.export_buttons: list[Button] = []
        self.clear_buttons: list[Button] = []
        for r in range(len(self.months)):
            label = plain_label()
            export = Button(ctx, lambda: ctx.tr("pledge_export"), min_size=QSize(200, 96))
            clear = Button(ctx, lambda: ctx.tr("pledge_clear_month"), min_size=QSize(200, 96))
            export.clicked.connect(partial(lambda row: self.export(self.months[row]), r))
            clear.clicked.connect(partial(lambda row: self.ask_clear(self.months[row]), r))
            self.rows.addWidget(label, r, 0)
            self.rows.addWidget(export, r, 1)
            self.rows.addWidget(clear, r, 2)
            self.labels.append(label)
            self.export_buttons.append(export)
            self.clear_buttons.append(clear)
        self.confirm_box = ConfirmBox(ctx, self._question, "pledge_clear_month", self._clear)
        self.note = plain_label()
        self.note.setWordWrap(True)
        set_color(self.note, theme.INK_SOFT)
        holder = QWidget()
        holder.setLayout(self.rows)
        self.body.addWidget(holder)
        self.body.addWidget(self.confirm_box)
        self.body.addWidget(self.note)
        self.body.addStretch(1)
        self.retranslate()

    def title(self) -> str:
        return self.ctx.tr("pledge_panel")

    def _count(self, month: str) -> int:
        return len(self.ctx.library.pledges.of_month(month, self.zone))

    # ------------------------------------------------------------------ export
    def export(self, month: str) -> None:
        sticks = self.finder.sticks()
        if not sticks:
            self._said(NoStick().text.render(self.ctx.lang))
            return
        signed = self.ctx.library.pledges.of_month(month, self.zone)
        path = sticks[0].root / f"pledges-{month}.pdf"
        lang, zone, done, tr = self.ctx.lang, self.zone, self._done, self.ctx.tr

        def work() -> None:  # a worker thread: the PDF only, no catalogue
            from kiosk.pledge.export import write_month  # fpdf2 loads only when asked

            try:
                write_month(signed, month, path, zone, lang)
                line = tr("pledge_exported_to").format(path=path)
            except (OSError, KioskError) as e:
                why = e.text.render(lang) if isinstance(e, Refused) else str(e)
                line = tr("pledge_export_failed").format(why=why)
            with contextlib.suppress(RuntimeError):  # the page is gone
                done.exported.emit(line)

        self._pool.start(work)

    def _said(self, line: str) -> None:
        self.note.setText(line)

    # ------------------------------------------------------------------ clear
    def ask_clear(self, month: str) -> None:
        self._asked_month = month
        self.confirm_box.ask()

    def _question(self) -> str:
        month = self._asked_month
        if not month:
            return ""
        return self.ctx.tr("pledge_clear_ask").format(month=month, n=self._count(month))

    def _clear(self) -> None:
        month = self._asked_month
        n = self.ctx.library.pledges.clear_month(month, self.zone)
        self._said(self.ctx.tr("pledges_cleared").format(month=month, n=n))
        self._refresh_counts()

    # ------------------------------------------------------------------ life cycle
    def enter(self, **args: Any) -> None:
        self.months[:] = recent_months(self._now())
        self.confirm_box.hide()
        self.note.setText("")
        self._refresh_counts()

    def _refresh_counts(self) -> None:
        for label, month in zip(self.labels, self.months, strict=True):
            label.setText(
                self.ctx.tr("pledge_panel_month").format(month=month, n=self._count(month))
            )

    def retranslate(self) -> None:
        super().retranslate()
        if not hasattr(self, "confirm_box"):
            return
        m = self.ctx.m
        for label in (*self.labels, self.note):
            label.setFont(m.label(self.ctx.lang))
        for b in (*self.export_buttons, *self.clear_buttons):
            b.refresh()
        self.confirm_box.refresh()
        self.rows.setSpacing(m.gutter)
        self._refresh_counts()
