"""Film 2, 爱莲说 (On the Love of the Lotus): one long pan along a lotus pond, line by line."""

from __future__ import annotations

from PIL import Image, ImageDraw

from kiosk.demo.artwork.faces import font
from kiosk.demo.artwork.landscape import default_ridges, mountains, water_lines
from kiosk.demo.artwork.palette import INK, INK_SOFT
from kiosk.demo.artwork.plants import lotus
from kiosk.demo.artwork.seals import seal, stamp
from kiosk.demo.films.cards import centred, credits_card, frame_scale, paper_card
from kiosk.demo.films.scripts import Script
from kiosk.demo.films.shots import Caption, Reel, Shot

Size = tuple[int, int]
LINE_SECONDS = 3.3  # each line of the text is shown this long


def film_ai_lian(size: Size, seed: int, script: Script) -> tuple[list[Shot], float]:
    """The shots and the length of the film, its words from ``script`` (ai-lian-shuo.toml)."""
    reel = Reel()
    title = script["title"]
    reel.add(5.0, title_card(size, seed, title), captions=[Caption(0.8, 4.5, title["caption"])])
    lines = [(line["zh"], line["en"]) for line in script["lines"]]
    pond = reel.add(LINE_SECONDS * len(lines) + 2.4, lotus_pond(size, seed), pan=(0.0, 1.0))
    _recite(pond, size, lines)
    end = credits_card(paper_card(size, seed + 5), script["credits"]["source"], INK, INK_SOFT)
    reel.add(4.0, end)
    return reel.shots, reel.duration


def title_card(size: Size, seed: int, words: Script) -> Image.Image:
    w, h = size
    k = frame_scale(size)
    card = paper_card(size, seed + 3)
    centred(card, 0.44, words["title"], "kai", 120, INK)
    centred(card, 0.55, words["subtitle"], "serif", 34, INK_SOFT)
    centred(card, 0.62, words["en"], "serif", 22, INK_SOFT)
    stamp(card, seal(words["seal"], int(64 * k), seed, "white"), (w / 2 + 190 * k, h * 0.3))
    return card


def lotus_pond(size: Size, seed: int, clumps: int = 5) -> Image.Image:
    """Far hills, still water and clumps of lotus, more than twice the frame's width."""
    w, h = size
    k = frame_scale(size)
    pond = paper_card((int(w * 2.2), h), seed)
    pw = pond.width
    box = (0, int(h * 0.28), pw, int(h * 0.62))
    mountains(pond, box, seed + 1, default_ridges(strength=0.35), 0.6, 0.05, 0.05)
    water_lines(pond, (0, int(h * 0.6), pw, h), seed + 2, scale=k, density=3)
    for i in range(clumps):
        x0 = int(pw * (i / clumps) - w * 0.05)
        top = int(h * (0.38 + 0.06 * (i % 2)))
        box = (max(0, x0), top, min(pw, x0 + int(pw / clumps * 1.2)), h)
        lotus(pond, box, seed + 10 + i, k, flowers=1 + (i % 2))
    return pond


def _recite(shot: Shot, size: Size, lines: list[tuple[str, str]]) -> None:
    """Each line over the pond in turn: Chinese and English above, the Chinese as a subtitle."""
    w, h = size
    k = frame_scale(size)
    fz = font("kai", int(50 * k))
    fe = font("serif", int(22 * k))
    for i, (zh, en) in enumerate(lines):
        ov = Image.new("RGBA", size, (0, 0, 0, 0))
        od = ImageDraw.Draw(ov)
        od.text((w / 2, h * 0.17), zh, font=fz, fill=(*INK, 255), anchor="ms")
        od.text((w / 2, h * 0.17 + 46 * k), en, font=fe, fill=(*INK_SOFT, 255), anchor="ms")
        t0 = 1.2 + i * LINE_SECONDS
        shot.timed.append((t0, t0 + LINE_SECONDS, ov))
        shot.captions.append(Caption(t0, t0 + LINE_SECONDS - 0.25, zh))
