"""Film playback through libvlc.

Only :mod:`kiosk.playback.engine` imports ``vlc`` and talks to libvlc; the
other modules go through it:

- ``engine`` — loading libvlc, its options, :class:`VlcEngine` (the one
  instance per process) and :class:`~kiosk.playback.engine.VlcPlayer`;
- ``memory`` — glibc malloc tuning, applied by the engine before libvlc starts;
- ``x11`` — keeping VLC's child windows from flashing black;
- ``surface`` — :class:`VideoSurface`, the native widget a player renders into;
- ``film``, ``events``, ``player`` — :class:`FilmPlayer` and its states;
- ``stage`` — :class:`FilmStage`, two players handing over without a gap;
- ``song``, ``clock`` — :class:`SongPlayer` (sound alone) and the time lyrics follow.

Embedding needs Qt's ``xcb`` platform on Linux (run Wayland sessions with
``QT_QPA_PLATFORM=xcb``); on ``windows`` and ``cocoa`` the native handle is
used; on ``offscreen`` nothing is embedded and the video goes to the output
named in the options.
"""

from kiosk.playback.engine import (
    DEFAULT_OPTIONS,
    OFFSCREEN_OPTIONS,
    PlaybackUnavailable,
    VlcEngine,
    default_options,
)
from kiosk.playback.film import PlayerState
from kiosk.playback.memory import MMAP_THRESHOLD, fix_mmap_threshold, limit_malloc_arenas
from kiosk.playback.player import FilmPlayer
from kiosk.playback.song import SongPlayer
from kiosk.playback.stage import FilmStage
from kiosk.playback.surface import NIGHT, VideoSurface

__all__ = [
    "DEFAULT_OPTIONS",
    "MMAP_THRESHOLD",
    "NIGHT",
    "OFFSCREEN_OPTIONS",
    "FilmPlayer",
    "FilmStage",
    "PlaybackUnavailable",
    "PlayerState",
    "SongPlayer",
    "VideoSurface",
    "VlcEngine",
    "default_options",
    "fix_mmap_threshold",
    "limit_malloc_arenas",
]
