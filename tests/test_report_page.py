"""The operator panel's Report page over the synthetic month: its figures and charts, saving
to a USB stick (a folder standing in for it), no stick, and the panel's button to it."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kiosk.catalog import Catalogue
from kiosk.catalog.files import MediaStore
from kiosk.catalog.library import Library
from kiosk.paths import Paths
from kiosk.reporting.build import this_month
from kiosk.ui.operator.panel import OperatorScreen
from kiosk.ui.operator.report_page import ReportPage
from kiosk.ui.screen import Context, Visit
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.images import ImageLoader
from kiosk.usb.drives import DriveFinder, NoStick
from kiosk.usb.export import save_to_stick

import reporting_month as month
from catalogues import Nav

NOW = datetime(2026, 11, 30, 10, 0, tzinfo=UTC)  # 30 November, 18:00 in the hall


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Paths:
    paths = Paths(tmp_path_factory.mktemp("page") / "data")
    with Catalogue.open(paths.catalogue) as catalogue:
        month.build(catalogue)
    return paths


@pytest.fixture
def ctx(qtbot, data):
    catalogue = Catalogue.open(data.catalogue)
    yield Context(
        Library(catalogue, MediaStore.at(data)),
        month.SETTINGS,
        Visit("zh", theme.Metrics()),
        ImageLoader(),
        Nav(),
    )
    catalogue.close()


def page_for(qtbot, ctx, data, stick: Path | None) -> ReportPage:
    def save(lang: str) -> list[Path]:
        finder = DriveFinder([stick or Path("/nonexistent")], platform="test")
        return save_to_stick(data.catalogue, month.SETTINGS, lang, finder=finder, now=NOW)

    page = ReportPage(ctx, lambda lang: this_month(data.catalogue, month.SETTINGS, lang, NOW), save)
    qtbot.addWidget(page)
    page.resize(1920, 1080)
    page.show()
    qtbot.waitExposed(page)
    return page


def shown(page: ReportPage) -> list[str]:
    return [label.text() for label in page._figure_labels]


def test_the_page_shows_this_months_figures_and_charts(qtbot, ctx, data) -> None:
    page = page_for(qtbot, ctx, data, None)
    page.enter()
    qtbot.waitUntil(lambda: page._report is not None, timeout=20000)
    words = shown(page)
    assert words[words.index("开放天数") + 1] == "25"
    assert words[words.index("正常显示占开放时间比例") + 1] == "99.2%"
    assert words[words.index("参观次数") + 1] == "151"
    assert page.period_label.text() == "2026-11-01 至 2026-11-30（截至 18:00）"
    assert all(not label.pixmap().isNull() for label in page.chart_labels)
    ctx.visit.set_lang("en")
    page.retranslate()
    qtbot.waitUntil(lambda: page._report.lang == "en", timeout=20000)
    assert "Visits" in shown(page)


def test_save_to_usb_writes_the_report_and_the_records(qtbot, ctx, data, tmp_path) -> None:
    stick = tmp_path / "KINGSTON"
    (stick / "photos").mkdir(parents=True)  # a stick with something on it
    page = page_for(qtbot, ctx, data, stick)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.save_button.isEnabled(), timeout=30000)
    (folder,) = [p for p in stick.iterdir() if p.name != "photos"]
    assert folder.name == "清风展陈记录_hall-1_2026-11-30"  # the same folder as "Export records"
    assert sorted(p.name for p in folder.iterdir()) == [
        "records-hall-1-2026-10",
        "records-hall-1-2026-11",
        "report-hall-1-2026-10.pdf",
        "report-hall-1-2026-10.xlsx",
        "report-hall-1-2026-11.pdf",
        "report-hall-1-2026-11.xlsx",
    ]
    assert page.note.text().startswith("已保存")


def test_without_a_stick_the_page_says_so(qtbot, ctx, data) -> None:
    page = page_for(qtbot, ctx, data, None)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.save_button.isEnabled(), timeout=30000)
    assert page.note.text() == "无法保存：没有找到U盘；请插入U盘后再试"
    with pytest.raises(NoStick):
        save_to_stick(data.catalogue, month.SETTINGS, "zh", finder=DriveFinder([], platform="test"))


def test_the_panel_has_a_button_to_the_report_page(qtbot, ctx) -> None:
    panel = OperatorScreen(ctx, lambda: {}, lambda v: None, lambda: None, lambda: None)
    qtbot.addWidget(panel, before_close_func=lambda w: w.leave())
    panel.resize(1920, 1080)
    panel.show()
    qtbot.mouseClick(panel.report_button, Qt.MouseButton.LeftButton)
    assert ctx.nav.calls[-1] == ("go", "report", {})
