"""`kiosk import` end to end on real files: folders, sheets, bad inputs, duplicates, kills."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from PIL import Image

from kiosk.catalog import Catalogue
from kiosk.catalog.check import check_catalogue
from kiosk.ingest.importer import Importer

from commands import kiosk
from factories import make_bomb_png, make_image, make_srt, make_video, truncate, write_bytes

HEADER = [
    "key",
    "kind",
    "file",
    "subtitles",
    "title_zh",
    "title_en",
    "year",
    "date",
    "links",
    "topics",
]


def write_sheet(path: Path, rows: list[dict], encoding="utf-8", header=HEADER) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding=encoding) as f:
        writer = csv.DictWriter(f, header)
        writer.writeheader()
        for row in rows:
            writer.writerow(row)
    return path


def run_import(catalogue, store, *sources):
    return Importer(catalogue, store).run([Path(s) for s in sources])


def counted(report, *names: str) -> tuple[int, ...]:
    return tuple(report.counts[n] for n in names)


def said(problems, lang="en") -> dict[str, str]:
    """Each problem's line in ``lang``, by its place (``sheet.csv row 3`` or a file)."""
    return {str(p.where): p.line(lang) for p in problems}


def assert_rejected_rows(report, sheet: str, expected: dict[int, str]) -> None:
    """Exactly these rows of ``sheet`` were rejected, each with a reason containing its text."""
    by_row = said(report.rejected)
    assert set(by_row) == {f"{sheet} row {n}" for n in expected}
    for n, text in expected.items():
        assert text in by_row[f"{sheet} row {n}"], (n, by_row[f"{sheet} row {n}"])
    for line in by_row.values():
        assert "\n" not in line and "Traceback" not in line


@pytest.fixture
def folder(tmp_path):
    """An operator's USB stick: media in kind folders, awkward names, no sheet."""
    root = tmp_path / "usb 内容"
    make_image(root / "海报" / "廉政 海报 一.JPG", (800, 600))
    make_image(root / "posters" / "integrity-poster.png", (600, 800), mode="RGBA")
    make_image(root / "书法" / "爱莲说.jpg", (1200, 400))
    make_video(root / "films" / "警示片.mp4", seconds=1.0)
    make_srt(root / "films" / "警示片.srt")
    make_image(root / "photos" / "展厅.webp", (400, 300))
    return root


def test_folder_without_sheet_uses_folder_kinds_and_file_names(catalogue, store, folder):
    report = run_import(catalogue, store, folder)
    assert report.rejected == []
    assert counted(report, "imported", "updated", "duplicates") == (
        5,
        0,
        0,
    )
    counts = catalogue.counts()
    assert counts == {"poster": 2, "calligraphy": 1, "film": 1, "photo": 1}
    poster = next(i for i in catalogue.items(["poster"]) if i["title_zh"] == "廉政 海报 一")
    media = catalogue.media(poster["media_id"])
    assert (media["width"], media["height"], media["format"]) == (800, 600, "jpeg")
    assert store.original(media["path"]).is_file()
    assert set(catalogue.renditions(media["id"])) >= {"display", "thumb"}
    (film,) = catalogue.items(["film"])
    assert film["subtitles_id"] is not None
    video = catalogue.media(film["media_id"])
    assert video["kind"] == "video" and 0.9 < video["duration_s"] < 1.2
    assert "poster" in catalogue.renditions(video["id"])
    assert check_catalogue(catalogue, store).ok


def test_same_files_again_are_duplicates_not_new_items(catalogue, store, folder, tmp_path):
    run_import(catalogue, store, folder)
    copy = tmp_path / "copy"
    make_image(copy / "renamed.jpg", (40, 30))
    (copy / "again.JPG").write_bytes((folder / "海报" / "廉政 海报 一.JPG").read_bytes())
    report = run_import(catalogue, store, folder, copy)
    assert report.counts["imported"] == 1  # only renamed.jpg is new
    assert (
        report.counts["duplicates"] == 6
    )  # five files again, plus the renamed copy of one of them
    assert catalogue.count() == 6


