"""Validate still images and make their renditions (Pillow with pillow-heif, no Qt).

``process_image`` decodes the whole source once (so a truncated or damaged
file is rejected), normalises it to upright 8-bit sRGB on the kiosk's paper
colour, and writes into ``out_dir``:

- ``display.jpg`` — what the gallery shows. Normal works fit within
  3840×2160; elongated works (handscrolls, hanging scrolls: long/short >
  2.5) get a short edge of at most 2160 and a long edge of at most 16384 so
  the kiosk can pan along them. Never upscaled. For JPEG sources libjpeg's
  DCT scaling (1/2, 1/4, 1/8) is used as the display rendition when it lands
  within 10 % below the fitted size: much faster and no resampling.
- ``thumb.jpg`` — fits 480×480, made from the display rendition.
- ``tiles/`` — a 512 px JPEG tile pyramid for deep zoom, only for large scans
  (at least ``TILES_MIN_PIXELS`` and larger than the display rendition).

Limits (module constants): at most ``MAX_PIXELS`` (300 megapixels), sides of
at least ``MIN_EDGE`` px and an aspect ratio of at most ``MAX_ASPECT``.
``picture_renditions`` does the same for a picture decoded elsewhere (a PDF page).
"""

from __future__ import annotations

import contextlib
import io
import json
import math
import os
import re
import warnings
from collections.abc import Iterator
from concurrent.futures import Executor, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pillow_heif
from PIL import Image, ImageCms, ImageFile, ImageOps

from kiosk.ingest.content import HEIF_BRANDS, describe_content
from kiosk.ingest.errors import RejectedFile
from kiosk.strings import text

#: Largest image accepted, in pixels: a 30000×10000 handscroll scan or a
#: 150 MP photo fits; a decompression bomb does not. A full RGB decode at the
#: limit takes ~1.2 GB (Pillow keeps 4 bytes per RGB pixel).
MAX_PIXELS = 300_000_000
#: Shortest side accepted, in pixels.
MIN_EDGE = 16
#: Most elongated shape accepted (long side / short side). Real handscrolls
#: reach about 1:40.
MAX_ASPECT = 100

#: Bounding box of the display rendition for works of ordinary shape.
DISPLAY_BOX = (3840, 2160)
#: Works with long/short above this are panned, not fitted.
ELONGATED_ASPECT = 2.5
#: Elongated works: at most this on the short edge ...
ELONGATED_SHORT_EDGE = 2160
#: ... and at most this on the long edge.
ELONGATED_LONG_EDGE = 16384
#: A JPEG's reduced-scale (DCT) decode is used as the display rendition when
#: it is at least this fraction of the fitted size.
DRAFT_MIN_FILL = 0.9

THUMB_BOX = (480, 480)
JPEG_QUALITY = 88

TILE_SIZE = 512
#: Deep-zoom tiles are made only for images with at least this many pixels
#: (and larger than their display rendition). Below it the 4K display
#: rendition — already twice a 1080p screen — holds the detail.
TILES_MIN_PIXELS = 30_000_000

#: The kiosk shows works on paper: transparency is flattened onto this.
PAPER_RGB = (0xF4, 0xEF, 0xE4)

#: Pillow format names accepted, mapped to the name reported.
SUPPORTED_FORMATS = {
    "JPEG": "JPEG",
    "MPO": "JPEG",  # camera JPEG with extra (e.g. depth) frames
    "PNG": "PNG",
    "TIFF": "TIFF",
    "WEBP": "WEBP",
    "GIF": "GIF",
    "BMP": "BMP",
    "HEIF": "HEIF",  # phone photos (.heic), through pillow-heif
}

#: Threads for resizing bands and encoding tiles (Pillow releases the GIL).
_WORKERS = min(4, os.cpu_count() or 1)
_BANDED_RESIZE_MIN_PIXELS = 8_000_000
_RESIZE_BAND_ROWS = 128

_EXIF_ORIENTATION = 274
_SWAPPING_ORIENTATIONS = frozenset({5, 6, 7, 8})
_HEAD_BYTES = 4096

