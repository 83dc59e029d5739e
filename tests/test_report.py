"""The monthly report: a synthetic month with known totals (tests/reporting_month.py) gives
exactly those figures in the spreadsheet, whether made from the catalogue, from a records
export or from the daily record files; kiosks add up in the county report; an empty month
and a catalogue from before the runs table give short, honest reports."""

from __future__ import annotations

import csv
import shutil
import zipfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.catalog import Catalogue
from kiosk.reporting.build import county_report, kiosk_report, write_report
from kiosk.reporting.export import export_records, write_daily_records
from kiosk.reporting.period import Period
from kiosk.reporting.records import RecordsError, RecordSet, find_sets
from kiosk.reporting.xlsx import sheet_title
from kiosk.strings import STRINGS, tr

import reporting_month as month
from reporting_month import sheet, sheets

NOW = datetime(2026, 12, 6, 12, 0, tzinfo=UTC)
NOVEMBER = Period.month(month.MONTH)
DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def november(tmp_path_factory) -> Path:
    return month.catalogue_in(tmp_path_factory.mktemp("month"))


def figures(found: dict, key: str) -> dict[str, object]:
    """A label/value sheet as {label in Chinese: value}."""
    return {label: value for label, value in sheet(found, key)}


def write(report, folder: Path) -> tuple[Path, Path]:
    pdf, xlsx = write_report(report, folder, "zh")
    return pdf, xlsx


def test_the_month_from_the_catalogue_is_exact(november, tmp_path) -> None:
    with Catalogue.open(november) as catalogue:
        report = kiosk_report(catalogue, month.SETTINGS, NOVEMBER, NOW, "zh")
    pdf, xlsx = write(report, tmp_path)
    assert pdf.name == "report-hall-1-2026-11.pdf" and xlsx.name == "report-hall-1-2026-11.xlsx"
    found = sheets(xlsx)
    check_month(found)
    # runs are known from the first (1 November, 08:55), before the hall first opened: no note
    notes = [row[1] for row in next(iter(found.values())) if len(row) > 1]
    assert not any("运行记录始于" in (n or "") for n in notes)


def check_month(found: dict) -> None:
    e = month.EXPECTED
    opening = figures(found, "rep_opening")
    assert opening[tr("rep_days_open", "zh")] == e["days_open"]
    assert opening[tr("rep_hours_open", "zh")] == e["hours_open"]
    assert opening[tr("rep_hours_screen", "zh")] == e["hours_screen"]
    assert opening[tr("rep_share_screen", "zh")] == e["share"]
    assert opening[tr("rep_runs", "zh")] == e["runs"]
    start, end, minutes = e["outage"]
    assert sheet(found, "rep_outages") == [(start, end, minutes)]
    (safe,) = sheet(found, "rep_safe_mode")
    assert safe[0] == e["safe"] and safe[1] == datetime(2026, 11, 10, 17, 5)
    (crash,) = sheet(found, "rep_crashes")
    assert crash == (datetime(2026, 11, 10, 13, 0), "崩溃", "exit 1")
    assert sheet(found, "rep_clock") == []

    visitors = figures(found, "rep_visitors")
    assert visitors[tr("rep_visits", "zh")] == e["visits"]
    assert visitors[tr("rep_visits_per_day", "zh")] == round(e["visits"] / e["days_open"], 1)
    assert visitors[tr("rep_visit_avg", "zh")] == e["visit_avg"]
    assert visitors[tr("rep_visit_median", "zh")] == e["visit_median"]
    daily = {row[0].date(): row[2] for row in sheet(found, "rep_visits_daily")}
    assert len(daily) == 30 and sum(daily.values()) == e["visits"]
    assert daily[date(2026, 11, 1)] == e["visits_nov1"]
    assert all(daily[d] == 0 for d in month.DAYS if d not in month.OPEN_DAYS)
    heat = {row[0]: row[1:] for row in sheet(found, "rep_heat")}
    sunday = heat["周日"]  # 1 November is a Sunday: its early visit is at 07:00
    assert sunday[7] == 1 and sunday[10] == 2 * 5 and sunday[15] == 3 * 5
    assert heat["周一"] == (0,) * 24  # closed on Mondays
    assert sum(sum(r) for r in heat.values()) == e["visits"]
    screens = {name: n for name, n in sheet(found, "rep_screens_top")}
    assert screens == {"首页": 151, "书画海报图片": 100, "影片列表": 50}
    check_choices(found, e)

    (film,) = sheet(found, "rep_films")
    f = e["film"]
    assert film == (
        month.FILM,
        "警示片甲",
        f["loop_started"],
        f["loop_completed"],
        f["visitor_started"],
        f["visitor_completed"],
        f["minutes"],
        f["rate"],
    )
    kinds = {kind: n for kind, n, _minutes in sheet(found, "rep_loop_kinds")}
    assert kinds == {"海报": e["poster_loop"], "影片": 100, tr("kind_photo", "zh"): e["broken"]}
    (broken,) = sheet(found, "rep_broken")
    assert broken[:5] == (month.BROKEN, "照片乙", "轮播", "file missing: x.jpg", e["broken"])
    changes = sheet(found, "rep_content")
    assert len(changes) == e["changes"]
    assert changes[0][:5] == (
        datetime(2026, 11, 2, 8, 0),
        "新增",
        "导入",
        "展品.xlsx 第3行",
        "film-a",
    )
    assert changes[2][1:3] == ("隐藏", "管理面板")
    check_quiz(found)