@pytest.fixture
def sheet_folder(tmp_path):
    root = tmp_path / "county"
    make_image(root / "portraits" / "hai-rui.jpg", (300, 400))
    make_image(root / "calligraphy" / "lian.jpg", (2000, 600))
    make_video(root / "films" / "clip.mp4", seconds=1.0)
    make_srt(root / "films" / "clip.srt", encoding="gb18030")
    rows = [
        {"key": "topic-integrity", "kind": "专题", "title_zh": "清廉自守", "title_en": "Integrity"},
        {
            "key": "hai-rui",
            "kind": "人物",
            "file": "portraits/hai-rui.jpg",
            "title_zh": "海瑞",
            "title_en": "Hai Rui",
            "year": "1514-1587",
            "topics": "topic-integrity",
        },
        {
            "key": "work-lian",
            "kind": "书法",
            "file": "calligraphy/lian.jpg",
            "title_zh": "廉",
            "links": "hai-rui",
        },
        {
            "key": "film-clip",
            "kind": "警示片",
            "file": "films/clip.mp4",
            "subtitles": "films/clip.srt",
            "title_zh": "警示教育片",
            "links": "hai-rui；work-lian",
        },
        {
            "key": "event-memorial",
            "kind": "事件",
            "title_zh": "海瑞上《治安疏》",
            "year": "1566",
            "links": "hai-rui",
        },
    ]
    write_sheet(root / "内容.csv", rows, encoding="gbk")
    return root


def test_gbk_sheet_with_keys_links_and_topics(catalogue, store, sheet_folder):
    report = run_import(catalogue, store, sheet_folder)
    assert report.rejected == [], report.rejected
    assert report.counts["imported"] == 5
    hai = catalogue.item("hai-rui")
    assert (hai["kind"], hai["year_from"], hai["year_to"]) == ("person", 1514, 1587)
    assert catalogue.media(hai["media_id"])["kind"] == "image"  # a portrait
    linked = {r["key"]: r["relation"] for r in catalogue.linked(hai["id"])}
    assert linked == {
        "topic-integrity": "topic",
        "work-lian": "related",
        "film-clip": "related",
        "event-memorial": "related",
    }
    film = catalogue.item("film-clip")
    subs = catalogue.media(film["subtitles_id"])
    assert "第一句字幕" in store.original(subs["path"]).read_text("utf-8")
    assert catalogue.search("hr")[0].key == "hai-rui"
    # Editing the sheet and importing again updates in place.
    with open(sheet_folder / "内容.csv", encoding="gbk") as f:
        rows = list(csv.DictReader(f))
    rows[1]["title_en"] = "Hai Rui (Hai Gangfeng)"
    write_sheet(sheet_folder / "内容.csv", rows, encoding="gbk")
    report = run_import(catalogue, store, sheet_folder)
    assert counted(report, "imported", "updated", "unchanged") == (
        0,
        1,
        4,
    )
    assert catalogue.item("hai-rui")["title_en"] == "Hai Rui (Hai Gangfeng)"


def test_a_file_first_imported_loose_is_adopted_by_a_sheet_row(catalogue, store, tmp_path):
    root = tmp_path / "s"
    make_image(root / "posters" / "p.jpg", (60, 50))
    run_import(catalogue, store, root / "posters" / "p.jpg")
    write_sheet(
        root / "sheet.csv",
        [{"key": "poster-p", "kind": "poster", "file": "posters/p.jpg", "title_zh": "清风"}],
    )
    report = run_import(catalogue, store, root)
    assert (report.counts["imported"], report.counts["updated"]) == (0, 1)
    assert catalogue.count() == 1
    assert catalogue.item("poster-p")["title_zh"] == "清风"


@pytest.fixture
def bad_folder(tmp_path):
    root = tmp_path / "bad"
    make_image(root / "good.jpg", (64, 48))
    write_bytes(root / "zero.jpg", b"")
    make_image(root / "cut.jpg", (400, 300))
    truncate(root / "cut.jpg", 0.4)
    (root / "cut.jpg").unlink()
    write_bytes(root / "notes.jpg", "这不是图片".encode())
    write_bytes(root / "doc.png", b"%PDF-1.4\n" + b"0" * 200)
    make_bomb_png(root / "bomb.png")
    make_video(root / "film.mp4", seconds=2.0)
    truncate(root / "film.mp4", 0.5)
    (root / "film.mp4").unlink()
    make_srt(root / "orphan.srt")
    write_bytes(root / "readme.docx", b"PK\x03\x04" + b"\0" * 64)
    return root


