"""Visitor sessions (the ``sessions`` table): when each visit started and ended, the screens
it opened, the languages it used and whether large text was on (``0007_visit_choices``).

Written by the kiosk's Recorder (kiosk.records), read by reports; no personal data.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the catalogue's own methods use this class
    from kiosk.catalog.store import Catalogue


class VisitLog:
    """Start and end visits in ``catalogue``."""

    def __init__(self, catalogue: Catalogue) -> None:
        self._table = catalogue.db["sessions"]

    def start(self, started_at: str) -> int:
        return self._table.insert({"started_at": started_at}).last_pk

    def end(
        self,
        session_id: int,
        screens: list[str],
        ended_at: str,
        *,
        languages: list[str] | None = None,
        large_text: bool | None = None,
    ) -> None:
        """Close a visit: its screens and, when known, the languages it used (in the order
        first used) and whether large text was ever on; None leaves them not known."""
        self._table.update(
            session_id,
            {
                "ended_at": ended_at,
                "screens": json.dumps(screens, ensure_ascii=False),
                "languages": ",".join(languages) if languages else None,
                "large_text": None if large_text is None else int(large_text),
            },
        )
