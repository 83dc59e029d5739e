"""One kiosk's figures for a period, read from its record sets (or, through
kiosk.reporting.catalogue, from its catalogue).

Both ways feed the same tally (kiosk.reporting.tally) and opening figures
(kiosk.reporting.opening), so a report made on the kiosk and one made at the office
from its records agree to the last showing.  Record sets of several kiosks are
grouped by kiosk name; a set that repeats days already read for that kiosk is left
out (and said), so nothing is counted twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo

from kiosk.reporting.opening import Availability, availability
from kiosk.reporting.period import Period, local_zone, parse_utc
from kiosk.reporting.records import LATER, TABLES, RecordsError, RecordSet
from kiosk.reporting.tally import Tally
from kiosk.schedule.hours import OpeningHours
from kiosk.strings import Text, text

# The column of a record's time, by which a set covering more than the period is clipped.
_STARTED = {
    "plays": TABLES["plays"].index("started_at"),
    "sessions": TABLES["sessions"].index("started_at"),
    "changes": TABLES["changes"].index("at"),
    "quiz_rounds": TABLES["quiz_rounds"].index("started_at"),
    "signatures": TABLES["signatures"].index("signed_at"),
}


@dataclass
class KioskFigures:
    kiosk: str
    exhibition_zh: str
    exhibition_en: str
    zone: tzinfo
    zone_name: str
    period: Period
    made_at: datetime
    runs_since: str | None  # see kiosk.reporting.records.Header
    changes_since: str | None
    tally: Tally
    opening: Availability

    @property
    def empty(self) -> bool:
        t = self.tally
        found = (t.showings, t.visits, t.visits_open, t.runs, t.changes, t.quiz.played, t.signed)
        return not any(found)


def read_into(tally: Tally, read, carries=None) -> None:
    """Feed every table to ``tally`` through ``read(table, consume)``; ``carries(table)``
    says whether the source holds a table added later (a catalogue holds them all)."""
    for table, consume in (
        ("items", tally.add_items),
        ("plays", tally.add_plays),
        ("sessions", tally.add_sessions),
        ("runs", tally.add_runs),
        ("changes", tally.add_changes),
        ("quiz_rounds", tally.add_quiz_rounds),  # before their answers, which join them
        ("quiz_answers", tally.add_quiz_answers),
        ("signatures", tally.add_signatures),
    ):
        if table in LATER:
            if carries is not None and not carries(table):
                tally.lacking.add(table)
                continue
            tally.carried.add(table)
        read(table, consume)


def from_sets(
    sets: Sequence[RecordSet], period: Period, now: datetime | None = None
) -> tuple[list[KioskFigures], list[Text]]:
    """The figures of ``period`` per kiosk from record sets, and what was left out."""
    made_at = now or datetime.now(UTC)
    notes: list[Text] = []
    by_kiosk: dict[str, list[RecordSet]] = {}
    for s in sorted(sets, key=lambda s: (s.header.kiosk, s.header.first, s.header.last)):
        first, last = date.fromisoformat(s.header.first), date.fromisoformat(s.header.last)
        if last < period.first or first > period.last:
            continue
        taken = by_kiosk.setdefault(s.header.kiosk, [])
        if any(_overlap(s, t) for t in taken):
            notes.append(
                text(
                    "rep_overlap",
                    path=s.path,
                    kiosk=s.header.kiosk,
                    first=s.header.first,
                    last=s.header.last,
                )
            )
            continue
        taken.append(s)
    figures = []
    for kiosk, kiosk_sets in sorted(by_kiosk.items()):
        figures.append(_kiosk_from_sets(kiosk, kiosk_sets, period, made_at, notes))
    return figures, notes


def _overlap(a: RecordSet, b: RecordSet) -> bool:
    return a.header.first <= b.header.last and b.header.first <= a.header.last


def _kiosk_from_sets(
    kiosk: str, sets: list[RecordSet], period: Period, made_at: datetime, notes: list[Text]
) -> KioskFigures:
    latest = max(sets, key=lambda s: (s.header.last, s.header.made_at)).header
    zone, zone_name = local_zone(latest.time_zone)
    lo, hi = period.utc_bounds(zone)
    tally = Tally(zone)
    for s in sets:
        inside = period.first.isoformat() <= s.header.first and s.header.last <= (
            period.last.isoformat()
        )
        one = Tally(zone)  # added only once the whole set was read
        try:
            read_into(one, s.read if inside else _clipped(s, lo, hi), s.carries)
        except RecordsError as e:
            notes.append(text("rep_skipped_set", line=str(e)))
            continue
        tally.merge(one, same_kiosk=True)
    runs_since = _earliest([s.header.runs_since for s in sets])
    changes_since = _earliest([s.header.changes_since for s in sets])
    hours = OpeningHours.parse(latest.hours)[0]
    until = min(made_at, max(parse_utc(s.header.made_at) for s in sets))
    opening = availability(tally.runs, hours, period, zone, until, runs_since)
    return KioskFigures(
        kiosk,
        latest.exhibition_zh,
        latest.exhibition_en,
        zone,
        zone_name,
        period,
        made_at,
        runs_since,
        changes_since,
        tally,
        opening,
    )


def _clipped(s: RecordSet, lo: str, hi: str):
    """``s.read`` keeping only the records of the period (a set that covers more)."""

    def read(table: str, consume) -> None:
        column = _STARTED.get(table)
        # items; runs are clipped to the period by the opening figures; a quiz answer
        # counts with its round (the set holds all the answers of the rounds it holds)
        if column is None:
            s.read(table, consume)
        else:
            s.read(table, consume, keep=lambda row: lo <= row[column] < hi)

    return read


def _earliest(values: Iterable[str | None]) -> str | None:
    known = [v for v in values if v is not None]
    if not known:
        return None
    return "" if "" in known else min(known)


def totals(figures: Sequence[KioskFigures]) -> Tally:
    """The tallies of several kiosks added up (the county's totals)."""
    total = Tally(figures[0].zone if figures else UTC)
    for f in figures:
        total.merge(f.tally)
    return total
