"""Reading operators' spreadsheets: encodings, headings, row numbers, bad sheets."""

from __future__ import annotations

from datetime import date, datetime

import openpyxl
import pytest

from kiosk.catalog.years import format_years, parse_years
from kiosk.ingest.rows import RowError, parse_bounds
from kiosk.ingest.sheets import SheetError, as_date, parse_bool, read_sheets

ROWS = [
    ["编号", "类型", "标题", "英文标题", "年份"],
    ["bao-zheng", "人物", "包拯", "Bao Zheng", "999-1062"],
]


def write_csv(path, rows, encoding="utf-8", delimiter=","):
    text = "\r\n".join(delimiter.join(r) for r in rows) + "\r\n"
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16"])
def test_csv_in_every_encoding_excel_writes(tmp_path, encoding):
    delimiter = "\t" if encoding == "utf-16" else ","  # Excel's "Unicode text" is tab-separated
    path = write_csv(tmp_path / "people.csv", ROWS, encoding, delimiter)
    (sheet,) = read_sheets(path)
    assert sheet.columns == ["key", "kind", "title_zh", "title_en", "year"]
    (row,) = sheet.rows
    assert row.number == 2
    assert row.values == {
        "key": "bao-zheng",
        "kind": "人物",
        "title_zh": "包拯",
        "title_en": "Bao Zheng",
        "year": "999-1062",
    }


def test_row_numbers_count_blank_rows_and_unknown_columns_are_listed(tmp_path):
    path = write_csv(tmp_path / "s.csv", [["title_zh", "备注"], ["甲", "x"], ["", ""], ["乙", ""]])
    (sheet,) = read_sheets(path)
    assert [(r.number, r.values["title_zh"]) for r in sheet.rows] == [(2, "甲"), (4, "乙")]
    assert sheet.ignored_columns == [("备注", None)]
    assert sheet.where(sheet.rows[1]) == "s.csv row 4"


def test_xlsx_with_two_worksheets_and_real_dates(tmp_path):
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "人物"
    ws.append(["key", "kind", "title_zh", "valid_from"])
    ws.append(["hai-rui", "person", "海瑞", datetime(2026, 1, 1)])
    ws2 = book.create_sheet("格言")
    ws2.append(["key", "kind", "title_zh", "sort_order"])
    ws2.append(["a1", "格言", "其身正，不令而行", 3.0])
    book.save(tmp_path / "content.xlsx")
    sheets = read_sheets(tmp_path / "content.xlsx")
    assert [s.name for s in sheets] == ["content.xlsx!人物", "content.xlsx!格言"]
    assert sheets[0].rows[0].values["valid_from"] == date(2026, 1, 1)
    assert sheets[1].rows[0].values["sort_order"] == 3


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"   \r\n", "empty"),
        (b"name,notes\r\nx,y\r\n", "no known column"),
        (b"era,year\r\nMing,1500\r\n", "needs at least"),
        (b"title_zh,title_zh\r\na,b\r\n", "appears twice"),
        ("标题，类型\r\n甲，人物\r\n".encode(), "full-width commas"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "Excel 97-2003"),
        (b"\x00\x01\x02\x03binary" * 10, "binary"),
    ],
)
def test_bad_sheets_get_one_clear_line(tmp_path, content, message):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(SheetError, match=message) as info:
        read_sheets(path)
    assert "\n" not in str(info.value)


def test_csv_saved_as_xlsx_name_is_read_as_csv_and_broken_xlsx_rejected(tmp_path):
    mislabelled = write_csv(tmp_path / "people.xlsx", ROWS)
    assert read_sheets(mislabelled)[0].rows[0].values["key"] == "bao-zheng"
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04" + b"\0" * 50)
    with pytest.raises(SheetError, match=r"not a readable \.xlsx"):
        read_sheets(broken)


