"""Search: keeping the full-text index and answering queries as visitors type.

Two FTS5 tables: ``search_titles`` (Chinese title, English title, pinyin and
initials of title and author) and ``search_texts`` (everything else).  A query
looks in titles first and in texts only to fill the page.  Each stage reads at
most ``CANDIDATES`` matches in index order and ranks those: a one-letter
query in a 100,000-item catalogue stays fast, and for anything a visitor would
actually type the candidates hold every good answer.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from kiosk.catalog.lean import import_sqlite_utils

import_sqlite_utils()  # before sqlite_utils itself (see lean.py)

from sqlite_utils import Database

from kiosk.catalog import text

CANDIDATES = 400

# Never found by a visitor's search: a quiz question's page would give its answer away.
UNSEARCHED_KINDS = ("question",)

# The programme kinds' own texts (a case's person, outcome and confession; a riddle's
# hint and answer; a couplet's lines and banner), searched like the body.
PROGRAMME_ZH = (
    "person_zh",
    "outcome_zh",
    "confession_zh",
    "hint_zh",
    "answer_zh",
    "upper_zh",
    "lower_zh",
    "banner_zh",
)
PROGRAMME_EN = tuple(f.removesuffix("_zh") + "_en" for f in PROGRAMME_ZH)

Row = dict[str, Any]


def index_item(db: Database, row: Row) -> None:
    if row["kind"] in UNSEARCHED_KINDS:
        remove_item(db, row["id"])
        return
    py, ini = text.pinyin_tokens(" ".join(filter(None, (row["title_zh"], row["author_zh"]))))
    zh_text = " ".join(
        filter(
            None,
            (
                row[f]
                for f in (
                    "summary_zh",
                    "body_zh",
                    "author_zh",
                    "source_zh",
                    "era_zh",
                    "region",
                    *PROGRAMME_ZH,
                )
            ),
        )
    )
    en_text = " ".join(
        filter(
            None,
            (
                row[f]
                for f in (
                    "summary_en",
                    "body_en",
                    "author_en",
                    "source_en",
                    "era_en",
                    *PROGRAMME_EN,
                )
            ),
        )
    )
    item_id = row["id"]
    remove_item(db, item_id)
    db.execute(
        "INSERT INTO search_titles (rowid, zh, en, py, ini) VALUES (?, ?, ?, ?, ?)",
        [item_id, text.cjk_tokens(row["title_zh"]), text.cjk_tokens(row["title_en"]), py, ini],
    )
    db.execute(
        "INSERT INTO search_texts (rowid, zh, en) VALUES (?, ?, ?)",
        [item_id, text.cjk_tokens(zh_text), text.cjk_tokens(en_text)],
    )


def remove_item(db: Database, item_id: int) -> None:
    """Forget a deleted item."""
    db.execute("DELETE FROM search_titles WHERE rowid = ?", [item_id])
    db.execute("DELETE FROM search_texts WHERE rowid = ?", [item_id])


def clear(db: Database) -> None:
    db.execute("DELETE FROM search_titles")
    db.execute("DELETE FROM search_texts")


def _match(phrases: list[str], words: list[str], *, titles: bool) -> str:
    zh_cols = "zh"
    ascii_cols = "{en py ini}" if titles else "en"
    parts = [f'{zh_cols} : "{p}"' for p in phrases]
    parts += [f"{ascii_cols} : {w}*" for w in words]
    return " AND ".join(parts)


def _tier(hit: Row, q: str, joined: str) -> int:
    """0: the title is what was typed; 1: the title starts with it; 2: other."""
    zh, en = hit["title_zh"] or "", (hit["title_en"] or "").lower()
    py_first = hit["py"].split(" ", 1)[0] if hit["py"] else ""
    ini_first = hit["ini"].split(" ", 1)[0] if hit["ini"] else ""
    if q in (zh, en) or (joined and joined in (py_first, ini_first)):
        return 0
    if (
        zh.startswith(q)
        or en.startswith(q)
        or (joined and (py_first.startswith(joined) or ini_first.startswith(joined)))
    ):
        return 1
    return 2


def _candidates(
    db: Database,
    table: str,
    match: str,
    kinds: list[str] | None,
    exclude: set[int],
    enabled_only: bool = True,
) -> list[Row]:
    cols = "s.py, s.ini" if table == "search_titles" else "NULL AS py, NULL AS ini"
    sql = (
        f"SELECT items.id, items.key, items.kind, items.title_zh, items.title_en, "
        f"items.sort_order, {cols}, s.rank AS score "
        f"FROM {table} AS s JOIN items ON items.id = s.rowid "
        f"WHERE {table} MATCH ?" + (" AND items.enabled = 1" if enabled_only else "")
    )
    args: list[Any] = [match]
    if kinds:
        sql += f" AND items.kind IN ({', '.join('?' for _ in kinds)})"
        args += kinds
    sql += " LIMIT ?"
    args.append(CANDIDATES + len(exclude))
    cur = db.execute(sql, args)
    names = [d[0] for d in cur.description]
    rows = (dict(zip(names, r, strict=True)) for r in cur.fetchall())
    return [r for r in rows if r["id"] not in exclude]


def search(
    db: Database,
    query: str,
    *,
    limit: int = 50,
    kinds: Iterable[str] | None = None,
    enabled_only: bool = True,
) -> list[tuple[Row, float]]:
    phrases, words = text.query_terms(query)
    if not phrases and not words:
        return []
    kinds = list(kinds) if kinds is not None else None
    q = query.strip().lower()
    joined = "".join(words)
    titles = _candidates(
        db, "search_titles", _match(phrases, words, titles=True), kinds, set(), enabled_only
    )
    titles.sort(key=lambda r: (_tier(r, q, joined), r["score"], r["sort_order"]))
    hits = titles[:limit]
    if len(hits) < limit:
        seen = {r["id"] for r in hits}
        match = _match(phrases, words, titles=False)
        texts = _candidates(db, "search_texts", match, kinds, seen, enabled_only)
        texts.sort(key=lambda r: (r["score"], r["sort_order"]))
        hits += texts[: limit - len(hits)]
    return [(r, r["score"]) for r in hits]
