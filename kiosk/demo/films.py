"""The two demo films: painted scenes and title cards, a plucked-string soundtrack, subtitles.

Each film is a list of shots.  A shot pre-renders its layers once (a painting
wider than the frame, a text overlay) and makes a frame by a sub-pixel crop
and a blend, so the per-frame work stays cheap.  Shots overlap by a crossfade.
Sound is synthesised with numpy (Karplus–Strong plucks on a pentatonic scale,
a soft convolution reverb) and encoded as AAC; video is H.264 yuv420p at
25 fps in an MP4 with the index at the front (faststart).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import av
import numpy as np
from PIL import Image, ImageDraw

from kiosk.demo import artwork as art
from kiosk.demo.artwork import INK, INK_SOFT, NIGHT, PAPER, SEAL, font, mix

FPS = 25
SIZE = (1280, 720)
SAMPLE_RATE = 48000
FADE = 1.0  # crossfade between shots, seconds


@dataclass
class Caption:
    start: float
    end: float
    text: str


@dataclass
class Shot:
    start: float
    duration: float
    background: Image.Image  # at least the frame size; wider or taller ones pan
    pan: tuple[float, float] = (0.0, 0.0)  # start and end offset, fraction of the spare width
    overlay: Image.Image | None = None  # RGBA, frame size
    overlay_in: float = 0.8  # seconds after the start when the overlay fades in
    overlay_out: float | None = None  # seconds before the end when it fades out
    captions: list[Caption] = field(default_factory=list)
    # overlays shown one after another: (local start, local end, RGBA image)
    timed: list[tuple[float, float, Image.Image]] = field(default_factory=list)

    @property
    def end(self) -> float:
        return self.start + self.duration

    def frame(self, t: float, size: tuple[int, int]) -> Image.Image:
        bg = self.background
        w, h = size
        if bg.size == size:
            img = bg  # a still card: no work per frame
        else:
            u = min(1.0, max(0.0, (t - self.start) / self.duration))
            e = 0.5 - 0.5 * math.cos(math.pi * u)  # ease in and out
            view_w = w * bg.height / h
            spare = max(0.0, bg.width - view_w)
            x = spare * (self.pan[0] + (self.pan[1] - self.pan[0]) * e)
            # a resize with a fractional box is a cheap sub-pixel pan
            img = bg.resize(size, Image.Resampling.BILINEAR, box=(x, 0, x + view_w, bg.height))
        if self.overlay is not None:
            local = t - self.start
            a = min(1.0, max(0.0, (local - self.overlay_in) / 0.8))
            if self.overlay_out is not None:
                a = min(a, max(0.0, (self.duration - self.overlay_out - local) / 0.6 + 1.0))
            if a > 0:
                img = _paste_faded(img, self.overlay, a)
        return img


def _paste_faded(img: Image.Image, overlay: Image.Image, a: float) -> Image.Image:
    """``img`` with an RGBA overlay at opacity ``a``; only the overlay's bounding box is touched."""
    box = overlay.getbbox()
    if box is None:
        return img
    region = img.crop(box)
    part = overlay.crop(box)
    full = region.copy()
    full.paste(part, (0, 0), part)
    out = img.copy()
    out.paste(full if a >= 1 else Image.blend(region, full, a), box[:2])
    return out


# ---------------------------------------------------------------------------
# drawing helpers at frame scale


def _k(size: tuple[int, int]) -> float:
    return size[1] / 720


def caption_overlay(size, text: str, en: str = "", dark: bool = False) -> Image.Image:
    """The English rendering of a line, in a quiet band at the top of the picture.

    The Chinese line ``text`` is not drawn: it is the film's subtitle (SRT), which
    the player shows at the bottom, so the two never sit on top of each other.
    """
    k = _k(size)
    w = size[0]
    ov = Image.new("RGBA", size, (0, 0, 0, 0))
    if not en:
        return ov
    band = Image.new("L", size, 0)
    bd = ImageDraw.Draw(band)
    depth = int(110 * k)
    for i in range(depth):
        bd.line(
            [(0, i), (w, i)],
            fill=int(min(1.0, (depth - i) / (40 * k + 1)) * (215 if dark else 205)),
        )
    ov.paste((*(NIGHT if dark else PAPER), 255), (0, 0), band)
    d = ImageDraw.Draw(ov)
    fe = font("serif", int(24 * k))
    d.text(
        (w / 2, int(52 * k)),
        en,
        font=fe,
        fill=(*(mix(INK_SOFT, PAPER, 0.45) if dark else INK_SOFT), 255),
        anchor="ms",
    )
    return ov


