"""The Content page's form for the texts of a programme kind's item: a couplet's lines,
banner and style, a riddle's face, hint, answer and explanation, a case's person, outcome,
date, source and confession, a ticker's line, a song's title (``KIND_TEXTS``).

Each field is labelled with the sheet's heading for its column (上联, 英文上联 …), so the page
and the sheet name things alike.  The on-screen keyboard types letters and a case's date
gets the keypad; Chinese is typed with a plugged-in keyboard's input method (the page says
so).  Saving goes through
``ctx.library.edits.set_texts``, which checks the texts as the import does.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from kiosk.catalog.library import KIND_TEXTS, SheetHeading
from kiosk.ui.operator.content_inputs import ChoiceStepper, FormField, TapWatcher
from kiosk.ui.operator.labels import plain_label, set_color
from kiosk.ui.screen import Context
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.buttons import Button

Row = dict[str, Any]
STYLES = ("festival", "hall")
MAX_TEXT = 2000  # a case's summary runs to a few hundred characters


class TextForm(QWidget):
    """The texts of the item given to ``show_item`` (hidden for kinds without any);
    ``on_save`` is called by the save button, ``on_field(field)`` asks for keys."""

    def __init__(
        self, ctx: Context, on_save: Callable[[], None], on_field: Callable[[QLineEdit], None]
    ) -> None:
        super().__init__()
        self.ctx = ctx
        self.kind: str | None = None
        self.title = plain_label()
        self.save_button = Button(ctx, lambda: ctx.tr("manage_texts_save"), min_size=QSize(240, 96))
        self.save_button.clicked.connect(on_save)
        self.note = plain_label()
        self.note.setWordWrap(True)
        set_color(self.note, theme.INK_SOFT)
        self.message = plain_label()  # saved, or why not: beside the button that saves
        self.message.setWordWrap(True)
        self.message.hide()
        names = sorted({n for fields in KIND_TEXTS.values() for n in fields if n != "style"})
        self.fields: dict[str, FormField] = {}
        for name in names:
            edit = FormField(ctx)
            edit.setMaxLength(MAX_TEXT)
            self.fields[name] = edit
        self.style = ChoiceStepper(ctx, self._styles)
        self.labels: dict[str, Any] = {}
        self._watcher = TapWatcher(on_field)
        for edit in self.fields.values():
            self._watcher.watch(edit)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.save_button)
        box.addLayout(head)
        box.addWidget(self.message)
        box.addWidget(self.note)
        self.form = QGridLayout()
        self.form.setColumnStretch(1, 1)
        box.addLayout(self.form)
        self._box, self._head = box, head
        self.hide()

    def say(self, line: str, *, bad: bool = False) -> None:
        self.message.setText(line)
        self.message.setVisible(bool(line))
        set_color(self.message, theme.SEAL if bad else theme.INK_SOFT)

    def _styles(self) -> list[tuple[str, str]]:
        return [(s, self.ctx.tr(f"manage_style_{s}")) for s in STYLES]

    def wants_letters(self, edit: QLineEdit) -> bool:
        """Whether ``edit`` is one of this form's texts typed with letters (not the date)."""
        return any(field is edit for name, field in self.fields.items() if name != "date")

    def name_of(self, edit: QLineEdit) -> str | None:
        """The heading of ``edit``'s column, or None when it is not one of this form's."""
        for name, field in self.fields.items():
            if field is edit:
                return SheetHeading(name, self.kind).render(self.ctx.lang)
        return None

    # ------------------------------------------------------------ showing
    def show_item(self, item: Row, keep: bool = False) -> None:
        """The texts of ``item`` as stored (``keep``: what is typed stays)."""
        kind = item["kind"]
        if kind != self.kind:
            self.kind, keep = kind, False
            self._lay_out()
        self.setVisible(kind in KIND_TEXTS)
        if keep:
            return
        for name in KIND_TEXTS.get(kind, ()):
            value = item.get(name)
            if name == "style":
                self.style.set_value(value or "hall")
            else:
                self.fields[name].setText("" if value is None else str(value))
                self.fields[name].setCursorPosition(0)  # a long line shows its beginning

    def _lay_out(self) -> None:
        while self.form.count():
            widget = self.form.takeAt(0).widget()
            if widget is not None:
                widget.hide()
        self.labels = {}
        for r, name in enumerate(KIND_TEXTS.get(self.kind or "", ())):
            label = plain_label()
            label.setFont(self.ctx.m.label(self.ctx.lang))
            label.setText(SheetHeading(name, self.kind).render(self.ctx.lang))
            widget = self.style if name == "style" else self.fields[name]
            self.form.addWidget(label, r, 0)
            self.form.addWidget(widget, r, 1)
            widget.show()
            self.labels[name] = label

    def values(self) -> dict[str, str]:
        """What the form holds now, for the kind shown."""
        names = KIND_TEXTS.get(self.kind or "", ())
        return {n: self.style.value() if n == "style" else self.fields[n].text() for n in names}

    def headings(self) -> dict[str, SheetHeading]:
        return {name: SheetHeading(name, self.kind) for name in KIND_TEXTS.get(self.kind or "", ())}

    def retranslate(self) -> None:
        ctx, m = self.ctx, self.ctx.m
        self.title.setFont(m.font("serif", 36, bold=True, lang=ctx.lang))
        self.title.setText(ctx.tr("manage_texts"))
        self.note.setFont(m.caption(ctx.lang))
        self.message.setFont(m.label(ctx.lang))
        self.note.setText(ctx.tr("manage_texts_keys"))
        for name, label in self.labels.items():
            label.setFont(m.label(ctx.lang))
            label.setText(SheetHeading(name, self.kind).render(ctx.lang))
        for edit in self.fields.values():
            edit.refresh()
        self.style.refresh()
        self.save_button.refresh()
        self._box.setSpacing(m.px(16))
        self._head.setSpacing(m.gutter)
        self.form.setHorizontalSpacing(m.gutter)
        self.form.setVerticalSpacing(m.px(12))
