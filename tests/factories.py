"""Real, tiny media files for tests (no mocks).

Every factory writes a genuine file that Pillow, FFmpeg (PyAV) or a text
reader would accept, and returns its path. They are fast: a 2 s 320×240
H.264+AAC film takes a fraction of a second.

- ``make_image``  — JPEG/PNG/TIFF/WEBP/GIF/BMP in modes RGB, RGBA, P, L, LA,
  CMYK, I;16, optionally with an EXIF orientation tag.
- ``make_bomb_png`` — a PNG whose header declares a huge size but whose data
  is tiny (a decompression-bomb stand-in, made in microseconds).
- ``make_video``  — H.264 (+ optional AAC) MP4 with a moving bar, the frame
  number drawn on every frame and a sine tone; other containers and codecs on
  request (tests/formats_factories.py names the old ones operators get).
- ``make_audio``  — AAC-only .m4a (a "film" with no picture).
- ``make_srt``    — SRT subtitles in any text encoding.
- ``truncate``    — a cut-off copy of a file, written beside it.
"""

from __future__ import annotations

import math
import struct
import zlib
from collections.abc import Iterable, Sequence
from fractions import Fraction
from pathlib import Path

import av
import numpy as np
from PIL import Image, ImageDraw

_FORMATS_BY_SUFFIX = {
    ".jpg": "JPEG",
    ".jpeg": "JPEG",
    ".png": "PNG",
    ".tif": "TIFF",
    ".tiff": "TIFF",
    ".webp": "WEBP",
    ".gif": "GIF",
    ".bmp": "BMP",
}

_DEFAULT_COLORS = {
    "RGB": (178, 34, 34),  # seal red
    "RGBA": (178, 34, 34, 128),  # half-transparent seal red
    "LA": (60, 128),
    "L": 128,
    "CMYK": (0, 200, 200, 40),
    "I;16": 32768,  # mid-grey in 16 bits
}

#: Encoder options (the others get a fixed bit rate), and audio rates other than 44.1 kHz.
_VIDEO_OPTIONS = {
    "libx264": {"preset": "ultrafast"},
    "libx265": {"preset": "ultrafast", "x265-params": "log-level=none"},
}
_AUDIO_RATES = {"mp2": 48000, "ac3": 48000}

#: Size of the contrasting marker block drawn in the top-left corner, as a
#: fraction of the shorter side; lets tests see where "up" ended.
_MARKER_FRACTION = 4


