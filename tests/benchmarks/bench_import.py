"""Import speed and memory for large JPEGs, against vipsthumbnail on the same files.

    .venv/bin/python tests/benchmarks/bench_import.py [--files 50] [--megapixels 24]

Makes N photo-like JPEGs (6000×4000 for 24 MP), then measures in separate
processes: (a) our renditions alone (display 3840×2160 box + 480 px thumb,
from one decode), (b) the whole `kiosk import` (hashing, copying to the store,
renditions, catalogue), (c) vipsthumbnail making the same two renditions
(display from the original, thumb from the display, as we do).
Target (issue 2): (a) within 1.5× of (c); peak memory bounded whatever N.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def make_photos(folder: Path, n: int, megapixels: float) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    w = int((megapixels * 1e6 * 1.5) ** 0.5)
    h = int(w / 1.5)
    rng = np.random.default_rng(7)
    # A smooth scene plus sensor-like noise: compresses like a real photo.
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    base = np.stack(
        [
            128 + 100 * np.sin(x / 700) * np.cos(y / 500),
            128 + 90 * np.sin((x + y) / 900),
            128 + 80 * np.cos(x / 300 - y / 800),
        ],
        axis=-1,
    )
    paths = []
    for i in range(n):
        noise = rng.normal(0, 12, size=(h, w, 1)).astype(np.float32)
        arr = np.clip(base + noise + i, 0, 255).astype(np.uint8)
        path = folder / f"photo-{i:03d}.jpg"
        Image.fromarray(arr).save(path, quality=90)
        paths.append(path)
    return paths


def child(code: str, *args: str) -> tuple[float, float]:
    """Run code in a fresh interpreter; (seconds, peak RSS MB) as it reports them."""
    out = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout.split()
    return float(out[-2]), float(out[-1])


OURS = """
import sys, time, resource, tempfile
from pathlib import Path
from kiosk.ingest.images import process_image
files = sorted(Path(sys.argv[1]).glob('*.jpg'))
t0 = time.perf_counter()
for f in files:
    with tempfile.TemporaryDirectory() as d:
        process_image(f, Path(d))
print(time.perf_counter() - t0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""

IMPORT = """
import sys, time, resource
from pathlib import Path
from kiosk.catalog import Catalogue
from kiosk.catalog.files import MediaStore
from kiosk.ingest.importer import Importer
from kiosk.paths import Paths
paths = Paths(Path(sys.argv[2]))
t0 = time.perf_counter()
with Catalogue.open(paths.catalogue) as cat:
    report = Importer(cat, MediaStore.at(paths)).run([Path(sys.argv[1])])
assert report.counts["imported"] == len(list(Path(sys.argv[1]).glob('*.jpg'))), report.counts
print(time.perf_counter() - t0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def vips(files: list[Path], out: Path, box: str) -> tuple[float, float]:
    exe = shutil.which("vipsthumbnail")
    if exe is None:
        raise SystemExit("vipsthumbnail not found: install libvips-tools (setup.sh bench does)")
    t0 = time.perf_counter()
    peak = 0.0
    for f in files:
        display = out / f"{f.stem}-display.jpg"
        for cmd in (
            [exe, str(f), "-s", box, "-o", f"{display}[Q=88]"],
            [exe, str(display), "-s", "480x480", "-o", f"{out / f.stem}-thumb.jpg[Q=88]"],
        ):
            proc = subprocess.Popen(cmd)
            _, status, usage = os.wait4(proc.pid, 0)
            proc.returncode = os.waitstatus_to_exitcode(status)
            assert proc.returncode == 0, cmd
            peak = max(peak, usage.ru_maxrss / 1024)
    return time.perf_counter() - t0, peak


def main() -> None:
    if sys.argv[1:2] == ["--make"]:
        make_photos(Path(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]))
        return
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=50)
    parser.add_argument("--megapixels", type=float, default=24)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        t0 = time.perf_counter()
        # Made in a child: a parent's peak memory would be inherited by every child.
        subprocess.run(
            [
                sys.executable,
                __file__,
                "--make",
                str(tmp / "photos"),
                str(args.files),
                str(args.megapixels),
            ],
            check=True,
        )
        files = sorted((tmp / "photos").glob("*.jpg"))
        size = sum(f.stat().st_size for f in files) / 1e6
        print(
            f"made {len(files)} JPEGs of {args.megapixels:g} MP ({size:.0f} MB) "
            f"in {time.perf_counter() - t0:.0f} s; {os.cpu_count()} cores"
        )
        (tmp / "vips").mkdir()
        o_s, o_mb = child(OURS, str(tmp / "photos"))
        # vipsthumbnail makes the same display size as ours (ours may decode at 1/2 scale).
        from kiosk.ingest.images import process_image

        (tmp / "one").mkdir()
        result = process_image(files[0], tmp / "one")
        display = next(r for r in result.renditions if r.role == "display")
        v_s, v_mb = vips(files, tmp / "vips", f"{display.width}x{display.height}")
        print(f"display rendition {display.width}x{display.height} for both")
        i_s, i_mb = child(IMPORT, str(tmp / "photos"), str(tmp / "data"))
        n = len(files)
        print(f"{'':<34}{'total s':>9}{'per file':>10}{'peak MB':>9}")
        print(f"{'vipsthumbnail (display + thumb)':<34}{v_s:>9.1f}{v_s / n:>10.2f}{v_mb:>9.0f}")
        print(f"{'ours: renditions only':<34}{o_s:>9.1f}{o_s / n:>10.2f}{o_mb:>9.0f}")
        print(f"{'ours: whole kiosk import':<34}{i_s:>9.1f}{i_s / n:>10.2f}{i_mb:>9.0f}")
        print(
            f"ratio renditions/vips = {o_s / v_s:.2f} (target <= 1.5); "
            f"whole import/vips = {i_s / v_s:.2f}"
        )


if __name__ == "__main__":
    main()
