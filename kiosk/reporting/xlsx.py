"""The report as an Excel workbook: a cover sheet, then one sheet per table.

Numbers stay numbers (shares with a percent format, times as Excel date-times in local
time), so an operator can add up or chart them without retyping.  In a county report
a table's rows for every kiosk share one sheet, with the kiosk in the first column.
Written with openpyxl's write-only workbook (rows stream out), to a temporary file
renamed at the end.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font

from kiosk.reporting.files import atomic_path
from kiosk.reporting.model import SHARES, TOTAL, Report, Table
from kiosk.strings import STRINGS, tr

_NUMBER_FORMATS = {
    "pct": "0.0%",
    "dec1": "0.0",
    "time": "yyyy-mm-dd hh:mm",
    "date": "yyyy-mm-dd",
    "int": "0",
}
_BAD_SHEET_CHARS = str.maketrans({c: " " for c in "[]:*?/\\"})


def both(key: str) -> str:
    """A heading in Chinese and English (``key`` is a strings key, or already text)."""
    if key not in STRINGS:
        return key
    zh, en = STRINGS[key]
    return f"{zh} {en}"


def cell_value(value, fmt: str, lang: str, row_label: str = ""):
    """A cell's value as the report shows it (None: unknown)."""
    if value is None:
        return tr("rep_unknown", lang)
    if fmt == "label" or (fmt == "kiosk" and value == TOTAL):
        return tr(value, lang)
    return value


def cell_format(fmt: str, row_label: str = "") -> str | None:
    if fmt == "num":
        return "0.0%" if row_label in SHARES else None
    return _NUMBER_FORMATS.get(fmt)


def write_xlsx(report: Report, path: Path, lang: str) -> Path:
    wb = Workbook(write_only=True)
    names: set[str] = set()
    _cover(wb, report, lang, names)
    for sheet, tables in _sheets(report):
        ws = wb.create_sheet(_sheet_name(sheet, names))
        first = tables[0][1]
        kiosk_column = any(kiosk for kiosk, _table in tables)
        widths = ([16] if kiosk_column else []) + [
            _width(c, f) for c, f in zip(first.columns, first.formats, strict=True)
        ]
        for i, w in enumerate(widths):
            ws.column_dimensions[_letter(i)].width = w
        heading = ([both("rep_kiosk")] if kiosk_column else []) + [both(c) for c in first.columns]
        ws.append([_bold(ws, h) for h in heading])
        for kiosk, table in tables:
            for row in table.rows:
                label = row[0] if table.formats[0] == "label" else ""
                cells = [
                    _cell(ws, cell_value(v, f, lang), cell_format(f, label))
                    for v, f in zip(row, table.formats, strict=True)
                ]
                if kiosk_column:
                    cells.insert(0, _cell(ws, tr(kiosk, lang) if kiosk == TOTAL else kiosk, None))
                ws.append(cells)
        ws.freeze_panes = "A2"
    with atomic_path(path) as temp:
        wb.save(temp)
    return path


def _cover(wb: Workbook, report: Report, lang: str, names: set[str]) -> None:
    ws = wb.create_sheet(_sheet_name(report.title, names))
    ws.column_dimensions["A"].width = 28
    ws.column_dimensions["B"].width = 60
    ws.append([_bold(ws, both(report.title))])
    for key, value in report.about(lang):
        ws.append([both(key), value])
    ws.append([tr("rep_local_note", lang).format(zone=report.zone_name)])
    for section in report.sections:
        for note in section.notes:
            where = both(section.title)
            if section.kiosk:
                kiosk = tr(TOTAL, lang) if section.kiosk == TOTAL else section.kiosk
                where = f"{kiosk} · {where}"
            ws.append([where, note.render(lang)])
        for table in section.tables:
            if table.note is not None:
                ws.append([both(table.heading), table.note.render(lang)])


def _sheets(report: Report) -> list[tuple[str, list[tuple[str, Table]]]]:
    """Tables grouped by sheet, in the order they first appear."""
    sheets: dict[str, list[tuple[str, Table]]] = {}
    for section in report.sections:
        for table in section.tables:
            sheets.setdefault(table.sheet, []).append((section.kiosk, table))
    return list(sheets.items())


def sheet_title(key: str) -> str:
    """The sheet a table goes to (Excel allows 31 characters, without some)."""
    return both(key).translate(_BAD_SHEET_CHARS)[:31].strip()


def _sheet_name(key: str, taken: set[str]) -> str:
    name = sheet_title(key)
    base, n = name, 2
    while name in taken:
        name = f"{base[:28]} {n}"
        n += 1
    taken.add(name)
    return name


def _cell(ws, value, number_format: str | None) -> WriteOnlyCell:
    c = WriteOnlyCell(ws, value=value)
    if number_format and isinstance(value, int | float | datetime | date):
        c.number_format = number_format
    return c


def _bold(ws, value: str) -> WriteOnlyCell:
    c = WriteOnlyCell(ws, value=value)
    c.font = Font(bold=True)
    c.alignment = Alignment(wrap_text=True, vertical="top")
    return c


def _width(column: str, fmt: str) -> float:
    if fmt == "time":
        return 18
    if fmt == "text" and column in ("rep_item_title", "rep_reason", "rep_origin"):
        return 36
    return max(10, min(24, len(both(column)) * 1.1))


def _letter(i: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(i + 1)
