"""Screenshots of couplets and lantern riddles: the couplet page (festival and hall styles), the
riddles before and after a reveal, Chinese and English, large text, the sayings list with its
couplets, the home tile, and the attract loop's couplet and riddle cards.

    xvfb-run -s "-screen 0 1920x1080x24" .venv/bin/python tests/screenshots/shoot_couplets.py \
        --data-dir DIR --out screenshots/landscape
    xvfb-run -s "-screen 0 1080x1920x24" ... --out screenshots/portrait

DIR holds a catalogue (e.g. a copy of the demo one). It is not changed: the script shoots a
copy of it, into which the sourced rows of docs/research/kinds/couplets.csv and riddles.csv
are imported when it holds no couplet or riddle (plus one festival couplet with a banner,
made up for the picture).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from test_couplets import BANNERED, research_rows, write_rows  # noqa: E402

from kiosk.app import screen_factories  # noqa: E402
from kiosk.catalog import Catalogue  # noqa: E402
from kiosk.catalog.files import MediaStore  # noqa: E402
from kiosk.ingest.importer import Importer  # noqa: E402
from kiosk.paths import Paths  # noqa: E402
from kiosk.playlist import slot_for  # noqa: E402
from kiosk.ui.attract.slides import Slides  # noqa: E402

from harness import arguments, open_kiosk  # noqa: E402


def shooting_copy(data_dir: Path) -> Path:
    """A copy of the catalogue (media shared, read only) holding couplets and riddles."""
    copy = Path(tempfile.mkdtemp(prefix="shoot-couplets-"))
    shutil.copy(data_dir / "catalogue.sqlite", copy / "catalogue.sqlite")
    for name in ("store", "renditions"):
        if (data_dir / name).exists():
            (copy / name).symlink_to((data_dir / name).resolve())
    paths = Paths(copy)
    with Catalogue.open(paths.catalogue) as cat:
        if not cat.items(["couplet"]) or not cat.items(["riddle"]):
            rows = copy / "rows"
            rows.mkdir()
            write_rows(rows / "couplets.csv", [*research_rows("couplets.csv"), BANNERED])
            write_rows(rows / "riddles.csv", research_rows("riddles.csv"))
            report = Importer(cat, MediaStore.at(paths)).run([rows])
            assert not report.rejected, report.rejected
    return copy


def main() -> None:
    args = arguments(__doc__).parse_args()
    data = shooting_copy(Path(args.data_dir))
    screens = {k: v for k, v in screen_factories({}).items() if k not in ("attract", "home")}
    kiosk = open_kiosk(str(data), args.out, screens)
    window, shot = kiosk.window, kiosk.shot
    ctx = window.ctx
    library = ctx.library
    couplets = library.rows(["couplet"])
    festival = next((r for r in couplets if r.get("banner_zh")), couplets[0])
    hall = next(r for r in couplets if r.get("style") != "festival")
    riddles = library.rows(["riddle"])

    def reveal(*keys: str) -> None:
        screen = window.screens["riddles"]
        for key in keys:
            card = screen.card(key)
            if card is not None and not card.revealed:
                screen.toggle(card)

    shot("00-home")
    for lang in ("zh", "en"):
        ctx.visit.set_lang(lang)
        window.home()
        window.go("aphorisms")
        shot(f"01-sayings-with-couplets-{lang}")
        window.go("couplet", key=festival["key"])
        shot(f"02-couplet-festival-{lang}")
        window.go("couplet", key=hall["key"])
        shot(f"03-couplet-hall-{lang}")
        window.go("riddles")
        shot(f"04-riddles-{lang}")
        reveal(riddles[0]["key"])
        shot(f"05-riddle-revealed-{lang}")
        window.screens["riddles"].reset()
    ctx.visit.set_lang("zh")
    ctx.visit.set_large(True)
    window.home()
    window.go("couplet", key=festival["key"])
    shot("06-couplet-large-text")
    window.go("riddles")
    reveal(riddles[0]["key"], riddles[1]["key"])
    shot("07-riddles-large-text")
    ctx.visit.set_large(False)

    # the attract loop's cards, as the loop renders them, saved as they are
    slides = Slides(ctx, window, now=lambda: None)
    attract = ctx.settings.attract
    cards = [
        ("08-loop-couplet-festival", festival, False),
        ("09-loop-couplet-hall", hall, False),
        ("10-loop-riddle", riddles[0], False),
        ("11-loop-riddle-answer", riddles[0], True),
    ]
    for name, row, revealed in cards:
        slot = slot_for(library.work(row), attract)
        path = Path(args.out) / f"{name}.png"
        slides.card(slot, revealed=revealed).save(str(path))
        print(path)
    window.shutdown()


if __name__ == "__main__":
    main()
