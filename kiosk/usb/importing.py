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
from kiosk.paths import Paths
from kiosk.settings import Content
from kiosk.strings import text
from kiosk.usb.drives import Stick, StickRemoved


def import_sources(
    catalogue: Catalogue,
    store: MediaStore,
    sources: Sequence[Path],
    progress: Progress,
    changes: ChangeLog,
    content: Content | None = None,
) -> Report:
    """The one call every import of a list of sources goes through: folders, files and
    sheets to the importer (refused one line each when ``[content] require_signed``), then
    each signed content bundle applied on its own, all of it or nothing (kiosk.bundles),
    its outcome one line in the same report."""
    from kiosk.bundles.apply import apply_bundle
    from kiosk.bundles.marker import is_bundle

    content = content or Content()
    bundles = [s for s in sources if s.is_file() and is_bundle(s)]
    others = [s for s in sources if s not in bundles]
    refused_others = others if content.require_signed else []
    report = Importer(catalogue, store, progress, changes).run(
        [s for s in others if s not in refused_others]
    )
    order = max((p.order for p in report.problems), default=(0, 0))[0]
    for source in refused_others:
        order += 1
        report.reject(
            Place(source.name, order=order), text("require_signed_refused", name=source.name)
        )
    paths = Paths.for_catalogue(catalogue.path) if catalogue.path else None
    for bundle in bundles:
        order += 1
        if paths is None:
            continue
        result = apply_bundle(paths, bundle, content, progress=progress, source="usb")
        if result.refused is not None:  # "NAME: why", of which the report names the place
            said = result.refused
            why = said.values.get("why", said) if said.key == "bundle_refused" else said
            report.reject(Place(bundle.name, order=order), why)
            continue
        assert result.applied is not None
        report.note(Place(bundle.name, order=order), _Unnamed(result.applied, bundle.name))
        if result.report is not None:
            report.counts.update(result.report.counts)
    return report


class _Unnamed:
    """A bundle's message without the bundle's name in front (the report's line names it)."""

    def __init__(self, said, name: str) -> None:
        self.said, self.name = said, name

    def render(self, lang: str) -> str:
        line = self.said.render(lang)
        for sep in ("：", ": "):
            if line.startswith(self.name + sep):
                return line[len(self.name) + len(sep) :]
        return line


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
        content: Content | None = None,
    ) -> None:
        self.content = content  # [content]: trusted keys, require_signed
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
                changes = ChangeLog(catalogue, "usb")
                return import_sources(
                    catalogue, self.store, sources, self._progress, changes, self.content
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
