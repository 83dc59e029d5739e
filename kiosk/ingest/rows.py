"""Turning one sheet row into catalogue fields, with operator-readable errors."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from pypinyin import lazy_pinyin

from kiosk.catalog.model import BOUNDS_FIELDS, KINDS, TEXT_FIELDS
from kiosk.catalog.years import parse_years
from kiosk.ingest.sheets import as_date, parse_bool

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
    MAP_KIND: MAP_KIND,
    "maps": MAP_KIND,
    "地图": MAP_KIND,
    "区域地图": MAP_KIND,
}

# Folder names that say what kind the media inside are (for files without a sheet).
FOLDER_KINDS: dict[str, str] = {
    k: v
    for k, v in KIND_ALIASES.items()
    if v in ("film", "poster", "calligraphy", "photo", MAP_KIND)
}
FOLDER_KINDS.update({"calligraphy": "calligraphy", "书法": "calligraphy", "films": "film"})

LIST_SEPARATORS = re.compile(r"[;；,，、\n]+")
_TEXT_COLUMNS = (*TEXT_FIELDS, "region")


class RowError(ValueError):
    """One row cannot be imported; str() says why in one line."""


def kind_of(value: Any) -> str:
    kind = KIND_ALIASES.get(str(value).strip().lower())
    if kind is None:
        raise RowError(
            f"unknown kind '{value}' (use one of: {', '.join(KINDS)}, {MAP_KIND} / 影片 海报 "
            "书法 照片 人物 地点 事件 格言 专题 地图)"
        )
    return kind


def split_list(value: Any) -> list[str]:
    return [p.strip() for p in LIST_SEPARATORS.split(str(value)) if p.strip()]


def slugify(text: str) -> str:
    """A readable ascii key: pinyin for Chinese, lower case, '-' between words."""
    text = unicodedata.normalize("NFKC", text)
    parts = lazy_pinyin(text, errors=lambda s: [s])
    ascii_text = "-".join(parts)
    ascii_text = unicodedata.normalize("NFKD", ascii_text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:60].strip("-") or "item"


def item_fields(values: dict[str, Any]) -> dict[str, Any]:
    """Catalogue fields from a row's values (``kind`` already resolved)."""
    out: dict[str, Any] = {}
    for col in _TEXT_COLUMNS:
        if col in values:
            out[col] = str(values[col]).strip()
    if "key" in values:
        key = str(values["key"]).strip()
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}", key):
            raise RowError(f"key '{key}' may only use letters, digits, '-', '_' and '.'")
        out["key"] = key.lower()
    if "year" in values:
        try:
            out["year_from"], out["year_to"] = parse_years(values["year"])
        except ValueError as e:
            raise RowError(f"year: {e}") from None
    if "date" in values:
        try:
            day = as_date(values["date"])
        except ValueError as e:
            raise RowError(f"date: {e}") from None
        out["date"] = day.isoformat()
        out.setdefault("year_from", day.year)
    for col in ("valid_from", "valid_until"):
        if col in values:
            try:
                out[col] = as_date(values[col]).isoformat()
            except ValueError as e:
                raise RowError(f"{col}: {e}") from None
    if out.get("valid_from") and out.get("valid_until") and out["valid_until"] < out["valid_from"]:
        raise RowError("valid_until is before valid_from")
    for col, lo, hi in (("lat", -90, 90), ("lon", -180, 180), ("map_x", 0, 1), ("map_y", 0, 1)):
        if col in values:
            try:
                number = float(values[col])
            except (TypeError, ValueError):
                raise RowError(f"{col}: '{values[col]}' is not a number") from None
            if not lo <= number <= hi:
                raise RowError(f"{col}: {number} is outside {lo}…{hi}")
            out[col] = number
    if "enabled" in values:
        try:
            out["enabled"] = int(parse_bool(values["enabled"]))
        except ValueError as e:
            raise RowError(f"enabled: {e}") from None
    if "sort_order" in values:
        try:
            out["sort_order"] = int(str(values["sort_order"]).strip())
        except ValueError:
            raise RowError(f"sort_order: '{values['sort_order']}' is not a whole number") from None
    return out


# The columns a map row uses; anything else on it is ignored (and said so).
MAP_COLUMNS = frozenset(
    {"key", "kind", "file", "subtitles", "title_zh", "title_en", "enabled", "sort_order", "bounds"}
)
_BOUNDS_SEPARATORS = re.compile(r"[\s,，]+")


def parse_bounds(value: Any) -> tuple[float, float, float, float]:
    """West, south, east, north in degrees from '105,17,125,43' (also '，' or spaces)."""
    text = unicodedata.normalize("NFKC", str(value)).replace("°", " ")
    parts = [p for p in _BOUNDS_SEPARATORS.split(text) if p]
    example = "write west,south,east,north in degrees, e.g. 105,17,125,43"
    if len(parts) != 4:
        raise RowError(f"bounds: '{value}' is not four numbers ({example})")
    try:
        west, south, east, north = (float(p) for p in parts)
    except ValueError:
        raise RowError(f"bounds: '{value}' is not four numbers ({example})") from None
    for name, number, limit in (
        ("west", west, 180),
        ("south", south, 90),
        ("east", east, 180),
        ("north", north, 90),
    ):
        if not -limit <= number <= limit:
            raise RowError(f"bounds: {name} {number:g} is outside -{limit}…{limit}")
    if not west < east:
        raise RowError(f"bounds: west {west:g} must be less than east {east:g} ({example})")
    if not south < north:
        raise RowError(f"bounds: south {south:g} must be less than north {north:g} ({example})")
    return west, south, east, north


def map_fields(values: dict[str, Any]) -> dict[str, Any]:
    """Catalogue map fields from a map row's values (other columns are not read)."""
    out = item_fields({k: v for k, v in values.items() if k in MAP_COLUMNS})
    if "bounds" in values:
        out.update(zip(BOUNDS_FIELDS, parse_bounds(values["bounds"]), strict=True))
    return out


def unused_columns_note(kind: str | None, values: dict[str, Any]) -> str | None:
    """A note naming the filled columns a row of this kind does not use, if any."""
    if kind == MAP_KIND:
        unused = sorted(set(values) - MAP_COLUMNS)
        return f"ignored for a map: {', '.join(unused)}" if unused else None
    return "bounds ignored: only maps have bounds" if "bounds" in values else None
