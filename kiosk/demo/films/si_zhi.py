"""Film 1, 四知 (The Four Knows): Yang Zhen refuses the gold, scene by scene."""

from __future__ import annotations

from PIL import Image

from kiosk.demo.artwork.landscape import (
    Ridge,
    default_ridges,
    karst_ridges,
    mountains,
    sun,
    water_lines,
)
from kiosk.demo.artwork.palette import INK, INK_SOFT, PAPER, SEAL, mix
from kiosk.demo.artwork.plants import bamboo
from kiosk.demo.artwork.seals import seal, stamp
from kiosk.demo.films.cards import (
    caption_overlay,
    centred,
    credits_card,
    frame_scale,
    night_card,
    paper_card,
    vertical_quote,
)
from kiosk.demo.films.scripts import Script
from kiosk.demo.films.shots import Caption, Reel, Shot

Size = tuple[int, int]
SOFT_ON_NIGHT = mix(PAPER, INK_SOFT, 0.4)


def film_si_zhi(size: Size, seed: int, script: Script) -> tuple[list[Shot], float]:
    """The shots and the length of the film, its words from ``script`` (si-zhi.toml)."""
    reel = Reel()
    title = script["title"]
    reel.add(5.5, title_card(size, seed, title), captions=[Caption(0.8, 5.0, title["caption"])])
    _narrate(reel, size, road_to_donglai(size, seed), (1.0, 0.0), script["road_to_donglai"])
    _narrate(reel, size, passing_changyi(size, seed), (0.0, 1.0), script["passing_changyi"])
    night = night_of_the_gold(size, seed)
    _narrate(reel, size, night, (0.0, 0.6), script["night_of_the_gold"], dark=True)
    words = script["no_one_will_know"]
    reel.add(
        5.5, no_one_will_know(size, seed, words), captions=[Caption(0.8, 4.9, words["caption"])]
    )
    words = script["the_four_knows"]
    reel.add(8.5, the_four_knows(size, seed, words), captions=[Caption(0.8, 7.8, words["caption"])])
    leaves = wang_mi_leaves(size, seed)
    _narrate(reel, size, leaves, (0.0, 1.0), script["wang_mi_leaves"], duration=7.5)
    words = script["clean_legacy"]
    reel.add(8.0, clean_legacy(size, seed, words), captions=[Caption(0.8, 7.2, words["caption"])])
    credits = night_card(size, seed + 14)
    reel.add(4.5, credits_card(credits, script["credits"]["source"], PAPER, SOFT_ON_NIGHT))
    return reel.shots, reel.duration


def _narrate(
    reel: Reel,
    size: Size,
    scene: Image.Image,
    pan: tuple[float, float],
    words: Script,
    *,
    dark: bool = False,
    duration: float = 8.0,
) -> None:
    """A panning scene with its line narrated: Chinese as a subtitle, English in the band."""
    zh, en = words["zh"], words["en"]
    reel.add(
        duration,
        scene,
        pan=pan,
        overlay=caption_overlay(size, zh, en, dark=dark),
        captions=[Caption(0.8, duration - 0.8, zh)],
    )


def title_card(size: Size, seed: int, words: Script) -> Image.Image:
    w, h = size
    card = paper_card(size, seed)
    mountains(card, (0, int(h * 0.55), w, h), seed, default_ridges(strength=0.5), 0.4)
    centred(card, 0.42, words["title"], "kai", 150, INK)
    centred(card, 0.53, words["subtitle"], "serif", 36, INK_SOFT)
    centred(card, 0.60, words["en"], "serif", 22, INK_SOFT)
    k = frame_scale(size)
    sl = seal(words["seal"], int(56 * k), seed, "white")
    stamp(card, sl, (w / 2 + 150 * k, h * 0.28))
    return card


def road_to_donglai(size: Size, seed: int) -> Image.Image:
    w, h = size
    pano = paper_card((int(w * 1.6), h), seed + 1)
    mountains(pano, (0, int(h * 0.12), pano.width, int(h * 0.92)), seed + 2, default_ridges(), 0.3)
    water_lines(
        pano, (0, int(h * 0.8), pano.width, h), seed + 3, scale=frame_scale(size), density=1.5
    )
    return pano


def passing_changyi(size: Size, seed: int) -> Image.Image:
    w, h = size
    pano = paper_card((int(w * 1.5), h), seed + 4)
    mountains(pano, (0, 0, pano.width, int(h * 0.85)), seed + 5, karst_ridges(seed, "left"), 0.35)
    water_lines(
        pano, (0, int(h * 0.72), pano.width, h), seed + 6, scale=frame_scale(size), density=2
    )
    return pano


def night_of_the_gold(size: Size, seed: int) -> Image.Image:
    """A moonlit night, its ridges darkening towards the front."""
    w, h = size
    k = frame_scale(size)
    night = night_card((int(w * 1.4), h), seed + 7)
    mw = night.width
    moon_c = (int(mw * 0.7), int(h * 0.3))
    sun(night, moon_c, int(58 * k), color=(0xE8, 0xE0, 0xCC), alpha=0.9, scale=k)
    ridges = [
        Ridge(
            r.base,
            r.amp,
            r.alpha * 0.9,
            mix((0x5A, 0x64, 0x5C), (0x10, 0x0F, 0x0D), i / 3),
            r.mist,
            r.cell,
        )
        for i, r in enumerate(default_ridges())
    ]
    mountains(night, (0, int(h * 0.35), mw, h), seed + 8, ridges, 0.0)
    return night


def no_one_will_know(size: Size, seed: int, words: Script) -> Image.Image:
    card = night_card(size, seed + 9)
    centred(card, 0.45, words["quote"], "kai", 84, PAPER)
    centred(card, 0.56, words["speaker"], "serif", 30, SOFT_ON_NIGHT)
    centred(card, 0.64, words["en"], "serif", 24, SOFT_ON_NIGHT)
    return card


def the_four_knows(size: Size, seed: int, words: Script) -> Image.Image:
    w, h = size
    card = paper_card(size, seed + 10)
    size_px = int(96 * frame_scale(size))
    right = w / 2 + size_px * 1.45 * 1.5
    vertical_quote(card, words["columns"], size_px, INK, right, h * 0.14)
    centred(card, 0.78, words["exclamation"], "kai", 52, SEAL)
    centred(card, 0.87, words["en"], "serif", 22, INK_SOFT)
    return card


def wang_mi_leaves(size: Size, seed: int) -> Image.Image:
    w, h = size
    pano = paper_card((int(w * 1.4), h), seed + 11)
    box = (int(pano.width * 0.45), int(h * 0.05), pano.width, h)
    bamboo(pano, box, seed + 12, frame_scale(size), stalks=3)
    return pano


def clean_legacy(size: Size, seed: int, words: Script) -> Image.Image:
    """A legacy of clean hands: Yang Zhen's words, from the History of the Later Han."""
    card = paper_card(size, seed + 13)
    first, second = words["lines"]
    centred(card, 0.36, first, "kai", 56, INK)
    centred(card, 0.48, second, "kai", 56, INK)
    centred(card, 0.60, words["source"], "serif", 28, INK_SOFT)
    en_first, en_second = words["en"]
    centred(card, 0.70, en_first, "serif", 22, INK_SOFT)
    centred(card, 0.75, en_second, "serif", 22, INK_SOFT)
    return card
