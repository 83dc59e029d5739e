"""The supervisor's decisions, pure and clocked from outside (tests need no sleeping).

- ``SafeMode``: so many crashes (or hangs) within a window start safe mode
  (stills only: no films, the usual suspect) for a while; then full mode is
  tried again.
- ``Backoff``: a kiosk that cannot start at all (no display, a broken
  install) is tried again after 1, 2, 5, 10, 30 and then every 60 seconds, not
  in a tight loop; a start that reached its first frame resets it.
- ``resume_at``: where the next kiosk starts its attract loop.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass


class SafeMode:
    """``crashes`` crashes within ``window_s`` seconds: safe mode for ``hold_s`` seconds."""

    def __init__(
        self,
        crashes: int = 3,
        window_s: float = 600.0,
        hold_s: float = 3600.0,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.crashes, self.window_s, self.hold_s = max(1, crashes), window_s, hold_s
        self._clock = clock
        self._times: list[float] = []
        self._since: float | None = None

    def crashed(self) -> bool:
        """Count a crash now; True when it starts safe mode."""
        now = self._clock()
        self._times = [t for t in self._times if now - t < self.window_s] + [now]
        if self.active or len(self._times) < self.crashes:
            return False
        self._since = now
        self._times.clear()
        return True

    @property
    def active(self) -> bool:
        """In safe mode now (it ends by itself after ``hold_s``)."""
        if self._since is not None and self._clock() - self._since >= self.hold_s:
            self._since = None
        return self._since is not None

    def recent_crashes(self) -> int:
        now = self._clock()
        return sum(1 for t in self._times if now - t < self.window_s)


class Backoff:
    """Waits between attempts to start a kiosk that never reached its first frame."""

    STEPS_S = (1.0, 2.0, 5.0, 10.0, 30.0, 60.0)

    def __init__(self, steps_s: tuple[float, ...] = STEPS_S) -> None:
        self.steps_s = steps_s
        self._failures = 0

    def next_delay(self) -> float:
        """The wait before the next attempt, after one more failed start."""
        delay = self.steps_s[min(self._failures, len(self.steps_s) - 1)]
        self._failures += 1
        return delay

    def reset(self) -> None:
        self._failures = 0


@dataclass(frozen=True)
class Resume:
    key: str | None  # the item the attract loop starts at
    after: bool = False  # start at the item after it instead


def resume_at(last_key: str | None, resumed: Resume | None, abnormal: bool) -> Resume:
    """Where the next kiosk begins, after a run that last showed ``last_key``.

    At the same item, so a visitor watching the loop sees it again from its
    start; but an item that was showing when the kiosk failed twice in a row
    (it was resumed at, and failed again on it) is passed over.
    """
    if last_key is None:
        return resumed or Resume(None)
    again = abnormal and resumed is not None and resumed.key == last_key and not resumed.after
    return Resume(last_key, after=again)
