"""The monthly report with the programme's own kinds (issue 13): a November in which a
case, a couplet and riddles were shown in the loop and opened by visitors gives their
showings, minutes and titles under their Chinese (and English) kind names; the ticker's
passes are their own table, not showings of the loop."""

from __future__ import annotations

import csv
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import openpyxl
import pytest

from kiosk.catalog import Catalogue
from kiosk.catalog.files import MediaStore
from kiosk.ingest.importer import Importer, import_lines
from kiosk.paths import Paths
from kiosk.reporting.build import kiosk_report, write_report
from kiosk.reporting.period import Period
from kiosk.reporting.xlsx import sheet_title

import reporting_month as month

ZONE = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 12, 6, 12, 0, tzinfo=UTC)
ROWS = [
    ["key", "kind", "title_zh", "title_en", "upper_zh", "lower_zh", "upper_en", "answer_zh",
     "person_zh", "outcome_zh", "date", "source_zh"],
    ["couplet-sxt", "couplet", "", "", "吃百姓之饭", "得一官不荣", "You eat the people's food",
     "", "", "", "", "内乡县衙"],
    ["riddle-zhong", "riddle", "千里相逢", "Meeting across a thousand li", "", "", "", "重",
     "", "", "", ""],
    ["riddle-cha", "riddle", "人在草木中", "", "", "", "", "茶", "", "", "", ""],
    ["case-cheng", "case", "成克杰受贿案", "The Cheng Kejie Bribery Case", "", "", "", "",
     "成克杰", "判处死刑", "2000-09-14", "全国人大常委会公告"],
    ["ticker-1", "ticker", "尔俸尔禄，民膏民脂。", "", "", "", "", "", "", "", "", "容斋续笔"],
]  # fmt: skip
# (key, context, showings, seconds each) over November: each showing on a day of its own
PLAYS = [
    ("couplet-sxt", "loop", 3, 20.0),
    ("riddle-zhong", "loop", 2, 30.0),
    ("riddle-cha", "loop", 1, 30.0),
    ("case-cheng", "loop", 1, 42.0),
    ("ticker-1", "loop", 5, 12.0),
    ("riddle-zhong", "visitor", 4, 15.0),
    ("case-cheng", "visitor", 2, 60.0),
]


@pytest.fixture(scope="module")
def november(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("kinds")
    paths = Paths(root / "data")
    sheet = root / "节目.csv"
    with sheet.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(ROWS)
    with Catalogue.open(paths.catalogue) as cat:
        report = Importer(cat, MediaStore.at(paths)).run([sheet])
        assert not report.rejected, import_lines(report, "en")
        with cat.transaction():
            for key, context, n, seconds in PLAYS:
                item = cat.item(key)
                for day in range(1, n + 1):
                    start = datetime(2026, 11, 2 + day, 10, 0, tzinfo=ZONE).astimezone(UTC)
                    cat.record_play(
                        item,
                        started_at=start.isoformat(timespec="milliseconds"),
                        ended_at=(start + timedelta(seconds=seconds)).isoformat(),
                        seconds=seconds,
                        context=context,
                        outcome="completed",
                    )
    return paths.catalogue


def report_sheets(catalogue_path: Path, lang: str, folder: Path) -> dict[str, list[tuple]]:
    with Catalogue.open(catalogue_path) as catalogue:
        report = kiosk_report(catalogue, month.SETTINGS, Period.month("2026-11"), NOW, lang)
    _pdf, xlsx = write_report(report, folder, lang)
    wb = openpyxl.load_workbook(xlsx, read_only=True)
    found = {ws.title: [tuple(r) for r in ws.iter_rows(values_only=True)][1:] for ws in wb}
    wb.close()
    return found


def test_the_loop_and_the_visitors_count_the_new_kinds_by_their_chinese_names(november, tmp_path):
    found = report_sheets(november, "zh", tmp_path)
    kinds = {row[0]: row[1:] for row in found[sheet_title("rep_loop_kinds")]}
    assert kinds == {
        "对联": (3, 1.0),
        "灯谜": (3, 1.5),
        "警示案例": (1, 0.7),
    }
    top = {row[0]: row[1:] for row in found[sheet_title("rep_loop_top")]}
    assert top["couplet-sxt"] == ("吃百姓之饭", "对联", 3)  # a couplet is known by its upper line
    assert top["riddle-zhong"] == ("千里相逢", "灯谜", 2)
    assert top["case-cheng"] == ("成克杰受贿案", "警示案例", 1)
    opened = {row[0]: row[1:] for row in found[sheet_title("rep_items_top")]}
    assert opened == {
        "riddle-zhong": ("千里相逢", "灯谜", 4),
        "case-cheng": ("成克杰受贿案", "警示案例", 2),
    }


def test_in_english_the_kinds_and_titles_are_english(november, tmp_path):
    found = report_sheets(november, "en", tmp_path)
    kinds = {row[0] for row in found[sheet_title("rep_loop_kinds")]}
    assert kinds == {"Couplet", "Lantern riddle", "Warning case"}
    top = {row[0]: row[1:] for row in found[sheet_title("rep_loop_top")]}
    assert top["couplet-sxt"][0] == "You eat the people's food"
    assert top["riddle-cha"][0] == "人在草木中"  # no English title: the Chinese one