def test_every_bad_file_is_one_clear_line_and_good_ones_still_import(catalogue, store, bad_folder):
    report = run_import(catalogue, store, bad_folder)
    assert report.counts["imported"] == 1
    reasons = {where.split("/")[-1]: line for where, line in said(report.rejected).items()}
    assert set(reasons) == {
        "zero.jpg",
        "cut-truncated.jpg",
        "notes.jpg",
        "doc.png",
        "bomb.png",
        "film-truncated.mp4",
        "orphan.srt",
        "readme.docx",
    }
    assert "empty" in reasons["zero.jpg"]
    assert "truncated" in reasons["cut-truncated.jpg"]
    assert "text" in reasons["notes.jpg"]
    assert "PDF" in reasons["doc.png"]
    assert "too large" in reasons["bomb.png"]
    assert "truncated" in reasons["film-truncated.mp4"] or "video" in reasons["film-truncated.mp4"]
    for p in report.rejected:
        for lang in ("zh", "en"):
            assert "\n" not in p.line(lang) and "Traceback" not in p.line(lang)
    assert report.exit_code == 1
    # Nothing of the rejected files was stored.
    assert catalogue.db["media"].count == 1
    assert check_catalogue(catalogue, store).ok


def test_bad_rows_are_reported_with_row_numbers_and_nothing_half_imported(
    catalogue, store, tmp_path
):
    root = tmp_path / "rows"
    make_image(root / "ok.jpg", (40, 40))
    make_image(root / "photo.jpg", (40, 40))
    rows = [
        {"key": "ok", "kind": "poster", "file": "ok.jpg", "title_zh": "好"},  # row 2
        {"key": "missing", "kind": "poster", "file": "nowhere.jpg", "title_zh": "缺"},  # row 3
        {"key": "bad-date", "kind": "event", "title_zh": "日期错", "date": "2024-13-45"},  # row 4
        {"key": "odd", "kind": "雕塑", "title_zh": "未知类型"},  # row 5
        {"key": "broken", "kind": "person", "title_zh": "断链", "links": "nobody"},  # row 6
        {"key": "chain", "kind": "event", "title_zh": "连带", "links": "broken"},  # row 7
        {"key": "wrong", "kind": "film", "file": "photo.jpg", "title_zh": "不是视频"},  # row 8
        {"key": "ok", "kind": "poster", "file": "photo.jpg", "title_zh": "重复键"},  # row 9
    ]
    write_sheet(root / "sheet.csv", rows)
    report = run_import(catalogue, store, root)
    assert_rejected_rows(
        report,
        "sheet.csv",
        {
            3: "nowhere.jpg",
            4: "date",
            5: "雕塑",
            6: "nobody",
            7: "links: broken was not imported because sheet.csv row 6 has a problem",
            8: "a film needs a video, but photo.jpg is an image",
            9: "key 'ok' is already defined at sheet.csv row 2",
        },
    )
    assert catalogue.keys() == {"ok"}


def test_a_sheet_with_missing_columns_is_rejected_whole(catalogue, store, tmp_path):
    root = tmp_path / "m"
    (root).mkdir()
    (root / "sheet.csv").write_text("era,year\nMing,1500\n", encoding="utf-8")
    report = run_import(catalogue, store, root)
    assert list(said(report.rejected)) == ["m/sheet.csv"]
    assert catalogue.count() == 0


# ------------------------------------------------------------------ region maps
MAP_HEADER = ["key", "kind", "file", "title_zh", "title_en", "bounds", "lat", "lon", "links"]
MAP_SHEET_HEADER = [*MAP_HEADER, "sort_order"]


def map_row(key, kind="地图", file="", title="", bounds="", **more) -> dict:
    return {"key": key, "kind": kind, "file": file, "title_zh": title, "bounds": bounds, **more}


