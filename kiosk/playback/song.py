"""SongPlayer: a FilmPlayer for sound alone (songs), with no surface.

Its time (``elapsed()``) is what a song's lyrics follow (through
``kiosk.playback.clock.PlayerClock``). A sound file's end comes up to
``SOUND_TAIL_S`` before its length where the audio output keeps no clock of its
own (none, or libvlc's dummy output on test machines: the last buffers, about
1.2–1.4 s, are "played" at once); such an end still counts as complete.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from kiosk.playback.engine import VlcEngine
from kiosk.playback.film import Film
from kiosk.playback.player import FilmPlayer

#: How much earlier than its length a song may end and still be complete (seconds).
SOUND_TAIL_S = 2.0


class SongPlayer(FilmPlayer):
    """Load, play, pause, seek, stop a song; its signals are FilmPlayer's."""

    def __init__(
        self, engine: VlcEngine, parent: QObject | None = None, *, start_timeout: float = 10.0
    ) -> None:
        super().__init__(engine, None, parent, start_timeout=start_timeout)

    def _new_film(self, film: Film) -> None:
        film.tail_slack = SOUND_TAIL_S
        super()._new_film(film)
