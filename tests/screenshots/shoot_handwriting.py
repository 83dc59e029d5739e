"""Screenshots of handwriting on the search screen: the pad, a character written, its
candidates, the chosen character searched; Chinese and English, large text.

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python \\
        tests/screenshots/shoot_handwriting.py --data-dir /tmp/kd/demo --out shots/landscape
    xvfb-run -a -s "-screen 0 1080x1920x24" ... --out shots/portrait

The characters are written by touch from their standard strokes (tests/strokes.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kiosk.ui.search.keyboard import HANDWRITING
from kiosk.ui.search.screen import SearchScreen

from harness import arguments, open_kiosk, settle
from strokes import Finger, on_pad, standard


def main() -> None:
    args = arguments(__doc__).parse_args()
    kiosk = open_kiosk(args.data_dir, args.out, {"search": SearchScreen})
    window, shot = kiosk.window, kiosk.shot

    def search() -> SearchScreen:
        window.home()
        window.go("search")
        settle()  # the screen in place before the finger comes
        screen: SearchScreen = window.screens["search"]
        screen.reset()
        if screen.handwriting is None:
            sys.exit("no handwriting: install libzinnia0 and tegaki-zinnia-simplified-chinese")
        kb = screen.keyboard
        Finger(kb).tap(*kb.key_center(HANDWRITING).toTuple())
        settle()
        return screen

    def write(screen: SearchScreen, character: str, strokes: int | None = None) -> None:
        pad = screen.handwriting.pad
        Finger(pad).write(on_pad(standard(character), pad.width())[:strokes])

    def choose(screen: SearchScreen, character: str) -> None:
        bar = screen.handwriting.candidates
        Finger(bar).tap(*bar.candidate_center(character).toTuple())
        screen.run_search()

    for lang in ("zh", "en"):
        window.ctx.visit.set_lang(lang)
        screen = search()
        shot(f"pad-empty-{lang}")
        write(screen, "包")
        shot(f"written-bao-{lang}")
        choose(screen, "包")
        shot(f"chosen-bao-{lang}")
        write(screen, "拯", strokes=5)
        shot(f"half-written-{lang}")
    window.ctx.visit.set_large(True)
    for lang in ("en", "zh"):
        window.ctx.visit.set_lang(lang)
        screen = search()
        write(screen, "海")
        shot(f"large-text-{lang}")
    window.ctx.visit.set_large(False)
    window.close()


if __name__ == "__main__":
    main()
