"""Reading the spreadsheets operators keep beside their media.

CSV as Excel saves it on Chinese Windows (GBK/GB18030), UTF-8 with or
without BOM, UTF-16 ("Unicode text", tab-separated), and XLSX.  Column
headings may be English or Chinese; see COLUMNS.  Rows keep their spreadsheet
row numbers (the heading is row 1) so every problem can be reported as
"sheet.csv row 7: …".
"""

from __future__ import annotations

import csv
import difflib
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from kiosk.ingest.errors import Refused

SHEET_SUFFIXES = (".csv", ".tsv", ".xlsx", ".xlsm", ".xls")

# Canonical column → accepted headings (compared without case, spaces, _ or -).
COLUMNS: dict[str, tuple[str, ...]] = {
    "key": ("key", "slug", "id", "编号", "键", "标识"),
    "kind": ("kind", "type", "类型", "类别", "种类"),
    "file": ("file", "filename", "path", "文件", "文件名", "文件路径"),
    "subtitles": ("subtitles", "subtitle", "srt", "字幕", "字幕文件"),
    "title_zh": ("title_zh", "title", "标题", "名称", "中文标题", "姓名", "谜面", "案例名称"),
    "title_en": ("title_en", "english title", "英文标题", "英文名称", "英文名", "英文谜面"),
    "summary_zh": ("summary_zh", "summary", "简介", "摘要", "中文简介"),
    "summary_en": ("summary_en", "english summary", "英文简介"),
    "body_zh": (
        "body_zh",
        "body",
        "text",
        "正文",
        "内容",
        "释文",
        "中文正文",
        "explanation_zh",
        "explanation",
        "解析",
    ),
    "body_en": (
        "body_en",
        "english body",
        "英文正文",
        "英文内容",
        "英文释文",
        "explanation_en",
        "english explanation",
        "英文解析",
    ),
    "author_zh": ("author_zh", "author", "作者", "书写者"),
    "author_en": ("author_en", "english author", "英文作者"),
    "source_zh": ("source_zh", "source", "credit", "credits", "出处", "来源"),
    "source_en": ("source_en", "english source", "英文出处", "英文来源"),
    "era_zh": ("era_zh", "era", "dynasty", "朝代", "时代", "年代"),
    "era_en": ("era_en", "english era", "英文朝代", "英文时代"),
    "year": ("year", "years", "年份", "年", "生卒年", "年份范围"),
    "date": ("date", "日期"),
    "region": ("region", "地区", "地域", "所在地"),
    "person_zh": ("person_zh", "person", "人物及原任职务", "涉案人员", "人物职务"),
    "person_en": ("person_en", "english person", "英文人物及原任职务", "英文人物"),
    "outcome_zh": ("outcome_zh", "outcome", "处理结果", "处理", "处分"),
    "outcome_en": ("outcome_en", "english outcome", "英文处理结果"),
    "confession_zh": ("confession_zh", "confession", "忏悔摘录", "忏悔"),
    "confession_en": ("confession_en", "english confession", "英文忏悔摘录"),
    "hint_zh": ("hint_zh", "hint", "谜目"),
    "hint_en": ("hint_en", "english hint", "英文谜目"),
    "answer_zh": ("answer_zh", "谜底"),
    "answer_en": ("answer_en", "英文谜底"),
    "upper_zh": ("upper_zh", "upper", "上联"),
    "upper_en": ("upper_en", "english upper", "英文上联"),
    "lower_zh": ("lower_zh", "lower", "下联"),
    "lower_en": ("lower_en", "english lower", "英文下联"),
    "banner_zh": ("banner_zh", "banner", "横批"),
    "banner_en": ("banner_en", "english banner", "英文横批"),
    "style": ("style", "样式", "对联样式"),
    "lyrics": ("lyrics", "lrc", "歌词", "歌词文件"),
    "question_type": ("question_type", "题型", "题目类型"),
    **{f"option_{c}": (f"option_{c}", f"选项{c.upper()}", f"{c.upper()}选项") for c in "abcdef"},
    **{
        f"option_{c}_en": (f"option_{c}_en", f"英文选项{c.upper()}", f"选项{c.upper()}英文")
        for c in "abcdef"
    },
    "answer": ("answer", "答案", "正确答案"),
    "difficulty": ("difficulty", "难度"),
    "lat": ("lat", "latitude", "纬度"),
    "lon": ("lon", "lng", "longitude", "经度"),
    "map_x": ("map_x", "地图x", "地图横坐标"),
    "map_y": ("map_y", "地图y", "地图纵坐标"),
    "bounds": ("bounds", "范围", "地图范围"),
    "enabled": ("enabled", "show", "启用", "显示", "是否启用"),
    "sort_order": ("sort_order", "order", "sort", "排序", "顺序"),
    "valid_from": ("valid_from", "from", "start", "生效日期", "开始日期", "起始日期"),
    "valid_until": ("valid_until", "until", "end", "失效日期", "结束日期", "截止日期"),
    "weekdays": ("weekdays", "星期", "星期几", "播放星期"),
    "hours": ("hours", "时段", "播放时段", "时间段"),
    "festival": ("festival", "节日", "节庆"),
    "days_before": ("days_before", "days before", "提前天数", "节前天数"),
    "days_after": ("days_after", "days after", "延后天数", "节后天数"),
    "share": ("share", "占比", "播放占比"),
    "links": ("links", "related", "关联", "相关", "关联条目"),
    "topics": ("topics", "tags", "专题", "主题", "标签"),
}


