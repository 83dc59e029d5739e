"""Lantern riddles (issue 13) in the real kiosk window on a catalogue made by the real importer
from the sourced rows in docs/research/kinds/riddles.csv: the home tile, a tap that reveals and
hides, search, the records, English, large text and portrait; and the attract loop showing
couplets and riddles (the answer after a pause) and recording both in ``plays``."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from test_attract import FAST, Loop, import_into
from test_couplets import COUPLETS, kiosk_on, research_rows, write_rows
from test_history_ui import click

from kiosk.paths import Paths

RIDDLES = research_rows("riddles.csv")
#: A riddle without a source: the screen says it is traditional.
UNSOURCED = {
    "key": "riddle-test-unsourced",
    "kind": "riddle",
    "title_zh": "千里相逢",
    "hint_zh": "打一字",
    "answer_zh": "重",
    "sort_order": "999",
}


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("usb") / "content"
    root.mkdir()
    write_rows(root / "riddles.csv", [*RIDDLES, UNSOURCED])
    return root


@pytest.fixture
def kiosk(qtbot, paths, content: Path):
    yield from kiosk_on(qtbot, paths, content)


def texts(card) -> list[str]:
    return [built.layout.text() for built, _, _ in card.stack(card.width()).lines]


def visitor_plays(kiosk) -> list[tuple[str, str]]:
    rows = kiosk.catalogue.db["plays"].rows
    return [(p["item_key"], p["outcome"]) for p in rows if p["context"] == "visitor"]


def test_the_home_tile_opens_the_riddles_and_a_tap_reveals_then_hides(kiosk, qtbot) -> None:
    window = kiosk.window
    window.ctx.records.session_start()
    home = window.screens["home"]
    tile = next(t for t in home.tiles if t.section.label == "riddles")
    click(tile)
    assert window.current == "riddles"
    screen = window.screens["riddles"]
    assert len(screen.cards) == len(RIDDLES) + 1
    card = screen.cards[0]
    qtbot.waitUntil(lambda: card.height() > 0, timeout=2000)
    before = texts(card)
    assert before[0] == "镰好却无铁，吉兆偏添水" and "——打一廉政词语" in before
    assert not any("廉洁" in t and t.startswith("谜底") for t in before)
    low = card.height()
    click(card)
    after = texts(card)
    assert card.revealed and "谜底：廉洁" in after
    assert any(t.startswith("“镰”字去掉") for t in after)  # the explanation
    assert any("舞阳县纪委监委" in t for t in after)  # and its source
    qtbot.waitUntil(lambda: card.height() > low, timeout=2000)
    assert visitor_plays(kiosk) == []  # still being read
    click(card)  # tap again: hidden, the reading recorded
    assert not card.revealed and texts(card) == before
    qtbot.waitUntil(lambda: card.height() == low, timeout=2000)
    assert visitor_plays(kiosk) == [("riddle-lian-jie", "completed")]
    # a riddle without a source is called traditional
    unsourced = screen.card("riddle-test-unsourced")
    screen.toggle(unsourced)
    assert "——传统灯谜" in texts(unsourced)
    window.back()
    assert ("riddle-test-unsourced", "completed") in visitor_plays(kiosk)


def test_search_opens_the_riddle_marked_but_not_revealed(kiosk, qtbot) -> None:
    window = kiosk.window
    window.go("search")
    search = window.screens["search"]
    search.field.setText("四种形态")
    qtbot.waitUntil(lambda: bool(search.hits), timeout=3000)
    assert search.hits[0].key == "riddle-si-zhong-xingtai"
    click(search.view.viewport(), search.view.visualRect(search.model.index(0)).center())
    assert (window.current, window.current_args) == (
        "riddles",
        {"key": "riddle-si-zhong-xingtai"},
    )
    screen = window.screens["riddles"]
    card = screen.card("riddle-si-zhong-xingtai")
    assert card.marked and not card.revealed
    assert [c.key for c in screen.cards if c.marked] == [card.key]

    def in_view() -> bool:
        viewport = screen.scroll.viewport()
        top_left = card.mapTo(viewport, QPoint(0, 0))
        return top_left.y() >= 0 and top_left.y() + card.height() <= viewport.height()

    qtbot.waitUntil(in_view, timeout=2000)
    window.back()
    assert visitor_plays(kiosk) == [("riddle-si-zhong-xingtai", "completed")]


@pytest.mark.parametrize(("size", "large"), [((1280, 720), True), ((720, 1280), True)])
def test_english_and_large_text_reflow_without_clipping(kiosk, qtbot, size, large) -> None:
    window = kiosk.window
    window.resize(*size)
    window.ctx.visit.set_lang("en")
    window.ctx.visit.set_large(large)
    window.go("riddles")
    screen = window.screens["riddles"]
    for card in screen.cards:
        card.set_revealed(True)
    card = screen.card("riddle-lian-jie")
    qtbot.waitUntil(lambda: card.width() > 0, timeout=2000)
    lines = texts(card)
    # the face as written (broken only after a whole clause), its English beneath
    assert lines[0] in ("镰好却无铁，吉兆偏添水", "镰好却无铁，\u2028吉兆偏添水")
    assert lines[1].startswith("A good sickle") and "— A two-character word" in lines[2]
    assert "Answer: lianjie" in lines[3]
    columns = 2 if size[0] > size[1] else 1
    viewport = screen.scroll.viewport()
    qtbot.waitUntil(
        lambda: all(c.height() == c.needed_height(c.width()) for c in screen.cards),
        timeout=3000,
    )
    for c in screen.cards:
        # every card as tall as its text needs, and as wide as its column
        assert c.width() <= viewport.width() / columns
        stack = c.stack(c.width())
        for built, _, _ in stack.lines:
            for i in range(built.layout.lineCount()):
                assert built.layout.lineAt(i).naturalTextWidth() <= c.width() - 2 * c.pad() + 1


def test_the_loop_shows_couplets_and_riddles_reveals_the_answer_and_records_both(
    qtbot, tmp_path
) -> None:
    source = tmp_path / "usb"
    source.mkdir()
    write_rows(source / "couplets.csv", COUPLETS[:2])
    write_rows(source / "riddles.csv", RIDDLES[:2])
    paths = Paths(tmp_path / "data")
    import_into(paths, source)
    attract = {**FAST, "couplet_s": 0.5, "riddle_s": 1.0, "kinds": ("couplet", "riddle")}
    loop = Loop(qtbot, paths, films=None, attract=attract)
    layer = loop.screen.layer
    engine = loop.screen.loop.reveal
    seen: list[tuple[str, bool]] = []  # (key, a card on screen when it began)
    reveals: list[str] = []
    loop.screen.item_started.connect(
        lambda key, show: seen.append((key, layer.current is not None))
    )

    def painted() -> None:
        if engine.revealed and engine.revealed not in reveals:
            reveals.append(engine.revealed)

    layer.painted.connect(painted)
    loop.screen.enter()
    qtbot.waitUntil(lambda: len(loop.completed()) >= 5, timeout=20000)
    shows = {show for _, show in loop.started}
    assert shows == {"couplet", "riddle"}
    assert [k for k, _ in loop.started[:4]] == [
        "couplet-neixiang-sanxingtang",
        "riddle-lian-jie",
        "couplet-yexian-yamen-gate",
        "riddle-ju-zhi-men-wai",
    ]
    assert all(on for _, on in seen)  # never a frame without a card: no black between items
    assert "riddle-lian-jie" in reveals  # the answer appeared while the riddle showed
    loop.screen.leave()
    plays = loop.plays()
    done = [(p["item_key"], p["context"]) for p in plays if p["outcome"] == "completed"]
    assert ("riddle-lian-jie", "loop") in done and ("couplet-neixiang-sanxingtang", "loop") in done
    # one showing per riddle, its answer included: as long as the riddle's time
    riddle_plays = [p for p in plays if p["item_key"] == "riddle-lian-jie"]
    assert all(p["outcome"] != "failed" for p in plays)
    seconds = [p["seconds"] for p in riddle_plays if p["outcome"] == "completed"]
    assert seconds and all(0.8 <= s <= 2.0 for s in seconds), seconds
    loop.close()