# Pillow's own guard is raised (once, process-wide) to the same deliberate
# bound, so genuine large scans open; ``_open`` checks the size itself and
# records Pillow's bomb warning instead of letting it leak.
Image.MAX_IMAGE_PIXELS = MAX_PIXELS
# HEIC/HEIF photos open like any picture. libheif turns them upright as it decodes (the
# file's rotation and mirror boxes) and pillow-heif then reports EXIF orientation 1, so
# the upright handling below does not turn them twice.
pillow_heif.register_heif_opener()


@dataclass(frozen=True)
class Rendition:
    role: str  # "display" | "thumb" | "tiles" | "poster"
    path: str  # POSIX path relative to out_dir; for "tiles" the folder holding manifest.json
    width: int
    height: int
    bytes: int  # file size; for tiles the sum of all tile files + manifest


@dataclass(frozen=True)
class ImageResult:
    format: str  # Pillow format of the real content: "JPEG", "PNG", …, "HEIF"; "PDF" for a page
    width: int  # after EXIF orientation
    height: int
    renditions: tuple[Rendition, ...]


# --------------------------------------------------------------------------- public API


def sniff_image(path: Path) -> str | None:
    """The Pillow format if the file's header says image (nothing decoded), else None."""
    try:
        with _quiet_pillow(), Image.open(path) as im:
            return SUPPORTED_FORMATS.get(im.format or "", im.format)
    except Image.DecompressionBombError:
        return magic_format(_read_head(path))
    except (OSError, SyntaxError, ValueError):
        return None


def process_image(src: Path, out_dir: Path) -> ImageResult:
    """Validate ``src`` by decoding it fully and write its renditions into ``out_dir``.

    Raises RejectedFile (one operator-readable line) for anything that is not
    a whole, supported, sanely sized image. Errors writing ``out_dir`` (a full
    disk) propagate as OSError.
    """
    with _quiet_pillow():
        image, fmt, (width, height) = _decode(src)
    return _renditions(image, fmt, (width, height), out_dir)


def picture_renditions(image: Image.Image, fmt: str, out_dir: Path) -> ImageResult:
    """Renditions of a picture already decoded upright (a rendered PDF page), as for a file."""
    _check_geometry(image.size)
    return _renditions(_normalise(image), fmt, image.size, out_dir)


def _renditions(image: Image.Image, fmt: str, size: tuple[int, int], out_dir: Path) -> ImageResult:
    """Write display, thumb and (for large pictures) tiles of ``image``, whose source is
    ``size`` upright (``image`` may be a reduced-scale decode of it)."""
    width, height = size
    display_size = display_size_for(width, height)
    with _quiet_pillow(), ThreadPoolExecutor(max_workers=_WORKERS) as pool:
        if _wants_tiles(width, height, display_size):
            renditions = _write_tiles_and_display(image, display_size, out_dir, pool)
        else:
            renditions = _write_display_and_thumb(image, display_size, out_dir, pool)
    return ImageResult(format=fmt, width=width, height=height, renditions=renditions)


def display_size_for(width: int, height: int) -> tuple[int, int]:
    """Size of the display rendition of an upright ``width``×``height`` image."""
    long_edge, short_edge = max(width, height), min(width, height)
    if long_edge / short_edge > ELONGATED_ASPECT:
        scale = min(1.0, ELONGATED_SHORT_EDGE / short_edge, ELONGATED_LONG_EDGE / long_edge)
    else:
        scale = min(1.0, DISPLAY_BOX[0] / width, DISPLAY_BOX[1] / height)
    return _scaled(width, height, scale)


# --------------------------------------------------------------------------- decoding


def _decode(src: Path) -> tuple[Image.Image, str, tuple[int, int]]:
    """Open, check and fully decode ``src``.

    Returns the upright RGB (or L) image — for JPEGs possibly decoded at a
    reduced DCT scale, see ``_draft_for_display`` — its format and the upright
    size of the original.
    """
    if src.stat().st_size == 0:
        raise RejectedFile("file_empty")
    with src.open("rb") as fh:
        im = _open(fh)
        fmt = SUPPORTED_FORMATS.get(im.format or "")
        if fmt is None:
            raise RejectedFile("image_unsupported", format=im.format)
        _check_geometry(im.size)
        orientation = _orientation(im)
        width, height = im.size
        if orientation in _SWAPPING_ORIENTATIONS:
            width, height = height, width
        if fmt == "JPEG":
            _draft_for_display(im, orientation, (width, height))
        _load(im, fmt)
    # exif_transpose in place: no copy when upright. TIFF is already upright
    # after load (Pillow applies and removes its orientation tag).
    ImageOps.exif_transpose(im, in_place=True)
    return _normalise(im), fmt, (width, height)


