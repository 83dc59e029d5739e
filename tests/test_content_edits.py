"""The panel's content edits (kiosk.catalog.editing) on a catalogue imported from a real
sheet and real pictures: show, hide, order, dates, schedule, delete, and their records."""

from __future__ import annotations

from datetime import date

import pytest

from kiosk.catalog.changes import ChangeLog
from kiosk.catalog.check import check_catalogue
from kiosk.catalog.library import EditRefused, Library
from kiosk.strings import text

from content_sources import content_library, panel_changes

HEADINGS = {f: text(f"sched_field_{f}") for f in ("valid_from", "valid_until", "weekdays")}
HEADINGS |= {f: text(f"sched_field_{f}") for f in ("hours", "festival", "share")}
HEADINGS |= {f: text(f"sched_field_{f}") for f in ("days_before", "days_after")}


@pytest.fixture
def library(tmp_path):
    with content_library(tmp_path) as opened:
        yield opened


def loop_keys(library: Library, kind: str, on: date | None = None) -> list[str]:
    return [w.key for w in library.works([kind], on=on)]


def test_hide_and_show_reach_the_loop_at_once(library):
    assert loop_keys(library, "aphorism") == ["a1", "a2", "a3"]
    owner = object()
    library.changed(owner)
    library.edits.set_shown("a2", False)
    assert library.changed(owner)  # the attract loop and the screens read it again
    assert loop_keys(library, "aphorism") == ["a1", "a3"]
    assert [h.key for h in library.search("tanzhe")] == []  # visitors cannot find it
    assert [r["key"] for r in library.edits.find("tanzhe", "aphorism")] == ["a2"]  # the panel can
    library.edits.set_shown("a2", False)  # no change: nothing recorded
    library.edits.set_shown("a2", True)
    assert loop_keys(library, "aphorism") == ["a1", "a2", "a3"]
    assert panel_changes(library) == [("hidden", "a2", None), ("shown", "a2", None)]


def test_reorder_within_a_kind(library):
    library.edits.move("a3", 1)
    assert loop_keys(library, "aphorism") == ["a3", "a1", "a2"]
    assert library.edits.position("a3") == (1, 3)
    library.edits.move("a3", 2)
    library.edits.move("a1", 99)  # past the end: last
    assert [r["key"] for r in library.edits.items("aphorism")] == ["a3", "a2", "a1"]
    assert loop_keys(library, "poster") == ["p1", "p2"]  # other kinds untouched
    assert panel_changes(library) == [("changed", k, "sort_order") for k in ("a3", "a3", "a1")]


def test_validity_dates_and_schedule(library):
    library.edits.set_when(
        "p1",
        {"valid_from": "2027-01-01", "valid_until": "2027-01-31", "weekdays": "1-5", "hours": ""},
        HEADINGS,
    )
    item = library.catalogue.item("p1")
    assert (item["valid_from"], item["valid_until"], item["weekdays"]) == (
        "2027-01-01",
        "2027-01-31",
        "1,2,3,4,5",
    )
    assert loop_keys(library, "poster", on=date(2026, 12, 31)) == ["p2"]
    assert loop_keys(library, "poster", on=date(2027, 1, 15)) == ["p1", "p2"]
    library.edits.set_when("p1", {"weekdays": "1-5"}, HEADINGS)  # the dates cleared
    assert library.catalogue.item("p1")["valid_from"] is None
    assert panel_changes(library) == [
        ("changed", "p1", "valid_from,valid_until,weekdays"),
        ("changed", "p1", "valid_from,valid_until"),
    ]


@pytest.mark.parametrize(
    ("values", "zh", "en"),
    [
        ({"hours": "25:00-26:00"}, "时段：“25:00-26:00”", "hours: '25:00-26:00'"),
        ({"share": "3/2"}, "占比：“3/2”", "share: '3/2'"),
        ({"festival": "圣诞节"}, "节日：“圣诞节”", "festival: '圣诞节'"),
        ({"days_before": "3"}, "提前天数：“3”", "days_before: '3'"),
        (
            {"valid_from": "2027-02-01", "valid_until": "2027-01-01"},
            "失效日期",
            "valid_until",
        ),
    ],
)
def test_a_bad_schedule_value_is_refused_with_the_sheet_message(library, values, zh, en):
    before = library.catalogue.item("p2")
    with pytest.raises(EditRefused) as refused:
        library.edits.set_when("p2", {"weekdays": "6,7", **values}, HEADINGS)
    first = refused.value.problems[0]
    assert first.render("zh").startswith(zh)
    assert first.render("en").startswith(en)
    assert "\n" not in first.render("en")
    assert library.catalogue.item("p2") == before  # nothing saved, weekdays included
    assert panel_changes(library) == []


def test_delete_removes_unused_files_only(library):
    store = library.store
    p1, p2 = library.catalogue.item("p1"), library.catalogue.item("p2")
    a1 = library.catalogue.item("a1")
    library.catalogue.link(p2["id"], a1["id"])
    shared = library.catalogue.media(p1["media_id"])  # the map shows the same picture
    own = library.catalogue.media(p2["media_id"])
    own_files = [
        store.original(own["path"]),
        store.rendition(store.renditions_relpath(own["sha256"])),
    ]
    assert all(path.exists() for path in own_files)
    owner = object()
    library.changed(owner)

    removed = library.edits.delete("p2")
    assert sorted(removed) == sorted(own_files)
    assert not any(path.exists() for path in own_files)
    assert library.changed(owner)
    assert loop_keys(library, "poster") == ["p1"]
    assert library.catalogue.media(own["id"]) is None
    assert library.catalogue.renditions(own["id"]) == {}
    assert library.linked(a1) == []
    assert library.search("mingyue") == []

    assert library.edits.delete("p1") == []  # the map still uses its picture
    assert store.original(shared["path"]).is_file()
    assert library.catalogue.media(shared["id"]) is not None
    report = check_catalogue(library.catalogue, store)
    assert report.ok, report.problems
    assert [c[:2] for c in panel_changes(library)] == [("deleted", "p2"), ("deleted", "p1")]
    rows = ChangeLog(library.catalogue).changes()
    assert rows[-1]["title_zh"] == "清风海报"


def test_an_item_deleted_meanwhile_is_said_in_one_line(library):
    library.edits.delete("a1")
    with pytest.raises(EditRefused) as refused:
        library.edits.set_shown("a1", False)
    assert str(refused.value) == "'a1' is no longer in the catalogue"