def _paper(size, seed) -> Image.Image:
    return art.paper(size, seed, PAPER, scale=max(0.3, _k(size) * 0.5))


def _night(size, seed) -> Image.Image:
    img = art.paper(size, seed, (0x2A, 0x27, 0x22), scale=max(0.3, _k(size) * 0.5), mottle=2.0)
    return img


def _credits(card: Image.Image, source: str, ink, soft) -> Image.Image:
    """The closing card: the demo film's name, and beneath it where its text comes from."""
    w, h = card.size
    k = _k(card.size)
    d = ImageDraw.Draw(card)
    d.text(
        (w / 2, h * 0.47),
        "清风展陈 · 演示影片",
        font=font("serif", int(34 * k)),
        fill=ink,
        anchor="ms",
    )
    d.text((w / 2, h * 0.55), source, font=font("serif", int(22 * k)), fill=soft, anchor="ms")
    return card


def vertical_quote(
    img: Image.Image, cols: list[str], size_px: int, color, right: float, top: float
) -> float:
    f = font("kai", size_px)
    x = right
    for c in cols:
        art.draw_vertical(img, c, f, x, top, size_px * 1.08, color)
        x -= size_px * 1.45
    return x


# ---------------------------------------------------------------------------
# film 1: the four knows


def film_si_zhi(size: tuple[int, int], seed: int = 7) -> tuple[list[Shot], float]:
    w, h = size
    k = _k(size)
    shots: list[Shot] = []
    t = 0.0

    def add(dur: float, **kw) -> Shot:
        nonlocal t
        s = Shot(t, dur, **kw)
        shots.append(s)
        t += dur - FADE
        return s

    # title card
    card = _paper(size, seed)
    art.mountains(card, (0, int(h * 0.55), w, h), seed, art.default_ridges(strength=0.5), 0.4)
    d = ImageDraw.Draw(card)
    d.text((w / 2, h * 0.42), "四知", font=font("kai", int(150 * k)), fill=INK, anchor="ms")
    d.text(
        (w / 2, h * 0.53), "杨震拒金", font=font("serif", int(36 * k)), fill=INK_SOFT, anchor="ms"
    )
    d.text(
        (w / 2, h * 0.60),
        "The Four Knows · Yang Zhen Refuses the Gold",
        font=font("serif", int(22 * k)),
        fill=INK_SOFT,
        anchor="ms",
    )
    sl = art.seal("清风", int(56 * k), seed, "white")
    art.stamp(card, sl, (w / 2 + 150 * k, h * 0.28))
    add(5.5, background=card, captions=[Caption(0.8, 5.0, "四知 · 杨震拒金")])

    # 1: the road to Donglai
    pano = _paper((int(w * 1.6), h), seed + 1)
    art.mountains(
        pano, (0, int(h * 0.12), pano.width, int(h * 0.92)), seed + 2, art.default_ridges(), 0.3
    )
    art.water_lines(pano, (0, int(h * 0.8), pano.width, h), seed + 3, scale=k, density=1.5)
    text = "东汉时，杨震由荆州刺史调任东莱太守。"
    add(
        8.0,
        background=pano,
        pan=(1.0, 0.0),
        overlay=caption_overlay(
            size, text, "Eastern Han: Yang Zhen is sent from Jing province to govern Donglai."
        ),
        captions=[Caption(0.8, 7.2, text)],
    )

    # 2: passing Changyi
    pano2 = _paper((int(w * 1.5), h), seed + 4)
    art.mountains(
        pano2, (0, 0, pano2.width, int(h * 0.85)), seed + 5, art.karst_ridges(seed, "left"), 0.35
    )
    art.water_lines(pano2, (0, int(h * 0.72), pano2.width, h), seed + 6, scale=k, density=2)
    text = "途经昌邑，县令王密正是他当年举荐的茂才。"
    add(
        8.0,
        background=pano2,
        pan=(0.0, 1.0),
        overlay=caption_overlay(
            size,
            text,
            "On the way he passes Changyi, whose magistrate Wang Mi he once recommended.",
        ),
        captions=[Caption(0.8, 7.2, text)],
    )

    # 3: night, the gold
    night = _night((int(w * 1.4), h), seed + 7)
    mw = night.width
    moon_c = (int(mw * 0.7), int(h * 0.3))
    art.sun(night, moon_c, int(58 * k), color=(0xE8, 0xE0, 0xCC), alpha=0.9, scale=k)
    ridges = [
        art.Ridge(
            r.base,
            r.amp,
            r.alpha * 0.9,
            mix((0x5A, 0x64, 0x5C), (0x10, 0x0F, 0x0D), i / 3),
            r.mist,
            r.cell,
        )
        for i, r in enumerate(art.default_ridges())
    ]
    art.mountains(night, (0, int(h * 0.35), mw, h), seed + 8, ridges, 0.0)
    text = "入夜，王密怀金十斤，前来赠送杨震。"
    add(
        8.0,
        background=night,
        pan=(0.0, 0.6),
        overlay=caption_overlay(
            size,
            text,
            "At night Wang Mi comes with ten jin of gold hidden in his robes.",
            dark=True,
        ),
        captions=[Caption(0.8, 7.2, text)],
    )

    # 4: "no one will know"
    q = _night(size, seed + 9)
    d = ImageDraw.Draw(q)
    d.text(
        (w / 2, h * 0.45), "“暮夜无知者。”", font=font("kai", int(84 * k)), fill=PAPER, anchor="ms"
    )
    d.text(
        (w / 2, h * 0.56),
        "王密",
        font=font("serif", int(30 * k)),
        fill=mix(PAPER, INK_SOFT, 0.4),
        anchor="ms",
    )
    d.text(
        (w / 2, h * 0.64),
        "\u201cIt is night; no one will know.\u201d",
        font=font("serif", int(24 * k)),
        fill=mix(PAPER, INK_SOFT, 0.4),
        anchor="ms",
    )
    add(5.5, background=q, captions=[Caption(0.8, 4.9, "王密说：“暮夜无知者。”")])

    # 5: the four knows
    q2 = _paper(size, seed + 10)
    size_px = int(96 * k)
    cols = ["天知", "神知", "我知", "子知"]
    right = w / 2 + size_px * 1.45 * 1.5
    vertical_quote(q2, cols, size_px, INK, right, h * 0.14)
    d = ImageDraw.Draw(q2)
    d.text((w / 2, h * 0.78), "何谓无知！", font=font("kai", int(52 * k)), fill=SEAL, anchor="ms")
    d.text(
        (w / 2, h * 0.87),
        "\u201cHeaven knows, the spirits know, I know, you know. "
        "How can you say no one knows!\u201d",
        font=font("serif", int(22 * k)),
        fill=INK_SOFT,
        anchor="ms",
    )
    add(
        8.5,
        background=q2,
        captions=[Caption(0.8, 7.8, "杨震说：“天知，神知，我知，子知。何谓无知！”")],
    )

    # 6: Wang Mi leaves; Yang Zhen's integrity
    pano3 = _paper((int(w * 1.4), h), seed + 11)
    art.bamboo(
        pano3, (int(pano3.width * 0.45), int(h * 0.05), pano3.width, h), seed + 12, k, stalks=3
    )
    text = "王密羞愧而出。杨震为人公正清廉，不受私谒。"
    add(
        7.5,
        background=pano3,
        pan=(0.0, 1.0),
        overlay=caption_overlay(
            size,
            text,
            "Wang Mi leaves in shame. "
            "Yang Zhen was upright and clean, and received no private callers.",
        ),
        captions=[Caption(0.8, 6.7, text)],
    )

    # 7: a legacy of clean hands
    end = _paper(size, seed + 13)
    d = ImageDraw.Draw(end)
    f = font("kai", int(56 * k))
    d.text((w / 2, h * 0.36), "使后世称为清白吏子孙，", font=f, fill=INK, anchor="ms")
    d.text((w / 2, h * 0.48), "以此遗之，不亦厚乎！", font=f, fill=INK, anchor="ms")
    d.text(
        (w / 2, h * 0.60),
        "——《后汉书·杨震列传》",
        font=font("serif", int(28 * k)),
        fill=INK_SOFT,
        anchor="ms",
    )
    d.text(
        (w / 2, h * 0.70),
        "\u201cLet later ages call them the sons and grandsons of a clean official:",
        font=font("serif", int(22 * k)),
        fill=INK_SOFT,
        anchor="ms",
    )
    d.text(
        (w / 2, h * 0.75),
        "to leave them that, is it not a rich legacy?\u201d",
        font=font("serif", int(22 * k)),
        fill=INK_SOFT,
        anchor="ms",
    )
    add(
        8.0,
        background=end,
        captions=[Caption(0.8, 7.2, "杨震说：“使后世称为清白吏子孙，以此遗之，不亦厚乎！”")],
    )

    # credits
    cr = _credits(
        _night(size, seed + 14),
        "据《后汉书·杨震列传》 · Qingfeng Kiosk demo film",
        PAPER,
        mix(PAPER, INK_SOFT, 0.4),
    )
    add(4.5, background=cr)
    return shots, t + FADE


