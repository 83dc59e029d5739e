"""The pledge wall's part of a kiosk's report: how many signed the pledge in the period.

Read from the kiosk's own catalogue (``Signatures.count``); a period without any signature
leaves the section as it was (the quiz's figures, or its place note).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kiosk.pledge.store import count_signed
from kiosk.reporting.model import Report, Table
from kiosk.reporting.quiz import filled_place
from kiosk.strings import text

if TYPE_CHECKING:
    from kiosk.catalog import Catalogue


def add_pledges(report: Report, catalogue: Catalogue, bounds: tuple[str, str]) -> None:
    """Put the period's signature count into the report's quiz-and-pledges section."""
    n = count_signed(catalogue, *bounds)
    if not n:
        return
    section = filled_place(report, "pledge_rep_section")
    section.notes.append(text("pledge_rep_note"))
    figures = [["pledge_rep_signed", n]]
    section.tables.append(
        Table("pledge_rep_figures", ["rep_figure", "rep_value"], ["label", "num"], figures)
    )
