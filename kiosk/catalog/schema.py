"""The catalogue's schema, created and upgraded only through named migrations.

A migration, once released, is never edited: a change is a new migration
appended below.  A catalogue that has migrations this version does not know
was written by a newer Qingfeng Kiosk and is refused, never altered.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from kiosk.catalog.lean import import_sqlite_utils

import_sqlite_utils()  # before sqlite_utils itself (see lean.py)

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from kiosk.errors import KioskError

MIGRATION_SET = "qingfeng"

migrations = Migrations(MIGRATION_SET)


class CatalogueTooNew(KioskError):
    """The catalogue was written by a newer version of the kiosk."""


def _run(db: Database, *statements: str) -> None:
    for sql in statements:
        db.execute(sql)


@migrations(name="0001_initial")
def _initial(db: Database) -> None:
    _run(
        db,
        """
        CREATE TABLE media (
            id INTEGER PRIMARY KEY,
            sha256 TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL CHECK (kind IN ('image', 'video', 'subtitles')),
            format TEXT NOT NULL,
            path TEXT NOT NULL,
            original_name TEXT NOT NULL,
            bytes INTEGER NOT NULL,
            width INTEGER,
            height INTEGER,
            duration_s REAL,
            video_codec TEXT,
            audio_codec TEXT,
            fps REAL,
            created_at TEXT NOT NULL
        )""",
        """
        CREATE TABLE renditions (
            id INTEGER PRIMARY KEY,
            media_id INTEGER NOT NULL REFERENCES media(id) ON DELETE CASCADE,
            role TEXT NOT NULL,
            path TEXT NOT NULL,
            width INTEGER NOT NULL,
            height INTEGER NOT NULL,
            bytes INTEGER NOT NULL,
            UNIQUE (media_id, role)
        )""",
        """
        CREATE TABLE items (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL CHECK (kind IN ('film', 'poster', 'calligraphy', 'photo',
                'person', 'place', 'event', 'aphorism', 'topic')),
            title_zh TEXT, title_en TEXT,
            summary_zh TEXT, summary_en TEXT,
            body_zh TEXT, body_en TEXT,
            author_zh TEXT, author_en TEXT,
            source_zh TEXT, source_en TEXT,
            era_zh TEXT, era_en TEXT,
            year_from INTEGER CHECK (year_from IS NULL OR year_from <> 0),
            year_to INTEGER CHECK (year_to IS NULL OR year_to <> 0),
            date TEXT,
            region TEXT,
            lat REAL, lon REAL,
            map_x REAL, map_y REAL,
            enabled INTEGER NOT NULL DEFAULT 1,
            sort_order INTEGER NOT NULL DEFAULT 0,
            valid_from TEXT,
            valid_until TEXT,
            media_id INTEGER REFERENCES media(id),
            subtitles_id INTEGER REFERENCES media(id),
            origin TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""",
        "CREATE INDEX items_kind ON items (kind, enabled, sort_order)",
        "CREATE INDEX items_media ON items (media_id)",
        """
        CREATE TABLE links (
            a INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
            b INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
            relation TEXT NOT NULL DEFAULT 'related',
            PRIMARY KEY (a, b),
            CHECK (a < b)
        )""",
        "CREATE INDEX links_b ON links (b)",
        # Search: CJK text is indexed character by character and matched as
        # phrases; pinyin and initials are indexed from every syllable onward
        # so that typing any prefix finds the item.  Titles and texts are two
        # tables: title matches come first and are far fewer.
        """
        CREATE VIRTUAL TABLE search_titles USING fts5 (
            zh, en, py, ini,
            tokenize = 'unicode61 remove_diacritics 2',
            prefix = '1 2 3'
        )""",
        """
        INSERT INTO search_titles (search_titles, rank)
        VALUES ('rank', 'bm25(10.0, 10.0, 6.0, 5.0)')""",
        """
        CREATE VIRTUAL TABLE search_texts USING fts5 (
            zh, en,
            tokenize = 'unicode61 remove_diacritics 2',
            prefix = '1 2 3'
        )""",
        "CREATE INDEX items_title_zh ON items (title_zh)",
        "CREATE INDEX items_title_en ON items (title_en COLLATE NOCASE)",
        """
        CREATE TABLE sessions (
            id INTEGER PRIMARY KEY,
            started_at TEXT NOT NULL,
            ended_at TEXT,
            screens TEXT NOT NULL DEFAULT '[]'
        )""",
        """
        CREATE TABLE plays (
            id INTEGER PRIMARY KEY,
            item_id INTEGER REFERENCES items(id) ON DELETE SET NULL,
            item_key TEXT NOT NULL,
            started_at TEXT NOT NULL,
            ended_at TEXT NOT NULL,
            seconds REAL NOT NULL,
            context TEXT NOT NULL CHECK (context IN ('loop', 'visitor')),
            outcome TEXT NOT NULL CHECK (outcome IN ('completed', 'skipped', 'failed')),
            reason TEXT,
            session_id INTEGER REFERENCES sessions(id)
        )""",
        "CREATE INDEX plays_started ON plays (started_at)",
        "CREATE INDEX plays_item ON plays (item_id)",
    )


@migrations(name="0002_maps")
def _maps(db: Database) -> None:
    # Region maps: a picture shipped with the content (no online tiles) and,
    # optionally, the area it shows in degrees, so places can be pinned by
    # latitude and longitude (equirectangular: linear in both).
    _run(
        db,
        """
        CREATE TABLE maps (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            title_zh TEXT, title_en TEXT,
            media_id INTEGER NOT NULL REFERENCES media(id),
            west REAL, south REAL, east REAL, north REAL,
            enabled INTEGER NOT NULL DEFAULT 1,
            sort_order INTEGER NOT NULL DEFAULT 0,
            origin TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK (
                (west IS NULL AND south IS NULL AND east IS NULL AND north IS NULL)
                OR (west IS NOT NULL AND south IS NOT NULL
                    AND east IS NOT NULL AND north IS NOT NULL
                    AND west >= -180 AND east <= 180 AND south >= -90 AND north <= 90
                    AND west < east AND south < north)
            )
        )""",
    )


@migrations(name="0003_runs")
def _runs(db: Database) -> None:
    # One row per kiosk process the supervisor started (kiosk.catalog.runs):
    # when it started, when its first frame was on screen, when and how it
    # ended (exit: the operator's exit; stop: stopped by a signal or the system;
    # crash: died or exited with an error; hang: stopped answering and was
    # killed; failed-start: died before its first frame; lost: the supervisor
    # itself ended without seeing the end), the exit code or the signal that
    # ended it, whether it ran in safe mode (stills only) and since when, the
    # item it was told to start at and the item showing at its last heartbeat.
    _run(
        db,
        """
        CREATE TABLE runs (
            id INTEGER PRIMARY KEY,
            started_at TEXT NOT NULL,
            first_frame_at TEXT,
            last_beat_at TEXT,
            ended_at TEXT,
            ended_how TEXT CHECK (ended_how IS NULL OR ended_how IN
                ('exit', 'stop', 'crash', 'hang', 'failed-start', 'lost')),
            exit_code INTEGER,
            signal INTEGER,
            safe_mode INTEGER NOT NULL DEFAULT 0 CHECK (safe_mode IN (0, 1)),
            safe_since TEXT,
            resume_key TEXT,
            last_key TEXT,
            pid INTEGER
        )""",
        "CREATE INDEX runs_started ON runs (started_at)",
    )


@migrations(name="0004_item_schedules")
def _item_schedules(db: Database) -> None:
    # When an item may play in the attract loop (kiosk.schedule.items): weekdays,
    # time bands, a festival window and a campaign's share of the loop, stored
    # normalised (weekdays "1,2,3,4,5", hours "08:00-12:00;18:00-02:00", the
    # festival's Chinese name, share "1/3"); NULL is no restriction.
    _run(
        db,
        "ALTER TABLE items ADD COLUMN weekdays TEXT",
        "ALTER TABLE items ADD COLUMN hours TEXT",
        "ALTER TABLE items ADD COLUMN festival TEXT",
        "ALTER TABLE items ADD COLUMN days_before INTEGER",
        "ALTER TABLE items ADD COLUMN days_after INTEGER",
        "ALTER TABLE items ADD COLUMN share TEXT",
    )


@migrations(name="0005_changes")
def _changes(db: Database) -> None:
    # Every change to the content (kiosk.catalog.changes), for the report: when
    # (UTC), what was done (added, changed, shown, hidden, deleted), where it came
    # from (import: a sheet or folder through ``kiosk import``; usb, bundle, watch,
    # panel), the origin as the operator wrote it (a file and row, a bundle's
    # name), the item's key, kind and titles as they were (a deleted item's too)
    # and the names of the fields changed.  No personal data.
    _run(
        db,
        """
        CREATE TABLE changes (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            action TEXT NOT NULL CHECK (action IN
                ('added', 'changed', 'shown', 'hidden', 'deleted')),
            source TEXT NOT NULL,
            origin TEXT,
            item_key TEXT,
            kind TEXT,
            title_zh TEXT,
            title_en TEXT,
            fields TEXT
        )""",
        "CREATE INDEX changes_at ON changes (at)",
    )


@migrations(name="0006_bundles")
def _bundles(db: Database) -> None:
    # Signed content bundles applied (kiosk.bundles): the signer's key id, the bundle's
    # version (monotonic per signer) and creation time from its signed manifest, when it
    # was applied, its file name, whether it was full (the signer's whole content) or
    # forced (an older version on purpose), the SHA-256 of its manifest, and what it did.
    # bundle_items: which items each signer's bundles brought, and those a later full
    # bundle of the same signer hid (enabled = 0), so that bringing them back shows them.
    _run(
        db,
        """
        CREATE TABLE bundles (
            id INTEGER PRIMARY KEY,
            signer TEXT NOT NULL,
            version INTEGER NOT NULL,
            created TEXT NOT NULL,
            applied_at TEXT NOT NULL,
            file_name TEXT NOT NULL,
            full INTEGER NOT NULL CHECK (full IN (0, 1)),
            forced INTEGER NOT NULL DEFAULT 0 CHECK (forced IN (0, 1)),
            manifest_sha256 TEXT NOT NULL,
            files INTEGER NOT NULL,
            bytes INTEGER NOT NULL,
            imported INTEGER NOT NULL,
            updated INTEGER NOT NULL,
            unchanged INTEGER NOT NULL,
            hidden INTEGER NOT NULL
        )""",
        "CREATE INDEX bundles_signer ON bundles (signer, id)",
        """
        CREATE TABLE bundle_items (
            signer TEXT NOT NULL,
            item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
            bundle_id INTEGER NOT NULL REFERENCES bundles(id),
            hidden INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
            PRIMARY KEY (signer, item_id)
        )""",
        "CREATE INDEX bundle_items_item ON bundle_items (item_id)",
    )


@migrations(name="0007_visit_choices")
def _visit_choices(db: Database) -> None:
    # What each visit chose (kiosk.records), for the report: the languages it used, in the
    # order first used ("zh", "zh,en"), and whether large text was on at any moment (1) or
    # never (0).  NULL: a visit recorded before this step, or cut short by a crash.
    _run(
        db,
        "ALTER TABLE sessions ADD COLUMN languages TEXT",
        "ALTER TABLE sessions ADD COLUMN large_text INTEGER "
        "CHECK (large_text IS NULL OR large_text IN (0, 1))",
    )


@contextmanager
def _foreign_keys_off(db: Database) -> Iterator[None]:
    """One transaction with foreign keys off (a table rebuild's DROP would cascade), checked
    before it commits; foreign keys on again afterwards."""
    db.execute("PRAGMA foreign_keys = OFF")
    try:
        with db.atomic():
            yield
            problems = db.execute("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise RuntimeError(f"foreign keys broken by the rebuild: {problems[:3]}")
    finally:
        db.execute("PRAGMA foreign_keys = ON")


def _loosen_check(db: Database, table: str, old: str, new: str) -> None:
    """Rebuild ``table`` with ``old`` replaced by ``new`` in its CREATE statement (SQLite
    cannot alter a CHECK): the documented way, a copy under a new name swapped in, rows and
    ids kept, its indexes made again.  Foreign keys must be off (a DROP would cascade)."""
    sql = db.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [table])
    create = sql.fetchone()[0]
    if new in create:
        return  # done before (this step runs outside a transaction)
    if old not in create:
        raise RuntimeError(f"unexpected schema of {table}: {old!r} not found")
    indexes = [
        row[0]
        for row in db.execute(
            "SELECT sql FROM sqlite_master "
            "WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
            [table],
        )
    ]
    columns = ", ".join(c.name for c in db[table].columns)
    _run(
        db,
        re.sub(rf'^CREATE TABLE "?{table}"?', f"CREATE TABLE {table}_new", create).replace(
            old, new
        ),
        f"INSERT INTO {table}_new ({columns}) SELECT {columns} FROM {table}",
        f"DROP TABLE {table}",
        f"ALTER TABLE {table}_new RENAME TO {table}",
        *indexes,
    )


@migrations(name="0008_programme_kinds", transactional=False)
def _programme_kinds(db: Database) -> None:
    # The programme's own kinds (kiosk.catalog.model): warning cases, couplets, lantern
    # riddles, the rules ticker and songs (audio, with their .lrc lyrics as timed text).
    # Their fields: a case's person and former post, outcome and confession; a riddle's
    # hint and answer; a couplet's upper and lower line, banner and style (festival: red
    # paper, hall: a hall couplet).  The kind CHECKs of items and media are widened by
    # rebuilding both tables, with foreign keys off so that nothing cascades.
    with _foreign_keys_off(db):
        _loosen_check(
            db,
            "items",
            "'aphorism', 'topic'))",
            "'aphorism', 'topic', 'song', 'case', 'couplet', 'riddle', 'ticker'))",
        )
        _loosen_check(
            db,
            "media",
            "kind IN ('image', 'video', 'subtitles')",
            "kind IN ('image', 'video', 'subtitles', 'audio', 'lyrics')",
        )
        have = {c.name for c in db["items"].columns}
        for column in (
            "person_zh", "person_en", "outcome_zh", "outcome_en",
            "confession_zh", "confession_en", "hint_zh", "hint_en",
            "answer_zh", "answer_en", "upper_zh", "upper_en", "lower_zh", "lower_en",
            "banner_zh", "banner_en", "style",
        ):  # fmt: skip
            if column not in have:
                db.execute(f"ALTER TABLE items ADD COLUMN {column} TEXT")


@migrations(name="0009_quiz", transactional=False)
def _quiz(db: Database) -> None:
    # The knowledge quiz (kiosk.catalog.quiz): questions are items of kind 'question' whose
    # type, options, answer and difficulty are one JSON text (``quiz``; the explanation is
    # the body).  quiz_rounds: one row per round played (visitor: a visitor's round; group:
    # a guide's contest), how many questions were asked and answered right; quiz_answers:
    # each question asked in a round and whether it was answered right (NULL: shown, not
    # answered).  No names, nothing personal.
    with _foreign_keys_off(db):
        _loosen_check(
            db,
            "items",
            "'riddle', 'ticker'))",
            "'riddle', 'ticker', 'question'))",
        )
        if "quiz" not in {c.name for c in db["items"].columns}:
            db.execute("ALTER TABLE items ADD COLUMN quiz TEXT")
        _run(
            db,
            """
            CREATE TABLE IF NOT EXISTS quiz_rounds (
                id INTEGER PRIMARY KEY,
                started_at TEXT NOT NULL,
                ended_at TEXT,
                mode TEXT NOT NULL CHECK (mode IN ('visitor', 'group')),
                asked INTEGER NOT NULL DEFAULT 0,
                correct INTEGER NOT NULL DEFAULT 0,
                lang TEXT
            )""",
            "CREATE INDEX IF NOT EXISTS quiz_rounds_started ON quiz_rounds (started_at)",
            """
            CREATE TABLE IF NOT EXISTS quiz_answers (
                id INTEGER PRIMARY KEY,
                round_id INTEGER NOT NULL REFERENCES quiz_rounds(id) ON DELETE CASCADE,
                item_id INTEGER REFERENCES items(id) ON DELETE SET NULL,
                item_key TEXT NOT NULL,
                at TEXT NOT NULL,
                correct INTEGER CHECK (correct IS NULL OR correct IN (0, 1))
            )""",
            "CREATE INDEX IF NOT EXISTS quiz_answers_round ON quiz_answers (round_id)",
        )


@migrations(name="0010_pledges", transactional=False)
def _pledges(db: Database) -> None:
    # The pledge wall (kiosk.pledge): the pledge text is an item of kind 'pledge' (heading
    # in the title, text in the body); each signature is a row of ``signatures``: when (UTC),
    # its strokes as JSON of integer points on the pad scaled to PLEDGE_GRID (kiosk.pledge.
    # signature), how many points, and its rendered picture (a PNG below the data folder's
    # ``pledges``, relative) or NULL.  No name, nothing personal.
    with _foreign_keys_off(db):
        _loosen_check(
            db,
            "items",
            "'ticker', 'question'))",
            "'ticker', 'question', 'pledge'))",
        )
        _run(
            db,
            """
            CREATE TABLE IF NOT EXISTS signatures (
                id INTEGER PRIMARY KEY,
                signed_at TEXT NOT NULL,
                strokes TEXT NOT NULL,
                points INTEGER NOT NULL,
                picture TEXT
            )""",
            "CREATE INDEX IF NOT EXISTS signatures_signed ON signatures (signed_at)",
        )


# Every step this version knows (asked of an empty database, through the public API).
KNOWN = frozenset(m.name for m in migrations.pending(Database(memory=True)))


def upgrade(db: Database) -> None:
    """Refuse a newer catalogue; otherwise apply every pending migration."""
    applied = {m.name for m in migrations.applied(db)}
    unknown = sorted(applied - KNOWN)
    if unknown:
        raise CatalogueTooNew(
            "this catalogue was written by a newer version of Qingfeng Kiosk "
            f"(schema step {unknown[-1]!r} is unknown here); install the newer version "
            "or use another data directory — the catalogue was left untouched"
        )
    if migrations.pending(db):
        migrations.apply(db)
