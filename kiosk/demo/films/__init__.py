"""The two demo films: painted scenes and title cards, a plucked-string soundtrack, subtitles.

Each film is a list of shots (``shots``), its words read from a script in
``media/demo/films/`` (``scripts``).  A shot pre-renders its layers once (a
painting wider than the frame, a text overlay, drawn with ``cards`` and the
artwork) and makes a frame by a sub-pixel crop and a blend, so the per-frame work
stays cheap.  Shots overlap by a crossfade.  Sound is synthesised with numpy
(``sound``) and encoded as AAC; video is H.264 yuv420p at 25 fps in an MP4 with
the index at the front (faststart) (``encoding``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from kiosk.demo.films import scripts
from kiosk.demo.films.ai_lian import film_ai_lian
from kiosk.demo.films.encoding import encode, srt
from kiosk.demo.films.shots import Shot
from kiosk.demo.films.si_zhi import film_si_zhi
from kiosk.demo.films.sound import soundtrack

__all__ = ["FILMS", "film_size", "render_film"]

SIZE = (1280, 720)

# Each film from its frame size, seed and script (the name is its script's and file's stem).
FILMS: dict[str, Callable[[tuple[int, int], int, scripts.Script], tuple[list[Shot], float]]] = {
    "si-zhi": film_si_zhi,
    "ai-lian-shuo": film_ai_lian,
}


def film_size(scale: float) -> tuple[int, int]:
    w = max(64, round(SIZE[0] * scale / 16) * 16)
    return w, w * 9 // 16 // 2 * 2


def render_film(name: str, video: Path, subtitles: Path, scale: float = 1.0, seed: int = 0) -> None:
    """Render one film and its .srt (both written to the given paths, directly)."""
    size = film_size(scale)
    shots, duration = FILMS[name](size, seed or sum(map(ord, name)), scripts.load(name))
    audio = soundtrack(duration, seed or sum(map(ord, name)))
    encode(shots, duration, size, audio, video)
    subtitles.write_text(srt(shots), encoding="utf-8")
