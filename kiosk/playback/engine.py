"""libvlc itself — the only module in the kiosk that imports ``vlc`` (python-vlc).

:class:`VlcEngine` owns the one ``vlc.Instance``; :class:`VlcPlayer` is one
libvlc media player with the few calls the kiosk makes and its events as
``(Event, value)``. Importing this module never fails because of libvlc:
``import vlc`` happens when the first engine is created.

libvlc 3 calls back on its own threads; the ``on_event`` handed to a
:class:`VlcPlayer` runs there and must not call libvlc (that deadlocks) nor touch
Qt objects but to emit a queued signal.
"""

from __future__ import annotations

import contextlib
import logging
import sys
from collections.abc import Callable, Sequence
from enum import IntEnum
from pathlib import Path
from types import ModuleType
from typing import Any, Protocol

from PySide6.QtGui import QGuiApplication

from kiosk.playback import memory

log = logging.getLogger(__name__)

#: libvlc options for the kiosk under X11 (``--no-xlib``: Qt owns Xlib).
DEFAULT_OPTIONS: tuple[str, ...] = (
    "--no-xlib",
    "--quiet",
    "--no-video-title-show",
    "--no-osd",
    "--no-snapshot-preview",
    "--no-sub-autodetect-file",
    # Two decoding threads per film: libvlc's automatic choice is one more than the cores,
    # each holding frames of its own (a 2-core machine playing a film with the next one
    # prepared: 177 MB resident with the automatic choice, 166 MB with two, measured); two
    # decode 1080p H.264 in real time on such a machine.
    "--avcodec-threads=2",
)
#: Added when Qt runs without a screen (tests): decode, but show and sound nothing.
OFFSCREEN_OPTIONS: tuple[str, ...] = ("--vout=dummy", "--aout=dummy")

_INSTALL_HINTS = {
    "win32": "Install VLC 3 (64-bit, from videolan.org)",
    "darwin": "Install VLC 3 (from videolan.org) in /Applications",
}
_DEBIAN_HINT = "Install VLC 3 (Debian: apt install libvlc5 vlc-plugin-base vlc-plugin-video-output)"


class PlaybackUnavailable(RuntimeError):
    """libvlc is missing or will not start; the message is one sentence for the operator."""


def _install_hint() -> str:
    return _INSTALL_HINTS.get(sys.platform, _DEBIAN_HINT)


def _not_installed_message() -> str:
    return f"Films cannot play: VLC (libvlc) is not installed. {_install_hint()} and restart."


def _cannot_start_message(options: Sequence[str]) -> str:
    hint = _install_hint()
    return (
        f"Films cannot play: VLC (libvlc) would not start with the options {' '.join(options)}; "
        f"check the VLC options in the settings file, or {hint[0].lower()}{hint[1:]}, and restart."
    )


_vlc: ModuleType | None = None


def _load_vlc() -> ModuleType:
    """Import python-vlc (and with it libvlc), or raise PlaybackUnavailable."""
    global _vlc
    if _vlc is None:
        try:
            import vlc
        except (ImportError, OSError, NotImplementedError, AttributeError, SystemExit) as exc:
            # python-vlc raises NotImplementedError/OSError when libvlc is absent and
            # calls sys.exit(1) when PYTHON_VLC_LIB_PATH names a file it cannot load.
            raise PlaybackUnavailable(_not_installed_message()) from exc
        _vlc = vlc
    return _vlc


def default_options(platform_name: str | None = None) -> list[str]:
    """The kiosk's libvlc options for Qt platform ``platform_name`` (default: current).

    Real hardware may want others (GL output, hardware decoding): pass your own
    list to :class:`VlcEngine`.
    """
    if platform_name is None:
        platform_name = QGuiApplication.platformName() if QGuiApplication.instance() else ""
    options = list(DEFAULT_OPTIONS)
    if platform_name in ("offscreen", "minimal"):
        options += OFFSCREEN_OPTIONS
    return options


class Closable(Protocol):
    def close(self) -> None: ...


