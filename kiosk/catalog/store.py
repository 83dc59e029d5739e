"""The catalogue: items, media, links, maps, search and play records in one SQLite file.

Usable as a library: ``Catalogue.open(path)``.  Nothing here imports Qt.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from kiosk.catalog.lean import import_sqlite_utils

import_sqlite_utils()  # before sqlite_utils itself (see lean.py)

from sqlite_utils import Database

from kiosk.catalog import schema, search
from kiosk.catalog.model import ITEM_FIELDS, KINDS, MAP_FIELDS
from kiosk.catalog.visits import VisitLog
from kiosk.errors import KioskError

Row = dict[str, Any]


class CatalogueError(KioskError):
    """The catalogue file cannot be used; the message says why and what to do."""


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


@dataclass(frozen=True)
class SearchHit:
    id: int
    key: str
    kind: str
    title_zh: str | None
    title_en: str | None
    score: float


class Catalogue:
    """One open catalogue file."""

    def __init__(self, db: Database, path: Path | None) -> None:
        self.db = db
        self.path = path

    # ----------------------------------------------------------------- opening
    @classmethod
    def open(cls, path: Path | str, *, create: bool = True) -> Catalogue:
        """Open (and create or upgrade) the catalogue at ``path``.

        Raises CatalogueError with an operator-readable message when the file
        is missing (and ``create`` is false), not a catalogue, or too new.
        """
        path = Path(path)
        if not path.exists() and not create:
            raise CatalogueError(f"no catalogue at {path}; run 'kiosk import' or 'kiosk demo'")
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            conn = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
            db = Database(conn)
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")
            db.execute("PRAGMA foreign_keys = ON")
            schema.upgrade(db)
        except schema.CatalogueTooNew as e:
            raise CatalogueError(f"{path}: {e}") from None
        except sqlite3.DatabaseError as e:
            raise CatalogueError(
                f"{path} is not a usable catalogue ({e}); move it aside and import again"
            ) from None
        return cls(db, path)

    @classmethod
    def memory(cls) -> Catalogue:
        db = Database(memory=True)
        schema.upgrade(db)
        return cls(db, None)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Catalogue:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All writes inside commit together or not at all."""
        with self.db.atomic():
            yield

    def data_version(self) -> int:
        """Changes whenever another connection commits (WAL-safe change detection)."""
        return self.db.execute("PRAGMA data_version").fetchone()[0]

    # ------------------------------------------------------------------ media
    def media_by_sha(self, sha256: str) -> Row | None:
        rows = list(self.db["media"].rows_where("sha256 = ?", [sha256]))
        return rows[0] if rows else None

    def media(self, media_id: int) -> Row | None:
        rows = list(self.db["media"].rows_where("id = ?", [media_id]))
        return rows[0] if rows else None

    def add_media(self, fields: Mapping[str, Any], renditions: Iterable[Mapping[str, Any]]) -> int:
        """Insert a stored file and its renditions; returns the media id."""
        row = dict(fields)
        row.setdefault("created_at", now_iso())
        media_id = self.db["media"].insert(row).last_pk
        for r in renditions:
            self.db["renditions"].insert({**r, "media_id": media_id})
        return media_id

    def renditions(self, media_id: int) -> dict[str, Row]:
        return {r["role"]: r for r in self.db["renditions"].rows_where("media_id = ?", [media_id])}

    def all_media(self) -> Iterator[Row]:
        yield from self.db["media"].rows_where(order_by="id")

    def all_renditions(self) -> Iterator[Row]:
        yield from self.db["renditions"].rows_where(order_by="id")

    # ------------------------------------------------------------------ items
    def upsert_item(self, fields: Mapping[str, Any]) -> tuple[int, bool]:
        """Insert or update the item with ``fields['key']``; (id, created)."""
        unknown = set(fields) - set(ITEM_FIELDS)
        if unknown:
            raise ValueError(f"unknown item fields: {sorted(unknown)}")
        if fields.get("kind") not in KINDS:
            raise ValueError(f"unknown kind {fields.get('kind')!r}")
        existing = self.item(fields["key"])
        stamp = now_iso()
        if existing is None:
            row = {**fields, "created_at": stamp, "updated_at": stamp}
            item_id = self.db["items"].insert(row).last_pk
            created = True
        else:
            item_id = existing["id"]
            self.db["items"].update(item_id, {**fields, "updated_at": stamp})
            created = False
        self._index(item_id)
        return item_id, created

    def update_item(self, item_id: int, fields: Mapping[str, Any]) -> None:
        """Change some fields of an existing item (its key included)."""
        unknown = set(fields) - set(ITEM_FIELDS)
        if unknown:
            raise ValueError(f"unknown item fields: {sorted(unknown)}")
        self.db["items"].update(item_id, {**fields, "updated_at": now_iso()})
        self._index(item_id)

    def item(self, key_or_id: str | int) -> Row | None:
        column = "id" if isinstance(key_or_id, int) else "key"
        rows = list(self.db["items"].rows_where(f"{column} = ?", [key_or_id]))
        return rows[0] if rows else None

    def item_titled(self, kind: str, title_zh: str | None, title_en: str | None) -> Row | None:
        """The first item of ``kind`` with this Chinese title (else English title), if any."""
        for column, title in (("title_zh", title_zh), ("title_en", title_en)):
            if title:
                rows = self.db["items"].rows_where(
                    f"kind = ? AND {column} = ?", [kind, title], order_by="id", limit=1
                )
                for row in rows:
                    return row
        return None

    def items(
        self,
        kinds: Iterable[str] | None = None,
        *,
        enabled_only: bool = True,
        on: date | None = None,
    ) -> list[Row]:
        """Items in display order; ``on`` keeps those valid on that day."""
        where, args = ["1 = 1"], []
        if kinds is not None:
            kinds = list(kinds)
            where.append(f"kind IN ({', '.join('?' for _ in kinds)})")
            args += kinds
        if enabled_only:
            where.append("enabled = 1")
        if on is not None:
            day = on.isoformat()
            where.append("(valid_from IS NULL OR valid_from <= ?)")
            where.append("(valid_until IS NULL OR valid_until >= ?)")
            args += [day, day]
        return list(
            self.db["items"].rows_where(" AND ".join(where), args, order_by="sort_order, id")
        )

    def count(self, kind: str | None = None) -> int:
        if kind is None:
            return self.db["items"].count
        return self.db.execute("SELECT count(*) FROM items WHERE kind = ?", [kind]).fetchone()[0]

    def counts(self) -> dict[str, int]:
        return dict(self.db.execute("SELECT kind, count(*) FROM items GROUP BY kind").fetchall())

    def keys(self) -> set[str]:
        return {r[0] for r in self.db.execute("SELECT key FROM items").fetchall()}

    # ------------------------------------------------------------------- maps
    def upsert_map(self, fields: Mapping[str, Any]) -> tuple[int, bool]:
        """Insert or update the region map with ``fields['key']``; (id, created)."""
        unknown = set(fields) - set(MAP_FIELDS)
        if unknown:
            raise ValueError(f"unknown map fields: {sorted(unknown)}")
        existing = self.map(fields["key"])
        stamp = now_iso()
        if existing is None:
            row = {**fields, "created_at": stamp, "updated_at": stamp}
            return self.db["maps"].insert(row).last_pk, True
        self.db["maps"].update(existing["id"], {**fields, "updated_at": stamp})
        return existing["id"], False

    def map(self, key: str) -> Row | None:
        """The region map with this key, enabled or not."""
        rows = list(self.db["maps"].rows_where("key = ?", [key]))
        return rows[0] if rows else None

    def maps(self, *, enabled_only: bool = True) -> list[Row]:
        """Region maps in display order."""
        where = "enabled = 1" if enabled_only else None
        return list(self.db["maps"].rows_where(where, order_by="sort_order, id"))

    # ------------------------------------------------------------------ links
    def link(self, a: int, b: int, relation: str = "related") -> None:
        if a == b:
            return
        lo, hi = sorted((a, b))
        self.db.execute(
            "INSERT INTO links (a, b, relation) VALUES (?, ?, ?) "
            "ON CONFLICT (a, b) DO UPDATE SET relation = excluded.relation",
            [lo, hi, relation],
        )

    def unlink_all(self, item_id: int) -> None:
        self.db.execute("DELETE FROM links WHERE a = ? OR b = ?", [item_id, item_id])

    def linked(self, item_id: int, kinds: Iterable[str] | None = None) -> list[Row]:
        """Items linked to ``item_id`` (either direction), enabled ones, in display order."""
        sql = (
            "SELECT items.*, links.relation AS relation FROM links "
            "JOIN items ON items.id = CASE WHEN links.a = ? THEN links.b ELSE links.a END "
            "WHERE (links.a = ? OR links.b = ?) AND items.enabled = 1"
        )
        args: list[Any] = [item_id, item_id, item_id]
        if kinds is not None:
            kinds = list(kinds)
            sql += f" AND items.kind IN ({', '.join('?' for _ in kinds)})"
            args += kinds
        sql += " ORDER BY items.sort_order, items.id"
        cur = self.db.execute(sql, args)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    # ----------------------------------------------------------------- search
    def _index(self, item_id: int) -> None:
        row = self.item(item_id)
        assert row is not None
        search.index_item(self.db, row)

    def reindex(self) -> None:
        """Rebuild the whole search index (after a tokenizer change)."""
        with self.transaction():
            search.clear(self.db)
            for row in self.db["items"].rows:
                search.index_item(self.db, row)

    def search(
        self,
        query: str,
        *,
        limit: int = 50,
        kinds: Iterable[str] | None = None,
        enabled_only: bool = True,
    ) -> list[SearchHit]:
        """Items matching what a visitor typed: Chinese, English, pinyin or initials.

        Exact titles first, then titles starting with the query, then other
        title matches, then matches in the texts; disabled items left out
        unless ``enabled_only`` is false (the operator's Content page).
        """
        hits = search.search(self.db, query, limit=limit, kinds=kinds, enabled_only=enabled_only)
        return [
            SearchHit(r["id"], r["key"], r["kind"], r["title_zh"], r["title_en"], score)
            for r, score in hits
        ]

    # ------------------------------------------------------ play and sessions
    def start_session(self, started_at: str | None = None) -> int:
        return VisitLog(self).start(started_at or now_iso())

    def end_session(self, session_id: int, screens: list[str], ended_at: str | None = None) -> None:
        VisitLog(self).end(session_id, screens, ended_at or now_iso())

    def record_play(
        self,
        item: Mapping[str, Any],
        *,
        started_at: str,
        ended_at: str,
        seconds: float,
        context: str,
        outcome: str,
        reason: str | None = None,
        session_id: int | None = None,
    ) -> int:
        return (
            self.db["plays"]
            .insert(
                {
                    "item_id": item["id"],
                    "item_key": item["key"],
                    "started_at": started_at,
                    "ended_at": ended_at,
                    "seconds": round(seconds, 3),
                    "context": context,
                    "outcome": outcome,
                    "reason": reason,
                    "session_id": session_id,
                }
            )
            .last_pk
        )

    def plays(self) -> list[Row]:
        return list(self.db["plays"].rows_where(order_by="id"))

    # -------------------------------------------------------------- integrity
    def integrity_problems(self) -> list[str]:
        """SQLite's own integrity and foreign-key checks; empty when all is well."""
        problems = [
            r[0] for r in self.db.execute("PRAGMA integrity_check").fetchall() if r[0] != "ok"
        ]
        problems += [
            f"table {r[0]} row {r[1]} points at a missing {r[2]} row"
            for r in self.db.execute("PRAGMA foreign_key_check").fetchall()
        ]
        return problems
