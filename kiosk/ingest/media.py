"""Storing the files of an import: checked for real, kept by content hash, renditions made."""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.catalog import Catalogue
from kiosk.catalog.files import MediaStore, sha256_file
from kiosk.ingest import dvd
from kiosk.ingest.audio import AUDIO_SUFFIXES, probe_audio, sniff_audio
from kiosk.ingest.content import describe_content
from kiosk.ingest.errors import RejectedFile
from kiosk.ingest.images import Rendition, magic_format, process_image, sniff_image
from kiosk.ingest.lyrics import normalise_lrc
from kiosk.ingest.pdf import is_pdf, process_pdf
from kiosk.ingest.subtitles import normalise_srt
from kiosk.ingest.video import make_video_renditions, probe_video, sniff_video
from kiosk.strings import Text, text

# What describe_content() says of film containers: FFmpeg says what is wrong with them ...
VIDEO = {"content_mp4", "content_matroska", "content_riff"}
# ... and of files worth asking FFmpeg about (WMV, FLV, RM, MPEG have no word of their own).
MAYBE_VIDEO = {*VIDEO, "content_unknown"}
# Stored files that are text timed against another file: a film's subtitles, a song's lyrics.
TIMED_TEXT = ("subtitles", "lyrics")


@dataclass
class Prepared:
    """A stored file, ready to be recorded in the catalogue."""

    sha256: str
    kind: str  # image | video | audio | subtitles | lyrics
    format: str = ""  # as recorded: "jpeg", "heif", "pdf", "asf", "mpeg", …
    media_id: int | None = None  # set when the catalogue already has it
    row: dict[str, Any] = field(default_factory=dict)
    renditions: list[dict[str, Any]] = field(default_factory=list)
    notes: list[Text] = field(default_factory=list)  # for the operator, e.g. which page

    @property
    def default_kind(self) -> str:
        """The kind of an item made from this file when nothing says which."""
        if self.kind == "video":
            return "film"
        if self.kind == "audio":
            return "song"
        return "poster" if self.format == "pdf" else "photo"


@dataclass(frozen=True)
class Source:
    """What one imported path holds: a file, or a DVD folder's main title set."""

    path: Path
    name: str  # original_name: the file's name, or "<disc>/VIDEO_TS"
    size: int
    parts: tuple[Path, ...] = ()  # a DVD's VOB files, joined on import
    notes: tuple[Text, ...] = ()

    @classmethod
    def at(cls, path: Path) -> Source:
        if not dvd.is_dvd_folder(path):
            return cls(path, path.name, path.stat().st_size)
        title, sets = dvd.main_title(path)
        notes = ()
        if sets > 1:
            first, last = title.parts[0].name, title.parts[-1].name
            files = first if first == last else f"{first}–{last}"
            notes = (text("dvd_title_used", sets=sets, files=files),)
        name = f"{path.parent.name}/{path.name}" if path.parent.name else path.name
        return cls(path, name, title.size, title.parts, notes)

    def sha256(self) -> str:
        return dvd.sha256_joined(self.parts) if self.parts else sha256_file(self.path)

    def file(self, scratch: Path) -> Path:
        """A single file with the content: the file itself, or the DVD's parts joined in
        ``scratch``."""
        return dvd.join(self.parts, scratch / f"film{dvd.SUFFIX}") if self.parts else self.path


@dataclass
class Made:
    """What a file turned out to be, and its renditions written in a staging folder."""

    kind: str
    format: str
    row: dict[str, Any]
    renditions: tuple[Rendition, ...]
    notes: list[Text] = field(default_factory=list)


def make_renditions(path: Path, staged: Path) -> Made:
    """Check what ``path`` holds for real and write its renditions into ``staged``."""
    with open(path, "rb") as f:
        head = f.read(4096)
    what = describe_content(head)
    if is_pdf(head):
        pdf = process_pdf(path, staged)
        picture = pdf.picture
        notes = [text("pdf_pages", pages=pdf.pages)] if pdf.pages > 1 else []
        size = {"width": picture.width, "height": picture.height}
        return Made("image", "pdf", size, picture.renditions, notes)
    # A picture whose header is damaged is still a picture: process_image says what is wrong.
    if sniff_image(path) is not None or magic_format(head) is not None:
        result = process_image(path, staged)
        size = {"width": result.width, "height": result.height}
        return Made("image", result.format.lower(), size, result.renditions)
    if path.suffix.lower() in AUDIO_SUFFIXES or what == "content_mp3" or sniff_audio(path):
        sound = probe_audio(path)
        row = {"duration_s": sound.duration_s, "audio_codec": sound.codec}
        return Made("audio", sound.container, row, ())
    if what in VIDEO or (what in MAYBE_VIDEO and sniff_video(path)):
        info = probe_video(path)
        row = {
            "width": info.width,
            "height": info.height,
            "duration_s": info.duration_s,
            "video_codec": info.video_codec,
            "audio_codec": info.audio_codec,
            "fps": info.fps,
        }
        rends = make_video_renditions(path, staged, info)
        return Made("video", info.container.split(",")[0].lower(), row, rends)
    raise RejectedFile("not_media", what=text(what))


