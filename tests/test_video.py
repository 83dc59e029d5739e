"""kiosk.ingest.video on real (tiny) H.264/AAC films made by the factories."""

from __future__ import annotations

from pathlib import Path

import av
import av.logging
import pytest
from PIL import Image, ImageStat

from kiosk.ingest.errors import RejectedFile
from kiosk.ingest.video import VideoInfo, make_video_renditions, probe_video, sniff_video

from factories import make_audio, make_video, truncate, write_bytes


@pytest.fixture(scope="module")
def film(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_video(tmp_path_factory.mktemp("films") / "film.mp4", seconds=3.0)


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    path = tmp_path / "out"
    path.mkdir()
    return path


def mean_luma(path: Path) -> float:
    with Image.open(path) as im:
        return ImageStat.Stat(im.convert("L")).mean[0]


# --------------------------------------------------------------------------- probing


def test_probe_describes_a_good_film(film: Path) -> None:
    info = probe_video(film)

    assert info.container == "mov,mp4,m4a,3gp,3g2,mj2"
    assert info.duration_s == pytest.approx(3.0, abs=0.1)
    assert (info.width, info.height) == (320, 240)
    assert info.video_codec == "h264"
    assert info.audio_codec == "aac"
    assert info.fps == pytest.approx(25.0)


def test_film_without_sound(tmp_path: Path) -> None:
    info = probe_video(make_video(tmp_path / "silent.mp4", audio=False, size=(160, 90)))

    assert info.audio_codec is None
    assert (info.width, info.height) == (160, 90)
    assert info.duration_s == pytest.approx(2.0, abs=0.1)


def test_index_at_the_end_is_fine_when_whole(tmp_path: Path) -> None:
    info = probe_video(make_video(tmp_path / "camera.mp4", faststart=False))

    assert info.duration_s == pytest.approx(2.0, abs=0.1)


def test_audio_only_is_rejected(tmp_path: Path) -> None:
    src = make_audio(tmp_path / "speech.m4a")

    with pytest.raises(RejectedFile, match=r"^no video stream \(audio only\)$"):
        probe_video(src)
    assert sniff_video(src) is False


def test_truncated_faststart_film_is_rejected(tmp_path: Path) -> None:
    # With the index at the front the cut file opens; the packets stop early.
    whole = make_video(tmp_path / "film.mp4", seconds=4.0, faststart=True)
    cut = truncate(whole, 0.5)

    with pytest.raises(RejectedFile) as caught:
        probe_video(cut)

    message = str(caught.value)
    assert message.startswith("truncated video: stops at ")
    assert message.endswith(" s of 4.0 s")
    stops_at = float(message.removeprefix("truncated video: stops at ").split(" ")[0])
    assert 0.5 < stops_at < 3.0


def test_truncated_film_with_index_at_the_end_is_rejected(tmp_path: Path) -> None:
    cut = truncate(make_video(tmp_path / "film.mp4", faststart=False), 0.5)

    with pytest.raises(RejectedFile, match=r"^truncated or damaged video: the file's index"):
        probe_video(cut)


def test_text_named_mp4_is_rejected(tmp_path: Path) -> None:
    src = write_bytes(tmp_path / "film.mp4", "警示教育片 片单\nfilm list\n".encode())

    with pytest.raises(RejectedFile) as caught:
        probe_video(src)

    assert str(caught.value) == "not a video: the content is text"
    assert sniff_video(src) is False


def test_zero_byte_film_is_rejected(tmp_path: Path) -> None:
    src = write_bytes(tmp_path / "film.mp4", b"")

    with pytest.raises(RejectedFile, match=r"^empty file \(0 bytes\)$"):
        probe_video(src)


def test_an_image_named_mp4_is_not_a_film(tmp_path: Path) -> None:
    src = tmp_path / "film.mp4"
    Image.new("RGB", (64, 48), "red").save(src, "PNG")

    # FFmpeg opens a PNG as a one-frame "video"
    with pytest.raises(RejectedFile, match=r"^not a video: the content is an image$"):
        probe_video(src)


def test_sniff_video(film: Path, tmp_path: Path) -> None:
    assert sniff_video(film) is True
    assert sniff_video(write_bytes(tmp_path / "empty.mp4", b"")) is False


def test_ffmpeg_logging_stays_quiet_and_is_restored(
    tmp_path: Path, capfd: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    src = write_bytes(tmp_path / "film.mp4", b"plain text, not a film\n")
    previous = av.logging.get_level()
    av.logging.set_level(av.logging.VERBOSE)  # as if another module turned it on
    try:
        with pytest.raises(RejectedFile):
            probe_video(src)
        assert av.logging.get_level() == av.logging.VERBOSE
    finally:
        av.logging.set_level(previous)
    # PyAV forwards FFmpeg's lines to the "libav.*" loggers once a level is set
    assert [r for r in caplog.records if r.name.startswith("libav")] == []
    assert capfd.readouterr().err == ""


# --------------------------------------------------------------------------- renditions


def test_poster_and_thumb(film: Path, out_dir: Path) -> None:
    info = probe_video(film)

    renditions = make_video_renditions(film, out_dir, info)

    assert [r.role for r in renditions] == ["poster", "thumb"]
    for r in renditions:
        path = out_dir / r.path
        assert path.stat().st_size == r.bytes
        with Image.open(path) as im:
            assert im.format == "JPEG"
            assert im.size == (r.width, r.height)
    assert sorted(p.name for p in out_dir.iterdir()) == ["poster.jpg", "thumb.jpg"]


def test_poster_skips_a_black_opening(tmp_path: Path, out_dir: Path) -> None:
    # 2.5 s of black at the start of a 5 s film: 10 % / 1 s / 25 % are all black
    src = make_video(tmp_path / "fade.mp4", seconds=5.0, black_lead_s=2.5, audio=False)

    make_video_renditions(src, out_dir, probe_video(src))

    assert mean_luma(out_dir / "poster.jpg") > 40
    assert mean_luma(out_dir / "thumb.jpg") > 40


def test_poster_and_thumb_are_fitted(tmp_path: Path, out_dir: Path) -> None:
    src = make_video(tmp_path / "hd.mp4", seconds=1.0, size=(2560, 1440), fps=10, audio=False)

    poster, thumb = make_video_renditions(src, out_dir, probe_video(src))

    assert (poster.width, poster.height) == (1920, 1080)
    assert (thumb.width, thumb.height) == (480, 270)


def test_poster_is_upright_for_a_rotated_phone_film(tmp_path: Path, out_dir: Path) -> None:
    src = make_video(tmp_path / "phone.mp4", size=(320, 240), rotation=90, audio=False)
    info = probe_video(src)
    assert (info.width, info.height) == (320, 240)  # as stored

    poster, _thumb = make_video_renditions(src, out_dir, info)

    assert (poster.width, poster.height) == (240, 320)  # as shown


def test_renditions_of_a_short_film(tmp_path: Path, out_dir: Path) -> None:
    src = make_video(tmp_path / "short.mp4", seconds=0.4, audio=False)
    info = probe_video(src)

    poster, _thumb = make_video_renditions(src, out_dir, info)

    assert isinstance(info, VideoInfo)
    assert (poster.width, poster.height) == (320, 240)
    assert mean_luma(out_dir / poster.path) > 40
