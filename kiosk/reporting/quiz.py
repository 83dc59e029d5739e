"""The knowledge quiz's part of a kiosk's report: visitors' rounds played (and left), the
average score, the group contests held and the questions visitors most often missed.

Read from the kiosk's own catalogue (``QuizLog.summary``).  The record sets a kiosk sends
to the office do not carry the quiz's tables yet, so a period without any quiz round keeps
the section's place note, and a report made from record sets always does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kiosk.catalog.quiz import QuizLog
from kiosk.reporting.model import Report, Section, Table
from kiosk.strings import text

if TYPE_CHECKING:
    from kiosk.catalog import Catalogue

MISSED = 10  # rows in the most-missed table
PLACE = "rep_quiz"  # the report's section for the quiz and pledges
PLACE_NOTE = "rep_quiz_none"  # its note while no feature filled it


def quiz_tables(catalogue: Catalogue, bounds: tuple[str, str]) -> list[Table]:
    """The figures and the most-missed questions of the rounds started within ``bounds``
    (UTC ISO times); none when no round was played."""
    s = QuizLog(catalogue).summary(*bounds, top=MISSED)
    if not (s.rounds or s.unfinished or s.group_rounds):
        return []
    average = s.average_score
    figures = [
        ["quiz_rep_rounds", s.rounds],
        ["quiz_rep_unfinished", s.unfinished],
        ["quiz_rep_answered", s.asked],
        ["quiz_rep_correct", s.correct],
        ["quiz_rep_average", round(average * 100, 1) if average is not None else None],
        ["quiz_rep_groups", s.group_rounds],
    ]
    missed = [[key, title or "", asked, n] for key, title, asked, n in s.most_missed]
    return [
        Table("quiz_rep_figures", ["rep_figure", "rep_value"], ["label", "num"], figures),
        Table(
            "quiz_rep_missed",
            ["rep_item", "quiz_rep_question", "quiz_rep_times_answered", "quiz_rep_times_missed"],
            ["text", "text", "int", "int"],
            missed,
        ),
    ]


def add_quiz(report: Report, catalogue: Catalogue, bounds: tuple[str, str]) -> None:
    """Put the quiz's figures into the report's quiz-and-pledges section (in place of its
    "nothing yet" note), or into a section of their own where there is no such section."""
    tables = quiz_tables(catalogue, bounds)
    if not tables:
        return
    section = filled_place(report, "quiz_rep_section")
    section.notes.append(text("quiz_rep_note"))
    section.tables.extend(tables)


def filled_place(report: Report, own_title: str) -> Section:
    """The report's quiz-and-pledges section without its "nothing yet" note (the quiz and
    the pledge wall fill it), or a section ``own_title`` of their own added at the end."""
    section = next((s for s in report.sections if s.title == PLACE), None)
    if section is None:
        section = Section(own_title)
        report.sections.append(section)
    section.notes = [n for n in section.notes if n.key != PLACE_NOTE]
    return section