class VlcEngine:
    """The libvlc instance; create one per process and pass it to players.

    Before libvlc starts its threads, ``malloc_arenas`` caps glibc's malloc
    arenas and ``mmap_threshold`` fixes the size from which blocks are mapped on
    their own (see :mod:`kiosk.playback.memory`); ``None`` leaves that setting
    alone, and so does the matching ``MALLOC_*`` environment variable when set.
    ``vlc.Instance()`` returns ``None`` for an unknown option: that, like a
    missing libvlc, raises :class:`PlaybackUnavailable`.
    """

    def __init__(
        self,
        options: Sequence[str] | None = None,
        *,
        malloc_arenas: int | None = 2,
        mmap_threshold: int | None = memory.MMAP_THRESHOLD,
    ) -> None:
        vlc = _load_vlc()
        memory.tune_malloc(malloc_arenas, mmap_threshold)
        self.options: tuple[str, ...] = tuple(default_options() if options is None else options)
        try:
            instance = vlc.Instance(list(self.options))
        except (OSError, AttributeError, vlc.VLCException) as exc:
            raise PlaybackUnavailable(_cannot_start_message(self.options)) from exc
        if instance is None:
            raise PlaybackUnavailable(_cannot_start_message(self.options))
        self.vlc = vlc
        self.instance = instance
        self._players: list[Closable] = []
        log.info("libvlc %s started with %s", self.version, " ".join(self.options))

    @property
    def version(self) -> str:
        return self.vlc.libvlc_get_version().decode("utf-8", "replace")

    @property
    def closed(self) -> bool:
        return self.instance is None

    def register(self, player: Closable) -> None:
        """Remember ``player`` so that :meth:`close` closes it first."""
        if self.instance is None:
            raise RuntimeError("the VLC engine is closed")
        self._players.append(player)

    def unregister(self, player: Closable) -> None:
        with contextlib.suppress(ValueError):
            self._players.remove(player)

    def close(self) -> None:
        """Close every player registered with this engine, then release libvlc."""
        for player in list(self._players):
            player.close()
        if self.instance is not None:
            self.instance.release()
            self.instance = None


class Event(IntEnum):
    """The libvlc events a player listens to."""

    PLAYING = 0
    PAUSED = 1
    END = 2
    ERROR = 3  # EncounteredError: the file is missing or unreadable
    VOUT = 4  # value: number of video outputs
    TIME = 5  # value: milliseconds played
    LENGTH = 6  # value: length in milliseconds


_EVENT_NAMES = {
    Event.PLAYING: "MediaPlayerPlaying",
    Event.PAUSED: "MediaPlayerPaused",
    Event.END: "MediaPlayerEndReached",
    Event.ERROR: "MediaPlayerEncounteredError",
    Event.VOUT: "MediaPlayerVout",
    Event.TIME: "MediaPlayerTimeChanged",
    Event.LENGTH: "MediaPlayerLengthChanged",
}


