"""Importing from a stick: all of it or nothing, and nothing at all if it is pulled out.

The import runs on a worker thread with a catalogue connection of its own (SQLite
connections belong to one thread), so the kiosk's screens read the old catalogue until
the import's one transaction commits.  The importer calls its progress callback before
every file and once after the last, before it writes anything: there the stick is
looked at, and if it has gone, ``StickRemoved`` abandons the import.  The files already
stored stay in the content store, unused, for the next import to reuse.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from kiosk.catalog import Catalogue
from kiosk.catalog.changes import ChangeLog
from kiosk.catalog.files import MediaStore
from kiosk.catalog.report import Place, Report
from kiosk.ingest.importer import Importer, Progress
from kiosk.strings import text
from kiosk.usb.contents import BUNDLE_SUFFIX
from kiosk.usb.drives import Stick, StickRemoved


def import_sources(
    catalogue: Catalogue,
    store: MediaStore,
    sources: Sequence[Path],
    progress: Progress,
    changes: ChangeLog,
) -> Report:
    """The one call every import of a list of sources goes through: folders, files and
    sheets to the importer; content bundles, which this version cannot verify yet, are
    each refused in one line (signed bundles are to be applied here)."""
    bundles = [s for s in sources if s.suffix.lower() == BUNDLE_SUFFIX and s.is_file()]
    report = Importer(catalogue, store, progress, changes).run(
        [s for s in sources if s not in bundles]
    )
    last = max((p.order for p in report.problems), default=(0, 0))[0]
    for n, bundle in enumerate(bundles, start=1):
        report.reject(Place(bundle.name, order=last + n), text("usb_bundle_not_yet"))
    return report


class StickImport:
    """One import from ``stick`` into the catalogue file at ``catalogue_path``."""

    def __init__(
        self,
        catalogue_path: Path,
        store: MediaStore,
        stick: Stick,
        progress: Progress,
        *,
        before_each: Callable[[int, int], None] = lambda done, total: None,
    ) -> None:
        self.catalogue_path = catalogue_path
        self.store = store
        self.stick = stick
        self.progress = progress
        # Called on the worker thread before the stick is looked at (tests pull it out here).
        self.before_each = before_each

    def run(self, sources: Sequence[Path]) -> Report:
        """Import ``sources`` (read from the stick); ``StickRemoved`` if it went."""
        with Catalogue.open(self.catalogue_path, create=False) as catalogue:
            try:
                return import_sources(
                    catalogue, self.store, sources, self._progress, ChangeLog(catalogue, "usb")
                )
            except StickRemoved:
                self.store.clear_staging()
                raise
            except OSError as e:  # reading a sheet or walking a folder as it went
                if not self.stick.present():
                    self.store.clear_staging()
                    raise StickRemoved from e
                raise

    def _progress(self, done: int, total: int, label: str) -> None:
        self.before_each(done, total)
        if not self.stick.present():
            raise StickRemoved
        self.progress(done, total, label)
