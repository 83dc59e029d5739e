"""What the kiosk shows, read from the catalogue: items with their files resolved.

A view for the UI and the attract loop (no Qt, no SQL outside the catalogue
package); the operator panel's edits go through ``Library.edits`` (kiosk.catalog.editing),
recorded as made from the panel, and every screen sees them at once.  ``Work``
bundles an item with the paths of its original, renditions and subtitles, so
screens never deal with hashes or folders; ``RegionMap`` does the same for a map
picture and places the pins on it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from kiosk.catalog.changes import ChangeLog
from kiosk.catalog.editing import KIND_TEXTS, WHEN_FIELDS, EditRefused, ItemEdits, SheetHeading
from kiosk.catalog.files import MediaStore
from kiosk.catalog.model import KINDS
from kiosk.catalog.quiz import Question, QuizLog, choose_round, question_of
from kiosk.catalog.store import Catalogue, SearchHit
from kiosk.catalog.years import format_century, format_years
from kiosk.pledge.signature import Signature
from kiosk.pledge.store import KEEP, Signatures, Signed, pledge_folder

# What the UI may use besides ``Library``: it imports nothing else from the catalogue.
__all__ = [
    "KINDS",
    "KIND_TEXTS",
    "WHEN_FIELDS",
    "EditRefused",
    "ItemEdits",
    "Library",
    "Question",
    "QuizLog",
    "RegionMap",
    "SearchHit",
    "SheetHeading",
    "Signature",
    "Signatures",
    "Signed",
    "TileSpec",
    "Work",
    "choose_round",
    "format_century",
    "format_years",
]


@dataclass(frozen=True)
class TileSpec:
    folder: Path
    width: int
    height: int
    tile_size: int
    levels: int
    suffix: str

    def tile(self, level: int, col: int, row: int) -> Path:
        return self.folder / str(level) / f"{col}_{row}.{self.suffix}"


@dataclass(frozen=True)
class Work:
    """An item and the files that show it (any of them may be None).

    ``subtitles`` is a film's SRT file, or a song's lyrics (a clean UTF-8 ``.lrc``,
    one time a line: ``kiosk.ingest.lyrics.read_lyrics`` reads it).
    """

    item: dict[str, Any]
    original: Path | None = None
    display: Path | None = None
    thumb: Path | None = None
    poster: Path | None = None  # a film's poster frame
    tiles: TileSpec | None = None
    subtitles: Path | None = None
    width: int | None = None
    height: int | None = None
    duration_s: float | None = None

    @property
    def key(self) -> str:
        return self.item["key"]

    @property
    def kind(self) -> str:
        return self.item["kind"]

    @property
    def picture(self) -> Path | None:
        """The best still picture: display rendition, else a film's poster frame."""
        return self.display or self.poster


Bounds = tuple[float, float, float, float]  # west, south, east, north, in degrees


@dataclass(frozen=True)
class RegionMap:
    """A region map picture, and the area it shows if it is known."""

    key: str
    title_zh: str | None
    title_en: str | None
    picture: Path  # the display rendition, else the original
    width: int  # of ``picture``
    height: int
    bounds: Bounds | None = None

    def position(self, item: Mapping[str, Any]) -> tuple[float, float] | None:
        """Where a place goes on this map: (x, y) fractions of the width and height
        from the top-left corner, or None when it cannot be placed.

        The item's own ``map_x``/``map_y`` win; otherwise its ``lat``/``lon`` are
        placed linearly within the map's bounds (an equirectangular picture).
        """
        x, y = item.get("map_x"), item.get("map_y")
        if x is not None and y is not None:
            return (x, y) if 0 <= x <= 1 and 0 <= y <= 1 else None
        lat, lon = item.get("lat"), item.get("lon")
        if self.bounds is None or lat is None or lon is None:
            return None
        west, south, east, north = self.bounds
        if not (west <= lon <= east and south <= lat <= north):
            return None
        return (lon - west) / (east - west), (north - lat) / (north - south)


