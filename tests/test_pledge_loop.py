"""The signature wall in the attract loop: a card with the count and the newest signatures
when ``[pledge] in_loop`` (the default) and a pledge text exists, never when it is off.
On a real catalogue (the real importer) with the real attract screen (``test_attract.Loop``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from test_attract import Loop, import_into, wait_for_outcomes

from kiosk.catalog import Catalogue
from kiosk.catalog.files import MediaStore
from kiosk.catalog.library import Library
from kiosk.paths import Paths
from kiosk.pledge.signature import from_pad
from kiosk.ui.pledge.card import WallCard, paint_wall_card
from kiosk.ui.widgets import theme

from factories import make_image

PLEDGE = "pledge-2026"


def zigzag(n: int = 12, height: float = 300.0) -> list[list[tuple[float, float]]]:
    return [[(100.0 + 60 * i, 200.0 + height * (i % 2)) for i in range(n)]]


@pytest.fixture
def paths(tmp_path: Path) -> Paths:
    usb = tmp_path / "usb"
    usb.mkdir()
    make_image(usb / "poster.jpg", (600, 800), color=(168, 40, 30))
    (usb / "works.csv").write_text(
        "key,kind,file,title_zh,body_zh\n"
        "p1,海报,poster.jpg,海报一,\n"
        f"{PLEDGE},承诺书,,廉洁承诺书,我承诺：清白做人，干净做事。\n",
        "utf-8",
    )
    paths = Paths(tmp_path / "data")
    import_into(paths, usb)
    with Catalogue.open(paths.catalogue) as cat:
        pledges = Library(cat, MediaStore.at(paths)).pledges
        for _ in range(3):
            pledges.add(from_pad(zigzag(), 1400, 800), None)
    return paths


def test_the_loop_shows_the_wall_by_default(qtbot, paths) -> None:
    loop = Loop(qtbot, paths, films=None, attract={"kinds": ("poster",), "pledge_s": 0.4})
    loop.screen.enter()
    wait_for_outcomes(qtbot, loop, lambda lp: PLEDGE in lp.completed())
    assert (PLEDGE, "pledge") in loop.started and ("p1", "picture") in loop.started
    loop.screen.leave()
    loop.close()


def test_the_loop_leaves_the_wall_out_when_in_loop_is_off(qtbot, paths) -> None:
    loop = Loop(qtbot, paths, films=None, attract={"kinds": ("poster", "pledge")})
    loop.ctx.settings = loop.ctx.settings.with_overrides(pledge={"in_loop": False})
    loop.screen.enter()
    wait_for_outcomes(qtbot, loop, lambda lp: len(lp.completed()) >= 3)
    loop.screen.leave()
    assert {k for k, _ in loop.started} == {"p1"}
    loop.close()


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
@pytest.mark.parametrize("count", [0, 30])
def test_the_card_fits_and_draws_the_newest_signatures(qtbot, size, count) -> None:
    m = theme.Metrics.for_screen(*size)
    area = QRectF(m.margin / 2, m.margin / 2, size[0] - m.margin, size[1] - m.margin)
    image = QImage(*size, QImage.Format.Format_RGB32)
    image.fill(theme.NIGHT)
    newest = tuple(from_pad(zigzag(8 + i % 5), 1400, 800) for i in range(min(count, 12)))
    card = WallCard("廉洁承诺书", "Integrity pledge", count, newest)
    p = QPainter(image)
    box = paint_wall_card(p, area, card, m)
    p.end()
    assert area.contains(box)
    # the lower half of the card: ink strokes when there are signatures, plain paper if not
    lower = box.adjusted(m.px(80), box.height() * 0.55, -m.px(80), -m.px(80)).toRect()
    dark = sum(
        QColor(image.pixel(x, y)).lightness() < 100
        for x in range(lower.left(), lower.right(), 6)
        for y in range(lower.top(), lower.bottom(), 6)
    )
    assert (dark > 20) if count else (dark == 0)
