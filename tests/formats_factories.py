"""Real, tiny files of the kinds operators actually get (no mocks): films in old and new
containers, a DVD's VIDEO_TS folder, HEIC photos and PDF posters.

- ``make_film``  — a film in a container operators still get (WMV, FLV, AVI, RM,
  MPEG-2 program stream, HEVC in MP4/MKV), as the PyAV wheel writes them.
- ``make_dvd``   — a VIDEO_TS folder: menus, navigation files and title sets whose
  film is one MPEG-2 program stream cut into parts, as a disc keeps it.
- ``make_heic``  — a HEIC photo (pillow-heif), optionally stored rotated.
- ``make_pdf``   — a PDF (Pillow writes it) of one or more pages, in points.
"""

from __future__ import annotations

from pathlib import Path

import pillow_heif
from PIL import Image

from factories import make_video

#: name → (PyAV muxer, video encoder, audio encoder, suffix)
FILMS = {
    "wmv": ("asf", "wmv2", "wmav2", ".wmv"),
    "flv": ("flv", "flv", "libmp3lame", ".flv"),
    "avi": ("avi", "mpeg4", "libmp3lame", ".avi"),
    "rm": ("rm", "rv20", "ac3", ".rm"),
    # RMVB is RealMedia with variable bit rate (RealVideo 4, which FFmpeg can only
    # decode): the same container, with the encoder FFmpeg has.
    "rmvb": ("rm", "rv20", "ac3", ".rmvb"),
    "mpg": ("mpeg", "mpeg2video", "mp2", ".mpg"),
    "vob": ("vob", "mpeg2video", "ac3", ".vob"),
    "hevc-mp4": ("mp4", "libx265", "aac", ".mp4"),
    "hevc-mkv": ("matroska", "libx265", "aac", ".mkv"),
}


def make_film(
    path: Path | str, name: str, seconds: float = 2.0, size: tuple[int, int] = (320, 240)
) -> Path:
    """Write a film in the container ``name`` of ``FILMS`` (``factories.make_video``'s
    picture and sound) and return its path."""
    muxer, video_codec, audio_codec, _ = FILMS[name]
    return make_video(path, seconds, size, muxer=muxer, codecs=(video_codec, audio_codec))


#: A DVD's title set parts are cut on its 2048-byte sectors.
DVD_SECTOR = 2048


def make_dvd(
    folder: Path | str,
    seconds: float = 3.0,
    parts: int = 3,
    *,
    extra_sets: tuple[float, ...] = (),
    size: tuple[int, int] = (320, 240),
) -> Path:
    """Write ``folder``/VIDEO_TS as a copied disc has it and return that folder.

    Title set 1 is the film: ``seconds`` of MPEG-2 with AC-3 sound, cut into
    ``parts`` VOB files on sector boundaries. Each of ``extra_sets`` adds a shorter
    title set (a trailer). Menus (VIDEO_TS.VOB, VTS_nn_0.VOB) are short films of
    their own; the .IFO/.BUP files hold bytes no player should need here.
    """
    ts = Path(folder) / "VIDEO_TS"
    ts.mkdir(parents=True, exist_ok=True)
    make_film(ts / "VIDEO_TS.VOB", "vob", seconds=0.4, size=size)
    for n, length in enumerate((seconds, *extra_sets), start=1):
        whole = make_film(ts / f"whole_{n}.vob", "vob", seconds=length, size=size)
        data = whole.read_bytes()
        whole.unlink()
        sectors = len(data) // DVD_SECTOR
        cuts = [round(sectors * k / parts) * DVD_SECTOR for k in range(parts)] + [len(data)]
        for k in range(parts):
            (ts / f"VTS_{n:02d}_{k + 1}.VOB").write_bytes(data[cuts[k] : cuts[k + 1]])
        make_film(ts / f"VTS_{n:02d}_0.VOB", "vob", seconds=0.4, size=size)
        for suffix in ("IFO", "BUP"):
            (ts / f"VTS_{n:02d}_0.{suffix}").write_bytes(b"DVDVIDEO-VTS" + bytes(2036))
    for suffix in ("IFO", "BUP"):
        (ts / f"VIDEO_TS.{suffix}").write_bytes(b"DVDVIDEO-VMG" + bytes(2036))
    return ts


def make_heic(path: Path | str, size: tuple[int, int] = (64, 48), orientation: int = 1) -> Path:
    """A HEIC photo: seal red with a blue block in its top-left corner, as stored.

    With ``orientation`` (EXIF numbering) pillow-heif stores the rotation the way
    phones do (libheif's transform boxes), so a viewer must turn the picture.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    image = Image.new("RGB", size, (178, 34, 34))
    block = max(4, min(size) // 4)
    image.paste((20, 40, 200), (0, 0, block, block))
    exif = Image.Exif()
    if orientation != 1:
        exif[274] = orientation
    heif = pillow_heif.from_pillow(image)
    heif.save(str(path), quality=90, exif=exif.tobytes())
    return path


def make_pdf(
    path: Path | str,
    pages: int = 1,
    size_pt: tuple[float, float] = (595, 842),
) -> Path:
    """A PDF of ``pages`` pages of ``size_pt`` points (A4 by default); page 1 is seal red
    with a blue block at its top-left, the others grey."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    w, h = round(size_pt[0]), round(size_pt[1])
    first = Image.new("RGB", (w, h), (178, 34, 34))
    first.paste((20, 40, 200), (0, 0, max(4, min(w, h) // 4), max(4, min(w, h) // 4)))
    rest = [Image.new("RGB", (w, h), (128, 128, 128)) for _ in range(pages - 1)]
    first.save(path, "PDF", save_all=True, append_images=rest, resolution=72.0)
    return path