@pytest.fixture
def map_folder(tmp_path):
    root = tmp_path / "county"
    make_image(root / "maps" / "sketch.png", (1700, 2600), color=(244, 239, 228))
    make_image(root / "maps" / "county.jpg", (800, 600))
    rows = [
        map_row("sketch", "地图", "maps/sketch.png", "示意图", "107，17 124,43", sort_order=2),
        map_row("county", "map", "maps/county.jpg", "县域图", sort_order=1),
        map_row("bao-park", "地点", title="包公园", lat="31.8563", lon="117.2935"),
    ]
    write_sheet(root / "sheet.csv", rows, header=MAP_SHEET_HEADER)
    return root


def test_map_rows_are_imported_as_maps_and_shown_with_their_bounds(catalogue, store, map_folder):
    from kiosk.catalog.library import Library

    report = run_import(catalogue, store, map_folder)
    assert report.rejected == [], report.rejected
    assert (report.counts["imported"], report.counts["updated"]) == (3, 0)
    assert catalogue.keys() == {"bao-park"}  # maps are not items
    assert [m["key"] for m in catalogue.maps()] == ["county", "sketch"]
    sketch = catalogue.map("sketch")
    assert (sketch["west"], sketch["south"], sketch["east"], sketch["north"]) == (107, 17, 124, 43)
    assert (sketch["title_zh"], sketch["origin"]) == ("示意图", "sheet.csv row 2")
    assert catalogue.map("county")["west"] is None
    media = catalogue.media(sketch["media_id"])
    assert (media["kind"], media["width"], media["height"]) == ("image", 1700, 2600)
    assert {"display", "thumb"} <= set(catalogue.renditions(media["id"]))
    assert check_catalogue(catalogue, store).ok
    assert check_catalogue(catalogue, store).counts["maps"] == 2

    county, shown = Library(catalogue, store).maps()
    assert (county.key, county.bounds) == ("county", None)
    assert shown.bounds == (107, 17, 124, 43)
    with Image.open(shown.picture) as im:
        assert im.size == (shown.width, shown.height)
    assert shown.width / shown.height == pytest.approx(1700 / 2600, abs=0.002)
    x, y = shown.position(catalogue.item("bao-park"))
    assert (x, y) == pytest.approx(((117.2935 - 107) / 17, (43 - 31.8563) / 26))
    assert county.position(catalogue.item("bao-park")) is None


def test_a_changed_map_row_updates_the_map(catalogue, store, map_folder):
    run_import(catalogue, store, map_folder)
    first = catalogue.map("sketch")
    sheet = map_folder / "sheet.csv"
    with sheet.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    rows[0].update(title_en="Location sketch", bounds="105 15 125 45")
    rows[1]["bounds"] = "115.5,29.5,116.5,30.5"
    write_sheet(sheet, rows, header=MAP_SHEET_HEADER)
    report = run_import(catalogue, store, map_folder)
    assert report.rejected == []
    assert counted(report, "imported", "updated", "unchanged") == (
        0,
        2,
        1,
    )
    sketch = catalogue.map("sketch")
    assert sketch["id"] == first["id"] and sketch["created_at"] == first["created_at"]
    assert sketch["title_en"] == "Location sketch"
    assert (sketch["west"], sketch["south"], sketch["east"], sketch["north"]) == (105, 15, 125, 45)
    assert catalogue.map("county")["north"] == 30.5
    assert catalogue.db["maps"].count == 2 and catalogue.db["media"].count == 2
    report = run_import(catalogue, store, map_folder)
    assert counted(report, "imported", "updated", "unchanged") == (
        0,
        0,
        3,
    )