class MediaPreparer:
    """Validates and stores each file once per import, reusing what the catalogue has.

    ``verified`` gives the SHA-256 of files already hashed by whoever wrote them (a signed
    bundle's staged files), so their bytes are not read again; with ``move`` the files are
    moved into the store instead of copied (they are the importer's own, in staging).
    """

    def __init__(
        self,
        catalogue: Catalogue,
        store: MediaStore,
        verified: Mapping[Path, str] | None = None,
        move: bool = False,
    ) -> None:
        self.catalogue = catalogue
        self.store = store
        self.verified = dict(verified or {})
        self.move = move
        self._prepared: dict[Path, Prepared] = {}
        self._by_sha: dict[str, Prepared] = {}

    def prepare(self, path: Path) -> Prepared:
        if path in self._prepared:
            return self._prepared[path]
        source = Source.at(path)
        if source.size == 0:
            raise RejectedFile("file_empty")
        sha = self.verified.get(path) or source.sha256()
        prepared = self._by_sha.get(sha)
        if prepared is None:
            existing = self.catalogue.media_by_sha(sha)
            if existing is not None and existing["kind"] not in TIMED_TEXT:
                self._repair(source, existing)
                prepared = Prepared(
                    sha, existing["kind"], existing["format"], media_id=existing["id"]
                )
            else:
                prepared = self._store_media(source, sha)
            self._by_sha[sha] = prepared
        self._prepared[path] = prepared
        return prepared

    def media_id(self, prepared: Prepared) -> int:
        """The catalogue id of a prepared file, recording it on first use."""
        if prepared.media_id is None:
            prepared.media_id = self.catalogue.add_media(prepared.row, prepared.renditions)
        return prepared.media_id

    def _repair(self, source: Source, media: dict[str, Any]) -> None:
        """Restore a known file's stored original and renditions if they were lost."""
        stored = self.store.original(media["path"])
        original_ok = stored.is_file() and sha256_file(stored) == media["sha256"]
        rends = self.catalogue.renditions(media["id"]).values()
        renditions_ok = all(self._rendition_present(r) for r in rends)
        if original_ok and renditions_ok:
            return
        scratch = self.store.staging_dir()
        try:
            path = source.file(scratch)
            if not renditions_ok:
                staged = self.store.staging_dir()
                make_renditions(path, staged)
                self.store.put_renditions(
                    staged, self.store.renditions_relpath(media["sha256"]), replace=True
                )
            if not original_ok:
                moved = bool(source.parts)
                self.store.put_original(path, media["path"], replace=True, move=moved)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)

    def _rendition_present(self, rendition: dict[str, Any]) -> bool:
        path = self.store.rendition(rendition["path"])
        return (
            (path / "manifest.json").is_file() if rendition["role"] == "tiles" else path.is_file()
        )

    def _store_media(self, source: Source, sha: str) -> Prepared:
        # A DVD's parts are joined into a scratch folder of their own: the staged one
        # becomes the renditions folder.
        scratch = self.store.staging_dir()
        try:
            path = source.file(scratch)
            staged = self.store.staging_dir()
            made = make_renditions(path, staged)
            rel_dir = self.store.renditions_relpath(sha)
            self.store.put_renditions(staged, rel_dir)
            suffix = dvd.SUFFIX if source.parts else _suffix_for(made.kind, made.format, path)
            rel = self.store.original_relpath(sha, suffix)
            self.store.put_original(path, rel, move=bool(source.parts) or self.move)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
        row: dict[str, Any] = {"sha256": sha, "original_name": source.name, "bytes": source.size}
        row.update(made.row, kind=made.kind, format=made.format, path=rel)
        renditions = [
            {
                "role": r.role,
                "path": f"{rel_dir}/{r.path}",
                "width": r.width,
                "height": r.height,
                "bytes": r.bytes,
            }
            for r in made.renditions
        ]
        notes = [*source.notes, *made.notes]
        return Prepared(sha, made.kind, made.format, row=row, renditions=renditions, notes=notes)

    def prepare_subtitles(self, path: Path) -> Prepared:
        staged = self.store.staging_dir()
        out = staged / "subtitles.srt"
        cues = normalise_srt(path, out)
        return self._timed_text(path, out, "subtitles", cues)  # cue count, for the panel

    def prepare_lyrics(self, path: Path) -> Prepared:
        """Store a song's .lrc, cleaned (UTF-8, one time a line); its unreadable lines are
        the prepared file's notes, one each."""
        staged = self.store.staging_dir()
        out = staged / "lyrics.lrc"
        lyrics = normalise_lrc(path, out)
        prepared = self._timed_text(path, out, "lyrics", len(lyrics.lines))
        shutil.rmtree(staged, ignore_errors=True)
        prepared.notes = [
            text("lrc_bad_line", name=path.name, line=bad.number, text=bad.text)
            for bad in lyrics.bad
        ]
        return prepared

    def _timed_text(self, path: Path, out: Path, kind: str, count: int) -> Prepared:
        """Store ``out``, the clean copy of ``path`` (subtitles or lyrics), once; ``count``
        (its cues or lines) is shown in the operator panel."""
        sha = sha256_file(out)
        if sha in self._by_sha:
            return self._by_sha[sha]
        existing = self.catalogue.media_by_sha(sha)
        if existing is not None:
            prepared = Prepared(sha, kind, media_id=existing["id"])
        else:
            rel = self.store.original_relpath(sha, out.suffix)
            self.store.put_original(out, rel)
            row = {
                "sha256": sha,
                "kind": kind,
                "format": out.suffix.lstrip("."),
                "path": rel,
                "original_name": path.name,
                "bytes": out.stat().st_size,
                "duration_s": None,
                "width": count,
            }
            prepared = Prepared(sha, kind, row=row)
        self._by_sha[sha] = prepared
        return prepared


def _suffix_for(kind: str, fmt: str, path: Path) -> str:
    by_format = {
        "jpeg": ".jpg",
        "png": ".png",
        "tiff": ".tif",
        "webp": ".webp",
        "gif": ".gif",
        "bmp": ".bmp",
        "heif": ".heic",
        "pdf": ".pdf",
    }
    if kind == "image":
        return by_format.get(fmt.lower(), path.suffix.lower() or ".img")
    return path.suffix.lower() or ".video"
