"""Applying a signed bundle: verified, unpacked into staging, imported all or nothing.

``apply_bundle(paths, file)`` is the one call for every path a bundle comes by (``kiosk
import``, the USB stick, the watch folder); its result prints as ``kiosk import`` does.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.bundles.archive import Limits, OpenBundle
from kiosk.bundles.keys import Keyring
from kiosk.bundles.ledger import Ledger
from kiosk.bundles.staging import Staging
from kiosk.catalog import Catalogue
from kiosk.catalog.changes import ChangeLog
from kiosk.catalog.files import MediaStore
from kiosk.catalog.report import Report
from kiosk.ingest.importer import LABELS, Importer, Plan
from kiosk.ingest.media import MediaPreparer
from kiosk.paths import Paths
from kiosk.settings import Content
from kiosk.strings import Refused, Text, text

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]


class BundleChanges(ChangeLog):
    """The changes a bundle makes, each with the bundle's file name as its origin."""

    def __init__(self, catalogue: Catalogue, file_name: str, source: str = "bundle") -> None:
        super().__init__(catalogue, source)
        self.file_name = file_name

    def record(self, action: str, item: Any, *, origin: str | None = None, **rest: Any) -> None:
        super().record(action, item, origin=self.file_name, **rest)


@dataclass
class BundleResult:
    """What became of one bundle: applied (``applied``) or refused (``refused``, one
    line), after the rows and files its import refused or noted, if it got that far."""

    name: str
    refused: Text | None = None
    applied: Text | None = None
    report: Report | None = None

    @property
    def exit_code(self) -> int:
        return 1 if self.refused is not None else 0

    def lines(self, lang: str) -> list[str]:
        """What ``kiosk import`` prints for it."""
        last = self.refused or self.applied
        assert last is not None
        if self.report is None:
            return [last.render(lang)]
        return self.report.lines(lang, last, LABELS)


def keyring_for(paths: Paths, content: Content) -> Keyring:
    """The keys ``kiosk trust`` added and those ``[content] trusted_keys`` names (relative
    paths from the data folder)."""
    return Keyring(paths.trusted_keys, [paths.data_dir / p for p in content.trusted_keys])


def apply_bundle(
    paths: Paths,
    bundle: Path,
    content: Content,
    *,
    force: bool = False,
    progress: Progress | None = None,
    source: str = "bundle",
) -> BundleResult:
    """Apply the bundle file ``bundle`` to the catalogue of ``paths``; ``source`` is how it
    came, for the changes table (``bundle``; the watch folder may say ``watch``)."""
    with Catalogue.open(paths.catalogue) as catalogue:
        applier = BundleApplier(
            catalogue,
            MediaStore.at(paths),
            keyring_for(paths, content),
            Staging(paths.bundle_staging),
            progress=progress,
            source=source,
        )
        return applier.apply(bundle, force=force)


class BundleApplier:
    def __init__(
        self,
        catalogue: Catalogue,
        store: MediaStore,
        keyring: Keyring,
        staging: Staging,
        *,
        limits: Limits | None = None,
        progress: Progress | None = None,
        source: str = "bundle",
    ) -> None:
        self.catalogue = catalogue
        self.store = store
        self.keyring = keyring
        self.staging = staging
        self.limits = limits or Limits()
        self.progress = progress
        self.source = source

    def apply(self, path: Path, *, force: bool = False) -> BundleResult:
        name = path.name
        try:
            with (
                self.staging.area() as root,
                OpenBundle(path, self.keyring, self.limits) as bundle,
            ):
                return self._apply(bundle, root, force)
        except Refused as e:
            return BundleResult(name, refused=e.text)
        except OSError as e:  # the disk is full, the stick was pulled out
            why = text("bundle_unreadable", why=e.strerror or e)
            return BundleResult(name, refused=text("bundle_refused", name=name, why=why))

    def _apply(self, bundle: OpenBundle, root: Path, force: bool) -> BundleResult:
        cat, manifest, name = self.catalogue, bundle.manifest, bundle.name
        changes = BundleChanges(cat, name, self.source)
        ledger = Ledger(cat, changes)
        last = ledger.last(manifest.key_id)
        if last is not None and manifest.version <= last["version"] and not force:
            raise bundle.refused(
                "bundle_same" if manifest.version == last["version"] else "bundle_older",
                version=manifest.version,
                last=last["version"],
                day=last["applied_at"][:10],
            )
        hashes = bundle.extract(root, self.progress)
        media = MediaPreparer(cat, self.store, verified=hashes, move=True)
        importer = Importer(cat, self.store, self.progress, changes=changes, media=media)
        plan = importer.read([root / source for source in manifest.sources])
        self._confine(plan, root)
        if plan.report.ok:  # the rows are read: only then the files
            importer.prepare(plan)
        if not plan.report.ok:
            why = text("bundle_rows_refused", n=len(plan.report.errors))
            refused = text("bundle_refused", name=name, why=why)
            return BundleResult(name, refused=refused, report=plan.report)
        with cat.transaction():
            item_ids = importer.write(plan)
            hidden = ledger.record(
                manifest,
                file_name=name,
                manifest_sha256=hashlib.sha256(bundle.manifest_bytes).hexdigest(),
                item_ids=item_ids,
                counts=plan.report.counts,
                forced=last is not None and manifest.version <= last["version"],
            )
        log.info("bundle %s applied (key %s, version %d)", name, bundle.signer, manifest.version)
        applied = text(
            "bundle_applied",
            name=name,
            key_id=bundle.signer,
            version=manifest.version,
            full=text("bundle_full") if manifest.full else "",
            hidden=hidden,
            **plan.report.counts,
        )
        return BundleResult(name, applied=applied, report=plan.report)

    @staticmethod
    def _confine(plan: Plan, root: Path) -> None:
        """A row of a bundle's sheet may only name files inside the bundle."""
        inside = root.resolve()
        for entry in plan.entries:
            for col in ("file", "subtitles"):
                named = getattr(entry, col)
                if named is not None and inside not in Path(named).resolve().parents:
                    why = text("bundle_outside", col=entry.col(col), value=entry.values.get(col))
                    plan.reader.refuse(entry, why)
