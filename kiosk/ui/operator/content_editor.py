"""The Content page's editor for one item: show or hide it, its place in the order, its dates
and schedule, a programme kind's texts (``content_texts``), delete it (after a confirmation).

Every change goes through ``ctx.library.edits`` (kiosk.catalog.editing), which checks dates
and schedule as a sheet's row is checked; a refusal shows its first line here in red and
nothing is saved.  Fields are typed with the page's keypad (``content_inputs``); the festival
is chosen with ‹ and ›.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from kiosk.catalog.library import WHEN_FIELDS, EditRefused
from kiosk.schedule.festivals import FESTIVALS
from kiosk.strings import field, tr
from kiosk.ui.operator.confirm import ConfirmBox
from kiosk.ui.operator.content_inputs import ChoiceStepper, FormField, TapWatcher
from kiosk.ui.operator.content_texts import TextForm
from kiosk.ui.operator.labels import plain_label, set_color
from kiosk.ui.screen import Context
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.buttons import Button

Row = dict[str, Any]

# The typed fields of the form, in reading order (the festival is chosen, not typed).
TYPED = tuple(name for name in WHEN_FIELDS if name != "festival")


def _label(ctx: Context, key: str) -> str:
    """A form label: in English the sheet's column name as words ("Valid from")."""
    return _Heading(key).render(ctx.lang)


class _Heading:
    """A field's name in messages, the same as on its label (a sheet's heading, in a sheet)."""

    def __init__(self, key: str) -> None:
        self.key = key

    def render(self, lang: str) -> str:
        said = tr(self.key, lang)
        if lang != "en":
            return said
        said = said.replace("_", " ")
        return said[:1].upper() + said[1:]