def _norm(heading: str) -> str:
    heading = unicodedata.normalize("NFKC", heading)
    return "".join(c for c in heading.strip().lower() if c not in " _-")


_LOOKUP = {_norm(alias): canon for canon, aliases in COLUMNS.items() for alias in aliases}
# The heading to suggest for each accepted spelling (Chinese for Chinese, English otherwise).
_SUGGEST = {_norm(alias): alias for aliases in COLUMNS.values() for alias in aliases}


def suggest_heading(heading: str) -> str | None:
    """The known heading an unknown one is most likely a slip for, if any is close; of
    equally close ones, that of the column listed first in COLUMNS."""
    wanted = _norm(heading)
    close = difflib.get_close_matches(wanted, list(_LOOKUP), n=len(_LOOKUP), cutoff=0.5)
    if not close:
        return None
    best = difflib.SequenceMatcher(None, close[0], wanted).ratio()
    ties = [c for c in close if difflib.SequenceMatcher(None, c, wanted).ratio() == best]
    return _SUGGEST[min(ties, key=list(_LOOKUP).index)]


class SheetError(Refused):
    """A sheet that cannot be read at all; the text is one line without the file name."""


@dataclass
class SheetRow:
    number: int  # spreadsheet row number (heading is 1)
    values: dict[str, Any]


@dataclass
class Sheet:
    path: Path
    name: str  # file name, plus "!worksheet" for XLSX workbooks with several sheets
    columns: list[str]
    rows: list[SheetRow]
    # Unknown headings, each with the known heading it may be a slip for.
    ignored_columns: list[tuple[str, str | None]] = field(default_factory=list)
    headings: dict[str, str] = field(default_factory=dict)  # column → heading as written
    title: str = ""  # the worksheet's name (a CSV's file name without suffix)

    def where(self, row: SheetRow) -> str:
        return f"{self.name} row {row.number}"


def is_sheet(path: Path) -> bool:
    return path.suffix.lower() in SHEET_SUFFIXES


def read_sheets(path: Path) -> list[Sheet]:
    """All tables in the file at ``path`` (a CSV has one; a workbook one per worksheet)."""
    try:
        data = path.read_bytes()
    except OSError as e:
        raise SheetError("sheet_unreadable", why=e.strerror or e) from None
    if not data.strip():
        raise SheetError("sheet_empty")
    if data[:4] == b"PK\x03\x04":
        return _read_xlsx(path, data)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
            raise SheetError("sheet_xls")
        # Named .xlsx but holding text: read it as the CSV it is.
    elif data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise SheetError("sheet_xls")
    return [_read_csv(path, data)]


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:2000]:
        raise SheetError("sheet_binary")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        # Excel on Chinese Windows saves CSV as GBK; GB18030 is its superset.
        return data.decode("gb18030")
    except UnicodeDecodeError:
        raise SheetError("sheet_encoding") from None