def _open(fh: io.BufferedReader) -> ImageFile.ImageFile:
    try:
        im = Image.open(fh)
    except Image.DecompressionBombError as exc:
        match = re.search(r"\((\d+) pixels\)", str(exc))
        pixels = f"{int(match.group(1)) / 1e6:.0f}" if match else "> 1000"
        raise RejectedFile(
            "image_too_large", pixels=pixels, limit=MAX_PIXELS // 1_000_000
        ) from None
    except (OSError, SyntaxError, ValueError):
        fh.seek(0)
        head = _head(fh)
        fmt = magic_format(head)
        if fmt is not None:
            raise RejectedFile("image_bad_header", format=fmt) from None
        raise RejectedFile("not_image", what=text(describe_content(head))) from None
    assert isinstance(im, ImageFile.ImageFile)
    return im


def _check_geometry(size: tuple[int, int]) -> None:
    width, height = size
    pixels = width * height
    if pixels > MAX_PIXELS:
        raise RejectedFile(
            "image_too_large", pixels=f"{pixels / 1e6:.0f}", limit=MAX_PIXELS // 1_000_000
        )
    if min(width, height) < MIN_EDGE or max(width, height) / min(width, height) > MAX_ASPECT:
        raise RejectedFile("image_implausible", width=width, height=height)


def _orientation(im: Image.Image) -> int:
    if im.format == "TIFF":  # Pillow reports TIFF sizes upright already
        return 1
    try:
        value = im.getexif().get(_EXIF_ORIENTATION, 1)
    except Exception:  # damaged EXIF must not sink a good picture
        return 1
    return value if isinstance(value, int) and 1 <= value <= 8 else 1


def _draft_for_display(
    im: ImageFile.ImageFile, orientation: int, upright_size: tuple[int, int]
) -> None:
    """Let libjpeg decode at 1/2, 1/4 or 1/8 scale when no tiles are needed.

    DCT scaling still reads and entropy-decodes every block, so a truncated
    file is still caught; it only skips work in the inverse DCT and colour
    conversion (and the memory of a full-size image).
    """
    w, h = upright_size
    dw, dh = display_size_for(w, h)
    if _wants_tiles(w, h, (dw, dh)) or (dw, dh) == (w, h):
        return
    if orientation in _SWAPPING_ORIENTATIONS:
        dw, dh = dh, dw
    im.draft(im.mode, (math.ceil(dw * DRAFT_MIN_FILL), math.ceil(dh * DRAFT_MIN_FILL)))


def _load(im: ImageFile.ImageFile, fmt: str) -> None:
    # ImageFile.LOAD_TRUNCATED_IMAGES stays False: a short file must fail here.
    try:
        im.load()
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        message = str(exc)
        # Pillow says "truncated"; libheif (HEIC) says "Unexpected end of file".
        if isinstance(exc, EOFError) or "truncated" in message or "end of file" in message:
            raise RejectedFile("image_truncated", format=fmt) from None
        detail = f" ({message})" if message and len(message) < 60 else ""
        raise RejectedFile("image_damaged", format=fmt, detail=detail) from None
    except MemoryError:
        raise RejectedFile("image_no_memory") from None


def _normalise(im: Image.Image) -> Image.Image:
    """8-bit sRGB RGB (or L for grey), transparency flattened onto paper."""
    mode = im.mode
    if mode in ("I;16", "I;16L", "I;16B", "I;16N", "I", "F"):
        return _to_8bit_grey(im)
    if mode == "1":
        return im.convert("L")
    if mode in ("P", "L", "RGB") and "transparency" in im.info:  # tRNS / GIF transparency
        im = im.convert("RGBA")
    elif mode == "P":
        im = im.convert("RGB")
    elif mode in ("PA", "LA", "La", "RGBa"):
        im = im.convert("RGBA")
    if im.mode == "RGBA":
        paper = Image.new("RGB", im.size, PAPER_RGB)
        paper.paste(im, mask=im.getchannel("A"))
        return paper
    if im.mode in ("RGB", "CMYK") and im.info.get("icc_profile"):
        converted = _to_srgb(im)
        if converted is not None:
            return converted
    if im.mode == "L":
        return im
    if im.mode != "RGB":
        try:
            return im.convert("RGB")
        except ValueError:
            raise RejectedFile("image_colour_mode", mode=im.mode) from None
    return im


