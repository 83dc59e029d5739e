"""Which bundles a kiosk applied, and which items each signer's bundles brought (the
``0006_bundles`` tables): for refusing an older bundle and for a full bundle's hiding."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from kiosk.bundles.manifest import Manifest
from kiosk.catalog import Catalogue
from kiosk.catalog.changes import ChangeLog
from kiosk.catalog.store import Row, now_iso


class Ledger:
    def __init__(self, catalogue: Catalogue, changes: ChangeLog) -> None:
        self.catalogue = catalogue
        self.changes = changes

    def last(self, signer: str) -> Row | None:
        """The bundle from ``signer`` applied last (a forced older one included)."""
        rows = self.catalogue.db["bundles"].rows_where(
            "signer = ?", [signer], order_by="id DESC", limit=1
        )
        return next(iter(rows), None)

    def applied(self) -> list[Row]:
        return list(self.catalogue.db["bundles"].rows_where(order_by="id"))

    def record(
        self,
        manifest: Manifest,
        *,
        file_name: str,
        manifest_sha256: str,
        item_ids: Iterable[int],
        counts: Mapping[str, int],
        forced: bool,
    ) -> int:
        """Note the bundle and its items (inside the caller's transaction); a full bundle
        hides the signer's items it no longer holds. Items it brings back that a full
        bundle hid are shown again. Returns how many items were hidden."""
        db, signer = self.catalogue.db, manifest.key_id
        holds = set(item_ids)
        bundle_id = (
            db["bundles"]
            .insert(
                {
                    "signer": signer,
                    "version": manifest.version,
                    "created": manifest.created,
                    "applied_at": now_iso(),
                    "file_name": file_name,
                    "full": int(manifest.full),
                    "forced": int(forced),
                    "manifest_sha256": manifest_sha256,
                    "files": len(manifest.files),
                    "bytes": manifest.total_bytes,
                    "imported": counts.get("imported", 0),
                    "updated": counts.get("updated", 0),
                    "unchanged": counts.get("unchanged", 0),
                    "hidden": 0,
                }
            )
            .last_pk
        )
        brought = {
            r["item_id"]: r["hidden"] for r in db["bundle_items"].rows_where("signer = ?", [signer])
        }
        for item_id in sorted(holds):
            if brought.get(item_id):
                self._set_enabled(item_id, True)
            db["bundle_items"].upsert(
                {"signer": signer, "item_id": item_id, "bundle_id": bundle_id, "hidden": 0},
                pk=("signer", "item_id"),
            )
        hidden = 0
        if manifest.full:
            for item_id in sorted(set(brought) - holds):
                # Only what this hides is shown again later, not what the operator hid.
                if self._set_enabled(item_id, False):
                    hidden += 1
                    db["bundle_items"].update((signer, item_id), {"hidden": 1})
            db["bundles"].update(bundle_id, {"hidden": hidden})
        return hidden

    def _set_enabled(self, item_id: int, enabled: bool) -> int:
        """Show or hide an item, noted in the changes; 1 when it changed."""
        item = self.catalogue.item(item_id)
        if item is None or bool(item["enabled"]) == enabled:
            return 0
        self.catalogue.update_item(item_id, {"enabled": int(enabled)})
        self.changes.record_update(item, {"enabled": int(enabled)})
        return 1
