"""The changes table: what an import adds, changes, shows and hides is recorded."""

from __future__ import annotations

from pathlib import Path

from kiosk.catalog import Catalogue
from kiosk.catalog.changes import ChangeLog
from kiosk.catalog.files import MediaStore
from kiosk.ingest.importer import Importer
from kiosk.paths import Paths


def _sheet(folder: Path, rows: list[str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    sheet = folder / "sayings.csv"
    sheet.write_text("key,kind,title_zh,title_en,enabled\n" + "\n".join(rows) + "\n", "utf-8")
    return sheet


def test_an_import_records_added_changed_and_hidden(tmp_path):
    paths = Paths.default(tmp_path / "data")
    src = tmp_path / "src"
    with Catalogue.open(paths.catalogue) as cat:
        store = MediaStore.at(paths)
        s1 = "s1,aphorism,廉者，民之表也,Integrity leads"
        _sheet(src, [f"{s1},1", "s2,aphorism,清风,Clear wind,1"])
        Importer(cat, store).run([src])
        _sheet(src, [f"{s1} the people,1", "s2,aphorism,清风,Clear wind,0"])
        Importer(cat, store, changes=ChangeLog(cat, "usb")).run([src])
        rows = ChangeLog(cat).changes()
    seen = [(r["action"], r["source"], r["item_key"], r["fields"]) for r in rows]
    assert seen == [
        ("added", "import", "s1", None),
        ("added", "import", "s2", None),
        ("changed", "usb", "s1", "title_en"),
        ("hidden", "usb", "s2", None),
    ]
    assert rows[0]["origin"] == "sayings.csv row 2"
    assert rows[0]["title_zh"] == "廉者，民之表也"


def test_importing_the_same_sheet_again_records_nothing(tmp_path):
    paths = Paths.default(tmp_path / "data")
    src = tmp_path / "src"
    _sheet(src, ["s1,aphorism,廉者，民之表也,Integrity leads,1"])
    with Catalogue.open(paths.catalogue) as cat:
        Importer(cat, MediaStore.at(paths)).run([src])
        Importer(cat, MediaStore.at(paths)).run([src])
        assert len(ChangeLog(cat).changes()) == 1


def test_changes_between_times(tmp_path):
    with Catalogue.open(tmp_path / "c.sqlite") as cat:
        log = ChangeLog(cat, "panel")
        item = {"key": "k", "kind": "poster", "title_zh": "海报"}
        log.record("added", item, at="2027-01-31T23:00:00.000Z")
        log.record("deleted", item, at="2027-02-01T01:00:00.000Z")
        feb = log.changes("2027-02-01T00:00:00.000Z", "2027-03-01T00:00:00.000Z")
        assert [r["action"] for r in feb] == ["deleted"]
