"""Probe and validate songs' audio files (PyAV; no libvlc, no Qt).

Like films (``video.py``): the container is opened, every packet demuxed to see
that the data reaches the declared duration (a file cut short in copying is
refused), and the first frames decoded to prove the codec works. A picture, a
film or anything else with a suffix of sound is refused in one line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import av

from kiosk.ingest.content import declared_size, describe_content
from kiosk.ingest.errors import RejectedFile
from kiosk.ingest.video import (
    TRUNCATION_TOLERANCE,
    TRUNCATION_TOLERANCE_MAX_S,
    TRUNCATION_TOLERANCE_MIN_S,
    _is_still_image,
    _main_video_stream,
    _quiet_ffmpeg,
    _short,
)
from kiosk.strings import text

#: What operators' songs come as (a file with one of these is probed as sound).
AUDIO_SUFFIXES = frozenset({".mp3", ".ogg", ".oga", ".flac", ".wav", ".m4a", ".aac", ".opus"})
#: Frames decoded at the start to prove the codec works.
PROBE_FRAMES = 5
_HEAD_BYTES = 4096


@dataclass(frozen=True)
class AudioInfo:
    container: str  # as recorded: "mp3", "ogg", "flac", "wav", "m4a", …
    duration_s: float
    codec: str  # e.g. "mp3", "vorbis", "flac", "pcm_s16le", "aac"
    sample_rate: int
    channels: int


def sniff_audio(path: Path) -> bool:
    """Cheap: does the file open as sound only (no picture but cover art)?"""
    try:
        with _quiet_ffmpeg(), av.open(str(path)) as container:
            return (
                not _is_still_image(container)
                and _main_video_stream(container) is None
                and bool(container.streams.audio)
            )
    except (av.error.FFmpegError, OSError, ValueError):
        return False


def probe_audio(src: Path) -> AudioInfo:
    """Validate ``src`` and describe it. RejectedFile (one short line) on any problem."""
    size = src.stat().st_size
    if size == 0:
        raise RejectedFile("file_empty")
    with src.open("rb") as fh:
        head = fh.read(_HEAD_BYTES)
    declared = declared_size(head)
    if declared is not None and size < declared:
        raise RejectedFile("audio_shorter_than_header", percent=size * 100 // declared)
    try:
        container = av.open(str(src), metadata_errors="ignore")
    except av.error.FFmpegError:
        if head[4:8] == b"ftyp":  # an M4A whose index (moov) is missing
            raise RejectedFile("audio_no_index") from None
        raise RejectedFile("not_audio", what=text(describe_content(head))) from None
    except (OSError, ValueError) as exc:
        raise RejectedFile("file_cannot_open", why=_short(exc)) from None
    with _quiet_ffmpeg(), container:
        if _is_still_image(container):
            raise RejectedFile("not_audio", what=text("content_image"))
        if _main_video_stream(container) is not None:
            raise RejectedFile("audio_is_film")
        if not container.streams.audio:
            raise RejectedFile("audio_no_stream")
        stream = container.streams.audio[0]
        duration = _duration(container, stream)
        if duration is None:
            raise RejectedFile("video_no_duration")
        if duration <= 0:
            raise RejectedFile("video_zero_duration")
        ctx = stream.codec_context
        info = AudioInfo(
            container=_format_name(container.format.name, src),
            duration_s=duration,
            codec=ctx.name,
            sample_rate=int(ctx.sample_rate or 0),
            channels=int(ctx.channels or 0),
        )
        reached = _demux_and_decode_start(container, stream)
    tolerance = min(
        max(duration * TRUNCATION_TOLERANCE, TRUNCATION_TOLERANCE_MIN_S),
        TRUNCATION_TOLERANCE_MAX_S,
    )
    if reached < duration - tolerance:
        raise RejectedFile("audio_truncated", reached=f"{reached:.1f}", duration=f"{duration:.1f}")
    return info


def _format_name(name: str, src: Path) -> str:
    first = name.split(",")[0].lower()
    if first == "mov":  # PyAV names MP4-family audio "mov,mp4,m4a,…"
        return "m4a" if src.suffix.lower() != ".mp4" else "mp4"
    return first


def _duration(container: av.container.InputContainer, stream: av.AudioStream) -> float | None:
    if stream.duration is not None and stream.time_base is not None:
        return float(stream.duration * stream.time_base)
    if container.duration is not None:
        return container.duration / av.time_base
    return None


def _demux_and_decode_start(container: av.container.InputContainer, audio: av.AudioStream) -> float:
    """Demux every packet of ``audio``, decoding the first few; the latest time reached (s)."""
    origin = (
        float(audio.start_time * audio.time_base)
        if audio.start_time is not None and audio.time_base is not None
        else 0.0
    )
    reached = 0.0
    frames = 0
    try:
        for packet in container.demux(audio):
            stamp = packet.pts if packet.pts is not None else packet.dts
            if stamp is not None and packet.time_base is not None:
                end = (stamp + (packet.duration or 0)) * packet.time_base
                reached = max(reached, float(end) - origin)
            if frames < PROBE_FRAMES:
                frames += len(packet.decode())
        if frames == 0:
            frames = len(audio.codec_context.decode(None))
    except av.error.FFmpegError as exc:
        raise RejectedFile("audio_damaged", why=_short(exc)) from None
    if frames == 0:
        raise RejectedFile("audio_undecodable", codec=audio.codec_context.name)
    return reached
