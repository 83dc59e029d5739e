"""Screenshots of the pledge wall: the pledge and its pad (empty, signed, a scribble refused),
the wall with many signatures, the loop's wall card, the operator's pledge page, and the
longest pledge text allowed; in Chinese and English, and in large text.

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python tests/screenshots/shoot_pledge.py \\
        --data-dir /tmp/kd/demo --out screenshots/pledge/landscape
    xvfb-run -a -s "-screen 0 1080x1920x24" ... --out screenshots/pledge/portrait

DIR's catalogue is copied into a temporary folder (its media linked, not copied); a pledge
text is imported into the copy and signatures are made there: the demo's people's names
written from their characters' standard strokes (tests/data/strokes/medians.json).
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QImage, QPainter

from kiosk.catalog import Catalogue
from kiosk.catalog.files import MediaStore
from kiosk.catalog.library import Library
from kiosk.ingest.importer import Importer
from kiosk.ingest.rows import PLEDGE_MAX_CHARS
from kiosk.paths import Paths
from kiosk.pledge.signature import from_pad
from kiosk.ui.pledge.admin import PledgeAdminPage
from kiosk.ui.pledge.card import WallCard, paint_wall_card
from kiosk.ui.pledge.screen import PledgeScreen
from kiosk.ui.pledge.wall import PledgeWallScreen
from kiosk.ui.widgets import theme

from harness import arguments, open_kiosk

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from strokes import characters, on_pad, standard

PLEDGE_ZH = (
    "我自愿签名承诺：坚定理想信念，严守纪律规矩；秉公用权，不以权谋私；"
    "廉洁自律，不收受礼品礼金；勤俭节约，反对铺张浪费；管好亲属和身边工作人员；"
    "自觉接受监督，做到清白做人、干净做事。"
)
PLEDGE_EN = (
    "I pledge of my own will: to hold to my ideals and keep the rules; to use power fairly "
    "and never for private gain; to accept no gifts or money; to live frugally and oppose "
    "waste; to see that my family and staff do the same; and to welcome scrutiny — honest in "
    "who I am and clean in what I do."
)
SIGNATURES = 120


def scratch_copy(data_dir: str, scratch: Path, body_zh: str) -> Paths:
    """A copy of ``data_dir``'s catalogue beside links to its media, with a pledge text."""
    source = Paths(Path(data_dir))
    paths = Paths(scratch)
    (scratch / "store").mkdir(parents=True)
    with sqlite3.connect(source.catalogue) as src, sqlite3.connect(paths.catalogue) as dst:
        src.backup(dst)
    for sub in (source.data_dir / "store").iterdir():
        (scratch / "store" / sub.name).symlink_to(sub)
    (scratch / "renditions").symlink_to(source.data_dir / "renditions")
    sheet = scratch / "承诺书.csv"
    sheet.write_text(
        f'类型,标题,正文,英文标题,英文正文\n承诺书,廉洁承诺书,"{body_zh}",Integrity pledge,'
        f'"{PLEDGE_EN}"\n',
        encoding="utf-8",
    )
    with Catalogue.open(paths.catalogue) as catalogue:
        report = Importer(catalogue, MediaStore.at(paths)).run([sheet])
        assert not report.rejected, report.rejected
    return paths


def name_strokes(name: str, side: float = 300.0) -> list[list[tuple[float, float]]]:
    """``name`` written left to right, a character a ``side`` box, slightly slanted."""
    out = []
    for i, character in enumerate(name):
        for stroke in on_pad(standard(character), side, step=12.0):
            out.append([(x + i * side * 0.9 + y * 0.08, y + 20 * i) for x, y in stroke])
    return out


def sign_many(paths: Paths, n: int) -> None:
    chars = characters()
    with Catalogue.open(paths.catalogue) as catalogue:
        pledges = Library(catalogue, MediaStore.at(paths)).pledges
        for i in range(n):
            size = 2 + i % 2
            name = "".join(chars[(i * 7 + k * 3) % len(chars)] for k in range(size))
            sig = from_pad(name_strokes(name), 300 * size + 100, 420)
            pledges.add(sig, pledges.render(sig))


def write_on(pad, strokes) -> None:
    """Strokes given to the pad as a finger gives them (pad pixels, 8 ms apart)."""
    ms = 0.0
    for stroke in strokes:
        pad.begin(QPointF(*stroke[0]), ms)
        for x, y in stroke[1:]:
            ms += 8
            pad.move(QPointF(x, y), ms)
        pad.end(QPointF(*stroke[-1]), ms)


def loop_card(paths: Paths, out: Path, size) -> None:
    with Catalogue.open(paths.catalogue) as catalogue:
        card = WallCard.from_library(Library(catalogue, MediaStore.at(paths)))
    m = theme.Metrics.for_screen(size.width(), size.height())
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(theme.NIGHT)
    p = QPainter(image)
    area = QRectF(m.margin / 2, m.margin / 2, size.width() - m.margin, size.height() - m.margin)
    paint_wall_card(p, area, card, m)
    p.end()
    image.save(str(out / "loop-card.png"))
    print(out / "loop-card.png")


def main() -> None:
    args = arguments(__doc__).parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="pledge-shots-"))
    paths = scratch_copy(args.data_dir, scratch / "data", PLEDGE_ZH)
    screens = {"pledge": PledgeScreen, "pledge_wall": PledgeWallScreen,
               "pledge_admin": PledgeAdminPage}  # fmt: skip
    kiosk = open_kiosk(str(paths.data_dir), args.out, screens)
    window, shot, visit = kiosk.window, kiosk.shot, kiosk.window.ctx.visit
    shot("home-zh")
    window.go("pledge_wall")
    shot("wall-empty-zh")
    for lang, large in (("zh", False), ("en", False), ("zh", True)):
        visit.set_lang(lang)
        visit.set_large(large)
        tag = f"{lang}{'-large' if large else ''}"
        window.home()
        window.go("pledge")
        pledge: PledgeScreen = window.screens["pledge"]
        shot(f"pledge-{tag}")
        pad = pledge.pad
        write_on(
            pad,
            [[(pad.width() * 0.3, pad.height() * 0.5), (pad.width() * 0.31, pad.height() * 0.52)]],
        )
        pledge.confirm()
        shot(f"refused-{tag}")
        pad.clear()
        side = min(pad.height() * 0.7, pad.width() / 3.2)
        write_on(pad, [[(x + side * 0.3, y + side * 0.2) for x, y in s]
                       for s in name_strokes("包拯", side)])  # fmt: skip
        shot(f"signed-{tag}")
        pad.clear()
    visit.set_lang("zh")
    visit.set_large(False)
    sign_many(paths, SIGNATURES)
    for lang, large in (("zh", False), ("en", False), ("zh", True)):
        visit.set_lang(lang)
        visit.set_large(large)
        tag = f"{lang}{'-large' if large else ''}"
        window.home()
        window.go("pledge_wall")
        shot(f"wall-{tag}")
        window.go("pledge_admin")
        shot(f"panel-{tag}")
    loop_card(paths, Path(args.out), kiosk.app.primaryScreen().geometry().size())
    # the longest pledge text allowed, in large text
    with Catalogue.open(paths.catalogue) as catalogue:
        catalogue.db.execute(
            "UPDATE items SET body_zh = ? WHERE kind = 'pledge'",
            [(PLEDGE_ZH * 10)[:PLEDGE_MAX_CHARS]],
        )
    window.ctx.library.invalidate()
    visit.set_lang("zh")
    visit.set_large(True)
    window.home()
    window.go("pledge")
    shot("pledge-longest-zh-large")


if __name__ == "__main__":
    main()
