"""Screenshots of every history screen, both languages (and one in large text);
a person's and a topic's page also scrolled down to their linked tiles.

    xvfb-run -s "-screen 0 1920x1080x24" .venv/bin/python tests/screenshots/shoot_history.py \
        --data-dir DIR --out screenshots/landscape
    xvfb-run -s "-screen 0 1080x1920x24" ... --out screenshots/portrait

DIR holds a catalogue (e.g. the demo one: ~/.local/share/qingfeng-kiosk/demo).
"""

from __future__ import annotations

from kiosk.app import screen_factories

from harness import arguments, open_kiosk


def main() -> None:
    parser = arguments(__doc__)
    args = parser.parse_args()
    screens = {k: v for k, v in screen_factories({}).items() if k not in ("attract", "home")}
    kiosk = open_kiosk(args.data_dir, args.out, screens)
    window, shot = kiosk.window, kiosk.shot
    library = window.ctx.library

    def scrolled_to_links(name: str) -> None:
        bar = window.screens["item"].scroll.verticalScrollBar()
        bar.setValue(bar.maximum())
        shot(name)
        bar.setValue(0)

    def first(kind: str, key: str | None = None) -> str:
        rows = library.rows([kind])
        return key if key in {r["key"] for r in rows} else rows[0]["key"]

    for lang in ("zh", "en"):
        window.ctx.visit.set_lang(lang)
        window.home()
        window.go("history")
        shot(f"history-{lang}")
        window.go("timeline")
        shot(f"timeline-{lang}")
        window.back()
        for name in ("people", "places", "events", "topics"):
            window.go(name)
            shot(f"{name}-{lang}")
            window.back()
        window.go("item", key=first("person", "bao-zheng"))
        shot(f"person-{lang}")
        scrolled_to_links(f"person-links-{lang}")
        window.go("item", key=first("place", "place-baogong-park"))
        shot(f"place-{lang}")
        window.go("item", key=first("event", "event-yang-zhen-refuses-gold"))
        shot(f"event-{lang}")
        window.go("item", key=first("aphorism", "aphorism-si-zhi"))
        shot(f"aphorism-{lang}")
        window.go("item", key=first("topic", "topic-family-tradition"))
        shot(f"topic-{lang}")
        scrolled_to_links(f"topic-links-{lang}")
        window.go("map")
        shot(f"map-{lang}")
        window.go("map", key=first("place", "place-baogong-park"))
        shot(f"map-selected-{lang}")
    window.ctx.visit.set_lang("zh")
    window.ctx.visit.set_large(True)
    window.go("item", key=first("person", "bao-zheng"))
    shot("person-large-text")
    window.go("timeline")
    shot("timeline-large-text")
    window.shutdown()


if __name__ == "__main__":
    main()
