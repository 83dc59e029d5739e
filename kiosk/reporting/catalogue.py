"""A period's records read from a kiosk's own catalogue, in the record format's columns,
and the figures made from them.

Plain SQL over the catalogue's record tables (plays, sessions, runs, changes, the quiz's
rounds and answers, signatures); nothing here writes.  Since when runs and changes are
known comes from the schema steps: a catalogue created before the ``runs`` table knows
runs only from when it was upgraded.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

from kiosk import __version__
from kiosk.catalog import Catalogue
from kiosk.catalog.schema import migrations
from kiosk.reporting.figures import KioskFigures, read_into
from kiosk.reporting.opening import availability
from kiosk.reporting.period import Period, local_zone, parse_utc, utc_text
from kiosk.reporting.records import SCREEN_SEP, TABLES, Header
from kiosk.reporting.tally import Tally
from kiosk.schedule.hours import OpeningHours

# Schema steps applied within this long of the first one came with the catalogue itself.
_SAME_BATCH = timedelta(minutes=1)
_STEP = {"runs": "0003_runs", "changes": "0005_changes"}


def recorded_since(catalogue: Catalogue) -> dict[str, str | None]:
    """For runs and changes: since when (UTC) the catalogue records them ("" : from its
    start), or None when it does not.

    Runs are known from the kiosk's first run (before it the kiosk was not there, or ran a
    version that did not record them), and only from the upgrade that added them.
    """
    applied = {m.name: m.applied_at for m in migrations.applied(catalogue.db)}
    first = min(applied.values(), default=None)
    since: dict[str, str | None] = {}
    for table, step in _STEP.items():
        at = applied.get(step)
        if at is None or first is None:
            since[table] = None
            continue
        moment = parse_utc(at.replace(" ", "T"))
        same = moment - parse_utc(first.replace(" ", "T")) <= _SAME_BATCH
        since[table] = "" if same else utc_text(moment)
    if since["runs"] is not None:
        first_run = catalogue.db.execute("SELECT MIN(started_at) FROM runs").fetchone()[0]
        since["runs"] = max(since["runs"], first_run) if first_run else None
    return since


class CatalogueRecords:
    """The records of ``period`` in ``catalogue`` (between the UTC ``bounds``)."""

    def __init__(self, catalogue: Catalogue, period: Period, bounds: tuple[str, str]) -> None:
        self.catalogue = catalogue
        self.period = period
        self.lo, self.hi = bounds

    def _query(self, sql: str, args: list) -> Iterator[tuple]:
        yield from self.catalogue.db.execute(sql, args)

    def _within(self, table: str, at: str, columns: tuple[str, ...] = ()) -> Iterator[tuple]:
        """The rows of ``table`` whose ``at`` lies in the period, oldest first, in the record
        format's columns (or ``columns`` where the catalogue names them otherwise)."""
        return self._query(
            f"SELECT {', '.join(columns or TABLES[table])} FROM {table} "
            f"WHERE {at} >= ? AND {at} < ? ORDER BY {at}, id",
            [self.lo, self.hi],
        )

    def rows(self, table: str) -> Iterator[tuple]:
        return getattr(self, f"_{table}")()

    def read(self, table: str, consume) -> None:
        """Give the rows of ``table`` to ``consume`` (as a record set does)."""
        consume(self.rows(table))

    def _items(self) -> Iterator[tuple]:
        # The items shown and the questions asked in the period (their titles are named).
        return self._query(
            "SELECT key, kind, title_zh, title_en FROM items WHERE key IN "
            "(SELECT item_key FROM plays WHERE started_at >= ? AND started_at < ? "
            "UNION SELECT a.item_key FROM quiz_answers a JOIN quiz_rounds r ON r.id = a.round_id "
            "WHERE r.started_at >= ? AND r.started_at < ?) ORDER BY key",
            [self.lo, self.hi, self.lo, self.hi],
        )

    def _plays(self) -> Iterator[tuple]:
        return self._within("plays", "started_at")

    def _sessions(self) -> Iterator[tuple]:
        rows = self._within("sessions", "started_at")
        for sid, started, ended, screens, languages, large in rows:
            yield (
                sid,
                started,
                ended,
                SCREEN_SEP.join(json.loads(screens or "[]")),
                languages,
                large,
            )

    def _runs(self) -> Iterator[tuple]:
        # A run that overlaps the period: started before its end, ended (or last seen)
        # after its start, or still open.
        if "runs" not in self.catalogue.db.table_names():
            return iter(())
        return self._query(
            f"SELECT {', '.join(TABLES['runs'])} FROM runs WHERE started_at < ? "
            "AND COALESCE(ended_at, last_beat_at, first_frame_at, started_at) >= ? "
            "ORDER BY started_at, id",
            [self.hi, self.lo],
        )

    def _changes(self) -> Iterator[tuple]:
        if "changes" not in self.catalogue.db.table_names():
            return iter(())
        return self._within("changes", "at")

    def _quiz_rounds(self) -> Iterator[tuple]:
        # ``round`` is the catalogue's id of the round
        return self._within("quiz_rounds", "started_at", ("id", *TABLES["quiz_rounds"][1:]))

    def _quiz_answers(self) -> Iterator[tuple]:
        # Every answer of the rounds started in the period, whenever given (a round begun
        # before midnight is one round, in one set).
        return self._query(
            "SELECT a.round_id, a.item_key, a.at, a.correct FROM quiz_answers a "
            "JOIN quiz_rounds r ON r.id = a.round_id "
            "WHERE r.started_at >= ? AND r.started_at < ? ORDER BY r.started_at, r.id, a.id",
            [self.lo, self.hi],
        )

    def _signatures(self) -> Iterator[tuple]:
        return self._within("signatures", "signed_at")


def header_for(
    catalogue: Catalogue, settings, period: Period, zone_name: str, made_at: datetime
) -> Header:
    """The header of ``period``'s records from ``catalogue`` (rows are counted on writing)."""
    since = recorded_since(catalogue)
    return Header(
        kiosk=settings.exhibition.kiosk(),
        exhibition_zh=settings.exhibition.name_zh,
        exhibition_en=settings.exhibition.name_en,
        time_zone=zone_name,
        hours=hours_section(settings),
        first=period.first.isoformat(),
        last=period.last.isoformat(),
        made_at=utc_text(made_at),
        runs_since=since["runs"],
        changes_since=since["changes"],
        version=__version__,
    )


def hours_section(settings) -> dict:
    """The ``[hours]`` settings as kiosk.toml holds them (lists for tuples)."""
    return {k: list(v) if isinstance(v, tuple) else v for k, v in vars(settings.hours).items()}


def figures_from_catalogue(
    catalogue: Catalogue, settings, period: Period, now: datetime | None = None
) -> KioskFigures:
    """The figures of ``period`` from this kiosk's own catalogue and settings."""
    zone, zone_name = local_zone(settings.exhibition.time_zone)
    made_at = now or datetime.now(UTC)
    tally = Tally(zone)
    read_into(tally, CatalogueRecords(catalogue, period, period.utc_bounds(zone)).read)
    since = recorded_since(catalogue)
    hours = OpeningHours.parse(hours_section(settings))[0]
    opening = availability(tally.runs, hours, period, zone, made_at, since["runs"])
    return KioskFigures(
        settings.exhibition.kiosk(),
        settings.exhibition.name_zh,
        settings.exhibition.name_en,
        zone,
        zone_name,
        period,
        made_at,
        since["runs"],
        since["changes"],
        tally,
        opening,
    )
