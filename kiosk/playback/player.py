"""FilmPlayer: one libvlc media player on one surface, reused for film after film.

Signals, always delivered on the GUI thread:

- ``started()`` — after ``play()``: Playing, a video output exists *and* time
  advanced past 0, so the first frame is certainly on screen (~0.1–0.4 s after
  it; libvlc 3 reports time every ~250 ms). Films without a picture start on
  Playing + time > 0; a prepared film on its Playing event after ``start()``.
  On X11 ``play()`` on a visible surface shows VLC's black window for about a
  frame: for a black-free start use ``prepare()``, then ``start()`` on ``ready``.
- ``ready()`` — after ``prepare()``: paused, silent, on the first frame. The
  pause is asked for as soon as a video output exists; ``ready`` follows once
  it took effect and the frame had time to be drawn (a prepared film thus
  begins ~0.05–0.1 s in, which films opening with a fade do not show).
- ``position(float)`` — elapsed seconds, about 4 times a second while playing.
- ``ended(bool completed, str reason)`` — ``(True, "end of film")``, or
  ``(False, "stopped")`` when ``stop()``/``load()`` cut short a started film.
- ``failed(str reason)`` — instead of ``ended``: the file is missing or
  unreadable, ended far short of its known length, is not a playable film, or
  did not start in time.
- ``state_changed(str)`` — the new :class:`PlayerState` value.

After ``ended``/``failed`` the last frame stays on the surface until ``stop()``
or the next ``load()``/``prepare()``.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QObject, Qt

from kiosk.playback.engine import VlcEngine, VlcPlayer
from kiosk.playback.events import FilmEvents
from kiosk.playback.film import Film, PlayerState
from kiosk.playback.surface import VideoSurface

log = logging.getLogger(__name__)


class FilmPlayer(FilmEvents):
    """Load, play, pause, seek, stop; or prepare and start without a black frame."""

    def __init__(
        self,
        engine: VlcEngine,
        surface: VideoSurface | None = None,
        parent: QObject | None = None,
        *,
        start_timeout: float = 10.0,
    ) -> None:
        super().__init__(parent)
        engine.register(self)
        self._engine = engine
        self._surface = surface
        self._start_timeout_ms = int(start_timeout * 1000)
        self._state = PlayerState.IDLE
        self._volume = 100
        self._muted = False
        self._generation = 0
        self._last_position_emit = 0.0
        self._film = Film()
        self._watchdog_generation = -1
        self._vlc_event.connect(self._on_vlc_event, Qt.ConnectionType.QueuedConnection)
        self._player: VlcPlayer | None = VlcPlayer(engine, self._from_vlc_thread)

    # -- state -----------------------------------------------------------------------------------

    @property
    def path(self) -> Path | None:
        return self._film.path

    @property
    def surface(self) -> VideoSurface | None:
        return self._surface

    @property
    def generation(self) -> int:
        """Changes with every film loaded or stopped."""
        return self._generation

    def _new_film(self, film: Film) -> None:
        self._film = film
        self._watchdog_generation = -1

    def _vlc(self) -> VlcPlayer:
        if self._player is None:
            raise RuntimeError("this FilmPlayer is closed")
        return self._player

    # -- loading ---------------------------------------------------------------------------------

    def load(
        self,
        path: str | os.PathLike[str],
        *,
        subtitles: str | os.PathLike[str] | None = None,
        expected_duration: float | None = None,
    ) -> None:
        """Load a film (stopping any current one); ``play()`` or ``prepare()`` next.

        ``subtitles``: an SRT file shown as a selected subtitle track (a missing
        file is logged and ignored). ``expected_duration`` (seconds, e.g. from
        the catalogue) lets an early end be recognised as a failure even when
        libvlc cannot tell the length.
        """
        self._load(path, subtitles, expected_duration, silent=False)

    def _load(
        self,
        path: str | os.PathLike[str],
        subtitles: str | os.PathLike[str] | None,
        expected_duration: float | None,
        *,
        silent: bool,
    ) -> None:
        player = self._vlc()
        self.stop()
        film = Path(path)
        sub = Path(subtitles) if subtitles is not None else None
        self._new_film(Film(film, sub, expected_duration if expected_duration else None))
        self._generation += 1
        self._last_position_emit = 0.0
        self._film.audio_off = silent
        if sub is not None and not sub.is_file():
            log.warning("subtitles %s not found; playing %s without", sub, film.name)
            sub = None
        player.open(film, silent=silent, subtitles=sub)
        if self._surface is not None:
            player.embed(self._surface.native_handle)
        self._set_state(PlayerState.LOADED)

    # -- transport -------------------------------------------------------------------------------

    def play(self) -> None:
        """Play the loaded film; resume a paused one; start a prepared one; replay an ended one."""
        player = self._vlc()
        if self._state == PlayerState.LOADED:
            self._set_state(PlayerState.PLAYING)
            self._arm_start_watchdog()
            player.play()
        elif self._state == PlayerState.PAUSED:
            self.resume()
        elif self._state == PlayerState.READY:
            self.start()
        elif self._state in (PlayerState.ENDED, PlayerState.FAILED) and self.path is not None:
            self._replay()

    def _replay(self) -> None:
        film = self._film
        self.load(film.path, subtitles=film.subtitles, expected_duration=film.expected)
        self.play()

    def pause(self) -> None:
        if self._state == PlayerState.PLAYING:
            self._request_pause()
            self._set_state(PlayerState.PAUSED)

    def resume(self) -> None:
        if self._state == PlayerState.PAUSED:
            self._set_state(PlayerState.PLAYING)
            self._player.set_pause(False)
        elif self._state == PlayerState.READY:
            self.start()

    def seek(self, seconds: float) -> None:
        """Jump to ``seconds`` (clamped to the film); a film that ended becomes paused there."""
        if self._state not in (PlayerState.PLAYING, PlayerState.PAUSED, PlayerState.ENDED):
            return
        length = self.duration()
        target = max(0.0, seconds)
        if length > 0:
            target = min(target, max(0.0, length - 0.1))
        self._player.set_time_ms(int(target * 1000))
        if self._state == PlayerState.ENDED:
            self._set_state(PlayerState.PAUSED)

    def stop(self) -> None:
        """Stop and release the film (the surface shows night). Emits ended(False, "stopped")
        if a started film was cut short."""
        if self._player is None or self._state == PlayerState.IDLE:
            return
        cut_short = self._film.has_started and self._state in (
            PlayerState.PLAYING,
            PlayerState.PAUSED,
        )
        self._player.unload()  # synchronous; its events carry the old generation: dropped
        self._generation += 1
        self._new_film(Film())
        self._set_state(PlayerState.IDLE)
        if cut_short:
            self.ended.emit(False, "stopped")

    # -- gapless hand-over -----------------------------------------------------------------------

    def prepare(
        self,
        path: str | os.PathLike[str],
        *,
        subtitles: str | os.PathLike[str] | None = None,
        expected_duration: float | None = None,
    ) -> None:
        """Load ``path`` and pause it, silent, on its first frame; ``ready`` follows."""
        self._load(path, subtitles, expected_duration, silent=True)
        self._set_state(PlayerState.PREPARING)
        self._arm_start_watchdog()
        self._player.play()

    def start(self) -> None:
        """Unpause a prepared film with sound (raise its surface first)."""
        player = self._vlc()
        if self._state != PlayerState.READY:
            raise RuntimeError(f"start() needs a prepared film, not state {self._state.value!r}")
        if self._film.audio_only and self.path is not None:
            # Nothing to show, and without its one (audio) track the input ran to its
            # end while paused: play it afresh.
            self._replay()
            return
        if self._film.audio_off:
            self._film.audio_off = False
            player.select_first_audio_track()
        self._film.started_from_ready = True
        self._set_state(PlayerState.PLAYING)
        player.set_pause(False)

    # -- audio -----------------------------------------------------------------------------------

    def set_volume(self, volume: int) -> None:
        self._volume = max(0, min(100, int(volume)))
        self._apply_audio()

    def volume(self) -> int:
        return self._volume

    def set_muted(self, muted: bool) -> None:
        self._muted = bool(muted)
        self._apply_audio()

    def is_muted(self) -> bool:
        return self._muted

    def _apply_audio(self) -> None:
        # Lost if no audio output exists yet (libvlc 3); re-applied on every Playing event.
        if self._player is not None and self._state in (PlayerState.PLAYING, PlayerState.PAUSED):
            self._player.set_audio(self._volume, self._muted)

    # -- queries ---------------------------------------------------------------------------------

    def elapsed(self) -> float:
        """Seconds into the film (0 when nothing is loaded)."""
        if self._player is None or self._state == PlayerState.IDLE:
            return 0.0
        return max(0.0, self._player.time_ms()) / 1000.0

    def duration(self) -> float:
        """Length in seconds: the expected duration if given, else libvlc's (0 if unknown)."""
        if self._film.expected:
            return float(self._film.expected)
        if self._player is None or self._state == PlayerState.IDLE:
            return 0.0
        length = max(self._film.length_ms, self._player.length_ms())
        return max(0.0, length) / 1000.0

    def snapshot(self, path: str | os.PathLike[str], width: int = 0, height: int = 0) -> bool:
        """Write the frame on screen (subtitles included) as PNG; True if written.

        For tests and diagnostics: blocks until libvlc delivers a picture (≤ 0.5 s).
        """
        if self._player is None or self._state == PlayerState.IDLE:
            return False
        target = Path(path)
        target.unlink(missing_ok=True)
        if not self._player.snapshot(target, width, height):
            return False
        return target.is_file() and target.stat().st_size > 0

    # -- teardown --------------------------------------------------------------------------------

    def close(self) -> None:
        """Stop, detach the libvlc callbacks and release the player. Idempotent."""
        if self._player is None:
            return
        self.stop()
        self._player.release()
        self._player = None
        self._engine.unregister(self)
