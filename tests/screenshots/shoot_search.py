"""Screenshots of the search screen: empty, initials typed on the keys, English, nothing found.

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python tests/screenshots/shoot_search.py \\
        --data-dir /tmp/kd/demo --out screenshots/search/landscape
    xvfb-run -a -s "-screen 0 1080x1920x24" ... --out screenshots/search/portrait

DIR holds a catalogue (e.g. the demo one made by ``kiosk --data-dir /tmp/kd demo``).
Prints each PNG's path and how long each search took.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kiosk.ui.search.screen import SearchScreen

from harness import arguments, open_kiosk


def main() -> None:
    parser = arguments(__doc__)
    args = parser.parse_args()
    kiosk = open_kiosk(args.data_dir, args.out, {"search": SearchScreen})
    window, shot = kiosk.window, kiosk.shot

    def type_keys(search: SearchScreen, letters: str) -> None:
        kb = search.keyboard
        for ch in letters:
            QTest.mouseClick(kb, Qt.MouseButton.LeftButton, pos=kb.key_center(ch))
        start = time.perf_counter()
        search.run_search()
        print(f"search {letters!r}: {(time.perf_counter() - start) * 1000:.1f} ms")

    for lang in ("zh", "en"):
        window.ctx.visit.set_lang(lang)
        window.home()
        window.go("search")
        search: SearchScreen = window.screens["search"]
        search.reset()
        shot(f"empty-{lang}")
        type_keys(search, "bz")
        shot(f"initials-bz-{lang}")
        search.reset()
        type_keys(search, "lian")
        shot(f"pinyin-lian-{lang}")
        search.reset()
        search.field.setFocus()
        QTest.keyClicks(search.field, "lotus")
        search.run_search()
        shot(f"english-lotus-{lang}")
        search.reset()
        type_keys(search, "qxzq")
        shot(f"nothing-{lang}")
        # A key held down: the press feedback.
        kb = search.keyboard
        search.reset()
        type_keys(search, "ba")
        QTest.mousePress(kb, Qt.MouseButton.LeftButton, pos=kb.key_center("o"))
        shot(f"key-pressed-{lang}")
        QTest.mouseRelease(kb, Qt.MouseButton.LeftButton, pos=kb.key_center("o"))
    window.ctx.visit.set_large(True)
    search.reset()
    type_keys(search, "baozheng")
    shot("large-text-en")
    window.ctx.visit.set_lang("zh")
    shot("large-text-zh")
    window.ctx.visit.set_large(False)
    window.close()


if __name__ == "__main__":
    main()
