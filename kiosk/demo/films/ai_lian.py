"""Film 2, 爱莲说 (On the Love of the Lotus): one long pan along a lotus pond, line by line."""

from __future__ import annotations

from PIL import Image, ImageDraw

from kiosk.demo.artwork.faces import font
from kiosk.demo.artwork.landscape import default_ridges, mountains, water_lines
from kiosk.demo.artwork.palette import INK, INK_SOFT
from kiosk.demo.artwork.plants import lotus
from kiosk.demo.artwork.seals import seal, stamp
from kiosk.demo.films.cards import centred, credits_card, frame_scale, paper_card
from kiosk.demo.films.shots import Caption, Reel, Shot

Size = tuple[int, int]
LINE_SECONDS = 3.3  # each line of the text is shown this long

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


def film_ai_lian(size: Size, seed: int = 8) -> tuple[list[Shot], float]:
    reel = Reel()
    reel.add(5.0, title_card(size, seed), captions=[Caption(0.8, 4.5, "爱莲说 · 北宋 周敦颐")])
    pond = reel.add(LINE_SECONDS * len(LOTUS_LINES) + 2.4, lotus_pond(size, seed), pan=(0.0, 1.0))
    _recite(pond, size)
    end = credits_card(
        paper_card(size, seed + 5), "周敦颐《爱莲说》全文 · Qingfeng Kiosk demo film", INK, INK_SOFT
    )
    reel.add(4.0, end)
    return reel.shots, reel.duration


def title_card(size: Size, seed: int) -> Image.Image:
    w, h = size
    k = frame_scale(size)
    card = paper_card(size, seed + 3)
    centred(card, 0.44, "爱莲说", "kai", 120, INK)
    centred(card, 0.55, "北宋 · 周敦颐", "serif", 34, INK_SOFT)
    centred(
        card, 0.62, "On the Love of the Lotus · Zhou Dunyi, Northern Song", "serif", 22, INK_SOFT
    )
    stamp(card, seal("香远益清", int(64 * k), seed, "white"), (w / 2 + 190 * k, h * 0.3))
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


def _recite(shot: Shot, size: Size) -> None:
    """Each line over the pond in turn: Chinese and English above, the Chinese as a subtitle."""
    w, h = size
    k = frame_scale(size)
    fz = font("kai", int(50 * k))
    fe = font("serif", int(22 * k))
    for i, (zh, en) in enumerate(LOTUS_LINES):
        ov = Image.new("RGBA", size, (0, 0, 0, 0))
        od = ImageDraw.Draw(ov)
        od.text((w / 2, h * 0.17), zh, font=fz, fill=(*INK, 255), anchor="ms")
        od.text((w / 2, h * 0.17 + 46 * k), en, font=fe, fill=(*INK_SOFT, 255), anchor="ms")
        t0 = 1.2 + i * LINE_SECONDS
        shot.timed.append((t0, t0 + LINE_SECONDS, ov))
        shot.captions.append(Caption(t0, t0 + LINE_SECONDS - 0.25, zh))
