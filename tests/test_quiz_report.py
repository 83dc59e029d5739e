"""The quiz's part of the monthly report, from a real catalogue (questions imported from a
sheet) and rounds recorded through QuizLog: rounds, average score, group contests and the
questions most often missed, in the spreadsheet and in the PDF."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime
from pathlib import Path

import openpyxl

from kiosk.catalog.library import Library
from kiosk.ingest.importer import Importer
from kiosk.reporting.build import kiosk_report, write_report
from kiosk.reporting.period import Period
from kiosk.reporting.xlsx import sheet_title
from kiosk.settings import Settings
from kiosk.strings import tr

from needs import needs

SHEET = Path(__file__).parent / "data" / "quiz_questions.csv"


def play(library: Library, answers: dict[str, bool | None], *, finish: bool = True) -> None:
    log = library.quiz
    by_key = {q.key: q for q in library.questions()}
    r = log.begin_round("visitor", "zh")
    for key, right in answers.items():
        log.answered(r, by_key[key], right)
    if finish:
        log.end_round(r)


def test_the_report_counts_rounds_scores_and_the_most_missed(catalogue, store, tmp_path):
    assert Importer(catalogue, store).run([SHEET]).rejected == []
    library = Library(catalogue, store)
    play(library, {"q-si-zhi": True, "q-upright": False, "q-he-shen": True})
    play(library, {"q-si-zhi": True, "q-upright": False, "q-hai-rui": False})
    play(library, {"q-bao-song": True, "q-upright": None}, finish=False)  # left half way
    group = library.quiz.begin_round("group", "zh")
    library.quiz.answered(group, library.questions()[0], None)
    library.quiz.end_round(group)
    now = datetime.now(UTC)
    period = Period.containing(now.date())
    report = kiosk_report(catalogue, Settings(), period, now, "zh")
    (section,) = [s for s in report.sections if s.title == "rep_quiz"]
    assert [n.key for n in section.notes] == ["quiz_rep_note"]  # the place note is gone
    pdf, xlsx = write_report(report, tmp_path, "zh")

    wb = openpyxl.load_workbook(xlsx, read_only=True)
    figures = {r[0]: r[1] for r in wb[sheet_title("quiz_rep_figures")].iter_rows(values_only=True)}
    missed = list(wb[sheet_title("quiz_rep_missed")].iter_rows(values_only=True))[1:]
    wb.close()
    said = {key: figures[tr(key, "zh")] for key in (
        "quiz_rep_rounds", "quiz_rep_unfinished", "quiz_rep_answered", "quiz_rep_correct",
        "quiz_rep_average", "quiz_rep_groups")}  # fmt: skip
    assert said == {
        "quiz_rep_rounds": 2,
        "quiz_rep_unfinished": 1,
        "quiz_rep_answered": 6,
        "quiz_rep_correct": 3,
        "quiz_rep_average": 50.0,
        "quiz_rep_groups": 1,
    }
    # q-upright: missed twice in two answers (the unanswered one is not a miss)
    assert missed[0] == ("q-upright", "下列哪些人物以清廉著称？", 2, 2)
    assert missed[1] == ("q-hai-rui", "海瑞是哪个朝代的官员？", 1, 1)
    assert len(missed) == 2

    needs("poppler")
    words = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    for key in ("quiz_rep_figures", "quiz_rep_missed", "quiz_rep_average"):
        assert tr(key, "zh") in words, key
    assert "下列哪些人物以清廉著称？" in words and "50.0" in words


def test_a_month_without_rounds_keeps_the_place_note(catalogue, store, tmp_path):
    """Its rounds of another month are not counted: the section says none were played."""
    now = datetime(2026, 12, 6, 12, 0, tzinfo=UTC)
    library = Library(catalogue, store)
    assert Importer(catalogue, store).run([SHEET]).rejected == []
    play(library, {"q-si-zhi": True})  # today, not in November
    report = kiosk_report(catalogue, Settings(), Period.month("2026-11"), now, "en")
    (section,) = [s for s in report.sections if s.title == "rep_quiz"]
    assert section.tables == [] and [n.key for n in section.notes] == ["rep_quiz_none"]