def make_image(
    path: Path | str,
    size: tuple[int, int] = (64, 48),
    fmt: str | None = None,
    mode: str = "RGB",
    exif_orientation: int | None = None,
    color: object = None,
    *,
    transparent_index: int | None = None,
    quality: int = 90,
    marker: bool = True,
    **save_options: object,
) -> Path:
    """Write an image of ``size`` filled with ``color`` and return its path.

    ``fmt`` defaults to the format implied by the suffix. ``color`` defaults
    to a sensible value for the mode (e.g. 32768 — mid-grey — for "I;16").
    Unless ``marker`` is false, a black (or white, for dark colours) block is
    drawn in the top-left corner so orientation can be checked.

    Mode "P" gets a two-entry palette: index 0 is ``color`` (RGB), index 1 is
    black; ``transparent_index`` marks one index as fully transparent.
    ``exif_orientation`` writes EXIF tag 274 (Orientation) without rotating
    the pixels, as cameras do. Other keywords go to ``Image.save`` (e.g.
    ``progressive=True``).
    """
    path = Path(path)
    fmt = fmt or _FORMATS_BY_SUFFIX[path.suffix.lower()]
    w, h = size
    mark = max(1, min(w, h) // _MARKER_FRACTION)

    if mode == "P":
        rgb = color if color is not None else _DEFAULT_COLORS["RGB"]
        im = Image.new("P", size, 0)
        im.putpalette([*rgb, 0, 0, 0])
        if marker:
            ImageDraw.Draw(im).rectangle((0, 0, mark - 1, mark - 1), fill=1)
        if transparent_index is not None:
            im.info["transparency"] = transparent_index
    else:
        fill = color if color is not None else _DEFAULT_COLORS[mode]
        im = Image.new(mode, size, fill)  # type: ignore[arg-type]
        if marker:
            ImageDraw.Draw(im).rectangle((0, 0, mark - 1, mark - 1), fill=_marker_fill(mode, fill))

    save_kwargs: dict[str, object] = dict(save_options)
    if fmt in ("JPEG", "WEBP"):
        save_kwargs["quality"] = quality
    if mode == "P" and transparent_index is not None:
        save_kwargs["transparency"] = transparent_index
    if exif_orientation is not None:
        exif = Image.Exif()
        exif[274] = exif_orientation
        save_kwargs["exif"] = exif.tobytes()
    path.parent.mkdir(parents=True, exist_ok=True)
    im.save(path, fmt, **save_kwargs)
    return path


def _marker_fill(mode: str, fill: object) -> object:
    """Black, or white when the fill is dark, in the representation of ``mode``."""
    if mode == "I;16":
        return 0 if int(fill) > 16384 else 65535  # type: ignore[call-overload]
    if mode == "CMYK":
        return (0, 0, 0, 255)
    values = fill if isinstance(fill, tuple) else (fill,)
    dark = sum(values[:3]) / len(values[:3]) < 64
    level = 255 if dark else 0
    if mode in ("RGBA", "LA"):
        return (*([level] * (len(values) - 1)), 255)
    if mode == "L":
        return level
    return (level, level, level)


def make_bomb_png(path: Path | str, size: tuple[int, int] = (40000, 40000)) -> Path:
    """A PNG whose IHDR declares ``size`` (RGB, 8 bit) but whose data is tiny.

    Pillow reads the size from the header at ``Image.open``, so this behaves
    like a decompression bomb for any size check, without the cost of
    compressing gigabytes of zeros. Decoding it fully would fail (truncated).
    """
    path = Path(path)
    w, h = size

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    ihdr = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\0" * (1 + 3 * min(w, 1024)))  # one (partial) row
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    )
    return path


def make_video(
    path: Path | str,
    seconds: float = 2.0,
    size: tuple[int, int] = (320, 240),
    fps: int = 25,
    audio: bool = True,
    *,
    faststart: bool = True,
    black_lead_s: float = 0.0,
    rotation: int = 0,
    muxer: str = "mp4",
    codecs: tuple[str, str] = ("libx264", "aac"),
) -> Path:
    """Write an H.264 (+AAC) MP4 — or another ``muxer`` with other ``codecs`` (video,
    audio) — and return its path.

    Each frame shows a bar moving left to right on a blue-grey ground and the
    frame number; the sound track is a 440 Hz sine tone. ``faststart`` puts
    the index (moov atom) at the front, as web-ready films have it; with it a
    truncated copy still opens. The first ``black_lead_s`` seconds are pure
    black (a fade-in, as many films begin). ``rotation`` stores a display
    rotation (degrees counter-clockwise, as phones do for portrait films).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    w, h = size
    n_frames = max(1, round(seconds * fps))
    options = {"movflags": "+faststart"} if faststart and muxer == "mp4" else {}
    video_codec, audio_codec = codecs
    with av.open(str(path), "w", format=muxer, options=options) as out:
        vs = out.add_stream(video_codec, rate=fps, options=_VIDEO_OPTIONS.get(video_codec, {}))
        vs.width, vs.height, vs.pix_fmt = w, h, "yuv420p"
        if video_codec not in _VIDEO_OPTIONS:  # the old codecs' default bit rate is blocky
            vs.bit_rate = 1_000_000
        if rotation:
            vs.set_display_rotation(rotation)
        as_ = None
        if audio:
            layout = "stereo" if audio_codec == "ac3" else "mono"
            rate = _AUDIO_RATES.get(audio_codec, 44100)
            as_ = out.add_stream(audio_codec, rate=rate, layout=layout)
            if audio_codec != "aac":
                as_.bit_rate = 128_000
        for i in range(n_frames):
            img = _video_frame(i, n_frames, w, h, black=i < black_lead_s * fps)
            frame = av.VideoFrame.from_image(img)
            frame.pts = i
            frame.time_base = Fraction(1, fps)
            out.mux(vs.encode(frame))
        out.mux(vs.encode(None))
        if as_ is not None:
            _encode_tone(out, as_, seconds)
    return path


def make_audio(path: Path | str, seconds: float = 2.0) -> Path:
    """Write an AAC-only .m4a (no video stream) and return its path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with av.open(str(path), "w", format="mp4") as out:
        stream = out.add_stream("aac", rate=44100, layout="mono")
        _encode_tone(out, stream, seconds)
    return path


