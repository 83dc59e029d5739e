"""The panel's confirm step: a sentence, then a red "yes" and a "cancel" (exit, delete)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.ui.operator.labels import plain_label
from kiosk.ui.screen import Context
from kiosk.ui.widgets.buttons import Button


class ConfirmBox(QWidget):
    """Hidden until ``ask()``; "yes" hides it and calls ``on_yes``, "cancel" (or ``cancel()``)
    hides it and calls ``on_no``."""

    def __init__(
        self,
        ctx: Context,
        question: Callable[[], str],
        yes_key: str,
        on_yes: Callable[[], None],
        on_no: Callable[[], None] = lambda: None,
    ) -> None:
        super().__init__()
        self.ctx, self._question, self._on_yes, self._on_no = ctx, question, on_yes, on_no
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        self.label = plain_label()
        self.label.setWordWrap(True)
        self.yes = Button(ctx, lambda: ctx.tr(yes_key), accent=True, min_size=QSize(240, 96))
        self.no = Button(ctx, lambda: ctx.tr("cancel"), min_size=QSize(240, 96))
        self.yes.clicked.connect(self.confirmed)
        self.no.clicked.connect(self.cancel)
        row = QHBoxLayout()
        row.addWidget(self.yes)
        row.addWidget(self.no)
        row.addStretch(1)
        box.addWidget(self.label)
        box.addLayout(row)
        self._box, self._row = box, row
        self.hide()
        self.refresh()

    def ask(self) -> None:
        self.label.setText(self._question())
        self.show()

    def cancel(self) -> None:
        self.hide()
        self._on_no()

    def confirmed(self) -> None:
        self.hide()
        self._on_yes()

    def refresh(self) -> None:
        m = self.ctx.m
        self.label.setFont(m.label(self.ctx.lang))
        self.label.setText(self._question())
        self._box.setSpacing(m.px(20))
        self._row.setSpacing(m.gutter)
        self.yes.refresh()
        self.no.refresh()
