"""The record format: one kiosk's records for a period, as spreadsheets and a small header.

A record set is ``kiosk.json`` (the header: kiosk, exhibition, time zone, opening hours,
period, since when runs and changes are recorded, rows per table) and one UTF-8 CSV with
BOM (Excel opens it) per table: ``items``, ``plays``, ``sessions``, ``runs``, ``changes``,
``quiz_rounds``, ``quiz_answers``, ``signatures``.  Timestamps are UTC, as the kiosk
keeps them.  A set is a folder (the USB export) or the same files in one ZIP (a day in the
records folder, one file per kiosk and day).  Both are written complete or not at all
(kiosk.reporting.export); a set whose tables do not hold the rows its header counts (half
synced, cut short) is refused, never half read.
A table written by an earlier version, without the columns added since, is still read
(those values not known); so is a set without the tables added since (LATER: the quiz's
and the signatures' figures not known).
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import zipfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Any

from kiosk.errors import KioskError

FORMAT = "qingfeng-records/1"
HEADER = "kiosk.json"
ZIP_SUFFIX = ".zip"

#: Each table's columns, in file order.
TABLES: dict[str, tuple[str, ...]] = {
    "items": ("key", "kind", "title_zh", "title_en"),
    "plays": (
        "started_at",
        "ended_at",
        "seconds",
        "context",
        "outcome",
        "reason",
        "item_key",
        "session_id",
    ),
    "sessions": ("id", "started_at", "ended_at", "screens", "languages", "large_text"),
    "runs": (
        "started_at",
        "first_frame_at",
        "last_beat_at",
        "ended_at",
        "ended_how",
        "exit_code",
        "signal",
        "safe_mode",
        "safe_since",
        "last_key",
    ),
    "changes": (
        "at",
        "action",
        "source",
        "origin",
        "item_key",
        "kind",
        "title_zh",
        "title_en",
        "fields",
    ),
    # The quiz: each round started in the period (``round`` is the kiosk's own number for
    # it, the same in every set) and each question asked in those rounds; no names.
    "quiz_rounds": ("round", "started_at", "ended_at", "mode", "asked", "correct", "lang"),
    "quiz_answers": ("round", "item_key", "at", "correct"),
    # The pledge wall: when each signature was made, nothing else (no strokes, no picture).
    "signatures": ("signed_at",),
}

#: Tables added to the format later: a set whose header does not count them was written
#: before and does not carry them (their figures are not known, never zero).
LATER = ("quiz_rounds", "quiz_answers", "signatures")

#: The columns of tables in sets written by earlier versions (the later columns were
#: appended): their rows are read with those columns empty, that is not known.
EARLIER: dict[str, tuple[tuple[str, ...], ...]] = {
    "sessions": (TABLES["sessions"][:4],),  # before the visit's languages and large text
}

#: Separates the screens of a visit in ``sessions.csv`` (the catalogue keeps a JSON list).
SCREEN_SEP = ";"


class RecordsError(KioskError):
    """A record set cannot be read; the message names it and says why."""


@dataclass
class Header:
    """What a record set says about itself (``kiosk.json``)."""

    kiosk: str
    exhibition_zh: str
    exhibition_en: str
    time_zone: str
    hours: dict[str, Any]  # the [hours] settings as written in kiosk.toml
    first: str  # the period's first and last local day, YYYY-MM-DD
    last: str
    made_at: str  # UTC
    # Since when (UTC) the kiosk records runs and content changes; None: it does not
    # (a catalogue from before those tables).  Figures from before then are unknown.
    runs_since: str | None
    changes_since: str | None
    rows: dict[str, int] = field(default_factory=dict)
    version: str = ""
    format: str = FORMAT

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=2)

    @classmethod
    def from_json(cls, text: str, where: str) -> Header:
        try:
            data = json.loads(text)
            if data.get("format") != FORMAT:
                raise RecordsError(f"{where}: not a record set of this kind ({FORMAT})")
            known = set(cls.__dataclass_fields__)
            return cls(**{k: v for k, v in data.items() if k in known})
        except (ValueError, TypeError, AttributeError) as e:
            raise RecordsError(f"{where}: its {HEADER} cannot be read ({e})") from None


def csv_name(table: str) -> str:
    return f"{table}.csv"


class RecordSet:
    """One record set on disk (a folder or a ZIP); tables are read as streams of rows."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.header = Header.from_json(self._read_text(HEADER), str(path))

    @classmethod
    def is_set(cls, path: Path) -> bool:
        if path.is_dir():
            return (path / HEADER).is_file()
        return path.suffix.lower() == ZIP_SUFFIX and zipfile.is_zipfile(path)

    def carries(self, table: str) -> bool:
        """Whether the set holds ``table`` (a set written before LATER's tables does not)."""
        return table in self.header.rows

    def _read_text(self, name: str) -> str:
        try:
            with self._open(name) as f:
                return f.read()
        except (OSError, KeyError, zipfile.BadZipFile) as e:
            raise RecordsError(f"{self.path}: {name} cannot be read ({e})") from None

    @contextmanager
    def _open(self, name: str) -> Iterator[IO[str]]:
        if self.path.is_dir():
            with open(self.path / name, encoding="utf-8-sig", newline="") as f:
                yield f
            return
        with zipfile.ZipFile(self.path) as z, z.open(name) as raw:
            yield io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")

    def read(
        self,
        table: str,
        consume: Callable[[Iterable[list[str]]], int],
        keep: Callable[[list[str]], bool] | None = None,
    ) -> None:
        """Give the rows of ``table`` (lists of text in TABLES order; empty text is no value)
        to ``consume``, which returns how many it took; only those ``keep`` says, if given.
        Raises RecordsError when the table does not hold the rows its header counts."""
        expected = self.header.rows.get(table, 0)
        if not expected:
            return
        seen = [0]
        try:
            with self._open(csv_name(table)) as f:
                reader = csv.reader(f)
                heading = tuple(next(reader, ()))
                rows: Iterable[list[str]] = reader
                if heading != TABLES[table]:
                    if heading not in EARLIER.get(table, ()):
                        raise RecordsError(f"{self.path}: {csv_name(table)} has other columns")
                    rows = _widened(reader, len(TABLES[table]) - len(heading))
                if keep is None:  # the reader straight to the tally: no Python step per row
                    seen[0] = consume(rows)
                else:
                    consume(filter(keep, _counted(rows, seen)))
        except (OSError, KeyError, zipfile.BadZipFile, csv.Error, UnicodeDecodeError) as e:
            raise RecordsError(f"{self.path}: {csv_name(table)} cannot be read ({e})") from None
        if seen[0] != expected:
            raise RecordsError(
                f"{self.path}: {csv_name(table)} holds {seen[0]} rows, its header says "
                f"{expected} (copied only in part?)"
            )

    def check(self) -> None:
        """Every table holds the rows the header counts (read through once)."""
        for table in TABLES:
            self.read(table, lambda rows: sum(1 for _row in rows))


