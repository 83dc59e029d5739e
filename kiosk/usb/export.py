"""Export records: a folder on the stick named by kiosk and date, written by one function.

``export_to_stick`` writes the records this kiosk keeps — what was shown (plays), visits
(sessions), when it ran (runs) and how its content changed (changes) — as one workbook per
month, last month and this one, with headings and values in the operator's language and
times in local time.  The month's report (the report issue) is not written by this version:
``Exported.report`` says so and the panel tells the operator.  Each file is written beside
its final name, flushed to the stick, then renamed, so a stick pulled out mid-way never holds
a half-written workbook under a workbook's name.
"""

from __future__ import annotations

import json
import os
import re
import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from kiosk.catalog import Catalogue
from kiosk.strings import STRINGS, tr
from kiosk.usb.drives import Stick

# The columns written for each table, in order: (column, kind of value).
TABLES: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {
    "plays": (
        "started_at",
        (
            ("started_at", "time"),
            ("ended_at", "time"),
            ("seconds", "number"),
            ("item_key", "text"),
            ("title", "text"),
            ("context", "word"),
            ("outcome", "word"),
            ("reason", "text"),
        ),
    ),
    "sessions": (
        "started_at",
        (("started_at", "time"), ("ended_at", "time"), ("screens", "screens")),
    ),
    "runs": (
        "started_at",
        (
            ("started_at", "time"),
            ("first_frame_at", "time"),
            ("ended_at", "time"),
            ("ended_how", "word"),
            ("exit_code", "number"),
            ("safe_mode", "yes_no"),
        ),
    ),
    "changes": (
        "at",
        (
            ("at", "time"),
            ("action", "word"),
            ("source", "word"),
            ("origin", "text"),
            ("item_key", "text"),
            ("kind", "kind"),
            ("title_zh", "text"),
            ("title_en", "text"),
            ("fields", "text"),
        ),
    ),
}
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]')  # not allowed in FAT and NTFS names


@dataclass
class Exported:
    folder: Path
    files: list[str] = field(default_factory=list)
    report: bool = False  # the month's report was written (not by this version)


def kiosk_label(name: str) -> str:
    """The kiosk's name as it can stand in a folder name: ``[content] kiosk_name``, else
    the computer's name."""
    cleaned = _UNSAFE.sub("_", name.strip() or socket.gethostname()).strip(" .")
    return cleaned or "kiosk"


def records_folder_name(kiosk: str, day: date, lang: str) -> str:
    return tr("usb_records_folder", lang).format(kiosk=kiosk_label(kiosk), date=day.isoformat())


def is_records_folder(name: str) -> bool:
    """A folder this kiosk (or another) exported records to, in either language."""
    prefixes = [p.split("{")[0] for p in STRINGS["usb_records_folder"]]
    return any(name.startswith(p) for p in prefixes)


def month_start(day: date) -> datetime:
    return datetime(day.year, day.month, 1).astimezone()


def months(today: date) -> list[tuple[str, datetime, datetime]]:
    """Last month and this one: (``2026-11``, start, end) in local time."""
    this = month_start(today)
    last = month_start(date(today.year - (today.month == 1), (today.month - 2) % 12 + 1, 1))
    after = month_start(date(today.year + (today.month == 12), today.month % 12 + 1, 1))
    return [(f"{m:%Y-%m}", m, n) for m, n in ((last, this), (this, after))]


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


class _Values:
    """A record's values as the operator reads them."""

    def __init__(self, lang: str, titles: dict[str, str]) -> None:
        self.lang, self.titles = lang, titles

    def say(self, kind: str, value: Any) -> Any:
        if value is None:
            return None
        if kind == "time":
            try:
                return datetime.fromisoformat(value).astimezone().strftime("%Y-%m-%d %H:%M:%S")
            except ValueError:
                return value
        if kind in ("word", "kind"):
            key = f"rec_{value}" if kind == "word" else f"kind_word_{value}"
            return tr(key, self.lang) if key in STRINGS else value
        if kind == "yes_no":
            return tr("rec_yes" if value else "rec_no", self.lang)
        if kind == "screens":
            try:
                return tr("list_sep", self.lang).join(json.loads(value))
            except (ValueError, TypeError):
                return value
        return value

    def row(self, record: dict[str, Any], columns: tuple[tuple[str, str], ...]) -> list[Any]:
        if "item_key" in record and "title" not in record:
            record = {**record, "title": self.titles.get(record["item_key"])}
        return [self.say(kind, record.get(name)) for name, kind in columns]


def _records(
    catalogue: Catalogue, table: str, since: datetime, until: datetime
) -> Iterator[dict[str, Any]]:
    column = TABLES[table][0]
    yield from catalogue.db[table].rows_where(
        f"{column} >= ? AND {column} < ?", [_utc(since), _utc(until)], order_by=f"{column}, id"
    )


def _write_month(
    catalogue: Catalogue, path: Path, since: datetime, until: datetime, values: _Values
) -> None:
    book = Workbook(write_only=True)  # rows streamed to the file: a busy month stays small
    for table, (_, columns) in TABLES.items():
        sheet = book.create_sheet(tr(f"rec_sheet_{table}", values.lang))
        sheet.append([tr(f"rec_{name}", values.lang) for name, _ in columns])
        for record in _records(catalogue, table, since, until):
            sheet.append(values.row(record, columns))
    part = path.with_name(path.name + ".part")
    book.save(part)
    with open(part, "r+b") as f:  # on the stick before it is said to be done
        os.fsync(f.fileno())
    os.replace(part, path)


def export_to_stick(
    catalogue_path: Path,
    stick: Stick,
    *,
    kiosk_name: str,
    lang: str,
    today: date | None = None,
) -> Exported:
    """Write this kiosk's records to a folder on ``stick``; see the module docstring.

    An ``OSError`` when the stick cannot be written (full, read-only, pulled out)."""
    today = today or date.today()
    folder = stick.root / records_folder_name(kiosk_name, today, lang)
    folder.mkdir(exist_ok=True)
    done = Exported(folder)
    with Catalogue.open(catalogue_path, create=False) as catalogue:
        titles = {
            row["key"]: row["title_zh"] if lang == "zh" else row["title_en"] or row["title_zh"]
            for row in catalogue.db["items"].rows
        }
        values = _Values(lang, titles)
        for month, since, until in months(today):
            name = tr("usb_records_file", lang).format(month=month)
            _write_month(catalogue, folder / name, since, until, values)
            done.files.append(name)
    return done
