"""Read LRC lyrics in whatever encoding operators have; write them clean (UTF-8, one time a line).

No PyPI parser was sound enough for this (pylrc is unmaintained since 2020 and
stops at the first bad tag; the others read neither GBK nor say which line is
wrong), so this is a small one of our own. Accepted: UTF-8 with or without BOM
and GB18030 (a superset of GBK/GB2312, Chinese Windows' "ANSI"); several times
before one line (``[00:12.30][01:02.00]text``); ``[mm:ss]``, ``[mm:ss.xx]``,
``[mm:ss.xxx]`` (and ``:`` before the fraction); ``[offset:±ms]`` (a positive
offset shows the lines sooner). Metadata tags (``[ti:]``, ``[ar:]`` …) are
ignored. A line whose time cannot be read is left out and said once (its line
number as in the file); a file with no timed line is refused.

``parse_lrc`` is also how the lyrics screen reads the stored copy: pure Python,
nothing heavy imported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.ingest.errors import RejectedFile
from kiosk.ingest.subtitles import _decode as decode_subtitles

#: Suffixes of lyrics files found beside a song.
LYRICS_SUFFIXES = (".lrc",)

_TAG = re.compile(r"\[([^\[\]]*)\]")
_TIME = re.compile(r"^\s*(\d{1,3}):(\d{1,2})(?:[.:](\d{1,3}))?\s*$")
_META = re.compile(r"^\s*([A-Za-z#][A-Za-z0-9_#-]*)\s*:(.*)$")
_OFFSET = re.compile(r"^[+-]?\d+$")


@dataclass(frozen=True)
class LyricLine:
    start_s: float
    text: str  # empty: nothing sung (clears the highlight)


@dataclass(frozen=True)
class BadLine:
    number: int  # 1-based, as an editor shows it
    text: str


@dataclass
class Lyrics:
    lines: list[LyricLine] = field(default_factory=list)  # in time order
    bad: list[BadLine] = field(default_factory=list)

    @property
    def usable(self) -> bool:
        return any(line.text for line in self.lines)

    def index_at(self, seconds: float) -> int:
        """The line sung at ``seconds`` (-1 before the first)."""
        lo, hi = 0, len(self.lines)
        while lo < hi:  # the last line starting at or before ``seconds``
            mid = (lo + hi) // 2
            if self.lines[mid].start_s <= seconds:
                lo = mid + 1
            else:
                hi = mid
        return lo - 1


class LyricsUnreadable(ValueError):
    """The bytes are not text in an encoding we know."""


def decode_lrc(data: bytes) -> str:
    """The text of an .lrc, in the encodings subtitles are read in."""
    try:
        return decode_subtitles(data)
    except RejectedFile:
        raise LyricsUnreadable("not LRC text") from None


def parse_lrc(text: str) -> Lyrics:
    """Timed lines and the lines that could not be read."""
    lyrics = Lyrics()
    offset_ms = 0
    timed: list[tuple[int, int, str]] = []  # (ms, order, text)
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        times, pos, bad = [], 0, False
        while (tag := _TAG.match(line, pos)) is not None:
            inside = tag.group(1)
            if (t := _TIME.match(inside)) is not None and int(t.group(2)) < 60:
                minutes, seconds, fraction = t.groups()
                ms = int((fraction or "0").ljust(3, "0")[:3])  # ".5" is half a second
                times.append((int(minutes) * 60 + int(seconds)) * 1000 + ms)
            elif (m := _META.match(inside)) is not None and not times:
                if m.group(1).lower() == "offset" and _OFFSET.match(m.group(2).strip()):
                    offset_ms = int(m.group(2).strip())
            else:
                bad = True
                break
            pos = tag.end()
        words = line[pos:].strip()
        if bad or (not times and (words or pos == 0)):
            lyrics.bad.append(BadLine(number, line[:60]))
            continue
        timed += [(ms, len(timed), words) for ms in times]
    timed.sort()
    lyrics.lines = [LyricLine(max(0, ms - offset_ms) / 1000.0, words) for ms, _, words in timed]
    return lyrics


def read_lyrics(path: Path) -> Lyrics:
    """The lyrics in ``path`` (an empty ``Lyrics`` when the file cannot be read)."""
    try:
        return parse_lrc(decode_lrc(path.read_bytes()))
    except (OSError, LyricsUnreadable):
        return Lyrics()


def format_lrc(lyrics: Lyrics) -> str:
    """Clean LRC: one time per line, in time order, offset applied."""
    out = []
    for line in lyrics.lines:
        ms = round(line.start_s * 1000)
        minutes, ms = divmod(ms, 60_000)
        seconds, ms = divmod(ms, 1000)
        out.append(f"[{minutes:02d}:{seconds:02d}.{ms:03d}]{line.text}\n")
    return "".join(out)


def normalise_lrc(src: Path, dest: Path) -> Lyrics:
    """Write ``src`` as clean LRC to ``dest``; its lyrics (with the lines left out).

    RejectedFile (one line) for an empty or undecodable file, or one without a timed line.
    """
    data = src.read_bytes()
    if not data:
        raise RejectedFile("file_empty")
    try:
        lyrics = parse_lrc(decode_lrc(data))
    except LyricsUnreadable:
        raise RejectedFile("lrc_encoding") from None
    if not lyrics.usable:
        raise RejectedFile("lrc_no_lines")
    dest.write_bytes(format_lrc(lyrics).encode("utf-8"))
    return lyrics
