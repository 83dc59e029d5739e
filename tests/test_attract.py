"""The attract loop on a real catalogue (real importer, real media) and the real libvlc.

On the suite's Qt platform (conftest), with libvlc's options from
``playback.default_options()``; only the navigator is a stand-in. Short
durations come from the settings (``Settings.with_overrides``), so a cycle
takes a second or two. The ``e2e`` test runs this file as a harness under
Xvfb (``xcb``) in a subprocess, samples the real screen and reports numbers:

    python tests/test_attract.py harness OUTDIR   # needs DISPLAY
"""

from __future__ import annotations

import csv
import itertools
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

if not os.environ.get("XDG_RUNTIME_DIR"):
    os.environ["XDG_RUNTIME_DIR"] = tempfile.mkdtemp(prefix="runtime-")  # 0700

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np
import pytest
from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import QFontMetricsF, QImage, QPainter
from PySide6.QtWidgets import QGraphicsEffect, QWidget

from kiosk.catalog import Catalogue
from kiosk.catalog.files import MediaStore
from kiosk.catalog.library import Library
from kiosk.ingest.importer import Importer
from kiosk.paths import Paths
from kiosk.playback import PlayerState, VlcEngine, default_options
from kiosk.records import Recorder
from kiosk.settings import Settings
from kiosk.ui.attract.layer import pan_plan
from kiosk.ui.attract.screen import AttractScreen
from kiosk.ui.screen import Context, Visit
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.aphorism import Aphorism, citation, paint_aphorism
from kiosk.ui.widgets.images import ImageLoader
from kiosk.ui.widgets.text import at_size, latin_serif, layout_horizontal, wrap_lines
from kiosk.ui.widgets.vertical import fits_vertically, layout_vertical, vertical_columns

from catalogues import Nav
from factories import make_image, make_video, truncate, write_bytes
from needs import needs, unavailable

SIZE = (960, 540)
FAST = {
    "poster_s": 0.4,
    "calligraphy_s": 0.4,
    "photo_s": 0.4,
    "aphorism_s": 0.4,
    "crossfade_ms": 60,
    "pan_px_per_s": 3000.0,
    "pan_pause_s": 0.05,
    "kinds": ("poster", "calligraphy", "aphorism", "film", "photo"),
}
SHEET_COLUMNS = [
    "key",
    "kind",
    "file",
    "title_zh",
    "title_en",
    "author_zh",
    "source_zh",
    "sort_order",
]


def write_sheet(folder: Path, rows: list[dict[str, Any]], name: str = "works.csv") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, SHEET_COLUMNS)
        writer.writeheader()
        for row in rows:
            writer.writerow(row)
    return path


def import_into(paths: Paths, source: Path) -> None:
    """Import as an operator would: its own connection to the catalogue."""
    with Catalogue.open(paths.catalogue) as other:
        report = Importer(other, MediaStore.at(paths)).run([source])
    assert report.rejected == [], report.rejected


class Loop:
    """An attract screen on a catalogue, with what it reported."""

    def __init__(
        self,
        qtbot,
        paths: Paths,
        *,
        films: VlcEngine | None,
        problem: str | None = None,
        attract: dict[str, Any] | None = None,
    ) -> None:
        self.paths = paths
        self.catalogue = Catalogue.open(paths.catalogue)
        self.library = Library(self.catalogue, MediaStore.at(paths))
        settings = Settings().with_overrides(attract={**FAST, **(attract or {})})
        self.nav = Nav()
        self.images = ImageLoader()
        self.ctx = Context(
            self.library,
            settings,
            Visit("zh", theme.Metrics.for_screen(*SIZE)),
            self.images,
            self.nav,
            films,
            problem,
            Recorder(self.catalogue),
        )
        self.screen = AttractScreen(self.ctx)
        qtbot.addWidget(self.screen)
        self.screen.resize(*SIZE)
        self.screen.show()
        qtbot.waitExposed(self.screen)
        self.started: list[tuple[str, str]] = []
        self.ended: list[tuple[str, str, str]] = []
        self.layer_hidden_during_film: list[bool] = []
        self.screen.item_started.connect(self._started)
        self.screen.item_ended.connect(lambda k, o, r: self.ended.append((k, o, r)))

    def _started(self, key: str, show: str) -> None:
        self.started.append((key, show))

    def completed(self, key: str | None = None) -> list[str]:
        return [k for k, o, _ in self.ended if o == "completed" and (key is None or k == key)]

    def plays(self) -> list[dict[str, Any]]:
        return self.catalogue.plays()

    def close(self) -> None:
        self.screen.leave()
        if self.screen.stage is not None:
            self.screen.stage.release()
        self.images.wait()
        self.catalogue.close()


