"""Warning cases in the attract loop (issue 13): a text card when the hall lists ``case`` in
``[attract] kinds``, recorded like every showing; never when it does not (the default).
On a real catalogue (the researched cases, docs/research/kinds/cases.csv) with the real
attract screen (``test_attract.Loop``)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter
from test_attract import Loop, import_into, wait_for_outcomes

from kiosk.paths import Paths
from kiosk.settings import Settings
from kiosk.ui.cases.card import CaseCard, paint_case
from kiosk.ui.widgets import theme

from factories import make_image

RESEARCH = Path(__file__).resolve().parent.parent / "docs" / "research" / "kinds" / "cases.csv"
HESHEN = "case-heshen-1799"


@pytest.fixture
def paths(tmp_path: Path) -> Paths:
    """A poster and the three researched cases (and their topics), imported as an operator
    would."""
    usb = tmp_path / "usb"
    usb.mkdir()
    shutil.copy(RESEARCH, usb / "cases.csv")
    make_image(usb / "poster.jpg", (600, 800), color=(168, 40, 30))
    (usb / "works.csv").write_text(
        "key,kind,file,title_zh\n"
        "p1,海报,poster.jpg,海报一\n"
        "topic-integrity,专题,,清廉自守\n"
        "topic-impartiality,专题,,秉公用权\n",
        "utf-8",
    )
    paths = Paths(tmp_path / "data")
    import_into(paths, usb)
    return paths


def test_cases_are_not_in_the_loop_by_default() -> None:
    assert "case" not in Settings().attract.kinds


def test_a_hall_that_lists_cases_sees_their_cards_and_they_are_recorded(qtbot, paths) -> None:
    loop = Loop(qtbot, paths, films=None, attract={"kinds": ("poster", "case"), "case_s": 0.4})
    loop.screen.enter()
    wait_for_outcomes(qtbot, loop, lambda lp: HESHEN in lp.completed())
    assert (HESHEN, "case") in loop.started
    assert ("p1", "picture") in loop.started
    loop.screen.leave()
    plays = [p for p in loop.plays() if p["item_key"] == HESHEN and p["outcome"] == "completed"]
    assert plays and all(p["context"] == "loop" for p in plays)
    assert all(0.3 <= p["seconds"] <= 2.0 for p in plays)  # [attract] case_s
    loop.close()


def test_a_hall_that_does_not_list_cases_never_shows_them(qtbot, paths) -> None:
    loop = Loop(qtbot, paths, films=None)  # the test settings' kinds, without case
    loop.screen.enter()
    wait_for_outcomes(qtbot, loop, lambda lp: len(lp.completed()) >= 3)
    loop.screen.leave()
    assert {k for k, _ in loop.started} == {"p1"}
    assert {p["item_key"] for p in loop.plays()} == {"p1"}
    loop.close()


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
def test_the_card_fits_the_screen_with_a_long_outcome_made_smaller(qtbot, size) -> None:
    m = theme.Metrics.for_screen(*size)
    area = QRectF(m.margin / 2, m.margin / 2, size[0] - m.margin, size[1] - m.margin)
    image = QImage(*size, QImage.Format.Format_RGB32)
    short = CaseCard("某案", person="张某（原某局局长）", outcome="开除党籍。", date="2019年")
    long = CaseCard(short.title, outcome="判处有期徒刑。" * 200, source="某县纪委监委通报")
    painter = QPainter(image)
    for card in (short, long):
        box = paint_case(painter, area, card, m)
        assert area.contains(box), (box, area)
    painter.end()
