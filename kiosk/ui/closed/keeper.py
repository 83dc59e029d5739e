"""Keeps the opening hours in the running kiosk: one timer to the next change, a minute
tick for the clock check, the display's power for ``screen-off``.

While closed (``closed-screen`` or ``screen-off``) the window rests on the closed screen
instead of the attract loop, so no film plays and no play is recorded; at opening the
loop starts again.  With ``screen-off`` the display is switched off; a touch wakes it for
the idle timeout and shows today's hours.  When the display cannot be switched off the
closed screen stays on.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QTimer

from kiosk.display_power import DisplayPower
from kiosk.schedule.opening import ClockWatch, Opening, State
from kiosk.strings import tr

log = logging.getLogger(__name__)

MINUTE_MS = 60_000
#: QTimer takes a 32-bit interval: wait at most a day, then look again.
LONGEST_WAIT_MS = 24 * 3600 * 1000


class HoursKeeper(QObject):
    """Drives ``window`` (KioskWindow: ``open_hall()``, ``close_hall()``, ``screen()``)."""

    def __init__(
        self,
        window,
        opening: Opening,
        power: DisplayPower,
        clock: Callable[[], datetime] = datetime.now,
        watch: ClockWatch | None = None,
    ) -> None:
        super().__init__(window)
        self.window, self.opening, self.power, self.clock = window, opening, power, clock
        self.watch = watch or ClockWatch()
        self.state: State | None = None
        self.display_off = False
        self.clock_problem: tuple[str, dict[str, str]] | None = None
        self._change = QTimer(self)
        self._change.setSingleShot(True)
        self._change.timeout.connect(self.check)
        self._minute = QTimer(self)
        self._minute.setInterval(MINUTE_MS)
        self._minute.timeout.connect(self.minute)
        self._wake = QTimer(self)
        self._wake.setSingleShot(True)
        self._wake.timeout.connect(self._sleep_again)

    def start(self) -> None:
        self.minute()
        self._minute.start()

    def stop(self) -> None:
        for timer in (self._change, self._minute, self._wake):
            timer.stop()
        if self.display_off:
            self._power_on()

    def minute(self) -> None:
        """The minute tick: the clock check, then the hours (a clock set right or wrong
        moves the next change)."""
        now = self.clock()
        problem = self.watch.check(now)
        if problem is not None:
            self.clock_problem = problem
            key, values = problem
            # The panel shows the clock's problem in a place of its own, in its language.
            log.warning("%s", tr(key, "en").format(**values), extra={"panel": False})
        self.check()

    def check(self) -> None:
        now = self.clock()
        state = self.opening.state(now)
        if state is not self.state:
            self._enter(state, now)
        elif not state.plays:
            self._show_times(now)
        nxt = self.opening.next_change(now)
        if nxt is None:
            self._change.stop()
        else:
            wait = (nxt - now).total_seconds() * 1000
            self._change.start(int(min(max(wait, 0) + 50, LONGEST_WAIT_MS)))

    def _enter(self, state: State, now: datetime) -> None:
        log.info("opening hours: %s", state.value)
        self.state = state
        if state.plays:
            self._wake.stop()
            if self.display_off:
                self._power_on()
            self.window.open_hall()
            return
        closed = self.window.screen("closed")
        closed.reset()
        self._show_times(now)
        self.window.close_hall()
        if state is State.SCREEN_OFF:
            if self.window.current in ("closed", None):
                self._power_off()
            else:  # a visitor or the operator is still here: off after the idle timeout
                self._wake.start(int(self.window.idle.timeout_s * 1000))

    def _show_times(self, now: datetime) -> None:
        closed = self.window.screen("closed")
        closed.show_times(
            now, self.opening.next_opening(now), self.opening.hours.bands_on(now.date())
        )

    # ------------------------------------------------------------ screen-off
    def touched(self) -> None:
        """A visitor touched the closed screen: with screen-off, wake for the idle timeout."""
        if self.state is not State.SCREEN_OFF:
            return
        if self.display_off:
            self._power_on()
        self._wake.start(int(self.window.idle.timeout_s * 1000))

    def _sleep_again(self) -> None:
        if self.state is not State.SCREEN_OFF:
            return
        if self.window.current != "closed" or not self.window.idle.expired():
            self._wake.start(int(self.window.idle.timeout_s * 1000))  # someone is still here
            return
        self.window.screen("closed").reset()
        self._power_off()

    def _power_off(self) -> None:
        self.display_off = self.power.off()

    def _power_on(self) -> None:
        self.power.on()
        self.display_off = False