def _to_srgb(im: Image.Image) -> Image.Image | None:
    """``im`` converted from its embedded ICC profile to sRGB; None if unneeded or impossible."""
    try:
        profile = ImageCms.ImageCmsProfile(io.BytesIO(im.info["icc_profile"]))
        if im.mode == "RGB" and "sRGB" in ImageCms.getProfileDescription(profile):
            return None
        return ImageCms.profileToProfile(
            im, profile, ImageCms.createProfile("sRGB"), outputMode="RGB"
        )
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return None


def _to_8bit_grey(im: Image.Image) -> Image.Image:
    """Scale 16/32-bit integer or float grey to 8 bits over its real range (in bands)."""
    if im.mode.startswith("I;16"):
        low, high = 0, 65535
    else:
        low, high = im.getextrema()  # type: ignore[misc]
        if low >= 0 and high <= 255:
            low, high = 0, 255
        elif low >= 0 and high <= 65535:
            low, high = 0, 65535
    span = max(float(high) - float(low), 1e-9)
    width, height = im.size
    out = np.empty((height, width), dtype=np.uint8)
    band = max(1, 8_000_000 // width)
    for top in range(0, height, band):
        rows = np.asarray(im.crop((0, top, width, min(top + band, height))), dtype=np.float32)
        np.clip((rows - low) * (255.0 / span) + 0.5, 0, 255, out=rows)
        out[top : top + rows.shape[0]] = rows.astype(np.uint8)
    return Image.fromarray(out, "L")


# --------------------------------------------------------------------------- renditions


def _wants_tiles(width: int, height: int, display_size: tuple[int, int]) -> bool:
    larger = width > display_size[0] or height > display_size[1]
    return larger and width * height >= TILES_MIN_PIXELS


def _write_display_and_thumb(
    image: Image.Image, display_size: tuple[int, int], out_dir: Path, pool: Executor
) -> tuple[Rendition, ...]:
    dw, dh = display_size
    if image.width > dw or image.height > dh:
        display = _resize(image, display_size, pool)
        image.close()  # free the full decode before encoding
    else:  # already at size, or a DCT-scaled decode within DRAFT_MIN_FILL of it
        display = image
    return (_save(display, out_dir, "display"), _save_thumb(display, out_dir))


def _write_tiles_and_display(
    image: Image.Image, display_size: tuple[int, int], out_dir: Path, pool: Executor
) -> tuple[Rendition, ...]:
    """Write the tile pyramid; make display (and thumb) from the smallest level that covers it.

    Each level is made from the previous one, which is then closed (its
    pixels freed), so peak memory stays near 1.3× one full decode.
    """
    tiles_dir = out_dir / "tiles"
    width, height = image.size
    levels = _level_count(width, height)
    total = 0
    made: tuple[Rendition, ...] = ()
    level = image
    for k in range(levels):
        total += _write_level(level, tiles_dir / str(k), pool)
        next_size = (math.ceil(width / 2 ** (k + 1)), math.ceil(height / 2 ** (k + 1)))
        if not made and (k == levels - 1 or not _covers(next_size, display_size)):
            with _resize(level, display_size, pool) as display:
                made = (_save(display, out_dir, "display"), _save_thumb(display, out_dir))
        if k < levels - 1:
            smaller = level.reduce(2)
            level.close()
            level = smaller
    level.close()
    manifest = {
        "width": width,
        "height": height,
        "tile_size": TILE_SIZE,
        "overlap": 0,
        "format": "jpg",
        "levels": levels,
    }
    manifest_path = tiles_dir / "manifest.json"
    manifest_path.write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    total += manifest_path.stat().st_size
    return (*made, Rendition("tiles", "tiles", width, height, total))


def _covers(size: tuple[int, int], target: tuple[int, int]) -> bool:
    return size[0] >= target[0] and size[1] >= target[1]


def _level_count(width: int, height: int) -> int:
    """Levels from full size (0) down to the first that fits in one tile."""
    levels = 1
    while math.ceil(width / 2 ** (levels - 1)) > TILE_SIZE or (
        math.ceil(height / 2 ** (levels - 1)) > TILE_SIZE
    ):
        levels += 1
    return levels


def _write_level(level: Image.Image, folder: Path, pool: Executor) -> int:
    """Write one pyramid level as ``<col>_<row>.jpg`` tiles; returns their total size."""
    folder.mkdir(parents=True)

    def write_row(row: int) -> int:
        top = row * TILE_SIZE
        bottom = min(top + TILE_SIZE, level.height)
        total = 0
        for col, left in enumerate(range(0, level.width, TILE_SIZE)):
            path = folder / f"{col}_{row}.jpg"
            with level.crop((left, top, min(left + TILE_SIZE, level.width), bottom)) as tile:
                _save_jpeg(tile, path)
            total += path.stat().st_size
        return total

    return sum(pool.map(write_row, range(math.ceil(level.height / TILE_SIZE))))


def _resize(image: Image.Image, size: tuple[int, int], pool: Executor) -> Image.Image:
    """Lanczos resize; large images in horizontal bands on the pool.

    Bands keep Pillow's intermediate (horizontally resized) image small and
    use every core; the float source box gives exactly the same pixels as
    one resize, because the filter reads across band edges.
    """
    width, height = size
    if image.width * image.height <= _BANDED_RESIZE_MIN_PIXELS:
        return image.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)
    scale_y = image.height / height

    def band(top: int) -> tuple[int, Image.Image]:
        bottom = min(top + _RESIZE_BAND_ROWS, height)
        box = (0.0, top * scale_y, float(image.width), bottom * scale_y)
        return top, image.resize((width, bottom - top), Image.Resampling.LANCZOS, box=box)

    out = Image.new(image.mode, size)
    for top, part in pool.map(band, range(0, height, _RESIZE_BAND_ROWS)):
        out.paste(part, (0, top))
        part.close()
    return out


