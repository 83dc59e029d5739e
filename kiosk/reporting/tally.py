"""Counting one kiosk's records as they stream past: nothing is kept row by row.

Rows come in the record format's columns (kiosk.reporting.records.TABLES), from a
catalogue (native values) or from CSV (text; empty text is no value).  Showings are
summed per item, context, outcome and reason; visits per local day and weekday × hour
and by the languages they used, with their lengths kept as one compact array for the
median.  Runs and content changes are few and kept whole; the quiz's rounds and answers
are summed (kiosk.reporting.quiz) and signatures counted.  Tallies of several kiosks add
up (the county's totals).
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo

from kiosk.reporting.period import parse_utc
from kiosk.reporting.quiz import QuizTally
from kiosk.reporting.records import SCREEN_SEP, TABLES

_P = {name: i for i, name in enumerate(TABLES["plays"])}
_R = TABLES["runs"]
_C = TABLES["changes"]


@dataclass
class Showings:
    """Showings of one item in one context with one outcome and reason."""

    count: int = 0
    seconds: float = 0.0
    first: str = ""  # UTC, for problems
    last: str = ""


@dataclass
class Tally:
    zone: tzinfo
    # (item_key, context, outcome, reason) -> Showings
    showings: dict[tuple[str, str, str, str], Showings] = field(default_factory=dict)
    items: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # kind, zh, en
    visits_by_day: Counter[date] = field(default_factory=Counter)
    visits_by_hour: Counter[tuple[int, int]] = field(default_factory=Counter)  # weekday, hour
    visit_seconds: array = field(default_factory=lambda: array("d"))
    visits_open: int = 0  # never ended (the kiosk stopped during the visit)
    screens: Counter[str] = field(default_factory=Counter)  # visits that opened each screen
    # Visits by the languages they used, as recorded ("zh", "zh,en"); "" : not known (a
    # visit recorded before the kiosk kept them, or cut short by a crash).
    languages: Counter[str] = field(default_factory=Counter)
    visits_large: int = 0  # visits with large text on at some moment
    runs: list[dict[str, str | None]] = field(default_factory=list)
    changes: list[dict[str, str | None]] = field(default_factory=list)
    quiz: QuizTally = field(default_factory=QuizTally)
    signed: int = 0  # pledge signatures
    # Of the tables added to the record format later (records.LATER): those read, and
    # those some source did not carry (a set written before them).  A figure whose table
    # was never carried is not known; carried by some sources only, it is known in part.
    carried: set[str] = field(default_factory=set)
    lacking: set[str] = field(default_factory=set)

    # ------------------------------------------------------------------ reading
    # Each add_ returns how many rows it took (record sets check it against their header).
    def add_items(self, rows: Iterable[Sequence]) -> int:
        n = 0
        for n, (key, kind, zh, en) in enumerate(rows, 1):  # noqa: B007
            self.items[key] = (kind or "", zh or "", en or "")
        return n

    def add_plays(self, rows: Iterable[Sequence]) -> int:
        started, seconds, context = _P["started_at"], _P["seconds"], _P["context"]
        outcome, reason, key = _P["outcome"], _P["reason"], _P["item_key"]
        found = self.showings
        n = 0
        for n, row in enumerate(rows, 1):  # noqa: B007
            k = (row[key], row[context], row[outcome], row[reason] or "")
            s = found.get(k)
            if s is None:
                s = found[k] = Showings(first=row[started], last=row[started])
            s.count += 1
            s.seconds += float(row[seconds])
            if k[2] != "completed":  # first and last are asked of problems only
                at = row[started]
                if at < s.first:
                    s.first = at
                elif at > s.last:
                    s.last = at
        return n

    def add_sessions(self, rows: Iterable[Sequence]) -> int:
        zone = self.zone
        n = 0
        languages = self.languages
        large_visits = 0
        for n, (_sid, started, ended, screens, used, large) in enumerate(rows, 1):  # noqa: B007
            begun = parse_utc(started)
            local = begun.astimezone(zone)
            self.visits_by_day[local.date()] += 1
            self.visits_by_hour[(local.weekday(), local.hour)] += 1
            if ended:
                self.visit_seconds.append(max(0.0, (parse_utc(ended) - begun).total_seconds()))
            else:
                self.visits_open += 1
            if screens:
                self.screens.update(set(screens.split(SCREEN_SEP)))
            languages[used or ""] += 1
            if large in (1, "1"):  # the catalogue's number or the record file's text
                large_visits += 1
        self.visits_large += large_visits
        return n

    def add_runs(self, rows: Iterable[Sequence]) -> int:
        seen = {r["started_at"] for r in self.runs}
        n = 0
        for n, row in enumerate(rows, 1):  # noqa: B007
            run = {
                name: (value if value != "" else None) for name, value in zip(_R, row, strict=True)
            }
            if run["started_at"] not in seen:  # a run over midnight is in two daily sets
                seen.add(run["started_at"])
                self.runs.append(run)
        self.runs.sort(key=lambda r: r["started_at"])
        return n

    def add_changes(self, rows: Iterable[Sequence]) -> int:
        n = 0
        for n, row in enumerate(rows, 1):  # noqa: B007
            change = {
                name: (value if value != "" else None) for name, value in zip(_C, row, strict=True)
            }
            self.changes.append(change)
            key = change["item_key"]
            if key and key not in self.items:  # a deleted item is named as it was
                self.items[key] = (change["kind"] or "", change["title_zh"] or "", "")
        return n

    def add_quiz_rounds(self, rows: Iterable[Sequence]) -> int:
        return self.quiz.add_rounds(rows)

    def add_quiz_answers(self, rows: Iterable[Sequence]) -> int:
        return self.quiz.add_answers(rows)

    def add_signatures(self, rows: Iterable[Sequence]) -> int:
        n = sum(1 for _row in rows)
        self.signed += n
        return n

    def known(self, table: str) -> bool | None:
        """Whether ``table``'s figures are known: True, False, or None (in part)."""
        if table not in self.lacking:
            return True
        return None if table in self.carried else False

    # ------------------------------------------------------------------ adding up
    def merge(self, other: Tally, *, same_kiosk: bool = False) -> None:
        """Add ``other``'s counts; of the same kiosk (another of its record sets), its runs
        and changes too."""
        if same_kiosk:
            self.add_runs([[r[name] for name in _R] for r in other.runs])
            self.changes += other.changes
        for k, s in other.showings.items():
            mine = self.showings.get(k)
            if mine is None:
                self.showings[k] = Showings(s.count, s.seconds, s.first, s.last)
                continue
            mine.count += s.count
            mine.seconds += s.seconds
            mine.first = min(mine.first, s.first)
            mine.last = max(mine.last, s.last)
        for key, value in other.items.items():
            self.items.setdefault(key, value)
        self.visits_by_day.update(other.visits_by_day)
        self.visits_by_hour.update(other.visits_by_hour)
        self.visit_seconds.extend(other.visit_seconds)
        self.visits_open += other.visits_open
        self.screens.update(other.screens)
        self.languages.update(other.languages)
        self.visits_large += other.visits_large
        self.quiz.merge(other.quiz)
        self.signed += other.signed
        self.carried |= other.carried
        self.lacking |= other.lacking

    # ------------------------------------------------------------------ asking
    @property
    def visits(self) -> int:
        return sum(self.visits_by_day.values())

    def kind(self, key: str) -> str:
        return self.items.get(key, ("",))[0]

    def local(self, utc: str | None) -> datetime | None:
        return parse_utc(utc).astimezone(self.zone) if utc else None
