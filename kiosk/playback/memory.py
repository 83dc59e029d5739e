"""glibc malloc tuning that keeps the kiosk's memory flat over hundreds of films.

Players are reused and media released, so the memory *in use* stays the same
film after film (+0.1 MB per 100 films). What grew was memory glibc kept after
libvlc freed it: each film's decoder allocates its picture buffers (a 720p
frame is ~1.4 MB) and frees them when the film stops. glibc maps such large
blocks on their own and unmaps them on ``free()``, but the first such free
raises the size from which it does so (up to 32 MB); from then on the buffers
are cut from the heap and, once freed, stay resident as fragmented free space.
Measured in the attract loop under Xvfb (720p films of 1 s, films only): 100–260
MB of it after 20–60 films, so resident memory after 20 films (420–490 MB) and
after 200 (490–550 MB) differed by chance. With the threshold fixed at glibc's
default of 128 KiB, glibc keeps under 12 MB and the same loop stays at 335–350
MB from the 20th film to the 200th, at no measurable CPU cost.

Both settings apply to the whole process and must be made before libvlc starts
its threads; :class:`kiosk.playback.engine.VlcEngine` does so. A no-op off
Linux/glibc.
"""

from __future__ import annotations

import ctypes
import os
import sys

# glibc mallopt parameters
_M_MMAP_THRESHOLD = -3
_M_ARENA_MAX = -8
#: Blocks of this many bytes or more get mappings of their own (glibc's default threshold).
MMAP_THRESHOLD = 128 * 1024


def _mallopt(param: int, value: int) -> bool:
    """glibc's ``mallopt``; False off Linux/glibc or if glibc refused the value."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False  # not glibc (e.g. musl)
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    return mallopt(param, value) == 1


def limit_malloc_arenas(count: int = 2) -> bool:
    """Cap glibc's malloc arenas (like ``MALLOC_ARENA_MAX``); True if applied.

    libvlc runs each decoder and output on its own thread, and glibc gives
    threads their own arenas (up to 8 per core), each holding freed memory of
    its own.
    """
    return _mallopt(_M_ARENA_MAX, count)


def fix_mmap_threshold(size: int = MMAP_THRESHOLD) -> bool:
    """Serve blocks of ``size`` bytes or more by mmap, always; True if applied.

    Like ``MALLOC_MMAP_THRESHOLD_``: glibc's threshold otherwise rises to the
    largest such block freed so far (see the module docstring). Setting it also
    stops glibc adjusting its trim threshold.
    """
    return _mallopt(_M_MMAP_THRESHOLD, size)


def tune_malloc(arenas: int | None, mmap_threshold: int | None) -> None:
    """Apply both settings, except those ``None`` or set in the environment.

    A ``MALLOC_ARENA_MAX`` or ``MALLOC_MMAP_THRESHOLD_`` in the environment is the
    deployer's choice and is left as it is.
    """
    if arenas and "MALLOC_ARENA_MAX" not in os.environ:
        limit_malloc_arenas(arenas)
    if mmap_threshold and "MALLOC_MMAP_THRESHOLD_" not in os.environ:
        fix_mmap_threshold(mmap_threshold)
