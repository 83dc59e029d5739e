"""What a file's first bytes say it holds, for "not an image: the content is …"."""

from __future__ import annotations

#: ISO-BMFF brands of HEIF pictures (phones save photos as HEIC).
HEIF_BRANDS = frozenset({b"heic", b"heix", b"mif1", b"msf1", b"heim", b"heis"})
#: ASF (WMV/WMA) header object, and its file properties object, which states the file size.
_ASF_HEADER = bytes.fromhex("3026b2758e66cf11a6d900aa0062ce6c")
_ASF_FILE_PROPERTIES = bytes.fromhex("a1dcab8c47a9cf118ee400c00c205365")
_ASF_FILE_SIZE_AT = 40  # after the object's GUID, its size and the file's id


def declared_size(head: bytes) -> int | None:
    """The file size a container's header states, where it states one: RIFF (AVI) and
    ASF (WMV). A shorter file was not copied completely."""
    if head[:4] == b"RIFF" and len(head) >= 8:
        size = int.from_bytes(head[4:8], "little")
        # 0 and 0xFFFFFFFF: written by a program that streamed it and never went back.
        return size + 8 if 0 < size < 0xFFFFFFFF else None
    if head.startswith(_ASF_HEADER):
        at = head.find(_ASF_FILE_PROPERTIES)
        field = head[at + _ASF_FILE_SIZE_AT : at + _ASF_FILE_SIZE_AT + 8] if at > 0 else b""
        size = int.from_bytes(field, "little") if len(field) == 8 else 0
        return size or None  # 0: a live broadcast's header
    return None


def describe_content(head: bytes) -> str:
    """What the first bytes of a file look like: a ``content_*`` key of kiosk.strings,
    for "not an image: the content is …"."""
    if not head:
        return "content_empty"
    checks = (
        (b"%PDF", "content_pdf"),
        (b"PK\x03\x04", "content_zip"),
        (b"\xd0\xcf\x11\xe0", "content_old_office"),
        (b"Rar!", "content_rar"),
        (b"7z\xbc\xaf", "content_7z"),
        (b"{\\rtf", "content_rtf"),
        (b"ID3", "content_mp3"),
        (b"RIFF", "content_riff"),
        (b"\x1a\x45\xdf\xa3", "content_matroska"),
        (b"MZ", "content_exe"),
        (b"\x7fELF", "content_elf"),
    )
    for magic, what in checks:
        if head.startswith(magic):
            return what
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in HEIF_BRANDS:
            return "content_heic"
        if brand in (b"avif", b"avis"):
            return "content_avif"
        return "content_mp4"
    if _looks_like_text(head):
        return "content_text"
    return "content_unknown"


def _looks_like_text(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates: tuple[str, ...] = ("utf-16",)
    elif b"\x00" in head:
        return False
    else:
        candidates = ("utf-8", "gb18030")
    for encoding in candidates:
        text = _decode_prefix(head, encoding)
        if text is not None:
            controls = sum(1 for ch in text if ch < " " and ch not in "\t\r\n\f")
            return controls <= len(text) // 100
    return False


def _decode_prefix(head: bytes, encoding: str) -> str | None:
    """``head`` decoded, allowing it to end inside a multi-byte character."""
    for cut in range(4):
        try:
            return head[: len(head) - cut].decode(encoding)
        except UnicodeDecodeError:
            continue
    return None
