"""How the kiosk kept its opening hours: open days, hours, time on screen, outages,
safe-mode periods, crashes and clock warnings, from the runs and the ``[hours]`` settings.

A run is on screen from its first frame to its end (or, still open, its last
heartbeat).  Opening time is counted up to when the report is made; time before the
kiosk recorded runs is unknown, and the figures say so instead of guessing.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, tzinfo

from kiosk.reporting.period import Period, parse_utc
from kiosk.schedule.hours import OpeningHours

#: Gaps in opening time shorter than this (a restart) count, but are not listed.
MIN_OUTAGE = timedelta(minutes=1)
#: How a run can end badly (kiosk.catalog.runs.ENDINGS).
BAD_ENDINGS = ("crash", "hang", "failed-start", "lost")

Span = tuple[datetime, datetime]


@dataclass
class Availability:
    days_open: int = 0
    open_hours: float = 0.0  # opening time in the period, up to the report
    known_hours: float = 0.0  # of which the runs are known
    screen_hours: float | None = None  # on screen during the known opening time
    known_from: datetime | None = None  # runs known only from then; None: all along
    runs_unknown: bool = False  # no runs recorded at all (a catalogue before them)
    outages: list[Span] = field(default_factory=list)
    safe_mode: list[Span] = field(default_factory=list)
    crashes: list[tuple[datetime, str, str]] = field(default_factory=list)  # at, how, code
    clock: list[tuple[datetime, datetime]] = field(default_factory=list)  # before, after
    runs: int = 0

    @property
    def share(self) -> float | None:
        if self.screen_hours is None or not self.known_hours:
            return None
        return self.screen_hours / self.known_hours


def opening_spans(hours: OpeningHours, period: Period, zone: tzinfo, until: datetime) -> list[Span]:
    """The opening times inside ``period`` and before ``until``, in UTC (sums and
    differences of local times would be wrong across a daylight-saving change)."""
    start, end = period.bounds(zone)
    end = min(end, until)
    spans: list[Span] = []
    for day in [period.first - timedelta(days=1), *period.days]:
        for band in hours.bands_on(day):
            a, b = band.span(day)
            a, b = max(a.replace(tzinfo=zone), start), min(b.replace(tzinfo=zone), end)
            if a < b:
                spans.append((a.astimezone(UTC), b.astimezone(UTC)))
    return _union(spans)


def availability(
    runs: list[dict],
    hours: OpeningHours,
    period: Period,
    zone: tzinfo,
    until: datetime,
    runs_since: str | None,
) -> Availability:
    """The opening figures of ``period`` (see the module docstring)."""
    found = Availability(runs=len(runs))
    opening = opening_spans(hours, period, zone, until)
    last_day = min(period.last, until.astimezone(zone).date())
    found.days_open = sum(1 for d in period.days if d <= last_day and hours.bands_on(d))
    found.open_hours = _hours(opening)
    if runs_since is None or (runs_since and parse_utc(runs_since) >= period.bounds(zone)[1]):
        found.runs_unknown = True  # not recorded at all, or only after this period
        return found
    known = opening
    if runs_since and opening and opening[0][0] < parse_utc(runs_since):  # opening time before
        found.known_from = _local(runs_since, zone)
        known = _clip(opening, parse_utc(runs_since), until)
    found.known_hours = _hours(known)
    on_screen = _union([s for r in runs if (s := _on_screen(r))])
    shown = _intersect(known, on_screen)
    found.screen_hours = _hours(shown)
    found.outages = [
        (a.astimezone(zone), b.astimezone(zone))
        for a, b in _minus(known, on_screen)
        if b - a >= MIN_OUTAGE
    ]
    found.safe_mode = _safe_periods(runs, zone)
    found.crashes = [
        (
            _local(r["ended_at"] or r["last_beat_at"] or r["started_at"], zone),
            r["ended_how"],
            _code(r),
        )
        for r in runs
        if r["ended_how"] in BAD_ENDINGS
    ]
    found.clock = _clock_warnings(runs, zone)
    return found


def _local(utc: str, zone: tzinfo) -> datetime:
    return parse_utc(utc).astimezone(zone)


def _code(run: dict) -> str:
    if run.get("signal") not in (None, ""):
        return f"signal {run['signal']}"
    if run.get("exit_code") not in (None, ""):
        return f"exit {run['exit_code']}"
    return ""


def _on_screen(run: dict) -> Span | None:
    first = run["first_frame_at"]
    end = run["ended_at"] or run["last_beat_at"]
    if not first or not end:
        return None
    a, b = parse_utc(first), parse_utc(end)
    return (a, b) if a < b else None


def _safe_periods(runs: list[dict], zone: tzinfo) -> list[Span]:
    """Runs in safe mode grouped by when safe mode began: from then to the last one's end."""
    periods: dict[str, datetime] = {}
    for r in runs:
        if int(r["safe_mode"] or 0) and r["safe_since"]:
            end = r["ended_at"] or r["last_beat_at"] or r["started_at"]
            periods[r["safe_since"]] = max(
                periods.get(r["safe_since"], _local(end, zone)), _local(end, zone)
            )
    return [(_local(since, zone), end) for since, end in sorted(periods.items())]


def _clock_warnings(runs: list[dict], zone: tzinfo) -> list[tuple[datetime, datetime]]:
    """A run that started before the one before it ended: the clock was set back."""
    found = []
    for before, after in itertools.pairwise(runs):
        end = before["ended_at"] or before["last_beat_at"]
        if end and after["started_at"] < end:
            found.append((_local(end, zone), _local(after["started_at"], zone)))
    return found


# ---------------------------------------------------------------- span arithmetic
def _union(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def _intersect(xs: list[Span], ys: list[Span]) -> list[Span]:
    out, i, j = [], 0, 0
    while i < len(xs) and j < len(ys):
        a, b = max(xs[i][0], ys[j][0]), min(xs[i][1], ys[j][1])
        if a < b:
            out.append((a, b))
        if xs[i][1] < ys[j][1]:
            i += 1
        else:
            j += 1
    return out


def _minus(xs: list[Span], ys: list[Span]) -> list[Span]:
    out = []
    for a, b in xs:
        cursor = a
        for c, d in ys:
            if d <= cursor or c >= b:
                continue
            if c > cursor:
                out.append((cursor, c))
            cursor = max(cursor, d)
        if cursor < b:
            out.append((cursor, b))
    return out


def _clip(spans: list[Span], start: datetime, end: datetime) -> list[Span]:
    return [(max(a, start), min(b, end)) for a, b in spans if max(a, start) < min(b, end)]


def _hours(spans: list[Span]) -> float:
    return sum((b - a).total_seconds() for a, b in spans) / 3600
