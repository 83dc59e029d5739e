"""Idle logic, plain Python: when has nobody touched the kiosk for long enough?"""

from __future__ import annotations

import time
from collections.abc import Callable


class IdleTracker:
    def __init__(self, timeout_s: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.timeout_s = timeout_s
        self._clock = clock
        self._last = clock()

    def touch(self) -> None:
        self._last = self._clock()

    def idle_for(self) -> float:
        return self._clock() - self._last

    def expired(self) -> bool:
        return self.idle_for() >= self.timeout_s


class HoldDetector:
    """A long press in a corner: the hidden gesture that opens the operator PIN pad.

    Feed it presses, moves and releases with positions (in window pixels) and
    it answers True once the press has been held long enough, inside the
    corner square, without wandering out of it.
    """

    def __init__(
        self, corner_px: int, hold_s: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.corner_px = corner_px
        self.hold_s = hold_s
        self._clock = clock
        self._since: float | None = None

    def _in_corner(self, x: float, y: float) -> bool:
        return 0 <= x <= self.corner_px and 0 <= y <= self.corner_px

    def press(self, x: float, y: float) -> None:
        self._since = self._clock() if self._in_corner(x, y) else None

    def move(self, x: float, y: float) -> None:
        if self._since is not None and not self._in_corner(x, y):
            self._since = None

    def release(self) -> None:
        self._since = None

    def held(self) -> bool:
        """True once when the hold is long enough (then it re-arms on the next press)."""
        if self._since is not None and self._clock() - self._since >= self.hold_s:
            self._since = None
            return True
        return False
