"""The quiz's and the pledge wall's figures in the record sets (issue 14): exported with a
kiosk's records (folder and ZIP), read back, summed over the county's kiosks exactly as each
kiosk's own report counts them; a set written before it carried them still reads, with
those figures not known (never zero); a set whose new table is cut short is refused."""

from __future__ import annotations

import csv
import json
import zipfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.catalog import Catalogue
from kiosk.catalog.quiz import QuizLog
from kiosk.reporting.build import county_report, kiosk_report, write_report
from kiosk.reporting.export import export_records, write_daily_records
from kiosk.reporting.period import Period
from kiosk.reporting.records import HEADER, LATER, RecordsError, RecordSet, find_sets
from kiosk.strings import tr

import reporting_month as month
from reporting_month import expected_quiz, sheet, sheets

NOW = datetime(2026, 12, 6, 12, 0, tzinfo=UTC)
NOVEMBER = Period.month(month.MONTH)
SECOND = month.SETTINGS.with_overrides(exhibition={"kiosk_name": "hall-2"})


@pytest.fixture(scope="module")
def november(tmp_path_factory) -> Path:
    return month.catalogue_in(tmp_path_factory.mktemp("month"))


def by_kiosk(rows: list[tuple]) -> dict[str, list[tuple]]:
    """A county sheet's rows grouped by their kiosk column."""
    found: dict[str, list[tuple]] = {}
    for row in rows:
        found.setdefault(row[0], []).append(row[1:])
    return found


def quiz_notes(report, kiosk: str) -> list[str]:
    (section,) = [s for s in report.sections if s.title == "rep_quiz" and s.kiosk == kiosk]
    return [n.key for n in section.notes]


def test_the_county_report_sums_each_kiosks_quiz_and_signatures(november, tmp_path):
    """hall-1 brought its month on a stick (a folder), hall-2 synced its days (ZIPs)."""
    with Catalogue.open(november) as catalogue:
        export_records(catalogue, month.SETTINGS, NOVEMBER, tmp_path / "usb", now=NOW)
        for n in range(30):
            day = date(2026, 11, 1) + timedelta(days=n)
            write_daily_records(catalogue, SECOND, tmp_path / "sync", day, now=NOW)
        summary = QuizLog(catalogue).summary(*NOVEMBER.utc_bounds(month.ZONE), top=10)
    sets, problems = find_sets([tmp_path / "usb", tmp_path / "sync"])
    assert problems == [] and len(sets) == 31
    report, notes = county_report(sets, NOVEMBER, NOW, "zh")
    assert notes == []
    found = sheets(write_report(report, tmp_path / "out", "zh")[1])
    figures = by_kiosk(sheet(found, "quiz_rep_figures"))
    missed = by_kiosk(sheet(found, "quiz_rep_missed"))
    signed = by_kiosk(sheet(found, "pledge_rep_figures"))
    assert list(figures) == ["合计", "hall-1", "hall-2"]  # the totals first, then each kiosk
    for kiosk, times in (("合计", 2), ("hall-1", 1), ("hall-2", 1)):
        want_figures, want_missed, want_signed = expected_quiz(times)
        assert dict(figures[kiosk]) == want_figures, kiosk
        assert missed[kiosk] == want_missed, kiosk
        assert dict(signed[kiosk]) == want_signed, kiosk
        assert quiz_notes(report, "rep_total" if kiosk == "合计" else kiosk) == [
            "quiz_rep_note",
            "pledge_rep_note",
        ]
    # the catalogue's own summary of the quiz says the same as one kiosk's records
    q = month.EXPECTED["quiz"]
    assert (summary.rounds, summary.unfinished, summary.asked, summary.correct) == (
        q["rounds"], q["unfinished"], q["answered"], q["correct"])  # fmt: skip
    assert summary.group_rounds == q["groups"]
    assert [m[:2] for m in summary.most_missed] == [m[:2] for m in q["missed"]]
    assert [m[2:] for m in summary.most_missed] == [m[2:] for m in q["missed"]]


def as_before(folder: Path) -> None:
    """Make an exported set look as one written before the format carried LATER's tables."""
    for table in LATER:
        (folder / f"{table}.csv").unlink()
    header = json.loads((folder / HEADER).read_text("utf-8"))
    header["rows"] = {k: v for k, v in header["rows"].items() if k not in LATER}
    (folder / HEADER).write_text(json.dumps(header, ensure_ascii=False), "utf-8")


