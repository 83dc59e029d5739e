"""``kiosk check``: is the catalogue whole, and is every file it names really there?"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from kiosk.catalog.editing import SheetHeading
from kiosk.catalog.files import MediaStore, sha256_file
from kiosk.catalog.model import FILE_KIND
from kiosk.catalog.report import Problem, Report
from kiosk.catalog.store import Catalogue
from kiosk.ingest.rows import KIND_NEEDS, kind_problems
from kiosk.strings import Joined, Text, text

# How ``Report.lines`` labels each kind of finding.
LABELS = {"error": "error_line", "info": "info_line"}


def check_summary(report: Report) -> Text:
    counts = report.counts
    state = text("check_ok") if report.ok else text("check_problems", n=len(report.errors))
    return text(
        "check_summary",
        items=text("n_items", n=counts["items"]),
        maps=text("n_maps", n=counts["maps"]),
        media=text("n_stored", n=counts["media"]),
        hashed=counts["files_checked"],
        state=state,
    )


NEEDED_RENDITIONS = {"image": {"display", "thumb"}, "video": {"poster", "thumb"}}
REIMPORT = text("fix_reimport")


def _tiles_problem(folder: Path) -> Text | None:
    manifest = folder / "manifest.json"
    try:
        spec = json.loads(manifest.read_text("utf-8"))
        size, w, h = spec["tile_size"], spec["width"], spec["height"]
        levels = spec["levels"]
    except (OSError, ValueError, KeyError, TypeError):
        return text("tiles_manifest")
    for level in range(levels):
        lw, lh = -(-w // 2**level), -(-h // 2**level)
        cols, rows = -(-lw // size), -(-lh // size)
        present = (
            sum(1 for _ in (folder / str(level)).glob("*.*"))
            if (folder / str(level)).is_dir()
            else 0
        )
        if present != cols * rows:
            return text("tiles_level", level=level, present=present, needed=cols * rows)
    return None


def check_catalogue(catalogue: Catalogue, store: MediaStore, *, hashes: bool = True) -> Report:
    report = Report(Counter(items=0, maps=0, media=0, files_checked=0))
    counts = report.counts

    def add(severity: str, where: Text, what: Text, fix: Text) -> None:
        report.problems.append(Problem(where, [what], fix, severity))

    for problem in catalogue.integrity_problems():
        add("error", text("database"), text("as_is", s=problem), text("fix_database"))

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
        counts["media"] += 1
        label = text("media_label", name=media["original_name"], id=media["id"])
        path = store.original(media["path"])
        if not path.is_file():
            severity = "error" if media["id"] in used else "info"
            add(severity, label, text("check_missing", path=path), REIMPORT)
            continue
        if hashes:
            counts["files_checked"] += 1
            if sha256_file(path) != media["sha256"]:
                fix = text("fix_delete_reimport", then=REIMPORT)
                add("error", label, text("check_damaged"), fix)
                continue
        rends = renditions_by_media.get(media["id"], [])
        roles = {r["role"] for r in rends}
        for role in sorted(NEEDED_RENDITIONS.get(media["kind"], set()) - roles):
            add("error", label, text("check_no_rendition", role=role), text("fix_remake"))
        for r in rends:
            rpath = store.rendition(r["path"])
            fix = text("fix_delete_folder_reimport", path=rpath.parent, then=REIMPORT)
            if r["role"] == "tiles":
                problem = _tiles_problem(rpath)
                if problem:
                    add("error", label, problem, fix)
            elif not rpath.is_file():
                add(
                    "error", label, text("check_rendition_missing", role=r["role"], path=rpath), fix
                )
        if media["id"] not in used:
            add("info", label, text("check_unused"), text("fix_nothing"))

    items = catalogue.items(enabled_only=False)
    for item in items:
        counts["items"] += 1
        if item["kind"] in FILE_KIND and item["media_id"] is None:
            kind = text(f"kind_word_{item['kind']}")
            add(
                "error",
                text("item_label", key=item["key"]),
                text("check_no_file", kind=kind),
                REIMPORT,
            )
        _check_kind(item, add)
    for copies in accidental_copies(items):
        first, extra = copies[0], copies[1:]
        what = text(
            "check_copies",
            kind=text(f"kind_word_{first['kind']}"),
            title=first["title_zh"] or first["title_en"],
            n=len(copies),
            keys=Joined([c["key"] for c in copies]),
        )
        fix = text("fix_copies", extra=Joined([c["key"] for c in extra]))
        add("error", text("item_label", key=first["key"]), what, fix)
    for region_map in catalogue.maps(enabled_only=False):
        counts["maps"] += 1
        media = catalogue.media(region_map["media_id"])
        if media is not None and media["kind"] != "image":
            add(
                "error",
                text("map_label", key=region_map["key"]),
                text("check_map_not_image"),
                REIMPORT,
            )
    return report


def _check_kind(item: dict[str, Any], add) -> None:
    """What a programme kind lacks: a couplet's two lines and a riddle's answer (as the
    import requires them), a song's lyrics file."""
    label = text("item_label", key=item["key"])
    if item["kind"] in KIND_NEEDS:
        values = {k: v for k, v in item.items() if v is not None and k != "style"}
        headings = {c: SheetHeading(c) for need in KIND_NEEDS[item["kind"]] for c in need}
        for problem in kind_problems(item["kind"], values, headings):
            add("error", label, problem, text("fix_kind_fields"))
    if item["kind"] == "song" and item["subtitles_id"] is None:
        add("info", label, text("check_song_no_lyrics"), text("fix_song_lyrics"))


def accidental_copies(items: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Groups of enabled items with the same kind and title whose keys differ only by a
    numeric suffix (``x``, ``x-2``, ``x-3``): what re-importing rows without a key once made."""
    groups: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for item in items:
        title = item["title_zh"] or item["title_en"]
        if title and item["enabled"]:
            groups[(item["kind"], title)].append(item)
    found = []
    for group in groups.values():
        if len(group) < 2:
            continue
        group.sort(key=lambda i: (len(i["key"]), i["key"]))
        base = re.escape(group[0]["key"])
        copies = [group[0], *(i for i in group[1:] if re.fullmatch(base + r"-\d+", i["key"]))]
        if len(copies) > 1:
            copies.sort(key=lambda i: i["id"])
            found.append(copies)
    return found
