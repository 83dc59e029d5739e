"""The generated demo media: every sheet row renders, opens, and a second build is a no-op.

The media are built by ``build_demo`` (as ``kiosk demo`` does, at a small scale),
so the demo catalogue it imports is checked here too.
"""

from __future__ import annotations

import csv
import re
import shutil
import tomllib
from pathlib import Path

import av
import pytest
from PIL import Image, ImageDraw

from kiosk import paths
from kiosk.catalog import Catalogue
from kiosk.catalog.files import MediaStore
from kiosk.catalog.library import Library
from kiosk.demo import artwork, mapsketch, media
from kiosk.demo.artwork import faces
from kiosk.demo.catalogue import build_demo
from kiosk.demo.films import FILMS, scripts
from kiosk.ingest.rows import MAP_KIND, kind_of, parse_bounds
from kiosk.paths import DATA_SOURCES, REPO_ROOT, Paths, media_dir

SCALE = 1 / 8
PEOPLE = {
    "yang-zhen", "bao-zheng", "hai-rui", "yu-chenglong", "zhou-dunyi", "fan-zhongyan",
    "wen-tianxiang", "lin-zexu", "fang-zhimin", "jiao-yulu", "kong-fansen", "yang-shanzhou",
    "yu-qian", "zhuge-liang",
}  # fmt: skip
TOPICS = {
    "topic-family-tradition", "topic-integrity", "topic-frugality", "topic-impartiality",
    "topic-patriotism", "topic-serving-people",
}  # fmt: skip
ROWS = media.read_sheet()
MAP_ROWS = media.read_sheet(media.MAPS, media.MAP_COLUMNS)
_TIME = r"(\d\d):(\d\d):(\d\d),(\d{3})"


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """A data folder with the demo catalogue, built as 'kiosk demo' builds it."""
    paths = Paths(tmp_path_factory.mktemp("demo"))
    return paths, build_demo(paths, scale=SCALE, jobs=1)


@pytest.fixture(scope="module")
def built(demo) -> tuple[Path, list[Path]]:
    paths, _ = demo
    out = paths.demo_build
    return out, media.build(out, scale=SCALE, jobs=1)


def _mtimes(paths: list[Path]) -> dict[Path, int]:
    return {p: p.stat().st_mtime_ns for p in paths}


def test_sheet_rows_are_valid():
    keys = [r["key"] for r in ROWS]
    assert len(keys) == len(set(keys))
    kinds = [r["kind"] for r in ROWS]
    assert kinds.count("poster") >= 12
    assert kinds.count("calligraphy") >= 12
    assert kinds.count("film") == 2
    for r in ROWS:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", r["key"]), r["key"]
        assert r["key"].startswith(r["kind"] + "-"), r["key"]
        assert set(filter(None, r["links"].split(";"))) <= PEOPLE, r["key"]
        assert set(filter(None, r["topics"].split(";"))) <= TOPICS, r["key"]
        assert r["title_zh"] and r["title_en"] and r["body_zh"] and r["body_en"], r["key"]
        assert r["source_zh"] and r["source_en"], r["key"]
        if r["kind"] == "calligraphy":
            assert r["author_zh"] == "清风展陈 演示作品（电脑字体）"
            assert r["author_en"] == "Qingfeng Kiosk demo work (computer typeset)"
        if r["kind"] == "film":
            assert r["file"].endswith(".mp4") and r["subtitles"].endswith(".srt")
        else:
            assert r["file"].endswith(".jpg") and not r["subtitles"]


def test_classical_texts_are_exact():
    by_key = {r["key"]: r for r in ROWS}
    lotus = by_key["calligraphy-ai-lian-shuo-handscroll"]["body_zh"]
    assert len(artwork.clean(lotus)) == 119
    assert lotus.startswith("水陆草木之花，可爱者甚蕃。")
    assert lotus.endswith("牡丹之爱，宜乎众矣！")
    assert "天知，神知，我知，子知。" in by_key["poster-si-zhi"]["body_zh"]
    # the film's lines are the full text, in order
    assert "".join(line["zh"] for line in scripts.load("ai-lian-shuo")["lines"]) == lotus


@pytest.mark.parametrize("role", ["kai", "serif"])
def test_every_character_has_a_glyph(role):
    f = artwork.font(role, 48)

    def ink(c: str) -> bytes:
        im = Image.new("L", (64, 64))
        ImageDraw.Draw(im).text((8, 8), c, font=f, fill=255)
        return im.tobytes()

    missing = ink("\U0010fffd")
    chars = {c for r in ROWS for col in ("title_zh", "body_zh", "source_zh") for c in r[col]}
    chars |= set("清风展陈演示电脑字体录廉")
    bad = sorted(c for c in chars if not c.isspace() and ink(c) == missing)
    assert not bad, f"{role} font lacks {''.join(bad)}"