def _video_frame(i: int, n: int, w: int, h: int, *, black: bool) -> Image.Image:
    if black:
        return Image.new("RGB", (w, h), (0, 0, 0))
    img = Image.new("RGB", (w, h), (70, 90, 110))
    draw = ImageDraw.Draw(img)
    bar_w = max(4, w // 10)
    x = (w - bar_w) * i // max(1, n - 1)
    draw.rectangle((x, 0, x + bar_w - 1, h - 1), fill=(240, 220, 160))
    draw.text((8, 8), f"{i:04d}", fill=(255, 255, 255))
    return img


def _encode_tone(out: av.container.OutputContainer, stream: av.AudioStream, seconds: float) -> None:
    rate = stream.rate
    codec_ctx = stream.codec_context
    frame_size = codec_ctx.frame_size or 1024
    total = round(seconds * rate)
    t = np.arange(total, dtype=np.float32) / rate
    samples = (0.2 * np.sin(2 * math.pi * 440.0 * t)).astype(np.float32)
    fmt, layout = codec_ctx.format.name, codec_ctx.layout.name  # fltp mono: native AAC
    # Other encoders (MP3, MP2, AC-3, WMA) take other sample formats and layouts.
    convert = None
    if (fmt, layout) != ("fltp", "mono"):
        convert = av.AudioResampler(format=fmt, layout=layout, rate=rate, frame_size=frame_size)
    for start in range(0, total, frame_size):
        chunk = samples[start : start + frame_size]
        if len(chunk) < frame_size:
            chunk = np.pad(chunk, (0, frame_size - len(chunk)))
        frame = av.AudioFrame.from_ndarray(chunk.reshape(1, -1), format="fltp", layout="mono")
        frame.sample_rate = rate
        frame.pts = start
        frame.time_base = Fraction(1, rate)
        for converted in convert.resample(frame) if convert else [frame]:
            out.mux(stream.encode(converted))
    for converted in convert.resample(None) if convert else []:
        out.mux(stream.encode(converted))
    out.mux(stream.encode(None))


def make_srt(
    path: Path | str,
    cues: Sequence[tuple[float, float, str]] = (
        (0.0, 1.5, "第一句字幕"),
        (1.5, 3.0, "廉者，政之本也"),
    ),
    encoding: str = "utf-8",
    *,
    newline: str = "\n",
) -> Path:
    """Write SRT subtitles with ``cues`` (start s, end s, text) in ``encoding``.

    Use ``encoding="utf-8-sig"`` for a BOM, ``"utf-16"`` for UTF-16 with BOM,
    ``"gb18030"`` for a file saved on Chinese Windows; ``newline="\\r\\n"``
    for Windows line ends.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    blocks = [
        f"{n}\n{_srt_time(start)} --> {_srt_time(end)}\n{text}\n"
        for n, (start, end, text) in enumerate(cues, start=1)
    ]
    text = "\n".join(blocks).replace("\n", newline)
    path.write_bytes(text.encode(encoding))
    return path


def _srt_time(seconds: float) -> str:
    ms = round(seconds * 1000)
    h, ms = divmod(ms, 3_600_000)
    m, ms = divmod(ms, 60_000)
    s, ms = divmod(ms, 1000)
    return f"{h:02d}:{m:02d}:{s:02d},{ms:03d}"


def truncate(path: Path | str, keep_fraction: float = 0.5) -> Path:
    """Write a copy of ``path`` cut to ``keep_fraction`` of its bytes, beside it.

    The copy is named ``<stem>-truncated<suffix>`` (same suffix, so it looks
    like the real thing); the original is left intact. Returns the copy's path.
    """
    path = Path(path)
    data = path.read_bytes()
    dest = path.with_name(f"{path.stem}-truncated{path.suffix}")
    dest.write_bytes(data[: int(len(data) * keep_fraction)])
    return dest


def write_bytes(path: Path | str, data: bytes | Iterable[int]) -> Path:
    """Write raw ``data`` (e.g. text or a PDF header under a media name)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(bytes(data))
    return path
