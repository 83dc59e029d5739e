"""Turning one sheet row into catalogue fields; every problem of the row, in the operator's
terms (the column as headed in the sheet, the value as written)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Any

from kiosk.catalog.model import (
    BOUNDS_FIELDS,
    COUPLET_STYLES,
    KINDS,
    SCHEDULE_FIELDS,
    TEXT_FIELDS,
)
from kiosk.catalog.years import parse_years
from kiosk.ingest.errors import Refused
from kiosk.ingest.sheets import as_date, parse_bool
from kiosk.schedule.items import ItemSchedule
from kiosk.strings import Joined, Text, text

# A row of this kind is a region map, not an item.
MAP_KIND = "map"

# What operators write in the kind column, in either language.
KIND_ALIASES: dict[str, str] = {
    **{k: k for k in KINDS},
    "films": "film",
    "video": "film",
    "videos": "film",
    "movie": "film",
    "影片": "film",
    "视频": "film",
    "警示片": "film",
    "警示教育片": "film",
    "电影": "film",
    "posters": "poster",
    "海报": "poster",
    "宣传画": "poster",
    "公益广告": "poster",
    "书法": "calligraphy",
    "书画": "calligraphy",
    "书法作品": "calligraphy",
    "字画": "calligraphy",
    "photos": "photo",
    "image": "photo",
    "images": "photo",
    "picture": "photo",
    "照片": "photo",
    "图片": "photo",
    "相片": "photo",
    "people": "person",
    "人物": "person",
    "places": "place",
    "地点": "place",
    "场馆": "place",
    "地方": "place",
    "events": "event",
    "事件": "event",
    "大事": "event",
    "aphorisms": "aphorism",
    "saying": "aphorism",
    "格言": "aphorism",
    "警句": "aphorism",
    "格言警句": "aphorism",
    "名言": "aphorism",
    "topics": "topic",
    "专题": "topic",
    "主题": "topic",
    "songs": "song",
    "歌曲": "song",
    "歌": "song",
    "廉政歌曲": "song",
    "朗诵": "song",
    "cases": "case",
    "案例": "case",
    "警示案例": "case",
    "典型案例": "case",
    "couplets": "couplet",
    "对联": "couplet",
    "楹联": "couplet",
    "春联": "couplet",
    "廉政春联": "couplet",
    "riddles": "riddle",
    "灯谜": "riddle",
    "谜语": "riddle",
    "字谜": "riddle",
    "廉政灯谜": "riddle",
    "questions": "question",
    "题目": "question",
    "试题": "question",
    "题库": "question",
    "知识竞答": "question",
    "pledges": "pledge",
    "承诺书": "pledge",
    "廉洁承诺": "pledge",
    "承诺": "pledge",
    "tickers": "ticker",
    "滚动字幕": "ticker",
    "字幕条": "ticker",
    MAP_KIND: MAP_KIND,
    "maps": MAP_KIND,
    "地图": MAP_KIND,
    "区域地图": MAP_KIND,
}


def kind_named(name: str) -> str | None:
    """The kind a folder or worksheet name stands for, if it is one: folders and
    worksheets say the kind of what they hold with the words of the kind column."""
    return KIND_ALIASES.get(unicodedata.normalize("NFKC", name).strip().lower())


LIST_SEPARATORS = re.compile(r"[;；,，、\n]+")
_TEXT_COLUMNS = (*TEXT_FIELDS, "region")
KEY_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")

# What operators write in the style column of a couplet.
STYLE_ALIASES: dict[str, str] = {
    **{s: s for s in COUPLET_STYLES},
    "spring festival": "festival",
    "red": "festival",
    "春联": "festival",
    "节日": "festival",
    "红纸": "festival",
    "楹联": "hall",
    "厅堂": "hall",
    "堂联": "hall",
    "hall couplet": "hall",
}

# What a row of each kind must fill besides a title (one of each tuple).
KIND_NEEDS: dict[str, tuple[tuple[str, ...], ...]] = {
    "couplet": (("upper_zh",), ("lower_zh",)),
    "riddle": (("answer_zh", "answer_en"),),
    "pledge": (("body_zh", "body_en"),),
}

# The pledge wall's text fits its screen beside the pad in large text (kiosk.ui.pledge).
PLEDGE_MAX_CHARS = 800

# The operator's heading for each column of the sheet (canonical name → heading).
Headings = Mapping[str, str]


class RowError(Refused):
    """One row cannot be imported; ``problems`` says every reason found."""

    def __init__(self, key: str, /, **values: Any) -> None:
        super().__init__(key, **values)
        self.problems = [self.text]

    @classmethod
    def several(cls, problems: list[Text]) -> RowError:
        error = cls(problems[0].key, **problems[0].values)
        error.problems = list(problems)
        error.args = ("; ".join(p.render("en") for p in problems),)
        return error


def kind_of(value: Any, col: str = "kind") -> str:
    kind = kind_named(str(value))
    if kind is None:
        raise RowError("bad_kind", col=col, value=value)
    return kind


def split_list(value: Any) -> list[str]:
    return [p.strip() for p in LIST_SEPARATORS.split(str(value)) if p.strip()]


def slugify(text: str) -> str:
    """A readable ascii key: pinyin for Chinese, lower case, '-' between words."""
    from pypinyin import lazy_pinyin  # its tables are large: loaded when a key is made

    text = unicodedata.normalize("NFKC", text)
    parts = lazy_pinyin(text, errors=lambda s: [s])
    ascii_text = "-".join(parts)
    ascii_text = unicodedata.normalize("NFKD", ascii_text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:60].strip("-") or "item"


class _Fields:
    """Reads one row's values into catalogue fields, keeping every problem found."""

    def __init__(self, values: dict[str, Any], headings: Headings) -> None:
        self.values, self.headings = values, headings
        self.out: dict[str, Any] = {}
        self.problems: list[Text] = []

    def col(self, name: str) -> str:
        return self.headings.get(name, name)

    def bad(self, key: str, name: str, **more: Any) -> None:
        self.problems.append(text(key, col=self.col(name), value=self.values.get(name), **more))

    def date(self, name: str) -> str | None:
        try:
            return as_date(self.values[name]).isoformat()
        except ValueError:
            self.bad("bad_date", name)
            return None

    def number(self, name: str, lo: float, hi: float) -> None:
        try:
            number = float(unicodedata.normalize("NFKC", str(self.values[name])))
        except (TypeError, ValueError):
            self.bad("bad_number", name)
            return
        if not lo <= number <= hi:
            self.bad("out_of_range", name, lo=lo, hi=hi)
            return
        self.out[name] = number

    def schedule(self) -> None:
        """The schedule columns; a row that fills any of them states the whole schedule."""
        columns = {c: self.values[c] for c in SCHEDULE_FIELDS if c in self.values}
        if not columns:
            return
        schedule, problems = ItemSchedule.parse(columns)
        for p in problems:
            why = text(p.reason, **dict(p.details))
            self.problems.append(
                text("bad_schedule", col=self.col(p.field), value=p.value, why=why)
            )
        self.out.update(schedule.columns())


