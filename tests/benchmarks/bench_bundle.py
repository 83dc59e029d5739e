"""Signed bundles: creating one of films, then verifying and applying it, against
``sha256sum`` of the same bytes in the same run; peak memory of each.

    .venv/bin/python tests/benchmarks/bench_bundle.py [--mb 2048] [--films 4]

Makes FILMS real H.264 films (720p, lossless noise: large and quick to encode) of MB
megabytes together, a key pair, then measures in fresh processes: (a) ``kiosk bundle``
of the films, (b) ``kiosk import`` of the bundle on a kiosk that trusts the key
(signature, every file unpacked and checked against the manifest, probing, poster
frames, the catalogue), (c) ``sha256sum`` of the bundle. All with the bundle's bytes in
the page cache, as they are after a copy. Target (issue 11 §6): (b) ≤ 1.3 × (c), with
memory bounded whatever MB (streamed, never loaded).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from fractions import Fraction
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

FRAME_BYTES = 430 * 1024  # a 720p frame of these films, roughly (about 88 Mbit/s)


def make_films(folder: Path, total_mb: int, films: int) -> list[Path]:
    """Real H.264 films: a gradient under moving grain, at a master's high bit rate (so
    that gigabytes encode in a minute or two, and decode as films do)."""
    import av
    import numpy as np

    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(11)
    y, x = np.mgrid[0:1080, 0:1280]
    base = ((x + y) // 8 % 200).astype(np.int16)
    grain = rng.integers(-12, 13, size=(1080, 2560), dtype=np.int16)
    frames = max(10, int(total_mb * 1024**2 / films / FRAME_BYTES))
    out = []
    for n in range(films):
        path = folder / f"警示片{n + 1}.mp4"
        with av.open(str(path), "w") as container:
            stream = container.add_stream("libx264", rate=25)
            stream.width, stream.height, stream.pix_fmt = 1280, 720, "yuv420p"
            stream.options = {"preset": "ultrafast", "crf": "18"}
            for i in range(frames):
                at = (i * 37 + n * 11) % 1280
                planes = np.clip(base + grain[:, at : at + 1280], 0, 255).astype(np.uint8)
                frame = av.VideoFrame.from_ndarray(planes, format="yuv420p")
                frame.pts, frame.time_base = i, Fraction(1, 25)
                for packet in stream.encode(frame):
                    container.mux(packet)
            for packet in stream.encode():
                container.mux(packet)
        out.append(path)
    return out


def child(code: str, *args: str) -> list[float]:
    """Run code in a fresh interpreter; the numbers it prints last (seconds, peak RSS MB…)."""
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT
    )
    if done.returncode != 0:
        raise SystemExit(done.stdout + done.stderr)
    return [float(v) for v in done.stdout.splitlines()[-1].split()]


BUNDLE = """
import sys, time, resource
from pathlib import Path
from kiosk.bundles.keys import read_secret
from kiosk.bundles.pack import make_bundle
t0 = time.perf_counter()
make_bundle([Path(sys.argv[1])], read_secret(Path(sys.argv[2])), Path(sys.argv[3]))
print(time.perf_counter() - t0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""

APPLY = """
import logging, sys, time, resource
from pathlib import Path
from kiosk.bundles.apply import apply_bundle
from kiosk.paths import Paths
from kiosk.settings import Content
checked = []  # when the last file was unpacked and checked: the verifying part
handler = logging.Handler()
handler.emit = lambda record: checked.append(time.perf_counter())
logger = logging.getLogger("kiosk.bundles.archive")
logger.addHandler(handler)
logger.setLevel(logging.DEBUG)
t0 = time.perf_counter()
result = apply_bundle(Paths(Path(sys.argv[1])), Path(sys.argv[2]), Content())
assert result.exit_code == 0, result.lines("en")
took = time.perf_counter() - t0
print(took, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, checked[-1] - t0)
"""


FRESH = """
import sys, time, resource
import numpy as np
t0 = time.perf_counter()
np.ones(int(sys.argv[1]), dtype=np.uint8)
print(time.perf_counter() - t0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=2048, help="size of the films together")
    parser.add_argument(
        "--films", type=int, default=2, help="how many films (a warning film is 1–2 GB)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the working folder")
    args = parser.parse_args()

    from kiosk.bundles.keys import Keyring, read_public, write_pair
    from kiosk.paths import Paths

    work = Path(tempfile.mkdtemp(prefix="bench-bundle-"))
    try:
        t0 = time.perf_counter()
        films = make_films(work / "十二月" / "影片", args.mb, args.films)
        size = sum(f.stat().st_size for f in films)
        print(
            f"made {len(films)} films, {size / 1024**2:,.0f} MB in {time.perf_counter() - t0:.1f} s"
        )
        _, secret, public = write_pair(work / "keys")
        bundle = work / "2026-12.bundle"
        made_s, made_mb = child(BUNDLE, str(work / "十二月"), str(secret), str(bundle))
        paths = Paths(work / "kiosk")
        Keyring(paths.trusted_keys).add(read_public(public))
        # As after a copy that finished a while ago: the bundle's bytes in the page cache,
        # and nothing (the films, the bundle) still waiting to be written to disk.
        subprocess.run(["cat", str(bundle)], stdout=subprocess.DEVNULL, check=True)
        os.sync()
        t0 = time.perf_counter()
        subprocess.run(["sha256sum", str(bundle)], stdout=subprocess.DEVNULL, check=True)
        sha_s = time.perf_counter() - t0
        apply_s, apply_mb, verify_s = child(APPLY, str(paths.data_dir), str(bundle))
        # Unpacking fills as many bytes of page cache anew. In a virtual machine whose host
        # takes back free memory (virtio-balloon page reporting, as on this project's CI-class
        # machines) the first touch of that memory is slow; sha256sum touches none.
        fresh_s, _ = child(FRESH, str(bundle.stat().st_size))
        mb = bundle.stat().st_size / 1024**2
        print(f"bundle:                {mb:,.0f} MB, {len(films)} films")
        print(f"bundle creation:       {made_s:6.2f} s   peak RSS {made_mb:6.0f} MB")
        print(f"verify + apply:        {apply_s:6.2f} s   peak RSS {apply_mb:6.0f} MB")
        print(f"  of which verifying:  {verify_s:6.2f} s   (signature, unpacking, SHA-256)")
        print(f"  the import after it: {apply_s - verify_s:6.2f} s   (probing, poster frames)")
        print(f"sha256sum:             {sha_s:6.2f} s")
        print(f"ratio apply/sha256sum: {apply_s / sha_s:6.2f}   (target <= 1.3)")
        print(
            f"fresh memory, {mb:,.0f} MB: {fresh_s:6.2f} s   (first touch; the unpacking pays it)"
        )
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
