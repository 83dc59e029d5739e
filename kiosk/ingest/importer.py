"""``kiosk import``: folders, files and sheets into the catalogue, all or nothing.

Two phases.  First every media file is validated for real and its original
and renditions are written to the content-addressed store (each appears under
its final name only when complete).  Then every row is written to the
catalogue in ONE transaction.  A kill at any moment leaves either the old
catalogue or the new one; at worst some stored files that nothing uses yet,
which the next import reuses.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.catalog import Catalogue
from kiosk.catalog.files import MediaStore, sha256_file
from kiosk.catalog.model import FILE_KIND, ITEM_FIELDS
from kiosk.ingest import rows as rowlib
from kiosk.ingest.errors import RejectedFile
from kiosk.ingest.images import describe_content, process_image, sniff_image
from kiosk.ingest.sheets import Sheet, SheetError, is_sheet, read_sheets
from kiosk.ingest.subtitles import normalise_srt
from kiosk.ingest.video import make_video_renditions, probe_video, sniff_video

log = logging.getLogger(__name__)

IGNORED_NAMES = {"thumbs.db", "desktop.ini", ".ds_store"}
SUBTITLE_SUFFIXES = {".srt"}
# What describe_content() says of files worth asking FFmpeg about.
MAYBE_VIDEO = {
    "an MP4/MOV video or audio file",
    "a Matroska/WebM video",
    "a RIFF file (WAV/AVI)",
    "unknown data",
}

Progress = Callable[[int, int, str], None]

# Which kind of stored file each kind of row needs (a map is a picture).
NEEDS_FILE = {**FILE_KIND, rowlib.MAP_KIND: "image"}


@dataclass
class Problem:
    where: str
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


@dataclass
class ImportReport:
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicates: int = 0
    rejected: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 1 if self.rejected else 0

    def summary(self) -> str:
        return (
            f"imported {self.imported}, updated {self.updated}, unchanged {self.unchanged}, "
            f"skipped as duplicate {self.duplicates}, rejected {len(self.rejected)}"
        )


@dataclass
class Entry:
    """One item or map to import: a sheet row, or a media file found without a row."""

    where: str
    values: dict[str, Any]
    kind: str | None = None
    file: Path | None = None
    subtitles: Path | None = None
    links: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    fields: dict[str, Any] = field(default_factory=dict)
    media: Prepared | None = None
    subs: Prepared | None = None

    @property
    def key(self) -> str | None:
        return self.fields.get("key")


@dataclass
class Prepared:
    """A stored file, ready to be recorded in the catalogue."""

    sha256: str
    kind: str  # image | video | subtitles
    media_id: int | None = None  # set when the catalogue already has it
    row: dict[str, Any] = field(default_factory=dict)
    renditions: list[dict[str, Any]] = field(default_factory=list)


def _display(path: Path, roots: Iterable[Path]) -> str:
    for root in roots:
        try:
            return path.relative_to(root.parent).as_posix()
        except ValueError:
            continue
    return str(path)


class Importer:
    def __init__(
        self, catalogue: Catalogue, store: MediaStore, progress: Progress | None = None
    ) -> None:
        self.catalogue = catalogue
        self.store = store
        self.progress = progress or (lambda done, total, label: None)
        self._prepared: dict[Path, Prepared] = {}
        self._by_sha: dict[str, Prepared] = {}

    # ------------------------------------------------------------- discovery
    def run(self, sources: Iterable[Path]) -> ImportReport:
        report = ImportReport()
        sources = [Path(s).resolve() for s in sources]
        self._roots = sources
        sheets: list[Path] = []
        loose: list[Path] = []
        for src in sources:
            if not src.exists():
                report.rejected.append(Problem(str(src), "no such file or folder"))
            elif src.is_dir():
                for path in self._walk(src):
                    (sheets if is_sheet(path) else loose).append(path)
            else:
                (sheets if is_sheet(src) else loose).append(src)
        self.store.clear_staging()

        entries: list[Entry] = []
        claimed: set[Path] = set()
        for path in sheets:
            try:
                tables = read_sheets(path)
            except SheetError as e:
                report.rejected.append(Problem(self._where(path), str(e)))
                continue
            for table in tables:
                if table.ignored_columns:
                    report.notes.append(
                        Problem(table.name, "ignored columns: " + ", ".join(table.ignored_columns))
                    )
                entries += self._sheet_entries(table, report, claimed)
        loose_set = {p.resolve() for p in loose} - claimed
        subtitles = {p for p in loose_set if p.suffix.lower() in SUBTITLE_SUFFIXES}
        for path in sorted(loose_set - subtitles):
            entry = Entry(self._where(path), {}, file=path)
            pair = path.with_suffix(".srt")
            matches = [s for s in subtitles if s.with_suffix("") == path.with_suffix("")]
            if matches:
                entry.subtitles = matches[0]
                subtitles.discard(matches[0])
            elif pair in subtitles:
                entry.subtitles = pair
            entry.kind = self._kind_from_folder(path)
            entries.append(entry)
        for path in sorted(subtitles):
            report.rejected.append(
                Problem(self._where(path), "subtitles with no film of the same name beside them")
            )

        self._prepare_all(entries, report)
        entries = [e for e in entries if e.where not in {p.where for p in report.rejected}]
        entries = self._check_links(entries, report)
        self._write(entries, report)
        self.store.clear_staging()
        return report

    def _walk(self, root: Path) -> list[Path]:
        found = []
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in sorted(filenames):
                if name.startswith(".") or name.lower() in IGNORED_NAMES or name.startswith("~$"):
                    continue
                found.append(Path(dirpath, name).resolve())
        return found

    def _where(self, path: Path) -> str:
        return _display(path, self._roots)

    def _kind_from_folder(self, path: Path) -> str | None:
        for part in reversed(path.parent.parts):
            kind = rowlib.FOLDER_KINDS.get(part.lower())
            if kind:
                return kind
        return None

    # ----------------------------------------------------------------- sheets
    def _sheet_entries(self, sheet: Sheet, report: ImportReport, claimed: set[Path]) -> list[Entry]:
        """The rows of ``sheet`` as entries; every file a row names, even a rejected
        row, is added to ``claimed`` so it is not imported again as a loose file."""
        out = []
        seen: dict[str, str] = {}
        for row in sheet.rows:
            where = sheet.where(row)
            claimed.update(
                self._beside(sheet, row.values[col])
                for col in ("file", "subtitles")
                if col in row.values
            )
            try:
                entry = self._row_entry(sheet, row.values, where)
            except rowlib.RowError as e:
                report.rejected.append(Problem(where, str(e)))
                continue
            if entry.key and entry.key in seen:
                report.rejected.append(
                    Problem(where, f"key '{entry.key}' is already used by {seen[entry.key]}")
                )
                continue
            if entry.key:
                seen[entry.key] = where
            note = rowlib.unused_columns_note(entry.kind, row.values)
            if note:
                report.notes.append(Problem(where, note))
            out.append(entry)
        return out

    def _row_entry(self, sheet: Sheet, values: dict[str, Any], where: str) -> Entry:
        entry = Entry(where, values)
        for col in ("file", "subtitles"):
            if col in values:
                path = self._beside(sheet, values[col])
                if not path.is_file():
                    raise rowlib.RowError(f"{col} '{values[col]}' not found beside the sheet")
                setattr(entry, col, path)
        if "kind" in values:
            entry.kind = rowlib.kind_of(values["kind"])
        elif entry.file is not None:
            entry.kind = self._kind_from_folder(entry.file)
        else:
            raise rowlib.RowError("no kind and no file: say what this row is in the 'kind' column")
        if entry.kind == rowlib.MAP_KIND:
            entry.fields = rowlib.map_fields(values)
        else:
            entry.fields = rowlib.item_fields(values)
            entry.links = [k.lower() for k in rowlib.split_list(values.get("links", ""))]
            entry.topics = [k.lower() for k in rowlib.split_list(values.get("topics", ""))]
        if entry.kind in NEEDS_FILE and entry.file is None:
            raise rowlib.RowError(f"a {entry.kind} needs a file in the 'file' column")
        if entry.subtitles is not None and entry.kind != "film":
            raise rowlib.RowError("subtitles are only for films")
        if not (entry.fields.get("title_zh") or entry.fields.get("title_en") or entry.file):
            raise rowlib.RowError("no title (title_zh / 标题)")
        return entry

    @staticmethod
    def _beside(sheet: Sheet, name: Any) -> Path:
        """The file a sheet names, relative to the sheet's folder."""
        return (sheet.path.parent / str(name).strip().replace("\\", "/")).resolve()

    # ------------------------------------------------------------------ media
    def _prepare_all(self, entries: list[Entry], report: ImportReport) -> None:
        files = [e for e in entries if e.file is not None]
        for n, entry in enumerate(files, start=1):
            assert entry.file is not None
            self.progress(n - 1, len(files), self._where(entry.file))
            try:
                entry.media = self._prepare(entry.file)
                expected = NEEDS_FILE.get(entry.kind or "")
                if entry.kind is None:
                    entry.kind = "film" if entry.media.kind == "video" else "photo"
                elif expected is None and entry.media.kind != "image":
                    raise RejectedFile(f"a {entry.kind} can only have an image (a portrait)")
                elif expected is not None and expected != entry.media.kind:
                    need = "a video" if expected == "video" else "an image"
                    have = "a video" if entry.media.kind == "video" else "an image"
                    raise RejectedFile(
                        f"kind '{entry.kind}' needs {need}, but {entry.file.name} is {have}"
                    )
                if entry.subtitles is not None:
                    entry.subs = self._prepare_subtitles(entry.subtitles)
            except RejectedFile as e:
                what = entry.where if entry.where != self._where(entry.file) else ""
                report.rejected.append(
                    Problem(entry.where, f"{self._where(entry.file) + ': ' if what else ''}{e}")
                )
            except OSError as e:
                report.rejected.append(
                    Problem(entry.where, f"cannot read {entry.file.name} ({e.strerror or e})")
                )
            # With -v: where an interrupted import had got to (the kill test waits for these).
            log.debug("import: file %d of %d done: %s", n, len(files), self._where(entry.file))
        if files:
            self.progress(len(files), len(files), "")

    def _prepare(self, path: Path) -> Prepared:
        if path in self._prepared:
            return self._prepared[path]
        size = path.stat().st_size
        if size == 0:
            raise RejectedFile("empty file (0 bytes)")
        sha = sha256_file(path)
        prepared = self._by_sha.get(sha)
        if prepared is None:
            existing = self.catalogue.media_by_sha(sha)
            if existing is not None and existing["kind"] != "subtitles":
                self._repair(path, existing)
                prepared = Prepared(sha, existing["kind"], media_id=existing["id"])
            else:
                prepared = self._store_media(path, sha, size)
            self._by_sha[sha] = prepared
        self._prepared[path] = prepared
        return prepared

    def _repair(self, path: Path, media: dict[str, Any]) -> None:
        """Restore a known file's stored original and renditions if they were lost."""
        stored = self.store.original(media["path"])
        if not stored.is_file() or sha256_file(stored) != media["sha256"]:
            self.store.put_original(path, media["path"], replace=True)
        rends = self.catalogue.renditions(media["id"]).values()
        if all(self._rendition_present(r) for r in rends):
            return
        staged = self.store.staging_dir()
        if media["kind"] == "image":
            process_image(path, staged)
        else:
            make_video_renditions(path, staged, probe_video(path))
        self.store.put_renditions(
            staged, self.store.renditions_relpath(media["sha256"]), replace=True
        )

    def _rendition_present(self, rendition: dict[str, Any]) -> bool:
        path = self.store.rendition(rendition["path"])
        return (
            (path / "manifest.json").is_file() if rendition["role"] == "tiles" else path.is_file()
        )

    def _store_media(self, path: Path, sha: str, size: int) -> Prepared:
        staged = self.store.staging_dir()
        row: dict[str, Any] = {"sha256": sha, "original_name": path.name, "bytes": size}
        with open(path, "rb") as f:
            what = describe_content(f.read(4096))
        if sniff_image(path) is not None:
            result = process_image(path, staged)
            kind, fmt = "image", result.format
            row.update(width=result.width, height=result.height)
            rends = result.renditions
        elif what in MAYBE_VIDEO and sniff_video(path):
            info = probe_video(path)
            kind, fmt = "video", info.container.split(",")[0]
            row.update(
                width=info.width,
                height=info.height,
                duration_s=info.duration_s,
                video_codec=info.video_codec,
                audio_codec=info.audio_codec,
                fps=info.fps,
            )
            rends = make_video_renditions(path, staged, info)
        else:
            raise RejectedFile(f"not an image or a film: the content is {what}")
        rel_dir = self.store.renditions_relpath(sha)
        self.store.put_renditions(staged, rel_dir)
        suffix = _suffix_for(kind, fmt, path)
        rel = self.store.original_relpath(sha, suffix)
        self.store.put_original(path, rel)
        row.update(kind=kind, format=fmt.lower(), path=rel)
        renditions = [
            {
                "role": r.role,
                "path": f"{rel_dir}/{r.path}",
                "width": r.width,
                "height": r.height,
                "bytes": r.bytes,
            }
            for r in rends
        ]
        return Prepared(sha, kind, row=row, renditions=renditions)

    def _prepare_subtitles(self, path: Path) -> Prepared:
        staged = self.store.staging_dir()
        out = staged / "subtitles.srt"
        cues = normalise_srt(path, out)
        sha = sha256_file(out)
        if sha in self._by_sha:
            return self._by_sha[sha]
        existing = self.catalogue.media_by_sha(sha)
        if existing is not None:
            prepared = Prepared(sha, "subtitles", media_id=existing["id"])
        else:
            rel = self.store.original_relpath(sha, ".srt")
            self.store.put_original(out, rel)
            prepared = Prepared(
                sha,
                "subtitles",
                row={
                    "sha256": sha,
                    "kind": "subtitles",
                    "format": "srt",
                    "path": rel,
                    "original_name": path.name,
                    "bytes": out.stat().st_size,
                    "duration_s": None,
                    "width": cues,  # cue count, for the operator panel
                },
            )
        self._by_sha[sha] = prepared
        return prepared

    # ------------------------------------------------------------------ links
    def _check_links(self, entries: list[Entry], report: ImportReport) -> list[Entry]:
        """Reject rows that link to keys that exist neither in the catalogue nor here."""
        known = self.catalogue.keys()
        while True:
            available = known | {e.key for e in entries if e.key and e.kind != rowlib.MAP_KIND}
            broken = []
            for e in entries:
                missing = [k for k in e.links + e.topics if k not in available]
                if missing:
                    broken.append((e, missing))
            if not broken:
                return entries
            for e, missing in broken:
                report.rejected.append(
                    Problem(e.where, "links to unknown item(s): " + ", ".join(sorted(set(missing))))
                )
            bad = {id(e) for e, _ in broken}
            entries = [e for e in entries if id(e) not in bad]

    # ------------------------------------------------------------------ write
    def _write(self, entries: list[Entry], report: ImportReport) -> None:
        cat = self.catalogue
        media_owner: dict[str, str] = {}  # sha -> where, within this import
        written: list[tuple[Entry, int]] = []
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
                        report.duplicates += 1
                        report.notes.append(
                            Problem(entry.where, f"same file as {media_owner[sha]}; skipped")
                        )
                        continue
                    media_owner[sha] = entry.where
                    fields["media_id"] = self._media_id(entry.media)
                    owner = self._owner(fields["media_id"])
                    if existing is None and owner is not None:
                        # The same file imported again is the same item.
                        if not entry.values:
                            report.duplicates += 1
                            report.notes.append(Problem(entry.where, "already in the catalogue"))
                            continue
                        existing = owner
                if entry.subs is not None:
                    fields["subtitles_id"] = self._media_id(entry.subs)
                if existing is None:
                    fields.setdefault("key", self._new_key(entry, cat.item))
                # A sheet key given to an item first imported without one renames it.
                item_id = self._save(
                    entry, fields, existing, cat.upsert_item, cat.update_item, report
                )
                written.append((entry, item_id))
            for entry, item_id in written:
                for keys, relation in ((entry.links, "related"), (entry.topics, "topic")):
                    for key in keys:
                        target = cat.item(key)
                        assert target is not None  # checked by _check_links
                        cat.link(item_id, target["id"], relation)
        log.debug("import: transaction committed")

    def _write_map(self, entry: Entry, report: ImportReport) -> None:
        """Add or update a region map: by its key, else as the map already showing this file."""
        cat = self.catalogue
        assert entry.media is not None
        fields = dict(entry.fields)
        fields["media_id"] = self._media_id(entry.media)
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
        report: ImportReport,
    ) -> int:
        """Insert a new row or update the changed fields of ``existing``; returns its id."""
        if existing is None:
            if not fields.get("title_zh") and not fields.get("title_en"):
                assert entry.file is not None
                fields["title_zh"] = entry.file.stem.replace("_", " ").strip()
            row_id, _ = insert({**fields, "origin": entry.where})
            report.imported += 1
            return row_id
        changed = {k: v for k, v in fields.items() if existing.get(k) != v}
        if changed:
            update(existing["id"], {**changed, "origin": entry.where})
            report.updated += 1
        else:
            report.unchanged += 1
        return existing["id"]

    def _media_id(self, prepared: Prepared) -> int:
        if prepared.media_id is None:
            prepared.media_id = self.catalogue.add_media(prepared.row, prepared.renditions)
        return prepared.media_id

    def _owner(self, media_id: int) -> dict[str, Any] | None:
        rows = list(
            self.catalogue.db["items"].rows_where("media_id = ?", [media_id], order_by="id")
        )
        return rows[0] if rows else None

    def _new_key(self, entry: Entry, taken: Callable[[str], object]) -> str:
        base_text = entry.fields.get("title_en") or entry.fields.get("title_zh")
        if not base_text and entry.file is not None:
            base_text = entry.file.stem
        base = f"{entry.kind}-{rowlib.slugify(base_text or 'item')}"
        key, n = base, 2
        while taken(key) is not None:
            key, n = f"{base}-{n}", n + 1
        return key


def _suffix_for(kind: str, fmt: str, path: Path) -> str:
    by_format = {
        "jpeg": ".jpg",
        "png": ".png",
        "tiff": ".tif",
        "webp": ".webp",
        "gif": ".gif",
        "bmp": ".bmp",
    }
    if kind == "image":
        return by_format.get(fmt.lower(), path.suffix.lower() or ".img")
    return path.suffix.lower() or ".video"
