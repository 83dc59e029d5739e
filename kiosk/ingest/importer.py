"""``kiosk import``: folders, files and sheets into the catalogue, all or nothing.

Two phases.  First every media file is validated for real and its original
and renditions are written to the content-addressed store (each appears under
its final name only when complete).  Then every row is written to the
catalogue in ONE transaction.  A kill at any moment leaves either the old
catalogue or the new one; at worst some stored files that nothing uses yet,
which the next import reuses.

Importing the same sources again changes nothing: a row is found again by its
key, else by its file, else by its kind and title.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.catalog import Catalogue
from kiosk.catalog.changes import ChangeLog
from kiosk.catalog.files import MediaStore
from kiosk.catalog.model import FILE_KIND, ITEM_FIELDS
from kiosk.catalog.report import Place, Report
from kiosk.ingest import dvd
from kiosk.ingest import rows as rowlib
from kiosk.ingest.entries import NEEDS_FILE, Entry, RowReader
from kiosk.ingest.errors import RejectedFile
from kiosk.ingest.lyrics import LYRICS_SUFFIXES
from kiosk.ingest.media import MediaPreparer
from kiosk.ingest.sheets import SheetError, read_sheets
from kiosk.ingest.sources import SUBTITLE_SUFFIXES, Sources
from kiosk.strings import Joined, Text, text

log = logging.getLogger(__name__)
SHEET_ROW_ORIGIN = re.compile(r" row \d+$")

Progress = Callable[[int, int, str], None]

# How ``Report.lines`` labels what an import left out, and its notes.
LABELS = {"error": "rejected_line", "note": "note_line"}


@dataclass
class Plan:
    """One import between its steps: what was found, and the entries still in it."""

    report: Report
    reader: RowReader
    entries: list[Entry]


def import_summary(report: Report) -> Text:
    return text("import_summary", **report.counts, rejected=len(report.rejected))


def import_lines(report: Report, lang: str) -> list[str]:
    """The refusals and notes in reading order, then the summary: what ``kiosk import`` prints."""
    return report.lines(lang, import_summary(report), LABELS)


class Importer:
    def __init__(
        self,
        catalogue: Catalogue,
        store: MediaStore,
        progress: Progress | None = None,
        changes: ChangeLog | None = None,
        media: MediaPreparer | None = None,
    ) -> None:
        self.catalogue = catalogue
        self.store = store
        # Where the content comes from, for the changes table (``kiosk import`` by default).
        self.changes = changes or ChangeLog(catalogue, "import")
        self.media = media or MediaPreparer(catalogue, store)
        self.progress = progress or (lambda done, total, label: None)

    # ------------------------------------------------------------- discovery
    def run(self, sources: Iterable[Path]) -> Report:
        plan = self.read(sources)
        self.prepare(plan)
        self.write(plan)
        self.store.clear_staging()
        return plan.report

    def read(self, sources: Iterable[Path]) -> Plan:
        """Find the sources' files and read their sheets' rows; nothing is stored yet."""
        report = Report(Counter(imported=0, updated=0, unchanged=0, duplicates=0))
        found = self.sources = Sources(sources)
        for src in found.missing:
            report.reject(Place(str(src)), text("no_such"))
        self.store.clear_staging()

        reader = RowReader(report)
        entries: list[Entry] = []
        order = 0
        for path in found.sheets:
            order += 1
            try:
                tables = read_sheets(path)
            except SheetError as e:
                report.reject(Place(self.sources.where(path), order=order), e.text)
                continue
            for table in tables:
                order += 1
                if table.ignored_columns:
                    report.note(Place(table.name, order=order), _ignored(table.ignored_columns))
                entries += reader.read(table, order)
        entries += self._loose_entries(found.loose, reader.claimed, order, report)
        return Plan(report, reader, entries)

    def prepare(self, plan: Plan) -> None:
        """Check and store every file, then the links; refused entries leave the plan."""
        report, reader = plan.report, plan.reader
        self._prepare_all(plan.entries, report, reader)
        entries = [e for e in plan.entries if not report.is_rejected(e.where)]
        plan.entries = self._check_links(entries, report, reader)

    def write(self, plan: Plan) -> list[int]:
        """Write the plan in one transaction (a savepoint inside a caller's); the ids of
        the items its entries are, new or already there."""
        return self._write(plan.entries, plan.report)

    def _loose_entries(
        self, loose: list[Path], claimed: set[Path], order: int, report: Report
    ) -> list[Entry]:
        """Media files no sheet row names: the folder says the kind, a same-named .srt
        beside a film is its subtitles (beside a DVD folder, one named after the disc), a
        same-named .lrc beside a song its lyrics."""
        loose_set = {p.resolve() for p in loose} - claimed
        subtitles = {p for p in loose_set if p.suffix.lower() in SUBTITLE_SUFFIXES}
        lyrics = {p for p in loose_set if p.suffix.lower() in LYRICS_SUFFIXES}
        entries = []
        for path in sorted(loose_set - subtitles - lyrics):
            order += 1
            folder_kind = self.sources.kind_from_folder(path)
            entry = Entry(Place(self.sources.where(path), order=order), {}, file=path)
            entry.kind = entry.folder_kind = folder_kind
            named = {path.with_suffix("")}
            if dvd.is_dvd_folder(path):  # 镜鉴/镜鉴.srt beside 镜鉴/VIDEO_TS
                named.add(path.parent / dvd.film_name(path))
            entry.subtitles = _take_named(subtitles, named)
            entry.lyrics = _take_named(lyrics, {path.with_suffix("")})
            entry.lyrics_beside = entry.lyrics is not None
            entries.append(entry)
        for orphans, why in ((subtitles, "orphan_subtitles"), (lyrics, "orphan_lyrics")):
            for path in sorted(orphans):
                order += 1
                report.reject(Place(self.sources.where(path), order=order), text(why))
        return entries

    # ------------------------------------------------------------------ media
    def _prepare_all(self, entries: list[Entry], report: Report, reader: RowReader) -> None:
        files = [e for e in entries if e.file is not None]
        for n, entry in enumerate(files, start=1):
            assert entry.file is not None
            self.progress(n - 1, len(files), self.sources.where(entry.file))
            problem = self._prepare(entry)
            if problem is not None:
                reader.refuse(entry, problem)
            else:
                for prepared in (entry.media, entry.subs):
                    # e.g. which page of a PDF is shown, a line of lyrics left out
                    for note in prepared.notes if prepared is not None else ():
                        report.note(entry.where, note)
            # With -v: where an interrupted import had got to (the kill test waits for these).
            log.debug(
                "import: file %d of %d done: %s", n, len(files), self.sources.where(entry.file)
            )
        if files:
            self.progress(len(files), len(files), "")

    def _prepare(self, entry: Entry) -> Text | None:
        """Store an entry's file and subtitles (or lyrics); what is wrong with them, if anything."""
        assert entry.file is not None
        timed = (("file", entry.file), ("subtitles", entry.subtitles), ("lyrics", entry.lyrics))
        for col, path in timed:
            if path is None:
                continue
            if col == "lyrics" and entry.kind != "song":  # (the last column)
                # an .lrc found beside a file that is no song is not its lyrics
                said = text("lyrics_only_songs", col=entry.col(col))
                return None if entry.lyrics_beside else said
            try:
                if col == "file":
                    entry.media = self.media.prepare(path)
                    _check_kind(entry)
                else:
                    media = self.media
                    prepare = media.prepare_lyrics if col == "lyrics" else media.prepare_subtitles
                    entry.subs = prepare(path)
            except RejectedFile as e:
                return _file_problem(entry, col, path, e.text)
            except OSError as e:
                why = text("cannot_read", name=path.name, why=e.strerror or e)
                return _file_problem(entry, col, path, why)
        return None

    # ------------------------------------------------------------------ links
    def _check_links(self, entries: list[Entry], report: Report, reader: RowReader) -> list[Entry]:
        """Refuse rows that link to keys that exist neither in the catalogue nor here;
        a link to a row refused in this import says so, naming that row."""
        known = self.catalogue.keys()
        while True:
            available = known | {e.key for e in entries if e.key and e.kind != rowlib.MAP_KIND}
            broken = []
            for e in entries:
                problems = []
                for col, keys in (("links", e.links), ("topics", e.topics)):
                    missing = sorted({k for k in keys if k not in available})
                    unknown = [k for k in missing if k not in reader.refused_keys]
                    if unknown:
                        problems.append(text("links_unknown", col=e.col(col), keys=Joined(unknown)))
                    for k in missing:
                        if k in reader.refused_keys:
                            problems.append(
                                text(
                                    "links_knock_on",
                                    col=e.col(col),
                                    key=k,
                                    other=reader.refused_keys[k],
                                )
                            )
                if problems:
                    broken.append((e, problems))
            if not broken:
                return entries
            for e, problems in broken:
                reader.refuse(e, *problems)
            bad = {id(e) for e, _ in broken}
            entries = [e for e in entries if id(e) not in bad]

    # ------------------------------------------------------------------ write
    def _write(self, entries: list[Entry], report: Report) -> list[int]:
        cat = self.catalogue
        media_owner: dict[str, Place] = {}  # sha -> where, within this import
        written: list[tuple[Entry, int]] = []
        already: list[int] = []  # items whose file was imported before
        with cat.transaction():
            log.debug("import: writing %d entries in one transaction", len(entries))
            for entry in entries:
                if entry.kind == rowlib.MAP_KIND:
                    self._write_map(entry, report)
                    continue
                fields = {k: v for k, v in entry.fields.items() if k in ITEM_FIELDS}
                fields["kind"] = entry.kind
                existing = cat.item(entry.key) if entry.key else None
                if entry.media is not None:
                    sha = entry.media.sha256
                    if sha in media_owner:
                        report.counts["duplicates"] += 1
                        report.note(entry.where, text("same_file_as", other=media_owner[sha]))
                        continue
                    media_owner[sha] = entry.where
                    fields["media_id"] = self.media.media_id(entry.media)
                    owner = self._owner(fields["media_id"])
                    if existing is None and owner is not None:
                        # The same file imported again is the same item.
                        if not entry.values and not self._moved(entry, owner, report):
                            report.counts["duplicates"] += 1
                            report.note(entry.where, text("already_in"))
                            already.append(owner["id"])
                            continue
                        existing = owner
                elif existing is None and entry.key is None:
                    title_zh, title_en = entry.fields.get("title_zh"), entry.fields.get("title_en")
                    existing = cat.item_titled(entry.kind or "", title_zh, title_en)
                if entry.subs is not None:
                    fields["subtitles_id"] = self.media.media_id(entry.subs)
                if existing is None:
                    fields.setdefault("key", self._new_key(entry, cat.item))
                # A sheet key given to an item first imported without one renames it.
                item_id = self._save(
                    entry, fields, existing, cat.upsert_item, cat.update_item, report, self.changes
                )
                written.append((entry, item_id))
            for entry, item_id in written:
                for keys, relation in ((entry.links, "related"), (entry.topics, "topic")):
                    for key in keys:
                        target = cat.item(key)
                        assert target is not None  # checked by _check_links
                        cat.link(item_id, target["id"], relation)
        log.debug("import: transaction committed")
        return [item_id for _, item_id in written] + already

    @staticmethod
    def _moved(entry: Entry, owner: dict[str, Any], report: Report) -> bool:
        """A file without a row, moved to a folder of another media kind, changes kind
        (unless a sheet row gave it its kind)."""
        new, old = entry.folder_kind, owner["kind"]
        if new is None or new == old or new not in FILE_KIND or old not in FILE_KIND:
            return False
        if FILE_KIND[new] != FILE_KIND[old] or SHEET_ROW_ORIGIN.search(owner["origin"] or ""):
            return False
        said = text("kind_moved", old=text(f"kind_word_{old}"), new=text(f"kind_word_{new}"))
        report.note(entry.where, said)
        return True

    def _write_map(self, entry: Entry, report: Report) -> None:
        """Add or update a region map: by its key, else as the map already showing this file."""
        cat = self.catalogue
        assert entry.media is not None
        fields = dict(entry.fields)
        fields["media_id"] = self.media.media_id(entry.media)
        if "key" in fields:
            existing = cat.map(fields["key"])
        else:
            same_file = (
                m for m in cat.maps(enabled_only=False) if m["media_id"] == fields["media_id"]
            )
            existing = next(same_file, None)
            fields["key"] = existing["key"] if existing else self._new_key(entry, cat.map)

        def update(_map_id: int, changed: dict[str, Any]) -> None:
            cat.upsert_map({**changed, "key": fields["key"]})

        self._save(entry, fields, existing, cat.upsert_map, update, report)

    def _save(
        self,
        entry: Entry,
        fields: dict[str, Any],
        existing: dict[str, Any] | None,
        insert: Callable[[dict[str, Any]], tuple[int, bool]],
        update: Callable[[int, dict[str, Any]], None],
        report: Report,
        changes: ChangeLog | None = None,
    ) -> int:
        """Insert a new row or update the changed fields of ``existing``; returns its id.
        An item's insertion or update is noted in ``changes``."""
        origin = str(entry.where)
        if existing is None:
            if not fields.get("title_zh") and not fields.get("title_en"):
                assert entry.file is not None
                fields["title_zh"] = _stem(entry.file).replace("_", " ").strip()
            row_id, _ = insert({**fields, "origin": origin})
            report.counts["imported"] += 1
            if changes is not None:
                changes.record("added", fields, origin=origin)
            return row_id
        changed = {k: v for k, v in fields.items() if existing.get(k) != v}
        if changed:
            update(existing["id"], {**changed, "origin": origin})
            report.counts["updated"] += 1
            if changes is not None:
                changes.record_update(existing, changed, origin=origin)
        else:
            report.counts["unchanged"] += 1
        return existing["id"]

    def _owner(self, media_id: int) -> dict[str, Any] | None:
        rows = list(
            self.catalogue.db["items"].rows_where("media_id = ?", [media_id], order_by="id")
        )
        return rows[0] if rows else None

    def _new_key(self, entry: Entry, taken: Callable[[str], object]) -> str:
        base_text = entry.fields.get("title_en") or entry.fields.get("title_zh")
        if not base_text and entry.file is not None:
            base_text = _stem(entry.file)
        base = f"{entry.kind}-{rowlib.slugify(base_text or 'item')}"
        key, n = base, 2
        while taken(key) is not None:
            key, n = f"{base}-{n}", n + 1
        return key


def _check_kind(entry: Entry) -> None:
    assert entry.file is not None and entry.media is not None
    expected = NEEDS_FILE.get(entry.kind or "")
    have = entry.media.kind
    if entry.kind is None:
        entry.kind = entry.media.default_kind
    elif expected is None and have != "image":
        raise RejectedFile("only_image", kind=text(f"kind_word_{entry.kind}"))
    elif expected is not None and expected != have:
        raise RejectedFile(
            "kind_needs",
            kind=text(f"kind_word_{entry.kind}"),
            need=text(_FILE_WORD[expected]),
            name=entry.file.name,
            have=text(_FILE_WORD.get(have, "an_image")),
        )


# How the operator's line names a kind of stored file ("a song needs an audio file").
_FILE_WORD = {"video": "a_video", "image": "an_image", "audio": "an_audio"}


def _take_named(pool: set[Path], named: set[Path]) -> Path | None:
    """The file of ``pool`` whose name without suffix is one of ``named`` (taken out)."""
    for path in sorted(pool):
        if path.with_suffix("") in named:
            pool.discard(path)
            return path
    return None


def _file_problem(entry: Entry, col: str, path: Path, why: Text) -> Text:
    """What is wrong with the file of an entry's ``col``, said for the operator."""
    if col in entry.values and not (col == "file" and entry.media is not None):
        # On a row, say which column and name the file as the row wrote it.
        return text("row_file", col=entry.col(col), name=entry.values[col], why=why)
    if col != "file":
        return text(f"{col}_file", name=path.name, why=why)
    return why


def _stem(path: Path) -> str:
    """A file's name without its suffix; a DVD folder's, the disc's name."""
    return dvd.film_name(path) if dvd.is_dvd_folder(path) else path.stem


def _ignored(columns: list[tuple[str, str | None]]) -> Any:
    said = [
        text("ignored_column_near", col=h, near=near) if near else text("quoted", s=h)
        for h, near in columns
    ]
    return text("ignored_columns", cols=Joined(said))
