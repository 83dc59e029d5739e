"""Read SRT subtitles in whatever encoding operators have, write clean UTF-8 SRT.

Accepted encodings, in order: UTF-8 (with or without BOM), UTF-16 with BOM,
GB18030 (a superset of GBK/GB2312, what Chinese Windows saves as "ANSI").
Parsing is tolerant of what editors produce (missing or wrong cue numbers,
'.' as the millisecond separator, CRLF, trailing position info) and strict
about what would show wrong on screen (unreadable times, a cue ending before
it starts).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from kiosk.ingest.errors import RejectedFile

_TIMESTAMP = r"(\d{1,3}):([0-5]?\d):([0-5]?\d)[,.](\d{1,3})"
_TIMING = re.compile(rf"^\s*{_TIMESTAMP}\s*-->\s*{_TIMESTAMP}(?:\s.*)?$")
#: Control characters other than tab/newlines betray a binary file.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class _Cue:
    start_ms: int
    end_ms: int
    lines: tuple[str, ...]


def normalise_srt(src: Path, dest: Path) -> int:
    """Write ``src`` as normalised SRT (UTF-8, no BOM, \\n newlines) to ``dest``.

    Returns the number of cues. Raises RejectedFile for undecodable text, a
    file with no cues, or a cue with an unreadable time or one that ends
    before it starts.
    """
    text = _decode(src.read_bytes())
    cues = _parse(text)
    if not cues:
        raise RejectedFile("srt_no_cues")
    dest.write_bytes(_format(cues).encode("utf-8"))
    return len(cues)


def _decode(data: bytes) -> str:
    if not data:
        raise RejectedFile("file_empty")
    if data.startswith(codecs.BOM_UTF8):
        candidates: tuple[str, ...] = ("utf-8-sig",)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ("utf-16",)
    else:
        candidates = ("utf-8", "gb18030")
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _CONTROL.search(text):
            break
        return text
    raise RejectedFile("srt_encoding")


def _parse(text: str) -> list[_Cue]:
    cues: list[_Cue] = []
    start = end = None
    lines: list[str] = []

    def finish(*, before_next: bool) -> None:
        if start is None or end is None:
            return
        body = [line for line in lines if line]
        if before_next and body and body[-1].isdigit():
            # The next cue's number, unless it is this cue's only text ("1949")
            # written without a blank line before the next cue.
            blank_before = len(lines) >= 2 and lines[-2] == "" and lines[-1] == body[-1]
            if len(body) > 1 or blank_before:
                body.pop()
        if body:
            cues.append(_Cue(start, end, tuple(body)))

    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if "-->" not in line:
            lines.append(line)
            continue
        match = _TIMING.match(line)
        if match is None:
            raise RejectedFile("srt_bad_times", line=number, text=line[:60])
        finish(before_next=True)
        groups = match.groups()
        start, end, lines = _ms(groups[:4]), _ms(groups[4:]), []
        if end < start:
            raise RejectedFile("srt_backwards", line=number, start=_stamp(start), end=_stamp(end))
    finish(before_next=False)
    return cues


def _ms(parts: tuple[str, ...]) -> int:
    hours, minutes, seconds, fraction = parts
    millis = int(fraction.ljust(3, "0"))  # ",5" means half a second
    return ((int(hours) * 60 + int(minutes)) * 60 + int(seconds)) * 1000 + millis


def _stamp(ms: int) -> str:
    hours, ms = divmod(ms, 3_600_000)
    minutes, ms = divmod(ms, 60_000)
    seconds, ms = divmod(ms, 1000)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d},{ms:03d}"


def _format(cues: list[_Cue]) -> str:
    blocks = [
        f"{n}\n{_stamp(cue.start_ms)} --> {_stamp(cue.end_ms)}\n" + "\n".join(cue.lines) + "\n"
        for n, cue in enumerate(cues, start=1)
    ]
    return "\n".join(blocks)
