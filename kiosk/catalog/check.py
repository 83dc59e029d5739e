"""``kiosk check``: is the catalogue whole, and is every file it names really there?"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from kiosk.catalog.files import MediaStore, sha256_file
from kiosk.catalog.model import FILE_KIND
from kiosk.catalog.store import Catalogue


@dataclass
class Finding:
    severity: str  # "error" (something visitors would miss) or "info"
    what: str
    fix: str


@dataclass
class CheckReport:
    items: int = 0
    maps: int = 0
    media: int = 0
    files_checked: int = 0
    findings: list[Finding] = field(default_factory=list)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def ok(self) -> bool:
        return not self.errors

    def to_json(self) -> str:
        return json.dumps({**asdict(self), "ok": self.ok}, ensure_ascii=False, indent=2)


NEEDED_RENDITIONS = {"image": {"display", "thumb"}, "video": {"poster", "thumb"}}
REIMPORT = "import the original file again with 'kiosk import' (it is restored by its content)"


def _tiles_problem(folder: Path) -> str | None:
    manifest = folder / "manifest.json"
    try:
        spec = json.loads(manifest.read_text("utf-8"))
        size, w, h = spec["tile_size"], spec["width"], spec["height"]
        levels = spec["levels"]
    except (OSError, ValueError, KeyError, TypeError):
        return "tile pyramid manifest missing or unreadable"
    for level in range(levels):
        lw, lh = -(-w // 2**level), -(-h // 2**level)
        cols, rows = -(-lw // size), -(-lh // size)
        present = (
            sum(1 for _ in (folder / str(level)).glob("*.*"))
            if (folder / str(level)).is_dir()
            else 0
        )
        if present != cols * rows:
            return f"tile level {level} has {present} of {cols * rows} tiles"
    return None


def check_catalogue(catalogue: Catalogue, store: MediaStore, *, hashes: bool = True) -> CheckReport:
    report = CheckReport()
    add = report.findings.append
    for problem in catalogue.integrity_problems():
        add(
            Finding(
                "error",
                f"database: {problem}",
                "restore the catalogue from a backup, or move it aside and import again",
            )
        )

    used = {
        r[0]
        for r in catalogue.db.execute(
            "SELECT media_id FROM items WHERE media_id IS NOT NULL "
            "UNION SELECT subtitles_id FROM items WHERE subtitles_id IS NOT NULL "
            "UNION SELECT media_id FROM maps"
        ).fetchall()
    }
    renditions_by_media: dict[int, list[dict]] = {}
    for r in catalogue.all_renditions():
        renditions_by_media.setdefault(r["media_id"], []).append(r)

    for media in catalogue.all_media():
        report.media += 1
        label = f"{media['original_name']} (media {media['id']})"
        path = store.original(media["path"])
        if not path.is_file():
            add(
                Finding(
                    "error" if media["id"] in used else "info",
                    f"{label}: stored file missing ({path})",
                    REIMPORT,
                )
            )
            continue
        if hashes:
            report.files_checked += 1
            if sha256_file(path) != media["sha256"]:
                add(
                    Finding(
                        "error",
                        f"{label}: stored file is damaged (content changed)",
                        "delete it, then " + REIMPORT,
                    )
                )
                continue
        roles = {r["role"] for r in renditions_by_media.get(media["id"], [])}
        needed = {"image": {"display", "thumb"}, "video": {"poster", "thumb"}}.get(
            media["kind"], set()
        )
        for role in sorted(needed - roles):
            add(
                Finding(
                    "error",
                    f"{label}: no {role} rendition recorded",
                    "run 'kiosk import' on the original again to remake it",
                )
            )
        for r in renditions_by_media.get(media["id"], []):
            rpath = store.rendition(r["path"])
            if r["role"] == "tiles":
                problem = _tiles_problem(rpath)
                if problem:
                    add(
                        Finding(
                            "error",
                            f"{label}: {problem}",
                            "delete the folder " + str(rpath.parent) + ", then " + REIMPORT,
                        )
                    )
            elif not rpath.is_file():
                add(
                    Finding(
                        "error",
                        f"{label}: {r['role']} rendition missing ({rpath})",
                        "delete the folder " + str(rpath.parent) + ", then " + REIMPORT,
                    )
                )
        if media["id"] not in used:
            add(
                Finding(
                    "info",
                    f"{label}: stored but used by no item or map",
                    "nothing to do (kept in case it is imported again)",
                )
            )

    for item in catalogue.items(enabled_only=False):
        report.items += 1
        if item["kind"] in FILE_KIND and item["media_id"] is None:
            add(Finding("error", f"item {item['key']}: a {item['kind']} without a file", REIMPORT))
    for region_map in catalogue.maps(enabled_only=False):
        report.maps += 1
        media = catalogue.media(region_map["media_id"])
        if media is not None and media["kind"] != "image":
            add(Finding("error", f"map {region_map['key']}: its file is not an image", REIMPORT))
    return report
