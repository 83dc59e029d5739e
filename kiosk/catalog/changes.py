"""The changes table: every change to the content, from any path, for the report.

Written by whatever changes items (the importer, the operator panel, bundles);
read by reports.  The columns are described with the ``0005_changes`` migration
in ``schema.py``.  Timestamps are ISO 8601 in UTC, like the play records.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from kiosk.catalog.store import Catalogue, Row, now_iso

#: What a change can be (the ``action`` column).
ACTIONS = ("added", "changed", "shown", "hidden", "deleted")

#: Where a change can come from (the ``source`` column): ``kiosk import`` (a sheet
#: or a folder), a USB stick through the panel, a signed bundle, the watch folder,
#: the operator panel's Content page, the demo builder.
SOURCES = ("import", "usb", "bundle", "watch", "panel", "demo")

# Fields whose change is an item being shown or hidden rather than edited.
_SHOWN_FIELD = "enabled"
_BOOKKEEPING = frozenset({"origin", "updated_at", "created_at", "id"})


class ChangeLog:
    """Record and read content changes made through ``source``; see the module docstring."""

    def __init__(self, catalogue: Catalogue, source: str = "import") -> None:
        if source not in SOURCES:
            raise ValueError(f"unknown change source {source!r}")
        self.catalogue = catalogue
        self.source = source

    def record(
        self,
        action: str,
        item: Mapping[str, Any],
        *,
        origin: str | None = None,
        fields: Iterable[str] = (),
        at: str | None = None,
    ) -> None:
        """Note that ``item`` (its row as it is, or was for a deletion) was ``action``-ed."""
        if action not in ACTIONS:
            raise ValueError(f"unknown change action {action!r}")
        names = sorted(set(fields) - _BOOKKEEPING)
        self.catalogue.db["changes"].insert(
            {
                "at": at or now_iso(),
                "action": action,
                "source": self.source,
                "origin": origin,
                "item_key": item.get("key"),
                "kind": item.get("kind"),
                "title_zh": item.get("title_zh"),
                "title_en": item.get("title_en"),
                "fields": ",".join(names) or None,
            }
        )

    def record_update(
        self, before: Mapping[str, Any], changed: Mapping[str, Any], *, origin: str | None = None
    ) -> None:
        """Note an update of ``before`` by ``changed``: shown or hidden when ``enabled``
        flips, changed for any other field (both, when both happened)."""
        after = {**before, **changed}
        if _SHOWN_FIELD in changed and bool(changed[_SHOWN_FIELD]) != bool(before.get("enabled")):
            self.record("shown" if changed[_SHOWN_FIELD] else "hidden", after, origin=origin)
        others = set(changed) - {_SHOWN_FIELD} - _BOOKKEEPING
        if others:
            self.record("changed", after, origin=origin, fields=others)

    def changes(self, since: str | None = None, until: str | None = None) -> list[Row]:
        """Changes in time order, optionally from ``since`` (inclusive) to ``until`` (exclusive)."""
        where, args = [], []
        if since:
            where.append("at >= ?")
            args.append(since)
        if until:
            where.append("at < ?")
            args.append(until)
        rows = self.catalogue.db["changes"].rows_where(
            " AND ".join(where) or None, args, order_by="at, id"
        )
        return list(rows)