def test_undecodable_text_is_refused(tmp_path):
    path = tmp_path / "x.csv"
    path.write_bytes(b"title_zh\r\n\xff\xfe\xfa\x80\x81\r\n"[0:0] + b"title_zh\n\x81\x30\x81\xff\n")
    with pytest.raises(SheetError, match="encoding"):
        read_sheets(path)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-05-01", date(2024, 5, 1)),
        ("2024/5/1", date(2024, 5, 1)),
        ("2024年5月1日", date(2024, 5, 1)),
        (datetime(2024, 5, 1, 0, 0), date(2024, 5, 1)),
    ],
)
def test_dates(text, expected):
    assert as_date(text) == expected


@pytest.mark.parametrize("text", ["2024-02-30", "May 2024", "1.5"])
def test_bad_dates(text):
    with pytest.raises(ValueError):
        as_date(text)


def test_booleans():
    assert parse_bool("是") and parse_bool("yes") and parse_bool(1)
    assert not parse_bool("否") and not parse_bool("0")
    with pytest.raises(ValueError):
        parse_bool("maybe")


@pytest.mark.parametrize(
    ("text", "expected", "zh", "en"),
    [
        ("999-1062", (999, 1062), "999年—1062年", "999–1062"),
        ("公元前551-公元前479", (-551, -479), "公元前551年—公元前479年", "551–479 BCE"),
        ("-551--479", (-551, -479), "公元前551年—公元前479年", "551–479 BCE"),
        ("前58年", (-58, None), "公元前58年", "58 BCE"),
        ("58 BC", (-58, None), "公元前58年", "58 BCE"),
        ("公元前202-公元8", (-202, 8), "公元前202年—8年", "202 BCE – 8 CE"),
        ("1945年", (1945, None), "1945年", "1945"),
        (1945, (1945, None), "1945年", "1945"),
    ],
)
def test_years(text, expected, zh, en):
    assert parse_years(text) == expected
    assert format_years(*expected, "zh") == zh
    assert format_years(*expected, "en") == en


@pytest.mark.parametrize("text", ["0", "2020-1999", "the Ming", "12345"])
def test_bad_years(text):
    with pytest.raises(ValueError):
        parse_years(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("105,17,125,43", (105, 17, 125, 43)),
        ("105，17，125，43", (105, 17, 125, 43)),
        ("105 17 125 43", (105, 17, 125, 43)),
        (" 115.2 , 29.5，116.75  30.8 ", (115.2, 29.5, 116.75, 30.8)),
        ("105°, 17°, 125°, 43°", (105, 17, 125, 43)),
        ("１０５，１７，１２５，４３", (105, 17, 125, 43)),  # full-width digits
        ("-10,-5,10,5", (-10, -5, 10, 5)),
    ],
)
def test_bounds(text, expected):
    assert parse_bounds(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("105,17,125", "not four numbers"),
        ("105,17,125,43,1", "not four numbers"),
        ("west,17,125,43", "not four numbers"),
        ("105;17;125;43", "not four numbers"),
        ("185,17,190,43", "west 185 is outside -180…180"),
        ("105,-95,125,43", "south -95 is outside -90…90"),
        ("125,17,105,43", "west 125 must be less than east 105"),
        ("105,43,125,17", "south 43 must be less than north 17"),
        ("105,17,105,43", "west 105 must be less than east 105"),
        ("nan,17,125,43", "west nan is outside"),
    ],
)
def test_bad_bounds_say_what_is_wrong_in_one_line(text, message):
    with pytest.raises(RowError, match=message) as e:
        parse_bounds(text)
    assert str(e.value).startswith("bounds: ") and "\n" not in str(e.value)


@pytest.mark.parametrize("heading", ["bounds", "Bounds", "范围", "地图范围"])
def test_bounds_column_headings(tmp_path, heading):
    path = write_csv(tmp_path / "maps.csv", [["编号", "类型", heading], ["m", "地图", "1 2 3 4"]])
    (sheet,) = read_sheets(path)
    assert sheet.columns == ["key", "kind", "bounds"]
    assert sheet.rows[0].values["bounds"] == "1 2 3 4"