def _subtitle_encoding_option(path: Path) -> str | None:
    """A subsdec option for SRT files VLC would not read as UTF-8, or None."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if data.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return None  # BOM: VLC detects it
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return ":subsdec-encoding=GB18030"  # superset of GBK/GB2312, Chinese Windows' ANSI
    return None


class VlcPlayer:
    """One libvlc media player; ``on_event(Event, value)`` is called on libvlc's threads."""

    def __init__(self, engine: VlcEngine, on_event: Callable[[Event, float], None]) -> None:
        self._engine = engine
        self._vlc = engine.vlc
        self._player: Any = engine.instance.media_player_new()
        self._player.video_set_mouse_input(False)  # touches reach Qt, not VLC
        self._player.video_set_key_input(False)
        self._event_manager: Any = self._player.event_manager()
        self._callbacks: list[tuple[Any, Callable[[Any], None]]] = []
        for kind, name in _EVENT_NAMES.items():
            event_type = getattr(self._vlc.EventType, name)
            callback = self._make_callback(kind, on_event)
            self._event_manager.event_attach(event_type, callback)
            self._callbacks.append((event_type, callback))

    @staticmethod
    def _make_callback(
        kind: Event, on_event: Callable[[Event, float], None]
    ) -> Callable[[Any], None]:
        def on_vlc_event(event: Any) -> None:
            # Runs on a libvlc thread: no libvlc calls, no widgets.
            value = 0.0
            if kind == Event.TIME:
                value = float(event.u.new_time)
            elif kind == Event.VOUT:
                value = float(event.u.new_count & 0xFFFFFFFF)  # garbage in the upper 32 bits
            elif kind == Event.LENGTH:
                value = float(event.u.new_length)
            on_event(kind, value)

        return on_vlc_event

    def open(self, path: Path, *, silent: bool, subtitles: Path | None) -> None:
        """Give the player ``path`` (and an existing SRT file as a selected subtitle track).

        ``silent`` switches the audio off (``:no-audio``): volume and mute set
        before the audio output exists are lost in libvlc 3, so a film prepared
        in silence gets its track back with :meth:`select_first_audio_track`.
        """
        media = self._engine.instance.media_new_path(str(path))
        try:
            # At the end libvlc would destroy the video output (night); hold the last frame.
            media.add_option(":play-and-pause")
            if silent:
                media.add_option(":no-audio")
            if subtitles is not None:
                encoding = _subtitle_encoding_option(subtitles)
                if encoding:
                    media.add_option(encoding)
                uri = subtitles.resolve().as_uri()
                media.slaves_add(self._vlc.MediaSlaveType.subtitle, 4, uri)
            self._player.set_media(media)
        finally:
            media.release()  # the player holds its own reference

    def embed(self, handle: Callable[[], int]) -> None:
        """Render into the native window ``handle()`` names, on Qt's current platform.

        On ``offscreen`` nothing is embedded (and no native window made): the video
        goes to the output named in the engine's options.
        """
        platform = QGuiApplication.platformName()
        if platform == "xcb":
            self._player.set_xwindow(handle())
        elif platform == "windows":
            self._player.set_hwnd(handle())
        elif platform == "cocoa":
            self._player.set_nsobject(handle())
        elif platform not in ("offscreen", "minimal"):
            log.warning("cannot embed video on the %r Qt platform; use xcb", platform)

    def play(self) -> None:
        self._player.play()

    def set_pause(self, paused: bool) -> None:
        self._player.set_pause(1 if paused else 0)

    def stop(self) -> None:
        """Stop (synchronous); the film stays set."""
        self._player.stop()

    def unload(self) -> None:
        """Stop and drop the film."""
        self._player.stop()
        self._player.set_media(None)

    def time_ms(self) -> float:
        return float(self._player.get_time())

    def length_ms(self) -> float:
        return float(self._player.get_length())

    def set_time_ms(self, ms: int) -> None:
        self._player.set_time(ms)

    def set_audio(self, volume: int, muted: bool) -> None:
        """Volume and mute; lost if no audio output exists yet (libvlc 3)."""
        self._player.audio_set_volume(volume)
        self._player.audio_set_mute(muted)

    def select_first_audio_track(self) -> None:
        for track_id, _name in self._player.audio_get_track_description() or []:
            if track_id != -1:
                self._player.audio_set_track(track_id)
                break

    def audio_track(self) -> int:
        """The selected audio track's id; -1 when the audio is off."""
        return self._player.audio_get_track()

    def is_audio_only(self) -> bool:
        """No video stream but some audio (streams are known once Playing)."""
        player = self._player
        return player.video_get_track_count() <= 0 < player.audio_get_track_count()

    def snapshot(self, path: Path, width: int, height: int) -> bool:
        """Write the frame on screen as PNG (blocks up to 0.5 s); True if libvlc did."""
        return self._player.video_take_snapshot(0, str(path), width, height) == 0

    def release(self) -> None:
        """Detach the callbacks and release the player. Call once."""
        for event_type, _callback in self._callbacks:
            with contextlib.suppress(Exception):
                self._event_manager.event_detach(event_type)
        self._callbacks.clear()
        # python-vlc memoises event_manager() per player object, forever.
        cache = getattr(type(self._player).__dict__.get("event_manager"), "_cache", None)
        if isinstance(cache, dict):
            cache.pop(self._player, None)
        self._event_manager = None
        self._player.release()
        self._player = None