def test_every_row_is_built_and_opens(built):
    out, paths = built
    assert paths[:2] == [out / "works.csv", out / "maps.csv"]
    for r in ROWS:
        path = out / r["file"]
        assert path in paths and path.is_file(), r["file"]
        if r["kind"] == "film":
            continue
        with Image.open(path) as im:
            assert im.format == "JPEG" and im.mode == "RGB"
            im.load()
            w, h = im.size
        ratio = max(w, h) / min(w, h)
        if r["kind"] == "poster":
            assert abs(ratio - 16 / 9) < 0.01, r["key"]
        assert max(w, h) >= 400 * SCALE * 8 / 8


def test_scroll_sizes_are_real_scan_sizes(built):
    out, _ = built
    with Image.open(out / "calligraphy/ai-lian-shuo-handscroll.jpg") as im:
        assert im.size == (int(30000 * SCALE), int(3000 * SCALE))
    with Image.open(out / "calligraphy/zheng-qi-ge-hanging.jpg") as im:
        assert im.size == (int(3000 * SCALE), int(12000 * SCALE))


def test_films_have_video_audio_and_subtitles(built):
    out, _ = built
    for r in (r for r in ROWS if r["kind"] == "film"):
        with av.open(str(out / r["file"])) as c:
            v, a = c.streams.video[0], c.streams.audio[0]
            assert v.codec_context.name == "h264"
            assert v.codec_context.pix_fmt == "yuv420p"
            assert round(float(v.average_rate)) == 25
            assert a.codec_context.name == "aac"
            assert a.codec_context.sample_rate == 48000
            assert a.codec_context.channels == 2
            assert 30 <= c.duration / 1e6 <= 60
            frame = next(c.decode(video=0))
            assert frame.width == v.codec_context.width
        text = (out / r["subtitles"]).read_text(encoding="utf-8")
        blocks = [b for b in text.strip().split("\n\n") if b]
        assert len(blocks) >= 6
        last_end = 0.0
        for i, b in enumerate(blocks, 1):
            num, times, *lines = b.split("\n")
            assert int(num) == i
            m = re.fullmatch(f"{_TIME} --> {_TIME}", times)
            assert m, times
            g = [int(x) for x in m.groups()]
            start = g[0] * 3600 + g[1] * 60 + g[2] + g[3] / 1000
            end = g[4] * 3600 + g[5] * 60 + g[6] + g[7] / 1000
            assert last_end <= start < end
            last_end = end
            assert lines and all(lines)
            assert re.search(r"[\u4e00-\u9fff]", lines[0])


def test_second_build_rewrites_nothing(built):
    out, paths = built
    before = _mtimes(paths)
    said: list[str] = []
    again = media.build(out, said.append, scale=SCALE, jobs=1)
    assert again == paths
    assert _mtimes(again) == before
    assert all(s.startswith("up to date") for s in said)


def test_changed_spec_renders_that_work_again(tmp_path):
    sheet = tmp_path / "works.csv"
    spec = tmp_path / "artwork.toml"
    shutil.copy(media.SHEET, sheet)
    shutil.copy(media.SPEC, spec)
    out = tmp_path / "out"
    keys = ["poster-qing-pin", "calligraphy-si-zhi"]
    media.build(out, scale=1 / 16, only=keys, jobs=1, sheet=sheet, spec=spec)
    before = _mtimes([out / "posters/qing-pin.jpg", out / "calligraphy/si-zhi.jpg"])
    spec.write_text(spec.read_text(encoding="utf-8").replace("seed = 21", "seed = 99"), "utf-8")
    said: list[str] = []
    media.build(out, said.append, scale=1 / 16, only=keys, jobs=1, sheet=sheet, spec=spec)
    after = _mtimes(list(before))
    assert after[out / "posters/qing-pin.jpg"] != before[out / "posters/qing-pin.jpg"]
    assert after[out / "calligraphy/si-zhi.jpg"] == before[out / "calligraphy/si-zhi.jpg"]
    assert not list(out.rglob(".*part*")), "no temporary files left behind"


def test_missing_font_names_the_debian_package(monkeypatch):
    monkeypatch.setattr(faces, "find", lambda role: None)
    artwork.font.cache_clear()
    try:
        with pytest.raises(artwork.FontMissing, match="fonts-arphic-ukai"):
            artwork.font("kai", 20)
    finally:
        artwork.font.cache_clear()


def test_the_paths_module_finds_media_in_the_source_tree_and_the_installed_package(
    tmp_path, monkeypatch
):
    assert media_dir() == REPO_ROOT / "media"
    assert (media_dir() / "demo" / "films").is_dir()
    installed = tmp_path / "kiosk"
    (installed / "media").mkdir(parents=True)
    monkeypatch.setattr(paths, "PACKAGE_DIR", installed)
    assert paths.media_dir() == installed / "media"
    assert paths.data_sources() == REPO_ROOT / "data"
    (installed / "data").mkdir()
    assert paths.data_sources() == installed / "data"


