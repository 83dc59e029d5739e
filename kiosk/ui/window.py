"""The kiosk window: screens, the back stack, idle reset, lock-down and the hidden gesture."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCursor, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication, QStackedWidget, QWidget

from kiosk.idle import HoldDetector, IdleTracker
from kiosk.ui.screen import Context, Screen
from kiosk.ui.widgets import theme

log = logging.getLogger(__name__)

_LOADED = time.monotonic()


def process_age_s() -> float:
    """Seconds since this process started (Linux: from /proc; else since this module loaded)."""
    try:
        with open("/proc/uptime") as f:
            uptime = float(f.read().split()[0])
        with open("/proc/self/stat") as f:
            start_ticks = int(f.read().rsplit(")", 1)[1].split()[19])
        return uptime - start_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return time.monotonic() - _LOADED


ScreenFactory = Callable[[Context], Screen]

# Keys a visitor could use to leave or break the kiosk; swallowed in kiosk mode.
_BLOCKED_KEYS = {
    Qt.Key.Key_Escape,
    Qt.Key.Key_F4,
    Qt.Key.Key_Q,
    Qt.Key.Key_W,
    Qt.Key.Key_Tab,
    Qt.Key.Key_Menu,
    Qt.Key.Key_F1,
    Qt.Key.Key_F11,
}

# The hidden corner gesture works where the top-left corner holds nothing to tap.
GESTURE_SCREENS = ("attract", "home", "closed")

_INPUT_EVENTS = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseMove,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.TouchEnd,
    QEvent.Type.Wheel,
    QEvent.Type.KeyPress,
}


#: The pages behind the PIN: built when an operator opens them, never ahead (visitors' screens
#: are made ready while the loop plays, for fast first taps).
OPERATOR_PAGES = frozenset({"pin", "operator", "content", "usb", "report"})


class KioskWindow(QWidget):
    """Holds the screens; ``ctx.nav`` is this window."""

    #: The attract loop's first frame is on screen (the heartbeat tells the supervisor).
    first_frame = Signal()

    def __init__(
        self,
        make_context: Callable[[KioskWindow], Context],
        factories: dict[str, ScreenFactory],
        *,
        locked_down: bool = True,
        corner_px: int = 150,
    ) -> None:
        super().__init__()
        self.setWindowTitle("清风展陈 Qingfeng Kiosk")
        self.setAutoFillBackground(True)
        pal = self.palette()
        pal.setColor(self.backgroundRole(), theme.NIGHT)
        self.setPalette(pal)
        self.ctx = make_context(self)
        self.ctx.visit.changed.connect(self._note_choice)
        self.factories = factories
        self.locked_down = locked_down
        self.stack = QStackedWidget(self)
        self.screens: dict[str, Screen] = {}
        self.current: str | None = None
        # Where the window rests while nobody is here: the loop, or the closed screen
        # outside opening hours (kiosk.ui.closed.keeper).
        self.rest = "attract"
        self.current_args: dict[str, Any] = {}
        # Where back leads: screen, its arguments, and what it looked like (scroll).
        self.history: list[tuple[str, dict[str, Any], dict[str, Any]]] = []
        settings = self.ctx.settings
        self.idle = IdleTracker(settings.touch.idle_timeout_s)
        self.hold = HoldDetector(corner_px, settings.operator.corner_hold_s)
        self._idle_timer = QTimer(self)
        self._idle_timer.setInterval(500)
        self._idle_timer.timeout.connect(self._tick)
        self._idle_timer.start()
        self._cursor_hidden = False
        self._cursor_timer = QTimer(self)
        self._cursor_timer.setSingleShot(True)
        self._cursor_timer.setInterval(3000)
        self._cursor_timer.timeout.connect(self._hide_cursor)
        if locked_down:
            self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
            self.setWindowFlag(Qt.WindowType.FramelessWindowHint)
            self._hide_cursor()
        QApplication.instance().installEventFilter(self)

    # -------------------------------------------------------------- screens
    def screen(self, name: str) -> Screen:
        if name not in self.screens:
            screen = self.factories[name](self.ctx)
            self.screens[name] = screen
            self.stack.addWidget(screen)
        return self.screens[name]

    def _show(self, name: str, args: dict[str, Any], state: dict[str, Any] | None = None) -> None:
        old = self.screens.get(self.current) if self.current else None
        new = self.screen(name)
        if old is not None and old is not new:
            old.leave()
        self.current, self.current_args = name, args
        new.enter(**args)
        self.stack.setCurrentWidget(new)
        if state:
            new.restore(state)
        if self.ctx.records is not None and name not in ("attract", "closed"):
            self.ctx.records.session_screen(name)
        log.debug("screen %s %s", name, args)

    def go(self, screen: str, **args: Any) -> None:
        if self.current is not None and self.current != "attract":
            state = self.screens[self.current].snapshot()
            self.history.append((self.current, self.current_args, state))
        self._show(screen, args)

    def back(self) -> None:
        if self.history:
            name, args, state = self.history.pop()
            self._show(name, args, state)
        else:
            self.home()

    def home(self) -> None:
        self.history.clear()
        self._show("home", {})

    def start(self) -> None:
        """Begin in the attract loop (or on the closed screen, outside opening hours)."""
        self._first_paint_seen = False
        self._show(self.rest, {})

    def close_hall(self) -> None:
        """Outside opening hours: the loop stops now; a visit ends at its idle reset."""
        self.rest = "closed"
        if self.current in ("attract", "closed"):
            self._show("closed", {})

    def open_hall(self) -> None:
        """Opening time: from the closed screen back to the loop, which starts by itself."""
        self.rest = "attract"
        if self.current == "closed":
            self.screens["closed"].reset()
            self._show("attract", {})

    def _prewarm(self, pending: list[str] | None = None) -> None:
        if getattr(self, "_closing", False):
            return
        if pending is None:
            pending = [
                n for n in self.factories if n not in self.screens and n not in OPERATOR_PAGES
            ]
        if not pending:
            return
        name = pending.pop(0)
        if name not in self.screens:
            self.screen(name).prewarm()
        QTimer.singleShot(50, lambda: self._prewarm(pending))

    def _note_first_paint(self, obj: QObject, event: QEvent) -> None:
        resting = self.screens.get(self.rest)
        if self._first_paint_seen or resting is None or not isinstance(obj, QWidget):
            return
        if obj is resting or resting.isAncestorOf(obj):
            self._first_paint_seen = True
            # Build the other screens while the loop plays, one per event-loop turn,
            # so no visitor's first tap waits for a screen to be made.
            QTimer.singleShot(1000, self._prewarm)
            # Logged after this paint has been handled: the frame is on screen.
            QTimer.singleShot(0, self._first_frame_shown)

    def _first_frame_shown(self) -> None:
        log.info("first %s frame painted %.2f s after start", self.rest, process_age_s())
        self.first_frame.emit()

    def reset_to_attract(self) -> None:
        """The idle reset: forget the visit, return to the loop (or the closed screen)."""
        where = "the attract loop" if self.rest == "attract" else "the closed screen"
        log.info("idle for %.0f s: back to %s", self.idle.idle_for(), where)
        self.history.clear()
        # The visit ends before its choices are reset: the default language is not its choice.
        if self.ctx.records is not None:
            self.ctx.records.session_end()
        visit = self.ctx.visit
        visit.set_lang(self.ctx.settings.exhibition.default_language)
        visit.set_large(False)
        for screen in self.screens.values():
            screen.reset()
        self._show(self.rest, {})

    # ----------------------------------------------------------- geometry
    def resizeEvent(self, event) -> None:
        self.stack.setGeometry(self.rect())
        self.ctx.visit.set_scale(min(self.width(), self.height()) / 1080.0)
        super().resizeEvent(event)

    def closeEvent(self, event) -> None:
        if self.locked_down and not getattr(self, "_closing", False):
            event.ignore()  # Alt+F4 and window-manager close requests do nothing
            return
        for screen in self.screens.values():
            screen.leave()
        QApplication.instance().removeEventFilter(self)
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Close for real (operator exit, tests)."""
        self._closing = True
        self.ctx.stopping = True
        self._idle_timer.stop()
        self._cursor_timer.stop()
        self.close()

    # ------------------------------------------------------- input, idle
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        etype = event.type()
        if etype == QEvent.Type.Paint and not getattr(self, "_first_paint_seen", True):
            self._note_first_paint(obj, event)
        if etype in _INPUT_EVENTS:
            self.idle.touch()
            if etype == QEvent.Type.MouseMove and self.locked_down:
                self._show_cursor()
            if self._handle_gesture(event):
                return True
            if self.current == "closed" and etype in (
                QEvent.Type.MouseButtonRelease,
                QEvent.Type.TouchEnd,
            ):
                self.screens["closed"].touch()  # today's hours; the home screen stays shut
                return True
            if self.current == "attract" and etype in (
                QEvent.Type.MouseButtonRelease,
                QEvent.Type.TouchEnd,
            ):
                self._leave_attract()
                return True
            if self.current in ("attract", "closed") and etype in (
                QEvent.Type.MouseButtonPress,
                QEvent.Type.TouchBegin,
            ):
                return True  # the release leaves the loop; nothing below sees the press
        if self.locked_down:
            if etype == QEvent.Type.KeyPress and self._blocked(event):
                return True
            if etype == QEvent.Type.ContextMenu:
                return True
        return False

    def _blocked(self, event: QKeyEvent) -> bool:
        mods = event.modifiers()
        key = Qt.Key(event.key())
        if key == Qt.Key.Key_Escape or key == Qt.Key.Key_Menu:
            return True
        if mods & (
            Qt.KeyboardModifier.ControlModifier
            | Qt.KeyboardModifier.AltModifier
            | Qt.KeyboardModifier.MetaModifier
        ):
            return key in _BLOCKED_KEYS
        return False

    def _handle_gesture(self, event: QEvent) -> bool:
        etype = event.type()
        if etype in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin):
            if self.current not in GESTURE_SCREENS:
                return False  # elsewhere the corner holds the back button
            pos = self.mapFromGlobal(self._global_pos(event))
            self.hold.press(pos.x(), pos.y())
            QTimer.singleShot(int(self.hold.hold_s * 1000) + 50, self._check_hold)
        elif etype in (QEvent.Type.MouseMove, QEvent.Type.TouchUpdate):
            pos = self.mapFromGlobal(self._global_pos(event))
            self.hold.move(pos.x(), pos.y())
        elif etype in (QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd):
            if getattr(self, "_swallow_release", False):
                self._swallow_release = False
                self.hold.release()
                return True
            self.hold.release()
        return False

    @staticmethod
    def _global_pos(event: QEvent):
        if hasattr(event, "globalPosition"):
            return event.globalPosition().toPoint()
        points = event.points()
        return points[0].globalPosition().toPoint() if points else QCursor.pos()

    def _check_hold(self) -> None:
        if getattr(self, "_closing", False):
            return
        if self.hold.held() and "pin" in self.factories:
            log.info("operator gesture: opening the PIN pad")
            self._swallow_release = True
            if self.current in ("attract", "closed"):
                self.screens[self.current].leave()
                self.current = None
            self.go("pin")

    def _leave_attract(self) -> None:
        if self.ctx.records is not None:
            self.ctx.records.session_start()
            self._note_choice()
        self.home()

    def _note_choice(self) -> None:
        """Tell the visit in progress (if any) the visitor's language and text size."""
        if self.ctx.records is not None:
            self.ctx.records.session_choice(self.ctx.visit.lang, self.ctx.visit.metrics.large)

    def _tick(self) -> None:
        screen = self.screens.get(self.current) if self.current else None
        if screen is not None and screen.busy():
            self.idle.touch()  # nobody touches a screen while watching a film
        if self.current not in (self.rest, None) and self.idle.expired():
            self.reset_to_attract()
        elif self.current == "closed" and self.idle.expired():
            self.screens["closed"].hide_hours()

    # --------------------------------------------------------------- cursor
    def _hide_cursor(self) -> None:
        if not self._cursor_hidden:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.BlankCursor)
            self._cursor_hidden = True

    def _show_cursor(self) -> None:
        if self._cursor_hidden:
            QGuiApplication.restoreOverrideCursor()
            self._cursor_hidden = False
        self._cursor_timer.start()
