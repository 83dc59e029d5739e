"""Songs for the tests: sound in each format PyAV writes, and .lrc files in their encodings."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import av
import numpy as np

#: suffix → (container format, codec, sample format)
FORMATS = {
    ".mp3": ("mp3", "libmp3lame", "fltp"),
    ".ogg": ("ogg", "libopus", "s16"),
    ".flac": ("flac", "flac", "s16"),
    ".wav": ("wav", "pcm_s16le", "s16"),
    ".m4a": ("ipod", "aac", "fltp"),
}
RATE = 48000  # Opus takes no other


def make_song(path: Path | str, seconds: float = 3.0, *, chimes: list[float] = ()) -> Path:
    """A quiet tone of ``seconds`` in the format ``path``'s suffix names, with a loud click
    at each of ``chimes`` (seconds), so a test can hear where it is."""
    path = Path(path)
    fmt, codec, sample_fmt = FORMATS[path.suffix.lower()]
    t = np.arange(int(seconds * RATE)) / RATE
    wave = 0.1 * np.sin(2 * np.pi * 440 * t)
    for at in chimes:
        start = int(at * RATE)
        wave[start : start + RATE // 20] = 0.8 * np.sin(2 * np.pi * 1760 * t[: RATE // 20])
    with av.open(str(path), "w", format=fmt) as out:
        stream = out.add_stream(codec, rate=RATE)
        stream.layout = "mono"
        frame_size = {"libmp3lame": 1152, "libopus": 960}.get(codec, 1024)
        for start in range(0, len(wave), frame_size):
            chunk = wave[start : start + frame_size].astype(np.float32)
            if sample_fmt == "s16":
                chunk = (chunk * 32767).astype(np.int16)
            frame = av.AudioFrame.from_ndarray(chunk[None, :], format=sample_fmt, layout="mono")
            frame.sample_rate = RATE
            frame.pts = start
            frame.time_base = Fraction(1, RATE)
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    return path


def truncate(path: Path, keep: float = 0.5) -> Path:
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])
    return path


SHI_HUI_YIN = (
    "[ti:石灰吟]\n"
    "[ar:于谦（传）]\n"
    "[offset:0]\n"
    "[00:00.50][00:02.00]千锤万凿出深山，\n"
    "[00:01.00]烈火焚烧若等闲。\n"
    "[00:01.50]粉骨碎身浑不怕，\n"
    "[00:02.50]要留清白在人间。\n"
    "[00:02.90]\n"
)


def make_lrc(path: Path | str, text: str = SHI_HUI_YIN, encoding: str = "utf-8") -> Path:
    path = Path(path)
    path.write_bytes(text.encode(encoding))
    return path
