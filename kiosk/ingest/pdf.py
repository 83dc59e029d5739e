"""PDF posters: the first page rendered with PDFium (pypdfium2), then made into renditions
like any picture (display, thumb and, rendered this large, deep-zoom tiles).

The page is rendered at ``RENDER_LONG_EDGE`` px on its long side, never finer than
``RENDER_MAX_DPI`` and never more than ``RENDER_MAX_PIXELS``: sharp at the gallery's deepest
zoom, and one render (3 bytes a pixel in PDFium, 4 in Pillow) stays near 340 MB (an A0 poster,
5660×8000: 1.3 s, 330 MB above the importer's own memory, measured).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image

from kiosk.ingest.errors import RejectedFile
from kiosk.ingest.images import ImageResult, picture_renditions

#: Long side of the rendered page, in pixels: a poster's detail at the gallery's deepest zoom.
RENDER_LONG_EDGE = 8000
#: Finest rendering: a small page (A4) is not blown up past print resolution.
RENDER_MAX_DPI = 600
#: At most this many pixels (a square page at 8000 px would be 64 MP).
RENDER_MAX_PIXELS = 48_000_000
#: PDF pages are measured in points (1/72 inch).
_POINTS_PER_INCH = 72
_WHITE = (255, 255, 255, 255)


@dataclass(frozen=True)
class PdfResult:
    picture: ImageResult  # format "PDF", the size of the rendered page
    pages: int  # how many pages the PDF has (the first is shown)


def is_pdf(head: bytes) -> bool:
    """Whether a file's first bytes are a PDF's (the header may follow a little junk)."""
    return b"%PDF-" in head[:1024]


def process_pdf(src: Path, out_dir: Path) -> PdfResult:
    """Render the first page of ``src`` and write its renditions into ``out_dir``.

    RejectedFile (one line) for a PDF locked with a password, a damaged one, or
    one without pages.
    """
    document = _open(src)
    try:
        pages = len(document)
        if pages == 0:
            raise RejectedFile("pdf_no_pages")
        image = _render_first_page(document)
    finally:
        document.close()
    try:
        return PdfResult(picture_renditions(image, "PDF", out_dir), pages)
    finally:
        image.close()


def render_scale(width_pt: float, height_pt: float) -> float:
    """Pixels per point for a page of this size (see the module's limits)."""
    long_edge = max(width_pt, height_pt)
    area = width_pt * height_pt
    return min(
        RENDER_LONG_EDGE / long_edge,
        RENDER_MAX_DPI / _POINTS_PER_INCH,
        (RENDER_MAX_PIXELS / area) ** 0.5,
    )


def _open(src: Path) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(src)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            raise RejectedFile("pdf_password") from None
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise RejectedFile("pdf_protected") from None
        raise RejectedFile("pdf_damaged") from None


def _render_first_page(document: pdfium.PdfDocument) -> Image.Image:
    try:
        page = document[0]
    except pdfium.PdfiumError:
        raise RejectedFile("pdf_damaged") from None
    try:
        width, height = page.get_size()  # points, the page's own rotation applied
        if min(width, height) <= 0:
            raise RejectedFile("pdf_damaged")
        bitmap = page.render(
            scale=render_scale(width, height),
            fill_color=_WHITE,
            rev_byteorder=True,  # RGB, as Pillow wants it
            draw_annots=True,
            may_draw_forms=False,
        )
        try:
            image = bitmap.to_pil()
            # 3-byte RGB is copied into Pillow's own pixels; should a Pillow share PDFium's
            # memory (read-only), copy it before the bitmap goes.
            return image.copy() if image.readonly else image
        finally:
            bitmap.close()
    except pdfium.PdfiumError:
        raise RejectedFile("pdf_damaged") from None
    except MemoryError:
        raise RejectedFile("image_no_memory") from None
    finally:
        page.close()
