"""The history section in the real kiosk window, on a catalogue made by the real importer:
ways in, lists, detail screens and their links, back with scroll restored, the timeline
(BCE included), language switching and the offline map."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtTest import QTest

from kiosk.app import Kiosk, RunOptions, build
from kiosk.catalog import Catalogue
from kiosk.catalog.files import MediaStore
from kiosk.catalog.years import format_century
from kiosk.ingest.importer import Importer
from kiosk.settings import Settings
from kiosk.ui.history.detail import ItemScreen, LinkTile
from kiosk.ui.history.hub import HistoryScreen
from kiosk.ui.history.timeline import Entry, Era, timeline

from factories import make_image

HEAD = [
    "key",
    "kind",
    "file",
    "title_zh",
    "title_en",
    "summary_zh",
    "era_zh",
    "era_en",
    "year",
    "lat",
    "lon",
    "map_x",
    "map_y",
    "bounds",
    "author_zh",
    "source_zh",
    "links",
    "topics",
]
ROWS = [
    {
        "key": "topic-integrity",
        "kind": "专题",
        "title_zh": "清廉自守",
        "title_en": "Integrity and self-restraint in the use of public power",
    },
    {"key": "topic-frugality", "kind": "专题", "title_zh": "崇俭", "title_en": "Frugality"},
    {
        "key": "bao-zheng",
        "kind": "人物",
        "title_zh": "包拯",
        "title_en": "Bao Zheng",
        "summary_zh": "北宋名臣，以清廉公正著称。",
        "era_zh": "北宋",
        "era_en": "Northern Song",
        "year": "999-1062",
        "links": "place-baogong",
        "topics": "topic-integrity、topic-frugality",
    },
    {"key": "yang-zhen", "kind": "人物", "title_zh": "杨震", "era_zh": "东汉"},
    {
        "key": "event-zihan",
        "kind": "事件",
        "title_zh": "子罕辞玉",
        "title_en": "Zihan declines the jade",
        "era_zh": "春秋",
        "era_en": "Spring and Autumn period",
        "year": "公元前558",
        "links": "aphorism-bu-tan",
    },
    {
        "key": "event-kaifeng",
        "kind": "事件",
        "title_zh": "包拯权知开封府",
        "era_zh": "北宋",
        "era_en": "Northern Song",
        "year": "1056",
        "source_zh": "《宋史·包拯传》",
        "links": "bao-zheng",
    },
    {
        "key": "aphorism-bu-tan",
        "kind": "格言",
        "title_zh": "我以不贪为宝",
        "author_zh": "子罕",
        "source_zh": "《左传·襄公十五年》",
    },
    {
        "key": "place-baogong",
        "kind": "地点",
        "title_zh": "包公园",
        "title_en": "Lord Bao Park",
        "lat": "31.8563",
        "lon": "117.2935",
    },
    {"key": "place-xy", "kind": "地点", "title_zh": "某县廉政馆", "map_x": "0.25", "map_y": "0.75"},
    {"key": "place-nowhere", "kind": "地点", "title_zh": "无坐标的地点"},
    {
        "key": "poster-bao",
        "kind": "海报",
        "file": "posters/bao.jpg",
        "title_zh": "包公家训",
        "links": "bao-zheng",
    },
    {
        "key": "map-region",
        "kind": "地图",
        "file": "maps/region.png",
        "title_zh": "示意图",
        "title_en": "Sketch",
        "bounds": "105,17,125,43",
    },
] + [
    # Enough sayings linked to Bao Zheng that his page scrolls.
    {
        "key": f"aphorism-{i}",
        "kind": "格言",
        "title_zh": f"清心为治本，直道是身谋 {i}",
        "author_zh": "包拯",
        "links": "bao-zheng",
    }
    for i in range(24)
]


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("usb") / "content"
    root.mkdir()
    with open(root / "history.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, HEAD)
        writer.writeheader()
        writer.writerows(ROWS)
    make_image(root / "posters" / "bao.jpg", size=(300, 400))
    make_image(root / "maps" / "region.png", size=(800, 1200))
    return root


@pytest.fixture
def kiosk(qtbot, paths, content: Path):
    with Catalogue.open(paths.catalogue) as cat:
        report = Importer(cat, MediaStore.at(paths)).run([content])
        assert report.rejected == [], report.rejected
    k: Kiosk = build(paths, Settings(), RunOptions(windowed=True, size=(1280, 720)))
    qtbot.waitExposed(k.window)
    k.window.home()
    yield k
    k.close()


def click(widget, pos: QPoint | None = None) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos or widget.rect().center())


def click_row(view, row: int) -> None:
    index = view.model().index(row, 0)
    view.scrollTo(index)
    click(view.viewport(), view.visualRect(index).center())


def test_the_history_section_offers_its_ways_in_with_counts(kiosk):
    window = kiosk.window
    window.go("history")
    hub: HistoryScreen = window.screens["history"]
    ways = {t.way.key: t.count for t in hub.tiles}
    assert ways == {
        "timeline": 3,  # Bao Zheng, Zihan 558 BCE, Kaifeng 1056; Yang Zhen has no year
        "person": 2,
        "place": 3,
        "event": 2,
        "aphorism": 25,
        "topic": 2,
        "map": 2,  # one pinned by lat/lon within the bounds, one by map_x/map_y
    }
    click(next(t for t in hub.tiles if t.way.key == "person"))
    assert window.current == "people"
    assert [r["key"] for r in window.screens["people"].rows] == ["bao-zheng", "yang-zhen"]


def test_a_person_links_to_sayings_places_works_and_topics_and_back_restores_scroll(kiosk):
    window = kiosk.window
    window.go("history")
    window.go("people")
    people = window.screens["people"]
    click_row(people.view, 0)
    assert window.current == "item" and window.current_args == {"key": "bao-zheng"}
    item: ItemScreen = window.screens["item"]
    kinds = [t.work.kind for t in item.tiles]
    assert kinds == ["aphorism"] * 24 + ["event", "place", "topic", "topic", "poster"]
    assert item.hero is not None  # his picture comes from the linked poster
    bar = item.scroll.verticalScrollBar()
    QTest.qWait(50)
    assert bar.maximum() > 600, "the page should be long enough to scroll"
    bar.setValue(600)
    place = next(t for t in item.tiles if t.work.key == "place-baogong")
    item.scroll.ensureWidgetVisible(place)
    scrolled = bar.value()
    click(place)
    assert window.current_args == {"key": "place-baogong"}
    assert item.row["key"] == "place-baogong" and bar.value() == 0
    window.back()
    assert window.current_args == {"key": "bao-zheng"}
    QTest.qWait(50)
    assert bar.value() == scrolled
    window.back()
    assert window.current == "people"


def test_list_scroll_survives_a_visit_to_an_item(kiosk):
    window = kiosk.window
    window.go("aphorisms")
    aphorisms = window.screens["aphorisms"]
    bar = aphorisms.view.verticalScrollBar()
    QTest.qWait(20)
    bar.setValue(bar.maximum() // 2)
    kept = bar.value()
    assert kept > 0
    index = aphorisms.view.indexAt(QPoint(50, 50))
    click(aphorisms.view.viewport(), aphorisms.view.visualRect(index).center())
    assert window.current == "item"
    bar.setValue(0)  # anything may have happened meanwhile (a reload resets the list)
    window.back()
    assert window.current == "aphorisms" and bar.value() == kept


def test_the_timeline_runs_from_bce_by_era_and_opens_entries(kiosk):
    window = kiosk.window
    window.go("timeline")
    screen = window.screens["timeline"]
    shape = [(e.label if isinstance(e, Era) else (e.row["key"], e.year)) for e in screen.entries]
    assert shape == [
        "春秋",
        ("event-zihan", -558),
        "北宋",
        ("bao-zheng", 999),
        ("event-kaifeng", 1056),
    ]
    assert [b._text() for b in screen.era_buttons] == ["春秋", "北宋"]
    window.ctx.visit.set_lang("en")
    assert screen.entries[0] == Era("Spring and Autumn period")
    click_row(screen.view, 1)
    assert window.current == "item" and window.current_args == {"key": "event-zihan"}


def test_language_switches_every_text_on_a_detail_screen_with_chinese_fallback(kiosk):
    window = kiosk.window
    window.go("item", key="bao-zheng")
    item: ItemScreen = window.screens["item"]
    title = item.scroll.widget().findChild(type(item.title_label), "title")
    assert title.text() == "包拯" and item.title_label.text() == "人物"
    window.ctx.visit.set_lang("en")
    title = item.scroll.widget().findChild(type(item.title_label), "title")
    assert title.text() == "Bao Zheng" and item.title_label.text() == "People"
    assert "Northern Song" in "".join(
        label.text() for label in item.scroll.widget().findChildren(type(item.title_label))
    )
    window.go("item", key="yang-zhen")  # no English title: Chinese stands in
    title = item.scroll.widget().findChild(type(item.title_label), "title")
    assert title.text() == "杨震"


def test_the_map_pins_places_and_a_tap_opens_one(kiosk):
    window = kiosk.window
    window.go("history")
    window.go("map")
    screen = window.screens["map"]
    pins = {p.row["key"]: (round(p.x, 3), round(p.y, 3)) for p in screen.pins}
    assert pins["place-xy"] == (0.25, 0.75)
    # 117.2935 E, 31.8563 N inside 105..125 E, 17..43 N
    assert pins["place-baogong"] == (round(12.2935 / 20, 3), round((43 - 31.8563) / 26, 3))
    # the place without a position is counted, not lost
    assert screen.note.text().endswith(" · 另有 1 处地点未在图上标出")
    window.ctx.visit.set_lang("en")
    assert screen.note.text().endswith(" · 1 more place is not on this map")
    window.ctx.visit.set_lang("zh")
    view = screen.view
    pin = next(p for p in screen.pins if p.row["key"] == "place-baogong")
    click(view, view.pin_point(pin).toPoint())
    assert window.current == "item" and window.current_args == {"key": "place-baogong"}
    item: ItemScreen = window.screens["item"]
    assert item.map_button is not None
    click(item.map_button)
    assert window.current == "map" and screen.view.selected == "place-baogong"


def test_an_event_names_its_source(kiosk):
    window = kiosk.window
    window.go("item", key="event-kaifeng")
    item: ItemScreen = window.screens["item"]
    texts = [label.text() for label in item.scroll.widget().findChildren(type(item.title_label))]
    assert "出处：《宋史·包拯传》" in texts


def test_a_place_without_a_position_offers_no_map_button(kiosk):
    window = kiosk.window
    window.go("item", key="place-nowhere")
    assert window.screens["item"].map_button is None


def test_tiles_are_real_touch_targets(kiosk):
    window = kiosk.window
    window.go("item", key="bao-zheng")
    tile: LinkTile = window.screens["item"].tiles[0]
    assert tile.height() >= window.ctx.m.touch_min


def test_opening_an_item_is_recorded_as_a_visitor_showing(kiosk, paths):
    window = kiosk.window
    window.ctx.records.session_start()
    window.go("item", key="event-zihan")
    window.back()
    plays = [p for p in kiosk.catalogue.db["plays"].rows if p["item_key"] == "event-zihan"]
    assert len(plays) == 1 and plays[0]["context"] == "visitor"
    assert plays[0]["outcome"] == "completed"


def _row(key, kind, year=None, era=None, i=0):
    return {
        "id": i,
        "key": key,
        "kind": kind,
        "year_from": year,
        "year_to": None,
        "era_zh": era,
        "era_en": None,
        "sort_order": 0,
    }


def test_timeline_groups_each_era_once_even_where_eras_overlap():
    rows = [
        _row("fang", "person", 1899, "土地革命战争时期", 1),
        _row("jiao", "person", 1922, "中华人民共和国", 2),
        _row("fang-1935", "event", 1935, "土地革命战争时期", 3),
        _row("kong", "event", 1994, "中华人民共和国", 4),
        _row("undated", "person", None, "明", 5),
        _row("no-era", "event", -221, None, 6),
    ]
    out = timeline(rows, "zh")
    assert out == [
        Era("公元前3世纪"),
        Entry(rows[5], -221),
        Era("土地革命战争时期"),
        Entry(rows[0], 1899),
        Entry(rows[2], 1935),
        Era("中华人民共和国"),
        Entry(rows[1], 1922),
        Entry(rows[3], 1994),
    ]


@pytest.mark.parametrize(
    ("year", "zh", "en"),
    [
        (1945, "20世纪", "20th century"),
        (1900, "19世纪", "19th century"),
        (2001, "21世纪", "21st century"),
        (1, "1世纪", "1st century"),
        (-1, "公元前1世纪", "1st century BCE"),
        (-221, "公元前3世纪", "3rd century BCE"),
        (1111, "12世纪", "12th century"),
    ],
)
def test_centuries(year, zh, en):
    assert format_century(year, "zh") == zh
    assert format_century(year, "en") == en


def test_the_era_being_read_is_marked_in_the_strip(kiosk, qtbot):
    cat = kiosk.catalogue
    with cat.transaction():
        for i in range(40):  # enough Ming events that the list scrolls well past 春秋 and 北宋
            cat.upsert_item(
                {
                    "key": f"ming-{i}",
                    "kind": "event",
                    "title_zh": f"明代事件 {i}",
                    "era_zh": "明",
                    "year_from": 1400 + i,
                }
            )
    window = kiosk.window
    window.go("timeline")
    screen = window.screens["timeline"]
    labels = [b._text() for b in screen.era_buttons]
    assert labels == ["春秋", "北宋", "明"]
    assert [b.accent for b in screen.era_buttons] == [True, False, False]
    screen.jump(screen._era_rows[2])
    assert screen.entries[screen.view.indexAt(screen.view.rect().topLeft()).row()] == Era("明")
    assert [b.accent for b in screen.era_buttons] == [False, False, True]


def test_a_work_in_the_gallery_links_to_the_history_it_shows(kiosk):
    window = kiosk.window
    window.go("gallery", kind="poster", key="poster-bao")
    gallery = window.screens["gallery"]
    gallery.toggle_caption()
    tiles = gallery.caption.tiles
    assert [t.work.key for t in tiles] == ["bao-zheng"]
    click(tiles[0])
    assert window.current == "item" and window.current_args == {"key": "bao-zheng"}
    window.back()
    assert window.current == "gallery"


def test_linked_tiles_take_fewer_columns_rather_than_cut_a_title(kiosk):
    window = kiosk.window

    def columns(kind: str) -> int:
        return len({t.x() for t in window.screens["item"].tiles if t.work.kind == kind})

    window.go("item", key="bao-zheng")
    QTest.qWait(50)
    assert (columns("aphorism"), columns("topic")) == (2, 2)  # 清廉自守, 崇俭 side by side
    window.ctx.visit.set_lang("en")
    QTest.qWait(50)
    # "Integrity and self-restraint in the use of public power" takes a row of its own
    assert (columns("aphorism"), columns("topic")) == (2, 1)
    ctx = window.ctx
    fm = QFontMetrics(LinkTile.title_font(ctx))
    for tile in window.screens["item"].tiles:
        whole = fm.horizontalAdvance(LinkTile.title(ctx, tile.work))
        assert whole <= LinkTile.text_width(ctx, tile.width()), tile.work.key