class ItemEditor(QWidget):
    """Edits the item given to ``show_item``; calls ``on_changed(key)`` after each change
    and ``on_deleted(title)`` after a deletion.  ``on_field(field)`` asks for the keypad."""

    def __init__(
        self,
        ctx: Context,
        on_changed: Callable[[str], None],
        on_deleted: Callable[[str], None],
        on_field: Callable[[QLineEdit], None],
    ) -> None:
        super().__init__()
        self.ctx = ctx
        self._on_changed, self._on_deleted = on_changed, on_deleted
        self.item: Row | None = None

        self.title_label = plain_label()
        self.info_label = plain_label()
        set_color(self.info_label, theme.INK_SOFT)
        # -- shown or hidden
        self.state_label = plain_label()
        self.toggle_button = Button(ctx, self._toggle_text, min_size=QSize(200, 96))
        self.toggle_button.clicked.connect(self.toggle)
        # -- order
        self.position_label = plain_label()
        self.up_button = Button(ctx, lambda: ctx.tr("manage_up"), min_size=QSize(160, 96))
        self.down_button = Button(ctx, lambda: ctx.tr("manage_down"), min_size=QSize(160, 96))
        self.up_button.clicked.connect(lambda: self.move_by(-1))
        self.down_button.clicked.connect(lambda: self.move_by(1))
        self.position_field = FormField(ctx)
        self.move_button = Button(ctx, lambda: ctx.tr("manage_move_to"), min_size=QSize(160, 96))
        self.move_button.clicked.connect(self.move_to_typed)
        # -- dates and schedule
        self.when_title = plain_label()
        self.fields: dict[str, FormField] = {name: FormField(ctx) for name in TYPED}
        self.festival = ChoiceStepper(ctx, self._festivals)
        self.field_labels = {name: plain_label() for name in WHEN_FIELDS}
        self.save_button = Button(ctx, lambda: ctx.tr("manage_save"), min_size=QSize(240, 96))
        self.save_button.clicked.connect(self.save)
        self.message = plain_label()
        self.message.setWordWrap(True)
        # -- a programme kind's texts
        self.texts = TextForm(ctx, self.save_texts, on_field)
        # -- delete
        self.delete_button = Button(ctx, lambda: ctx.tr("manage_delete"), min_size=QSize(240, 96))
        self.delete_button.clicked.connect(self.ask_delete)
        self.confirm_box = ConfirmBox(
            ctx, self._delete_question, "manage_delete_yes", self.delete, self.delete_button.show
        )
        self._watcher = TapWatcher(on_field)
        for edit in (self.position_field, *self.fields.values()):
            self._watcher.watch(edit)
        self._build()
        self.retranslate()

    def _build(self) -> None:
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.title_label)
        box.addWidget(self.info_label)
        state = QHBoxLayout()
        state.addWidget(self.state_label, 1)
        state.addWidget(self.toggle_button)
        state.addWidget(self.delete_button)
        order = QHBoxLayout()
        order.addWidget(self.up_button)
        order.addWidget(self.down_button)
        order.addStretch(1)
        order.addWidget(self.position_field)
        order.addWidget(self.move_button)
        when = QHBoxLayout()
        when.addWidget(self.when_title, 1)
        when.addWidget(self.save_button)
        self.form = QGridLayout()
        names = [*TYPED[:4], "festival", *TYPED[4:]]  # the festival before its days
        for i, name in enumerate(names):
            r, c = i // 2, (i % 2) * 2
            self.form.addWidget(self.field_labels[name], r, c)
            widget = self.festival if name == "festival" else self.fields[name]
            self.form.addWidget(widget, r, c + 1)
        self.form.setColumnStretch(1, 1)
        self.form.setColumnStretch(3, 1)
        box.addLayout(state)
        box.addWidget(self.confirm_box)
        box.addWidget(self.position_label)
        box.addLayout(order)
        box.addLayout(when)
        box.addWidget(self.message)
        box.addLayout(self.form)
        box.addWidget(self.texts)
        box.addStretch(1)
        self._box, self._rows = box, (state, order, when)

    def name_of(self, edit: QLineEdit) -> str:
        """What a field is called on the page (the keypad shows it)."""
        for name, field_ in self.fields.items():
            if field_ is edit:
                return _label(self.ctx, f"sched_field_{name}")
        return self.texts.name_of(edit) or self.ctx.tr("manage_move_to")

    # ------------------------------------------------------------ texts
    def _toggle_text(self) -> str:
        shown = self.item is None or self.item["enabled"]
        return self.ctx.tr("manage_hide" if shown else "manage_show")

    def _festivals(self) -> list[tuple[str, str]]:
        lang = self.ctx.lang
        return [("", self.ctx.tr("manage_festival_none"))] + [
            (f.zh, f.name(lang)) for f in FESTIVALS
        ]

    def _title(self) -> str:
        return field(self.item or {}, "title", self.ctx.lang) or (self.item or {}).get("key", "")

    def _delete_question(self) -> str:
        return self.ctx.tr("manage_delete_confirm").format(title=self._title())

    def retranslate(self) -> None:
        ctx, m = self.ctx, self.ctx.m
        self.title_label.setFont(m.section(ctx.lang))
        self.title_label.setWordWrap(True)
        self.info_label.setFont(m.caption(ctx.lang))
        for label in (self.state_label, self.position_label, self.message):
            label.setFont(m.label(ctx.lang))
        self.when_title.setFont(m.font("serif", 36, bold=True, lang=ctx.lang))
        self.when_title.setText(ctx.tr("manage_when"))
        for name, label in self.field_labels.items():
            label.setFont(m.label(ctx.lang))
            label.setText(_label(ctx, f"sched_field_{name}"))
        for name, edit in self.fields.items():
            edit.setPlaceholderText(ctx.tr(f"manage_hint_{name}"))
            edit.refresh()
        self.position_field.setPlaceholderText(ctx.tr("manage_hint_position"))
        self.position_field.refresh()
        self.position_field.setFixedWidth(m.px(200))
        self._box.setSpacing(m.px(20))
        for row in self._rows:
            row.setSpacing(m.gutter)
        self.form.setHorizontalSpacing(m.gutter)
        self.form.setVerticalSpacing(m.px(16))
        for button in (
            self.toggle_button,
            self.up_button,
            self.down_button,
            self.move_button,
            self.save_button,
            self.delete_button,
        ):
            button.refresh()
        self.festival.refresh()
        self.texts.retranslate()
        self.confirm_box.refresh()
        self._fill_state()

    # ------------------------------------------------------------ showing
    def show_item(self, item: Row, keep_form: bool = False) -> None:
        """Edit ``item`` (its row as it is now); ``keep_form`` keeps what is typed."""
        same = self.item is not None and self.item["key"] == item["key"]
        self.item = item
        self.texts.show_item(item, keep=same and keep_form)
        if not (same and keep_form):
            self._refill()
            self.position_field.clear()
            self.say("")
            self.texts.say("")
        if not same:
            self.confirm_box.cancel()
        self._fill_state()

    def _refill(self) -> None:
        """The form as stored (as the catalogue normalised it)."""
        assert self.item is not None
        for name, edit in self.fields.items():
            value = self.item.get(name)
            edit.setText("" if value is None else str(value))
        self.festival.set_value(self.item.get("festival") or "")

    def _fill_state(self) -> None:
        item = self.item
        if item is None:
            return
        ctx = self.ctx
        self.title_label.setText(self._title())
        kind = ctx.tr(f"kind_word_{item['kind']}")
        self.info_label.setText(" · ".join(p for p in (kind, item["key"], item["origin"]) if p))
        shown = bool(item["enabled"])
        self.state_label.setText(ctx.tr("manage_shown" if shown else "manage_hidden"))
        set_color(self.state_label, theme.INK if shown else theme.SEAL)
        self.toggle_button.refresh()
        pos, n = ctx.library.edits.position(item["key"])
        self.position_label.setText(ctx.tr("manage_position").format(pos=pos, n=n))
        self.up_button.setEnabled(pos > 1)
        self.down_button.setEnabled(pos < n)

    def say(self, line: str, *, bad: bool = False) -> None:
        self.message.setText(line)
        self.message.setVisible(bool(line))
        set_color(self.message, theme.SEAL if bad else theme.INK_SOFT)

    # ------------------------------------------------------------ actions
    def _act(self, edit: Callable[[], object], say: Callable[..., None] | None = None) -> bool:
        """Run one edit; a refusal is said in red (by ``say``, else under the schedule's
        title). True when it was made."""
        assert self.item is not None
        say = say or self.say
        self.say("")
        self.texts.say("")
        try:
            edit()
        except EditRefused as refused:
            why = refused.text.render(self.ctx.lang)
            say(self.ctx.tr("manage_not_saved").format(why=why), bad=True)
            return False
        self._on_changed(self.item["key"])
        return True

    def toggle(self) -> None:
        if self.item is not None:
            key, shown = self.item["key"], bool(self.item["enabled"])
            self._act(lambda: self.ctx.library.edits.set_shown(key, not shown))

    def move_by(self, step: int) -> None:
        if self.item is not None:
            key = self.item["key"]
            pos, _n = self.ctx.library.edits.position(key)
            self._act(lambda: self.ctx.library.edits.move(key, pos + step))

    def move_to_typed(self) -> None:
        if self.item is None:
            return
        key, typed = self.item["key"], self.position_field.text().strip()
        _pos, n = self.ctx.library.edits.position(key)
        if not typed.isdigit() or not 1 <= int(typed) <= n:
            self.say(self.ctx.tr("manage_bad_position").format(value=typed, n=n), bad=True)
            return
        if self._act(lambda: self.ctx.library.edits.move(key, int(typed))):
            self.position_field.clear()

    def values(self) -> dict[str, str]:
        """What the form holds now, field by field."""
        return {**{n: e.text() for n, e in self.fields.items()}, "festival": self.festival.value()}

    def save(self) -> None:
        if self.item is None:
            return
        key, values = self.item["key"], self.values()
        headings = {name: _Heading(f"sched_field_{name}") for name in WHEN_FIELDS}
        if self._act(lambda: self.ctx.library.edits.set_when(key, values, headings)):
            self._refill()
            self.say(self.ctx.tr("manage_saved"))

    def save_texts(self) -> None:
        if self.item is None:
            return
        key, values, headings = self.item["key"], self.texts.values(), self.texts.headings()
        if self._act(
            lambda: self.ctx.library.edits.set_texts(key, values, headings), self.texts.say
        ):
            self.texts.say(self.ctx.tr("manage_texts_saved"))

    def ask_delete(self) -> None:
        self.delete_button.hide()
        self.confirm_box.ask()

    def delete(self) -> None:
        self.delete_button.show()
        if self.item is None:
            return
        title, key = self._title(), self.item["key"]
        try:
            self.ctx.library.edits.delete(key)
        except EditRefused as refused:
            self.say(refused.text.render(self.ctx.lang), bad=True)
            return
        self.item = None
        self._on_deleted(title)
