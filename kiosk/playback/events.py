"""The listening half of FilmPlayer: libvlc's events become its state and signals.

libvlc fires events on its own threads. The callback only reads two Python
attributes and emits a signal connected with ``QueuedConnection``; everything
else happens here, on the GUI thread. Every event carries the "generation" of
the film it belongs to, so late events of a film that was stopped or replaced
are dropped.

libvlc 3 quirks met here: the ``:play-and-pause`` media option (which holds the
last frame) ends a film with a Paused event, told apart from pauses we asked
for by counting those; volume and mute set before the audio output exists are
lost, so they are applied again on every Playing event.
"""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.playback.engine import Event, VlcPlayer
from kiosk.playback.film import Film, PlayerState
from kiosk.playback.surface import VideoSurface

log = logging.getLogger(__name__)

#: Time the paused first frame is given to reach the screen before ``ready``
#: (longer than libvlc's 80 ms redisplay period).
READY_SETTLE_MS = 120
#: ``position`` is emitted at most this often (seconds).
POSITION_INTERVAL_S = 0.25


class FilmEvents(QObject):
    """Signals, state, and the reading of libvlc's events; :class:`FilmPlayer` acts on them."""

    started = Signal()
    ready = Signal()
    position = Signal(float)
    ended = Signal(bool, str)
    failed = Signal(str)
    state_changed = Signal(str)

    # (event kind, generation, value) from libvlc threads; queued to the GUI thread.
    _vlc_event = Signal(int, int, float)

    # Set up by FilmPlayer.
    _player: VlcPlayer | None
    _surface: VideoSurface | None
    _film: Film
    _state: PlayerState
    _generation: int
    _last_position_emit: float
    _watchdog_generation: int
    _start_timeout_ms: int
    _volume: int
    _muted: bool

    def elapsed(self) -> float:
        raise NotImplementedError

    def duration(self) -> float:
        raise NotImplementedError

    @property
    def state(self) -> PlayerState:
        return self._state

    def _set_state(self, state: PlayerState) -> None:
        if state != self._state:
            self._state = state
            self.state_changed.emit(state.value)

    def _from_vlc_thread(self, kind: Event, value: float) -> None:
        # On a libvlc thread: only read attributes and emit (a libvlc call here deadlocks).
        if kind == Event.TIME:
            now = time.monotonic()
            if now - self._last_position_emit < POSITION_INTERVAL_S:
                return
            self._last_position_emit = now
        self._vlc_event.emit(kind, self._generation, value)

    def _request_pause(self) -> None:
        self._film.pauses_requested += 1
        self._player.set_pause(True)

    def _on_vlc_event(self, kind: int, generation: int, value: float) -> None:
        if generation != self._generation or self._player is None:
            return  # a late event of a film that was stopped or replaced
        if kind == Event.PLAYING:
            self._on_playing()
        elif kind == Event.PAUSED:
            self._on_paused()
        elif kind == Event.VOUT:
            self._on_vout(int(value))
        elif kind == Event.TIME:
            self._on_time(value)
        elif kind == Event.LENGTH:
            self._film.length_ms = value
        elif kind == Event.END:
            self._finish_at_end()
        elif kind == Event.ERROR and self._state not in (PlayerState.IDLE, PlayerState.FAILED):
            self._fail("file missing or unreadable")

    def _on_playing(self) -> None:
        film = self._film
        film.seen_playing = True
        if self._state == PlayerState.PREPARING:
            if not film.awaiting_ready and self._is_audio_only():
                film.awaiting_ready = True  # no picture to wait for: ready at once
                self._request_pause()
            return
        self._player.set_audio(self._volume, self._muted)
        if self._state == PlayerState.PLAYING and film.started_from_ready:
            self._emit_started()  # a prepared film: its frame was already on screen
        self._maybe_started()

    def _on_paused(self) -> None:
        film = self._film
        if film.pauses_requested > 0:
            film.pauses_requested -= 1
            if film.awaiting_ready and self._state == PlayerState.PREPARING:
                generation = self._generation
                QTimer.singleShot(READY_SETTLE_MS, self, lambda: self._become_ready(generation))
            return
        if self._state in (PlayerState.PLAYING, PlayerState.PREPARING):
            self._finish_at_end()  # play-and-pause: paused on the last frame

    def _become_ready(self, generation: int) -> None:
        if generation != self._generation or self._state != PlayerState.PREPARING:
            return
        self._film.awaiting_ready = False
        self._disarm_start_watchdog()
        self._set_state(PlayerState.READY)
        self.ready.emit()

    def _on_vout(self, count: int) -> None:
        if count <= 0:
            return
        film = self._film
        film.seen_vout = True
        if self._surface is not None:
            self._surface.clear_foreign_backgrounds()
        if self._state == PlayerState.PREPARING and not film.awaiting_ready:
            film.awaiting_ready = True
            self._request_pause()
        self._maybe_started()

    def _on_time(self, ms: float) -> None:
        film = self._film
        film.last_time_ms = ms
        if ms > 0:
            film.seen_time = True
        if self._state == PlayerState.PREPARING:
            if not film.awaiting_ready and self._is_audio_only():
                film.awaiting_ready = True
                self._request_pause()
            return
        self._maybe_started()
        if self._state == PlayerState.PLAYING:
            self.position.emit(ms / 1000.0)

    def _is_audio_only(self) -> bool:
        # Streams known (ESAdded precedes Playing for files) and none of them video.
        self._film.audio_only = self._player.is_audio_only()
        return self._film.audio_only

    def _maybe_started(self) -> None:
        film = self._film
        if film.has_started or self._state != PlayerState.PLAYING:
            return
        if not (film.seen_playing and film.seen_time):
            return
        if film.seen_vout or self._is_audio_only():
            self._emit_started()

    def _emit_started(self) -> None:
        if self._film.has_started:
            return
        self._film.has_started = True
        self._disarm_start_watchdog()
        self.started.emit()

    def _finish_at_end(self) -> None:
        if self._state not in (PlayerState.PLAYING, PlayerState.PAUSED, PlayerState.PREPARING):
            return
        played = max(self.elapsed(), self._film.last_time_ms / 1000.0)
        failure = self._film.end_failure(played, self.duration())
        if failure is not None:
            self._fail(failure)
        else:
            self._emit_started()  # a very short film may end before its first time report
            self._set_state(PlayerState.ENDED)
            self.ended.emit(True, "end of film")

    def _fail(self, reason: str) -> None:
        log.warning("film %s failed: %s", self._film.path, reason)
        self._disarm_start_watchdog()
        self._film.awaiting_ready = False
        self._set_state(PlayerState.FAILED)
        self.failed.emit(reason)

    # -- start watchdog --------------------------------------------------------------------------

    def _arm_start_watchdog(self) -> None:
        self._watchdog_generation = self._generation
        generation = self._generation
        QTimer.singleShot(self._start_timeout_ms, self, lambda: self._start_timed_out(generation))

    def _disarm_start_watchdog(self) -> None:
        self._watchdog_generation = -1

    def _start_timed_out(self, generation: int) -> None:
        if generation != self._generation or self._watchdog_generation != generation:
            return
        if self._state in (PlayerState.PREPARING, PlayerState.PLAYING) and not (
            self._film.has_started
        ):
            self._player.stop()
            self._fail(f"film did not start within {self._start_timeout_ms / 1000:g} s")