def check_quiz(found: dict) -> None:
    """The quiz's figures and most-missed questions, and the signatures."""
    figures_, missed, signed = month.expected_quiz()
    assert figures(found, "quiz_rep_figures") == figures_
    assert sheet(found, "quiz_rep_missed") == missed
    assert figures(found, "pledge_rep_figures") == signed


def check_choices(found: dict, e: dict) -> None:
    """Languages and large text: counts and shares of the visits that recorded them, and a
    note counting those that did not."""
    known = e["visits"] - e["choices_unknown"]
    choices = {label: (n, share) for label, n, share in sheet(found, "rep_lang_large")}
    assert choices == {
        tr(key, "zh"): (e[name], round(e[name] / known, 4))
        for key, name in (
            ("rep_lang_zh", "lang_zh"),
            ("rep_lang_en", "lang_en"),
            ("rep_lang_both", "lang_both"),
            ("rep_large_text", "large_text"),
        )
    }
    notes = [row[1] for row in next(iter(found.values())) if len(row) > 1]
    assert tr("rep_lang_unknown", "zh").format(n=e["choices_unknown"]) in notes


def test_a_records_export_gives_the_same_report(november, tmp_path) -> None:
    with Catalogue.open(november) as catalogue:
        files = export_records(catalogue, month.SETTINGS, NOVEMBER, tmp_path / "usb", now=NOW)
        direct = sheets(
            write(kiosk_report(catalogue, month.SETTINGS, NOVEMBER, NOW, "zh"), tmp_path / "a")[1]
        )
    names = {f.name for f in files}
    tables = ("items", "plays", "sessions", "runs", "changes")
    later = ("quiz_rounds", "quiz_answers", "signatures")
    assert names == {"kiosk.json", *(f"{t}.csv" for t in (*tables, *later))}
    with open(files[0].parent / "signatures.csv", encoding="utf-8-sig", newline="") as f:
        assert next(csv.reader(f)) == ["signed_at"]  # when, nothing else leaves the kiosk
    assert files[0].parent.name == "records-hall-1-2026-11"
    assert (files[0].parent / "plays.csv").read_bytes().startswith(b"\xef\xbb\xbf")  # Excel's BOM
    sets, problems = find_sets([tmp_path / "usb"])
    assert problems == [] and len(sets) == 1
    report, notes = county_report(sets, NOVEMBER, NOW, "zh")
    assert notes == []
    from_records = sheets(write(report, tmp_path / "b")[1])
    assert drop_cover(from_records) == drop_cover(direct)
    check_month(from_records)


def drop_cover(found: dict) -> dict:
    return {name: rows for name, rows in list(found.items())[1:]}


