"""The runs table: every kiosk process the supervisor started, and how it ended.

Written only by the supervisor (``kiosk.supervisor``), read by reports; the
columns are described with the ``0003_runs`` migration in ``schema.py``.
Timestamps are ISO 8601 in UTC with milliseconds, like the play records.

Plain ``sqlite3``, no sqlite-utils: the supervisor stays up for months and keeps only
what it uses (``RunLog.open(path)``); tests and reports pass a ``Catalogue``.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

#: How a run can end (the ``ended_how`` column).
ENDINGS = ("exit", "stop", "crash", "hang", "failed-start", "lost")

Row = dict[str, Any]


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def _parse(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp.replace("Z", "+00:00"))


class RunLog:
    """Start, mark and end runs in a catalogue (a ``Catalogue`` or an open ``sqlite3``
    connection to one); see the module docstring."""

    def __init__(self, catalogue: Any) -> None:
        db = getattr(catalogue, "db", None)
        self.conn: sqlite3.Connection = db.conn if db is not None else catalogue

    @classmethod
    def open(cls, path: Path) -> RunLog:
        """On its own connection to the catalogue file at ``path`` (already upgraded)."""
        return cls(sqlite3.connect(path, timeout=10.0))

    def close(self) -> None:
        self.conn.close()

    def _write(self, sql: str, args: tuple | list) -> sqlite3.Cursor:
        if self.conn.in_transaction:  # the caller's transaction (tests, reports) commits it
            return self.conn.execute(sql, args)
        with self.conn:  # committed at once: the kiosk child reads and writes too
            return self.conn.execute(sql, args)

    def start(
        self,
        *,
        pid: int,
        safe_since: str | None = None,
        resume_key: str | None = None,
        started_at: str | None = None,
    ) -> int:
        cursor = self._write(
            "INSERT INTO runs (started_at, pid, safe_mode, safe_since, resume_key) "
            "VALUES (?, ?, ?, ?, ?)",
            (started_at or now_iso(), pid, int(safe_since is not None), safe_since, resume_key),
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def first_frame(self, run_id: int, at: str | None = None) -> None:
        self._write("UPDATE runs SET first_frame_at = ? WHERE id = ?", (at or now_iso(), run_id))

    def beat(self, run_id: int, at: str, key: str | None) -> None:
        """Note that the run was alive at ``at`` (the supervisor does so now and then)."""
        self._write(
            "UPDATE runs SET last_beat_at = ?, last_key = ? WHERE id = ?", (at, key, run_id)
        )

    def end(
        self,
        run_id: int,
        how: str,
        *,
        exit_code: int | None = None,
        signal: int | None = None,
        last_key: str | None = None,
        last_beat_at: str | None = None,
        ended_at: str | None = None,
    ) -> None:
        if how not in ENDINGS:
            raise ValueError(f"unknown ending {how!r}; known: {', '.join(ENDINGS)}")
        self._write(
            "UPDATE runs SET ended_at = ?, ended_how = ?, exit_code = ?, signal = ?, "
            "last_key = ?, last_beat_at = ? WHERE id = ?",
            (ended_at or now_iso(), how, exit_code, signal, last_key, last_beat_at, run_id),
        )

    def close_left_open(self, at: str | None = None) -> int:
        """Runs a vanished supervisor never ended are ``lost`` (ended at their last beat)."""
        cursor = self._write(
            "UPDATE runs SET ended_how = 'lost', ended_at = COALESCE(last_beat_at, ?) "
            "WHERE ended_at IS NULL",
            (at or now_iso(),),
        )
        return cursor.rowcount

    def end_visits_left_open(self, since: str, at: str) -> int:
        """End the visitor sessions a run left open (started at ``since`` or later) at ``at``.

        A session cannot end before it started: such a one ends when it started.
        """
        cursor = self._write(
            "UPDATE sessions SET ended_at = MAX(started_at, ?) "
            "WHERE ended_at IS NULL AND started_at >= ?",
            (at, since),
        )
        return cursor.rowcount

    def cut_short(self, key: str, since: str, at: str, how: str) -> bool:
        """Record the loop's showing of ``key`` from ``since`` that a crash or hang (``how``)
        ended at ``at`` as failed (the kiosk writes a showing only when it ends)."""
        found = self.conn.execute("SELECT id FROM items WHERE key = ?", (key,)).fetchone()
        if found is None:
            return False
        seconds = round(max(0.0, (_parse(at) - _parse(since)).total_seconds()), 3)
        why = "the kiosk crashed" if how == "crash" else "the kiosk stopped answering"
        self._write(
            "INSERT INTO plays (item_id, item_key, started_at, ended_at, seconds, context, "
            "outcome, reason) VALUES (?, ?, ?, ?, ?, 'loop', 'failed', ?)",
            (found[0], key, since, max(at, since), seconds, f"{why} while showing it"),
        )
        return True

    def runs(self) -> list[Row]:
        cursor = self.conn.execute("SELECT * FROM runs ORDER BY id")
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
