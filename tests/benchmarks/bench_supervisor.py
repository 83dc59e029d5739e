"""How fast the supervisor brings the kiosk back, on this machine under Xvfb.

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python \
        tests/benchmarks/bench_supervisor.py [--crashes 10] [--hangs 3]

Prints, against the target of issue #10 (first frame within 3 s):
1. crash -> first frame, median of ``--crashes`` (10): the kiosk child is SIGKILLed while
   the attract loop plays (posters and a film), timed from the kill to the new child's
   first frame as the supervisor recorded it;
2. hang -> first frame, ``--hangs`` (3): the child is SIGSTOPped; with ``hang_s = 3`` the
   supervisor notices, kills it and starts another; timed from the detection, and the
   detection from the stop.
The kiosk runs with the real `kiosk run` (libvlc when present).
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))

from test_supervisor_e2e import (  # noqa: E402
    make_content,
    runs,
    seconds_between,
    shown,
    start,
)

from kiosk.paths import Paths  # noqa: E402

from factories import make_video  # noqa: E402

SETTINGS = """
[attract]
poster_s = 2
crossfade_ms = 300

[supervisor]
hang_s = 3
safe_after_crashes = 1000
"""


def summary(name: str, values: list[float]) -> None:
    print(
        f"{name}: median {statistics.median(values):.2f} s, min {min(values):.2f} s, "
        f"max {max(values):.2f} s over {len(values)} (target <= 3 s)"
    )


def bench(root: Path, crashes: int, hangs: int) -> None:
    paths = Paths(root / "data")
    make_video(root / "content" / "films" / "film.mp4", seconds=4.0, size=(640, 360))
    make_content(root, paths)  # three posters; the film above is imported with them
    paths.config_file.write_text(SETTINGS, encoding="utf-8")
    proc = start(paths)
    try:
        run = shown(paths, 1, proc)
        back = []
        for i in range(crashes):
            time.sleep(2.5)  # the loop plays on
            killed_at = datetime.now(UTC)
            os.kill(run["pid"], signal.SIGKILL)
            run = shown(paths, i + 2, proc)
            back.append(seconds_between(killed_at, run["first_frame_at"]))
            print(f"  crash {i + 1}: {back[-1]:.2f} s")
        if back:
            summary("crash -> first frame", back)
        detect, after = [], []
        for i in range(hangs):
            time.sleep(2.5)
            stopped = time.monotonic()
            os.kill(run["pid"], signal.SIGSTOP)
            run = shown(paths, crashes + i + 2, proc)
            hung = runs(paths)[crashes + i]
            detect.append(seconds_between(hung["last_beat_at"], hung["ended_at"]))
            after.append(seconds_between(hung["ended_at"], run["first_frame_at"]))
            print(
                f"  hang {i + 1}: detected {time.monotonic() - stopped:.1f} s after the stop "
                f"({detect[-1]:.1f} s after the last beat), first frame {after[-1]:.2f} s later"
            )
        if after:
            summary("hang detection -> first frame", after)
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=60)


def main() -> None:
    sys.stdout.reconfigure(line_buffering=True)
    parser = argparse.ArgumentParser()
    parser.add_argument("--crashes", type=int, default=10)
    parser.add_argument("--hangs", type=int, default=3)
    args = parser.parse_args()
    if not os.environ.get("DISPLAY"):
        sys.exit("bench_supervisor: needs an X display (run it under xvfb-run)")
    os.environ.setdefault("XDG_RUNTIME_DIR", tempfile.mkdtemp())
    with tempfile.TemporaryDirectory() as tmp:
        bench(Path(tmp), args.crashes, args.hangs)


if __name__ == "__main__":
    main()