# ---------------------------------------------------------------------------
# film 2: On the Love of the Lotus

LOTUS_LINES = [
    (
        "水陆草木之花，可爱者甚蕃。",
        "Of the flowers of plants and trees on water and on land, very many are lovable.",
    ),
    ("晋陶渊明独爱菊。", "Tao Yuanming of the Jin loved only the chrysanthemum."),
    (
        "自李唐来，世人甚爱牡丹。",
        "Since the Tang of the house of Li, the world has greatly loved the peony.",
    ),
    ("予独爱莲之出淤泥而不染，", "I alone love the lotus: it rises from the mud yet is unstained,"),
    ("濯清涟而不妖，", "it is washed by clear ripples yet is not coquettish;"),
    (
        "中通外直，不蔓不枝，",
        "hollow within and straight without, it neither sprawls nor branches;",
    ),
    (
        "香远益清，亭亭净植，",
        "its fragrance grows purer the farther it travels; it stands tall and clean,",
    ),
    ("可远观而不可亵玩焉。", "to be admired from afar but not trifled with."),
    ("予谓菊，花之隐逸者也；", "I say the chrysanthemum is the recluse among flowers;"),
    ("牡丹，花之富贵者也；", "the peony, the rich and noble among flowers;"),
    ("莲，花之君子者也。", "the lotus, the gentleman among flowers."),
    (
        "噫！菊之爱，陶后鲜有闻。",
        "Alas! Of love for the chrysanthemum, little has been heard since Tao.",
    ),
    ("莲之爱，同予者何人？", "Of love for the lotus, who shares it with me?"),
    ("牡丹之爱，宜乎众矣！", "Love for the peony, of course, belongs to the many!"),
]


