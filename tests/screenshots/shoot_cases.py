"""Screenshots of the warning cases: the section by year and by topic, a case page (zh, en,
scrolled to its links, large text) and the attract loop's case card.

    xvfb-run -s "-screen 0 1920x1080x24" .venv/bin/python tests/screenshots/shoot_cases.py \
        --data-dir DIR --out screenshots/landscape
    xvfb-run -s "-screen 0 1080x1920x24" ... --out screenshots/portrait

DIR holds a catalogue with cases (the demo's, once it has them; or a copy of it with
docs/research/kinds/cases.csv imported).  The page shots prefer a case with a confession.
"""

from __future__ import annotations

from dataclasses import replace

from kiosk.app import screen_factories
from kiosk.settings import Settings
from kiosk.ui.attract.screen import AttractScreen

from harness import arguments, open_kiosk, settle


def main() -> None:
    parser = arguments(__doc__)
    args = parser.parse_args()
    # The loop of a hall that shows its cases: only cases, to shoot the card.
    only_cases = Settings().with_overrides(attract={"kinds": ("case",)})
    screens = {k: v for k, v in screen_factories({}).items() if k not in ("attract", "home")}
    screens["attract"] = lambda ctx: AttractScreen(replace(ctx, settings=only_cases))
    kiosk = open_kiosk(args.data_dir, args.out, screens)
    window, shot = kiosk.window, kiosk.shot
    cases = window.ctx.library.rows(["case"])
    if not cases:
        raise SystemExit(f"no cases in {args.data_dir}")
    told = next((r["key"] for r in cases if r.get("confession_zh")), cases[0]["key"])
    longest = max(cases, key=lambda r: len(r.get("summary_zh") or ""))["key"]

    def scrolled(name: str) -> None:
        bar = window.screens["case"].scroll.verticalScrollBar()
        bar.setValue(bar.maximum())
        shot(name)
        bar.setValue(0)

    for lang in ("zh", "en"):
        window.ctx.visit.set_lang(lang)
        window.home()
        shot(f"home-{lang}")
        window.go("cases")
        cases_screen = window.screens["cases"]
        cases_screen.group_by("year")
        shot(f"cases-year-{lang}")
        cases_screen.group_by("topic")
        shot(f"cases-topic-{lang}")
        window.go("case", key=told)
        shot(f"case-{lang}")
        scrolled(f"case-links-{lang}")
        window.go("case", key=longest)
        shot(f"case-long-{lang}")
        scrolled(f"case-long-end-{lang}")
    window.ctx.visit.set_lang("zh")
    window.ctx.visit.set_large(True)
    window.go("cases")
    window.screens["cases"].group_by("year")
    shot("cases-large-text")
    window.go("case", key=longest)
    shot("case-large-text")
    scrolled("case-large-text-end")
    window.ctx.visit.set_large(False)
    window.start()  # the loop, on its first case card once the crossfade is over
    loop = window.screens["attract"]
    shown: list[str] = []
    loop.item_started.connect(lambda key, show: shown.append(show))
    while "case" not in shown:
        settle(100)
    settle(2000)
    shot("loop-case-card")
    window.shutdown()


if __name__ == "__main__":
    main()
