"""The operator panel's Report page: this month's figures and charts, and "save to USB".

What it shows is the report itself (kiosk.reporting): the opening and visitor figures and
the two charts of the PDF.  Both the counting and the saving are slow work handed in as
callables (``make`` returns this month's Report, ``save`` writes it to a USB stick and
returns the files, or raises KioskError saying why not) and run in a worker thread; the
charts come back as QImages and become pixmaps here, on the GUI thread.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QSize, Qt, QThreadPool, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QBoxLayout, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.errors import KioskError
from kiosk.reporting.model import Report, Table, cell_text
from kiosk.ui.operator.labels import plain_label, set_color
from kiosk.ui.screen import Context, InnerScreen
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.buttons import Button

#: The tables whose rows the page shows as figures (label: value).
GLANCE = ("rep_opening", "rep_visitors", "rep_lang_large")


class _Done(QObject):
    """Results from the worker, delivered on the GUI thread (queued)."""

    counted = Signal(object, object)  # Report, list of QImage (the charts)
    saved = Signal(object, str)  # list of paths, or a problem told in words


class _Job(QRunnable):
    def __init__(self, work: Callable[[], None]) -> None:
        super().__init__()
        self.work = work

    def run(self) -> None:
        with contextlib.suppress(RuntimeError):  # the page is gone: nobody waits for it
            self.work()


class ReportPage(InnerScreen):
    """This month so far: figures, visits per day, visits by weekday and hour; save to USB."""

    name = "report"

    def __init__(
        self,
        ctx: Context,
        make: Callable[[str], Report],
        save: Callable[[str], list[Path]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self._make, self._save = make, save
        self._report: Report | None = None
        self._images: list[QImage] = []
        self._pool = QThreadPool()
        self._pool.setMaxThreadCount(1)
        self._done = _Done()
        self._done.counted.connect(self._counted, Qt.ConnectionType.QueuedConnection)
        self._done.saved.connect(self._saved, Qt.ConnectionType.QueuedConnection)

        self.period_label = plain_label()
        set_color(self.period_label, theme.INK_SOFT)
        self.figures = QGridLayout()
        figures_box = QWidget()
        figures_box.setLayout(self.figures)
        self.chart_labels = [QLabel(), QLabel()]
        charts_box = QVBoxLayout()
        for label in self.chart_labels:
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            charts_box.addWidget(label)
        charts_box.addStretch(1)
        self.split = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.split.addWidget(figures_box, 2)
        self.split.addLayout(charts_box, 3)
        self.save_button = Button(
            ctx, lambda: ctx.tr("rep_panel_save"), accent=True, min_size=QSize(420, 96)
        )
        self.save_button.clicked.connect(self.save)
        self.note = plain_label()
        self.note.setWordWrap(True)
        set_color(self.note, theme.INK_SOFT)
        bottom = QHBoxLayout()
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.note, 1)
        self.body.addWidget(self.period_label)
        self.body.addLayout(self.split, 1)
        self.body.addLayout(bottom)
        self._figure_labels: list[QLabel] = []
        self.retranslate()

    def title(self) -> str:
        return self.ctx.tr("rep_panel_title")

    # ------------------------------------------------------------ counting
    def enter(self, **args: Any) -> None:
        self.count()

    def count(self) -> None:
        """Count this month again in the worker (the language is the panel's now)."""
        lang = self.ctx.lang
        self.note.setText(self.ctx.tr("rep_panel_loading"))

        def work() -> None:
            # matplotlib (with numpy, ~60 MB) is loaded when an operator first opens the
            # page, never in a kiosk that nobody asks for a report.
            from kiosk.reporting import charts

            report = self._make(lang)
            pictures = []
            for section in report.sections:
                for chart in section.charts:
                    pictures.append(QImage.fromData(charts.render(chart.kind, chart.data, lang)))
            self._done.counted.emit(report, pictures)

        self._pool.start(_Job(work))

    def _counted(self, report: Report, images: list[QImage]) -> None:
        self._report, self._images = report, images
        self.note.setText("")
        self._fill()

    def _fill(self) -> None:
        ctx, m = self.ctx, self.ctx.m
        for label in self._figure_labels:
            self.figures.removeWidget(label)
            label.deleteLater()
        self._figure_labels = []
        report = self._report
        if report is None:
            return
        p = report.period
        self.period_label.setText(
            ctx.tr("rep_panel_period").format(
                first=p.first.isoformat(), last=p.last.isoformat(), now=f"{report.made_at:%H:%M}"
            )
        )
        row = 0
        for table in _glance_tables(report):
            for values in table.rows:
                name, value = plain_label(), plain_label()
                name.setText(ctx.tr(values[0]))
                name.setFont(m.label())
                set_color(name, theme.INK_SOFT)
                value.setText(cell_text(values[1], table.formats[1], ctx.lang, values[0]))
                value.setFont(m.font("serif", 36))
                value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.figures.addWidget(name, row, 0)
                self.figures.addWidget(value, row, 1)
                self._figure_labels += [name, value]
                row += 1
        self.figures.setRowStretch(row, 1)
        self._show_charts()

    def _show_charts(self) -> None:
        width = max(200, int(self.width() * (0.55 if self.width() > self.height() else 0.9)))
        for label, image in zip(self.chart_labels, self._images, strict=False):
            picture = QPixmap.fromImage(image)
            label.setPixmap(
                picture.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
            )

    # ------------------------------------------------------------ saving
    def save(self) -> None:
        lang = self.ctx.lang
        self.save_button.setEnabled(False)
        self.note.setText(self.ctx.tr("rep_panel_saving"))

        def work() -> None:
            try:
                written = self._save(lang)
            except (KioskError, OSError) as e:
                self._done.saved.emit([], str(e.text.render(lang) if hasattr(e, "text") else e))
                return
            self._done.saved.emit(written, "")

        self._pool.start(_Job(work))

    def _saved(self, written: list[Path], problem: str) -> None:
        self.save_button.setEnabled(True)
        if problem:
            self.note.setText(self.ctx.tr("rep_panel_failed").format(why=problem))
            return
        folder = written[0].parent if written else ""
        self.note.setText(self.ctx.tr("rep_panel_saved").format(n=len(written), folder=folder))

    # ------------------------------------------------------------ looks
    def retranslate(self) -> None:
        super().retranslate()
        if not hasattr(self, "split"):
            return
        m = self.ctx.m
        self.period_label.setFont(m.caption())
        self.note.setFont(m.label())
        self.figures.setHorizontalSpacing(m.px(32))
        self.figures.setVerticalSpacing(m.px(8))
        self.split.setSpacing(m.px(48))
        self.save_button.refresh()
        if self._report is not None and self._report.lang != self.ctx.lang:
            self.count()  # words in the report follow the panel's language
        else:
            self._fill()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        wide = self.width() >= self.height()  # portrait: the charts below the figures
        across, down = QBoxLayout.Direction.LeftToRight, QBoxLayout.Direction.TopToBottom
        self.split.setDirection(across if wide else down)
        self._show_charts()

    def wait(self) -> None:
        """Until the worker is done (tests, screenshots)."""
        self._pool.waitForDone()


def _glance_tables(report: Report) -> list[Table]:
    return [
        t
        for s in report.sections
        for t in s.tables
        if t.sheet in GLANCE and t.formats[0] == "label"
    ]


def report_button(ctx: Context) -> Button:
    """The operator panel's button to this page; it follows the visit's language and size."""
    button = Button(ctx, lambda: ctx.tr("rep_panel_button"), min_size=QSize(200, 96))
    button.clicked.connect(lambda: ctx.nav.go(ReportPage.name))
    ctx.visit.changed.connect(button.refresh)
    return button
