"""The films' sound: plucked strings (Karplus–Strong) on a pentatonic scale in a soft room."""

from __future__ import annotations

import math

import numpy as np

SAMPLE_RATE = 48000
PENTATONIC = [0, 2, 4, 7, 9]  # gong mode


def pluck(freq: float, dur: float, rng: np.random.Generator, decay: float = 0.996) -> np.ndarray:
    """A Karplus–Strong plucked string, computed a period at a time."""
    sr = SAMPLE_RATE
    n = max(2, round(sr / freq))
    total = int(dur * sr)
    y = np.zeros(total + n + 1, np.float32)
    burst = rng.uniform(-1, 1, n).astype(np.float32)
    burst = np.convolve(burst, np.ones(3, np.float32) / 3, mode="same")  # soften the attack
    y[1 : n + 1] = burst
    s = n + 1
    while s < len(y):
        e = min(len(y), s + n)
        y[s:e] = decay * 0.5 * (y[s - n : e - n] + y[s - n - 1 : e - n - 1])
        s = e
    out = y[1 : total + 1]
    env = np.minimum(1.0, np.arange(total) / (0.004 * sr))
    return out * env


def soundtrack(duration: float, seed: int) -> np.ndarray:
    """A calm pentatonic piece for plucked strings with a soft room; (2, n) float32."""
    rng = np.random.default_rng(seed)
    n = int(duration * SAMPLE_RATE)
    strings = Strings(n + SAMPLE_RATE * 4, rng)
    _melody(strings, duration, rng)
    _open_strings(strings, duration, rng)
    dry = strings.mix[:, :n]
    out = dry * 0.75 + _reverb(dry, rng) * 0.45
    return _levelled(out)


class Strings:
    """A stereo buffer that plucked notes are added into."""

    BASE = 146.83  # D3

    def __init__(self, length: int, rng: np.random.Generator) -> None:
        self.mix = np.zeros((2, length), np.float32)
        self.rng = rng

    def note(
        self, t: float, degree: int, octave: int, vel: float, pan: float, length: float = 4.5
    ) -> None:
        """Pluck ``degree`` of the scale (degrees past 4 climb octaves) at ``t`` seconds."""
        sr = SAMPLE_RATE
        semis = PENTATONIC[degree % 5] + 12 * (octave + degree // 5)
        f = self.BASE * 2 ** (semis / 12)
        s = pluck(f, length, self.rng, decay=0.9975 if f < 300 else 0.9955) * vel
        i = int(t * sr)
        j = min(self.mix.shape[1], i + len(s))
        self.mix[0, i:j] += s[: j - i] * math.cos((pan + 1) * math.pi / 4)
        self.mix[1, i:j] += s[: j - i] * math.sin((pan + 1) * math.pi / 4)


def _melody(strings: Strings, duration: float, rng: np.random.Generator) -> None:
    """Phrases of 4–7 notes wandering the scale, each followed by a breath."""
    t = 0.6
    deg = 2
    while t < duration - 3.0:
        for _ in range(int(rng.integers(4, 8))):
            deg = int(np.clip(deg + rng.choice([-2, -1, -1, 1, 1, 2, 0]), 0, 9))
            strings.note(t, deg, 1, 0.55 + 0.2 * rng.random(), rng.uniform(-0.5, 0.5))
            if rng.random() < 0.2:
                strings.note(t + 0.03, deg + 2, 1, 0.3, rng.uniform(-0.6, 0.6))
            t += float(rng.choice([0.55, 0.8, 0.8, 1.1, 1.6]))
            if t >= duration - 3.0:
                break
        t += 1.2 + rng.random()


def _open_strings(strings: Strings, duration: float, rng: np.random.Generator) -> None:
    """Low open strings every few seconds."""
    bt = 0.2
    while bt < duration - 2:
        strings.note(bt, int(rng.choice([0, 3])), -1, 0.45, 0.0, 6.0)
        bt += 6.4


def _reverb(dry: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """The room: ``dry`` convolved with a decaying, darkened noise tail (float32)."""
    sr = SAMPLE_RATE
    n = dry.shape[1]
    ir_len = int(2.6 * sr)
    tt = np.arange(ir_len) / sr
    ir = rng.normal(0, 1, (2, ir_len)).astype(np.float32) * np.exp(-tt / 0.7)[None, :]
    kern = np.ones(24, np.float32) / 24
    ir = np.stack([np.convolve(ch, kern, mode="same") for ch in ir])
    ir /= np.sqrt((ir**2).sum(axis=1, keepdims=True))
    size = 1 << math.ceil(math.log2(n + ir_len))
    wet = np.fft.irfft(np.fft.rfft(dry, size) * np.fft.rfft(ir, size), size)[:, :n]
    return wet.astype(np.float32)


def _levelled(out: np.ndarray) -> np.ndarray:
    """Faded in and out, brought to -18 dBFS RMS, and kept below the peak limit."""
    sr = SAMPLE_RATE
    n = out.shape[1]
    fade = np.ones(n, np.float32)
    fi, fo = int(1.0 * sr), int(3.0 * sr)
    fade[:fi] = np.linspace(0, 1, fi)
    fade[-fo:] = np.linspace(1, 0, fo) ** 2
    out *= fade
    rms = float(np.sqrt(np.mean(out**2))) or 1.0
    out *= 10 ** (-18 / 20) / rms
    peak = float(np.abs(out).max())
    if peak > 0.89:
        out *= 0.89 / peak
    return out.astype(np.float32)
