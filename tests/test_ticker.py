"""The rules ticker (issue 13): which lines, the endless band's geometry, the band on the
attract screen and the home screen, its records and how the report counts them.

Real catalogues (the real importer, the cited lines of docs/research/kinds/tickers.csv),
real widgets on the suite's Qt platform; only the navigator is a stand-in.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from kiosk.catalog import Catalogue
from kiosk.catalog.files import MediaStore
from kiosk.catalog.library import Library
from kiosk.ingest.importer import Importer, import_lines
from kiosk.paths import Paths
from kiosk.records import Recorder
from kiosk.settings import Settings, load
from kiosk.ticker import Layout, TickerLines, Track, texts
from kiosk.ui.screen import Context, Visit
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.images import ImageLoader

from catalogues import Nav
from tickers import cited_lines, write_csv

COLUMNS = ["key", "kind", "title_zh", "title_en", "valid_from", "valid_until", "hours"]
COLUMNS += ["weekdays", "enabled", "sort_order"]
NOON = datetime(2027, 3, 10, 12, 0)  # a Wednesday


def sheet(folder: Path, rows: list[dict[str, Any]], name: str = "ticker.csv") -> Path:
    return write_csv(folder / name, [{"kind": "滚动字幕", **row} for row in rows], COLUMNS)


def import_into(paths: Paths, source: Path) -> None:
    """As an operator imports: its own connection to the catalogue."""
    with Catalogue.open(paths.catalogue) as other:
        report = Importer(other, MediaStore.at(paths)).run([source])
    assert report.rejected == [], import_lines(report, "en")


@pytest.fixture
def lines_paths(tmp_path) -> Paths:
    """The cited lines of the research notes, and lines with dates and time bands."""
    paths = Paths(tmp_path / "data")
    import_into(paths, cited_lines(tmp_path / "research"))
    rows = [
        {"key": "t-expired", "title_zh": "已过期", "valid_until": "2027-03-01", "sort_order": 1},
        {"key": "t-future", "title_zh": "尚未生效", "valid_from": "2027-04-01", "sort_order": 2},
        {"key": "t-morning", "title_zh": "上午", "hours": "08:00-11:00", "sort_order": 3},
        {"key": "t-noon", "title_zh": "中午", "hours": "11:30-12:30", "sort_order": 4},
        {"key": "t-weekend", "title_zh": "周末", "weekdays": "6,7", "sort_order": 5},
        {"key": "t-off", "title_zh": "停用", "enabled": "否", "sort_order": 6},
        {"key": "t-first", "title_zh": "排在最前", "title_en": "First", "sort_order": 0},
    ]
    import_into(paths, sheet(tmp_path / "usb", rows))
    return paths


def library(paths: Paths) -> Library:
    return Library(Catalogue.open(paths.catalogue), MediaStore.at(paths))


# ------------------------------------------------------------------ lines
def test_only_lines_valid_now_in_sort_order(lines_paths):
    lib = library(lines_paths)
    clock = {"now": NOON}
    lines = TickerLines(lib.works, now=lambda: clock["now"])
    keys = [line.key for line in lines.current()]
    assert keys[:2] == ["t-first", "t-noon"]
    assert keys[2:] == [f"ticker-zhunze-{n}" for n in range(1, 5)] + [
        "ticker-baxiang-guiding-8",
        "ticker-jie-shi-ming",
        "ticker-jian-de-zhi-gong",
        "ticker-cheng-you-qinjian",
        "ticker-qi-shen-zheng",
    ]
    clock["now"] = datetime(2027, 3, 10, 9, 0)  # the morning band opens, noon's is shut
    keys = [line.key for line in lines.current()]
    assert "t-morning" in keys and "t-noon" not in keys
    clock["now"] = datetime(2027, 3, 13, 9, 0)  # a Saturday
    assert "t-weekend" in [line.key for line in lines.current()]
    clock["now"] = datetime(2027, 2, 20, 12, 0)  # before t-expired's end, in its dates
    assert "t-expired" in [line.key for line in lines.current()]
    clock["now"] = datetime(2027, 4, 2, 12, 0)
    keys = [line.key for line in lines.current()]
    assert "t-future" in keys and "t-expired" not in keys and "t-off" not in keys
    lib.catalogue.close()


def test_languages_choose_what_each_line_says():
    item = {"title_zh": "清白做人", "title_en": "Live honestly"}
    assert texts(item, "both") == ("清白做人", "Live honestly")
    assert texts(item, "zh") == ("清白做人", "")
    assert texts(item, "en") == ("", "Live honestly")
    assert texts({"title_zh": "只有中文"}, "en") == ("只有中文", "")


# --------------------------------------------------------------- geometry
def drawn(track: Track, s: int, view: int) -> list[tuple[int, int, int]]:
    """Per band pixel: (segment, cell, pixel of the cell) drawn there, or None."""
    out: list = [None] * view
    for p in track.pieces(s, view):
        for x in range(p.width):
            assert out[p.dest + x] is None, "two pieces drawn on one pixel"
            out[p.dest + x] = (p.segment, p.cell, p.src + x)
    return out


LAYOUT = Layout(("a", "b", "c"), (170, 90, 240), (130, 50, 200))


def test_the_band_enters_from_the_right_and_wraps_without_gap_or_jump():
    view = 320
    track = Track()
    track.set_layout(LAYOUT, 0, view)
    assert drawn(track, 0, view) == [None] * view  # nothing yet: the first line enters
    first = drawn(track, 100, view)
    assert first[:220] == [None] * 220 and first[220] == (1, 0, 0)
    width = LAYOUT.width
    # past the first screenful every pixel is drawn, and one pixel later the picture
    # has moved one pixel left: across cell ends and the cycle's end alike
    for s in range(view, view + 2 * width, 7):
        now, later = drawn(track, s, view), drawn(track, s + 1, view)
        assert None not in now
        assert later[:-1] == now[1:]
    # one cycle later the band looks exactly the same
    assert drawn(track, 1000, view) == drawn(track, 1000 + width, view)


def test_new_lines_follow_what_is_on_screen():
    view = 320
    track = Track()
    track.set_layout(LAYOUT, 0, view)
    s = 700
    before = drawn(track, s, view)
    new = track.set_layout(Layout(("x",), (400,), (350,)), s, view)
    assert drawn(track, s, view) == before  # what the visitor reads stays
    later = drawn(track, s + 200, view)
    assert later[:-200] == before[200:]
    # the new line begins at the first cell start past the right edge
    edge = [(x, c) for x, c in enumerate(drawn(track, s + 300, view)) if c and c[0] == new]
    assert edge, "the new line shows once the old cell has passed"
    start = s + 300 + edge[0][0]
    assert (start - view) % LAYOUT.width in (0, 170, 260)  # a cell boundary of the old
    assert track.prune(start + 1) == [1]
    assert {c[0] for c in drawn(track, start + 1, view) if c} == {new}


def test_a_pass_begins_as_its_text_enters_and_ends_once_it_has_left():
    view = 320
    track = Track()
    track.set_layout(LAYOUT, 0, view)
    assert track.visible(0, view) == []
    (p,) = track.visible(1, view)
    assert (p.key, p.start, p.end) == ("a", 320, 450)
    assert [q.key for q in track.visible(449, view)] == ["a", "b", "c"]
    assert "a" not in [q.key for q in track.visible(450, view)]
    ids = [q.id for q in track.visible(320 + LAYOUT.width + 1, view)]
    assert (1, 1, 0) in ids  # the next cycle's "a" is another pass
    # when the next line's text begins: what the band waits for before it looks again
    assert track.next_start(320) == 320
    assert track.next_start(321) == 490
    assert track.next_start(700) == 320 + LAYOUT.width
    track.set_layout(Layout(("x",), (400,), (350,)), 100, view)
    assert track.next_start(421) == 490  # "x" follows "a", which is on screen already
    assert track.next_start(491) == 890  # and then "x" again


# ----------------------------------------------------------------- widgets
class Kiosk:
    """A context on a catalogue, as the window builds it."""

    def __init__(self, paths: Paths, size=(1920, 1080), ticker=None, large=False) -> None:
        self.catalogue = Catalogue.open(paths.catalogue)
        self.library = Library(self.catalogue, MediaStore.at(paths))
        settings = Settings().with_overrides(
            attract={"poster_s": 30.0, "kinds": ("poster", "aphorism")},
            ticker=ticker or {},
        )
        self.images = ImageLoader()
        self.ctx = Context(
            self.library,
            settings,
            Visit("zh", theme.Metrics.for_screen(*size, large=large)),
            self.images,
            Nav(),
            records=Recorder(self.catalogue),
        )
        self.size = size

    def close(self) -> None:
        self.images.wait()
        self.catalogue.close()


def attract(qtbot, kiosk: Kiosk, now=datetime.now):
    from kiosk.ui.attract.screen import AttractScreen

    screen = AttractScreen(kiosk.ctx, now=now)
    qtbot.addWidget(screen, before_close_func=lambda w: w.leave())
    screen.resize(*kiosk.size)
    screen.show()
    qtbot.waitExposed(screen)
    screen.enter()
    return screen


@pytest.fixture
def kiosk_of(request):
    made: list[Kiosk] = []

    def make(paths: Paths, **kw) -> Kiosk:
        made.append(Kiosk(paths, **kw))
        return made[-1]

    yield make
    for k in made:
        k.close()


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
def test_the_band_lies_below_the_caption_and_the_hint_never_over_the_video(
    qtbot, lines_paths, kiosk_of, size
):
    screen = attract(qtbot, kiosk_of(lines_paths, size=size))
    ticker, band, layer = screen.ticker, screen.band, screen.layer
    qtbot.waitUntil(ticker.isVisible)
    h = size[1]
    assert ticker.geometry().bottom() == h - 1 and ticker.width() == size[0]
    assert ticker.height() == round(theme.Metrics.for_screen(*size).px(34) * 2.1)
    assert layer.geometry().bottom() < band.geometry().top()
    assert band.geometry().bottom() < ticker.geometry().top()
    assert not ticker.geometry().intersects(band.geometry())
    assert not ticker.geometry().intersects(layer.geometry())
    hint = band._hint_rect.translated(band.pos().toPointF())
    assert hint.bottom() <= ticker.geometry().top()
    if screen.stage is not None:  # films (and the subtitles VLC draws in them) end above
        assert screen.stage.geometry() == layer.geometry()


def test_large_text_makes_a_taller_band(qtbot, lines_paths, kiosk_of):
    screen = attract(qtbot, kiosk_of(lines_paths, large=True))
    qtbot.waitUntil(screen.ticker.isVisible)
    assert screen.ticker.height() == round(40 * 2.1)


def test_no_band_without_lines_or_when_disabled(qtbot, tmp_path, lines_paths, kiosk_of):
    empty = Paths(tmp_path / "empty")
    Catalogue.open(empty.catalogue).close()
    for paths, ticker in ((empty, {}), (lines_paths, {"enabled": False})):
        screen = attract(qtbot, kiosk_of(paths, ticker=ticker))
        qtbot.wait(50)
        assert not screen.ticker.isVisible()
        assert screen.ticker.band_height() == 0
        assert screen.band.geometry().bottom() == screen.height() - 1
        screen.leave()


def test_the_band_reads_the_lines_again_after_an_import(qtbot, tmp_path, kiosk_of):
    paths = Paths(tmp_path / "data")
    Catalogue.open(paths.catalogue).close()
    screen = attract(qtbot, kiosk_of(paths))
    assert not screen.ticker.isVisible()
    stage_h = screen.layer.height()
    import_into(paths, sheet(tmp_path / "usb", [{"key": "t1", "title_zh": "其身正，不令而行"}]))
    qtbot.waitUntil(screen.ticker.isVisible, timeout=3000)  # read again within a second
    assert [line.key for line in screen.ticker.lines] == ["t1"]
    assert screen.layer.height() == stage_h - screen.ticker.height()  # the stage made room
    import_into(
        paths,
        sheet(tmp_path / "usb2", [{"key": "t1", "title_zh": "其身正，不令而行", "enabled": "否"}]),
    )
    qtbot.waitUntil(lambda: not screen.ticker.isVisible(), timeout=3000)
    assert screen.layer.height() == stage_h


def test_each_pass_is_recorded_and_a_pass_cut_short_is_skipped(qtbot, tmp_path, kiosk_of):
    paths = Paths(tmp_path / "data")
    import_into(paths, sheet(tmp_path / "usb", [{"key": "t1", "title_zh": "清白"}]))
    k = kiosk_of(paths, size=(960, 540), ticker={"speed": 800})  # 400 px/s on this screen
    screen = attract(qtbot, k)
    qtbot.waitUntil(screen.ticker.isVisible)

    def plays(outcome: str) -> list[dict]:
        return [p for p in k.catalogue.plays() if p["item_key"] == "t1" and p["outcome"] == outcome]

    qtbot.waitUntil(lambda: len(plays("completed")) >= 2, timeout=15000)
    done = plays("completed")[0]
    assert done["context"] == "loop"
    width = screen.ticker.width() + screen.ticker.track.current.texts[0]
    assert len(screen.ticker.track.ids) == 1, screen.ticker.track.ids
    assert done["seconds"] == pytest.approx(width / screen.ticker.speed, abs=0.15)
    qtbot.waitUntil(lambda: bool(screen.ticker._open), timeout=5000)
    screen.leave()
    cut = plays("skipped")  # the cycle is one band wide: a second copy may be entering
    assert 1 <= len(cut) <= 2
    assert {p["reason"] for p in cut} == {"visitor touched the screen"}
    assert not screen.ticker.isVisible()


def test_the_home_screen_shows_the_band_when_asked(qtbot, lines_paths, kiosk_of):
    from kiosk.ui.home import HomeScreen

    from catalogues import show

    for on_home in (False, True):
        k = kiosk_of(lines_paths, ticker={"on_home": on_home})
        home = show(qtbot, HomeScreen(k.ctx))
        home.enter()
        qtbot.wait(50)
        ticker = home.ticker
        if not on_home:
            assert ticker is None
            continue
        qtbot.waitUntil(ticker.isVisible)
        assert ticker.geometry().bottom() == home.height() - 1
        lowest = max(w.geometry().bottom() for w in (home.lang_button, home.large_button))
        assert lowest < ticker.geometry().top()
        home.leave()
        assert not ticker.isVisible()


# --------------------------------------------------------------- settings
def test_ticker_settings_and_their_problems(tmp_path):
    path = tmp_path / "kiosk.toml"
    path.write_text("[ticker]\nspeed = 150\nlanguages = 'zh'\non_home = true\n", "utf-8")
    settings, problems = load(path)
    assert problems == []
    assert (settings.ticker.speed, settings.ticker.languages) == (150, "zh")
    assert settings.ticker.on_home and settings.ticker.enabled
    path.write_text("[ticker]\nspeed = 5000\nlanguages = 'fr'\n", "utf-8")
    settings, problems = load(path)
    said = [p.render("en") for p in problems]
    assert len(said) == 2
    assert "[ticker] speed" in said[0] and "800" in said[0]
    assert "[ticker] languages" in said[1] and "both" in said[1]
    assert settings.ticker == Settings().ticker


# ----------------------------------------------------------------- report
def test_ticker_passes_are_their_own_figure_in_the_report(paths, catalogue):
    from kiosk.reporting.model import loop_section
    from kiosk.reporting.tally import Tally

    catalogue.upsert_item({"key": "t1", "kind": "ticker", "title_zh": "清白"})
    catalogue.upsert_item({"key": "p1", "kind": "aphorism", "title_zh": "慎独"})
    rec = Recorder(catalogue)
    for _ in range(30):
        rec.end(rec.begin(catalogue.item("t1"), "loop"), "completed")
    rec.end(rec.begin(catalogue.item("t1"), "loop"), "skipped", "visitor touched the screen")
    rec.end(rec.begin(catalogue.item("p1"), "loop"), "completed")
    tally = Tally(datetime.now().astimezone().tzinfo)
    tally.add_items(catalogue.db.execute("SELECT key, kind, title_zh, title_en FROM items"))
    from kiosk.reporting.records import TABLES

    columns = ", ".join(TABLES["plays"])
    tally.add_plays(catalogue.db.execute(f"SELECT {columns} FROM plays"))
    section = loop_section(tally, "zh")
    kinds, top, ticker = section.tables
    assert kinds.rows == [["格言", 1, 0.0]]  # the ticker does not swell the loop's showings
    assert [row[0] for row in top.rows] == ["p1"]
    assert ticker.sheet == "rep_ticker"
    assert ticker.rows == [["t1", "清白", 30, 1]]


def test_the_written_report_has_the_ticker_sheet_and_leaves_it_out_of_the_summary(tmp_path):
    import openpyxl

    from kiosk.reporting.xlsx import sheet_title
    from kiosk.strings import tr

    from commands import kiosk

    paths = Paths(tmp_path / "data")
    import_into(paths, sheet(tmp_path / "usb", [{"key": "t1", "title_zh": "清白做人"}]))
    with Catalogue.open(paths.catalogue) as cat:
        rec = Recorder(cat)
        for _ in range(5):
            rec.end(rec.begin(cat.item("t1"), "loop"), "completed")
    today = datetime.now().date().isoformat()
    out = tmp_path / "out"
    done = kiosk(paths.data_dir, "report", "--from", today, "--to", today, "--out", str(out))
    assert done.returncode == 0, done.stderr
    (xlsx,) = out.glob("report-*.xlsx")
    book = openpyxl.load_workbook(xlsx, read_only=True)
    rows = list(book[sheet_title("rep_ticker")].iter_rows(values_only=True))
    assert ("t1", "清白做人", 5, 0) in rows
    kinds = list(book[sheet_title("rep_loop_kinds")].iter_rows(values_only=True))
    book.close()
    assert not any(tr("kind_ticker", "zh") in row for row in kinds)
    assert (out / xlsx.name.replace(".xlsx", ".pdf")).exists()
