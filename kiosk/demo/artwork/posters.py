"""Posters: five layouts of headline, quotation, English and a painted motif on paper."""

from __future__ import annotations

from collections.abc import Callable

from PIL import Image, ImageDraw

from kiosk.demo.artwork.faces import font
from kiosk.demo.artwork.landscape import (
    Ridge,
    default_ridges,
    karst_ridges,
    moon_wash,
    mountains,
    sun,
    water_lines,
)
from kiosk.demo.artwork.palette import INK, INK_SOFT, PAPER, SEAL, mix
from kiosk.demo.artwork.plants import bamboo, lotus, plum
from kiosk.demo.artwork.seals import seal, stamp
from kiosk.demo.artwork.textures import paper
from kiosk.demo.artwork.typeset import (
    clean,
    columns,
    draw_vertical,
    rule,
    sentences,
    text_block,
    wrap_en,
    wrap_zh,
)
from kiosk.demo.artwork.work import Work


def _poster_texts(work: Work) -> dict[str, str]:
    r, s = work.row, work.spec
    return {
        "headline": s.get("headline", r["title_zh"]),
        "quote": s.get("quote", r["body_zh"]),
        "source": r["source_zh"],
        "en": s.get("quote_en", r["body_en"]),
        "source_en": r["source_en"],
        "title_en": r["title_en"],
    }


def _blank(work: Work, sc: float, portrait: bool) -> tuple[Image.Image, dict[str, str]]:
    """The paper of a 4K poster, upright or lying, and the texts to set on it."""
    W, H = (int(2160 * sc), int(3840 * sc)) if portrait else (int(3840 * sc), int(2160 * sc))
    return paper((W, H), work.seed, PAPER, sc), _poster_texts(work)


def _seal_below(img: Image.Image, work: Work, default: str, size: int, top_centre) -> None:
    """The work's seal (``default`` unless its spec names one) hanging from ``top_centre``,
    e.g. under a vertical headline."""
    s = seal(work.spec.get("seal", default), size, work.seed)
    stamp(img, s, (top_centre[0] - s.width / 2, top_centre[1]))


def _footer(img: Image.Image, sc: float, margin: int, y: int, width: int, color=INK_SOFT) -> None:
    f = font("serif", int(34 * sc))
    fe = font("serif", int(28 * sc))
    rule(img, (margin, y), (margin + width, y), mix(INK_SOFT, PAPER, 0.4), max(1, 2 * sc))
    d = ImageDraw.Draw(img)
    d.text((margin, y + int(58 * sc)), "廉洁文化 · 公益宣传", font=f, fill=color, anchor="ls")
    d.text(
        (margin + width, y + int(58 * sc)),
        "Integrity culture · public-service poster",
        font=fe,
        fill=color,
        anchor="rs",
    )


def _english_bottom(img: Image.Image, t: dict[str, str], sc: float, m: int) -> int:
    """Title and translation in English, set just above the footer; returns the block's top."""
    W, H = img.size
    ef = font("serif", int(44 * sc))
    eb = font("serif-bold", int(52 * sc))
    lead = 44 * sc * 1.45
    lines = wrap_en(t["en"] + "  — " + t["source_en"], ef, W - 2 * m)
    bottom = H - 230 * sc
    top = int(bottom - lead * len(lines) - 80 * sc)
    d = ImageDraw.Draw(img)
    d.text((m, top + 52 * sc), t["title_en"], font=eb, fill=INK, anchor="ls")
    text_block(img, lines, ef, m, top + 52 * sc + 80 * sc, lead, INK_SOFT)
    return top


def _motif(name: str, canvas, box, seed, sc) -> None:
    if name == "mountains":
        mountains(canvas, box, seed, default_ridges())
    elif name == "mountains-light":
        mountains(canvas, box, seed, default_ridges(strength=0.7))
    elif name == "lotus":
        lotus(canvas, box, seed, sc)
    elif name == "bamboo":
        bamboo(canvas, box, seed, sc)
    elif name == "plum":
        plum(canvas, box, seed, sc)
    elif name == "plum-left":
        plum(canvas, box, seed, sc, from_right=False)
    elif name == "karst":
        mountains(canvas, box, seed, karst_ridges(seed, "right"), fade_bottom=0.35)
    elif name == "karst-left":
        mountains(canvas, box, seed, karst_ridges(seed, "left"), fade_bottom=0.35)
    elif name == "water":
        water_lines(canvas, box, seed, scale=sc)
    elif name == "none":
        pass
    else:
        raise ValueError(f"unknown motif {name!r}")