def test_a_set_from_before_the_quiz_tables_reads_with_those_figures_unknown(november, tmp_path):
    with Catalogue.open(november) as catalogue:
        (old,) = {f.parent for f in export_records(catalogue, SECOND, NOVEMBER, tmp_path / "old")}
        export_records(catalogue, month.SETTINGS, NOVEMBER, tmp_path / "new", now=NOW)
        direct = kiosk_report(catalogue, month.SETTINGS, NOVEMBER, NOW, "zh")
    as_before(old)
    RecordSet(old).check()
    sets, problems = find_sets([tmp_path / "old"])
    report, notes = county_report(sets, NOVEMBER, NOW, "zh")
    assert problems == [] and notes == []
    (section,) = [s for s in report.sections if s.title == "rep_quiz"]
    assert [n.key for n in section.notes] == ["rep_quiz_unknown", "rep_signed_unknown"]
    assert section.tables == []  # not known: no zero put in their place
    visitors = sheet(sheets(write_report(report, tmp_path / "a", "zh")[1]), "rep_visitors")
    assert dict(visitors)[tr("rep_visits", "zh")] == month.EXPECTED["visits"]  # the rest reads

    # with a kiosk whose records carry them: the totals are that kiosk's, and say so
    sets, _problems = find_sets([tmp_path / "old", tmp_path / "new"])
    report, notes = county_report(sets, NOVEMBER, NOW, "zh")
    assert quiz_notes(report, "rep_total") == [
        "quiz_rep_note",
        "pledge_rep_note",
        "rep_quiz_partial",
        "rep_signed_partial",
    ]
    assert quiz_notes(report, "hall-1") == ["quiz_rep_note", "pledge_rep_note"]
    assert quiz_notes(report, "hall-2") == ["rep_quiz_unknown", "rep_signed_unknown"]
    found = sheets(write_report(report, tmp_path / "b", "zh")[1])
    totals = by_kiosk(sheet(found, "quiz_rep_figures"))["合计"]
    assert dict(totals) == expected_quiz(1)[0]
    # and the kiosk's own report, from its catalogue, knows them all
    (own,) = [s for s in direct.sections if s.title == "rep_quiz"]
    assert [n.key for n in own.notes] == ["quiz_rep_note", "pledge_rep_note"]


def test_a_set_whose_quiz_or_signatures_are_cut_short_is_refused(november, tmp_path):
    with Catalogue.open(november) as catalogue:
        (folder,) = {f.parent for f in export_records(catalogue, SECOND, NOVEMBER, tmp_path)}
        day = write_daily_records(
            catalogue, month.SETTINGS, tmp_path / "sync", date(2026, 11, 3), now=NOW
        )
    answers = folder / "quiz_answers.csv"
    with open(answers, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["round", "item_key", "at", "correct"] and len(rows) == 1 + 25
    with open(answers, "w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f).writerows(rows[:-3])  # copied only in part
    with pytest.raises(RecordsError, match=r"quiz_answers\.csv holds 22 rows, its header says 25"):
        RecordSet(folder).check()
    # a day's ZIP that lost its signatures (its header counts one)
    with zipfile.ZipFile(day) as z:
        members = {name: z.read(name) for name in z.namelist()}
    assert json.loads(members[HEADER])["rows"]["signatures"] == 1
    del members["signatures.csv"]
    with zipfile.ZipFile(day, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    with pytest.raises(RecordsError, match=r"signatures\.csv cannot be read"):
        RecordSet(day).check()
    sets, _problems = find_sets([tmp_path])
    report, notes = county_report(sets, NOVEMBER, NOW, "en")
    said = sorted(n.render("en") for n in notes)
    assert len(said) == 2 and "quiz_answers.csv holds 22" in said[0] and day.name in said[1]
    assert not any(t.sheet == "quiz_rep_figures" for s in report.sections for t in s.tables)


def test_a_week_read_from_the_months_set_counts_as_the_kiosk_does(november, tmp_path):
    """A set covering more than the period: its rounds are clipped by their start, and the
    answers go with their rounds (the round of 30 November 23:59 is answered in December)."""
    both = Period(date(2026, 11, 1), date(2026, 12, 31))  # the set: November and December
    for week in (Period(date(2026, 11, 1), date(2026, 11, 7)), Period.month("2026-12")):
        with Catalogue.open(november) as catalogue:
            export_records(catalogue, month.SETTINGS, both, tmp_path / week.label, now=NOW)
            own = kiosk_report(catalogue, month.SETTINGS, week, NOW, "en")
        sets, _problems = find_sets([tmp_path / week.label])
        report, notes = county_report(sets, week, NOW, "en")
        assert notes == []
        (mine,) = [s for s in own.sections if s.title == "rep_quiz"]
        (theirs,) = [s for s in report.sections if s.title == "rep_quiz"]
        assert [t.rows for t in theirs.tables] == [t.rows for t in mine.tables]
        assert [n.key for n in theirs.notes] == [n.key for n in mine.notes]
        if week.first.month == 12:  # only the round of 1 December 08:00: one wrong answer
            assert mine.tables[1].rows == [[month.HARD, "海瑞是哪个朝代的官员？", 1, 1]]
        else:
            rounds = dict(mine.tables[0].rows)["quiz_rep_rounds"]
            assert rounds == len([d for d in month.OPEN_DAYS[: month.QUIZ_DAYS] if d.day <= 7])
