"""Importing songs (issue 13): their sound in every format, their .lrc lyrics in the
encodings operators have, and every bad file or line said in one line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PIL import Image

from kiosk.catalog.library import Library
from kiosk.ingest.importer import Importer, import_lines
from kiosk.ingest.lyrics import parse_lrc, read_lyrics

from songs_factories import FORMATS, SHI_HUI_YIN, make_lrc, make_song, truncate

HEADER = "编号,类型,文件,标题,作者,歌词\n"


def run(catalogue, store, *sources: Path):
    report = Importer(catalogue, store).run(list(sources))
    # the lines of what was left out or noted, without the closing summary
    return report, import_lines(report, "en")[:-1], import_lines(report, "zh")[:-1]


@pytest.mark.parametrize("suffix", sorted(FORMATS))
def test_a_song_of_each_format_imports_with_its_length_and_codec(
    catalogue, store, tmp_path, suffix
):
    folder = tmp_path / "歌曲"
    folder.mkdir()
    make_song(folder / f"石灰吟{suffix}", 2.0)
    report, en, _ = run(catalogue, store, folder)
    assert report.counts["imported"] == 1, en
    (item,) = catalogue.items(["song"])
    media = catalogue.media(item["media_id"])
    assert media["kind"] == "audio"
    assert media["duration_s"] == pytest.approx(2.0, abs=0.05)
    assert media["audio_codec"]
    assert item["title_zh"] == "石灰吟"


def test_loose_audio_without_a_kind_folder_is_a_song(catalogue, store, tmp_path):
    make_song(tmp_path / "廉政歌.flac", 1.0)
    report, en, _ = run(catalogue, store, tmp_path / "廉政歌.flac")
    assert report.counts["imported"] == 1, en
    assert [i["kind"] for i in catalogue.items(["song"])] == ["song"]


@pytest.mark.parametrize(
    ("make", "en", "zh"),
    [
        (lambda p: _cut(p, ".flac"), "the sound stops at", "就断了"),
        (lambda p: _cut(p, ".wav"), "only 50%", "50%"),
        (lambda p: _cut(p, ".mp3"), "the sound stops at", "就断了"),
        (lambda p: _cut(p, ".m4a"), "index is missing", "缺少文件索引"),
        (lambda p: _write(p.with_suffix(".mp3"), b""), "empty file (0 bytes)", "空文件"),
        (lambda p: _write(p.with_suffix(".mp3"), b"no sound\n" * 50), "not audio", "不是音频"),
    ],
)
def test_a_bad_sound_file_is_refused_in_one_line(catalogue, store, tmp_path, make, en, zh):
    folder = tmp_path / "songs"
    folder.mkdir()
    bad = make(folder / "bad")
    report, en_lines, zh_lines = run(catalogue, store, folder)
    assert report.counts["imported"] == 0
    assert len(report.rejected) == 1
    assert len(en_lines) == 1 and bad.name in en_lines[0] and en in en_lines[0], en_lines
    assert zh in zh_lines[0], zh_lines


def _cut(path: Path, suffix: str) -> Path:
    """A song cut in half, as a copy broken off would be."""
    return truncate(make_song(path.with_suffix(suffix), 3.0))


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_a_picture_or_a_film_named_as_a_song_is_refused(catalogue, store, tmp_path):
    from factories import make_video

    folder = tmp_path / "歌曲"
    folder.mkdir()
    Image.new("RGB", (64, 48), "red").save(folder / "封面.mp3", "JPEG")
    film = make_video(tmp_path / "film.mp4", 1.0)
    shutil.copy(film, folder / "影片.mp3")
    shutil.copy(make_video(tmp_path / "mute.mp4", 1.0, audio=False), folder / "无声.mp3")
    report, en, _ = run(catalogue, store, folder)
    assert report.counts["imported"] == 0
    joined = "\n".join(en)
    assert "封面.mp3" in joined and "is an image" in joined, en
    assert "影片.mp3" in joined and "a film, not a song" in joined, en
    assert "无声.mp3" in joined and "a film, not a song" in joined, en


def test_lyrics_named_by_the_sheet_in_gbk_are_stored_as_the_songs_lyrics(
    catalogue, store, paths, tmp_path
):
    make_song(tmp_path / "shi.ogg", 3.0)
    make_lrc(tmp_path / "石灰吟歌词.lrc", SHI_HUI_YIN, "gbk")
    sheet = tmp_path / "songs.csv"
    sheet.write_text(HEADER + "song-shy,歌曲,shi.ogg,石灰吟,于谦（传）,石灰吟歌词.lrc\n", "utf-8")
    report, en, _ = run(catalogue, store, sheet)
    assert report.counts["imported"] == 1, en
    work = Library(catalogue, store).work(catalogue.item("song-shy"))
    assert work.subtitles is not None and work.subtitles.suffix == ".lrc"
    lyrics = read_lyrics(work.subtitles)
    # several times on one line: the first line is sung twice
    assert [(line.start_s, line.text) for line in lyrics.lines][:3] == [
        (0.5, "千锤万凿出深山，"),
        (1.0, "烈火焚烧若等闲。"),
        (1.5, "粉骨碎身浑不怕，"),
    ]
    assert [line.text for line in lyrics.lines].count("千锤万凿出深山，") == 2
    assert lyrics.lines[-1].text == ""  # the empty line that clears the highlight
    assert catalogue.media(catalogue.item("song-shy")["subtitles_id"])["kind"] == "lyrics"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_an_lrc_beside_the_song_with_the_same_name_is_found(catalogue, store, tmp_path, encoding):
    folder = tmp_path / "歌曲"
    folder.mkdir()
    make_song(folder / "石灰吟.mp3", 3.0)
    make_lrc(folder / "石灰吟.lrc", SHI_HUI_YIN, encoding)
    report, en, _ = run(catalogue, store, folder)
    assert report.counts["imported"] == 1 and not report.rejected, en
    (item,) = catalogue.items(["song"])
    work = Library(catalogue, store).work(item)
    assert read_lyrics(work.subtitles).lines[0].text == "千锤万凿出深山，"


def test_a_sheet_row_finds_the_same_named_lrc_without_the_column(catalogue, store, tmp_path):
    tmp_path = tmp_path / "content"
    tmp_path.mkdir()
    make_song(tmp_path / "shi.wav", 3.0)
    make_lrc(tmp_path / "shi.lrc")
    sheet = tmp_path / "songs.csv"
    sheet.write_text("key,kind,file,title_zh\nsong-a,song,shi.wav,石灰吟\n", "utf-8")
    report, en, _ = run(catalogue, store, tmp_path)
    assert report.counts["imported"] == 1 and not report.rejected, en
    assert catalogue.item("song-a")["subtitles_id"] is not None


def test_a_line_with_a_bad_time_is_one_line_of_the_report_and_the_rest_is_kept(
    catalogue, store, tmp_path
):
    folder = tmp_path / "歌曲"
    folder.mkdir()
    make_song(folder / "石灰吟.flac", 3.0)
    bad = SHI_HUI_YIN.replace("[00:01.00]烈火", "[00:1x.20]烈火")
    make_lrc(folder / "石灰吟.lrc", bad)
    report, en, zh = run(catalogue, store, folder)
    assert report.counts["imported"] == 1, en
    assert len(en) == 1 and "石灰吟.lrc, line 5" in en[0] and "[00:1x.20]烈火" in en[0], en
    assert "第 5 行" in zh[0]
    (item,) = catalogue.items(["song"])
    lyrics = read_lyrics(Library(catalogue, store).work(item).subtitles)
    texts = [line.text for line in lyrics.lines]
    assert "烈火焚烧若等闲。" not in texts and "粉骨碎身浑不怕，" in texts


def test_an_lrc_without_a_usable_line_is_refused_in_one_line(catalogue, store, tmp_path):
    make_song(tmp_path / "a.mp3", 2.0)
    make_lrc(tmp_path / "words.lrc", "[ti:石灰吟]\n千锤万凿出深山\n")
    sheet = tmp_path / "songs.csv"
    sheet.write_text(HEADER + "song-a,歌曲,a.mp3,石灰吟,,words.lrc\n", "utf-8")
    report, en, _ = run(catalogue, store, sheet)
    assert report.counts["imported"] == 0
    assert len(en) == 1 and "歌词 'words.lrc'" in en[0] and "no timed line" in en[0], en


def test_lyrics_only_for_songs_and_subtitles_not_for_songs(catalogue, store, tmp_path):
    from factories import make_video

    make_video(tmp_path / "f.mp4", 1.0)
    make_song(tmp_path / "s.mp3", 1.0)
    make_lrc(tmp_path / "w.lrc")
    (tmp_path / "w.srt").write_text("1\n00:00:00,000 --> 00:00:01,000\nhi\n", "utf-8")
    sheet = tmp_path / "rows.csv"
    sheet.write_text(
        "key,kind,file,title_zh,lyrics,subtitles\n"
        "film-a,film,f.mp4,影片,w.lrc,\n"
        "song-a,song,s.mp3,歌,,w.srt\n",
        "utf-8",
    )
    report, en, _ = run(catalogue, store, sheet)
    assert report.counts["imported"] == 0
    joined = "\n".join(en)
    assert "lyrics: only songs have lyrics" in joined, en
    assert "subtitles: only films have subtitles" in joined, en


def test_an_lrc_with_no_song_beside_it_is_said(catalogue, store, tmp_path):
    folder = tmp_path / "歌曲"
    folder.mkdir()
    make_lrc(folder / "孤.lrc")
    _, en, _ = run(catalogue, store, folder)
    assert en == [en[0]] and "no song of the same name" in en[0]


@pytest.mark.parametrize(
    ("lrc", "expected"),
    [
        ("[00:12]a\n", [(12.0, "a")]),
        ("[00:12.3]a\n", [(12.3, "a")]),
        ("[00:12.34]a\n", [(12.34, "a")]),
        ("[00:12.345]a\n", [(12.345, "a")]),
        ("[00:12:50]a\n", [(12.5, "a")]),
        ("[01:02.00][00:01.00]b\n", [(1.0, "b"), (62.0, "b")]),
        ("[offset:+500]\n[00:02.00]c\n", [(1.5, "c")]),
        ("[offset:-250]\n[00:02.00]c\n", [(2.25, "c")]),
        ("[ti:x]\n[ar:y]\n[al:z]\n[by:w]\n[00:01.00]d\n", [(1.0, "d")]),
    ],
)
def test_lrc_times(lrc, expected):
    lyrics = parse_lrc(lrc)
    assert [(pytest.approx(line.start_s), line.text) for line in lyrics.lines] == expected
    assert lyrics.bad == []


def test_lrc_bad_lines_are_numbered_as_in_the_file():
    lyrics = parse_lrc("[ti:x]\n\n[00:61.00]a\n[0a:01.00]b\n[00:03.00]c\n")
    assert [(b.number, b.text) for b in lyrics.bad] == [(3, "[00:61.00]a"), (4, "[0a:01.00]b")]
    assert [line.text for line in lyrics.lines] == ["c"]
    assert lyrics.index_at(2.9) == -1 and lyrics.index_at(3.0) == 0