def film_ai_lian(size: tuple[int, int], seed: int = 8) -> tuple[list[Shot], float]:
    w, h = size
    k = _k(size)
    pond = _paper((int(w * 2.2), h), seed)
    pw = pond.width
    art.mountains(
        pond,
        (0, int(h * 0.28), pw, int(h * 0.62)),
        seed + 1,
        art.default_ridges(strength=0.35),
        0.6,
        0.05,
        0.05,
    )
    art.water_lines(pond, (0, int(h * 0.6), pw, h), seed + 2, scale=k, density=3)
    n = 5
    for i in range(n):
        x0 = int(pw * (i / n) - w * 0.05)
        top = int(h * (0.38 + 0.06 * (i % 2)))
        art.lotus(
            pond,
            (max(0, x0), top, min(pw, x0 + int(pw / n * 1.2)), h),
            seed + 10 + i,
            k,
            flowers=1 + (i % 2),
        )
    title = _paper(size, seed + 3)
    d = ImageDraw.Draw(title)
    d.text((w / 2, h * 0.44), "爱莲说", font=font("kai", int(120 * k)), fill=INK, anchor="ms")
    d.text(
        (w / 2, h * 0.55),
        "北宋 · 周敦颐",
        font=font("serif", int(34 * k)),
        fill=INK_SOFT,
        anchor="ms",
    )
    d.text(
        (w / 2, h * 0.62),
        "On the Love of the Lotus · Zhou Dunyi, Northern Song",
        font=font("serif", int(22 * k)),
        fill=INK_SOFT,
        anchor="ms",
    )
    art.stamp(title, art.seal("香远益清", int(64 * k), seed, "white"), (w / 2 + 190 * k, h * 0.3))
    shots = [Shot(0.0, 5.0, title, captions=[Caption(0.8, 4.5, "爱莲说 · 北宋 周敦颐")])]
    start = 5.0 - FADE
    per = 3.3
    body = Shot(start, per * len(LOTUS_LINES) + 2.4, pond, pan=(0.0, 1.0))
    shots.append(body)
    fz = font("kai", int(50 * k))
    fe = font("serif", int(22 * k))
    for i, (zh, en) in enumerate(LOTUS_LINES):
        ov = Image.new("RGBA", size, (0, 0, 0, 0))
        od = ImageDraw.Draw(ov)
        od.text((w / 2, h * 0.17), zh, font=fz, fill=(*INK, 255), anchor="ms")
        od.text((w / 2, h * 0.17 + 46 * k), en, font=fe, fill=(*INK_SOFT, 255), anchor="ms")
        t0 = 1.2 + i * per
        body.timed.append((t0, t0 + per, ov))
        body.captions.append(Caption(t0, t0 + per - 0.25, zh))
    end = _credits(
        _paper(size, seed + 5), "周敦颐《爱莲说》全文 · Qingfeng Kiosk demo film", INK, INK_SOFT
    )
    shots.append(Shot(body.end - FADE, 4.0, end))
    return shots, shots[-1].end


