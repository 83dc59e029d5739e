"""Building the demo media (posters, calligraphy, films, the map) from the catalogue sheets.

``data/demo/works.csv`` lists every work and where its file goes;
``data/demo/artwork.toml`` says how each is drawn; ``media/demo/films/`` holds
the films' scripts; ``data/demo/maps.csv`` lists the region map (a location
sketch drawn from its bounds); ``data/demo/songs.csv`` the song (``song.py``
synthesises it and writes its ``.lrc``).  ``build()`` renders what is missing or out of
date into an output folder, keeping a stamp per work (``.stamps/<key>.json``: a
hash of the row, its spec, the drawing code (with the scripts) and the scale),
so running set-up again is quick and a changed spec re-renders only that work.
Every file is written under a temporary name and moved into place with
``os.replace``, so an interrupted build never leaves half a file.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import tomllib
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from kiosk.demo.films.scripts import scripts_dir
from kiosk.ingest.rows import parse_bounds
from kiosk.paths import DATA_SOURCES

SHEET = DATA_SOURCES / "demo" / "works.csv"
SPEC = DATA_SOURCES / "demo" / "artwork.toml"
MAPS = DATA_SOURCES / "demo" / "maps.csv"
SONGS = DATA_SOURCES / "demo" / "songs.csv"
COLUMNS = [
    "key", "kind", "file", "subtitles", "title_zh", "title_en", "summary_zh", "summary_en",
    "body_zh", "body_en", "author_zh", "author_en", "source_zh", "source_en", "era_zh", "era_en",
    "year", "links", "topics", "sort_order",
]  # fmt: skip
MAP_COLUMNS = ["key", "kind", "file", "title_zh", "title_en", "bounds", "sort_order"]
SONG_COLUMNS = [
    "key", "kind", "file", "title_zh", "title_en", "summary_zh", "summary_en", "body_zh",
    "body_en", "author_zh", "author_en", "source_zh", "source_en", "links", "topics", "sort_order",
]  # fmt: skip
JPEG_QUALITY = 90
# What each kind of job is drawn from (modules, packages, the films' scripts), for its stamp.
_HERE = Path(__file__).parent
_CODE = (_HERE / "artwork", _HERE / "films", scripts_dir())
_MAP_CODE = (_HERE / "mapsketch.py", _HERE / "artwork")
_SONG_CODE = (_HERE / "song.py", _HERE / "films" / "sound.py")
MAP_JOB = "map"

Progress = Callable[[str], None]


@dataclass(frozen=True)
class Job:
    key: str
    kind: str
    row: dict[str, str]
    spec: dict[str, Any]
    outputs: tuple[Path, ...]  # the media file, then the subtitles for films, lyrics for songs
    scale: float
    digest: str


def read_sheet(path: Path = SHEET, columns: list[str] = COLUMNS) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != columns:
            raise ValueError(f"{path.name}: the header must be exactly: {','.join(columns)}")
        return list(reader)


def read_spec(path: Path = SPEC) -> dict[str, dict[str, Any]]:
    with path.open("rb") as f:
        return tomllib.load(f)


def _code_digest(sources: tuple[Path, ...] = _CODE) -> str:
    h = hashlib.sha256()
    for path in sources:
        files = sorted(path.glob("*.*")) if path.is_dir() else [path]
        for file in files:
            h.update(f"{path.name}/{file.name}".encode())
            h.update(file.read_bytes())
    return h.hexdigest()


def plan(
    out_dir: Path,
    *,
    scale: float = 1.0,
    only: Iterable[str] | None = None,
    sheet: Path = SHEET,
    spec: Path = SPEC,
    maps: Path = MAPS,
    songs: Path = SONGS,
) -> list[Job]:
    specs = read_spec(spec)
    work_code, map_code = _code_digest(), _code_digest(_MAP_CODE)
    sources = [(row, row["kind"], work_code) for row in read_sheet(sheet)]
    sources += [(row, MAP_JOB, map_code) for row in read_sheet(maps, MAP_COLUMNS)]
    song_code = _code_digest(_SONG_CODE)
    sources += [(row, "song", song_code) for row in read_sheet(songs, SONG_COLUMNS)]
    wanted = set(only) if only is not None else None
    jobs = []
    for row, kind, code in sources:
        if wanted is not None and row["key"] not in wanted:
            continue
        outputs = [out_dir / row["file"]]
        if kind == "film":
            outputs.append(out_dir / row["subtitles"])
        elif kind == "song":  # its .lrc beside it, found by its name
            outputs.append(outputs[0].with_suffix(".lrc"))
        item_spec = specs.get(row["key"], {})
        blob = json.dumps([row, item_spec, code, scale], sort_keys=True, ensure_ascii=False)
        digest = hashlib.sha256(blob.encode()).hexdigest()
        jobs.append(Job(row["key"], kind, row, item_spec, tuple(outputs), scale, digest))
    return jobs


def _stamp_path(out_dir: Path, key: str) -> Path:
    return out_dir / ".stamps" / f"{key}.json"


def _up_to_date(out_dir: Path, job: Job) -> bool:
    try:
        stamp = json.loads(_stamp_path(out_dir, job.key).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if stamp.get("digest") != job.digest:
        return False
    sizes = stamp.get("sizes", {})
    for p in job.outputs:
        try:
            if p.stat().st_size != sizes.get(p.name):
                return False
        except OSError:
            return False
    return True


def _tmp(path: Path) -> Path:
    return path.with_name(f".{path.stem}.part-{os.getpid()}{path.suffix}")


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = _tmp(path)
    tmp.write_bytes(data)
    os.replace(tmp, path)


def render_job(job: Job) -> str:
    """Render one work to its output paths (run in a worker process or inline)."""
    from kiosk.demo import artwork, films, mapsketch, song

    for p in job.outputs:
        p.parent.mkdir(parents=True, exist_ok=True)
    tmps = [_tmp(p) for p in job.outputs]
    try:
        if job.kind == "film":
            name = Path(job.row["file"]).stem
            seed = int(job.spec.get("seed", 0))
            films.render_film(name, tmps[0], tmps[1], scale=job.scale, seed=seed)
        elif job.kind in ("poster", "calligraphy"):
            img = artwork.render(artwork.Work(job.key, job.row, job.spec), job.scale)
            img.save(tmps[0], "JPEG", quality=JPEG_QUALITY)
        elif job.kind == "song":
            song.render_song(tmps[0], tmps[1], seed=int(job.spec.get("seed", 1449)))
        elif job.kind == MAP_JOB:
            img = mapsketch.render(parse_bounds(job.row["bounds"]), job.scale)
            img.save(tmps[0], "JPEG", quality=JPEG_QUALITY)
        else:
            raise ValueError(f"{job.key}: the demo cannot make a {job.kind!r}")
        for tmp, p in zip(tmps, job.outputs, strict=True):
            os.replace(tmp, p)
    finally:
        for tmp in tmps:
            tmp.unlink(missing_ok=True)
    return job.key


def _write_stamp(out_dir: Path, job: Job) -> None:
    stamp = {
        "digest": job.digest,
        "scale": job.scale,
        "sizes": {p.name: p.stat().st_size for p in job.outputs},
    }
    path = _stamp_path(out_dir, job.key)
    path.parent.mkdir(parents=True, exist_ok=True)
    _write_atomic(path, json.dumps(stamp, indent=1).encode())


def build(
    out_dir: Path,
    progress: Progress | None = None,
    *,
    scale: float = 1.0,
    only: Iterable[str] | None = None,
    jobs: int | None = None,
    sheet: Path = SHEET,
    spec: Path = SPEC,
    maps: Path = MAPS,
    songs: Path = SONGS,
) -> list[Path]:
    """Render every work and map in the sheets into ``out_dir``; return the paths written or kept.

    ``scale`` < 1 renders everything smaller (tests); ``only`` limits the build to
    some keys; ``jobs`` is the number of worker processes (default: up to 2).
    Copies of the sheets are kept beside the media as ``works.csv`` and
    ``maps.csv`` so the folder can be imported on its own; they are the first
    paths returned.
    """
    from kiosk.demo import artwork

    say = progress or (lambda _msg: None)
    artwork.check_fonts()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    copies = []
    for source, name in ((sheet, "works.csv"), (maps, "maps.csv")):
        copy, data = out_dir / name, Path(source).read_bytes()
        if not copy.is_file() or copy.read_bytes() != data:
            _write_atomic(copy, data)
        copies.append(copy)
    todo = plan(out_dir, scale=scale, only=only, sheet=sheet, spec=spec, maps=maps, songs=songs)
    stale = [j for j in todo if not _up_to_date(out_dir, j)]
    for j in todo:
        if j not in stale:
            say(f"up to date: {j.row['file']}")
    workers = min(jobs if jobs is not None else min(2, os.cpu_count() or 1), len(stale))
    if workers <= 1:
        for i, j in enumerate(stale, 1):
            say(f"rendering {i}/{len(stale)}: {j.row['file']}")
            render_job(j)
            _write_stamp(out_dir, j)
    else:
        # Largest first so the long handscroll and the films overlap with the rest.
        order = sorted(stale, key=lambda j: j.kind != "film")
        with ProcessPoolExecutor(workers, mp_context=get_context("spawn")) as pool:
            futures = {pool.submit(render_job, j): j for j in order}
            for n, fut in enumerate(as_completed(futures), 1):
                j = futures[fut]
                fut.result()
                _write_stamp(out_dir, j)
                say(f"rendered {n}/{len(stale)}: {j.row['file']}")
    paths = copies
    for j in todo:
        paths.extend(j.outputs)
    return paths