def _save_thumb(display: Image.Image, out_dir: Path) -> Rendition:
    scale = min(1.0, THUMB_BOX[0] / display.width, THUMB_BOX[1] / display.height)
    size = _scaled(display.width, display.height, scale)
    if size == display.size:
        return _save(display, out_dir, "thumb")
    with display.resize(size, Image.Resampling.LANCZOS, reducing_gap=2.0) as thumb:
        return _save(thumb, out_dir, "thumb")


def _save(image: Image.Image, out_dir: Path, role: str) -> Rendition:
    name = f"{role}.jpg"
    path = out_dir / name
    _save_jpeg(image, path)
    return Rendition(role, name, image.width, image.height, path.stat().st_size)


def _save_jpeg(image: Image.Image, path: Path) -> None:
    image.save(path, "JPEG", quality=JPEG_QUALITY, optimize=False, progressive=False)


# --------------------------------------------------------------------------- helpers


def _scaled(width: int, height: int, scale: float) -> tuple[int, int]:
    if scale >= 1.0:
        return width, height
    return max(1, round(width * scale)), max(1, round(height * scale))


@contextlib.contextmanager
def _quiet_pillow() -> Iterator[None]:
    """Keep Pillow's warnings (bomb, odd EXIF, palette) from reaching the console.

    Bomb-sized images are rejected by size checks, not by the warning.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


def _read_head(path: Path) -> bytes:
    try:
        with path.open("rb") as fh:
            return _head(fh)
    except OSError:
        return b""


def _head(fh: io.BufferedReader) -> bytes:
    return fh.read(_HEAD_BYTES)


def magic_format(head: bytes) -> str | None:
    """The picture format a file's first bytes say, even when Pillow cannot open it."""
    if head.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return "TIFF"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WEBP"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "GIF"
    if head[:2] == b"BM":
        return "BMP"
    if head[4:8] == b"ftyp" and head[8:12] in HEIF_BRANDS:
        return "HEIF"
    return None