@pytest.mark.slow
def test_the_wheel_carries_the_demo_sheets_and_media(tmp_path):
    """An installed (not editable) kiosk can build its demo: data/ and media/ are inside."""
    import subprocess
    import sys
    import zipfile

    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), "."],
        cwd=REPO_ROOT,
        check=True,
        capture_output=True,
        timeout=240,
    )
    (wheel,) = tmp_path.glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {"kiosk/data/demo/works.csv", "kiosk/data/demo/artwork.toml"} <= names
    assert any(n.startswith("kiosk/media/demo/films/") for n in names)


def test_the_package_list_installs_every_package_and_media():
    """pyproject.toml lists the packages (so media/ can go in as kiosk.media): every folder
    of kiosk/ with an __init__.py must be in the list, or an installed kiosk lacks it."""
    with (REPO_ROOT / "pyproject.toml").open("rb") as f:
        setuptools = tomllib.load(f)["tool"]["setuptools"]
    found = {
        ".".join(init.parent.relative_to(REPO_ROOT).parts)
        for init in (REPO_ROOT / "kiosk").rglob("__init__.py")
    }
    assert set(setuptools["packages"]) == found | {"kiosk.media", "kiosk.data"}
    assert setuptools["package-dir"] == {"kiosk.media": "media", "kiosk.data": "data"}
    assert setuptools["package-data"] == {"kiosk.media": ["**/*"], "kiosk.data": ["**/*"]}


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    items = value.values() if isinstance(value, dict) else value
    return [s for item in items for s in _strings(item)]


@pytest.mark.parametrize("name", sorted(FILMS))
def test_every_film_has_a_script_in_media(name):
    """Each film's words load from media/demo/films/<name>.toml: a title card, closing
    credits, and no empty line; the film is drawn from them (at a tiny size here)."""
    script = scripts.load(name)
    assert {"title", "credits"} <= script.keys()
    assert all(s.strip() for s in _strings(script))
    shots, duration = FILMS[name]((64, 36), 1, script)
    captions = [c.text for shot in shots for c in shot.captions]
    assert script["title"]["caption"] == captions[0]
    assert duration == pytest.approx(shots[-1].end)


def test_sheet_header_is_checked(tmp_path):
    bad = tmp_path / "works.csv"
    with bad.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerow(["key", "kind"])
    with pytest.raises(ValueError, match="header"):
        media.read_sheet(bad)


def _demo_places() -> list[tuple[float, float]]:
    with (DATA_SOURCES / "demo" / "places.csv").open(encoding="utf-8", newline="") as f:
        return [(float(r["lat"]), float(r["lon"])) for r in csv.DictReader(f) if r["lat"]]


def test_the_map_row_has_bounds_around_every_demo_place():
    (row,) = MAP_ROWS
    assert row["key"] == "map-demo" and kind_of(row["kind"]) == MAP_KIND
    assert row["file"].endswith(".jpg")
    # Whole degrees, three degrees beyond the outermost places: update the sheet
    # when a place outside them is added.
    assert parse_bounds(row["bounds"]) == mapsketch.bounds_around(_demo_places(), margin=3)
    west, south, east, north = parse_bounds(row["bounds"])
    for lat, lon in _demo_places():
        assert west + 3 <= lon <= east - 3 and south + 3 <= lat <= north - 3


def test_the_map_sketch_has_equal_pixels_per_degree_across_and_down(built):
    out, paths = built
    (row,) = MAP_ROWS
    bounds = parse_bounds(row["bounds"])
    west, south, east, north = bounds
    assert out / row["file"] in paths
    with Image.open(out / row["file"]) as im:
        assert im.format == "JPEG" and im.mode == "RGB"
        im.load()
        assert im.width / (east - west) == im.height / (north - south)
    width, height, per_degree = mapsketch.size_for(bounds)
    assert (width, height) == ((east - west) * per_degree, (north - south) * per_degree)
    assert 2800 <= max(width, height) <= 3000


def test_the_demo_catalogue_has_one_map_with_every_place_on_it(demo):
    paths, report = demo
    assert report.rejected == [], report.rejected
    with Catalogue.open(paths.demo.catalogue, create=False) as catalogue:
        (shown,) = Library(catalogue, MediaStore.at(paths.demo)).maps()
        places = [p for p in catalogue.items(["place"]) if p["lat"] is not None]
    assert shown.key == "map-demo" and shown.title_zh and shown.title_en
    assert shown.bounds == parse_bounds(MAP_ROWS[0]["bounds"])
    with Image.open(shown.picture) as im:
        assert im.size == (shown.width, shown.height)
    assert len(places) == len(_demo_places())
    for place in places:
        x, y = shown.position(place)
        assert 0.1 < x < 0.9 and 0.05 < y < 0.95, place["key"]
