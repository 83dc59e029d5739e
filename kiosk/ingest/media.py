"""Storing the files of an import: checked for real, kept by content hash, renditions made."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.catalog import Catalogue
from kiosk.catalog.files import MediaStore, sha256_file
from kiosk.ingest.errors import RejectedFile
from kiosk.ingest.images import describe_content, process_image, sniff_image
from kiosk.ingest.subtitles import normalise_srt
from kiosk.ingest.video import make_video_renditions, probe_video, sniff_video
from kiosk.strings import text

# What describe_content() says of files worth asking FFmpeg about.
MAYBE_VIDEO = {"content_mp4", "content_matroska", "content_riff", "content_unknown"}


@dataclass
class Prepared:
    """A stored file, ready to be recorded in the catalogue."""

    sha256: str
    kind: str  # image | video | subtitles
    media_id: int | None = None  # set when the catalogue already has it
    row: dict[str, Any] = field(default_factory=dict)
    renditions: list[dict[str, Any]] = field(default_factory=list)


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
        size = path.stat().st_size
        if size == 0:
            raise RejectedFile("file_empty")
        sha = self.verified.get(path) or sha256_file(path)
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

    def media_id(self, prepared: Prepared) -> int:
        """The catalogue id of a prepared file, recording it on first use."""
        if prepared.media_id is None:
            prepared.media_id = self.catalogue.add_media(prepared.row, prepared.renditions)
        return prepared.media_id

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
            raise RejectedFile("not_media", what=text(what))
        rel_dir = self.store.renditions_relpath(sha)
        self.store.put_renditions(staged, rel_dir)
        suffix = _suffix_for(kind, fmt, path)
        rel = self.store.original_relpath(sha, suffix)
        self.store.put_original(path, rel, move=self.move)
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

    def prepare_subtitles(self, path: Path) -> Prepared:
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
