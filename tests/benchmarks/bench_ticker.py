"""Frame pacing of the rules ticker, on this machine under Xvfb (software rendering).

    .venv/bin/python tests/benchmarks/bench_ticker.py [--seconds 60] [--behind pictures film]

The real attract screen, fullscreen at 1920x1080, on a real catalogue (the cited ticker
lines of docs/research/kinds/tickers.csv, pictures and sayings made by the test
factories, a 720p film) scrolls its band for ``--seconds`` while the loop runs behind
it: ``pictures`` (posters and sayings crossfading every few seconds) and ``film`` (a
film playing through libvlc). The band's own paint timestamps give the average frames
per second, the longest gap between two paints and the gaps' percentiles, against the
targets: average >= 58 frames/s, no gap over 33 ms. Without DISPLAY it re-runs itself
under xvfb-run at 1920x1080x24.
"""

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))

from kiosk.catalog import Catalogue  # noqa: E402
from kiosk.catalog.files import MediaStore  # noqa: E402
from kiosk.ingest.importer import Importer, import_lines  # noqa: E402
from kiosk.paths import Paths  # noqa: E402

from factories import make_image, make_video  # noqa: E402
from tickers import cited_lines, fullscreen_attract  # noqa: E402

TARGET_FPS, TARGET_GAP_MS = 58.0, 33.0


