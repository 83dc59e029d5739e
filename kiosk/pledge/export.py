"""A month's signatures as an A4 PDF for the report: the heading with the month and the
count, then the signatures in a grid (4 × 7 a page) with each one's local signing time.

fpdf2 with the installed Chinese sans, as the monthly report (kiosk.reporting.pdf).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, tzinfo
from pathlib import Path

from fpdf import FPDF

from kiosk import fonts
from kiosk.pledge.store import Signed
from kiosk.reporting.files import atomic_path
from kiosk.reporting.pdf import FAMILY, INK, INK_SOFT, SEAL, NoChineseFont
from kiosk.strings import tr

COLUMNS, ROWS = 4, 7
MARGIN = 16.0  # mm
CELL_H = 32.0  # mm: a picture (2:1) and its time


class PledgePdf(FPDF):
    def __init__(self, month: str, count: int, zone: tzinfo, lang: str) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        regular, bold = fonts.find("sans"), fonts.find("sans-bold") or fonts.find("sans")
        if regular is None or bold is None:
            raise NoChineseFont("no Chinese font is installed for the PDF (install fonts-noto-cjk)")
        self.add_font(FAMILY, "", regular.path, collection_font_number=regular.index)
        self.add_font(FAMILY, "B", bold.path, collection_font_number=bold.index)
        self.month, self.count, self.zone, self.lang = month, count, zone, lang
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(False)
        self.set_title(f"{tr('pledge_pdf_title', 'zh')} {self.month}")
        self.set_creator("Qingfeng Kiosk 清风展陈")
        self.set_text_color(*INK)

    def header(self) -> None:
        self.set_font(FAMILY, "B", 16)
        self.cell(0, 9, f"{tr('pledge_pdf_title', self.lang)} · {self.month}")
        self.ln(9)
        self.set_font(FAMILY, "", 10)
        self.set_text_color(*INK_SOFT)
        line = tr("pledge_pdf_count", self.lang).format(n=self.count, month=self.month)
        self.cell(0, 6, line)
        self.set_text_color(*INK)
        self.ln(7)
        self.set_draw_color(*SEAL)
        self.set_line_width(0.5)
        self.line(self.l_margin, self.get_y(), self.l_margin + 30, self.get_y())
        self.ln(4)

    def footer(self) -> None:
        self.set_y(-11)
        self.set_font(FAMILY, "", 7)
        self.set_text_color(*INK_SOFT)
        self.cell(0, 5, tr("rep_page", self.lang).format(n=self.page_no()), align="R")
        self.set_text_color(*INK)

    def signatures(self, signed: Sequence[Signed]) -> None:
        self.add_page()
        if not signed:
            self.set_font(FAMILY, "", 10)
            self.cell(0, 8, tr("pledge_pdf_none", self.lang))
            return
        cell_w = (self.w - 2 * MARGIN) / COLUMNS
        top = self.get_y()
        for n, s in enumerate(signed):
            spot = n % (COLUMNS * ROWS)
            if n and spot == 0:
                self.add_page()
                top = self.get_y()
            x = MARGIN + (spot % COLUMNS) * cell_w
            y = top + (spot // COLUMNS) * CELL_H
            self.set_draw_color(*INK_SOFT)
            self.set_line_width(0.1)
            self.rect(x + 1, y + 1, cell_w - 2, CELL_H - 2)
            if s.picture is not None and s.picture.exists():
                self.image(str(s.picture), x=x + 3, y=y + 3, w=cell_w - 6, h=(cell_w - 6) / 2,
                           keep_aspect_ratio=True)  # fmt: skip
            local = datetime.fromisoformat(s.signed_at).astimezone(self.zone)
            self.set_xy(x + 1, y + CELL_H - 7)
            self.set_font(FAMILY, "", 7)
            self.set_text_color(*INK_SOFT)
            self.cell(cell_w - 2, 5, local.strftime("%Y-%m-%d %H:%M"), align="C")
            self.set_text_color(*INK)


def write_month(signed: Sequence[Signed], month: str, path: Path, zone: tzinfo, lang: str) -> Path:
    """Write the month's PDF to ``path`` (renamed into place when complete)."""
    pdf = PledgePdf(month, len(signed), zone, lang)
    pdf.signatures(signed)
    with atomic_path(path) as temp:
        pdf.output(str(temp))
    return path