def kind_problems(kind: str | None, values: dict[str, Any], headings: Headings) -> list[Text]:
    """What a row of ``kind`` lacks: a couplet's two lines, a riddle's answer."""
    problems = []
    for needed in KIND_NEEDS.get(kind or "", ()):
        if not any(str(values.get(c, "")).strip() for c in needed):
            cols = [headings.get(c, c) for c in needed]
            word = text(f"kind_word_{kind}")
            if len(cols) == 1:
                problems.append(text("kind_needs_column", kind=word, col=cols[0]))
            else:
                problems.append(text("kind_needs_either", kind=word, a=cols[0], b=cols[1]))
    if kind == "pledge":
        for col in ("title_zh", "title_en", "body_zh", "body_en"):
            n = len(str(values.get(col, "")).strip())
            if n > PLEDGE_MAX_CHARS:
                name = headings.get(col, col)
                problems.append(text("pledge_too_long", col=name, n=n, limit=PLEDGE_MAX_CHARS))
    if "style" in values and kind != "couplet":
        problems.append(text("style_only_couplets", col=headings.get("style", "style")))
    return problems


def item_fields(values: dict[str, Any], headings: Headings | None = None) -> dict[str, Any]:
    """Catalogue fields from a row's values (``kind`` already resolved).

    Raises ``RowError`` naming every problem of the row.
    """
    row = _Fields(values, headings or {})
    out = row.out
    for col in _TEXT_COLUMNS:
        if col in values:
            out[col] = str(values[col]).strip()
    for lang in ("zh", "en"):  # a couplet without a title is known by its upper line
        if not out.get(f"title_{lang}") and out.get(f"upper_{lang}"):
            out[f"title_{lang}"] = out[f"upper_{lang}"]
    if "key" in values:
        key = unicodedata.normalize("NFKC", str(values["key"])).strip()
        if KEY_PATTERN.fullmatch(key):
            out["key"] = key.lower()
        else:
            row.bad("bad_key", "key")
    if "year" in values:
        try:
            out["year_from"], out["year_to"] = parse_years(values["year"])
        except ValueError:
            row.bad("bad_year", "year")
    if "date" in values and (day := row.date("date")):
        out["date"] = day
        out.setdefault("year_from", int(day[:4]))
    for col in ("valid_from", "valid_until"):
        if col in values and (day := row.date(col)):
            out[col] = day
    if out.get("valid_from") and out.get("valid_until") and out["valid_until"] < out["valid_from"]:
        row.problems.append(
            text(
                "until_before_from",
                until=row.col("valid_until"),
                since=row.col("valid_from"),
                a=values["valid_from"],
                b=values["valid_until"],
            )
        )
    for col, lo, hi in (("lat", -90, 90), ("lon", -180, 180), ("map_x", 0, 1), ("map_y", 0, 1)):
        if col in values:
            row.number(col, lo, hi)
    row.schedule()
    if "style" in values:
        style = STYLE_ALIASES.get(
            unicodedata.normalize("NFKC", str(values["style"])).strip().lower()
        )
        if style is None:
            row.bad(
                "bad_style", "style", styles=Joined([text(f"style_{s}") for s in COUPLET_STYLES])
            )
        else:
            out["style"] = style
    if "enabled" in values:
        try:
            out["enabled"] = int(parse_bool(values["enabled"]))
        except ValueError:
            row.bad("bad_bool", "enabled")
    if "sort_order" in values:
        try:
            out["sort_order"] = int(unicodedata.normalize("NFKC", str(values["sort_order"])))
        except ValueError:
            row.bad("bad_whole", "sort_order")
    if row.problems:
        raise RowError.several(row.problems)
    return out