def poster_portrait_vertical(work: Work, sc: float) -> Image.Image:
    """Portrait: a tall vertical headline on the right, the quotation in columns beside it,
    a painted scene across the lower part, English beneath."""
    img, t = _blank(work, sc, portrait=True)
    W, H = img.size
    m = int(180 * sc)
    motif = work.spec.get("motif", "mountains")
    scene_top = int(H * work.spec.get("scene_top", 0.52))
    en_top = _english_bottom(img, t, sc, m)
    if work.spec.get("disc"):
        cx, cy, r = W * 0.34, H * 0.30, W * 0.13
        if work.spec["disc"] == "moon":
            moon_wash(img, (0, 0, W, int(H * 0.72)), (int(cx), int(cy)), int(r), work.seed)
        else:
            sun(img, (int(cx), int(cy)), int(r), scale=sc)
    _motif(motif, img, (0, scene_top, W, en_top - int(30 * sc)), work.seed + 1, sc)
    # headline, vertical Kai, right
    head = clean(t["headline"].replace(" ", "")) if " " not in t["headline"] else t["headline"]
    n = len(head.replace(" ", ""))
    hsize = int(min(300 * sc, (H * 0.46) / max(n, 2)))
    hf = font("kai", hsize)
    hx = W - m - hsize * 0.55
    head_end = draw_vertical(img, head, hf, hx, m, hsize * 1.04, INK)
    # quotation in serif columns to the left of the headline
    qf = font("serif", int(64 * sc))
    step = 64 * sc * 1.18
    col_len = int((H * 0.40) / step)
    q = t["quote"]
    cols = columns(q, col_len)
    x = hx - hsize * 0.6 - 120 * sc
    for col in cols:
        draw_vertical(img, col, qf, x, m + hsize * 0.2, step, INK)
        x -= 64 * sc * 1.75
    sf = font("serif", int(44 * sc))
    draw_vertical(
        img,
        "——" + t["source"],
        sf,
        x - 10 * sc,
        m + hsize * 0.2 + step * 0.5,
        44 * sc * 1.1,
        INK_SOFT,
    )
    _seal_below(img, work, "清风", int(150 * sc), (hx, head_end + 40 * sc))
    _footer(img, sc, m, int(H - 150 * sc), W - 2 * m)
    return img


def poster_landscape_side(work: Work, sc: float) -> Image.Image:
    """Landscape: a painting occupies one side; headline, quotation and English on the other."""
    img, t = _blank(work, sc, portrait=False)
    W, H = img.size
    m = int(200 * sc)
    motif = work.spec.get("motif", "lotus")
    art_left = work.spec.get("art_side", "left") == "left"
    split = int(W * 0.5)
    if art_left:
        art_box = (int(60 * sc), int(H * 0.12), split + int(80 * sc), H - int(150 * sc))
        tx = split + int(160 * sc)
    else:
        art_box = (split - int(80 * sc), int(H * 0.06), W - int(60 * sc), H - int(150 * sc))
        tx = m
    if work.spec.get("disc") == "sun":
        sun(
            img,
            (int((art_box[0] + art_box[2]) / 2 + 300 * sc), int(H * 0.28)),
            int(170 * sc),
            scale=sc,
        )
    _motif(motif, img, art_box, work.seed + 1, sc)
    tw = (W - m - tx) if art_left else (split - int(200 * sc) - m)
    d = ImageDraw.Draw(img)
    # small label and rule
    lf = font("serif", int(38 * sc))
    y = int(H * 0.17)
    d.text((tx, y), work.spec.get("label", "廉 · 清风"), font=lf, fill=SEAL, anchor="ls")
    rule(img, (tx, y + 36 * sc), (tx + 160 * sc, y + 36 * sc), SEAL, 3 * sc)
    # headline lines (split at spaces)
    parts = t["headline"].split(" ")
    hsize = int(
        min((210 if len(parts[0]) > 3 else 300) * sc, tw / max(len(p) for p in parts) * 0.98)
    )
    hf = font("kai", hsize)
    y += int(70 * sc) + hsize
    for p in parts:
        d.text((tx, y), p, font=hf, fill=INK, anchor="ls")
        y += int(hsize * 1.18)
    y += int(30 * sc)
    qf = font("serif", int(56 * sc))
    lines = wrap_zh(t["quote"], qf, tw)
    y = text_block(img, lines, qf, tx, y, 56 * sc * 1.7, INK)
    sf = font("serif", int(42 * sc))
    d.text((tx + tw, y + 10 * sc), "——" + t["source"], font=sf, fill=INK_SOFT, anchor="rs")
    y += int(110 * sc)
    ef = font("serif", int(40 * sc))
    lines = wrap_en(t["en"], ef, tw)
    y = text_block(img, lines, ef, tx, y, 40 * sc * 1.5, INK_SOFT)
    d.text(
        (tx, y + 8 * sc),
        "— " + t["source_en"],
        font=font("serif", int(34 * sc)),
        fill=INK_SOFT,
        anchor="ls",
    )
    s = seal(work.spec.get("seal", "廉"), int(130 * sc), work.seed)
    stamp(img, s, (tx + tw - s.width, int(H * 0.17) - s.height + 10 * sc))
    _footer(img, sc, m, int(H - 120 * sc), W - 2 * m)
    return img


