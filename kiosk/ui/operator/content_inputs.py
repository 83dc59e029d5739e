"""On-screen input for the Content page: a kiosk has no physical keyboard.

``FormField`` is a large text line; ``Keypad`` types digits and the signs dates, hours,
weekdays and shares are written with (``2027-01-31``, ``08:00-12:00``, ``1-5``, ``1/3``) and
``KeypadPage`` shows it under the name of the field being typed in; ``KeyboardPanel`` is the
visitors' search keyboard (pinyin) for the search field; ``TapWatcher`` says which field was
tapped; ``ChoiceStepper`` picks one of a few values with ‹ and › (the festival).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.operator.labels import plain_label
from kiosk.ui.operator.pinpad import PadKey
from kiosk.ui.screen import Context
from kiosk.ui.search.keyboard import Keyboard
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.buttons import Button

BACKSPACE = "\b"
CLEAR = "clear"
DONE = "done"

# The keypad, row by row: what each key types.
KEYPAD_ROWS = (
    ("1", "2", "3", "-", ":"),
    ("4", "5", "6", "/", ","),
    ("7", "8", "9", ";", BACKSPACE),
    ("0", CLEAR, DONE),
)


class FormField(QLineEdit):
    """A large text line with a paper look; the one being typed in is outlined in red."""

    def __init__(self, ctx: Context, placeholder: str = "") -> None:
        super().__init__()
        self.ctx = ctx
        self.active = False
        self.setPlaceholderText(placeholder)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setMaxLength(80)
        self.refresh()

    def set_active(self, active: bool) -> None:
        self.active = active
        self.refresh()

    def refresh(self) -> None:
        m = self.ctx.m
        self.setFont(m.label("en"))
        self.setFixedHeight(max(m.touch_min, QFontMetrics(self.font()).height() + m.px(28)))
        self.setMinimumWidth(m.px(200))
        border = theme.SEAL if self.active else theme.INK_SOFT
        self.setStyleSheet(
            "QLineEdit {"
            f" background: {theme.PAPER.name()}; color: {theme.INK.name()};"
            f" border: {m.px(3 if self.active else 2)}px solid {border.name()};"
            f" border-radius: {m.radius}px; padding: 0 {m.px(16)}px;"
            "}"
        )
        pal = self.palette()
        pal.setColor(pal.ColorRole.PlaceholderText, theme.INK_SOFT)
        self.setPalette(pal)


class KeypadKey(PadKey):
    """A key of the content keypad: smaller than the PIN pad's, in a grid of five."""

    def refresh(self) -> None:
        m = self.ctx.m
        self.setFixedSize(m.px(132), m.touch_min)
        self.update()


class Keypad(QWidget):
    """Digits and signs for ``target``; ``on_done`` is called by the "done" key."""

    def __init__(self, ctx: Context, on_done: Callable[[], None]) -> None:
        super().__init__()
        self.ctx, self._on_done = ctx, on_done
        self.target: QLineEdit | None = None
        self.keys: dict[str, KeypadKey] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        names = {BACKSPACE: "manage_backspace", CLEAR: "search_clear", DONE: "manage_keypad_done"}
        for r, row in enumerate(KEYPAD_ROWS):
            for c, value in enumerate(row):
                name = names.get(value)
                label = (lambda v=value: v) if name is None else (lambda n=name: ctx.tr(n))
                role = "ok" if value == DONE else "digit" if name is None else "word"
                key = KeypadKey(ctx, label, role=role)
                key.clicked.connect(lambda v=value: self.tap(v))
                grid.addWidget(key, r, c)
                self.keys[value] = key
        self._grid = grid
        self.refresh()

    def tap(self, value: str) -> None:
        if value == DONE:
            self._on_done()
            return
        if self.target is None:
            return
        if value == BACKSPACE:
            self.target.backspace()
        elif value == CLEAR:
            self.target.clear()
        else:
            self.target.insert(value)

    def refresh(self) -> None:
        self._grid.setSpacing(self.ctx.m.px(12))
        for key in self.keys.values():
            key.refresh()


