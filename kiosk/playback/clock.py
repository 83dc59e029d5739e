"""The player's time between libvlc's reports, for what must follow it closely (lyrics).

libvlc 3 updates a player's time about every 0.25–0.3 s (measured: 0.29 s for
audio). ``PlayerClock`` is read far more often (every frame or two): it takes
the last reported time and adds the monotonic time since that report was first
seen, while playing. A new report is dated half-way between the read that saw
it and the one before, so polling every 20 ms dates it within ±10 ms. A report
slightly behind what was already shown (jitter) does not move the time back;
a seek does. No Qt, no libvlc here: ``read()`` is e.g. ``FilmPlayer.elapsed``.
"""

from __future__ import annotations

import time
from collections.abc import Callable

#: Never run ahead of the last report by more than this (a stalled player stays put).
MAX_AHEAD_S = 1.0
#: A report this far behind the time shown is a seek back, not jitter.
SEEK_BACK_S = 0.5


class PlayerClock:
    def __init__(
        self, read: Callable[[], float], now: Callable[[], float] = time.monotonic
    ) -> None:
        self._read = read
        self._now = now
        self.reset()

    def reset(self) -> None:
        """Forget the reports (a new song, or a seek)."""
        self._raw: float | None = None
        self._at = 0.0
        self._polled: float | None = None
        self._shown = 0.0

    def seconds(self, running: bool) -> float:
        """Seconds into the song now; ``running``: the player is playing (not paused)."""
        t = self._now()
        raw = self._read()
        if raw != self._raw:
            self._raw = raw
            self._at = t if self._polled is None else (self._polled + t) / 2
        self._polled = t
        value = raw
        if running and raw > 0:
            value = raw + min(max(0.0, t - self._at), MAX_AHEAD_S)
        if self._shown - SEEK_BACK_S < value < self._shown:
            value = self._shown
        self._shown = value
        return value