def _read_csv(path: Path, data: bytes) -> Sheet:
    text = _decode(data)
    first_line = text.split("\n", 1)[0]
    delimiter = max(",\t;，", key=first_line.count)
    if first_line.count(delimiter) == 0:
        delimiter = ","
    if delimiter == "，":
        raise SheetError("sheet_fullwidth_commas")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        table = list(reader)
    except csv.Error as e:
        raise SheetError("sheet_broken_csv", why=e) from None
    return _to_sheet(path, path.name, table, path.stem)


def _read_xlsx(path: Path, data: bytes) -> list[Sheet]:
    import openpyxl  # only needed for workbooks

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as e:
        raise SheetError("sheet_bad_xlsx", why=e.__class__.__name__) from None
    try:
        sheets = []
        worksheets = [ws for ws in book.worksheets if ws.max_row and ws.max_row > 0]
        for ws in worksheets:
            table = [list(r) for r in ws.iter_rows(values_only=True)]
            if not any(any(c not in (None, "") for c in r) for r in table):
                continue
            name = path.name if len(worksheets) == 1 else f"{path.name}!{ws.title}"
            sheets.append(_to_sheet(path, name, table, ws.title))
    finally:
        book.close()
    if not sheets:
        raise SheetError("sheet_no_worksheet")
    return sheets


def _cell(value: Any) -> Any:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, datetime):
        return value.date() if value.time() == datetime.min.time() else value
    return value


def _to_sheet(path: Path, name: str, table: list[list[Any]], title: str) -> Sheet:
    # The heading is the first row with any content.
    start = next((i for i, r in enumerate(table) if any(c not in (None, "") for c in r)), None)
    if start is None:
        raise SheetError("sheet_empty")
    headings = ["" if h is None else str(h).strip() for h in table[start]]
    columns: list[str | None] = []
    written: dict[str, str] = {}
    ignored: list[tuple[str, str | None]] = []
    for h in headings:
        canon = _LOOKUP.get(_norm(h))
        if canon is None and h:
            ignored.append((h, suggest_heading(h)))
        if canon is not None and canon in written:
            raise SheetError("sheet_heading_twice", first=written[canon], second=h)
        if canon is not None:
            written[canon] = h
        columns.append(canon)
    known = [c for c in columns if c]
    if not known:
        raise SheetError("sheet_no_headings")
    if not ({"file", "key", "title_zh", "title_en"} & set(known)):
        raise SheetError("sheet_no_identity")
    rows = []
    for offset, raw in enumerate(table[start + 1 :], start=start + 2):
        values = {
            col: _cell(v)
            for col, v in zip(columns, raw, strict=False)
            if col is not None and v not in (None, "")
        }
        values = {k: v for k, v in values.items() if v != ""}
        if values:
            rows.append(SheetRow(offset, values))
    return Sheet(path, name, known, rows, ignored, written, title)


def parse_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    s = str(value).strip().lower()
    if s in ("1", "yes", "y", "true", "是", "启用", "显示", "√", "✓", "on"):
        return True
    if s in ("0", "no", "n", "false", "否", "停用", "隐藏", "×", "off"):
        return False
    raise ValueError(f"'{value}' is not yes/no (是/否)")


def as_date(value: Any) -> date:
    """A calendar date from a cell: ISO, 2024/5/1, 2024年5月1日, or an Excel date."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    s = unicodedata.normalize("NFKC", str(value)).strip()
    m = re.fullmatch(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?", s)
    if not m:
        raise ValueError(f"'{value}' is not a date (write it as 2024-05-01)")
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        raise ValueError(f"'{value}' is not a real calendar date") from None