# The columns a map row uses; anything else on it is ignored (and said so).
MAP_COLUMNS = frozenset(
    {"key", "kind", "file", "subtitles", "title_zh", "title_en", "enabled", "sort_order", "bounds"}
)
_BOUNDS_SEPARATORS = re.compile(r"[\s,，]+")


def parse_bounds(value: Any, col: str = "bounds") -> tuple[float, float, float, float]:
    """West, south, east, north in degrees from '105,17,125,43' (also '，' or spaces)."""
    text_value = unicodedata.normalize("NFKC", str(value)).replace("°", " ")
    parts = [p for p in _BOUNDS_SEPARATORS.split(text_value) if p]
    if len(parts) != 4:
        raise RowError("bounds_four", col=col, value=value)
    try:
        west, south, east, north = (float(p) for p in parts)
    except ValueError:
        raise RowError("bounds_four", col=col, value=value) from None
    for side, number, limit in (
        ("west", west, 180),
        ("south", south, 90),
        ("east", east, 180),
        ("north", north, 90),
    ):
        if not -limit <= number <= limit:
            raise RowError(
                "bounds_outside", col=col, side=text(f"side_{side}"), n=f"{number:g}", limit=limit
            )
    for low, a, high, b in (("west", west, "east", east), ("south", south, "north", north)):
        if not a < b:
            raise RowError(
                "bounds_order",
                col=col,
                low=text(f"side_{low}"),
                a=f"{a:g}",
                high=text(f"side_{high}"),
                b=f"{b:g}",
            )
    return west, south, east, north


def map_fields(values: dict[str, Any], headings: Headings | None = None) -> dict[str, Any]:
    """Catalogue map fields from a map row's values (other columns are not read)."""
    headings = headings or {}
    problems: list[Text] = []
    try:
        out = item_fields({k: v for k, v in values.items() if k in MAP_COLUMNS}, headings)
    except RowError as e:
        out, problems = {}, list(e.problems)
    if "bounds" in values:
        try:
            out.update(
                zip(
                    BOUNDS_FIELDS,
                    parse_bounds(values["bounds"], headings.get("bounds", "bounds")),
                    strict=True,
                )
            )
        except RowError as e:
            problems += e.problems
    if problems:
        raise RowError.several(problems)
    return out


def unused_columns_note(
    kind: str | None, values: dict[str, Any], headings: Headings | None = None
) -> Text | None:
    """A note naming the filled columns a row of this kind does not use, if any."""
    headings = headings or {}
    if kind == MAP_KIND:
        unused = [headings.get(c, c) for c in values if c not in MAP_COLUMNS]
        return text("unused_map_columns", cols=Joined(unused)) if unused else None
    if "bounds" in values:
        return text("bounds_ignored", col=headings.get("bounds", "bounds"))
    return None