def catalogue(root: Path, *, film: bool) -> Paths:
    """Ticker lines, three posters, two sayings (and a film) imported by the real importer."""
    src = cited_lines(root / "content")
    rows = ["key,kind,file,title_zh,title_en,author_zh,source_zh"]
    for n, color in enumerate(((168, 40, 30), (94, 125, 106), (233, 225, 208))):
        make_image(src / f"p{n}.jpg", (2160, 3840) if n % 2 else (3840, 2160), color=color)
        rows.append(f"poster-{n},poster,p{n}.jpg,海报{n},Poster {n},,")
    rows.append("si-zhi,aphorism,,天知，神知，我知，子知。何谓无知！,Heaven knows.,杨震,《后汉书》")
    rows.append(
        "lian,aphorism,,予独爱莲之出淤泥而不染，濯清涟而不妖。,The lotus.,周敦颐,《爱莲说》"
    )
    if film:
        make_video(src / "f.mp4", seconds=40.0, size=(1280, 720))
        rows.append("film-1,film,f.mp4,影片,A film,,")
    (src / "works.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    paths = Paths(root / "data")
    with Catalogue.open(paths.catalogue) as cat:
        report = Importer(cat, MediaStore.at(paths)).run([src])
        if report.rejected:
            raise SystemExit("\n".join(import_lines(report, "en")))
    return paths


def measure(paths: Paths, behind: str, seconds: float) -> dict[str, float] | None:
    """Run the attract screen with ``behind`` in the loop; the band's paint timestamps."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from kiosk.catalog.library import Library
    from kiosk.playback import PlaybackUnavailable, VlcEngine, default_options
    from kiosk.settings import Settings

    QApplication.instance() or QApplication([])
    films = None
    if behind == "film":
        try:
            films = VlcEngine([*default_options(), "--aout=dummy"])
        except PlaybackUnavailable as e:
            print(f"film: skipped ({e})")
            return None
    kinds = ("film",) if behind == "film" else ("poster", "aphorism")
    settings = Settings().with_overrides(
        attract={"poster_s": 4.0, "aphorism_s": 4.0, "kinds": kinds}
    )
    cat = Catalogue.open(paths.catalogue, create=False)
    window, screen = fullscreen_attract(Library(cat, MediaStore.at(paths)), settings, films)
    stamps: list[int] = []
    screen.ticker.painted.connect(lambda: stamps.append(time.perf_counter_ns()))
    starts: list[int] = []  # when each item of the loop began (to place the long gaps)
    costs: list[float] = []  # the band's own time per frame: its paint, in ms
    paint = screen.ticker.paintEvent

    def timed_paint(event) -> None:
        begun = time.perf_counter_ns()
        paint(event)
        costs.append((time.perf_counter_ns() - begun) / 1e6)

    screen.ticker.paintEvent = timed_paint
    screen.item_started.connect(lambda *_: starts.append(time.perf_counter_ns()))

    def run(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    screen.enter()
    run(2000)  # the first item shown, the band laid out
    stamps.clear()
    costs.clear()
    started = time.perf_counter_ns()
    run(int(seconds * 1000))
    span = (time.perf_counter_ns() - started) / 1e9
    screen.leave()
    if screen.stage is not None:
        screen.stage.release()
    window.close()
    if films is not None:
        films.close()
    cat.close()
    if len(stamps) < 2:
        raise SystemExit(f"{behind}: the band painted {len(stamps)} times")
    gaps = [(b - a) / 1e6 for a, b in itertools.pairwise(stamps)]
    # each gap over the target, with how long after the latest item's start it ended
    late = []
    for (_a, b), gap in zip(itertools.pairwise(stamps), gaps, strict=True):
        if gap > TARGET_GAP_MS:
            since = [b - t for t in starts if t <= b]
            late.append((round(gap, 1), round(min(since) / 1e9, 2) if since else None))
    q = statistics.quantiles(gaps, n=100)
    return {
        "frames": len(stamps),
        "fps": len(stamps) / span,
        "p50": q[49],
        "p95": q[94],
        "p99": q[98],
        "max": max(gaps),
        "over33": sum(g > TARGET_GAP_MS for g in gaps),
        "over20": sum(g > 20 for g in gaps),
        "late": late,
        "paint_p99": statistics.quantiles(costs, n=100)[98],
        "paint_max": max(costs),
        "items": len(starts),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="scrolling time per run")
    parser.add_argument(
        "--behind", nargs="+", choices=["pictures", "film"], default=["pictures", "film"]
    )
    args = parser.parse_args()
    if not os.environ.get("DISPLAY"):
        if not shutil.which("xvfb-run"):
            raise SystemExit("needs a display or xvfb-run (apt install xvfb)")
        cmd = ["xvfb-run", "-a", "-s", "-screen 0 1920x1080x24", sys.executable, *sys.argv]
        env = {**os.environ, "QT_QPA_PLATFORM": "xcb"}
        env.setdefault("XDG_RUNTIME_DIR", tempfile.mkdtemp(prefix="runtime-"))
        return subprocess.run(cmd, env=env).returncode
    root = Path(tempfile.mkdtemp(prefix="bench-ticker-"))
    try:
        paths = catalogue(root, film="film" in args.behind)
        print(f"ticker frame pacing, {args.seconds:g} s per run, 1920x1080 under Xvfb")
        print(f"targets: average >= {TARGET_FPS:g} frames/s, no gap over {TARGET_GAP_MS:g} ms")
        ok = True
        for behind in args.behind:
            r = measure(paths, behind, args.seconds)
            if r is None:
                continue
            passed = r["fps"] >= TARGET_FPS and r["max"] <= TARGET_GAP_MS
            ok = ok and passed
            print(
                f"{behind:8s} {r['frames']:6d} frames  {r['fps']:5.1f} fps  "
                f"gap p50 {r['p50']:.1f} p95 {r['p95']:.1f} p99 {r['p99']:.1f} "
                f"max {r['max']:.1f} ms  gaps >20 ms: {r['over20']}  >33 ms: {r['over33']}  "
                f"{'ok' if passed else 'MISSED'}"
            )
            print(
                f"{'':8s} the band's own paint: p99 {r['paint_p99']:.2f} ms, "
                f"max {r['paint_max']:.2f} ms"
            )
            if r["late"]:
                print(
                    f"{'':8s} {r['items']} items shown; gaps over {TARGET_GAP_MS:g} ms "
                    "(ms, s after the latest item began): "
                    + ", ".join(f"{g} @{t}" for g, t in r["late"])
                )
        return 0 if ok else 1
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
