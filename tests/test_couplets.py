"""Couplets (issue 13): the typesetting's right-to-left convention measured on the layout, in
landscape and portrait, normal and large text, and the couplet page in the real kiosk window
— among the sayings, from search, recorded — on a catalogue made by the real importer from
the sourced rows in docs/research/kinds/couplets.csv."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRectF
from PySide6.QtGui import QImage, QPainter
from test_history_ui import click

from kiosk.app import Kiosk, RunOptions, build
from kiosk.catalog import Catalogue
from kiosk.catalog.files import MediaStore
from kiosk.ingest.importer import Importer
from kiosk.settings import Settings
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.couplet import Couplet, bare, compose_couplet, paint_couplet
from kiosk.ui.widgets.vertical import PUNCTUATION

RESEARCH = Path(__file__).resolve().parent.parent / "docs" / "research" / "kinds"
#: A test couplet with a banner (made up for the test: the sourced ones have none).
BANNERED = {
    "key": "couplet-test-banner",
    "kind": "couplet",
    "upper_zh": "一年四季春为首",
    "lower_zh": "六廉八德廉为先",
    "banner_zh": "清风正气",
    "banner_en": "Clean wind, upright spirit",
    "upper_en": "Of the four seasons spring comes first",
    "lower_en": "Of the virtues integrity leads",
    "source_zh": "测试用对联",
    "style": "festival",
}


def research_rows(name: str) -> list[dict[str, str]]:
    """The sourced rows, without their links to items this catalogue lacks."""
    with open(RESEARCH / name, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        row.pop("links", None)
        row.pop("topics", None)
    return rows


def write_rows(path: Path, rows: list[dict[str, str]]) -> Path:
    heads = list(dict.fromkeys(k for row in rows for k in row))
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, heads)
        writer.writeheader()
        writer.writerows(rows)
    return path


COUPLETS = [*research_rows("couplets.csv"), BANNERED]
APHORISM = {"key": "aphorism-bu-tan", "kind": "aphorism", "title_zh": "我以不贪为宝"}

SCREENS = [(1920, 1080, False), (1920, 1080, True), (1080, 1920, False), (1080, 1920, True)]


# --- the typesetting ----------------------------------------------------------------------------


@pytest.mark.parametrize(("width", "height", "large"), SCREENS)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_upper_line_on_the_right_banner_right_to_left_nothing_clipped(
    qapp, width, height, large, lang
) -> None:
    m = theme.Metrics.for_screen(width, height, large)
    rect = QRectF(48, 48, width - 96, height - 96)
    for row in COUPLETS:
        couplet = Couplet.from_item(row, lang)
        lay = compose_couplet(rect, couplet, m, english=lang == "en")
        # 上联 on the right, 下联 on the left, boards side by side and level
        assert lay.upper_strip.left() > lay.lower_strip.right(), row["key"]
        assert lay.upper_strip.top() == lay.lower_strip.top()
        assert lay.upper.rect.center().x() > lay.lower.rect.center().x()
        # each line's characters on its own board, in reading order, no punctuation
        for layout, strip, text in (
            (lay.upper, lay.upper_strip, row["upper_zh"]),
            (lay.lower, lay.lower_strip, row["lower_zh"]),
        ):
            assert "".join(g.char for g in layout.glyphs) == bare(text)
            assert not any(g.char in PUNCTUATION for g in layout.glyphs)
            assert all(strip.contains(g.cell) for g in layout.glyphs)
            assert layout.px == lay.upper.px  # one size for the pair
        # never clipped: everything inside the card, the card inside the rect
        assert rect.adjusted(-0.5, -0.5, 0.5, 0.5).contains(lay.card), row["key"]
        for strip in (lay.upper_strip, lay.lower_strip, lay.banner_strip):
            assert strip is None or lay.card.contains(strip)
        for text, origin, _ in lay.notes:
            for i in range(text.layout.lineCount()):
                ink = text.layout.lineAt(i).naturalTextRect().translated(origin)
                assert lay.card.contains(ink), row["key"]
        if row.get("banner_zh"):
            glyphs = lay.banner.glyphs
            assert "".join(g.char for g in glyphs) == bare(row["banner_zh"])
            # read right to left: the first character at the right end, all on one row
            xs = [g.cell.center().x() for g in glyphs]
            assert xs == sorted(xs, reverse=True) and xs[0] > xs[-1]
            assert len({round(g.cell.top()) for g in glyphs}) == 1
            assert lay.banner_strip.bottom() < lay.upper_strip.top()  # across the top
        else:
            assert lay.banner is None


def test_a_long_couplet_keeps_a_readable_size_and_short_ones_one_column(qapp) -> None:
    m = theme.Metrics.for_screen(1920, 1080)
    rect = QRectF(48, 48, 1824, 984)
    neixiang = Couplet.from_item(COUPLETS[0])
    lay = compose_couplet(rect, neixiang, m, english=True)
    assert lay.upper.px >= m.px(40)  # in columns broken at its clauses, not one thin line
    assert lay.upper.columns[0] == "吃百姓之饭"
    festival = compose_couplet(rect, Couplet.from_item(BANNERED), m)
    assert len(festival.upper.columns) == 1 and festival.upper.px >= m.px(60)


def test_festival_and_hall_styles_paint_their_boards(qapp) -> None:
    m = theme.Metrics.for_screen(1920, 1080)
    for row, board in ((BANNERED, theme.FESTIVAL_RED), (COUPLETS[1], theme.BOARD)):
        image = QImage(1920, 1080, QImage.Format.Format_RGB32)
        image.fill(theme.NIGHT)
        lay = compose_couplet(QRectF(0, 0, 1920, 1080), Couplet.from_item(row), m)
        p = QPainter(image)
        paint_couplet(p, lay, m)
        p.end()
        corner = lay.upper_strip.topLeft().toPoint() + QPoint(4, 4)
        assert image.pixelColor(corner) == board
        assert image.pixelColor(lay.card.topLeft().toPoint() + QPoint(30, 30)) == theme.PAPER


# --- in the kiosk -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("usb") / "content"
    root.mkdir()
    write_rows(root / "couplets.csv", COUPLETS)
    write_rows(root / "sayings.csv", [APHORISM])
    return root


def kiosk_on(qtbot, paths, content: Path) -> Iterator[Kiosk]:
    """The kiosk window on ``content`` imported by the real importer (the riddles use it too)."""
    with Catalogue.open(paths.catalogue) as cat:
        report = Importer(cat, MediaStore.at(paths)).run([content])
        assert report.rejected == [], report.rejected
    k = build(paths, Settings(), RunOptions(windowed=True, size=(1280, 720)))
    qtbot.waitExposed(k.window)
    k.window.home()
    yield k
    k.close()


@pytest.fixture
def kiosk(qtbot, paths, content: Path):
    yield from kiosk_on(qtbot, paths, content)


def test_couplets_are_listed_among_the_sayings_and_open_their_page(kiosk) -> None:
    window = kiosk.window
    window.ctx.records.session_start()
    window.go("aphorisms")
    screen = window.screens["aphorisms"]
    kinds = {row["key"]: row["kind"] for row in screen.rows}
    assert kinds["aphorism-bu-tan"] == "aphorism"
    assert kinds["couplet-neixiang-sanxingtang"] == "couplet"
    row = next(r for r in screen.rows if r["key"] == "couplet-neixiang-sanxingtang")
    title, sub = screen.card_text(row)
    assert title.startswith("吃百姓之饭") and "得一官不荣" in title  # upper line first
    assert sub.startswith("对联")  # marked as a couplet
    index = screen.model.index(screen.rows.index(row), 0)
    screen.view.scrollTo(index)
    click(screen.view.viewport(), screen.view.visualRect(index).center())
    assert window.current == "couplet"
    assert window.current_args == {"key": "couplet-neixiang-sanxingtang"}
    page = window.screens["couplet"]
    lay = page.view.composition()
    assert lay is not None and lay.upper_strip.left() > lay.lower_strip.right()
    assert page.view.rect().contains(lay.card.toAlignedRect())
    window.back()
    assert window.current == "aphorisms"
    plays = [p for p in kiosk.catalogue.db["plays"].rows if p["context"] == "visitor"]
    assert [(p["item_key"], p["outcome"]) for p in plays] == [
        ("couplet-neixiang-sanxingtang", "completed")
    ]
    # the aphorism still opens the item page
    aphorism = screen.rows.index(next(r for r in screen.rows if r["kind"] == "aphorism"))
    index = screen.model.index(aphorism, 0)
    screen.view.scrollTo(index)
    click(screen.view.viewport(), screen.view.visualRect(index).center())
    assert window.current == "item"


def test_search_finds_a_couplet_by_its_lower_line_and_opens_its_page(kiosk, qtbot) -> None:
    window = kiosk.window
    window.go("search")
    search = window.screens["search"]
    search.field.setText("得一官")
    qtbot.waitUntil(lambda: bool(search.hits), timeout=3000)
    assert search.hits[0].key == "couplet-neixiang-sanxingtang"
    view = search.view
    click(view.viewport(), view.visualRect(search.model.index(0)).center())
    assert (window.current, window.current_args) == (
        "couplet",
        {"key": "couplet-neixiang-sanxingtang"},
    )


@pytest.mark.parametrize(("size", "large"), [((1280, 720), True), ((720, 1280), False)])
def test_the_page_in_english_portrait_and_large_text_fits(kiosk, qtbot, size, large) -> None:
    window = kiosk.window
    window.resize(*size)
    window.ctx.visit.set_lang("en")
    window.ctx.visit.set_large(large)
    window.go("couplet", key="couplet-test-banner")
    page = window.screens["couplet"]
    qtbot.waitUntil(lambda: page.view.width() > 0 and page.view.height() > 0, timeout=2000)
    lay = page.view.composition()
    assert lay is not None and lay.banner is not None
    assert QRectF(page.view.rect()).adjusted(-1, -1, 1, 1).contains(lay.card)
    english = [text.layout.text() for text, _, _ in lay.notes]
    assert "Clean wind, upright spirit" in english and len(english) == 4  # credit + three
    page.view.repaint()
