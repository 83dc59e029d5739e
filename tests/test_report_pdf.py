"""The report's PDF read back as an office PC would: its text (pdftotext) holds the Chinese
and English headings and the month's numbers, every font is embedded (pdffonts), and its
pages render (pdftoppm; the first page is kept as docs/report-page1.png by the README's
maker, and looked at).  And ``kiosk report`` typed as an operator types it."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PIL import Image

from kiosk.catalog import Catalogue
from kiosk.paths import Paths
from kiosk.reporting.build import kiosk_report, write_report
from kiosk.reporting.period import Period
from kiosk.strings import tr

import reporting_month as month
from commands import kiosk
from needs import needs

NOW = datetime(2026, 12, 6, 12, 0, tzinfo=UTC)

TOML = """
[exhibition]
kiosk_name = "hall-1"
time_zone = "Asia/Shanghai"

[hours]
mon = "closed"
tue = "09:00-17:00"
wed = "09:00-17:00"
thu = "09:00-17:00"
fri = "09:00-17:00"
sat = "09:00-17:00"
sun = "09:00-17:00"
"""


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory) -> Path:
    paths = Paths(tmp_path_factory.mktemp("kiosk") / "data")
    paths.data_dir.mkdir(parents=True)
    paths.config_file.write_text(TOML, encoding="utf-8")
    with Catalogue.open(paths.catalogue) as catalogue:
        month.build(catalogue)
    return paths.data_dir


def run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def test_the_pdf_holds_the_headings_and_numbers_in_embedded_fonts(data_dir, tmp_path) -> None:
    needs("poppler")
    with Catalogue.open(Paths(data_dir).catalogue) as catalogue:
        report = kiosk_report(catalogue, month.SETTINGS, Period.month(month.MONTH), NOW, "zh")
    pdf, _xlsx = write_report(report, tmp_path, "zh")
    words = run("pdftotext", "-layout", str(pdf), "-")
    for key in ("rep_title", "rep_opening", "rep_visitors", "rep_films", "rep_loop",
                "rep_content", "rep_problems", "rep_quiz"):  # fmt: skip
        assert tr(key, "zh") in words and tr(key, "en") in words, key
    assert tr("rep_visit_note", "zh")[:10] in words.replace("\n", "")
    e = month.EXPECTED
    assert "99.2%" in words  # the share on screen, 198.5 of 200 hours
    assert "198.5" in words and "200.0" in words
    assert f"{e['film']['rate'] * 100:.1f}%" in words and str(e["film"]["minutes"]) in words
    assert "2026-11-10 13:00" in words and "file missing: x.jpg" in words
    assert "展品.xlsx 第3行" in words
    fonts = run("pdffonts", str(pdf)).splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts), fonts  # emb
    assert any("NotoSansCJKSC" in line for line in fonts)
    run("pdftoppm", "-r", "50", "-png", str(pdf), str(tmp_path / "page"))
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) >= 3
    with Image.open(pages[0]) as first:
        assert first.size == (414, 585)  # A4 at 50 dpi
        assert first.convert("L").getextrema()[0] < 60  # ink on the page


def test_kiosk_report_writes_both_files_and_says_where(data_dir, tmp_path) -> None:
    done = kiosk(data_dir, "report", "--month", "2026-11", "--out", str(tmp_path), "--lang", "zh")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        f"已写出：{tmp_path / 'report-hall-1-2026-11.pdf'}",
        f"已写出：{tmp_path / 'report-hall-1-2026-11.xlsx'}",
    ]


def test_kiosk_report_refuses_a_bad_month_in_the_operators_words(data_dir, tmp_path) -> None:
    done = kiosk(data_dir, "report", "--month", "2026-13", "--out", str(tmp_path), "--lang", "zh")
    assert done.returncode == 2
    assert done.stderr.strip() == "kiosk: “2026-13”不是月份；请写作 年-月，如 2026-11"
    done = kiosk(data_dir, "report", "--month", "2026-11", "--from", "2026-11-02", "--lang", "en")
    assert done.returncode == 2 and "either --month or --from" in done.stderr


def test_kiosk_report_from_records_of_several_folders(data_dir, tmp_path) -> None:
    from kiosk import settings as settings_mod
    from kiosk.reporting.export import export_records

    settings = settings_mod.load(Paths(data_dir).config_file)[0]
    with Catalogue.open(Paths(data_dir).catalogue) as catalogue:
        export_records(catalogue, settings, Period.month("2026-11"), tmp_path / "usb", now=NOW)
    second = settings.with_overrides(exhibition={"kiosk_name": "hall-2"})
    with Catalogue.open(Paths(data_dir).catalogue) as catalogue:
        export_records(catalogue, second, Period.month("2026-11"), tmp_path / "sync", now=NOW)
    empty = tmp_path / "nothing"
    empty.mkdir()
    out = tmp_path / "out"
    done = kiosk(data_dir, "report", "--month", "2026-11", "--out", str(out), "--lang", "en",
                 "--records", str(tmp_path / "usb"), str(tmp_path / "sync"))  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "read 2 record sets" in done.stdout
    assert (out / "report-county-2026-11.pdf").is_file()
    done = kiosk(data_dir, "report", "--month", "2026-11", "--records", str(empty), "--lang", "en")
    assert done.returncode == 1 and "no records found" in done.stderr
