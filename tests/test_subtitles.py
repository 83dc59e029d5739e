"""kiosk.ingest.subtitles: SRT in the encodings operators really have."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.ingest.errors import RejectedFile
from kiosk.ingest.subtitles import normalise_srt

from factories import make_srt, write_bytes

CUES = [
    (0.0, 1.5, "第一句字幕"),
    (1.5, 3.25, "廉者，政之本也"),
    (3.25, 3661.007, "天知，神知，我知，子知\nHeaven knows, the spirits know"),
]

EXPECTED = (
    "1\n00:00:00,000 --> 00:00:01,500\n第一句字幕\n\n"
    "2\n00:00:01,500 --> 00:00:03,250\n廉者，政之本也\n\n"
    "3\n00:00:03,250 --> 01:01:01,007\n天知，神知，我知，子知\nHeaven knows, the spirits know\n"
)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-be", "gb18030"])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_encodings_are_normalised_to_utf8(tmp_path: Path, encoding: str, newline: str) -> None:
    if encoding == "utf-16-be":  # big-endian with its BOM
        src = tmp_path / "film.srt"
        text = make_srt(tmp_path / "tmp.srt", CUES, "utf-8", newline=newline).read_text("utf-8")
        src.write_bytes(b"\xfe\xff" + text.encode("utf-16-be"))
    else:
        src = make_srt(tmp_path / "film.srt", CUES, encoding, newline=newline)
    dest = tmp_path / "out.srt"

    assert normalise_srt(src, dest) == 3

    data = dest.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    assert b"\r" not in data
    assert data.decode("utf-8") == EXPECTED


def test_gbk_from_a_chinese_windows_editor(tmp_path: Path) -> None:
    src = write_bytes(
        tmp_path / "film.srt",
        "1\r\n00:00:01,000 --> 00:00:02,000\r\n清风展陈 欢迎参观\r\n".encode("gbk"),
    )
    dest = tmp_path / "out.srt"

    assert normalise_srt(src, dest) == 1
    assert "清风展陈 欢迎参观" in dest.read_text(encoding="utf-8")


def test_tolerates_what_editors_write(tmp_path: Path) -> None:
    src = write_bytes(
        tmp_path / "film.srt",
        (
            "\n\n"
            "00:00:01.5 --> 00:00:02.000 X1:10 X2:100 Y1:10 Y2:50\n"  # no number, '.' and position
            "  第一句  \n"
            "\n\n"
            "7\n"  # wrong number
            "0:00:03,000-->0:00:04,000\n"
            "第二句\n"
            "\n"
            "8\n"
            "00:00:05,000 --> 00:00:06,000\n"
            "1949\n"  # a cue whose only text is a number
            "\n"
            "9\n"
            "00:00:07,000 --> 00:00:08,000\n"
            "\n"  # an empty cue is dropped
            "10\n"
            "00:00:09,000 --> 00:00:10,000\n"
            "最后一句\n"
            "第二行\n"
        ).encode(),
    )
    dest = tmp_path / "out.srt"

    assert normalise_srt(src, dest) == 4
    assert dest.read_text(encoding="utf-8") == (
        "1\n00:00:01,500 --> 00:00:02,000\n第一句\n\n"
        "2\n00:00:03,000 --> 00:00:04,000\n第二句\n\n"
        "3\n00:00:05,000 --> 00:00:06,000\n1949\n\n"
        "4\n00:00:09,000 --> 00:00:10,000\n最后一句\n第二行\n"
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", r"^empty file \(0 bytes\)$"),
        (bytes(range(256)) * 8, r"^not readable as text"),
        (b"\x00\x01\x02\x03PK\x03\x04" + bytes(100), r"^not readable as text"),
        ("这只是一段文字，没有字幕。\n".encode(), r"^no subtitle cues found"),
        (
            "1\n00:00:05,000 --> 00:00:04,000\n倒着的字幕\n".encode(),
            r"^line 2: the cue ends before it starts \(00:00:05,000 --> 00:00:04,000\)$",
        ),
        (
            "1\n00:00:01 --> 00:00:02\n没有毫秒\n".encode(),
            r"^line 2: unreadable cue times: 00:00:01 --> 00:00:02$",
        ),
    ],
)
def test_bad_subtitles_are_rejected(tmp_path: Path, content: bytes, message: str) -> None:
    src = write_bytes(tmp_path / "film.srt", content)
    dest = tmp_path / "out.srt"

    with pytest.raises(RejectedFile, match=message):
        normalise_srt(src, dest)
    assert not dest.exists()
