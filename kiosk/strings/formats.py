"""The files operators actually get (kiosk/ingest: PDF posters, DVD folders): what an import
says of them."""

from __future__ import annotations

FORMATS: dict[str, tuple[str, str]] = {
    # PDF posters: the first page is shown
    "pdf_pages": (
        "PDF 共 {pages} 页，展示的是第 1 页",
        "the PDF has {pages} pages; page 1 is shown",
    ),
    "pdf_password": (
        "PDF 设有打开密码，无法读取（请让设计方提供不加密的 PDF）",
        "the PDF is locked with a password (ask for a copy without one)",
    ),
    "pdf_protected": (
        "PDF 使用了不支持的加密方式（请让设计方提供不加密的 PDF）",
        "the PDF is encrypted in a way that cannot be read (ask for a copy without encryption)",
    ),
    "pdf_damaged": (
        "PDF 文件已损坏或不完整（请重新复制或重新导出）",
        "damaged or truncated PDF (copy or export it again)",
    ),
    "pdf_no_pages": ("PDF 里没有页面", "the PDF has no pages"),
    # films whose header states their size (AVI, WMV)
    "video_shorter_than_header": (
        "视频文件不完整：只有文件头所写大小的 {percent}%（请重新复制）",
        "truncated video: the file holds {percent}% of the size its header states (copy it again)",
    ),
    # DVD folders (VIDEO_TS): the main title set, played as one film
    "dvd_no_title": (
        "VIDEO_TS 文件夹里没有影片（没有 VTS_01_1.VOB 这样的文件）",
        "the VIDEO_TS folder holds no film (no file such as VTS_01_1.VOB)",
    ),
    "dvd_title_used": (
        "DVD 有 {sets} 组影片，导入的是最长的一组：{files}",
        "the DVD holds {sets} title sets; the longest was imported: {files}",
    ),
}
