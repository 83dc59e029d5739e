"""The USB page behind the PIN: what the stick holds, then — only once the operator
confirms — the import with its progress and one line per file left out; or the records
exported to the stick.

Reading, importing and exporting run on a worker thread (``usb_job``) with catalogue
connections of their own; this page only shows what they report.  The visitor side
changes when the import's one transaction commits, and the screens are reloaded then.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QSize, QTimer
from PySide6.QtWidgets import QBoxLayout, QVBoxLayout, QWidget

from kiosk.errors import KioskError
from kiosk.ui.operator.labels import plain_label, set_color
from kiosk.ui.operator.usb_job import Job
from kiosk.ui.operator.usb_summary import ProgressLine, StickCard
from kiosk.ui.screen import Context, InnerScreen
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.buttons import Button
from kiosk.usb.contents import StickContents, read_stick
from kiosk.usb.drives import Stick, StickRemoved
from kiosk.usb.export import Exported, export_to_stick

# What the page is doing; each state shows its own card and sentence (``_fill``).
READING, SUMMARY, IMPORTING, DONE = "reading", "summary", "importing", "done"
REMOVED, FAILED, GONE = "removed", "failed", "gone"
EXPORTING, EXPORTED = "exporting", "exported"
WATCH_MS = 2000


class UsbScreen(InnerScreen):
    """The stick ``enter(stick=..., action="import" | "export")`` was opened for."""

    name = "usb"

    def __init__(
        self,
        ctx: Context,
        reload: Callable[[], None],
        *,
        before_each: Callable[[int, int], None] | None = None,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        self.stick: Stick | None = None
        super().__init__(ctx, parent)
        self._reload, self._today = reload, today
        # Called on the import's thread before each file (tests pull the stick out there).
        self._before_each = before_each or (lambda done, total: None)
        self.state, self.outcome = READING, None  # outcome: what the last job gave back
        self.contents: StickContents | None = None
        self.job: Job | None = None
        self._progress = (0, 0, "")
        self.failed_in, self.gone = READING, False

        self.card = StickCard(ctx)
        controls = QWidget()
        box = QVBoxLayout(controls)
        box.setContentsMargins(0, 0, 0, 0)
        self.message = plain_label()
        self.message.setWordWrap(True)
        self.progress = ProgressLine(ctx)
        self.go_button = Button(
            ctx, lambda: ctx.tr("usb_import_go"), accent=True, min_size=QSize(420, 96)
        )
        self.go_button.clicked.connect(self.confirm_import)
        self.note = plain_label()
        self.note.setWordWrap(True)
        set_color(self.note, theme.INK_SOFT)
        for widget in (self.message, self.progress, self.go_button, self.note):
            box.addWidget(widget)
        box.addStretch(1)
        self._controls = box
        self.split = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.split.addWidget(self.card, 3)
        self.split.addWidget(controls, 2)
        self.body.addLayout(self.split, 1)
        # Hidden while the work runs, its place kept so the title does not jump.
        policy = self.back_button.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.back_button.setSizePolicy(policy)
        self._watch = QTimer(self)
        self._watch.setInterval(WATCH_MS)
        self._watch.timeout.connect(self._check_present)
        self.retranslate()

    def title(self) -> str:
        label = self.stick.label if self.stick is not None else ""
        return self.ctx.tr("usb_title").format(label=label)

    # ------------------------------------------------------------ layout
    def retranslate(self) -> None:
        super().retranslate()
        if not hasattr(self, "split"):
            return
        m = self.ctx.m
        self.split.setSpacing(m.px(64))
        self._controls.setSpacing(m.px(28))
        self.message.setFont(m.section())
        self.note.setFont(m.caption())
        self.go_button.refresh()
        self.progress.refresh()
        self.card.retranslate()
        self._fill_card()
        self._fill()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        # Portrait: the sentence and the button above, the card below taking the rest.
        portrait = self.height() > self.width()
        direction = (
            QBoxLayout.Direction.BottomToTop if portrait else QBoxLayout.Direction.LeftToRight
        )
        if self.split.direction() != direction:
            self.split.setDirection(direction)
            self.split.setStretch(1, 0 if portrait else 2)

    # ------------------------------------------------------------ life cycle
    def enter(self, stick: Stick | None = None, action: str = "import", **args: Any) -> None:
        if self.busy() or stick is None:
            return
        self.stick, self.contents, self.outcome = stick, None, None
        self._relayout()
        if action == "export":
            self.export_records()
        else:
            self._start(READING, lambda progress: read_stick(stick.root))
        self._watch.start()

    def leave(self) -> None:
        self._watch.stop()

    def reset(self) -> None:
        self.leave()

    def busy(self) -> bool:
        """An import or an export is under way: the idle reset waits for it."""
        return self.job is not None and self.job.running() and self.state != READING

    def _check_present(self) -> None:
        if self.state in (SUMMARY, READING) and self.stick and not self.stick.present():
            self._set(GONE)

    # ------------------------------------------------------------ work
    def _start(self, state: str, work: Callable[[Any], Any]) -> None:
        job = Job(work, self)
        job.progressed.connect(self._job_progress)
        job.finished_with.connect(self._job_done)
        self.job = job
        self._progress = (0, 0, "")
        self._set(state)
        job.start()

    def confirm_import(self) -> None:
        """The operator confirmed: import what the stick holds."""
        if self.state != SUMMARY or self.contents is None or self.stick is None:
            return
        stick, sources, library = self.stick, list(self.contents.sources), self.ctx.library

        def work(progress):
            # The importer (PyAV, Pillow, numpy, pypinyin) is loaded when an operator
            # imports, not in every kiosk window.
            from kiosk.usb.importing import StickImport

            job = StickImport(
                library.catalogue.path,
                library.store,
                stick,
                progress,
                before_each=self._before_each,
                content=self.ctx.settings.content,
            )
            return job.run(sources)

        self._start(IMPORTING, work)

    def export_records(self) -> None:
        stick, path = self.stick, self.ctx.library.catalogue.path
        settings, lang, today = self.ctx.settings, self.ctx.lang, self._today()
        assert stick is not None
        self._start(
            EXPORTING,
            lambda progress: export_to_stick(
                path, stick, settings=settings, lang=lang, today=today
            ),
        )

    def _job_progress(self, done: int, total: int, label: str) -> None:
        if self.sender() is self.job:
            self._progress = (done, total, label)
            self._fill()

    def _job_done(self, result: object) -> None:
        if self.sender() is not self.job:
            return  # a stick read before this one was opened
        state, self.outcome = self.state, result
        if isinstance(result, StickRemoved):
            self._set(REMOVED)
        elif isinstance(result, OSError | KioskError):
            self.failed_in = state
            self.gone = self.stick is None or not self.stick.present()
            self._set(GONE if state == READING and self.gone else FAILED)
        elif isinstance(result, Exception):
            raise result  # a bug: the kiosk's crash handler logs it and restarts
        elif state == READING:
            self.contents = result  # type: ignore[assignment]
            self._set(SUMMARY)
        elif state == IMPORTING:
            self._reload()  # the visitor side now reads the new catalogue
            self._set(DONE)
        else:
            self._set(EXPORTED)

    def _set(self, state: str) -> None:
        self.state = state
        self.back_button.setVisible(state not in (IMPORTING, EXPORTING))
        self._fill_card()
        self._fill()

    # ------------------------------------------------------------ showing
    def _fill_card(self) -> None:
        """The card: what the stick holds, the import's lines, or the export."""
        tr, state, outcome = self.ctx.tr, self.state, self.outcome
        if state == DONE:
            from kiosk.ingest.importer import import_lines

            self.card.show_lines(tr("usb_results"), import_lines(outcome, self.ctx.lang))
        elif isinstance(outcome, Exported):
            self.card.show_lines(outcome.folder.name, list(outcome.files))
        elif state == EXPORTING or (state == FAILED and self.failed_in == EXPORTING):
            self.card.show_text(tr("usb_export"))
        elif self.contents is not None:
            self.card.show_contents(self.contents)
        else:
            self.card.show_text(tr("usb_reading") if state == READING else "")

    def _fill(self) -> None:
        """The sentence, the progress line, the button and the note for the state."""
        if not hasattr(self, "card"):
            return
        tr, state = self.ctx.tr, self.state
        message, note = "", ""
        empty = self.contents is None or self.contents.empty
        self.progress.setVisible(state in (IMPORTING, EXPORTING))
        self.go_button.setVisible(state == SUMMARY and not empty)
        if state == SUMMARY and not empty:
            note = tr("usb_confirm_note")
        elif state == IMPORTING:
            done, total, label = self._progress
            if total and done >= total:
                message = tr("usb_writing")
            elif total:
                message = tr("usb_importing").format(done=done + 1, total=total)
            self.progress.set_fraction(done / total if total else 0.0)
            note = "\n".join(s for s in (tr("usb_keep_in"), label) if s)
        elif state == DONE:
            message = tr("usb_done_rejected" if self.outcome.rejected else "usb_done")
        elif state in (REMOVED, GONE, EXPORTING):
            message = tr({REMOVED: "usb_removed", GONE: "usb_gone"}.get(state, "usb_exporting"))
        elif state == FAILED:
            message = self._failure()
        elif state == EXPORTED:
            message, note = self._exported()
        set_color(self.message, theme.SEAL if state in (REMOVED, FAILED, GONE) else theme.INK)
        self.message.setText(message)
        self.message.setVisible(bool(message))
        self.note.setText(note)
        self.note.setVisible(bool(note))

    def _failure(self) -> str:
        tr, error = self.ctx.tr, self.outcome
        why = getattr(error, "strerror", None) or str(error)
        if self.failed_in == EXPORTING:
            if self.gone:
                return tr("usb_export_removed")
            return tr("usb_export_failed").format(why=why)
        if self.failed_in == READING:
            return tr("usb_unreadable").format(why=why)
        return tr("usb_import_failed").format(why=why)

    def _exported(self) -> tuple[str, str]:
        tr, done = self.ctx.tr, self.outcome
        assert isinstance(done, Exported)
        return tr("usb_exported"), tr("usb_can_remove")
