"""The report as an A4 PDF with fpdf2: headings in Chinese and English, tables, charts.

Fonts: the installed Chinese sans (kiosk.fonts: Noto Sans CJK SC regular and bold, the
Simplified Chinese faces of the .ttc collections; on Windows Microsoft YaHei), embedded
as subsets, so the file opens on any office PC.  Written to a temporary file renamed at
the end.
"""

from __future__ import annotations

import io
from pathlib import Path

from fpdf import FPDF

from kiosk import fonts
from kiosk.errors import KioskError
from kiosk.reporting import charts
from kiosk.reporting.files import atomic_path
from kiosk.reporting.model import TOTAL, Chart, Report, Section, Table, cell_text
from kiosk.reporting.xlsx import both
from kiosk.strings import STRINGS, tr

FAMILY = "cjk"
INK = (0x1E, 0x1B, 0x18)
INK_SOFT = (0x5C, 0x55, 0x4D)
SEAL = (0xA8, 0x28, 0x1E)
PAPER_DEEP = (0xE9, 0xE1, 0xD0)
#: Tables too wide for a page: the PDF shows them as charts (the spreadsheet has them).
CHART_ONLY = frozenset({"rep_heat", "rep_visits_daily"})
ROW_H, HEAD_H = 4.6, 7.6  # mm
_WIDE = {
    "rep_item": 1.7,
    "rep_item_title": 3.0,
    "rep_reason": 3.2,
    "rep_origin": 2.6,
    "rep_fields": 1.6,
}


class NoChineseFont(KioskError):
    """No Chinese font is installed, so the PDF cannot be written."""