# ---------------------------------------------------------------------------
# sound


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
    sr = SAMPLE_RATE
    rng = np.random.default_rng(seed)
    n = int(duration * sr)
    mix_ = np.zeros((2, n + sr * 4), np.float32)
    base = 146.83  # D3

    def note(t: float, degree: int, octave: int, vel: float, pan: float, length: float = 4.5):
        semis = PENTATONIC[degree % 5] + 12 * (octave + degree // 5)
        f = base * 2 ** (semis / 12)
        s = pluck(f, length, rng, decay=0.9975 if f < 300 else 0.9955) * vel
        i = int(t * sr)
        j = min(mix_.shape[1], i + len(s))
        mix_[0, i:j] += s[: j - i] * math.cos((pan + 1) * math.pi / 4)
        mix_[1, i:j] += s[: j - i] * math.sin((pan + 1) * math.pi / 4)

    t = 0.6
    deg = 2
    while t < duration - 3.0:
        # a phrase of 4–7 notes, then a breath
        for _ in range(int(rng.integers(4, 8))):
            deg = int(np.clip(deg + rng.choice([-2, -1, -1, 1, 1, 2, 0]), 0, 9))
            note(t, deg, 1, 0.55 + 0.2 * rng.random(), rng.uniform(-0.5, 0.5))
            if rng.random() < 0.2:
                note(t + 0.03, deg + 2, 1, 0.3, rng.uniform(-0.6, 0.6))
            t += float(rng.choice([0.55, 0.8, 0.8, 1.1, 1.6]))
            if t >= duration - 3.0:
                break
        t += 1.2 + rng.random()
    # low open strings every few seconds
    bt = 0.2
    while bt < duration - 2:
        note(bt, int(rng.choice([0, 3])), -1, 0.45, 0.0, 6.0)
        bt += 6.4
    dry = mix_[:, :n]
    # reverb: convolve with a decaying, darkened noise tail
    ir_len = int(2.6 * sr)
    tt = np.arange(ir_len) / sr
    ir = rng.normal(0, 1, (2, ir_len)).astype(np.float32) * np.exp(-tt / 0.7)[None, :]
    kern = np.ones(24, np.float32) / 24
    ir = np.stack([np.convolve(ch, kern, mode="same") for ch in ir])
    ir /= np.sqrt((ir**2).sum(axis=1, keepdims=True))
    size = 1 << math.ceil(math.log2(n + ir_len))
    wet = np.fft.irfft(np.fft.rfft(dry, size) * np.fft.rfft(ir, size), size)[:, :n]
    out = dry * 0.75 + wet.astype(np.float32) * 0.45
    # fade in and out
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


# ---------------------------------------------------------------------------
# subtitles and encoding


def _ts(t: float) -> str:
    ms = round(t * 1000)
    return f"{ms // 3600000:02d}:{ms // 60000 % 60:02d}:{ms // 1000 % 60:02d},{ms % 1000:03d}"


def srt(shots: list[Shot]) -> str:
    caps = sorted(
        (Caption(s.start + c.start, s.start + c.end, c.text) for s in shots for c in s.captions),
        key=lambda c: c.start,
    )
    out = []
    for i, c in enumerate(caps, 1):
        out.append(f"{i}\n{_ts(c.start)} --> {_ts(c.end)}\n{c.text}\n")
    return "\n".join(out)


def _compose(shots: list[Shot], t: float, size: tuple[int, int]) -> Image.Image:
    active = [s for s in shots if s.start <= t < s.end]
    if not active:
        active = [shots[-1]]
    img = active[0].frame(t, size)
    img = _with_timed_overlays(active[0], img, t)
    for s in active[1:]:
        a = min(1.0, (t - s.start) / FADE)
        nxt = _with_timed_overlays(s, s.frame(t, size), t)
        img = Image.blend(img, nxt, 0.5 - 0.5 * math.cos(math.pi * a))
    return img


def _with_timed_overlays(shot: Shot, img: Image.Image, t: float) -> Image.Image:
    local = t - shot.start
    for t0, t1, ov in shot.timed:
        if t0 <= local < t1:
            a = min(1.0, (local - t0) / 0.6, (t1 - local) / 0.5)
            if a > 0:
                img = _paste_faded(img, ov, a)
    return img


def encode(
    shots: list[Shot], duration: float, size: tuple[int, int], audio: np.ndarray, path: Path
) -> None:
    """Write an H.264/AAC MP4 with faststart to ``path``."""
    with av.open(str(path), "w", format="mp4", options={"movflags": "+faststart"}) as out:
        vs = out.add_stream("libx264", rate=FPS)
        vs.width, vs.height = size
        vs.pix_fmt = "yuv420p"
        vs.options = {"crf": "21", "preset": "veryfast", "tune": "stillimage"}
        ast = out.add_stream("aac", rate=SAMPLE_RATE, layout="stereo")
        ast.bit_rate = 128000
        n_frames = round(duration * FPS)
        apos = 0
        chunk = 1024
        for i in range(n_frames):
            img = _compose(shots, i / FPS, size)
            frame = av.VideoFrame.from_image(img)
            frame.pts = i
            for pkt in vs.encode(frame):
                out.mux(pkt)
            # keep the sound a little ahead of the picture
            target = int((i + 1) / FPS * SAMPLE_RATE) + chunk
            while apos < min(target, audio.shape[1]):
                part = np.ascontiguousarray(audio[:, apos : apos + chunk])
                if part.shape[1] < chunk:
                    part = np.pad(part, ((0, 0), (0, chunk - part.shape[1])))
                af = av.AudioFrame.from_ndarray(part, format="fltp", layout="stereo")
                af.sample_rate = SAMPLE_RATE
                af.pts = apos
                for pkt in ast.encode(af):
                    out.mux(pkt)
                apos += chunk
        for pkt in vs.encode(None):
            out.mux(pkt)
        for pkt in ast.encode(None):
            out.mux(pkt)


FILMS: dict[str, Callable[[tuple[int, int], int], tuple[list[Shot], float]]] = {
    "si-zhi": film_si_zhi,
    "ai-lian-shuo": film_ai_lian,
}


def film_size(scale: float) -> tuple[int, int]:
    w = max(64, round(SIZE[0] * scale / 16) * 16)
    return w, w * 9 // 16 // 2 * 2


def render_film(name: str, video: Path, subtitles: Path, scale: float = 1.0, seed: int = 0) -> None:
    """Render one film and its .srt (both written to the given paths, directly)."""
    size = film_size(scale)
    shots, duration = FILMS[name](size, seed or sum(map(ord, name)))
    audio = soundtrack(duration, seed or sum(map(ord, name)))
    encode(shots, duration, size, audio, video)
    subtitles.write_text(srt(shots), encoding="utf-8")
