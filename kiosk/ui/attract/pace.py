"""How fast the attract loop runs: ``speed`` divides every duration of the loop.

Tests, previews and benchmarks speed the loop up (and may change ``speed`` while it
runs); films still play at their own pace.
"""

from __future__ import annotations

from kiosk.ui.screen import Context


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
