"""Soak: the real `kiosk run` in real time for a while, judged by its play records and memory.

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python tests/benchmarks/soak.py \
        --data-dir ~/.local/share/qingfeng-kiosk/demo --minutes 30

Runs on a copy of the data folder (the original's records stay as they were),
nobody touching: the attract loop at its configured durations. Every
``--sample-s`` seconds it prints the kiosk's resident memory; at the end it
stops the kiosk as a supervisor would (SIGTERM) and prints what the records
say: showings per kind and outcome, every failure with its reason, each film's
recorded seconds against its length, the longest time between one showing's
end and the next one's start, and memory from the first sample after warm-up
to the last, and its median per 10 minutes (the picture cache and libvlc fill
over the first cycle through the playlist; flat after that is what to look
for). Prints numbers; judges nothing (read them against the README).
"""

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from datetime import datetime
from pathlib import Path

from bench_kiosk import rss_mb

from kiosk.catalog import Catalogue
from kiosk.paths import Paths

WARM_UP_S = 120.0


def copy_data(source: Path, into: Path) -> Paths:
    """The catalogue copied (records land there); stored files and renditions linked."""
    into.mkdir(parents=True)
    with Catalogue.open(source / "catalogue.sqlite", create=False) as cat:
        cat.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # everything in the main file
    shutil.copy2(source / "catalogue.sqlite", into / "catalogue.sqlite")
    for name in ("store", "renditions"):
        if (source / name).is_dir():
            (into / name).symlink_to((source / name).resolve(), target_is_directory=True)
    if (source / "kiosk.toml").is_file():
        shutil.copy2(source / "kiosk.toml", into / "kiosk.toml")
    return Paths(into)


def set_cache_mb(config: Path, mb: int) -> None:
    """``[display] picture_cache_mb = MB`` in the copied settings (e.g. 64, a 2 GB machine's)."""
    lines = config.read_text("utf-8").splitlines() if config.is_file() else []
    lines = [line for line in lines if not line.strip().startswith("picture_cache_mb")]
    if "[display]" not in (line.strip() for line in lines):
        lines += ["", "[display]"]
    at = [line.strip() for line in lines].index("[display]")
    lines.insert(at + 1, f"picture_cache_mb = {mb}")
    config.write_text("\n".join(lines) + "\n", "utf-8")


def when(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp)


def last_play_id(paths: Paths) -> int:
    with Catalogue.open(paths.catalogue) as cat:
        return max((p["id"] for p in cat.plays()), default=0)


def report(paths: Paths, after_id: int) -> None:
    """What the kiosk recorded since play ``after_id``."""
    with Catalogue.open(paths.catalogue) as cat:
        plays = [p for p in cat.plays() if p["id"] > after_id and p["context"] == "loop"]
        items = cat.db.execute(
            "SELECT i.key, i.kind, m.duration_s FROM items i LEFT JOIN media m ON m.id = i.media_id"
        ).fetchall()
    lengths = {key: length for key, _kind, length in items}
    kinds = {key: kind for key, kind, _length in items}
    print(f"showings recorded: {len(plays)}")
    outcomes = Counter((kinds.get(p["item_key"], "?"), p["outcome"]) for p in plays)
    for (kind, outcome), n in sorted(outcomes.items()):
        seconds = [
            p["seconds"]
            for p in plays
            if kinds.get(p["item_key"]) == kind and p["outcome"] == outcome
        ]
        print(
            f"  {kind:12} {outcome:9} {n:5}   seconds: median {statistics.median(seconds):.1f}, "
            f"min {min(seconds):.1f}, max {max(seconds):.1f}"
        )
    for p in plays:
        if p["outcome"] != "completed":
            print(f"  {p['outcome']}: {p['item_key']} at {p['started_at']}: {p['reason']}")
    films: dict[str, list[float]] = defaultdict(list)
    for p in plays:
        if kinds.get(p["item_key"]) == "film" and p["outcome"] == "completed":
            films[p["item_key"]].append(p["seconds"])
    for key, seconds in sorted(films.items()):
        length = lengths.get(key) or 0.0
        worst = max(abs(s - length) for s in seconds)
        print(
            f"  film {key}: length {length:.1f} s, recorded "
            f"{min(seconds):.1f}–{max(seconds):.1f} s over {len(seconds)} showings"
            f" (furthest from its length: {worst:.2f} s)"
        )
    gaps = [
        (when(b["started_at"]) - when(a["ended_at"])).total_seconds()
        for a, b in itertools.pairwise(plays)
    ]
    if gaps:
        print(
            f"  between one showing's end and the next one's start: median "
            f"{statistics.median(gaps):.2f} s, max {max(gaps):.2f} s"
        )