class ReportPdf(FPDF):
    def __init__(self, report: Report, lang: str) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.report = report
        self.lang = lang
        regular, bold = fonts.find("sans"), fonts.find("sans-bold") or fonts.find("sans")
        if regular is None or bold is None:
            raise NoChineseFont("no Chinese font is installed for the PDF (install fonts-noto-cjk)")
        self.add_font(FAMILY, "", regular.path, collection_font_number=regular.index)
        self.add_font(FAMILY, "B", bold.path, collection_font_number=bold.index)
        self.set_margins(16, 16, 16)
        self.set_auto_page_break(True, margin=16)
        self.set_title(both(report.title))
        self.set_creator("Qingfeng Kiosk 清风展陈")
        self.set_text_color(*INK)

    def footer(self) -> None:
        self.set_y(-11)
        self.set_font(FAMILY, "", 7)
        self.set_text_color(*INK_SOFT)
        left = f"{both(self.report.title)} · {self.report.period.label}"
        self.cell(0, 5, left, align="L")
        self.set_x(self.l_margin)
        self.cell(0, 5, tr("rep_page", self.lang).format(n=self.page_no()), align="R")
        self.set_text_color(*INK)

    # ------------------------------------------------------------------ parts
    def cover(self) -> None:
        self.add_page()
        self.set_font(FAMILY, "B", 20)
        zh, en = (tr(self.report.title, lang) for lang in ("zh", "en"))
        self.cell(0, 11, zh, new_x="LMARGIN", new_y="NEXT")
        self.set_font(FAMILY, "", 11)
        self.set_text_color(*INK_SOFT)
        self.cell(0, 7, en, new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(*INK)
        self.ln(3)
        self.set_draw_color(*SEAL)
        self.set_line_width(0.6)
        self.line(self.l_margin, self.get_y(), self.l_margin + 30, self.get_y())
        self.ln(4)
        for key, value in self.report.about(self.lang):
            self.set_font(FAMILY, "B", 9)
            self.cell(52, 6, both(key))
            self.set_font(FAMILY, "", 9)
            self.multi_cell(0, 6, value, new_x="LMARGIN", new_y="NEXT")
        self.ln(2)
        self._note(tr("rep_local_note", self.lang).format(zone=self.report.zone_name))

    def section(self, section: Section, first_of_kiosk: bool) -> None:
        if first_of_kiosk and section.kiosk:
            self.add_page()
            self.set_font(FAMILY, "B", 14)
            name = tr(TOTAL, self.lang) if section.kiosk == TOTAL else section.kiosk
            if section.kiosk == TOTAL:
                title = both("rep_county_totals")
            else:
                title = tr("rep_kiosk_section", self.lang).format(kiosk=name)
            self.cell(0, 9, title, new_x="LMARGIN", new_y="NEXT")
        if self.get_y() > self.h - 60:
            self.add_page()
        self.ln(3)
        self.set_font(FAMILY, "B", 13)
        self.set_text_color(*SEAL)
        self.cell(0, 8, both(section.title), new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(*INK)
        for note in section.notes:
            self._note(note.render(self.lang))
        tables = [t for t in section.tables if t.sheet not in CHART_ONLY]
        for table in tables[:1]:  # the summary first, then the charts
            self._table(table, heading=table.sheet != section.title)
        for chart in section.charts:
            self._chart(chart)
        for table in tables[1:]:
            self._table(table, heading=True)

    def _note(self, line: str) -> None:
        self.set_font(FAMILY, "", 8.5)
        self.set_text_color(*INK_SOFT)
        self.multi_cell(0, 4.8, line, new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(*INK)

    def _chart(self, chart: Chart) -> None:
        png = charts.render(chart.kind, chart.data, self.lang)
        if self.get_y() > self.h - 75:
            self.add_page()
        self.set_font(FAMILY, "B", 9)
        self.cell(0, 6, both(chart.title), new_x="LMARGIN", new_y="NEXT")
        self.image(io.BytesIO(png), w=self.epw)
        self.ln(2)

    def _table(self, table: Table, heading: bool) -> None:
        if heading:
            if self.get_y() > self.h - 40:
                self.add_page()
            self.set_font(FAMILY, "B", 9.5)
            self.cell(0, 7, both(table.heading), new_x="LMARGIN", new_y="NEXT")
        if table.note is not None:
            self._note(table.note.render(self.lang))
        if not table.rows:
            self._note(tr("rep_none", self.lang))
            return
        widths = [
            _WIDE.get(c, 2.2 if f == "time" else 1.2 if f == "pct" else 1.0)
            for c, f in zip(table.columns, table.formats, strict=True)
        ]
        if table.formats[0] in ("label", "kiosk"):
            widths[0] = 3.0
        total = sum(widths)
        widths = [self.epw * w / total for w in widths]
        numeric = ("int", "dec1", "pct", "num")
        align = ["R" if f in numeric else "L" for f in table.formats]
        self._head(table, widths, align)
        self.set_font(FAMILY, "", 7.5)
        for values in table.rows:
            if self.get_y() + ROW_H > self.page_break_trigger:
                self.add_page()
                self._head(table, widths, align)
                self.set_font(FAMILY, "", 7.5)
            label = values[0] if table.formats[0] == "label" else ""
            for v, f, w, a in zip(values, table.formats, widths, align, strict=True):
                self.cell(w, ROW_H, self._fit(cell_text(v, f, self.lang, label), w), "B", align=a)
            self.ln(ROW_H)
        self.ln(2)

    def _head(self, table: Table, widths: list[float], align: list[str]) -> None:
        """The column headings, Chinese above English, on a tinted band."""
        self.set_font(FAMILY, "B", 7)
        self.set_fill_color(*PAPER_DEEP)
        self.set_draw_color(*PAPER_DEEP)
        self.set_line_width(0.2)
        top = self.get_y()
        for lang_row, lang in enumerate(("zh", "en")):
            self.set_y(top + lang_row * HEAD_H / 2)
            for c, w, a in zip(table.columns, widths, align, strict=True):
                said = tr(c, lang) if c in STRINGS else c
                if lang == "en" and said == (tr(c, "zh") if c in STRINGS else c):
                    said = ""
                size = 7.0  # a long heading gets smaller type before it is cut
                while size > 5.5 and self.get_string_width(said) > w - 2 * self.c_margin:
                    size -= 0.5
                    self.set_font_size(size)
                self.cell(w, HEAD_H / 2, self._fit(said, w), align=a, fill=True)
                self.set_font_size(7.0)
        self.set_y(top + HEAD_H)

    def _fit(self, words: str, width: float) -> str:
        """``words`` cut with an ellipsis to fit ``width`` (the spreadsheet has them whole)."""
        room = width - 2 * self.c_margin
        if self.get_string_width(words) <= room:
            return words
        while words and self.get_string_width(words + "…") > room:
            words = words[:-1]
        return words + "…"


def write_pdf(report: Report, path: Path, lang: str) -> Path:
    pdf = ReportPdf(report, lang)
    pdf.cover()
    last_kiosk = None
    for section in report.sections:
        pdf.section(section, first_of_kiosk=section.kiosk != last_kiosk)
        last_kiosk = section.kiosk
    with atomic_path(path) as temp:
        pdf.output(str(temp))
    return path
