"""The USB stick in the operator panel, driven by clicks (pytest-qt): a stick folder appearing
brings the offer; the USB page counts what it holds, imports only when confirmed, with
progress and one line per file left out; a stick pulled out mid-import changes nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt

from kiosk.catalog import Catalogue
from kiosk.catalog.changes import ChangeLog
from kiosk.catalog.files import MediaStore
from kiosk.catalog.library import Library
from kiosk.paths import Paths
from kiosk.settings import Settings
from kiosk.strings import tr
from kiosk.ui.operator.panel import OperatorScreen
from kiosk.ui.operator.usb import UsbOffer
from kiosk.ui.operator.usb_screen import DONE, EXPORTED, REMOVED, SUMMARY, UsbScreen
from kiosk.ui.screen import Context, Visit
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.images import ImageLoader
from kiosk.usb.drives import Stick

from catalogues import Nav, show
from factories import make_image

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def stick_folder(tmp_path) -> Path:
    return tmp_path / "KINGSTON"


@pytest.fixture
def catalogue(tmp_path):
    with Catalogue.open(Paths(tmp_path / "data").catalogue) as cat:
        cat.upsert_item({"key": "aphorism-1", "kind": "aphorism", "title_zh": "慎独"})
        yield cat


@pytest.fixture
def ctx(qtbot, catalogue, tmp_path, stick_folder) -> Context:
    library = Library(catalogue, MediaStore.at(Paths(tmp_path / "data")))
    settings = Settings().with_overrides(content={"usb_folders": (str(stick_folder),)})
    return Context(library, settings, Visit("zh", theme.Metrics()), ImageLoader(), Nav())


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, LEFT, pos=QPoint(widget.width() // 2, widget.height() // 2))


def fill_stick(folder: Path, posters: int = 3, broken: bool = False) -> Path:
    for i in range(posters):
        make_image(folder / "海报" / f"海报{i + 1}.jpg", (640, 480), color=(50 * i, 60, 90))
    make_image(folder / "合影.png", (320, 240))
    if broken:
        (folder / "海报" / "坏的.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really a picture")
    return folder


class Reloads:
    def __init__(self) -> None:
        self.n = 0

    def __call__(self) -> None:
        self.n += 1


def usb_page(qtbot, ctx, **options) -> tuple[UsbScreen, Reloads]:
    reloads = Reloads()
    return show(qtbot, UsbScreen(ctx, reloads, **options)), reloads


def open_page(qtbot, page: UsbScreen, folder: Path, action: str = "import") -> None:
    page.enter(stick=Stick(folder, folder.name), action=action)
    qtbot.waitUntil(lambda: page.state not in ("reading", "exporting"), timeout=10000)


# ---------------------------------------------------------------- the offer
def test_a_stick_appearing_brings_the_offer_to_the_open_panel(qtbot, ctx, stick_folder):
    panel = show(qtbot, OperatorScreen(ctx, dict, lambda v: None, lambda: None, lambda: None))
    panel.enter()
    offer = panel.findChild(UsbOffer)
    assert offer.line.text() == tr("usb_none", "zh")
    assert not offer.buttons.isVisible()
    fill_stick(stick_folder, posters=1)
    qtbot.waitUntil(lambda: offer.buttons.isVisible(), timeout=5000)  # polled every 2 s
    assert offer.line.text() == "已插入U盘：KINGSTON"
    click(qtbot, offer.import_button)
    assert ctx.nav.calls == [
        ("go", "usb", {"stick": Stick(stick_folder, "KINGSTON"), "action": "import"})
    ]
    click(qtbot, offer.export_button)
    assert ctx.nav.calls[-1][2]["action"] == "export"
    shutil.rmtree(stick_folder)
    qtbot.waitUntil(lambda: not offer.buttons.isVisible(), timeout=5000)
    assert offer.line.text() == tr("usb_none", "zh")


def test_the_offer_looks_only_while_the_panel_shows(qtbot, ctx, stick_folder):
    panel = show(qtbot, OperatorScreen(ctx, dict, lambda v: None, lambda: None, lambda: None))
    offer = panel.findChild(UsbOffer)
    assert offer._timer.isActive()
    panel.hide()
    assert not offer._timer.isActive()
    fill_stick(stick_folder, posters=1)
    panel.show()  # shown again: it looks at once
    assert offer.stick == Stick(stick_folder, "KINGSTON")


# ---------------------------------------------------------------- the page
def test_the_page_counts_what_the_stick_holds_and_imports_nothing_unconfirmed(
    qtbot, ctx, catalogue, stick_folder
):
    fill_stick(stick_folder)
    (stick_folder / "名单.csv").write_text("类别,标题\n格言,吾日三省吾身\n", encoding="utf-8")
    (stick_folder / "2026-12.bundle").write_bytes(b"PK\x03\x04")
    page, reloads = usb_page(qtbot, ctx)
    open_page(qtbot, page, stick_folder)
    assert page.state == SUMMARY
    assert page.title() == "U盘 · KINGSTON"
    cells = [c.text() for c in page.card._cells]
    assert cells == ["海报", "3", "其他文件", "1", "表格", "1", "内容包", "1"]
    assert "表格：名单.csv" in page.card.details.text()
    assert "内容包：2026-12.bundle" in page.card.details.text()
    assert page.go_button.isVisible()
    qtbot.wait(300)
    assert catalogue.counts() == {"aphorism": 1}  # nothing until the operator confirms
    page.leave()
    assert catalogue.counts() == {"aphorism": 1} and reloads.n == 0


def test_an_empty_stick_offers_nothing_to_import(qtbot, ctx, stick_folder):
    (stick_folder / "System Volume Information").mkdir(parents=True)
    page, _ = usb_page(qtbot, ctx)
    open_page(qtbot, page, stick_folder)
    assert not page.go_button.isVisible()
    assert tr("usb_empty", "zh") in page.card.details.text()


def test_a_confirmed_import_shows_progress_then_each_file_left_out(
    qtbot, ctx, catalogue, stick_folder
):
    fill_stick(stick_folder, broken=True)
    page, reloads = usb_page(qtbot, ctx)
    open_page(qtbot, page, stick_folder)
    seen: list[tuple[int, int]] = []
    click(qtbot, page.go_button)
    assert page.busy() and not page.back_button.isVisible()
    page.job.progressed.connect(lambda d, t, label: seen.append((d, t)))
    qtbot.waitUntil(lambda: page.state == DONE, timeout=30000)
    assert seen and seen[-1] == (5, 5)
    assert page.back_button.isVisible() and not page.busy()
    assert page.message.text() == tr("usb_done_rejected", "zh")
    lines = page.card.lines.text().splitlines()
    assert lines[0].startswith("未导入：海报/坏的.jpg")
    assert lines[-1] == "新增 4，更新 0，未变 0，重复跳过 0，未导入 1"
    assert catalogue.counts() == {"aphorism": 1, "poster": 3, "photo": 1}
    assert {c["source"] for c in ChangeLog(catalogue).changes()} == {"usb"}
    assert reloads.n == 1  # the visitor side reads the new catalogue now
    ctx.visit.set_lang("en")
    assert page.card.lines.text().splitlines()[-1].startswith("imported 4, updated 0")


def test_a_stick_pulled_out_mid_import_changes_nothing_and_says_so(
    qtbot, ctx, catalogue, stick_folder
):
    fill_stick(stick_folder, posters=5)

    def pull_out(done: int, total: int) -> None:
        if done == 2:
            shutil.rmtree(stick_folder)

    page, reloads = usb_page(qtbot, ctx, before_each=pull_out)
    open_page(qtbot, page, stick_folder)
    click(qtbot, page.go_button)
    qtbot.waitUntil(lambda: page.state == REMOVED, timeout=30000)
    assert page.message.text() == tr("usb_removed", "zh")
    assert catalogue.counts() == {"aphorism": 1}
    assert ChangeLog(catalogue).changes() == []
    assert reloads.n == 0


def test_a_stick_pulled_out_before_the_import_is_said(qtbot, ctx, stick_folder):
    fill_stick(stick_folder, posters=1)
    page, _ = usb_page(qtbot, ctx)
    open_page(qtbot, page, stick_folder)
    shutil.rmtree(stick_folder)
    qtbot.waitUntil(lambda: page.message.text() == tr("usb_gone", "zh"), timeout=5000)
    assert not page.go_button.isVisible()


def test_export_records_writes_the_reports_and_records_to_the_stick(qtbot, ctx, stick_folder):
    stick_folder.mkdir()
    page, _ = usb_page(qtbot, ctx)
    open_page(qtbot, page, stick_folder, action="export")
    assert page.state == EXPORTED
    (folder,) = [p for p in stick_folder.iterdir() if p.is_dir()]
    assert folder.name.startswith("清风展陈记录_")
    assert len(list(folder.glob("report-*.pdf"))) == len(list(folder.glob("report-*.xlsx"))) == 2
    assert len(list(folder.glob("records-*/plays.csv"))) == 2
    assert page.message.text() == tr("usb_exported", "zh")
    shown = sorted(p.name + ("/" if p.is_dir() else "") for p in folder.iterdir())
    assert sorted(page.card.lines.text().splitlines()) == shown  # under the folder's name
    assert page.note.text() == tr("usb_can_remove", "zh")