class Library:
    def __init__(self, catalogue: Catalogue, store: MediaStore, pledge_keep: int = KEEP) -> None:
        self.catalogue = catalogue
        self.store = store
        self._seen: dict[int, int] = {}
        self._forced = 0
        self._works: dict[tuple, tuple[int, list[Work]]] = {}
        # Writes on this connection do not move SQLite's data version: announce them.
        self.edits = ItemEdits(catalogue, store, ChangeLog(catalogue, "panel"), self.invalidate)
        self.quiz = QuizLog(catalogue)  # the quiz's rounds and answers (no names)
        self.pledges = Signatures(catalogue, pledge_folder(store), pledge_keep)  # no names

    def changed(self, owner: object = None) -> bool:
        """True once per ``owner`` after the catalogue changed since that owner last asked.

        Another process (an import) committing is seen through SQLite's data
        version, which works under WAL where file times do not change.
        """
        version = self.catalogue.data_version() + self._forced
        key = id(owner)
        seen = self._seen.get(key)
        self._seen[key] = version
        return seen is not None and seen != version

    def invalidate(self) -> None:
        """Make every owner see a change and forget cached lists (operator reload)."""
        self._forced += 1
        self._works.clear()

    def works(self, kinds: list[str] | tuple[str, ...], on: date | None = None) -> list[Work]:
        """Works of these kinds, in display order (cached until the catalogue changes)."""
        key = (tuple(kinds), on)
        version = self.catalogue.data_version() + self._forced
        cached = self._works.get(key)
        if cached is not None and cached[0] == version:
            return cached[1]
        works = [self.work(row) for row in self.catalogue.items(kinds, on=on)]
        self._works[key] = (version, works)
        return works

    def rows(self, kinds: list[str] | tuple[str, ...], on: date | None = None) -> list[dict]:
        """Item rows only (no file look-ups): for long lists."""
        return self.catalogue.items(kinds, on=on)

    def questions(self) -> list[Question]:
        """The enabled quiz questions that can be asked, each with its topics' keys."""
        found = []
        for row in self.catalogue.items(["question"]):
            topics = [t["key"] for t in self.catalogue.linked(row["id"], ["topic"])]
            question = question_of(row, topics)
            if question is not None:
                found.append(question)
        return found

    def pledge_text(self) -> dict[str, Any] | None:
        """The pledge the wall shows: the newest enabled item of kind ``pledge``."""
        rows = self.catalogue.items(["pledge"])
        return max(rows, key=lambda r: (r.get("created_at") or "", r["id"])) if rows else None

    def item(self, key: str) -> dict[str, Any] | None:
        row = self.catalogue.item(key)
        return row if row and row["enabled"] else None

    def linked(self, item: dict[str, Any], kinds: list[str] | None = None) -> list[Work]:
        return [self.work(r) for r in self.catalogue.linked(item["id"], kinds)]

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        return self.catalogue.search(query, limit=limit)

    def counts(self) -> dict[str, int]:
        return self.catalogue.counts()

    def maps(self) -> list[RegionMap]:
        """The enabled region maps, in display order."""
        out = []
        for row in self.catalogue.maps():
            media = self.catalogue.media(row["media_id"])
            if media is None:
                continue
            display = self.catalogue.renditions(media["id"]).get("display")
            if display is not None:
                picture = self.store.rendition(display["path"])
                width, height = display["width"], display["height"]
            else:
                picture = self.store.original(media["path"])
                width, height = media["width"], media["height"]
            bounds = None
            if row["west"] is not None:
                bounds = (row["west"], row["south"], row["east"], row["north"])
            out.append(
                RegionMap(
                    row["key"], row["title_zh"], row["title_en"], picture, width, height, bounds
                )
            )
        return out

    def work(self, item: dict[str, Any]) -> Work:
        media_id = item.get("media_id")
        if media_id is None:
            return Work(item)
        media = self.catalogue.media(media_id)
        if media is None:
            return Work(item)
        rends = self.catalogue.renditions(media_id)

        def path(role: str) -> Path | None:
            r = rends.get(role)
            return self.store.rendition(r["path"]) if r else None

        subtitles = None
        if item.get("subtitles_id"):
            subs = self.catalogue.media(item["subtitles_id"])
            subtitles = self.store.original(subs["path"]) if subs else None
        return Work(
            item,
            original=self.store.original(media["path"]),
            display=path("display"),
            thumb=path("thumb"),
            poster=path("poster"),
            tiles=self._tiles(path("tiles")),
            subtitles=subtitles,
            width=media["width"],
            height=media["height"],
            duration_s=media["duration_s"],
        )

    @staticmethod
    def _tiles(folder: Path | None) -> TileSpec | None:
        if folder is None:
            return None
        try:
            spec = json.loads((folder / "manifest.json").read_text("utf-8"))
            return TileSpec(
                folder,
                spec["width"],
                spec["height"],
                spec["tile_size"],
                spec["levels"],
                spec.get("format", "jpg"),
            )
        except (OSError, ValueError, KeyError):
            return None
