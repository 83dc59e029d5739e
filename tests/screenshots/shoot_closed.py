"""Screenshots of the closed screen (outside opening hours): opening tomorrow, today's hours
after a touch, opening on a later date.  Both languages are on the one screen.

    xvfb-run -s "-screen 0 1920x1080x24" .venv/bin/python tests/screenshots/shoot_closed.py \
        --data-dir DIR --out screenshots/landscape

DIR holds a catalogue (e.g. the demo one: ~/.local/share/qingfeng-kiosk/demo).
"""

from __future__ import annotations

from datetime import datetime

from kiosk.schedule.hours import OpeningHours
from kiosk.ui.closed.screen import ClosedScreen

from harness import arguments, open_kiosk

HALL, _problems = OpeningHours.parse(
    {"mon": "closed", "tue": "09:00-12:00, 14:00-17:30", "sat": "closed", "sun": "closed"}
)


def main() -> None:
    args = arguments(__doc__).parse_args()
    kiosk = open_kiosk(args.data_dir, args.out, {"closed": ClosedScreen})
    window, shot = kiosk.window, kiosk.shot
    window.go("closed")
    closed = window.screens["closed"]
    for name, now in (
        ("closed-tomorrow", datetime(2027, 3, 1, 20, 0)),  # a closed Monday
        ("closed-later", datetime(2027, 3, 6, 11, 0)),  # a Saturday: opens on Tuesday
    ):
        closed.show_times(now, HALL.next_opening(now), HALL.bands_on(now.date()))
        closed.reset()
        shot(name)
    now = datetime(2027, 3, 2, 12, 30)  # Tuesday's lunch break, touched
    closed.show_times(now, HALL.next_opening(now), HALL.bands_on(now.date()))
    closed.touch()
    shot("closed-hours")
    window.shutdown()


if __name__ == "__main__":
    main()
