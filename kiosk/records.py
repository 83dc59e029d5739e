"""Proof of play and visitor sessions: what was shown, when, for how long, and how it ended.

Plain Python over the catalogue API.  Every showing is written when it ends
(one row, never updated), so a crash loses at most the showing in progress.
Seconds come from a monotonic clock, timestamps from the wall clock (UTC).
No personal data: a session is a start, an end, the screens visited, the languages used
and whether large text was on.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from kiosk.catalog import Catalogue
from kiosk.catalog.visits import VisitLog

log = logging.getLogger(__name__)


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Showing:
    item: dict[str, Any]
    context: str  # "loop" | "visitor"
    started_at: datetime
    started_mono: float
    session_id: int | None
    done: bool = False


@dataclass
class _Session:
    id: int
    screens: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)  # in the order first used
    large: bool | None = None  # None: never told (written as not known)


class Recorder:
    def __init__(
        self,
        catalogue: Catalogue,
        *,
        wall: Callable[[], datetime] = _utc_now,
        mono: Callable[[], float] = time.monotonic,
    ) -> None:
        self.catalogue = catalogue
        self._visits = VisitLog(catalogue)
        self._wall = wall
        self._mono = mono
        self._session: _Session | None = None

    # ---------------------------------------------------------------- showings
    def begin(self, item: dict[str, Any], context: str) -> Showing:
        session = self._session.id if (self._session and context == "visitor") else None
        return Showing(item, context, self._wall(), self._mono(), session)

    def end(self, showing: Showing, outcome: str, reason: str | None = None) -> None:
        """Write the showing once; later calls for the same showing are ignored."""
        if showing.done:
            return
        showing.done = True
        seconds = max(0.0, self._mono() - showing.started_mono)
        ended = self._wall()
        try:
            self.catalogue.record_play(
                showing.item,
                started_at=showing.started_at.isoformat(timespec="milliseconds"),
                ended_at=ended.isoformat(timespec="milliseconds"),
                seconds=seconds,
                context=showing.context,
                outcome=outcome,
                reason=reason,
                session_id=showing.session_id,
            )
        except sqlite3.Error as e:  # a full disk must not stop the exhibition
            log.error("could not record the showing of %s: %s", showing.item.get("key"), e)

    # ---------------------------------------------------------------- sessions
    @property
    def in_session(self) -> bool:
        return self._session is not None

    def session_start(self) -> None:
        if self._session is None:
            try:
                sid = self._visits.start(self._wall().isoformat(timespec="milliseconds"))
            except sqlite3.Error as e:
                log.error("could not record a visitor session: %s", e)
                return
            self._session = _Session(sid)

    def session_screen(self, name: str) -> None:
        if self._session is not None and (
            not self._session.screens or self._session.screens[-1] != name
        ):
            self._session.screens.append(name)

    def session_choice(self, lang: str, large: bool) -> None:
        """The visitor's language and text size now (at the start and at every change)."""
        session = self._session
        if session is None:
            return
        if lang not in session.languages:
            session.languages.append(lang)
        session.large = bool(session.large) or large

    def session_end(self) -> None:
        if self._session is None:
            return
        session, self._session = self._session, None
        try:
            self._visits.end(
                session.id,
                session.screens,
                self._wall().isoformat(timespec="milliseconds"),
                languages=session.languages,
                large_text=session.large,
            )
        except sqlite3.Error as e:
            log.error("could not close the visitor session: %s", e)
