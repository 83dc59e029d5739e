"""The runs table: every kiosk process the supervisor started, and how it ended.

Written only by the supervisor (``kiosk.supervisor``), read by reports; the
columns are described with the ``0003_runs`` migration in ``schema.py``.
Timestamps are ISO 8601 in UTC with milliseconds, like the play records.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from kiosk.catalog.store import Catalogue, Row, now_iso

#: How a run can end (the ``ended_how`` column).
ENDINGS = ("exit", "stop", "crash", "hang", "failed-start", "lost")


def _parse(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp.replace("Z", "+00:00"))


class RunLog:
    """Start, mark and end runs in ``catalogue``; see the module docstring."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue

    @property
    def _table(self):
        return self.catalogue.db["runs"]

    def start(
        self,
        *,
        pid: int,
        safe_since: str | None = None,
        resume_key: str | None = None,
        started_at: str | None = None,
    ) -> int:
        row = {
            "started_at": started_at or now_iso(),
            "pid": pid,
            "safe_mode": int(safe_since is not None),
            "safe_since": safe_since,
            "resume_key": resume_key,
        }
        return self._table.insert(row).last_pk

    def first_frame(self, run_id: int, at: str | None = None) -> None:
        self._table.update(run_id, {"first_frame_at": at or now_iso()})

    def beat(self, run_id: int, at: str, key: str | None) -> None:
        """Note that the run was alive at ``at`` (the supervisor does so now and then)."""
        self._table.update(run_id, {"last_beat_at": at, "last_key": key})

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
        fields: dict[str, Any] = {
            "ended_at": ended_at or now_iso(),
            "ended_how": how,
            "exit_code": exit_code,
            "signal": signal,
            "last_key": last_key,
            "last_beat_at": last_beat_at,
        }
        self._table.update(run_id, fields)

    def close_left_open(self, at: str | None = None) -> int:
        """Runs a vanished supervisor never ended are ``lost`` (ended at their last beat)."""
        open_runs = list(self._table.rows_where("ended_at IS NULL", select="id, last_beat_at"))
        for row in open_runs:
            self._table.update(
                row["id"], {"ended_how": "lost", "ended_at": row["last_beat_at"] or at or now_iso()}
            )
        return len(open_runs)

    def end_visits_left_open(self, since: str, at: str) -> int:
        """End the visitor sessions a run left open (started at ``since`` or later) at ``at``.

        A session cannot end before it started: such a one ends when it started.
        """
        cursor = self.catalogue.db.execute(
            "UPDATE sessions SET ended_at = MAX(started_at, ?) "
            "WHERE ended_at IS NULL AND started_at >= ?",
            [at, since],
        )
        return cursor.rowcount

    def cut_short(self, key: str, since: str, at: str, how: str) -> bool:
        """Record the loop's showing of ``key`` from ``since`` that a crash or hang (``how``)
        ended at ``at`` as failed (the kiosk writes a showing only when it ends)."""
        item = self.catalogue.item(key)
        if item is None:
            return False
        seconds = max(0.0, (_parse(at) - _parse(since)).total_seconds())
        why = "the kiosk crashed" if how == "crash" else "the kiosk stopped answering"
        self.catalogue.record_play(
            item,
            started_at=since,
            ended_at=max(at, since),
            seconds=seconds,
            context="loop",
            outcome="failed",
            reason=f"{why} while showing it",
        )
        return True

    def runs(self) -> list[Row]:
        return list(self._table.rows_where(order_by="id"))
