"""The rows of an import's sheets as entries: every problem of a row found and said together.

A key may be defined once per import, whichever sheet, worksheet or file defines
it: a second definition is refused, naming both places, and the first (in
reading order) is kept, so importing the same sheets again gives the same
catalogue.
"""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.catalog.model import FILE_KIND
from kiosk.catalog.report import Place, Report
from kiosk.ingest import questions
from kiosk.ingest import rows as rowlib
from kiosk.ingest.dvd import is_dvd_folder
from kiosk.ingest.lyrics import LYRICS_SUFFIXES
from kiosk.ingest.sheets import Sheet
from kiosk.strings import Joined, Text, text

# Which kind of stored file each kind of row needs (a map is a picture).
NEEDS_FILE = {**FILE_KIND, rowlib.MAP_KIND: "image"}


@dataclass
class Entry:
    """One item or map to import: a sheet row, or a media file found without a row."""

    where: Place
    values: dict[str, Any]
    kind: str | None = None
    file: Path | None = None
    subtitles: Path | None = None
    lyrics: Path | None = None  # a song's .lrc: named by the row, or found beside its file
    lyrics_beside: bool = False  # found beside the file, not named: dropped unless a song
    links: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    fields: dict[str, Any] = field(default_factory=dict)
    headings: dict[str, str] = field(default_factory=dict)
    folder_kind: str | None = None  # what the file's folder says, for a file without a row
    media: Any = None  # a media.Prepared once its file is stored
    subs: Any = None

    @property
    def key(self) -> str | None:
        return self.fields.get("key")

    def col(self, name: str) -> str:
        """The operator's heading for a column."""
        return self.headings.get(name, name)


def identities(entry: Entry) -> tuple[tuple[str, ...] | None, tuple[str, ...] | None]:
    """What makes rows of one import the same thing: their key, and their kind and title
    (which is all a row without a key or a file is known by)."""
    space = "map" if entry.kind == rowlib.MAP_KIND else "item"
    title = entry.fields.get("title_zh") or entry.fields.get("title_en")
    by_key = (space, entry.key) if entry.key else None
    by_title = (space, entry.kind or "", title) if title else None
    return by_key, by_title


def known_by_title(entry: Entry) -> bool:
    return not entry.key and entry.file is None


def find_beside(folder: Path, name: str) -> tuple[Path | None, list[str]]:
    """The file a sheet names, relative to its folder, tolerating a different letter case
    (a DVD's ``VIDEO_TS`` folder counts as a file).

    Returns (path, []) when found (exactly, or as the only name differing in
    case); else (None, names that come close) for a suggestion.
    """
    parts = [p for p in str(name).strip().replace("\\", "/").split("/") if p not in ("", ".")]
    here = folder
    for i, part in enumerate(parts):
        step = here / part
        if part == ".." or step.exists():
            here = step
            continue
        try:
            names = [p.name for p in here.iterdir()]
        except OSError:
            return None, []
        fold = _fold(part)
        same = [n for n in names if _fold(n) == fold]
        if len(same) == 1:
            here = here / same[0]
            continue
        near = sorted(same) or difflib.get_close_matches(part, names, n=3, cutoff=0.6)
        prefix = "/".join(parts[:i])
        return None, [f"{prefix}/{n}" if prefix else n for n in near]
    found = here.is_file() or is_dvd_folder(here)
    return (here.resolve(), []) if found else (None, [])


def quoted(names: list[str]) -> Joined:
    return Joined([text("quoted", s=n) for n in names])


def _fold(name: str) -> str:
    return unicodedata.normalize("NFKC", name).casefold()


