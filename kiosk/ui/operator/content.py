"""The operator's Content page, reached from the panel behind the PIN.

A strip of kinds at the top (with how many items each holds, hidden ones counted), the
search the visitors have (pinyin, initials, Chinese, English; hidden items found too) above
the list of the chosen kind, and the editor of the chosen item beside it (below it in
portrait).  While the search field is typed in, the search keyboard takes the bottom of the
page; while a field of the editor is, the keypad takes the list's place.  Each change is
written at once through ``ctx.library.edits``; the attract loop and the visitors' screens
see it the next time they look.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.catalog.library import KINDS
from kiosk.ui.operator.content_editor import ItemEditor
from kiosk.ui.operator.content_inputs import KeyboardPanel, KeypadPage, TapWatcher
from kiosk.ui.operator.content_list import ContentList, Row
from kiosk.ui.operator.labels import plain_label, set_color
from kiosk.ui.screen import Context, InnerScreen
from kiosk.ui.search.screen import QueryField
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.buttons import Button
from kiosk.ui.widgets.scrolling import kinetic_area


class ContentQuery(QueryField):
    """The visitors' search field, with the operator's placeholder."""

    def refresh(self) -> None:
        super().refresh()
        self.setPlaceholderText(self.ctx.tr("manage_search"))


class ContentScreen(InnerScreen):
    """Items by kind, searchable; the chosen one edited beside the list."""

    name = "content"

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.kind = KINDS[0]
        self.query = ""
        self._counts: dict[str, int] = {}
        # -- kinds
        self.kind_buttons: dict[str, Button] = {}
        strip = QWidget()
        strip_row = QHBoxLayout(strip)
        strip_row.setContentsMargins(0, 0, 0, 0)
        for kind in KINDS:
            button = Button(ctx, lambda k=kind: self._kind_text(k), min_size=QSize(150, 96))
            button.clicked.connect(lambda k=kind: self.choose_kind(k))
            strip_row.addWidget(button)
            self.kind_buttons[kind] = button
        strip_row.addStretch(1)
        self.kinds_area = kinetic_area()
        self.kinds_area.setWidget(strip)
        self._strip_row = strip_row
        # -- search and list
        self.field = ContentQuery(ctx)
        self.field.textChanged.connect(lambda _text: self._search_timer.start())
        self.count_label = plain_label()
        set_color(self.count_label, theme.INK_SOFT)
        self.list = ContentList(ctx, self.pick)
        self.empty_label = plain_label()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        set_color(self.empty_label, theme.INK_SOFT)
        self.list_pages = QStackedWidget()
        self.list_pages.addWidget(self.list)
        self.list_pages.addWidget(self.empty_label)
        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        left_box.addWidget(self.field)
        left_box.addWidget(self.count_label)
        left_box.addWidget(self.list_pages, 1)
        self._left_box = left_box
        # -- while a field of the editor is typed in, the keypad takes the list's place
        self.keypad = KeypadPage(ctx, self.close_inputs)
        self.left = QStackedWidget()
        self.left.addWidget(left)
        self.left.addWidget(self.keypad)
        self.keyboard = KeyboardPanel(ctx, self.field, self.close_inputs)
        # -- editor, or a hint while nothing is chosen
        self.editor = ItemEditor(ctx, self.edited, self.deleted, self.type_in)
        self.editor_area = kinetic_area()
        self.editor_area.setWidget(self.editor)
        self.hint = plain_label()
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        set_color(self.hint, theme.INK_SOFT)
        self.side = QStackedWidget()
        self.side.addWidget(self.hint)
        self.side.addWidget(self.editor_area)
        self._watcher = TapWatcher(self.type_in)
        self._watcher.watch(self.field)

        self.split = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.split.addWidget(self.left, 2)
        self.split.addWidget(self.side, 3)
        self.body.addWidget(self.kinds_area)
        self.body.addLayout(self.split, 1)
        self.body.addWidget(self.keyboard)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(0)  # the next turn: one search for a burst of edits
        self._search_timer.timeout.connect(self.run_search)
        self.retranslate()

    def title(self) -> str:
        return self.ctx.tr("manage_title")

    def _kind_text(self, kind: str) -> str:
        return f"{self.ctx.tr(kind)} {self._counts.get(kind, 0)}"

    # ------------------------------------------------------------ layout
    def portrait(self) -> bool:
        return self.height() > self.width()

    def retranslate(self) -> None:
        super().retranslate()
        if not hasattr(self, "split"):
            return
        m, ctx = self.ctx.m, self.ctx
        self._strip_row.setSpacing(m.px(12))
        self.kinds_area.setFixedHeight(max(m.touch_min, m.px(96)))
        for button in self.kind_buttons.values():
            button.refresh()
        self.field.refresh()
        self.count_label.setFont(m.caption(ctx.lang))
        self.empty_label.setFont(m.reading(ctx.lang))
        self.hint.setFont(m.reading(ctx.lang))
        self._left_box.setSpacing(m.px(12))
        self.split.setSpacing(m.px(48))
        self.editor.retranslate()
        self.keyboard.refresh()
        self.keypad.refresh()
        self.list.forget_pictures()
        self.list.doItemsLayout()
        self._fill_labels()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        portrait = self.portrait()
        direction = (
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        if self.split.direction() != direction:
            self.split.setDirection(direction)
            self.split.setStretch(0, 4 if portrait else 2)
            self.split.setStretch(1, 5 if portrait else 3)
            self._fill_labels()

    def _fill_labels(self) -> None:
        ctx = self.ctx
        n = len(self.list.rows)
        key = "manage_found" if self.query else "manage_count"
        self.count_label.setText(ctx.trn(key, n))
        self.empty_label.setText(ctx.tr("manage_none_found" if self.query else "manage_empty"))
        self.list_pages.setCurrentWidget(self.list if n else self.empty_label)
        if self.editor.item is None and not self.hint.property("said"):
            self.hint.setText(ctx.tr("manage_pick_portrait" if self.portrait() else "manage_pick"))
        for kind, button in self.kind_buttons.items():
            button.accent = kind == self.kind
            button.refresh()

    # ------------------------------------------------------------ reading
    def reload(self) -> None:
        """Read the counts and the chosen kind's items again (keeps the chosen item)."""
        self._counts = self.ctx.library.counts()
        self.run_search()

    def run_search(self) -> None:
        self._search_timer.stop()
        self.query = self.field.text().strip()
        edits = self.ctx.library.edits
        every = edits.items(self.kind)
        positions = {row["key"]: i for i, row in enumerate(every, start=1)}
        rows = edits.find(self.query, self.kind) if self.query else every
        self.list.set_rows(rows, positions)
        chosen = self.editor.item["key"] if self.editor.item else None
        fresh = next((row for row in every if row["key"] == chosen), None)
        if fresh is None:
            self._show_editor(None)
        else:
            self.editor.show_item(fresh, keep_form=True)
            self.list.choose(chosen)
        self._fill_labels()

    def choose_kind(self, kind: str) -> None:
        if kind != self.kind:
            self.kind = kind
            self._show_editor(None)
            self.list.scrollToTop()
        self.reload()

    def pick(self, row: Row) -> None:
        self.close_inputs()
        self.hint.setProperty("said", False)
        self.editor.show_item(row)
        self.editor_area.verticalScrollBar().setValue(0)
        self.list.choose(row["key"])
        self._show_editor(row)

    def _show_editor(self, row: Row | None) -> None:
        if row is None:
            self.editor.item = None
            self.list.choose(None)
        self.side.setCurrentWidget(self.editor_area if row is not None else self.hint)
        self._fill_labels()

    # ------------------------------------------------------------ editing
    def edited(self, key: str) -> None:
        """An edit was made: counts, the list and the editor read again."""
        self.reload()

    def deleted(self, title: str) -> None:
        self.hint.setText(self.ctx.tr("manage_deleted").format(title=title))
        self.hint.setProperty("said", True)
        self.list.forget_pictures()
        self.reload()

    def type_in(self, field: QLineEdit) -> None:
        """A field was tapped: the search keyboard comes up below (the search field), or the
        keypad in the list's place (the editor's fields)."""
        if field is self.field or self.editor.texts.wants_letters(field):
            # the search field, or a text of the item: letters (and Chinese from a keyboard)
            self.close_inputs()
            self.keyboard.type_into(field)
            if field is not self.field:
                QTimer.singleShot(0, self, lambda: self.editor_area.ensureWidgetVisible(field))
            return
        if self.keypad.field is field:
            return
        self.keyboard.type_into(None)
        self.keypad.open_for(field, self.editor.name_of(field))
        self.left.setCurrentWidget(self.keypad)
        QTimer.singleShot(0, self, lambda: self.editor_area.ensureWidgetVisible(field))

    def close_inputs(self) -> None:
        self.keyboard.type_into(None)
        self.keypad.close()
        self.left.setCurrentIndex(0)

    # ------------------------------------------------------------ life cycle
    def enter(self, **args: Any) -> None:
        self._counts = self.ctx.library.counts()
        if not self._counts.get(self.kind):
            self.kind = next((k for k in KINDS if self._counts.get(k)), KINDS[0])
        self.reload()

    def leave(self) -> None:
        self.close_inputs()
        self.editor.confirm_box.cancel()

    def reset(self) -> None:
        self.leave()
        self.field.blockSignals(True)
        self.field.clear()
        self.field.blockSignals(False)
        self.query = ""
        self.hint.setProperty("said", False)
        self._show_editor(None)
