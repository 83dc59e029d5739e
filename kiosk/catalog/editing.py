"""What the operator panel's Content page changes: show or hide an item, its place in its
kind's order, its validity dates and schedule, the texts of the programme's own kinds
(``KIND_TEXTS``: a couplet's lines, a riddle's answer …), and deleting it.

Dates, schedule and texts are checked exactly as a sheet's row is (``kiosk.ingest.rows``,
through ``kiosk.schedule.items``): a bad value is refused with the sheet's message and
nothing is written.  Each edit is one transaction, recorded in the changes table, and then
announced through ``changed`` so that every screen reads the catalogue again.  A deleted item's
stored files go once no item or map uses them any more, after the deletion has committed
(a crash in between leaves only unnamed files, never a catalogue naming missing ones).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from kiosk.catalog import search
from kiosk.catalog.changes import ChangeLog
from kiosk.catalog.files import MediaStore
from kiosk.catalog.model import SCHEDULE_FIELDS
from kiosk.catalog.store import Catalogue, Row
from kiosk.ingest.rows import RowError, item_fields, kind_problems
from kiosk.ingest.sheets import COLUMNS
from kiosk.strings import Refused, Text

#: The fields the Content page sets together: validity dates, then the schedule.
WHEN_FIELDS = ("valid_from", "valid_until", *SCHEDULE_FIELDS)


def _both(*names: str) -> tuple[str, ...]:
    return tuple(f"{name}_{lang}" for name in names for lang in ("zh", "en"))


#: The texts the Content page edits for each programme kind, in the form's order (the
#: couplet's style is chosen, not typed; validity dates are with the schedule).
KIND_TEXTS: dict[str, tuple[str, ...]] = {
    "couplet": (*_both("upper", "lower", "banner", "author", "source"), "style"),
    "riddle": _both("title", "hint", "answer", "body", "source"),
    "case": (
        *_both("title", "person", "summary", "outcome"),
        "date",
        *_both("source", "confession"),
    ),
    "ticker": _both("title", "source"),
    "song": _both("title", "author", "source"),
    "pledge": _both("title", "body"),
}

# Gaps between the sort orders the panel writes, so a sheet's order can still go between.
ORDER_STEP = 10


class SheetHeading:
    """A column as the operator's sheet heads it: its Chinese heading in Chinese (上联; for a
    riddle's title 谜面), its column name in English (upper_zh); usable wherever a message
    names a column."""

    def __init__(self, column: str, kind: str | None = None) -> None:
        self.column, self.kind = column, kind

    def render(self, lang: str) -> str:
        if lang == "en":
            return self.column
        if (self.kind, self.column) in KIND_HEADINGS:
            return KIND_HEADINGS[(self.kind, self.column)]
        aliases = COLUMNS.get(self.column, ())
        return next((a for a in aliases if not a.isascii()), self.column)

    def __str__(self) -> str:
        return self.render("zh")


# Headings a kind's sheet writes for a shared column (accepted headings, see COLUMNS).
KIND_HEADINGS = {
    ("riddle", "title_zh"): "谜面",
    ("riddle", "title_en"): "英文谜面",
    ("case", "title_zh"): "案例名称",
}


class EditRefused(Refused):
    """An edit that cannot be made; ``problems`` are its one-line reasons, first to show."""

    def __init__(self, problems: list[Text]) -> None:
        first = problems[0]
        super().__init__(first.key, **first.values)
        self.problems = list(problems)


class ItemEdits:
    """The panel's edits of one catalogue; see the module docstring."""

    def __init__(
        self,
        catalogue: Catalogue,
        store: MediaStore,
        changes: ChangeLog,
        changed: Callable[[], None],
    ) -> None:
        self.catalogue, self.store, self.changes, self._changed = catalogue, store, changes, changed

    # ------------------------------------------------------------------ reading
    def items(self, kind: str) -> list[Row]:
        """Every item of ``kind``, hidden ones too, in display order."""
        return self.catalogue.items([kind], enabled_only=False)

    def find(self, query: str, kind: str, limit: int = 200) -> list[Row]:
        """Items of ``kind`` matching ``query`` as the visitors' search matches (pinyin,
        initials, Chinese, English), hidden ones too."""
        hits = self.catalogue.search(query, limit=limit, kinds=[kind], enabled_only=False)
        rows = (self.catalogue.item(hit.id) for hit in hits)
        return [row for row in rows if row is not None]

    def position(self, key: str) -> tuple[int, int]:
        """Where the item stands in its kind's order: (position from 1, how many)."""
        item = self._item(key)
        keys = [row["key"] for row in self.items(item["kind"])]
        return keys.index(key) + 1, len(keys)

    # ------------------------------------------------------------------ editing
    def set_shown(self, key: str, shown: bool) -> None:
        """Show the item to visitors and in the loop, or hide it (it stays in the catalogue)."""
        self._update(self._item(key), {"enabled": int(shown)})

    def move(self, key: str, position: int) -> None:
        """Put the item at ``position`` (from 1; clamped) in its kind's order."""
        item = self._item(key)
        rows = self.items(item["kind"])
        old = next(i for i, row in enumerate(rows) if row["key"] == key)
        new = max(0, min(len(rows) - 1, position - 1))
        if new == old:
            return
        rows.insert(new, rows.pop(old))
        with self.catalogue.transaction():
            # The others keep their order among themselves; only their numbers may change.
            for n, row in enumerate(rows, start=1):
                if row["key"] != key and row["sort_order"] != n * ORDER_STEP:
                    self.catalogue.db["items"].update(row["id"], {"sort_order": n * ORDER_STEP})
            self._write(item, {"sort_order": (new + 1) * ORDER_STEP})
        self._changed()

    def set_when(
        self, key: str, values: Mapping[str, str | None], headings: Mapping[str, Any]
    ) -> None:
        """Set the validity dates and the schedule from the texts in ``values`` (an empty or
        missing one: no restriction), checked as a sheet row is; ``headings`` name each
        field in the messages (as a sheet's headings do).  Raises ``EditRefused``."""
        item = self._item(key)
        texts = {name: (values.get(name) or "").strip() for name in WHEN_FIELDS}
        given = {name: text for name, text in texts.items() if text or name in SCHEDULE_FIELDS}
        try:
            fields = item_fields(given, headings)
        except RowError as e:
            raise EditRefused(e.problems) from None
        wanted = {name: fields.get(name) for name in WHEN_FIELDS}
        self._update(item, wanted)

    def set_texts(self, key: str, values: Mapping[str, str], headings: Mapping[str, Any]) -> None:
        """Set the texts of a programme kind's item (``KIND_TEXTS``; an empty one is cleared),
        checked as a sheet row of that kind is: a couplet keeps both lines, a riddle an
        answer, a date is a date.  A couplet known by its upper line keeps being known by it.
        Raises ``EditRefused``."""
        item = self._item(key)
        kind = item["kind"]
        names = KIND_TEXTS.get(kind, ())
        texts = {name: (values.get(name) or "").strip() for name in names}
        given = {name: text for name, text in texts.items() if text or name != "style"}
        problems = kind_problems(kind, given, headings)
        try:
            fields = item_fields(given, headings)
        except RowError as e:
            problems += e.problems
        if problems:
            raise EditRefused(problems)
        wanted: dict[str, Any] = {name: fields.get(name) or None for name in names}
        if fields.get("date"):  # a case is placed in time by its date, as on import
            wanted["year_from"] = fields["year_from"]
        for lang in ("zh", "en") if kind == "couplet" else ():
            title, upper = f"title_{lang}", f"upper_{lang}"
            if not item.get(title) or item.get(title) == item.get(upper):
                wanted[title] = wanted[upper]
        self._update(item, wanted)

    def delete(self, key: str) -> list[Path]:
        """Delete the item, its links and its place in search; then its stored files that
        nothing uses any more.  Returns the files and folders removed."""
        item = self._item(key)
        media_ids = {item["media_id"], item["subtitles_id"]} - {None}
        gone: list[Row] = []
        with self.catalogue.transaction():
            search.remove_item(self.catalogue.db, item["id"])
            self.catalogue.db["items"].delete(item["id"])  # links go with it (cascade)
            self.changes.record("deleted", item)
            for media_id in sorted(media_ids):
                if not self._used(media_id):
                    media = self.catalogue.media(media_id)
                    if media is not None:
                        self.catalogue.db["media"].delete(media_id)  # renditions cascade
                        gone.append(media)
        self._changed()
        return [path for media in gone for path in self._remove_files(media)]

    # ------------------------------------------------------------------ helpers
    def _item(self, key: str) -> Row:
        item = self.catalogue.item(key)
        if item is None:
            raise EditRefused([Text("manage_gone", {"key": key})])
        return item

    def _update(self, item: Row, wanted: Mapping[str, Any]) -> None:
        changed = {k: v for k, v in wanted.items() if item.get(k) != v}
        if not changed:
            return
        with self.catalogue.transaction():
            self._write(item, changed)
        self._changed()

    def _write(self, item: Row, changed: Mapping[str, Any]) -> None:
        self.catalogue.update_item(item["id"], changed)
        self.changes.record_update(item, changed)

    def _used(self, media_id: int) -> bool:
        row = self.catalogue.db.execute(
            "SELECT EXISTS (SELECT 1 FROM items WHERE media_id = ?1 OR subtitles_id = ?1) "
            "OR EXISTS (SELECT 1 FROM maps WHERE media_id = ?1)",
            [media_id],
        ).fetchone()
        return bool(row[0])

    def _remove_files(self, media: Row) -> list[Path]:
        removed = []
        original = self.store.original(media["path"])
        if original.is_file():
            original.unlink()
            removed.append(original)
        folder = self.store.rendition(self.store.renditions_relpath(media["sha256"]))
        if folder.is_dir():
            shutil.rmtree(folder)
            removed.append(folder)
        return removed
