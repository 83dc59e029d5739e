"""kiosk.ingest.images on real (tiny, and a few large) image files."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from PIL import Image

from kiosk.ingest import images
from kiosk.ingest.errors import RejectedFile
from kiosk.ingest.images import (
    PAPER_RGB,
    ImageResult,
    display_size_for,
    process_image,
    sniff_image,
)

from factories import make_bomb_png, make_image, truncate, write_bytes


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    path = tmp_path / "out"
    path.mkdir()
    return path


def pixel(path: Path, xy: tuple[int, int]) -> tuple[int, int, int]:
    with Image.open(path) as im:
        return im.convert("RGB").getpixel(xy)  # type: ignore[return-value]


def near(actual: tuple[int, ...], expected: tuple[int, ...], tolerance: int = 6) -> bool:
    return all(abs(a - e) <= tolerance for a, e in zip(actual, expected, strict=True))


def rendition(result: ImageResult, role: str) -> images.Rendition:
    (found,) = [r for r in result.renditions if r.role == role]
    return found


def check_files(result: ImageResult, out_dir: Path) -> None:
    """Every rendition file exists, has the recorded size and (for JPEGs) dimensions."""
    for r in result.renditions:
        path = out_dir / r.path
        if r.role == "tiles":
            continue
        assert path.stat().st_size == r.bytes
        with Image.open(path) as im:
            assert im.format == "JPEG"
            assert im.size == (r.width, r.height)
            assert im.mode in ("RGB", "L")


# --------------------------------------------------------------------------- valid images


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("work.jpg", "JPEG"),
        ("work.jpeg", "JPEG"),
        ("work.png", "PNG"),
        ("work.tif", "TIFF"),
        ("work.webp", "WEBP"),
        ("work.gif", "GIF"),
        ("work.bmp", "BMP"),
    ],
)
def test_valid_formats(tmp_path: Path, out_dir: Path, name: str, fmt: str) -> None:
    src = make_image(tmp_path / name, size=(64, 48))

    result = process_image(src, out_dir)

    assert (result.format, result.width, result.height) == (fmt, 64, 48)
    assert {r.role for r in result.renditions} == {"display", "thumb"}
    assert rendition(result, "display").width == 64  # never upscaled
    assert sorted(p.name for p in out_dir.iterdir()) == ["display.jpg", "thumb.jpg"]
    check_files(result, out_dir)
    assert near(pixel(out_dir / "display.jpg", (50, 40)), (178, 34, 34), tolerance=8)


def test_display_and_thumb_are_fitted(tmp_path: Path, out_dir: Path) -> None:
    src = make_image(tmp_path / "poster.png", size=(5000, 2500))  # 2:1, not elongated

    result = process_image(src, out_dir)

    assert (rendition(result, "display").width, rendition(result, "display").height) == (3840, 1920)
    assert (rendition(result, "thumb").width, rendition(result, "thumb").height) == (480, 240)
    assert not any(r.role == "tiles" for r in result.renditions)  # 12.5 MP: no tiles
    check_files(result, out_dir)


@pytest.mark.parametrize(
    ("size", "expected"),
    [
        ((1000, 800), (1000, 800)),  # never upscaled
        ((6000, 4000), (3240, 2160)),
        ((4000, 3000), (2880, 2160)),
        ((2160, 5000), (933, 2160)),  # portrait, ratio 2.3: fitted in 3840×2160
        ((9000, 3000), (6480, 2160)),  # ratio 3: elongated, short edge 2160
        ((3000, 9000), (2160, 6480)),  # hanging scroll
        ((30000, 3000), (16384, 1638)),  # long edge capped at 16384
        ((3000, 30000), (1638, 16384)),
        ((12000, 1500), (12000, 1500)),  # elongated and within both limits
    ],
)
def test_display_size_rule(size: tuple[int, int], expected: tuple[int, int]) -> None:
    assert display_size_for(*size) == expected


# --------------------------------------------------------------------------- orientation, colour


@pytest.mark.parametrize("name", ["phone.jpg", "phone.webp", "phone.png", "phone.tif"])
def test_exif_orientation_6_swaps_width_and_height(
    tmp_path: Path, out_dir: Path, name: str
) -> None:
    # Stored 64×48 landscape with the marker top-left; orientation 6 means
    # "rotate 90° clockwise to view", so the viewer sees 48×64, marker top-right.
    src = make_image(tmp_path / name, size=(64, 48), exif_orientation=6)

    result = process_image(src, out_dir)

    assert (result.width, result.height) == (48, 64)
    display = rendition(result, "display")
    assert (display.width, display.height) == (48, 64)
    assert sum(pixel(out_dir / "display.jpg", (44, 3))) < 100  # marker: black
    assert sum(pixel(out_dir / "display.jpg", (3, 3))) > 200  # red ground


def test_cmyk_jpeg_becomes_rgb(tmp_path: Path, out_dir: Path) -> None:
    src = make_image(tmp_path / "print.jpg", mode="CMYK", color=(0, 200, 200, 40))

    result = process_image(src, out_dir)

    assert result.format == "JPEG"
    r, g, b = pixel(out_dir / "display.jpg", (50, 40))
    assert r > 180 and g < 60 and b < 60  # red, not inverted or washed out
    check_files(result, out_dir)


@pytest.mark.parametrize("name", ["scan16.png", "scan16.tif"])
def test_16_bit_mid_grey_stays_mid_grey(tmp_path: Path, out_dir: Path, name: str) -> None:
    src = make_image(tmp_path / name, mode="I;16", color=32768)
    with Image.open(src) as im:
        assert im.mode.startswith("I;16")

    process_image(src, out_dir)

    r, g, b = pixel(out_dir / "display.jpg", (50, 40))
    assert r == g == b
    assert 124 <= r <= 131  # not clipped to white


def test_grey_stays_grey(tmp_path: Path, out_dir: Path) -> None:
    src = make_image(tmp_path / "ink.png", mode="L", color=90)

    process_image(src, out_dir)

    r, g, b = pixel(out_dir / "display.jpg", (50, 40))
    assert r == g == b and abs(r - 90) <= 3


def test_palette_transparency_shows_paper(tmp_path: Path, out_dir: Path) -> None:
    # index 0 (the ground) is transparent, index 1 (the marker) is black
    src = make_image(tmp_path / "seal.png", mode="P", transparent_index=0)

    process_image(src, out_dir)

    assert near(pixel(out_dir / "display.jpg", (50, 40)), PAPER_RGB)
    assert sum(pixel(out_dir / "display.jpg", (3, 3))) < 60


def test_gif_with_transparency_shows_paper(tmp_path: Path, out_dir: Path) -> None:
    src = make_image(tmp_path / "seal.gif", mode="P", transparent_index=0)

    process_image(src, out_dir)

    assert near(pixel(out_dir / "display.jpg", (50, 40)), PAPER_RGB)


@pytest.mark.parametrize(
    ("mode", "color", "expected"),
    [
        # half-transparent seal red over paper
        ("RGBA", (178, 34, 34, 128), (211, 137, 131)),
        ("RGBA", (178, 34, 34, 0), PAPER_RGB),
        ("LA", (60, 255), (60, 60, 60)),
    ],
)
def test_alpha_is_composited_onto_paper(
    tmp_path: Path,
    out_dir: Path,
    mode: str,
    color: tuple[int, ...],
    expected: tuple[int, int, int],
) -> None:
    src = make_image(tmp_path / "layer.png", mode=mode, color=color)

    process_image(src, out_dir)

    assert near(pixel(out_dir / "display.jpg", (50, 40)), expected)


# --------------------------------------------------------------------------- bad input


def test_zero_byte_file_is_rejected(tmp_path: Path, out_dir: Path) -> None:
    src = write_bytes(tmp_path / "empty.jpg", b"")

    with pytest.raises(RejectedFile, match=r"^empty file \(0 bytes\)$"):
        process_image(src, out_dir)


@pytest.mark.parametrize("name", ["cut.jpg", "cut.png", "cut.webp", "cut.tif"])
def test_truncated_file_is_rejected(tmp_path: Path, out_dir: Path, name: str) -> None:
    whole = make_image(tmp_path / name, size=(800, 600), quality=95)
    process_image(whole, out_dir)  # the whole file is fine

    for old in out_dir.iterdir():
        old.unlink()
    with pytest.raises(
        RejectedFile, match=r"^(truncated|damaged or truncated) (JPEG|PNG|WEBP|TIFF)"
    ):
        process_image(truncate(whole, 0.6), out_dir)


def test_truncated_jpeg_message(tmp_path: Path, out_dir: Path) -> None:
    src = truncate(make_image(tmp_path / "cut.jpg", size=(800, 600)), 0.5)

    with pytest.raises(RejectedFile) as caught:
        process_image(src, out_dir)

    assert str(caught.value) == "truncated JPEG: the file ends before the image does"


@pytest.mark.parametrize("progressive", [False, True])
def test_truncated_jpeg_is_caught_on_the_reduced_scale_path(
    tmp_path: Path, progressive: bool
) -> None:
    # 6000×4000: the display rendition is a 1/2-scale DCT decode (3000×2000),
    # no tiles. DCT scaling still reads every block, so the cut is noticed.
    whole = make_image(tmp_path / "camera.jpg", size=(6000, 4000), progressive=progressive)
    good_out = tmp_path / "good"
    good_out.mkdir()
    result = process_image(whole, good_out)
    display = rendition(result, "display")
    assert (display.width, display.height) == (3000, 2000)  # the draft path was taken
    assert (result.width, result.height) == (6000, 4000)  # dims of the original
    assert not any(r.role == "tiles" for r in result.renditions)  # 24 MP: no tiles

    for keep in (0.5, 0.95):
        cut_out = tmp_path / f"cut{keep}"
        cut_out.mkdir()
        with pytest.raises(RejectedFile, match=r"^truncated JPEG"):
            process_image(truncate(whole, keep), cut_out)


def test_reduced_scale_path_respects_exif_orientation(tmp_path: Path, out_dir: Path) -> None:
    src = make_image(tmp_path / "portrait.jpg", size=(6000, 4000), exif_orientation=6)

    result = process_image(src, out_dir)

    assert (result.width, result.height) == (4000, 6000)
    display = rendition(result, "display")
    # fits 3840×2160 → 1440×2160; the 1/4-scale decode (1000×1500) is too small,
    # so the 1/2-scale decode (2000×3000) is resized
    assert (display.width, display.height) == (1440, 2160)
    assert sum(pixel(out_dir / "display.jpg", (1400, 40))) < 100  # marker now top-right
    check_files(result, out_dir)


@pytest.mark.parametrize(
    ("name", "content", "what"),
    [
        ("notes.jpg", "廉者，政之本也。\nThis is a text file.\n".encode(), "text"),
        ("gbk.jpg", "清风展陈 名单\n".encode("gb18030"), "text"),
        ("scan.png", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "a PDF document"),
        ("sheet.jpg", b"PK\x03\x04" + bytes(200), "a ZIP archive or Office document"),
        ("random.jpg", bytes(range(256)) * 4, "unknown data"),
    ],
)
def test_mislabelled_content_is_rejected(
    tmp_path: Path, out_dir: Path, name: str, content: bytes, what: str
) -> None:
    src = write_bytes(tmp_path / name, content)

    with pytest.raises(RejectedFile) as caught:
        process_image(src, out_dir)

    assert str(caught.value) == f"not an image: the content is {what}"


def test_unsupported_image_type_is_rejected(tmp_path: Path, out_dir: Path) -> None:
    src = tmp_path / "old.png"
    Image.new("RGB", (32, 32), "red").save(src, "PCX")

    with pytest.raises(RejectedFile, match=r"^unsupported image type: PCX \(use JPEG"):
        process_image(src, out_dir)


@pytest.mark.parametrize(
    ("size", "megapixels"),
    [((40000, 40000), 1600), ((20000, 20000), 400)],  # above and below Pillow's own hard stop
)
def test_decompression_bomb_is_rejected_without_warnings(
    tmp_path: Path,
    out_dir: Path,
    recwarn: pytest.WarningsRecorder,
    size: tuple[int, int],
    megapixels: int,
) -> None:
    src = make_bomb_png(tmp_path / "bomb.png", size=size)

    with pytest.raises(RejectedFile) as caught:
        process_image(src, out_dir)

    assert str(caught.value) == f"image too large: {megapixels} megapixels (limit 300)"
    assert sniff_image(src) == "PNG"
    assert len(recwarn) == 0
    assert Image.MAX_IMAGE_PIXELS == images.MAX_PIXELS  # bounded, never None
    assert list(out_dir.iterdir()) == []


@pytest.mark.parametrize("size", [(100000, 1), (1, 100000), (16000, 100), (8, 8)])
def test_absurd_dimensions_are_rejected(
    tmp_path: Path, out_dir: Path, size: tuple[int, int]
) -> None:
    src = make_image(tmp_path / "line.png", size=size, marker=False)

    with pytest.raises(RejectedFile, match=rf"^implausible image size: {size[0]}×{size[1]} pixels"):
        process_image(src, out_dir)


def test_sniff_image(tmp_path: Path) -> None:
    assert sniff_image(make_image(tmp_path / "a.jpg")) == "JPEG"
    assert sniff_image(make_image(tmp_path / "a.png", fmt="JPEG")) == "JPEG"  # content wins
    assert sniff_image(make_image(tmp_path / "a.webp")) == "WEBP"
    assert sniff_image(write_bytes(tmp_path / "t.jpg", b"hello")) is None
    assert sniff_image(write_bytes(tmp_path / "z.jpg", b"")) is None


def test_content_decides_the_format(tmp_path: Path, out_dir: Path) -> None:
    src = make_image(tmp_path / "really-a-png.jpg", fmt="PNG")

    assert process_image(src, out_dir).format == "PNG"


# --------------------------------------------------------------------------- large scans


def test_handscroll_gets_panning_display_and_tile_pyramid(tmp_path: Path, out_dir: Path) -> None:
    src = make_image(tmp_path / "scroll.jpg", size=(30000, 3000), quality=80)

    result = process_image(src, out_dir)

    assert (result.format, result.width, result.height) == ("JPEG", 30000, 3000)
    display = rendition(result, "display")
    # long/short = 10 > 2.5: short edge ≤ 2160 and long edge ≤ 16384 → the long edge binds
    assert (display.width, display.height) == (16384, 1638)
    thumb = rendition(result, "thumb")
    assert (thumb.width, thumb.height) == (480, 48)
    check_files(result, out_dir)

    tiles = rendition(result, "tiles")
    assert (tiles.path, tiles.width, tiles.height) == ("tiles", 30000, 3000)
    tiles_dir = out_dir / tiles.path
    manifest = json.loads((tiles_dir / "manifest.json").read_text(encoding="utf-8"))
    assert manifest == {
        "width": 30000,
        "height": 3000,
        "tile_size": 512,
        "overlap": 0,
        "format": "jpg",
        "levels": 7,  # 30000 → … → 469 (level 6) fits one 512 px tile
    }
    total = (tiles_dir / "manifest.json").stat().st_size
    for level in range(manifest["levels"]):
        w = math.ceil(30000 / 2**level)
        h = math.ceil(3000 / 2**level)
        cols, rows = math.ceil(w / 512), math.ceil(h / 512)
        files = sorted((tiles_dir / str(level)).iterdir())
        assert len(files) == cols * rows, level
        assert {f.name for f in files} == {f"{c}_{r}.jpg" for c in range(cols) for r in range(rows)}
        with Image.open(tiles_dir / str(level) / f"{cols - 1}_{rows - 1}.jpg") as corner:
            assert corner.size == (w - 512 * (cols - 1), h - 512 * (rows - 1))
        total += sum(f.stat().st_size for f in files)
    assert not (tiles_dir / str(manifest["levels"])).exists()
    assert tiles.bytes == total
    with Image.open(tiles_dir / "6" / "0_0.jpg") as top:
        assert top.size == (469, 47)
    assert sorted(p.name for p in out_dir.iterdir()) == ["display.jpg", "thumb.jpg", "tiles"]