def test_bad_map_rows_are_reported_with_row_numbers_and_nothing_half_imported(
    catalogue, store, tmp_path
):
    root = tmp_path / "rows"
    make_image(root / "good.png", (300, 200))
    make_image(root / "other.png", (300, 200), color=(10, 120, 60))
    make_video(root / "clip.mp4", seconds=1.0)
    rows = [
        map_row("good", file="good.png", title="好", bounds="110,20,120,30"),  # row 2
        map_row("three", file="other.png", title="三个数", bounds="110,20,120"),  # row 3
        map_row("flipped", file="other.png", title="反了", bounds="120,20,110,30"),  # row 4
        map_row("far", file="other.png", title="超界", bounds="110,20,190,30"),  # row 5
        map_row("words", file="other.png", title="字", bounds="west,south,east,north"),  # row 6
        map_row("nofile", title="没有文件"),  # row 7
        map_row("film", file="clip.mp4", title="视频"),  # row 8
        map_row("place", "地点", title="链到地图", lat="30", lon="115", links="good"),  # row 9
    ]
    write_sheet(root / "sheet.csv", rows, header=MAP_HEADER)
    report = run_import(catalogue, store, root)
    assert_rejected_rows(
        report,
        "sheet.csv",
        {
            3: "bounds: '110,20,120' is not four numbers",
            4: "bounds: west 120 must be less than east 110",
            5: "bounds: east 190 is outside -180…180",
            6: "write west,south,east,north in degrees",
            7: "a map needs a file",
            8: "a map needs an image, but clip.mp4 is a video",
            9: "links: no item with the key good",  # a map is not an item
        },
    )
    assert [m["key"] for m in catalogue.maps(enabled_only=False)] == ["good"]
    assert catalogue.keys() == set()
    # Rows refused for their values store no file; only the good map's picture is kept.
    names = {m["original_name"] for m in catalogue.all_media()}
    assert names <= {"good.png", "clip.mp4"} and "good.png" in names
    assert check_catalogue(catalogue, store).ok


def test_gbk_map_sheet_with_chinese_headings_notes_unused_columns(catalogue, store, tmp_path):
    root = tmp_path / "县"
    make_image(root / "地图" / "县域.jpg", (900, 700))
    header = ["编号", "类型", "文件", "标题", "地图范围", "关联", "专题", "排序", "启用"]
    rows = [
        ["county", "区域地图", "地图/县域.jpg", "某县图", "115，29 117，31", "", "", "3", ""],
        ["old-map", "地图", "地图/县域.jpg", "旧图", "", "x", "topic-y", "", "否"],
        ["hai-rui", "人物", "", "海瑞", "1,2,3,4", "", "", "", ""],
    ]
    rows = [dict(zip(header, r, strict=True)) for r in rows]
    write_sheet(root / "内容.csv", rows, encoding="gbk", header=header)
    report = run_import(catalogue, store, root)
    assert report.rejected == [], report.rejected
    assert report.counts["imported"] == 3
    county = catalogue.map("county")
    assert (county["title_zh"], county["sort_order"], county["enabled"]) == ("某县图", 3, 1)
    assert (county["west"], county["south"], county["east"], county["north"]) == (115, 29, 117, 31)
    assert catalogue.map("old-map")["enabled"] == 0
    assert [m["key"] for m in catalogue.maps()] == ["county"]
    assert county["media_id"] == catalogue.map("old-map")["media_id"]
    notes = said(report.notes)
    assert notes["内容.csv row 3"] == "内容.csv row 3: ignored for a map: 关联, 专题"
    assert notes["内容.csv row 4"] == "内容.csv row 4: 地图范围 ignored: only maps have bounds"
    zh = said(report.notes, "zh")
    assert zh["内容.csv row 3"] == "内容.csv 第3行 地图不使用这些列，已忽略：关联、专题"
    assert zh["内容.csv row 4"] == "内容.csv 第4行 只有地图才有地图范围，已忽略"


def test_a_folder_named_map_makes_a_map_named_after_the_file(catalogue, store, tmp_path):
    root = tmp_path / "usb"
    make_image(root / "地图" / "县城_全图.png", (640, 480))
    make_image(root / "海报" / "海报.jpg", (640, 480), color=(20, 40, 60))
    report = run_import(catalogue, store, root)
    assert report.rejected == []
    assert report.counts["imported"] == 2
    (shown,) = catalogue.maps()
    assert (shown["key"], shown["title_zh"]) == ("map-xian-cheng-quan-tu", "县城 全图")
    assert shown["west"] is None
    assert catalogue.counts() == {"poster": 1}
    # The same folder again changes nothing and makes no second map.
    report = run_import(catalogue, store, root)
    assert report.counts["imported"] == 0 and catalogue.db["maps"].count == 1