class RowReader:
    """Reads the rows of each sheet into entries, refusing (with every reason) what is wrong."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.claimed: set[Path] = set()  # files named by rows, so not imported again as loose
        self.defined: dict[tuple[str, ...], Place] = {}  # key → where first defined
        # kind and title → where first seen, and whether that row is known only by them
        self.titled: dict[tuple[str, ...], tuple[Place, bool]] = {}
        self.refused_keys: dict[str, Place] = {}  # keys of rows refused in this import

    def read(self, sheet: Sheet, order: int) -> list[Entry]:
        out = []
        sheet_kind = rowlib.kind_named(sheet.title)
        for row in sheet.rows:
            where = Place(sheet.name, row.number, order)
            entry, problems = self._entry(sheet, row.values, where, sheet_kind)
            problems += self._defined_before(entry)
            if problems:
                self.refuse(entry, *problems)
                continue
            by_key, by_title = identities(entry)
            if by_key:
                self.defined[by_key] = where
            if by_title:
                self.titled.setdefault(by_title, (where, known_by_title(entry)))
            note = rowlib.unused_columns_note(entry.kind, row.values, sheet.headings)
            if note:
                self.report.note(where, note)
            out.append(entry)
        return out

    def _defined_before(self, entry: Entry) -> list[Text]:
        """A key defined twice, or a row known only by its kind and title whose item an
        earlier row already is (or the other way round): refused, naming the first place.
        Otherwise both would write the same item, in turn, on every import."""
        by_key, by_title = identities(entry)
        if by_key and by_key in self.defined:
            first = self.defined[by_key]
            return [text("key_twice", col=entry.col("key"), key=entry.key, other=first)]
        if by_title and by_title in self.titled:
            first, first_by_title = self.titled[by_title]
            if first_by_title or known_by_title(entry):
                return [text("same_as_row", other=first)]
        return []

    def refuse(self, entry: Entry, *problems: Text) -> None:
        self.report.reject(entry.where, *problems)
        if entry.key and entry.key not in self.refused_keys:
            self.refused_keys[entry.key] = entry.where

    def _entry(
        self, sheet: Sheet, values: dict[str, Any], where: Place, sheet_kind: str | None
    ) -> tuple[Entry, list[Text]]:
        entry = Entry(where, values, headings=sheet.headings)
        problems: list[Text] = []
        for col in ("file", "subtitles", "lyrics"):
            if col in values:
                problems += self._file(sheet, entry, col)
        if "kind" in values:
            try:
                entry.kind = rowlib.kind_of(values["kind"], entry.col("kind"))
            except rowlib.RowError as e:
                problems += e.problems
        elif sheet_kind is not None:
            entry.kind = sheet_kind
        elif "file" not in values:
            problems.append(text("no_kind"))
        try:
            if entry.kind == rowlib.MAP_KIND:
                entry.fields = rowlib.map_fields(values, sheet.headings)
            else:
                entry.fields = rowlib.item_fields(values, sheet.headings)
        except rowlib.RowError as e:
            problems += e.problems
            key = str(values.get("key", "")).strip().lower()
            if key:
                entry.fields = {"key": key}
        if entry.kind != rowlib.MAP_KIND:
            entry.links = [k.lower() for k in rowlib.split_list(values.get("links", ""))]
            entry.topics = [k.lower() for k in rowlib.split_list(values.get("topics", ""))]
        if entry.kind in NEEDS_FILE and "file" not in values:
            problems.append(text("needs_file", kind=text(f"kind_word_{entry.kind}")))
        if "subtitles" in values and entry.kind not in (None, "film"):
            problems.append(text("subtitles_only_films", col=entry.col("subtitles")))
        if "lyrics" in values and entry.kind not in (None, "song"):
            problems.append(text("lyrics_only_songs", col=entry.col("lyrics")))
        elif "lyrics" not in values and entry.file is not None and entry.kind in (None, "song"):
            self._lyrics_beside(entry)
        problems += rowlib.kind_problems(entry.kind, values, sheet.headings)
        problems += self._question(entry)
        if not ({"title_zh", "title_en", "file", "upper_zh"} & set(values)):
            problems.append(text("no_title"))
        return entry, problems

    def _lyrics_beside(self, entry: Entry) -> None:
        """A song's .lrc of the same name beside its file, without a lyrics column."""
        assert entry.file is not None
        for suffix in LYRICS_SUFFIXES:
            path, _ = find_beside(entry.file.parent, entry.file.stem + suffix)
            if path is not None:
                self.claimed.add(path)
                entry.lyrics, entry.lyrics_beside = path, True
                return

    @staticmethod
    def _question(entry: Entry) -> list[Text]:
        """A question's type, options and answer (into ``quiz``); on other rows, a filled
        question column is a mistake worth a line (the row was meant as a question)."""
        if entry.kind != "question":
            used = [entry.col(c) for c in questions.QUESTION_COLUMNS if c in entry.values]
            return [text("question_columns_only", cols=Joined(used))] if used else []
        quiz, problems = questions.quiz_fields(entry.values, entry.headings)
        if quiz is not None:
            entry.fields["quiz"] = quiz
        return problems

    def _file(self, sheet: Sheet, entry: Entry, col: str) -> list[Text]:
        """Find the file a row names in ``col``; a note if its letter case differs."""
        name = str(entry.values[col]).strip()
        path, near = find_beside(sheet.path.parent, name)
        if path is None:
            # Claim what it most likely meant (files differing only in case included), so
            # that file is not imported as loose too.
            asked = (sheet.path.parent / name.replace("\\", "/")).resolve()
            self.claimed.add(asked)
            for n in near:
                candidate = (sheet.path.parent / n).resolve()
                if _fold(candidate.name) == _fold(asked.name):
                    self.claimed.add(candidate)
            if near:
                return [
                    text("file_not_found_near", col=entry.col(col), value=name, near=quoted(near))
                ]
            return [text("file_not_found", col=entry.col(col), value=name)]
        self.claimed.add(path)
        setattr(entry, col, path)
        if path.name != Path(name.replace("\\", "/")).name:
            self.report.note(
                entry.where, text("file_case_used", col=entry.col(col), value=name, found=path.name)
            )
        return []
