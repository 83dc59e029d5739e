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


class HighlightTiming:
    """When the lyrics screen showed each line, against the player's own time.

    The player's reports (``elapsed()``, polled every 5 ms) date the song on the
    monotonic clock: song time = monotonic + offset (the median over all reports;
    the song plays at rate 1). A highlight's delay is the song time at the paint
    that first showed it, less its line's time in the LRC.
    """

    def __init__(self, view, player) -> None:
        import time

        from PySide6.QtCore import Qt, QTimer

        self._now = time.monotonic
        self.player = player
        self.reports: list[tuple[float, float]] = []  # (monotonic, player seconds)
        self.paints: list[tuple[float, int]] = []  # (monotonic, line highlighted)
        self._last = None
        view.highlight_painted.connect(lambda i: self.paints.append((self._now(), i)))
        self.poll = QTimer()
        self.poll.setTimerType(Qt.TimerType.PreciseTimer)
        self.poll.setInterval(5)
        self.poll.timeout.connect(self._read)
        self.poll.start()

    def _read(self) -> None:
        raw = self.player.elapsed()
        if raw != self._last and raw > 0:
            self.reports.append((self._now(), raw))
        self._last = raw

    def offset(self) -> float:
        """Song time less monotonic time (the median over the player's reports)."""
        offsets = sorted(raw - t for t, raw in self.reports)
        return offsets[len(offsets) // 2]

    def delays(self, sung: list[tuple[int, float]]) -> list[float]:
        """The delay of each highlight change after the first paint, ``sung`` giving the line
        and its LRC time of each change in order; AssertionError if a change is not the one
        expected."""
        self.poll.stop()
        offset = self.offset()
        changes = self.paints[1:]
        got = [i for _, i in changes]
        assert got[: len(sung)] == [i for i, _ in sung], got
        return [t + offset - start for (t, _), (_, start) in zip(changes, sung, strict=False)]
