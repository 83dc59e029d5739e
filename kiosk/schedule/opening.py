"""Which state the kiosk is in at a moment of the opening hours, and when that changes.

Pure (no Qt): the window asks ``state(now)`` and sets one timer to ``next_change(now)``,
plus a minute tick that also watches the clock (``ClockWatch``).  Outside hours the
``[hours] outside`` setting decides: the closed screen, the display off, or playing on
(``play``: the hall chose to play, so the loop plays and its plays are recorded).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from kiosk.schedule.hours import OpeningHours

#: This release's date: a clock before it is surely wrong.
RELEASE_DATE = date(2026, 12, 1)
#: A clock that moves more than this between two minute ticks has jumped.
MAX_JUMP = timedelta(days=1)


class State(enum.Enum):
    OPEN = "open"
    CLOSED_SCREEN = "closed-screen"
    SCREEN_OFF = "screen-off"
    PLAY_OUTSIDE = "play"

    @property
    def plays(self) -> bool:
        """The attract loop runs (and records its plays) in this state."""
        return self in (State.OPEN, State.PLAY_OUTSIDE)


@dataclass(frozen=True)
class Opening:
    hours: OpeningHours

    def state(self, now: datetime) -> State:
        if self.hours.is_open(now):
            return State.OPEN
        return State(self.hours.outside)

    def next_change(self, now: datetime) -> datetime | None:
        """When the hall next opens or closes after ``now``; None: never (within a year)."""
        current = self.hours.current(now)
        if current is not None:
            end = current[1]
            return None if end >= now + timedelta(days=365) else end
        return self.hours.next_opening(now)

    def next_opening(self, now: datetime) -> datetime | None:
        return self.hours.next_opening(now)


class ClockWatch:
    """Tells once per event that the clock looks wrong: before the release, or a jump of
    more than a day between two ticks."""

    def __init__(self, release: date = RELEASE_DATE) -> None:
        self.release = release
        self._last: datetime | None = None
        self._early_told = False

    def check(self, now: datetime) -> tuple[str, dict[str, str]] | None:
        """A problem as (strings key, values), or None; each event is told once."""
        last, self._last = self._last, now
        if now.date() < self.release:
            if self._early_told:
                return None
            self._early_told = True
            return "clock_early", {"now": _stamp(now), "release": self.release.isoformat()}
        self._early_told = False
        if last is not None and abs(now - last) > MAX_JUMP:
            return "clock_jump", {"before": _stamp(last), "now": _stamp(now)}
        return None


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M")
