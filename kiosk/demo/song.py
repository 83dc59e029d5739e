"""The demo song: 《石灰吟》 (attributed to Yu Qian) set to a plucked-string melody of our own.

No recording and no singer: one plucked note per character on the films' gong-mode
pentatonic strings (``films/sound.py``), a soft chime where each line begins, low open
strings beneath, the films' room and level. The poem is played through twice (the
second time lines 1–2 an octave lower), so its ``.lrc`` gives the first line two
times. The sound and the ``.lrc`` are made from ONE schedule of line times
(``line_starts``), so text and music cannot drift apart. See
docs/research/kinds/song-notes.md; every label calls it a synthesised demo setting.
"""

from __future__ import annotations

import math
from fractions import Fraction
from pathlib import Path

import av
import numpy as np

from kiosk.demo.films.sound import SAMPLE_RATE, Strings, _levelled, _open_strings, _reverb

POEM = ("千锤万凿出深山，", "烈火焚烧若等闲。", "粉骨碎身浑不怕，", "要留清白在人间。")
#: Scale degrees, one per character (the seventh is held); our own melody.
MELODY = (
    (3, 3, 5, 4, 3, 2, 3),
    (4, 3, 2, 3, 2, 1, 0),
    (2, 3, 4, 5, 4, 3, 2),
    (3, 5, 6, 5, 3, 2, 0),
)
BEAT_S = 0.8
INTRO_S = 4.0
#: Six notes of a beat, the last held two beats, a breath of one: 7.2 s a line.
LINE_S = 9 * BEAT_S
INTERLUDE_S = 4.8
TAIL_S = 3.6
PASSES = 2
METADATA = (
    ("ti", "石灰吟"),
    ("ar", "于谦（传）"),
    ("al", "清风展陈 演示"),
    ("by", "Qingfeng Kiosk demo, synthesised setting"),
    ("offset", "0"),
)
#: Ogg Opus: small, and libvlc plays it everywhere.
BITRATE = 96_000


def line_starts() -> list[list[float]]:
    """For each pass, the time each line begins (seconds)."""
    passes, t = [], INTRO_S
    for _ in range(PASSES):
        starts = [t + n * LINE_S for n in range(len(POEM))]
        passes.append(starts)
        t = starts[-1] + LINE_S + INTERLUDE_S
    return passes


def end_s() -> float:
    """When the last line has been played: the highlight clears."""
    return line_starts()[-1][-1] + LINE_S


def duration_s() -> float:
    return end_s() + TAIL_S


def lrc_text() -> str:
    """The song's LRC, from the same schedule as its notes."""
    rows = [f"[{key}:{value}]" for key, value in METADATA]
    passes = line_starts()
    for n, line in enumerate(POEM):
        rows.append("".join(_stamp(starts[n]) for starts in passes) + line)
    rows.append(_stamp(end_s()))
    return "\n".join(rows) + "\n"


def _stamp(seconds: float) -> str:
    centis = round(seconds * 100)
    minutes, centis = divmod(centis, 6000)
    return f"[{minutes:02d}:{centis // 100:02d}.{centis % 100:02d}]"


def music(seed: int = 1449) -> np.ndarray:
    """The setting as (2, n) float32 at ``SAMPLE_RATE``."""
    rng = np.random.default_rng(seed)
    total = duration_s()
    n = int(total * SAMPLE_RATE)
    strings = Strings(n + SAMPLE_RATE * 6, rng)
    for p, starts in enumerate(line_starts()):
        for line, start in enumerate(starts):
            octave = 0 if p == 1 and line < 2 else 1
            for k, degree in enumerate(MELODY[line]):
                held = k == len(MELODY[line]) - 1
                t = start + k * BEAT_S
                strings.note(t, degree, octave, 0.7 if held else 0.6, 0.08 * (k % 3 - 1))
                if held:
                    strings.note(t + 0.02, degree, octave - 1, 0.3, 0.0, 5.0)
    _open_strings(strings, total, rng)
    dry = strings.mix[:, :n]
    for starts in line_starts():
        for start in starts:
            _chime(dry, start)
    out = dry * 0.75 + _reverb(dry, rng) * 0.45
    return _levelled(out)


def _chime(mix: np.ndarray, at: float) -> None:
    """A soft bell where a line begins (partials of A5), about 12 dB under the melody."""
    sr = SAMPLE_RATE
    t = np.arange(int(2.5 * sr)) / sr
    bell = sum(
        math.pow(0.5, k) * np.sin(2 * np.pi * 880.0 * ratio * t) * np.exp(-t / decay)
        for k, (ratio, decay) in enumerate(((1.0, 1.2), (2.0, 0.6), (3.0, 0.3)))
    )
    bell = (0.12 * bell).astype(np.float32)
    i = int(at * sr)
    j = min(mix.shape[1], i + len(bell))
    mix[:, i:j] += bell[None, : j - i]


def render_song(audio: Path, lyrics: Path, seed: int = 1449) -> None:
    """Write the song (Ogg Opus) to ``audio`` and its LRC (UTF-8) to ``lyrics``."""
    samples = music(seed)
    with av.open(str(audio), "w", format="ogg") as out:
        stream = out.add_stream("libopus", rate=SAMPLE_RATE)
        stream.layout = "stereo"
        stream.bit_rate = BITRATE
        frame_size = 960  # 20 ms
        pcm = (np.clip(samples, -1, 1) * 32767).astype(np.int16)
        for start in range(0, pcm.shape[1], frame_size):
            chunk = np.ascontiguousarray(pcm[:, start : start + frame_size].T).reshape(1, -1)
            frame = av.AudioFrame.from_ndarray(chunk, format="s16", layout="stereo")
            frame.sample_rate = SAMPLE_RATE
            frame.pts = start
            frame.time_base = Fraction(1, SAMPLE_RATE)
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    lyrics.write_bytes(lrc_text().encode("utf-8"))
