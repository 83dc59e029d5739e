"""Screenshots of the home screen and the aphorism list, both languages.

    xvfb-run -s "-screen 0 1920x1080x24" .venv/bin/python tests/screenshots/shoot_home.py \
        --data-dir DIR --out screenshots/landscape
    xvfb-run -s "-screen 0 1080x1920x24" ... --out screenshots/portrait

DIR holds a catalogue (e.g. the demo one: ~/.local/share/qingfeng-kiosk/demo).
"""

from __future__ import annotations

from kiosk.ui.history.detail import ItemScreen
from kiosk.ui.history.lists import AphorismScreen

from harness import arguments, open_kiosk


def main() -> None:
    parser = arguments(__doc__)
    args = parser.parse_args()
    kiosk = open_kiosk(args.data_dir, args.out, {"aphorisms": AphorismScreen, "item": ItemScreen})
    window, shot = kiosk.window, kiosk.shot
    for lang in ("zh", "en"):
        window.ctx.visit.set_lang(lang)
        window.home()
        shot(f"home-{lang}")
        window.go("aphorisms")
        shot(f"aphorisms-{lang}")
        window.go("item", key=window.screens["aphorisms"].rows[0]["key"])
        shot(f"aphorism-detail-{lang}")
        window.back()
    window.ctx.visit.set_lang("zh")
    window.ctx.visit.set_large(True)
    window.home()
    shot("home-large-text")
    window.shutdown()


if __name__ == "__main__":
    main()
