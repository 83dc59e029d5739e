"""How long things last in the attract loop, and how fast it runs.

``speed`` divides every duration of the loop: tests, previews and benchmarks speed
it up (and may change it while the loop runs); films still play at their own pace.
"""

from __future__ import annotations

from kiosk.playlist import Slot
from kiosk.ui.attract.layer import Visual
from kiosk.ui.screen import Context

#: A film that runs this much past its known length is ended anyway.
FILM_OVERRUN = (1.25, 10.0)


class Pace:
    def __init__(self, ctx: Context, speed: float = 1.0) -> None:
        self.ctx = ctx
        self.speed = speed

    def ms(self, seconds: float) -> int:
        """``seconds`` of the loop, in milliseconds at this speed."""
        return max(1, int(seconds * 1000 / self.speed))

    @property
    def fade_ms(self) -> int:
        return max(0, int(self.ctx.settings.attract.crossfade_ms / self.speed))

    def shown_ms(self, slot: Slot, visual: Visual) -> int:
        """How long a picture or card stays: its slot's time, or a panned scroll's pan."""
        seconds = slot.seconds
        if visual.pan is not None:
            seconds = visual.pan.seconds(visual.px_per_s, visual.pause_s) * self.speed
        return self.ms(seconds)

    def film_timer(self, slot: Slot) -> tuple[int, float] | None:
        """When to leave a film whose end has not come: (ms, the limit that cuts it, or 0).

        ``attract.film_max_s`` cuts longer films; otherwise the timer is a safety net
        should the end never be reported (at film speed, whatever ``speed``).
        """
        limit = self.ctx.settings.attract.film_max_s
        if limit > 0 and (not slot.work.duration_s or slot.work.duration_s > limit):
            return self.ms(limit), limit
        if slot.seconds > 0:
            over = max(slot.seconds * FILM_OVERRUN[0], slot.seconds + FILM_OVERRUN[1])
            return int(over * 1000), 0.0
        return None