def poster_centre(work: Work, sc: float) -> Image.Image:
    """Centred and classical: double rules, a large headline, the text, a painted band."""
    portrait = work.spec.get("orientation", "portrait") == "portrait"
    img, t = _blank(work, sc, portrait)
    W, H = img.size
    m = int((200 if portrait else 260) * sc)
    cw = W - 2 * m
    d = ImageDraw.Draw(img)
    motif = work.spec.get("motif", "mountains-light")
    band_top = int(H * (0.66 if portrait else 0.58))
    y = int(H * (0.10 if portrait else 0.13))
    rule(img, (m, y), (W - m, y), INK, 4 * sc)
    rule(img, (m, y + 14 * sc), (W - m, y + 14 * sc), INK, 1.5 * sc)
    lf = font("serif", int(40 * sc))
    d.text(
        (W / 2, y + 90 * sc),
        work.spec.get("label", "家 风 · 家 训"),
        font=lf,
        fill=SEAL,
        anchor="ms",
    )
    parts = t["headline"].split(" ")
    hsize = int(min((260 if portrait else 230) * sc, cw / max(len(p) for p in parts) * 0.9))
    hf = font("kai", hsize)
    y += int(170 * sc) + hsize
    for p in parts:
        d.text((W / 2, y), p, font=hf, fill=INK, anchor="ms")
        y += int(hsize * 1.2)
    y += int(20 * sc)
    qsize = 58 if portrait else 54
    qf = font("serif", int(qsize * sc))
    qw = cw * (0.88 if portrait else 0.72)
    lines = wrap_zh(t["quote"], qf, qw)
    y = text_block(img, lines, qf, (W - qw) / 2, y, qsize * sc * 1.75, INK, "center", qw)
    sf = font("serif", int(42 * sc))
    d.text(((W + qw) / 2, y + 6 * sc), "——" + t["source"], font=sf, fill=INK_SOFT, anchor="rs")
    y += int(100 * sc)
    ef = font("serif", int(40 * sc))
    lines = wrap_en(t["en"] + "  — " + t["source_en"], ef, qw)
    y = text_block(img, lines, ef, (W - qw) / 2, y, 40 * sc * 1.5, INK_SOFT, "center", qw)
    band_top = max(band_top, int(y + 40 * sc))
    _motif(motif, img, (0, band_top, W, H - int(170 * sc)), work.seed + 1, sc)
    s = seal(work.spec.get("seal", "清白"), int(140 * sc), work.seed)
    stamp(img, s, (W - m - s.width, int(H * (0.10 if portrait else 0.13)) + 40 * sc))
    _footer(img, sc, m, int(H - 130 * sc), cw)
    return img


