"""The pledge wall in the real kiosk window, on a catalogue made by the real importer: a
signature written with touch events, kept and seen arriving on the wall; a tap refused; the
home tile only with a pledge text and ``[pledge] enabled``; portrait and large text."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from kiosk.app import Kiosk, RunOptions, build
from kiosk.catalog import Catalogue
from kiosk.catalog.files import MediaStore
from kiosk.ingest.importer import Importer, import_lines
from kiosk.pledge.signature import from_pad
from kiosk.settings import Settings
from kiosk.ui.pledge.screen import PledgeScreen
from kiosk.ui.pledge.wall import PledgeWallScreen

from needs import needs
from strokes import Finger, on_pad, standard

SIZE = (1280, 720)
PLEDGE_ROW = (
    "类型,标题,正文,英文标题,英文正文\n"
    "承诺书,廉洁承诺书,我承诺：清白做人，干净做事，廉洁从业。,Integrity pledge,"
    "I pledge to be honest and clean in all I do.\n"
)


def import_pledge(paths, tmp_path: Path) -> None:
    sheet = tmp_path / "承诺书.csv"
    sheet.write_text(PLEDGE_ROW, encoding="utf-8")
    with Catalogue.open(paths.catalogue) as cat:
        report = Importer(cat, MediaStore.at(paths)).run([sheet])
        assert report.rejected == [], import_lines(report, "en")


def open_kiosk(qtbot, paths, s: Settings | None = None, size=SIZE) -> Kiosk:
    k = build(paths, s or Settings(), RunOptions(windowed=True, size=size))
    qtbot.waitExposed(k.window)
    k.window.home()
    return k


@pytest.fixture
def kiosk(qtbot, paths, tmp_path):
    import_pledge(paths, tmp_path)
    k = open_kiosk(qtbot, paths)
    yield k
    k.close()


def tile(kiosk: Kiosk, label: str = "pledges"):
    return next((t for t in kiosk.window.screens["home"].tiles if t.section.label == label), None)


def open_pledge(qtbot, kiosk: Kiosk) -> PledgeScreen:
    finger = Finger(kiosk.window)
    t = tile(kiosk)
    assert t is not None
    centre = t.mapTo(kiosk.window, t.rect().center())
    finger.tap(centre.x(), centre.y())
    qtbot.waitUntil(lambda: kiosk.window.current == "pledge")
    return kiosk.window.screens["pledge"]


def sign(screen: PledgeScreen, name: str = "包拯") -> None:
    """Write ``name`` on the pad with a finger, one character beside the other."""
    pad = screen.pad
    side = min(pad.height() * 0.8, pad.width() / (len(name) + 0.5))
    finger = Finger(pad)
    for i, character in enumerate(name):
        left = side * 0.25 + i * side
        finger.write(
            [[(x + left, y + side * 0.1) for x, y in s] for s in on_pad(standard(character), side)]
        )


def tap(widget) -> None:
    c = widget.rect().center()
    Finger(widget).tap(c.x(), c.y())


def test_a_visitor_signs_and_sees_the_signature_arrive_on_the_wall(qtbot, kiosk, paths) -> None:
    screen = open_pledge(qtbot, kiosk)
    assert screen.heading.text() == "廉洁承诺书"
    assert "清白做人" in screen.text.text()
    sign(screen)
    assert screen.pad.stroke_count > 5
    tap(screen.confirm_button)
    qtbot.waitUntil(lambda: kiosk.window.current == "pledge_wall", timeout=5000)
    wall: PledgeWallScreen = kiosk.window.screens["pledge_wall"]
    (signed,) = wall.grid.signed
    assert wall.grid.arrived == signed.id
    assert wall.count_label.text() == "已有 1 人签名承诺"
    assert signed.picture is not None and signed.picture.is_file()
    assert signed.picture.stat().st_size < 40_000  # small
    qtbot.waitUntil(lambda: wall.grid.arrival == 1.0, timeout=2000)  # ≤ 400 ms, then still
    qtbot.waitUntil(lambda: signed.id in wall.grid._thumbs, timeout=3000)
    strokes = kiosk.window.ctx.library.pledges.strokes(signed.id)
    assert strokes is not None and strokes.startswith('{"w":1000')
    assert screen.pad.is_empty()  # the next visitor finds a clean pad
    kiosk.window.ctx.visit.toggle_lang()
    assert wall.count_label.text() == "1 person has signed"
    tap(wall.sign_button)  # back to the pledge, not a second one on the history
    qtbot.waitUntil(lambda: kiosk.window.current == "pledge")


@pytest.mark.parametrize("scribble", ["point", "tick"])
def test_a_point_or_a_tiny_tick_is_gently_refused_and_nothing_kept(qtbot, kiosk, scribble) -> None:
    screen = open_pledge(qtbot, kiosk)
    finger = Finger(screen.pad)
    if scribble == "point":
        finger.tap(200, 200)
    else:
        finger.stroke([(200, 200), (210, 212), (230, 190)])
    tap(screen.confirm_button)
    key = "pledge_one_point" if scribble == "point" else "pledge_too_small"
    assert screen.message.text() == screen.ctx.tr(key)
    assert kiosk.window.current == "pledge"
    assert kiosk.window.ctx.library.pledges.count() == 0
    assert not screen.pad.is_empty()  # the visitor may write on
    sign(screen)
    assert screen.message.text() == ""  # writing on takes the refusal away


def test_an_empty_pad_asks_for_a_signature(qtbot, kiosk) -> None:
    screen = open_pledge(qtbot, kiosk)
    tap(screen.confirm_button)
    assert screen.message.text() == screen.ctx.tr("pledge_empty")


def test_undo_and_clear(qtbot, kiosk) -> None:
    screen = open_pledge(qtbot, kiosk)
    sign(screen, "包")
    n = screen.pad.stroke_count
    tap(screen.undo_button)
    assert screen.pad.stroke_count == n - 1
    tap(screen.clear_button)
    assert screen.pad.is_empty()


def test_no_tile_without_a_pledge_text_or_when_switched_off(qtbot, paths, tmp_path) -> None:
    k = open_kiosk(qtbot, paths)
    assert tile(k) is None
    k.close()
    import_pledge(paths, tmp_path)
    k = open_kiosk(qtbot, paths, Settings().with_overrides(pledge={"enabled": False}))
    assert tile(k) is None
    k.close()


@pytest.mark.parametrize("size", [(1080, 1920), (1920, 1080)])
def test_portrait_puts_the_text_above_the_pad_and_large_text_fits(
    qtbot, paths, tmp_path, size
) -> None:
    import_pledge(paths, tmp_path)
    k = open_kiosk(qtbot, paths, size=size)
    k.window.ctx.visit.set_large(True)
    screen = open_pledge(qtbot, k)
    qtbot.wait(50)
    pad, area = screen.pad.geometry(), screen.area.geometry()
    if size[1] > size[0]:
        assert area.bottom() < pad.top()
    else:
        assert area.right() < pad.left()
    assert pad.width() >= 0.4 * size[0] and pad.height() >= 0.25 * size[1]
    for b in (screen.undo_button, screen.clear_button, screen.confirm_button):
        assert screen.rect().contains(b.geometry().translated(b.parentWidget().pos()))
    k.close()


def test_the_panel_exports_a_month_to_the_stick_and_clears_it_after_asking(
    qtbot, paths, tmp_path
) -> None:
    needs("poppler")
    import_pledge(paths, tmp_path)
    stick = tmp_path / "stick"
    stick.mkdir()
    (stick / "notes.txt").write_text("the operator's stick", encoding="utf-8")
    s = Settings().with_overrides(content={"usb_folders": (str(stick),)})
    k = open_kiosk(qtbot, paths, s)
    window = k.window
    pledges = window.ctx.library.pledges
    for _ in range(3):
        sig = from_pad([[(100.0 + 50 * i, 200.0 + 200 * (i % 2)) for i in range(20)]], 1400, 800)
        pledges.add(sig, pledges.render(sig))
    window.go("operator")
    tap(window.screens["operator"].pledge_button)
    assert window.current == "pledge_admin"
    page = window.screens["pledge_admin"]
    month = page.months[0]
    assert page.labels[0].text() == f"{month}：3 个签名"
    tap(page.export_buttons[0])
    pdf = stick / f"pledges-{month}.pdf"
    qtbot.waitUntil(lambda: page.note.text().startswith("已导出到"), timeout=20_000)
    said = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert f"{month} 共 3 人签名承诺" in said
    tap(page.clear_buttons[0])
    assert page.confirm_box.isVisible()
    assert "3 个签名" in page.confirm_box.label.text()
    tap(page.confirm_box.no)  # cancelled: nothing goes
    assert pledges.count() == 3
    tap(page.clear_buttons[0])
    tap(page.confirm_box.yes)
    assert pledges.count() == 0 and page.labels[0].text() == f"{month}：0 个签名"
    shutil.rmtree(stick)  # unplugged
    tap(page.export_buttons[0])
    assert page.note.text() == "没有找到U盘；请插入U盘后再试"
    k.close()