def descendants(pid: int) -> list[int]:
    """The processes below ``pid`` (the supervisor's kiosk window), from /proc."""
    parents: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # gone meanwhile
            continue
        parents.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def pss_mb(pid: int) -> float:
    """Proportional resident memory: a page shared with other processes counts its share
    (libraries and font files mapped by both the window and the supervisor count once)."""
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) / 1024
    return 0.0


def kiosk_rss_mb(pid: int) -> tuple[float, float, float]:
    """Resident memory of the kiosk window (the supervisor's children) and of the supervisor,
    and the two together as proportional memory (PSS)."""
    window = pss = 0.0
    for child in descendants(pid):
        try:
            window += rss_mb(child)
            pss += pss_mb(child)
        except OSError:
            continue
    return window, rss_mb(pid), pss + pss_mb(pid)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data-dir", required=True, type=Path)
    parser.add_argument("--minutes", type=float, default=30.0)
    parser.add_argument("--sample-s", type=float, default=60.0)
    parser.add_argument(
        "--cache-mb", type=int, help="[display] picture_cache_mb for the run (48: a 2 GB machine)"
    )
    args = parser.parse_args()
    if not os.environ.get("DISPLAY"):
        sys.exit("soak: needs an X display (run it under xvfb-run)")
    with tempfile.TemporaryDirectory(prefix="qf-soak-") as tmp:
        paths = copy_data(args.data_dir.expanduser(), Path(tmp) / "data")
        before = last_play_id(paths)
        if args.cache_mb is not None:
            set_cache_mb(paths.config_file, args.cache_mb)
        env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
        log = open(Path(tmp) / "kiosk.out", "w+", encoding="utf-8")  # noqa: SIM115
        proc = subprocess.Popen(
            [sys.executable, "-m", "kiosk", "--data-dir", str(paths.data_dir), "run"],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        start = time.monotonic()
        samples: list[tuple[float, float]] = []
        totals: list[tuple[float, float, float]] = []  # (elapsed, RSS, PSS) of both processes
        time.sleep(min(args.sample_s, 5.0))  # started, not just forked
        try:
            signal.signal(signal.SIGTERM, _interrupt)  # stopped early: still report
            while (elapsed := time.monotonic() - start) < args.minutes * 60:
                if proc.poll() is not None:
                    break
                rss, supervisor, pss = kiosk_rss_mb(proc.pid)
                samples.append((elapsed, rss))
                totals.append((elapsed, rss + supervisor, pss))
                print(
                    f"  {elapsed / 60:5.1f} min  window {rss:6.1f} MB  supervisor "
                    f"{supervisor:5.1f} MB  both {rss + supervisor:6.1f} MB (PSS {pss:6.1f} MB)"
                    f"  load {os.getloadavg()[0]:.2f}"
                )
                sys.stdout.flush()
                time.sleep(min(args.sample_s, max(0.1, args.minutes * 60 - elapsed)))
        except KeyboardInterrupt:
            print("soak: stopped early")
        finally:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
                try:
                    proc.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
        print(f"kiosk ran {(time.monotonic() - start) / 60:.1f} min, exit status {proc.returncode}")
        if proc.returncode != 0:
            log.seek(0)
            print(log.read()[-3000:])
        log.close()
        warm = [rss for t, rss in samples if t >= WARM_UP_S]
        if len(warm) >= 2:
            print(
                f"memory after warm-up {warm[0]:.1f} MB, at the end {warm[-1]:.1f} MB "
                f"({warm[-1] - warm[0]:+.1f} MB), highest {max(warm):.1f} MB"
            )
        if samples:
            window = 600.0  # caches fill over the first cycle: read the trend after it
            medians = [
                statistics.median(rss for t, rss in samples if lo <= t < lo + window)
                for lo in range(0, int(samples[-1][0]) + 1, int(window))
                if any(lo <= t < lo + window for t, _ in samples)
            ]
            print("memory, median per 10 min: " + ", ".join(f"{m:.1f}" for m in medians) + " MB")
        warm_totals = [(rss, pss) for t, rss, pss in totals if t >= WARM_UP_S]
        if warm_totals:
            print(
                "window + supervisor after warm-up: median RSS "
                f"{statistics.median(r for r, _ in warm_totals):.1f} MB, highest "
                f"{max(r for r, _ in warm_totals):.1f} MB; median PSS "
                f"{statistics.median(p for _, p in warm_totals):.1f} MB"
            )
        report(paths, before)


if __name__ == "__main__":
    main()
