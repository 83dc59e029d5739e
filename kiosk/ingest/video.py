"""Probe and validate films, and grab their poster frames (PyAV; no libvlc, no Qt).

``probe_video`` really validates a film: it opens the container, demuxes every
packet (no decoding — cheap, I/O bound) to see that the data reaches the
declared duration, and decodes the first few frames to prove the codec works.
``make_video_renditions`` writes ``poster.jpg`` (a representative, non-black
frame) and ``thumb.jpg`` made from it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av
import av.logging
from PIL import Image, ImageStat

from kiosk.ingest.content import declared_size, describe_content
from kiosk.ingest.errors import RejectedFile
from kiosk.ingest.images import Rendition
from kiosk.strings import text

POSTER_BOX = (1920, 1080)
THUMB_BOX = (480, 480)
JPEG_QUALITY = 88

#: Frames decoded at the start to prove the codec works.
PROBE_FRAMES = 5
#: A film whose packets stop earlier than its declared duration by more than
#: this fraction of it (clamped to the bounds below, in seconds) is truncated.
TRUNCATION_TOLERANCE = 0.01
TRUNCATION_TOLERANCE_MIN_S = 0.5
TRUNCATION_TOLERANCE_MAX_S = 5.0

#: Poster candidates, as fractions of the duration; the first is at least
#: ``POSTER_MIN_S`` in (never past half-way). Black or flat frames (fades,
#: title cards on black) are skipped.
POSTER_FRACTIONS = (0.10, 0.25, 0.50, 0.75)
POSTER_MIN_S = 1.0
#: Mean luma below this (0–255) counts as black ...
BLACK_MEAN = 20.0
#: ... and so does a frame with almost no contrast.
FLAT_STDDEV = 4.0

#: Frames decoded after a seek at most, looking for the target time.
_MAX_FRAMES_AFTER_SEEK = 600
_HEAD_BYTES = 4096
_IMAGE_DEMUXERS = frozenset({"image2", "gif", "apng", "webp", "ico", "bmp", "tiff"})


@dataclass(frozen=True)
class VideoInfo:
    container: str  # PyAV's format.name, e.g. "mov,mp4,m4a,3gp,3g2,mj2"
    duration_s: float
    width: int
    height: int
    video_codec: str  # e.g. "h264"
    audio_codec: str | None  # None when there is no audio stream
    fps: float | None


def sniff_video(path: Path) -> bool:
    """Cheap: does the file open as a container with a (non-cover-art) video stream?"""
    try:
        with _quiet_ffmpeg(), av.open(str(path)) as container:
            return _main_video_stream(container) is not None
    except (av.error.FFmpegError, OSError, ValueError):
        return False


def probe_video(src: Path) -> VideoInfo:
    """Validate ``src`` and describe it. RejectedFile (one short line) on any problem."""
    size = src.stat().st_size
    if size == 0:
        raise RejectedFile("file_empty")
    with src.open("rb") as fh:
        declared = declared_size(fh.read(_HEAD_BYTES))
    if declared is not None and size < declared:
        raise RejectedFile("video_shorter_than_header", percent=size * 100 // declared)
    with _quiet_ffmpeg(), _open(src) as container:
        if _is_still_image(container):
            raise RejectedFile("not_video", what=text("content_image"))
        stream = _main_video_stream(container)
        if stream is None:
            has_audio = bool(container.streams.audio)
            raise RejectedFile("video_audio_only" if has_audio else "video_no_stream")
        ctx = stream.codec_context
        if not ctx.width or not ctx.height:
            raise RejectedFile("video_no_size")
        duration = _declared_duration(container, stream)
        if duration is None:
            raise RejectedFile("video_no_duration")
        if duration <= 0:
            raise RejectedFile("video_zero_duration")
        audio = container.streams.audio[0] if container.streams.audio else None
        info = VideoInfo(
            container=container.format.name,
            duration_s=duration,
            width=ctx.width,
            height=ctx.height,
            video_codec=ctx.name,
            audio_codec=audio.codec_context.name if audio is not None else None,
            fps=_fps(stream),
        )
        reached = _demux_and_decode_start(container, stream, info.video_codec)
    tolerance = min(
        max(duration * TRUNCATION_TOLERANCE, TRUNCATION_TOLERANCE_MIN_S),
        TRUNCATION_TOLERANCE_MAX_S,
    )
    if reached < duration - tolerance:
        raise RejectedFile("video_truncated", reached=f"{reached:.1f}", duration=f"{duration:.1f}")
    return info


def make_video_renditions(src: Path, out_dir: Path, info: VideoInfo) -> tuple[Rendition, ...]:
    """Write ``poster.jpg`` (fits 1920×1080) and ``thumb.jpg`` (fits 480×480) into ``out_dir``."""
    with _quiet_ffmpeg(), _open(src) as container:
        stream = _main_video_stream(container)
        if stream is None:
            raise RejectedFile("video_no_stream")
        poster = _poster_frame(container, stream, info.duration_s)
    poster = _fit(poster, POSTER_BOX)
    return (_save(poster, out_dir, "poster"), _save(_fit(poster, THUMB_BOX), out_dir, "thumb"))


# --------------------------------------------------------------------------- probing


@contextlib.contextmanager
def _quiet_ffmpeg() -> Iterator[None]:
    """Keep FFmpeg's log lines off stderr while we work (restoring the caller's level)."""
    previous = av.logging.get_level()
    av.logging.set_level(None)
    try:
        yield
    finally:
        av.logging.set_level(previous)


@contextlib.contextmanager
def _open(src: Path) -> Iterator[av.container.InputContainer]:
    try:
        container = av.open(str(src), metadata_errors="ignore")
    except av.error.FFmpegError:
        raise _unopenable(src) from None
    except (OSError, ValueError) as exc:
        raise RejectedFile("file_cannot_open", why=_short(exc)) from None
    with container:
        yield container


def _unopenable(src: Path) -> RejectedFile:
    with src.open("rb") as fh:
        head = fh.read(_HEAD_BYTES)
    if head[4:8] == b"ftyp":  # an MP4/MOV whose index (moov) is missing
        return RejectedFile("video_no_index")
    return RejectedFile("not_video", what=text(describe_content(head)))


def _is_still_image(container: av.container.InputContainer) -> bool:
    """FFmpeg opens pictures (PNG, JPEG, GIF…) as one-frame "videos"."""
    name = container.format.name
    return name.endswith("_pipe") or name in _IMAGE_DEMUXERS


def _main_video_stream(container: av.container.InputContainer) -> av.VideoStream | None:
    """The first video stream that is not embedded cover art."""
    for stream in container.streams.video:
        if not stream.disposition & av.stream.Disposition.attached_pic:
            return stream
    return None


def _declared_duration(
    container: av.container.InputContainer, stream: av.VideoStream
) -> float | None:
    if container.duration is not None:
        return container.duration / av.time_base
    if stream.duration is not None and stream.time_base is not None:
        return float(stream.duration * stream.time_base)
    return None


def _fps(stream: av.VideoStream) -> float | None:
    rate = stream.average_rate or stream.guessed_rate
    return float(rate) if rate else None


def _demux_and_decode_start(
    container: av.container.InputContainer, video: av.VideoStream, codec: str
) -> float:
    """Demux every packet, decoding the first few video frames.

    Returns the latest time (s, from the container's start) any packet
    reaches. Rejects undecodable or damaged streams.
    """
    origin = (container.start_time or 0) / av.time_base
    reached = 0.0
    frames = 0
    try:
        for packet in container.demux():
            if packet.stream.type not in ("video", "audio"):
                continue
            stamp = packet.pts if packet.pts is not None else packet.dts
            if stamp is not None and packet.time_base is not None:
                end = (stamp + (packet.duration or 0)) * packet.time_base
                reached = max(reached, float(end) - origin)
            if packet.stream is video and frames < PROBE_FRAMES:
                frames += len(packet.decode())
        if frames == 0:  # decoders with delay hand frames out only when flushed
            frames = len(video.codec_context.decode(None))
    except av.error.FFmpegError as exc:
        raise RejectedFile("video_damaged", why=_short(exc)) from None
    if frames == 0:
        raise RejectedFile("video_undecodable", codec=codec)
    return reached


# --------------------------------------------------------------------------- poster


def _poster_frame(
    container: av.container.InputContainer, stream: av.VideoStream, duration: float
) -> Image.Image:
    """The first non-black frame among the candidate times (else the brightest seen)."""
    first = min(max(duration * POSTER_FRACTIONS[0], POSTER_MIN_S), duration / 2)
    times = [first, *(duration * f for f in POSTER_FRACTIONS[1:] if duration * f > first)]
    best: tuple[float, Image.Image] | None = None
    for t in times:
        image = _frame_at(container, stream, t)
        if image is None:
            continue
        mean, spread = _luma_stats(image)
        if mean >= BLACK_MEAN and spread >= FLAT_STDDEV:
            return image
        if best is None or mean > best[0]:
            best = (mean, image)
    if best is None:
        raise RejectedFile("video_no_frame")
    return best[1]


def _frame_at(
    container: av.container.InputContainer, stream: av.VideoStream, seconds: float
) -> Image.Image | None:
    """The first frame at or after ``seconds`` (or the last one before the end)."""
    try:
        container.seek(int(seconds * av.time_base), backward=True, any_frame=False)
        last = None
        for n, frame in enumerate(container.decode(stream)):
            last = frame
            if (frame.time is not None and frame.time >= seconds) or n >= _MAX_FRAMES_AFTER_SEEK:
                break
    except av.error.FFmpegError:
        return None
    if last is None:
        return None
    return _upright_image(
        last, stream.sample_aspect_ratio or stream.codec_context.sample_aspect_ratio
    )


def _upright_image(frame: av.VideoFrame, sar: Fraction | None) -> Image.Image:
    """RGB picture as the viewer should see it: pixel aspect and display rotation applied."""
    image = frame.to_image()
    if sar and sar != 1:
        image = image.resize(
            (max(1, round(image.width * sar)), image.height), Image.Resampling.BICUBIC
        )
    rotation = round(frame.rotation or 0) % 360
    if rotation:  # counter-clockwise degrees, as PIL's rotate expects
        image = image.rotate(rotation, expand=True)
    return image


def _luma_stats(image: Image.Image) -> tuple[float, float]:
    small = image.convert("L")
    small.thumbnail((160, 160))
    stat = ImageStat.Stat(small)
    return stat.mean[0], stat.stddev[0]


def _fit(image: Image.Image, box: tuple[int, int]) -> Image.Image:
    scale = min(1.0, box[0] / image.width, box[1] / image.height)
    if scale >= 1.0:
        return image
    size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    return image.resize(size, Image.Resampling.LANCZOS, reducing_gap=2.0)


def _save(image: Image.Image, out_dir: Path, role: str) -> Rendition:
    name = f"{role}.jpg"
    path = out_dir / name
    image.save(path, "JPEG", quality=JPEG_QUALITY, optimize=False, progressive=False)
    return Rendition(role, name, image.width, image.height, path.stat().st_size)


def _short(exc: BaseException) -> str:
    """An FFmpeg error as a few words, without the file name."""
    text = getattr(exc, "strerror", None) or str(exc).split(":")[0]
    return str(text).strip().rstrip(".")[:80] or type(exc).__name__