def _widened(rows: Iterable[list[str]], missing: int) -> Iterator[list[str]]:
    """Rows of an earlier set with its missing (later) columns empty."""
    empty = [""] * missing
    for row in rows:
        yield row + empty


def _counted(rows: Iterable[list[str]], seen: list[int]) -> Iterator[list[str]]:
    for row in rows:
        seen[0] += 1
        yield row


def find_sets(folders: list[Path]) -> tuple[list[RecordSet], list[str]]:
    """The record sets in ``folders`` (each a set, or a folder holding sets at any depth),
    and one line per set that cannot be read."""
    found: list[RecordSet] = []
    problems: list[str] = []
    for folder in folders:
        if not folder.exists():
            problems.append(f"{folder}: no such folder")
            continue
        candidates = [folder] if RecordSet.is_set(folder) else _walk(folder)
        for path in candidates:
            try:
                found.append(RecordSet(path))
            except RecordsError as e:
                problems.append(str(e))
    return found, problems


def _walk(folder: Path) -> list[Path]:
    sets = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith("."):  # Syncthing's temporary files and folders
            continue
        if RecordSet.is_set(path):
            sets.append(path)
        elif path.is_dir():
            sets += _walk(path)
    return sets


class CsvTable:
    """Writes one table as UTF-8 CSV with BOM (Excel reads the Chinese right)."""

    def __init__(self, stream: IO[bytes], table: str) -> None:
        self._text = io.TextIOWrapper(stream, encoding="utf-8", newline="", write_through=True)
        self._text.write(codecs.BOM_UTF8.decode("utf-8"))
        self._writer = csv.writer(self._text)
        self._writer.writerow(TABLES[table])
        self.count = 0

    def write(self, rows) -> None:
        for row in rows:
            self._writer.writerow(row)
            self.count += 1

    def detach(self) -> None:
        self._text.flush()
        self._text.detach()