@pytest.fixture(scope="module")
def media(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("media")
    return {
        "p1": make_image(d / "p1.jpg", (600, 800), color=(168, 40, 30)),
        "p2": make_image(d / "p2.jpg", (800, 600), color=(94, 125, 106)),
        "p3": make_image(d / "p3.jpg", (640, 480), color=(233, 225, 208)),
        "scroll": make_image(d / "scroll.jpg", (4000, 400), color=(233, 225, 208)),
        "f1": make_video(d / "f1.mp4", seconds=1.2, size=(320, 180)),
        "f2": make_video(d / "f2.mp4", seconds=1.2, size=(320, 240)),
        "four": make_video(d / "four.mp4", seconds=4.0, size=(320, 180)),
    }


def content(root: Path, media: dict[str, Path], rows: list[tuple]) -> Path:
    """A folder with the named media and a sheet: rows of (key, kind, media name, title)."""
    root.mkdir(parents=True, exist_ok=True)
    sheet = []
    for n, (key, kind, name, title) in enumerate(rows):
        file = ""
        if name:
            src = media[name]
            file = f"{key}{src.suffix}"
            (root / file).write_bytes(src.read_bytes())
        sheet.append(
            {
                "key": key,
                "kind": kind,
                "file": file,
                "title_zh": title,
                "title_en": f"Title {key}",
                "author_zh": "佚名" if kind != "aphorism" else "杨震",
                "source_zh": "《后汉书》" if kind == "aphorism" else "",
                "sort_order": n,
            }
        )
    write_sheet(root, sheet)
    return root


def imported(tmp_path: Path, media: dict[str, Path], rows: list[tuple]) -> Paths:
    """A data folder with ``rows`` (see ``content``) imported from a USB-like folder."""
    paths = Paths(tmp_path / "data")
    import_into(paths, content(tmp_path / "usb", media, rows))
    return paths


@pytest.fixture
def engine() -> VlcEngine:
    needs("libvlc")
    # The platform's own video output (it really draws on the X server); no sound
    # card on test machines.
    eng = VlcEngine([*default_options(), "--aout=dummy"])
    yield eng
    eng.close()


def wait_for_outcomes(qtbot, loop: Loop, predicate, timeout: int = 15000) -> None:
    qtbot.waitUntil(lambda: predicate(loop), timeout=timeout)


# --- pure parts ---------------------------------------------------------------------------------


def test_pan_plan_fills_the_short_axis_and_letterboxes_the_rest() -> None:
    area = QSizeF(1920, 952)
    scroll = pan_plan(10.0, area, elongated=True)
    assert scroll is not None and scroll.axis == "x"
    assert scroll.size.height() == pytest.approx(952)
    assert scroll.distance == pytest.approx(9520 - 1920)
    assert scroll.seconds(40, 2) == pytest.approx(4 + 7600 / 40)
    assert pan_plan(0.6, area, elongated=False) is None  # a poster: letterboxed
    assert pan_plan(2.6, area, elongated=True) is None  # fits well enough
    hanging = pan_plan(0.25, area, elongated=True)  # across a landscape screen
    assert hanging is not None and hanging.axis == "y"
    assert hanging.size.width() == pytest.approx(0.4 * 1920)  # neither a sliver nor a blur
    portrait = pan_plan(10.0, QSizeF(1080, 1700), elongated=True)
    assert portrait is not None and portrait.size.height() == pytest.approx(0.4 * 1700)


# --- vertical typesetting ----------------------------------------------------------------------


def test_columns_break_at_clauses_and_obey_kinsoku() -> None:
    text = "天知，神知，我知，子知。何谓无知！"
    assert vertical_columns(text, 6) == ["天知，神知，", "我知，子知。", "何谓无知！"]
    assert vertical_columns(text, 12) == ["天知，神知，我知，子知。", "何谓无知！"]
    # a clause longer than a column: the text flows, never starting a column with a mark
    flowing = vertical_columns("中通外直，不蔓不枝，香远益清，亭亭净植，可远观而不可亵玩焉。", 4)
    assert "".join(flowing) == "中通外直，不蔓不枝，香远益清，亭亭净植，可远观而不可亵玩焉。"
    assert all(len(c) <= 4 and c[0] not in "，。" for c in flowing)
    assert vertical_columns("曰：“暮夜无知者。”", 3)[-1][0] not in "”。"
    classical = vertical_columns(text, 6, drop_punct=True)
    assert classical == ["天知神知", "我知子知", "何谓无知"]
    assert fits_vertically(text) and not fits_vertically("字" * 33)


def test_vertical_layout_right_to_left_centred_marks(qtbot) -> None:
    font = theme.Metrics().display(120)
    rect = QRectF(0, 0, 900, 700)
    layout = layout_vertical("天知，神知，我知，子知。", rect, font, 120, 40)
    assert layout is not None and layout.px <= 120
    assert rect.contains(layout.rect)
    first, second = layout.glyphs[0], layout.glyphs[len(layout.columns[0])]
    assert first.char == "天" and first.cell.left() > second.cell.left()  # right to left
    comma = next(g for g in layout.glyphs if g.char == "，")
    ink = QFontMetricsF(layout.font).tightBoundingRect("，").translated(comma.origin)
    assert ink.center().x() == pytest.approx(comma.cell.center().x(), abs=1.0)
    assert ink.center().y() == pytest.approx(comma.cell.center().y(), abs=1.0)
    quoted = layout_vertical("《诫子书》", rect, font, 120, 40)
    assert quoted.glyphs[0].char == "︽"  # the vertical form of the bracket
    assert layout_vertical("字" * 200, QRectF(0, 0, 100, 100), font, 120, 40) is None


def test_wrapped_lines_and_laid_out_blocks_break_alike(qtbot) -> None:
    # wrap_lines (list cells, cards) and layout_horizontal (English on aphorism cards) share
    # one line-breaking loop: the same text, font and width give the same lines.
    m = theme.Metrics.for_screen(1920, 1080)
    font = at_size(latin_serif(m, 28), 28)
    cases = [
        ("Heaven knows, the spirits know, I know and you know: how can you say no one knows?", 300),
        ("Uncorruptibleness withstands everything", 120),  # a word longer than a line
        ("清风两袖朝天去，免得闾阎话短长。", 150),  # no spaces: broken anywhere
    ]
    for text, width in cases:
        block = layout_horizontal(text, width, 10**6, font, 28, 28)
        assert block is not None and block.lines >= 2
        laid = [block.layout.lineAt(i) for i in range(block.layout.lineCount())]
        spans = [text[line.textStart() : line.textStart() + line.textLength()] for line in laid]
        assert wrap_lines(text, font, width, 99) == [span.strip() for span in spans]
        assert all(line.naturalTextWidth() <= width + 0.5 for line in laid)
        assert block.size[1] == pytest.approx(block.lines * 28 * 1.6)


def test_aphorism_card_citation_and_english(qtbot) -> None:
    item = {
        "title_zh": "天知，神知，我知，子知。何谓无知！",
        "title_en": "Heaven knows.",
        "author_zh": "杨震",
        "era_zh": "东汉",
        "source_zh": "《后汉书·杨震列传》",
    }
    a = Aphorism.from_item(item)
    assert a.source == "〔东汉〕杨震《后汉书·杨震列传》" and a.english == "Heaven knows."
    assert citation({"author_zh": "诸葛亮", "source_zh": "诸葛亮《诫子书》"}) == "诸葛亮《诫子书》"
    m = theme.Metrics.for_screen(1920, 1080)
    image = QImage(1920, 952, QImage.Format.Format_RGB32)
    image.fill(theme.NIGHT)
    painter = QPainter(image)
    area = QRectF(48, 48, 1824, 856)
    card = paint_aphorism(painter, area, a, m)
    painter.end()
    assert area.contains(card)
    inside = image.copy(card.toAlignedRect().adjusted(30, 30, -30, -30))
    inks = sum(
        1
        for y in range(0, inside.height(), 4)
        for x in range(0, inside.width(), 4)
        if inside.pixelColor(x, y).lightness() < 80
    )
    assert inks > 200  # text was set on the card
    assert image.pixelColor(5, 5) == theme.NIGHT


# --- the loop -----------------------------------------------------------------------------------


def test_loop_cycles_pictures_and_records_completed_plays(qtbot, tmp_path, media) -> None:
    paths = imported(
        tmp_path,
        media,
        [
            ("p1", "poster", "p1", "海报一"),
            ("p2", "poster", "p2", "海报二"),
            ("a1", "aphorism", None, "天知，神知，我知，子知。"),
        ],
    )
    loop = Loop(qtbot, paths, films=None)
    t0 = time.monotonic()
    loop.screen.enter()
    wait_for_outcomes(qtbot, loop, lambda lp: len(lp.completed()) >= 5)
    elapsed = time.monotonic() - t0
    keys = [k for k, _ in loop.started]
    assert keys[:6] == ["p1", "a1", "p2", "p1", "a1", "p2"][: len(keys[:6])]  # round-robin
    assert {s for _, s in loop.started} == {"picture", "aphorism"}
    assert 5 * 0.4 * 0.8 < elapsed < 5 * 0.4 + 8  # durations from the settings
    loop.screen.leave()  # the visitor taps: what shows now is skipped
    plays = loop.plays()
    done = [p for p in plays if p["outcome"] == "completed"]
    assert len(done) >= 5
    assert all(p["context"] == "loop" and 0.3 <= p["seconds"] <= 2.0 for p in done), done
    assert plays[-1]["outcome"] == "skipped" and plays[-1]["reason"]
    assert not [p for p in plays if p["outcome"] == "failed"]
    assert loop.nav.calls == []  # taps are the window's business
    loop.close()


def test_caption_and_hint(qtbot, tmp_path, media) -> None:
    paths = imported(tmp_path, media, [("p1", "poster", "p1", "四知")])
    loop = Loop(qtbot, paths, films=None, attract={"poster_s": 5.0})
    loop.screen.enter()
    band = loop.screen.band
    qtbot.waitUntil(lambda: bool(loop.started), timeout=5000)
    assert band.caption_zh == "四知 · 佚名" and band.caption_en == "Title p1"
    assert band.caption_opacity() == 0.0  # fades in only after a second
    qtbot.waitUntil(lambda: band.caption_opacity() == 1.0, timeout=5000)
    assert band.hint_text() == "触摸屏幕，开始参观 · Touch to explore"
    assert 0.55 <= band.hint_opacity() <= 1.0
    # pictures are painted, not hidden behind effects, and the layer is a native window
    assert loop.screen.layer.testAttribute(Qt.WidgetAttribute.WA_NativeWindow)
    assert not [w for w in loop.screen.findChildren(QWidget) if w.graphicsEffect()]
    assert not loop.screen.findChildren(QGraphicsEffect)
    loop.close()


def test_handscroll_pans_for_its_pan_time(qtbot, tmp_path, media) -> None:
    paths = imported(
        tmp_path,
        media,
        [
            ("scroll", "calligraphy", "scroll", "手卷"),
            ("p1", "poster", "p1", "海报"),
        ],
    )
    loop = Loop(
        qtbot,
        paths,
        films=None,
        attract={"calligraphy_s": 30.0, "kinds": ("calligraphy", "poster")},
    )
    loop.screen.enter()
    qtbot.waitUntil(lambda: bool(loop.started) and loop.started[0][0] == "scroll", timeout=5000)
    visual = loop.screen.layer.current
    assert visual is not None and visual.pan is not None and visual.pan.axis == "x"
    area = loop.screen.layer.rect()
    start = visual.target(area)
    assert start.right() == pytest.approx(area.right(), abs=1)  # read from the right end
    # its time on screen is the pan, not calligraphy_s (30 s)
    wait_for_outcomes(qtbot, loop, lambda lp: bool(lp.completed("scroll")), timeout=6000)
    play = next(p for p in loop.plays() if p["item_key"] == "scroll")
    expected = visual.pan.seconds(visual.px_per_s, visual.pause_s)
    assert play["seconds"] == pytest.approx(expected, abs=0.5)
    end = visual.target(area)
    assert end.left() == pytest.approx(area.left(), abs=1)  # and travelled to its left end
    loop.close()


def test_catalogue_change_is_picked_up_at_the_next_item(qtbot, tmp_path, media) -> None:
    paths = imported(
        tmp_path,
        media,
        [
            ("p1", "poster", "p1", "海报一"),
            ("p2", "poster", "p2", "海报二"),
        ],
    )
    loop = Loop(qtbot, paths, films=None)
    loop.screen.enter()
    wait_for_outcomes(qtbot, loop, lambda lp: len(lp.completed()) >= 2)
    assert "p3" not in [k for k, _ in loop.started]
    # an import while the kiosk runs, through another connection (as `kiosk import` does)
    import_into(paths, content(tmp_path / "usb2", media, [("p3", "poster", "p3", "新海报")]))
    shown = len(loop.started)
    qtbot.waitUntil(lambda: "p3" in [k for k, _ in loop.started], timeout=10000)
    assert [k for k, _ in loop.started].index("p3") <= shown + 2  # within the next items
    loop.close()


def test_broken_pictures_are_skipped_and_all_broken_shows_the_placeholder(
    qtbot, tmp_path, media
) -> None:
    paths = imported(
        tmp_path,
        media,
        [
            ("gone", "poster", "p1", "丢失"),
            ("bad", "poster", "p2", "损坏"),
            ("ok", "poster", "p3", "完好"),
        ],
    )
    loop = Loop(qtbot, paths, films=None)
    works = {w.key: w for w in loop.library.works(["poster"])}
    works["gone"].picture.unlink()
    write_bytes(works["bad"].picture, b"not a picture at all\n" * 50)
    loop.screen.enter()
    wait_for_outcomes(qtbot, loop, lambda lp: len(lp.completed("ok")) >= 2)
    failed = {p["item_key"]: p["reason"] for p in loop.plays() if p["outcome"] == "failed"}
    assert failed == {"gone": "picture file missing", "bad": "picture file is not a readable image"}
    assert [k for k, _ in loop.started] == ["ok"] * len(loop.started)
    assert sorted(loop.screen.broken_items()) == [
        "丢失 [gone]: picture file missing",
        "损坏 [bad]: picture file is not a readable image",
    ]
    # now the last good one disappears too: a calm placeholder, never an error
    works["ok"].picture.unlink()
    with qtbot.waitSignal(loop.screen.placeholder_shown, timeout=5000):
        pass
    assert loop.screen.showing_placeholder
    assert loop.screen.current_key is None
    # an operator imports something that works: the loop resumes by itself
    import_into(paths, content(tmp_path / "usb2", media, [("new", "poster", "p3", "新海报")]))
    qtbot.waitUntil(lambda: "new" in [k for k, _ in loop.started], timeout=10000)
    assert not loop.screen.showing_placeholder
    loop.close()


def test_empty_catalogue_shows_the_placeholder(qtbot, tmp_path) -> None:
    paths = Paths(tmp_path / "data")
    Catalogue.open(paths.catalogue).close()
    loop = Loop(qtbot, paths, films=None)
    with qtbot.waitSignal(loop.screen.placeholder_shown, timeout=5000):
        loop.screen.enter()
    image = loop.screen.layer.grab().toImage()
    assert image.pixelColor(5, 5) == theme.NIGHT  # night, with the exhibition's name
    loop.close()


def test_without_vlc_films_are_left_out_and_the_reason_shown(qtbot, tmp_path, media) -> None:
    paths = imported(
        tmp_path,
        media,
        [
            ("p1", "poster", "p1", "海报一"),
            ("f1", "film", "f1", "影片"),
            ("p2", "poster", "p2", "海报二"),
        ],
    )
    problem = "Films cannot play: VLC (libvlc) is not installed. Install VLC 3 and restart."
    loop = Loop(qtbot, paths, films=None, problem=problem)
    loop.screen.enter()
    wait_for_outcomes(qtbot, loop, lambda lp: len(lp.completed()) >= 4)
    assert {k for k, _ in loop.started} == {"p1", "p2"}
    assert loop.screen.stage is None
    assert loop.screen.band.notice == problem
    assert not [p for p in loop.plays() if p["outcome"] == "failed"]
    loop.close()


# --- films (real libvlc) ------------------------------------------------------------------------


def test_pictures_and_films_alternate_gaplessly(qtbot, tmp_path, media, engine) -> None:
    paths = imported(
        tmp_path,
        media,
        [
            ("f1", "film", "f1", "影片一"),
            ("f2", "film", "f2", "影片二"),
            ("p1", "poster", "p1", "海报一"),
        ],
    )
    loop = Loop(qtbot, paths, films=engine, attract={"kinds": ("film", "poster")})
    screen = loop.screen
    layer_visible_at_film_start = []
    screen.item_started.connect(
        lambda key, show: (
            layer_visible_at_film_start.append(screen.layer.isVisible()) if show == "film" else None
        )
    )
    screen.enter()
    wait_for_outcomes(qtbot, loop, lambda lp: len(lp.completed()) >= 6, timeout=30000)
    order = [k for k, _ in loop.started]
    assert order[:6] == ["f1", "p1", "f2", "f1", "p1", "f2"]  # film→image, image→film, film→film
    assert not any(layer_visible_at_film_start)  # the film shows at once, on its surface
    films = [p for p in loop.plays() if p["item_key"] in ("f1", "f2")]
    assert all(p["outcome"] == "completed" for p in films)
    assert all(0.8 <= p["seconds"] <= 3.0 for p in films), films
    # the visitor taps during a film: skipped, both players released to idle
    qtbot.waitUntil(lambda: bool(loop.started) and loop.started[-1][1] == "film", timeout=10000)
    screen.leave()
    assert loop.plays()[-1]["outcome"] == "skipped"
    assert all(p.state == PlayerState.IDLE for p in screen.stage.players)
    assert screen.layer.isVisible()
    loop.close()


def test_missing_corrupt_and_truncated_films_are_skipped(qtbot, tmp_path, media, engine) -> None:
    paths = imported(
        tmp_path,
        media,
        [
            ("missing", "film", "f1", "丢失的影片"),
            ("corrupt", "film", "f2", "损坏的影片"),
            ("cut", "film", "four", "截断的影片"),
            ("p1", "poster", "p1", "海报"),
        ],
    )
    loop = Loop(qtbot, paths, films=engine, attract={"kinds": ("film", "poster")})
    works = {w.key: w for w in loop.library.works(["film"])}
    works["missing"].original.unlink()
    write_bytes(works["corrupt"].original, b"\x00\x01 not a film " * 400)
    cut = truncate(works["cut"].original, 0.5)  # opens, plays ~2 s of its 4
    cut.replace(works["cut"].original)
    loop.screen.enter()
    wait_for_outcomes(
        qtbot,
        loop,
        lambda lp: len([e for e in lp.ended if e[1] == "failed"]) >= 3 and len(lp.completed()) >= 3,
        timeout=40000,
    )
    failed = {p["item_key"]: p["reason"] for p in loop.plays() if p["outcome"] == "failed"}
    assert set(failed) == {"missing", "corrupt", "cut"}
    assert failed["missing"] == "film file missing"
    assert failed["corrupt"] in ("file missing or unreadable", "file is not a playable film")
    assert failed["cut"].startswith("ended after"), failed["cut"]
    assert set(loop.completed()) == {"p1"}  # the loop goes on with what works
    assert loop.screen.playlist.broken.keys() == {"missing", "corrupt", "cut"}
    loop.close()


def test_films_cut_by_the_limit_or_never_ending_are_recorded_as_such(
    qtbot, tmp_path, media, engine, monkeypatch
) -> None:
    rows = [("four", "film", "four", "四秒影片"), ("p1", "poster", "p1", "海报")]
    paths = imported(tmp_path, media, rows)
    # attract.film_max_s stops the 4 s film after 1 s: skipped, and why
    loop = Loop(
        qtbot, paths, films=engine, attract={"kinds": ("film", "poster"), "film_max_s": 1.0}
    )
    loop.screen.enter()
    wait_for_outcomes(qtbot, loop, lambda lp: "p1" in lp.completed(), timeout=20000)
    film = next(p for p in loop.plays() if p["item_key"] == "four")
    assert (film["outcome"], film["reason"]) == ("skipped", "cut at the film limit of 1 s")
    assert 0.9 <= film["seconds"] < 2.5, film
    loop.close()
    # the film runs past the time its end was due (here 2 s of its 4): failed, not completed
    monkeypatch.setattr("kiosk.ui.attract.pace.FILM_OVERRUN", (0.5, -3.0))
    loop = Loop(qtbot, paths, films=engine, attract={"kinds": ("film", "poster")})
    loop.screen.enter()
    wait_for_outcomes(qtbot, loop, lambda lp: "p1" in lp.completed(), timeout=20000)
    film = [p for p in loop.plays() if p["item_key"] == "four"][-1]
    assert film["outcome"] == "failed"
    assert film["reason"].startswith("its end was not reported ("), film
    assert film["reason"].endswith(" of 4.0 s)"), film
    assert 1.9 <= film["seconds"] < 3.5, film
    assert loop.screen.playlist.broken == {}  # the film itself is not broken
    loop.close()


def test_audio_follows_the_settings(qtbot, tmp_path, media, engine) -> None:
    paths = imported(tmp_path, media, [("p1", "poster", "p1", "海报")])
    muted = Loop(qtbot, paths, films=engine)
    muted.screen.enter()
    assert all(p.is_muted() for p in muted.screen.stage.players)
    muted.close()
    loud = Loop(qtbot, paths, films=engine, attract={"audio": True})
    loud.screen.enter()
    loud.screen.set_volume(35)
    assert all(not p.is_muted() and p.volume() == 35 for p in loud.screen.stage.players)
    loud.close()


# --- end to end under Xvfb ----------------------------------------------------------------------

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def harness_report(tmp_path_factory: pytest.TempPathFactory) -> dict:
    needs("xvfb", "libvlc")
    outdir = tmp_path_factory.mktemp("attract-harness")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "xcb",
        "XDG_RUNTIME_DIR": tempfile.mkdtemp(prefix="runtime-"),
    }
    result = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "harness", str(outdir)],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=240,
    )
    report_file = outdir / "report.json"
    if result.returncode != 0 or not report_file.exists():
        pytest.fail(f"harness failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    report = json.loads(report_file.read_text())
    if report.get("platform") != "xcb":
        unavailable(f"Qt could not use xcb here ({report.get('platform')})")
    print(json.dumps({k: v for k, v in report.items() if k != "samples"}, indent=1))
    return report


@pytest.mark.e2e
@pytest.mark.slow
@pytest.mark.x11
@pytest.mark.timeout(600)  # the harness fixture alone may take 240 s
def test_e2e_no_black_frame_between_pictures_and_films(harness_report: dict) -> None:
    r = harness_report
    assert r["errors"] == []
    assert r["order"][:7] == ["p1", "f1", "f2", "p2", "p1", "f1", "f2"]
    assert r["samples"] >= 150
    assert r["blank_samples"] == [], r["blank_samples"]
    # the GUI never froze (libvlc's set-up calls for the next film take ~0.1 s on 2 cores)
    assert r["max_sample_gap_ms"] < 250


@pytest.mark.e2e
@pytest.mark.slow
@pytest.mark.x11
@pytest.mark.timeout(600)  # the harness fixture alone may take 240 s
def test_e2e_film_frames_are_really_on_screen(harness_report: dict) -> None:
    # the factory films have a cream bar on blue-grey; the posters are flat paper and red
    assert harness_report["film_like_samples"] >= 20


# --- the harness (run in a subprocess by the e2e tests) -----------------------------------------

W, H = 1280, 720


def _stage_stats(image, stage_h: int) -> tuple[float, float]:
    """(share of near-black/night pixels, share of blue-grey film ground) in the stage area."""
    from PySide6.QtGui import QImage

    img = image.convertToFormat(QImage.Format.Format_RGB32)
    a = np.frombuffer(img.constBits(), np.uint8).reshape(img.height(), img.bytesPerLine())
    rgb = a[:stage_h, : img.width() * 4].reshape(stage_h, img.width(), 4)[:, :, 2::-1]
    dark = float((rgb.max(axis=2) <= 32).mean())
    r, g, b = (rgb[:, :, i].astype(int) for i in range(3))
    film = float(((abs(r - 70) < 20) & (abs(g - 90) < 20) & (abs(b - 110) < 20)).mean())
    return dark, film


def harness(outdir: Path) -> None:
    """p1 → f1 → f2 → p2 → … in a 1280×720 window under X11, the screen sampled every ~40 ms."""
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    report: dict[str, Any] = {"platform": QGuiApplication.platformName(), "errors": []}
    if report["platform"] != "xcb":
        (outdir / "report.json").write_text(json.dumps(report))
        return
    d = outdir / "media"
    media = {
        "p1": make_image(d / "p1.jpg", (1280, 720), color=(233, 225, 208)),
        "p2": make_image(d / "p2.jpg", (1280, 720), color=(168, 40, 30)),
        "f1": make_video(d / "f1.mp4", seconds=2.0, size=(640, 360)),
        "f2": make_video(d / "f2.mp4", seconds=2.0, size=(480, 360)),
    }
    paths = Paths(outdir / "data")
    source = content(
        outdir / "usb",
        media,
        [
            ("p1", "poster", "p1", "海报一"),
            ("p2", "poster", "p2", "海报二"),
            ("f1", "film", "f1", "影片一"),
            ("f2", "film", "f2", "影片二"),
        ],
    )
    import_into(paths, source)
    engine = VlcEngine([*default_options("xcb"), "--aout=dummy"])
    catalogue = Catalogue.open(paths.catalogue)
    library = Library(catalogue, MediaStore.at(paths))
    settings = Settings().with_overrides(
        attract={**FAST, "poster_s": 1.5, "crossfade_ms": 400, "kinds": ("poster", "film")}
    )
    images = ImageLoader()
    ctx = Context(
        library,
        settings,
        Visit("zh", theme.Metrics.for_screen(W, H)),
        images,
        Nav(),
        engine,
        None,
        Recorder(catalogue),
    )
    window = QWidget()
    window.setGeometry(0, 0, W, H)  # no window manager: place it ourselves
    screen_widget = AttractScreen(ctx, window)
    screen_widget.setGeometry(0, 0, W, H)
    # p1, f1, p2, f2 interleaved by kind would alternate; ask for two films in a row
    window.show()
    screen = QGuiApplication.primaryScreen()
    order: list[str] = []
    samples: list[tuple[float, float, float]] = []
    t0 = time.monotonic()

    starts: list[float] = []

    def started(key: str, show: str) -> None:
        order.append(key)
        starts.append(time.monotonic() - t0)

    screen_widget.item_started.connect(started)
    screen_widget.item_ended.connect(
        lambda key, outcome, reason: (
            report["errors"].append(f"{key}: {reason}") if outcome == "failed" else None
        )
    )

    def sample() -> None:
        stage_h = screen_widget.layer.height()
        dark, film = _stage_stats(screen.grabWindow(0, 0, 0, W, H).toImage(), stage_h)
        samples.append((time.monotonic() - t0, dark, film))
        if len(starts) > 1 and dark > 0.97 and len([s for s in samples if s[1] > 0.97]) <= 5:
            screen.grabWindow(0, 0, 0, W, H).save(str(outdir / f"blank-{samples[-1][0]:.3f}.png"))
        if len(order) >= 7:
            app.quit()

    ticker = QTimer()
    ticker.setInterval(40)
    ticker.timeout.connect(sample)

    def begin() -> None:
        playlist_source = library.works

        def two_films_in_a_row(kinds, on=None):
            works = {w.key: w for w in playlist_source(list(kinds), on=on)}
            return [works[k] for k in ("p1", "f1", "f2", "p2") if k in works]

        from kiosk.playlist import AttractPlaylist

        screen_widget.playlist = AttractPlaylist(
            two_films_in_a_row, settings.attract, kinds=("poster", "film")
        )
        screen_widget.playlist._slots.sort(key=lambda s: ["p1", "f1", "f2", "p2"].index(s.key))
        ticker.start()
        screen_widget.enter()

    QTimer.singleShot(300, begin)
    QTimer.singleShot(90_000, lambda: (report["errors"].append("timeout"), app.quit()))
    app.exec()
    ticker.stop()
    screen_widget.leave()
    screen_widget.stage.release()
    engine.close()
    images.wait()
    catalogue.close()
    # from the first item on, once it has faded in from the night of a fresh start
    fade_in = settings.attract.crossfade_ms / 1000 + 0.1
    live = [s for s in samples if starts and s[0] >= starts[0] + fade_in]
    gaps = [(b[0] - a[0], a[0]) for a, b in itertools.pairwise(live)]
    report.update(
        order=order,
        starts=[round(t, 3) for t in starts],
        samples=len(live),
        blank_samples=[(round(t, 3), round(dk, 3)) for t, dk, _ in live if dk > 0.97],
        slowest_gaps=[(round(g * 1000), round(t, 3)) for g, t in sorted(gaps)[-5:]],
        max_dark_share=round(max((s[1] for s in live), default=1.0), 3),
        film_like_samples=len([s for s in live if s[2] > 0.3]),
        max_sample_gap_ms=round(1000 * max((g for g, _ in gaps), default=0.0), 1),
    )
    (outdir / "report.json").write_text(json.dumps(report, indent=1))


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "harness":
        harness(Path(sys.argv[2]))
    else:
        sys.exit(__doc__)
