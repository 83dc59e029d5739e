"""Handwriting under a finger: ink latency, candidates latency and top-1 accuracy.

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python tests/benchmarks/bench_ink.py \\
        [--rounds N] [--size 1920x1080]

The real search screen, fullscreen, with its handwriting pad shown, driven by
synthetic touch events (QTest.touchEvent through the window, as a touch panel's
reach Qt).  The characters are those of the demo's people's names
(data/demo/people.csv, title_zh) written from their standard stroke orders
(tests/data/strokes/medians.json, see tests/strokes.py), a touch report every
8 px along each stroke.

1. ink latency: each touch move, from the event sent until the pad has painted
   the new piece (its paint event done and the event loop idle again: the
   frame is with the X server).  Target p95 <= 16.7 ms (one frame at 60 Hz).
2. candidates latency: from the last stroke's lift until the candidate row has
   painted (Zinnia runs at the lift).  Target p95 <= 100 ms.
3. top-1 accuracy: how often the written character is the first candidate
   (and among the candidates shown), printed with the misses.

Without DISPLAY it re-runs itself under xvfb-run at ``--size``.  Other
processes skew the numbers: the load average is printed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from kiosk.catalog import Catalogue
from kiosk.catalog.files import MediaStore
from kiosk.catalog.library import Library
from kiosk.paths import Paths
from kiosk.settings import Settings
from kiosk.ui.screen import Context, Visit
from kiosk.ui.search.keyboard import HANDWRITING
from kiosk.ui.search.screen import SearchScreen
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.images import ImageLoader

from strokes import Finger, characters, on_pad, standard

SIMPLE = ("十", "二", "口")  # the test's own simple characters; not names


class _Nav:
    def go(self, screen: str, **args) -> None: ...
    def back(self) -> None: ...
    def home(self) -> None: ...


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} cores"


def percentiles(values: list[float], what: str) -> str:
    q = statistics.quantiles(values, n=20)
    return (
        f"p50 {statistics.median(values):.2f} ms, p95 {q[18]:.2f} ms, "
        f"max {max(values):.2f} ms over {len(values)} {what}"
    )


def wait_for(done, app: QApplication, limit_s: float = 2.0) -> None:
    """Run the event loop (without spinning) until ``done()``."""
    deadline = time.perf_counter() + limit_s
    while not done():
        if time.perf_counter() > deadline:
            raise SystemExit("nothing was painted within 2 s")
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
    app.processEvents()  # the rest of this turn (the backing store flushed)


def open_screen(tmp: Path, app: QApplication) -> tuple[SearchScreen, Catalogue]:
    paths = Paths(tmp / "data")
    catalogue = Catalogue.open(paths.catalogue)
    geometry = app.primaryScreen().geometry()
    metrics = theme.Metrics.for_screen(geometry.width(), geometry.height())
    ctx = Context(
        Library(catalogue, MediaStore.at(paths)),
        Settings(),
        Visit("zh", metrics),
        ImageLoader(),
        _Nav(),
    )
    screen = SearchScreen(ctx)
    if screen.handwriting is None:
        raise SystemExit("no handwriting: install libzinnia0 and tegaki-zinnia-simplified-chinese")
    screen.setGeometry(geometry)
    screen.showFullScreen()
    screen.enter()
    loop = QEventLoop()
    QTimer.singleShot(500, loop.quit)
    loop.exec()
    kb = screen.keyboard
    Finger(kb).tap(*kb.key_center(HANDWRITING).toTuple())
    QTimer.singleShot(300, loop.quit)
    loop.exec()
    return screen, catalogue


def bench(screen: SearchScreen, app: QApplication, rounds: int) -> None:
    panel = screen.handwriting
    pad, bar = panel.pad, panel.candidates
    finger = Finger(pad)
    side = pad.width()
    names = [c for c in characters() if c not in SIMPLE]
    ink: list[float] = []
    candidates: list[float] = []
    first = shown = width = 0
    misses: list[str] = []
    for _ in range(rounds):
        for character in names:
            strokes = on_pad(standard(character), side)
            for n, stroke in enumerate(strokes):
                finger.press(*stroke[0])
                for point in stroke[1:]:
                    before, points = pad.paints, pad.point_count
                    start = time.perf_counter()
                    finger.move(*point)
                    if pad.point_count == points:
                        continue  # under 2 px from the last point: jitter, no ink
                    wait_for(lambda before=before: pad.paints > before, app)
                    ink.append((time.perf_counter() - start) * 1000)
                before = bar.paints
                start = time.perf_counter()
                finger.release(*stroke[-1])
                if n == len(strokes) - 1:
                    wait_for(lambda before=before: bar.paints > before, app)
                    candidates.append((time.perf_counter() - start) * 1000)
            found = bar.shown()
            width = len(found)
            first += found[:1] == [character]
            shown += character in found
            if found[:1] != [character]:
                misses.append(f"{character}→{''.join(found[:3])}")
            panel.pad.clear()
            app.processEvents()
    total = len(names) * rounds
    print(f"ink, touch move -> painted: {percentiles(ink, 'moves')}  (target p95 <= 16.7 ms)")
    print(
        f"candidates, last stroke lifted -> painted: {percentiles(candidates, 'characters')}"
        "  (target p95 <= 100 ms)"
    )
    print(
        f"top-1 accuracy: {first}/{total} = {first / total:.0%}; among the {width} "
        f"shown: {shown}/{total} = {shown / total:.0%}  ({len(names)} characters of the demo's "
        f"names, standard stroke order, {side} px pad)"
    )
    print(f"  first candidate otherwise: {' '.join(dict.fromkeys(misses))}")


def main() -> None:
    sys.stdout.reconfigure(line_buffering=True)
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3, help="times each character is written")
    parser.add_argument("--size", default="1920x1080", help="Xvfb screen when run without DISPLAY")
    args = parser.parse_args()
    if not os.environ.get("DISPLAY"):
        if not shutil.which("xvfb-run"):
            raise SystemExit("needs a display or xvfb-run (apt install xvfb)")
        screen = f"-screen 0 {args.size}x24"
        os.execvp("xvfb-run", ["xvfb-run", "-a", "-s", screen, sys.executable, *sys.argv])
    os.environ.setdefault("XDG_RUNTIME_DIR", tempfile.mkdtemp())
    app = QApplication.instance() or QApplication(sys.argv)
    print(f"before: {load()}")
    with tempfile.TemporaryDirectory() as tmp:
        screen, catalogue = open_screen(Path(tmp), app)
        bench(screen, app, args.rounds)
        screen.close()
        catalogue.close()
    print(f"after: {load()}")


if __name__ == "__main__":
    main()