def test_check_reports_a_map_whose_file_is_missing_or_damaged(catalogue, store, map_folder):
    run_import(catalogue, store, map_folder)
    sketch = catalogue.media(catalogue.map("sketch")["media_id"])
    county = catalogue.media(catalogue.map("county")["media_id"])
    store.original(sketch["path"]).unlink()
    with open(store.original(county["path"]), "r+b") as f:
        f.seek(100)
        f.write(b"damage")
    report = check_catalogue(catalogue, store)
    sketch_id, county_id = sketch["id"], county["id"]
    assert [f.line("en") for f in report.errors] == [
        f"sketch.png (media {sketch_id}): stored file missing ({store.original(sketch['path'])})",
        f"county.jpg (media {county_id}): stored file is damaged (content changed)",
    ]
    assert [f.line("zh") for f in report.errors] == [
        f"sketch.png（文件 {sketch_id}） 保存的文件不见了（{store.original(sketch['path'])}）",
        f"county.jpg（文件 {county_id}） 保存的文件已损坏（内容变了）",
    ]
    # Importing the originals again restores them.
    run_import(catalogue, store, map_folder)
    assert check_catalogue(catalogue, store).ok


# ------------------------------------------------------------------ the CLI


def test_cli_import_search_check_and_exit_codes(tmp_path, sheet_folder, bad_folder):
    data = tmp_path / "cli-data"
    done = kiosk(data, "import", "--lang", "en", str(sheet_folder))
    assert done.returncode == 0, done.stderr
    assert "imported 5" in done.stdout
    done = kiosk(data, "--lang", "en", "import", str(bad_folder))
    assert done.returncode == 1
    assert "rejected: bad/zero.jpg: empty file (0 bytes)\n" in done.stdout
    assert "Traceback" not in done.stderr + done.stdout
    done = kiosk(data, "import", "--lang", "zh", str(bad_folder))
    assert "未导入：bad/zero.jpg 空文件（0 字节）\n" in done.stdout
    assert kiosk(data, "import", str(tmp_path / "nope")).returncode == 2  # usage
    assert kiosk(data, "import").returncode == 2

    found = kiosk(data, "search", "haorui", "--json")
    assert json.loads(found.stdout) == []
    found = kiosk(data, "search", "hairui", "--json")
    assert json.loads(found.stdout)[0]["key"] == "hai-rui"
    assert "hai-rui" in kiosk(data, "search", "海瑞").stdout

    assert kiosk(data, "check").returncode == 0
    with Catalogue.open(data / "catalogue.sqlite") as cat:
        hai = cat.media(cat.item("hai-rui")["media_id"])
        lian = cat.media(cat.item("work-lian")["media_id"])
        film_poster = cat.renditions(cat.item("film-clip")["media_id"])["poster"]
    (data / "store" / hai["path"]).unlink()
    (data / "renditions" / film_poster["path"]).unlink()
    with open(data / "store" / lian["path"], "r+b") as f:
        f.seek(100)
        f.write(b"damage")
    checked = kiosk(data, "check", "--json", "--lang", "en")
    assert checked.returncode == 1
    report = json.loads(checked.stdout)
    problems = " ".join(f["what"] for f in report["findings"] if f["severity"] == "error")
    assert "hai-rui.jpg" in problems and "missing" in problems
    assert "lian.jpg" in problems and "damaged" in problems
    assert "clip.mp4" in problems and "poster rendition missing" in problems
    # Importing the originals again repairs both.
    kiosk(data, "import", str(sheet_folder))
    assert kiosk(data, "check").returncode == 0


def test_cli_search_on_missing_catalogue_is_one_line(tmp_path):
    done = kiosk(tmp_path / "empty", "search", "bz")
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0 and "no catalogue" in done.stderr


def test_the_readme_worked_example_imports_as_it_says(catalogue, store):
    """data/example/county/history.csv: five rows, linked both ways, no complaints."""
    example = Path(__file__).parent.parent / "data" / "example" / "county"
    report = Importer(catalogue, store).run([example])
    assert report.rejected == [] and report.counts["imported"] == 5
    person = catalogue.item("yu-qian")
    assert (person["year_from"], person["year_to"]) == (1398, 1457)
    linked = {r["key"] for r in catalogue.linked(person["id"])}
    assert linked == {"yu-qian-shrine", "defence-of-beijing", "shi-hui-yin", "topic-integrity"}