def poster_disc(work: Work, sc: float) -> Image.Image:
    """Minimal: a red sun, one vertical line of large Kai, the verse small beside it."""
    portrait = work.spec.get("orientation", "portrait") == "portrait"
    img, t = _blank(work, sc, portrait)
    W, H = img.size
    m = int(200 * sc)
    motif = work.spec.get("motif", "water")
    en_top = _english_bottom(img, t, sc, m)
    sun(img, (int(W * 0.62), int(H * 0.25)), int(min(W, H) * 0.16), scale=sc)
    _motif(motif, img, (0, int(H * 0.58), W, en_top - int(40 * sc)), work.seed + 1, sc)
    head = t["headline"]
    hsize = int(min(260 * sc, H * 0.62 / len(head)))
    hf = font("kai", hsize)
    hx = W - m - hsize * 0.5
    head_end = draw_vertical(img, head, hf, hx, m, hsize * 1.05, INK)
    qf = font("serif", int(54 * sc))
    step = 54 * sc * 1.2
    cols = sentences(t["quote"])
    pitch = 54 * sc * 1.8
    x = m + 20 * sc + pitch * len(cols)  # the source column sits leftmost
    for col in cols:  # right to left
        draw_vertical(img, col, qf, x, H * 0.2, step, INK)
        x -= pitch
    sf = font("serif", int(40 * sc))
    draw_vertical(img, "——" + t["source"], sf, x, H * 0.2 + step * 0.5, 40 * sc * 1.1, INK_SOFT)
    _seal_below(img, work, "丹心", int(140 * sc), (hx, head_end + 40 * sc))
    _footer(img, sc, m, int(H - 150 * sc), W - 2 * m)
    return img


def poster_panorama(work: Work, sc: float) -> Image.Image:
    """Landscape: mountains and water across the width; text in the open sky above."""
    img, t = _blank(work, sc, portrait=False)
    W, H = img.size
    m = int(220 * sc)
    motif = work.spec.get("motif", "mountains")
    if work.spec.get("disc") == "sun":
        sun(img, (int(W * 0.78), int(H * 0.30)), int(120 * sc), scale=sc)
    d = ImageDraw.Draw(img)
    parts = t["headline"].split(" ")
    hsize = int(min(190 * sc, (W * 0.55) / max(len(p) for p in parts)))
    hf = font("kai", hsize)
    y = int(m + hsize * 0.9)
    for p in parts:
        d.text((m, y), p, font=hf, fill=INK, anchor="ls")
        y += int(hsize * 1.2)
    qf = font("serif", int(50 * sc))
    qw = W * 0.42
    lines = wrap_zh(t["quote"], qf, qw)
    y = text_block(img, lines, qf, m, y + 10 * sc, 50 * sc * 1.7, INK)
    sf = font("serif", int(38 * sc))
    d.text((m, y + 4 * sc), "——" + t["source"], font=sf, fill=INK_SOFT, anchor="ls")
    ef = font("serif", int(38 * sc))
    lines = wrap_en(t["en"] + "  — " + t["source_en"], ef, qw)
    text_block(img, lines, ef, m, y + 90 * sc, 38 * sc * 1.5, INK_SOFT)
    if motif == "karst-sea":
        box = (int(W * 0.45), int(H * 0.04), W, int(H * 0.80))
        mountains(img, box, work.seed + 1, karst_ridges(work.seed, "right"), 0.3, fade_left=0.3)
        water_lines(
            img,
            (int(W * 0.3), int(H * 0.74), W, int(H * 0.9)),
            work.seed + 2,
            scale=sc,
            density=1.5,
        )
    else:
        ridges = [
            Ridge(r.base, r.amp * 1.3, r.alpha, r.color, r.mist, r.cell * 1.4)
            for r in default_ridges()
        ]
        box = (int(W * 0.36), int(H * 0.3), W, int(H * 0.84))
        mountains(img, box, work.seed + 1, ridges, 0.3, fade_left=0.4)
        water_lines(
            img,
            (int(W * 0.05), int(H * 0.78), int(W * 0.95), int(H * 0.9)),
            work.seed + 2,
            scale=sc,
        )
    s = seal(work.spec.get("seal", "清风"), int(130 * sc), work.seed)
    stamp(img, s, (m - s.width - 40 * sc, int(m)))
    _footer(img, sc, m, int(H - 120 * sc), W - 2 * m)
    return img


POSTER_LAYOUTS: dict[str, Callable[[Work, float], Image.Image]] = {
    "portrait-vertical": poster_portrait_vertical,
    "landscape-side": poster_landscape_side,
    "centre": poster_centre,
    "disc": poster_disc,
    "panorama": poster_panorama,
}


def render_poster(work: Work, scale: float = 1.0) -> Image.Image:
    return work.choose(POSTER_LAYOUTS, "layout", "centre", "poster layout")(work, scale)
