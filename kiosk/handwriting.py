"""Handwritten characters to candidates, through Zinnia's C API (ctypes; no binding is packaged).

Debian's ``libzinnia0`` is the recognizer and ``tegaki-zinnia-simplified-chinese``
its model (the 6,763 characters of GB 2312).  ``Recognizer.open()`` gives None,
with one log line naming the package to install, when either is missing; the
search screen then hides its handwriting pad.  No Qt here: strokes are lists
of (x, y) points on a pad of a given size.
"""

from __future__ import annotations

import ctypes
import logging
from collections.abc import Callable, Sequence
from pathlib import Path

log = logging.getLogger(__name__)

LIBRARY = "libzinnia.so.0"
MODEL = Path("/usr/share/tegaki/models/zinnia/handwriting-zh_CN.model")
LIBRARY_PACKAGE = "libzinnia0"
MODEL_PACKAGE = "tegaki-zinnia-simplified-chinese"

# Zinnia works on integer points; its models were trained on boxes of this order.
BOX = 1000
# A character of more strokes than this is not one (the most in GB 2312 is 30).
MAX_STROKES = 40

Stroke = Sequence[tuple[float, float]]

_c_void_p, _c_size_t, _c_int = ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int
_SIGNATURES: dict[str, tuple[type | None, list[type]]] = {
    "zinnia_recognizer_new": (_c_void_p, []),
    "zinnia_recognizer_open": (_c_int, [_c_void_p, ctypes.c_char_p]),
    "zinnia_recognizer_strerror": (ctypes.c_char_p, [_c_void_p]),
    "zinnia_recognizer_classify": (_c_void_p, [_c_void_p, _c_void_p, _c_size_t]),
    "zinnia_recognizer_destroy": (None, [_c_void_p]),
    "zinnia_character_new": (_c_void_p, []),
    "zinnia_character_set_width": (None, [_c_void_p, _c_size_t]),
    "zinnia_character_set_height": (None, [_c_void_p, _c_size_t]),
    "zinnia_character_clear": (None, [_c_void_p]),
    "zinnia_character_add": (_c_int, [_c_void_p, _c_size_t, _c_int, _c_int]),
    "zinnia_character_destroy": (None, [_c_void_p]),
    "zinnia_result_value": (ctypes.c_char_p, [_c_void_p, _c_size_t]),
    "zinnia_result_size": (_c_size_t, [_c_void_p]),
    "zinnia_result_destroy": (None, [_c_void_p]),
}


def is_candidate(text: str) -> bool:
    """One character of the CJK Unified Ideographs block: what Chinese visitors search with."""
    return len(text) == 1 and 0x4E00 <= ord(text) <= 0x9FFF


def _load(library: str):
    lib = ctypes.CDLL(library)
    for name, (restype, argtypes) in _SIGNATURES.items():
        fn = getattr(lib, name)
        fn.restype, fn.argtypes = restype, argtypes
    return lib


def _usable(library: str, model: Path):
    """The loaded library when the model is there too, else None (logged: what to install)."""
    try:
        lib = _load(library)
    except (OSError, AttributeError) as e:
        log.warning(
            "handwriting off: the Zinnia library %s cannot be loaded (%s); "
            "install the Debian package %s",
            library,
            e,
            LIBRARY_PACKAGE,
        )
        return None
    if not Path(model).is_file():
        log.warning(
            "handwriting off: no handwriting model at %s; install the Debian package %s",
            model,
            MODEL_PACKAGE,
        )
        return None
    return lib


class Recognizer:
    """One open Zinnia recognizer with its model; ``recognize`` on the GUI thread (a few ms)."""

    def __init__(self, lib, handle: int) -> None:
        self._lib = lib
        self._handle = handle
        self._character = lib.zinnia_character_new()

    @classmethod
    def open(cls, library: str = LIBRARY, model: Path = MODEL) -> Recognizer | None:
        """The recognizer, or None (logged, with the package to install) when it cannot run."""
        lib = _usable(library, model)
        if lib is None:
            return None
        handle = lib.zinnia_recognizer_new()
        if not lib.zinnia_recognizer_open(handle, str(model).encode()):
            why = (lib.zinnia_recognizer_strerror(handle) or b"").decode(errors="replace")
            lib.zinnia_recognizer_destroy(handle)
            log.warning(
                "handwriting off: the model %s cannot be opened (%s); reinstall the Debian "
                "package %s",
                model,
                why,
                MODEL_PACKAGE,
            )
            return None
        return cls(lib, handle)

    def recognize(
        self, strokes: Sequence[Stroke], width: float, height: float, n: int = 10
    ) -> list[str]:
        """Up to ``n`` candidate characters for ``strokes`` written on a ``width``×``height``
        pad, best first.  Points are scaled to Zinnia's box keeping the pad's proportions."""
        strokes = [s for s in strokes if s][:MAX_STROKES]
        if not strokes or self._handle is None:
            return []
        scale = BOX / max(width, height, 1)
        lib, char = self._lib, self._character
        lib.zinnia_character_clear(char)
        lib.zinnia_character_set_width(char, max(1, round(width * scale)))
        lib.zinnia_character_set_height(char, max(1, round(height * scale)))
        for i, stroke in enumerate(strokes):
            for x, y in stroke:
                lib.zinnia_character_add(char, i, round(x * scale), round(y * scale))
        # Ask for a few more than wanted: anything not a CJK ideograph is dropped.
        result = lib.zinnia_recognizer_classify(self._handle, char, n + 10)
        if not result:
            return []
        try:
            values = (
                lib.zinnia_result_value(result, i) for i in range(lib.zinnia_result_size(result))
            )
            found = [v.decode("utf-8", errors="replace") for v in values if v]
        finally:
            lib.zinnia_result_destroy(result)
        return [c for c in found if is_candidate(c)][:n]

    def close(self) -> None:
        if self._handle is not None:
            self._lib.zinnia_character_destroy(self._character)
            self._lib.zinnia_recognizer_destroy(self._handle)
            self._handle = None

    def __del__(self) -> None:
        self.close()

    @classmethod
    def when_written(cls, library: str = LIBRARY, model: Path = MODEL) -> LazyRecognizer | None:
        """A recognizer that opens its model on the first character written, or None (logged,
        as by ``open``) when the library cannot be loaded or the model is not there."""
        if _usable(library, model) is None:
            return None
        return LazyRecognizer(lambda: cls.open(library, model))


class LazyRecognizer:
    """Opens the recognizer when a character is first written, and closes it on ``release``:
    the model (26 MB) is resident in full while open, so a kiosk keeps it only while visitors
    write, not for weeks on end."""

    def __init__(self, opener: Callable[[], Recognizer | None]) -> None:
        self._opener = opener
        self._recognizer: Recognizer | None = None

    @property
    def is_open(self) -> bool:
        return self._recognizer is not None

    def recognize(
        self, strokes: Sequence[Stroke], width: float, height: float, n: int = 10
    ) -> list[str]:
        if self._recognizer is None:
            self._recognizer = self._opener()  # None: logged; no candidates this time
        if self._recognizer is None:
            return []
        return self._recognizer.recognize(strokes, width, height, n)

    def release(self) -> None:
        """Close the model (the visitor has gone); the next character opens it again."""
        if self._recognizer is not None:
            self._recognizer.close()
            self._recognizer = None