def test_a_record_set_from_before_languages_were_recorded_still_reads(november, tmp_path):
    with Catalogue.open(november) as catalogue:
        files = export_records(catalogue, month.SETTINGS, NOVEMBER, tmp_path / "usb", now=NOW)
    sessions = files[0].parent / "sessions.csv"
    with open(sessions, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0][4:] == ["languages", "large_text"]
    with open(sessions, "w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f).writerows(row[:4] for row in rows)  # as the previous version wrote it
    sets, problems = find_sets([tmp_path / "usb"])
    report, notes = county_report(sets, NOVEMBER, NOW, "zh")
    assert problems == [] and notes == []
    found = sheets(write(report, tmp_path / "out")[1])
    e = month.EXPECTED
    visitors = figures(found, "rep_visitors")
    assert visitors[tr("rep_visits", "zh")] == e["visits"]
    assert visitors[tr("rep_visit_median", "zh")] == e["visit_median"]
    unknown = tr("rep_unknown", "zh")
    assert [row[1:] for row in sheet(found, "rep_lang_large")] == [(unknown, unknown)] * 4
    notes = [row[1] for row in next(iter(found.values())) if len(row) > 1]
    assert tr("rep_lang_unknown", "zh").format(n=e["visits"]) in notes


def test_daily_record_files_give_the_same_report_and_a_half_copied_one_is_refused(
    november, tmp_path
) -> None:
    folder = tmp_path / "records"
    with Catalogue.open(november) as catalogue:
        direct = sheets(
            write(kiosk_report(catalogue, month.SETTINGS, NOVEMBER, NOW, "zh"), tmp_path / "a")[1]
        )
        for n in range(-1, 32):  # 31 October to 1 December
            write_daily_records(
                catalogue, month.SETTINGS, folder, date(2026, 10, 31) + timedelta(days=n), now=NOW
            )
    days = sorted((folder / "hall-1").iterdir())
    assert len(days) == 33 and days[0].name == "hall-1-2026-10-30.zip"
    sets, problems = find_sets([folder])
    assert problems == []
    report, notes = county_report(sets, NOVEMBER, NOW, "zh")
    assert notes == []
    assert drop_cover(sheets(write(report, tmp_path / "b")[1])) == drop_cover(direct)
    # a day cut short in copying: its header counts rows that are not there
    cut = folder / "hall-1" / "hall-1-2026-11-03.zip"
    with zipfile.ZipFile(cut) as z:
        members = {name: z.read(name) for name in z.namelist()}
    members["sessions.csv"] = b"\n".join(members["sessions.csv"].split(b"\n")[:3])
    with zipfile.ZipFile(cut, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    sets, problems = find_sets([folder])
    report, notes = county_report(sets, NOVEMBER, NOW, "zh")
    assert len(notes) == 1 and "hall-1-2026-11-03.zip" in notes[0].render("en")
    visitors = figures(sheets(write(report, tmp_path / "c")[1]), "rep_visitors")
    assert visitors[tr("rep_visits", "zh")] == month.EXPECTED["visits"] - 6  # that day left out


def test_the_county_report_has_each_kiosk_and_the_totals(november, tmp_path) -> None:
    second = month.SETTINGS.with_overrides(exhibition={"kiosk_name": "hall-2"})
    with Catalogue.open(november) as catalogue:
        export_records(catalogue, month.SETTINGS, NOVEMBER, tmp_path / "usb", now=NOW)
        export_records(catalogue, second, NOVEMBER, tmp_path / "sync", now=NOW)
        export_records(catalogue, second, NOVEMBER, tmp_path / "twice", now=NOW)
    sets, _problems = find_sets([tmp_path / "usb", tmp_path / "sync", tmp_path / "twice"])
    report, notes = county_report(sets, NOVEMBER, NOW, "zh")
    assert len(notes) == 1 and "hall-2" in notes[0].render("zh")  # counted once, and said
    _pdf, xlsx = write(report, tmp_path / "out")
    assert xlsx.name == "report-county-2026-11.xlsx"
    found = sheets(xlsx)
    e = month.EXPECTED
    summary = {row[0]: row[1:] for row in sheet(found, "rep_county_summary")}
    films_done = e["film"]["loop_completed"] + e["film"]["visitor_completed"]
    shown = e["poster_loop"] + e["broken"] + 100 + 30
    one = (e["days_open"], e["hours_open"], e["share"], e["visits"], shown, films_done)
    assert summary["hall-1"] == summary["hall-2"] == one
    assert summary["合计"] == (50, 400.0, e["share"], 2 * e["visits"], 2 * shown, 2 * films_done)
    films = sheet(found, "rep_films")  # the totals first, then each kiosk, the kiosk in front
    assert [row[0] for row in films] == ["合计", "hall-1", "hall-2"]
    assert films[0][3] == 2 * e["film"]["loop_started"]
    assert films[1][1:] == films[2][1:]
    choices = {(row[0], row[1]): row[2:] for row in sheet(found, "rep_lang_large")}
    known = e["visits"] - e["choices_unknown"]
    assert choices[("合计", tr("rep_lang_both", "zh"))] == (
        2 * e["lang_both"],
        round(e["lang_both"] / known, 4),
    )


def test_an_empty_month_gives_a_short_honest_report(november, tmp_path) -> None:
    with Catalogue.open(november) as catalogue:
        report = kiosk_report(catalogue, month.SETTINGS, Period.month("2026-09"), NOW, "zh")
    _pdf, xlsx = write(report, tmp_path)
    found = sheets(xlsx)
    cover = [row for row in next(iter(found.values()))]
    assert any(tr("rep_empty", "zh") in (row[1] or "") for row in cover if len(row) > 1)
    assert figures(found, "rep_opening")[tr("rep_days_open", "zh")] == 26  # September: 4 Mondays
    # the kiosk first ran in November: how it ran in September is unknown, not "0 % on screen"
    assert figures(found, "rep_opening")[tr("rep_share_screen", "zh")] == tr("rep_unknown", "zh")
    assert any(row[1:] == (tr("rep_runs_unknown", "zh"),) for row in cover)
    assert sheet_title("rep_films") not in found


def test_a_catalogue_from_before_the_runs_table_says_what_it_cannot_know(tmp_path) -> None:
    path = tmp_path / "catalogue.sqlite"
    shutil.copy(DATA / "catalogue-0.1.0.sqlite", path)
    with Catalogue.open(path) as catalogue:  # upgraded now: runs and changes from now on
        item = catalogue.item(next(iter(catalogue.keys())))
        start = datetime(2026, 11, 5, 2, 0, tzinfo=UTC)
        catalogue.record_play(
            item,
            started_at=start.isoformat(timespec="milliseconds"),
            ended_at=(start + timedelta(seconds=12)).isoformat(timespec="milliseconds"),
            seconds=12,
            context="loop",
            outcome="completed",
        )
        report = kiosk_report(catalogue, month.SETTINGS, NOVEMBER, datetime.now(UTC), "zh")
    found = sheets(write(report, tmp_path)[1])
    opening = figures(found, "rep_opening")
    unknown = tr("rep_unknown", "zh")
    assert opening[tr("rep_days_open", "zh")] == 25
    assert opening[tr("rep_hours_screen", "zh")] == unknown
    assert opening[tr("rep_share_screen", "zh")] == unknown
    assert opening[tr("rep_runs", "zh")] == unknown
    notes = [row[1] for row in next(iter(found.values())) if len(row) > 1]
    assert tr("rep_runs_unknown", "zh") in notes and tr("rep_changes_partial", "zh")[:8] in "".join(
        notes
    )
    assert sum(n for _k, n, _m in sheet(found, "rep_loop_kinds")) == 1  # what it does know
    assert sheet_title("rep_crashes") not in found  # no invented zero


def test_a_record_set_with_other_columns_is_refused(november, tmp_path) -> None:
    with Catalogue.open(november) as catalogue:
        files = export_records(catalogue, month.SETTINGS, NOVEMBER, tmp_path, now=NOW)
    plays = files[0].parent / "plays.csv"
    plays.write_text(plays.read_text("utf-8-sig").replace("item_key", "item"), "utf-8-sig")
    with pytest.raises(RecordsError, match=r"plays\.csv has other columns"):
        RecordSet(files[0].parent).check()


def test_every_heading_has_both_languages() -> None:
    reporting = [k for k in STRINGS if k.startswith("rep_")]
    assert all(all(STRINGS[k]) for k in reporting)


def test_the_kiosk_is_named_by_its_setting_or_the_host_name() -> None:
    import socket

    from kiosk.settings import Settings

    assert Settings().exhibition.kiosk() == socket.gethostname()
    assert month.SETTINGS.exhibition.kiosk() == "hall-1"
    named = Settings().with_overrides(exhibition={"kiosk_name": "县馆/一号"})
    from kiosk.reporting.files import safe_name

    assert safe_name(named.exhibition.kiosk()) == "县馆_一号"  # a file name on a FAT stick too
