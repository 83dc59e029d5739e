"""The catalogue on real SQLite files: schema, versions, items, links, search, records."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from kiosk.catalog import Catalogue, CatalogueError
from kiosk.catalog.library import RegionMap
from kiosk.catalog.schema import KNOWN, MIGRATION_SET


def add(cat, key, kind="person", **fields):
    item_id, _ = cat.upsert_item({"key": key, "kind": kind, **fields})
    return item_id


def test_new_catalogue_is_wal_and_fully_migrated(paths):
    with Catalogue.open(paths.catalogue) as cat:
        assert cat.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        names = {t for t in cat.db.table_names()}
        assert {"items", "media", "renditions", "links", "plays", "sessions"} <= names
    # Opening again applies nothing new and keeps the data.
    with Catalogue.open(paths.catalogue) as cat:
        add(cat, "yang-zhen", title_zh="杨震")
    with Catalogue.open(paths.catalogue) as cat:
        assert cat.item("yang-zhen")["title_zh"] == "杨震"


def test_catalogue_from_a_newer_version_is_refused_untouched(paths):
    with Catalogue.open(paths.catalogue) as cat:
        cat.db["_sqlite_migrations"].insert(
            {"migration_set": MIGRATION_SET, "name": "9999_from_the_future", "applied_at": "x"}
        )
    before = paths.catalogue.read_bytes()
    with pytest.raises(CatalogueError, match="newer version"):
        Catalogue.open(paths.catalogue)
    assert paths.catalogue.read_bytes() == before


def test_a_file_that_is_not_a_catalogue_gets_a_clear_error(paths):
    paths.catalogue.parent.mkdir(parents=True)
    paths.catalogue.write_text("this is not sqlite" * 100)
    with pytest.raises(CatalogueError, match="not a usable catalogue"):
        Catalogue.open(paths.catalogue)


def test_missing_catalogue_is_not_created_when_asked_not_to(paths):
    with pytest.raises(CatalogueError, match="no catalogue"):
        Catalogue.open(paths.catalogue, create=False)
    assert not paths.catalogue.exists()


def test_bce_years_are_stored_and_year_zero_refused(catalogue):
    add(catalogue, "confucius", title_zh="孔子", year_from=-551, year_to=-479)
    assert catalogue.item("confucius")["year_from"] == -551
    with pytest.raises(sqlite3.IntegrityError):
        add(catalogue, "nobody", title_zh="无", year_from=0)


def test_links_are_undirected_and_respect_enabled(catalogue):
    person = add(catalogue, "bao-zheng", title_zh="包拯")
    place = add(catalogue, "place-baogongci", "place", title_zh="包公祠")
    hidden = add(catalogue, "event-hidden", "event", title_zh="未公开", enabled=0)
    catalogue.link(place, person)
    catalogue.link(person, hidden)
    assert [r["key"] for r in catalogue.linked(person)] == ["place-baogongci"]
    assert [r["key"] for r in catalogue.linked(place)] == ["bao-zheng"]
    catalogue.link(person, place)  # the same link again is still one link
    assert catalogue.db["links"].count == 2


def test_items_honour_enabled_sort_order_and_validity(catalogue):
    add(catalogue, "b", "aphorism", title_zh="乙", sort_order=2)
    add(catalogue, "a", "aphorism", title_zh="甲", sort_order=1)
    add(catalogue, "off", "aphorism", title_zh="停", enabled=0)
    add(catalogue, "later", "aphorism", title_zh="后", valid_from="2027-01-01")
    add(catalogue, "past", "aphorism", title_zh="前", valid_until="2025-12-31")
    on = date(2026, 11, 21)
    assert [r["key"] for r in catalogue.items(["aphorism"], on=on)] == ["a", "b"]
    assert len(catalogue.items(["aphorism"], enabled_only=False)) == 5


@pytest.fixture
def searchable(catalogue):
    add(
        catalogue,
        "bao-zheng",
        title_zh="包拯",
        title_en="Bao Zheng",
        summary_zh="北宋官员，以清廉公正闻名。",
        summary_en="Northern Song official famed for integrity.",
    )
    add(
        catalogue,
        "bao-zheng-jiaxun",
        "aphorism",
        title_zh="包拯家训",
        title_en="Bao Zheng's family instruction",
        author_zh="包拯",
    )
    add(
        catalogue,
        "hai-rui",
        title_zh="海瑞",
        title_en="Hai Rui",
        summary_zh="明代官员，刚直不阿。",
        summary_en="Upright Ming official.",
    )
    add(
        catalogue,
        "lianzheng",
        "poster",
        title_zh="廉政从我做起",
        title_en="Clean government starts with me",
    )
    add(catalogue, "off", "poster", title_zh="包拯停用", enabled=0)
    return catalogue


@pytest.mark.parametrize(
    ("query", "first", "expected"),
    [
        ("包拯", "bao-zheng", {"bao-zheng", "bao-zheng-jiaxun"}),
        ("廉政", "lianzheng", {"lianzheng"}),
        ("baozheng", "bao-zheng", {"bao-zheng", "bao-zheng-jiaxun"}),
        ("bz", "bao-zheng", {"bao-zheng", "bao-zheng-jiaxun"}),
        ("hair", "hai-rui", {"hai-rui"}),
        ("integrity", "bao-zheng", {"bao-zheng"}),
        ("upright", "hai-rui", {"hai-rui"}),
        ("Hai Rui", "hai-rui", {"hai-rui"}),
        ("jiaxun", "bao-zheng-jiaxun", {"bao-zheng-jiaxun"}),
    ],
)
def test_search_chinese_english_pinyin_initials(searchable, query, first, expected):
    hits = searchable.search(query)
    assert {h.key for h in hits} == expected
    assert hits[0].key == first


def test_search_ignores_syntax_and_empty_queries(searchable):
    assert searchable.search("") == []
    assert searchable.search('"*() AND OR') == []
    # Upper-case AND/OR/NOT are FTS operators; typed by a visitor they are just words.
    assert searchable.search("包拯 OR 海瑞") == []  # all words must match
    assert [h.key for h in searchable.search("NOT bz")] == []


def test_search_follows_edits(searchable):
    searchable.update_item(searchable.item("hai-rui")["id"], {"title_zh": "海刚峰"})
    assert searchable.search("海瑞") == [] or all(
        h.key != "hai-rui" for h in searchable.search("海瑞")
    )
    assert searchable.search("海刚峰")[0].key == "hai-rui"


def test_play_and_session_records(catalogue):
    item_id = add(catalogue, "film-1", "aphorism", title_zh="片")
    session = catalogue.start_session("2026-11-21T10:00:00.000+00:00")
    catalogue.record_play(
        catalogue.item(item_id),
        started_at="2026-11-21T10:00:00.000+00:00",
        ended_at="2026-11-21T10:00:30.000+00:00",
        seconds=30.0,
        context="visitor",
        outcome="completed",
        session_id=session,
    )
    catalogue.end_session(session, ["home", "films"], "2026-11-21T10:01:00.000+00:00")
    (play,) = catalogue.plays()
    assert (play["item_key"], play["seconds"], play["outcome"]) == ("film-1", 30.0, "completed")
    with pytest.raises(sqlite3.IntegrityError):
        catalogue.record_play(
            catalogue.item(item_id),
            started_at="x",
            ended_at="y",
            seconds=1,
            context="nowhere",
            outcome="completed",
        )


def test_data_version_sees_commits_from_another_connection(paths):
    with Catalogue.open(paths.catalogue) as reader, Catalogue.open(paths.catalogue) as writer:
        before = reader.data_version()
        assert reader.data_version() == before
        add(writer, "new", title_zh="新")
        assert reader.data_version() != before


def test_catalogue_layer_never_imports_qt():
    code = (
        "import sys, kiosk.catalog, kiosk.catalog.check, kiosk.catalog.years, kiosk.catalog.files, "
        "kiosk.ingest.importer, kiosk.ingest.sheets\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'vlc'))]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_catalogue_from_before_maps_upgrades_and_keeps_its_items(paths):
    from sqlite_utils import Database

    from kiosk.catalog.schema import migrations

    paths.catalogue.parent.mkdir(parents=True)
    old = Database(paths.catalogue)
    migrations.apply(old, stop_before="0002_maps")
    assert "maps" not in old.table_names()
    old["items"].insert(
        {
            "key": "bao-zheng",
            "kind": "person",
            "title_zh": "包拯",
            "created_at": "x",
            "updated_at": "x",
        }
    )
    old.close()
    with Catalogue.open(paths.catalogue) as cat:
        assert cat.item("bao-zheng")["title_zh"] == "包拯"
        assert "maps" in cat.db.table_names()
        applied = {m.name for m in migrations.applied(cat.db)}
        assert applied == KNOWN  # every step since, changes (0005) included
        assert cat.db["changes"].count == 0
        assert cat.item("bao-zheng")["festival"] is None
        assert cat.maps() == []
        assert cat.db["runs"].count == 0
        assert cat.integrity_problems() == []


def _image_media(cat, sha="a" * 64):
    return cat.add_media(
        {
            "sha256": sha,
            "kind": "image",
            "format": "png",
            "path": f"{sha[:2]}/{sha}.png",
            "original_name": "map.png",
            "bytes": 10,
            "width": 400,
            "height": 300,
        },
        [],
    )


def test_maps_are_upserted_by_key_and_listed_in_order(catalogue):
    media_id = _image_media(catalogue)
    first, created = catalogue.upsert_map(
        {"key": "county", "title_zh": "县域图", "media_id": media_id, "sort_order": 20}
    )
    assert created
    catalogue.upsert_map({"key": "sketch", "media_id": media_id, "sort_order": 10})
    catalogue.upsert_map({"key": "hidden", "media_id": media_id, "enabled": 0})
    again, created = catalogue.upsert_map(
        {"key": "county", "media_id": media_id, "west": 115, "south": 30, "east": 117, "north": 32}
    )
    assert (again, created) == (first, False)
    county = catalogue.map("county")
    assert county["title_zh"] == "县域图"  # fields not given are kept
    assert (county["west"], county["south"], county["east"], county["north"]) == (115, 30, 117, 32)
    assert [m["key"] for m in catalogue.maps()] == ["sketch", "county"]
    assert [m["key"] for m in catalogue.maps(enabled_only=False)] == ["hidden", "sketch", "county"]
    assert catalogue.map("hidden")["enabled"] == 0
    assert catalogue.map("nowhere") is None
    with pytest.raises(ValueError, match="unknown map fields"):
        catalogue.upsert_map({"key": "x", "media_id": media_id, "lat": 1})


@pytest.mark.parametrize(
    "bounds",
    [
        {"west": 115},  # all four or none
        {"west": 117, "south": 30, "east": 115, "north": 32},  # west < east
        {"west": 115, "south": 32, "east": 117, "north": 30},  # south < north
        {"west": -181, "south": 30, "east": 117, "north": 32},
        {"west": 115, "south": 30, "east": 117, "north": 91},
    ],
)
def test_map_bounds_are_checked_by_the_database(catalogue, bounds):
    media_id = _image_media(catalogue)
    with pytest.raises(sqlite3.IntegrityError):
        catalogue.upsert_map({"key": "bad", "media_id": media_id, **bounds})
    assert catalogue.map("bad") is None


def test_a_map_needs_a_stored_file(catalogue):
    with pytest.raises(sqlite3.IntegrityError):
        catalogue.upsert_map({"key": "nofile"})
    with pytest.raises(sqlite3.IntegrityError):
        catalogue.upsert_map({"key": "dangling", "media_id": 999})


SKETCH = RegionMap("sketch", "示意图", "Sketch", Path("map.jpg"), 1700, 2600, (107, 17, 124, 43))


@pytest.mark.parametrize(
    ("place", "expected"),
    [
        ({"lat": 43.0, "lon": 107.0}, (0.0, 0.0)),  # north-west corner
        ({"lat": 17.0, "lon": 124.0}, (1.0, 1.0)),  # south-east corner
        ({"lat": 30.0, "lon": 115.5}, (0.5, 0.5)),
        ({"lat": 39.9368, "lon": 116.4062}, ((116.4062 - 107) / 17, (43 - 39.9368) / 26)),
        ({"lat": 30.0, "lon": 130.0}, None),  # east of the map
        ({"lat": 10.0, "lon": 115.0}, None),  # south of the map
        ({"lat": None, "lon": 115.0}, None),
        ({}, None),
        ({"lat": 30.0, "lon": 115.5, "map_x": 0.25, "map_y": 0.75}, (0.25, 0.75)),
        ({"lat": 30.0, "lon": 130.0, "map_x": 0.25, "map_y": 0.75}, (0.25, 0.75)),
        ({"lat": 30.0, "lon": 115.5, "map_x": 0.25, "map_y": None}, (0.5, 0.5)),  # both or not
        ({"map_x": 1.5, "map_y": 0.5}, None),
    ],
)
def test_region_map_positions(place, expected):
    position = SKETCH.position(place)
    if expected is None:
        assert position is None
    else:
        assert position == pytest.approx(expected)


def test_a_map_without_bounds_places_only_by_map_xy():
    plain = RegionMap("county", "县域图", None, Path("county.png"), 800, 600)
    assert plain.bounds is None
    assert plain.position({"lat": 30.0, "lon": 115.5}) is None
    assert plain.position({"lat": 30.0, "lon": 115.5, "map_x": 0.1, "map_y": 0.9}) == (0.1, 0.9)
