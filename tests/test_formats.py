"""The files operators actually get, imported for real: PDF posters, HEIC photos, old and
new film containers and a DVD's VIDEO_TS folder; each bad one is one line."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pikepdf
import pytest
from PIL import Image

from kiosk.catalog.check import check_catalogue
from kiosk.ingest import pdf
from kiosk.ingest.importer import LABELS, Importer, import_lines
from kiosk.strings import tr

from factories import make_image, make_srt, truncate, write_bytes
from formats_factories import FILMS, make_dvd, make_film, make_heic, make_pdf

BLUE, RED = (20, 40, 200), (178, 34, 34)


def run_import(catalogue, store, *sources: Path):
    return Importer(catalogue, store).run(list(sources))


def lines(report, lang: str = "en") -> dict[str, str]:
    """Each refusal and note in ``lang`` as ``kiosk import`` labels it, by file name."""
    said = {}
    for problem in report.problems:
        what = tr("and_also", lang).join(t.render(lang) for t in problem.what)
        said[str(problem.where).split("/")[-1]] = tr(LABELS[problem.severity], lang).format(
            line=what
        )
    return said


def only_item(catalogue) -> tuple[dict, dict]:
    (item,) = catalogue.items(enabled_only=False)
    return item, catalogue.media(item["media_id"])


def near(rgb: tuple[int, ...], want: tuple[int, int, int], tolerance: int = 40) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(rgb, want, strict=False))


def rendition_pixel(store, catalogue, media_id: int, role: str, xy: tuple[float, float]):
    """The colour at a fraction (x, y) of a rendition."""
    path = store.rendition(catalogue.renditions(media_id)[role]["path"])
    with Image.open(path) as im:
        return im.convert("RGB").getpixel((int(xy[0] * im.width), int(xy[1] * im.height)))


# --- PDF posters --------------------------------------------------------------------------------


def test_a_pdf_poster_is_its_first_page_rendered_for_deep_zoom(catalogue, store, tmp_path):
    src = make_pdf(tmp_path / "in" / "廉洁文化海报.pdf", size_pt=(1684, 2384))  # A1

    report = run_import(catalogue, store, tmp_path / "in")

    assert report.rejected == [] and report.notes == []
    item, media = only_item(catalogue)
    assert (item["kind"], item["title_zh"]) == ("poster", "廉洁文化海报")
    assert (media["format"], media["original_name"]) == ("pdf", src.name)
    # The long side rendered at 8000 px: sharp at the gallery's deepest zoom, with tiles.
    assert media["height"] == 8000  # PDFium rounds the other side up
    assert media["width"] == pytest.approx(1684 * 8000 / 2384, abs=1)
    rends = catalogue.renditions(media["id"])
    assert set(rends) == {"display", "thumb", "tiles"}
    assert max(rends["display"]["width"], rends["display"]["height"]) <= 3840
    manifest = json.loads((store.rendition(rends["tiles"]["path"]) / "manifest.json").read_text())
    assert (manifest["width"], manifest["height"]) == (media["width"], media["height"])
    assert store.original(media["path"]).read_bytes() == src.read_bytes()
    assert store.original(media["path"]).suffix == ".pdf"
    assert near(rendition_pixel(store, catalogue, media["id"], "display", (0.05, 0.05)), BLUE)
    assert near(rendition_pixel(store, catalogue, media["id"], "display", (0.9, 0.9)), RED)
    assert check_catalogue(catalogue, store).ok


def test_a_small_page_is_rendered_at_most_at_600_dpi(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    result = pdf.process_pdf(make_pdf(tmp_path / "a6.pdf", size_pt=(298, 420)), out)
    size = (result.picture.width, result.picture.height)
    assert size == pytest.approx((298 * 600 / 72, 420 * 600 / 72), abs=1)
    # A square page would be 64 MP at 8000 px: held to the pixel limit.
    assert pdf.render_scale(2000, 2000) == pytest.approx((pdf.RENDER_MAX_PIXELS**0.5) / 2000)


def test_a_pdf_in_a_calligraphy_folder_is_calligraphy(catalogue, store, tmp_path):
    make_pdf(tmp_path / "in" / "书法" / "清风.pdf", size_pt=(400, 1200))
    run_import(catalogue, store, tmp_path / "in")
    item, _ = only_item(catalogue)
    assert item["kind"] == "calligraphy"


def test_a_sheet_row_can_name_a_pdf_as_a_photo(catalogue, store, tmp_path):
    make_pdf(tmp_path / "in" / "合影.pdf", size_pt=(842, 595))
    with open(tmp_path / "in" / "目录.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerows([["key", "kind", "file", "title_zh"], ["p1", "photo", "合影.pdf", "合影"]])
    report = run_import(catalogue, store, tmp_path / "in")
    assert report.rejected == []
    assert catalogue.item("p1")["kind"] == "photo"


def test_a_multi_page_pdf_says_which_page_it_shows(catalogue, store, tmp_path):
    make_pdf(tmp_path / "in" / "展板.pdf", pages=3)

    report = run_import(catalogue, store, tmp_path / "in")

    assert lines(report, "zh") == {"展板.pdf": "提示：PDF 共 3 页，展示的是第 1 页"}
    assert lines(report, "en") == {"展板.pdf": "note: the PDF has 3 pages; page 1 is shown"}
    _, media = only_item(catalogue)
    assert near(rendition_pixel(store, catalogue, media["id"], "display", (0.5, 0.5)), RED)
    # Imported again: already there, and nothing else to say.
    again = run_import(catalogue, store, tmp_path / "in")
    assert lines(again) == {"展板.pdf": "note: already in the catalogue"}


def test_a_rotated_page_is_shown_as_it_reads(catalogue, store, tmp_path):
    src = make_pdf(tmp_path / "portrait.pdf", size_pt=(595, 842))
    (tmp_path / "in").mkdir()
    with pikepdf.open(src) as doc:
        doc.pages[0].Rotate = 90
        doc.save(tmp_path / "in" / "横版.pdf")
    run_import(catalogue, store, tmp_path / "in")
    _, media = only_item(catalogue)
    assert media["width"] > media["height"]
    # Turned a quarter clockwise, the page's top-left corner is at the top right.
    assert near(rendition_pixel(store, catalogue, media["id"], "display", (0.95, 0.05)), BLUE)


def test_an_owner_password_alone_does_not_stop_a_poster(catalogue, store, tmp_path):
    src = make_pdf(tmp_path / "plain.pdf")
    with pikepdf.open(src) as doc:
        (tmp_path / "in").mkdir()
        no_print = pikepdf.Permissions(print_highres=False, extract=False)
        doc.save(
            tmp_path / "in" / "海报.pdf",
            encryption=pikepdf.Encryption(user="", owner="设计公司", R=6, allow=no_print),
        )
    report = run_import(catalogue, store, tmp_path / "in")
    assert report.rejected == []
    assert only_item(catalogue)[0]["kind"] == "poster"


@pytest.fixture
def bad_pdfs(tmp_path: Path) -> Path:
    root = tmp_path / "bad"
    src = make_pdf(tmp_path / "good.pdf", pages=2)
    with pikepdf.open(src) as doc:
        root.mkdir()
        doc.save(root / "locked.pdf", encryption=pikepdf.Encryption(user="1234", owner="5678"))
    truncate(src, 0.5).rename(root / "cut.pdf")
    write_bytes(root / "zero.pdf", b"")
    write_bytes(root / "broken.pdf", b"%PDF-1.7\n" + b"this is not a PDF body " * 40)
    write_bytes(root / "notes.pdf", "这是一份说明，不是 PDF。\n".encode())
    make_image(root / "scan.pdf", (64, 48), fmt="JPEG")  # a picture named .pdf: imported
    return root


def test_every_bad_pdf_is_one_line(catalogue, store, bad_pdfs):
    report = run_import(catalogue, store, bad_pdfs)

    assert lines(report) == {
        "locked.pdf": "rejected: the PDF is locked with a password (ask for a copy without one)",
        "cut.pdf": "rejected: damaged or truncated PDF (copy or export it again)",
        "zero.pdf": "rejected: empty file (0 bytes)",
        "broken.pdf": "rejected: damaged or truncated PDF (copy or export it again)",
        "notes.pdf": "rejected: not an image or a film: the content is text",
    }
    assert lines(report, "zh")["locked.pdf"].startswith("未导入：PDF 设有打开密码")
    item, media = only_item(catalogue)
    assert (item["title_zh"], media["format"]) == ("scan", "jpeg")
    assert all("\n" not in line for line in import_lines(report, "zh"))


# --- HEIC photos --------------------------------------------------------------------------------


def test_a_heic_photo_is_imported_upright(catalogue, store, tmp_path):
    # Stored 64×48 with the phone's "turn a quarter clockwise": a 48×64 portrait photo.
    src = make_heic(tmp_path / "in" / "IMG_0001.HEIC", (64, 48), orientation=6)

    report = run_import(catalogue, store, tmp_path / "in")

    assert report.rejected == []
    item, media = only_item(catalogue)
    assert (item["kind"], item["title_zh"]) == ("photo", "IMG 0001")
    assert (media["format"], media["width"], media["height"]) == ("heif", 48, 64)
    assert store.original(media["path"]).read_bytes() == src.read_bytes()
    # The blue corner block, stored top-left, is top-right once turned.
    assert near(rendition_pixel(store, catalogue, media["id"], "display", (0.9, 0.05)), BLUE)
    assert near(rendition_pixel(store, catalogue, media["id"], "display", (0.1, 0.05)), RED)


def test_bad_heic_files_are_one_line_each(catalogue, store, tmp_path):
    root = tmp_path / "bad"
    good = make_heic(tmp_path / "good.heic", (640, 480))
    data = good.read_bytes()
    write_bytes(root / "cut.heic", data[: len(data) * 9 // 10])
    write_bytes(root / "header.heic", data[:300])
    write_bytes(root / "zero.heic", b"")
    make_heic(root / "phone.jpg", (40, 30))  # a HEIC named .jpg: its content decides

    report = run_import(catalogue, store, root)

    assert lines(report) == {
        "cut.heic": "rejected: truncated HEIF: the file ends before the image does",
        "header.heic": "rejected: damaged or truncated HEIF: the header cannot be read",
        "zero.heic": "rejected: empty file (0 bytes)",
    }
    _, media = only_item(catalogue)
    assert (media["format"], media["original_name"]) == ("heif", "phone.jpg")
    assert store.original(media["path"]).suffix == ".heic"


# --- films in every container -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "container", "codec"),
    [
        ("wmv", "asf", "wmv2"),
        ("flv", "flv", "flv"),
        ("avi", "avi", "mpeg4"),
        ("rm", "rm", "rv20"),
        ("rmvb", "rm", "rv20"),
        ("mpg", "mpeg", "mpeg2video"),
        ("vob", "mpeg", "mpeg2video"),
        ("hevc-mp4", "mov", "hevc"),
        ("hevc-mkv", "matroska", "hevc"),
    ],
)
def test_a_film_in_each_container_is_imported(catalogue, store, tmp_path, name, container, codec):
    suffix = FILMS[name][3]
    make_film(tmp_path / "in" / f"警示片{suffix}", name, seconds=2.0)

    report = run_import(catalogue, store, tmp_path / "in")

    assert report.rejected == []
    item, media = only_item(catalogue)
    assert item["kind"] == "film"
    assert (media["format"], media["video_codec"]) == (container, codec)
    assert media["duration_s"] == pytest.approx(2.0, abs=0.15)
    assert (media["width"], media["height"]) == (320, 240)
    assert store.original(media["path"]).suffix == suffix
    assert set(catalogue.renditions(media["id"])) == {"poster", "thumb"}


def test_bad_films_are_one_line_each(catalogue, store, tmp_path):
    root = tmp_path / "bad"
    films = tmp_path / "films"
    for name in ("wmv", "avi", "flv", "rm", "hevc-mp4", "hevc-mkv"):
        src = make_film(films / f"{name}{FILMS[name][3]}", name, seconds=4.0)
        root.mkdir(exist_ok=True)
        truncate(src, 0.5).rename(root / f"cut-{src.name}")
    write_bytes(root / "zero.wmv", b"")
    write_bytes(root / "readme.rmvb", "请用 RealPlayer 播放\n".encode())
    make_film(root / "mislabelled.avi", "wmv")  # a WMV named .avi: its content decides

    report = run_import(catalogue, store, root)

    said = lines(report)
    assert said.pop("zero.wmv") == "rejected: empty file (0 bytes)"
    assert said.pop("readme.rmvb") == "rejected: not an image or a film: the content is text"
    header = "rejected: truncated video: the file holds 49% of the size its header states"
    assert said.pop("cut-wmv.wmv").startswith(header)
    assert said.pop("cut-avi.avi").startswith(header.replace("49%", "50%"))
    assert said.pop("cut-flv.flv").startswith("rejected: truncated video: stops at 2.0 s of 4.0 s")
    assert said.pop("cut-hevc-mkv.mkv").startswith("rejected: truncated video: stops at 2.")
    assert said.pop("cut-hevc-mp4.mp4").startswith("rejected: truncated video: stops at 1.")
    assert said.pop("cut-rm.rm").startswith("rejected: damaged video:")
    assert said == {}
    item, media = only_item(catalogue)
    assert (item["title_zh"], media["format"]) == ("mislabelled", "asf")


def test_an_mpeg_file_states_no_length_so_a_cut_copy_is_the_shorter_film(
    catalogue, store, tmp_path
):
    """MPEG-2 program streams (.mpg, DVD .vob) carry no length or size: a cut copy is a
    whole, shorter film and is imported as one (the operator sees its duration)."""
    src = make_film(tmp_path / "full.mpg", "mpg", seconds=4.0)
    (tmp_path / "in").mkdir()
    truncate(src, 0.5).rename(tmp_path / "in" / "cut.mpg")
    run_import(catalogue, store, tmp_path / "in")
    _, media = only_item(catalogue)
    assert 1.5 < media["duration_s"] < 2.6


# --- a DVD copied to a folder -------------------------------------------------------------------


def test_a_dvd_folder_is_one_film_of_its_main_title_set(catalogue, store, tmp_path):
    disc = tmp_path / "in" / "镜鉴"
    ts = make_dvd(disc, seconds=3.0, parts=3, extra_sets=(1.0,))

    report = run_import(catalogue, store, tmp_path / "in")

    assert report.rejected == []
    assert lines(report) == {
        "VIDEO_TS": (
            "note: the DVD holds 2 title sets; the longest was imported: VTS_01_1.VOB–VTS_01_3.VOB"
        )
    }
    assert str(report.notes[0].where) == "in/镜鉴/VIDEO_TS"
    item, media = only_item(catalogue)
    assert (item["kind"], item["title_zh"]) == ("film", "镜鉴")
    assert (media["format"], media["video_codec"], media["audio_codec"]) == (
        "mpeg",
        "mpeg2video",
        "ac3",
    )
    assert media["duration_s"] == pytest.approx(3.0, abs=0.15)  # all three parts, menus not
    assert media["original_name"] == "镜鉴/VIDEO_TS"
    stored = store.original(media["path"])
    parts = b"".join((ts / f"VTS_01_{k}.VOB").read_bytes() for k in (1, 2, 3))
    assert stored.suffix == ".vob" and stored.read_bytes() == parts
    assert list(store.staging.glob("*/*")) == []  # the joined copy was moved, not left
    assert check_catalogue(catalogue, store, hashes=True).ok

    # Imported again: the same film, found by the hash of its parts.
    again = run_import(catalogue, store, tmp_path / "in")
    assert (again.counts["imported"], again.counts["duplicates"]) == (0, 1)
    # Its stored film lost: put back from the disc.
    stored.unlink()
    run_import(catalogue, store, tmp_path / "in")
    assert stored.read_bytes() == parts


def test_subtitles_named_after_the_disc_go_with_its_film(catalogue, store, tmp_path):
    make_dvd(tmp_path / "in" / "镜鉴", seconds=2.0, parts=2)
    make_srt(tmp_path / "in" / "镜鉴" / "镜鉴.srt")
    report = run_import(catalogue, store, tmp_path / "in")
    assert report.rejected == []
    item, _ = only_item(catalogue)
    assert catalogue.media(item["subtitles_id"])["original_name"] == "镜鉴.srt"


def test_a_sheet_row_can_name_a_dvd_folder(catalogue, store, tmp_path):
    make_dvd(tmp_path / "in" / "discs" / "警钟", seconds=2.0, parts=2)
    with open(tmp_path / "in" / "films.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerows(
            [["key", "kind", "file", "title_zh"], ["jz", "film", "discs/警钟/video_ts", "警钟长鸣"]]
        )
    report = run_import(catalogue, store, tmp_path / "in")
    assert report.rejected == []
    item, media = only_item(catalogue)
    assert (item["key"], item["title_zh"]) == ("jz", "警钟长鸣")
    assert media["duration_s"] == pytest.approx(2.0, abs=0.15)


def test_a_video_ts_folder_without_a_film_is_one_line(catalogue, store, tmp_path):
    ts = tmp_path / "in" / "空盘" / "VIDEO_TS"
    ts.mkdir(parents=True)
    make_film(ts / "VIDEO_TS.VOB", "vob", seconds=0.4)
    write_bytes(ts / "VIDEO_TS.IFO", b"DVDVIDEO-VMG" + bytes(100))
    report = run_import(catalogue, store, tmp_path / "in")
    assert lines(report) == {
        "VIDEO_TS": "rejected: the VIDEO_TS folder holds no film (no file such as VTS_01_1.VOB)"
    }
    assert catalogue.items(enabled_only=False) == []