class KeyboardPanel(QWidget):
    """The visitors' search keyboard typing into the search field (or, while one of an
    item's texts is typed in, into that field), and a "done" key."""

    def __init__(self, ctx: Context, search_field: QLineEdit, on_done: Callable[[], None]) -> None:
        super().__init__()
        self.ctx = ctx
        self.search_field = search_field
        self.keyboard = Keyboard(ctx, search_field)
        self.done = Button(ctx, lambda: ctx.tr("manage_keypad_done"), min_size=QSize(160, 96))
        self.done.clicked.connect(on_done)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.keyboard, 1)
        row.addWidget(self.done, 0, Qt.AlignmentFlag.AlignBottom)
        self.hide()

    def type_into(self, field: QLineEdit | None) -> None:
        """Show the keys typing into ``field``, or hide them (None)."""
        for edit in (self.keyboard.target, field):
            if isinstance(edit, FormField):
                edit.set_active(edit is field)
        self.keyboard.target = field or self.search_field
        self.setVisible(field is not None)

    def refresh(self) -> None:
        self.keyboard.refresh()
        self.done.refresh()
        self.setFixedHeight(self.keyboard.minimum_height())


class KeypadPage(QWidget):
    """The keypad for one form field at a time, under the name of that field."""

    def __init__(self, ctx: Context, on_done: Callable[[], None]) -> None:
        super().__init__()
        self.ctx = ctx
        self.field: QLineEdit | None = None
        self.title = plain_label()
        self.title.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom)
        self.keypad = Keypad(ctx, on_done)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addStretch(1)
        box.addWidget(self.title)
        box.addWidget(self.keypad, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addStretch(2)
        self._box = box
        self.refresh()

    def open_for(self, field: QLineEdit, name: str) -> None:
        """Type into ``field``, called ``name`` on the page."""
        self.close()
        self.field = field
        self.keypad.target = field
        self.title.setText(name)
        if isinstance(field, FormField):
            field.set_active(True)

    def close(self) -> None:
        if isinstance(self.field, FormField):
            self.field.set_active(False)
        self.field = self.keypad.target = None

    def refresh(self) -> None:
        m = self.ctx.m
        self.title.setFont(m.label(self.ctx.lang))
        self._box.setSpacing(m.px(20))
        self.keypad.refresh()


class TapWatcher(QObject):
    """Calls ``on_tap(field)`` when one of the watched fields is pressed (a touch arrives as a
    press too); focus alone, given when the page is shown, brings up no keys."""

    def __init__(self, on_tap: Callable[[QLineEdit], None]) -> None:
        super().__init__()
        self._on_tap = on_tap

    def watch(self, field: QLineEdit) -> None:
        field.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonPress:
            self._on_tap(obj)
        return False


class ChoiceStepper(QWidget):
    """‹ value › : one of ``choices`` (value, label) chosen by stepping through them."""

    def __init__(self, ctx: Context, choices: Callable[[], Sequence[tuple[str, str]]]) -> None:
        super().__init__()
        self.ctx, self._choices = ctx, choices
        self.index = 0
        self.prev = Button(ctx, lambda: "‹", min_size=QSize(96, 96))
        self.next = Button(ctx, lambda: "›", min_size=QSize(96, 96))
        self.label = plain_label()
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.prev.clicked.connect(lambda: self.step(-1))
        self.next.clicked.connect(lambda: self.step(1))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.prev)
        row.addWidget(self.label, 1)
        row.addWidget(self.next)
        self._row = row
        self.refresh()

    def value(self) -> str:
        return self._choices()[self.index][0]

    def set_value(self, value: str | None) -> None:
        values = [v for v, _ in self._choices()]
        self.index = values.index(value) if value in values else 0
        self.label.setText(self._choices()[self.index][1])

    def step(self, by: int) -> None:
        self.index = (self.index + by) % len(self._choices())
        self.label.setText(self._choices()[self.index][1])

    def refresh(self) -> None:
        m = self.ctx.m
        self._row.setSpacing(m.px(12))
        self.label.setFont(m.label(self.ctx.lang))
        self.label.setText(self._choices()[self.index][1])
        self.prev.refresh()
        self.next.refresh()
