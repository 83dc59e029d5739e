"""Film playback through libvlc — the only module in the kiosk that imports ``vlc``.

Public API
==========

``PlaybackUnavailable``
    Raised by :class:`VlcEngine` when libvlc is missing or will not start. Its
    message is one sentence for the operator. Importing this module never fails
    because of libvlc: ``import vlc`` happens when the first engine is created.

``default_options(platform_name=None) -> list[str]``
    The libvlc options the kiosk uses (:data:`DEFAULT_OPTIONS`), plus
    :data:`OFFSCREEN_OPTIONS` (dummy video and audio output) when Qt runs on the
    ``offscreen``/``minimal`` platform. Real hardware may want other options
    (GL output, hardware decoding): pass your own list to :class:`VlcEngine`.

``VlcEngine(options=None, *, malloc_arenas=2, mmap_threshold=MMAP_THRESHOLD)``
    Owns the one ``vlc.Instance``. ``version``; ``close()`` closes every player
    made with it and releases the instance. First tunes glibc's malloc
    (:func:`limit_malloc_arenas`, :func:`fix_mmap_threshold`), which keeps
    memory flat over many films (see "Memory").

``VideoSurface(parent=None)``
    A native ``QWidget`` (``WA_NativeWindow``) painted night (``#14120F``) that
    one player renders into. Mouse and touch events on it reach Qt (VLC is told
    not to take them), and propagate to the parent like any widget's.

``FilmPlayer(engine, surface=None, parent=None, *, start_timeout=10.0)``
    One libvlc media player bound to one surface, reused for film after film.

    Methods: ``load(path, *, subtitles=None, expected_duration=None)``,
    ``play()``, ``pause()``, ``resume()``, ``seek(seconds)``, ``stop()``,
    ``prepare(path, *, subtitles=None, expected_duration=None)``, ``start()``,
    ``set_volume(0..100)``, ``volume()``, ``set_muted(bool)``, ``is_muted()``,
    ``elapsed()`` and ``duration()`` (seconds), ``state`` (:class:`PlayerState`),
    ``path``, ``snapshot(path, width=0, height=0) -> bool`` (diagnostics; may
    block up to 0.5 s), ``close()``.

    Signals (always delivered on the GUI thread):

    - ``started()`` — after ``play()``: the player is Playing, a video output
      exists (MediaPlayerVout) *and* playback time has advanced past 0
      (MediaPlayerTimeChanged), so the first frame is certainly on screen; this
      lags the first frame by ~0.1–0.4 s (libvlc 3 reports time every ~250 ms).
      Films without a picture start on Playing + time > 0. After ``start()`` of
      a prepared film it is emitted on the Playing event (the frame was already
      there). On X11, ``play()`` on a visible surface shows VLC's black window
      for about one frame before the first picture; for a black-free start use
      ``prepare()`` and ``start()`` on ``ready``.
    - ``ready()`` — after ``prepare()``: the film is paused on its first frame
      (see "Gapless hand-over" below).
    - ``position(float)`` — elapsed seconds, about 4 times a second while playing.
    - ``ended(bool completed, str reason)`` — ``(True, "end of film")`` when the
      film played to its end; ``(False, "stopped")`` when ``stop()``/``load()``
      cut short a film that had started.
    - ``failed(str reason)`` — instead of ``ended``: ``"file missing or
      unreadable"`` (libvlc's EncounteredError), ``"ended after 0.1 s of 30.0
      s"`` (the film ended far short of its known length: truncated or corrupt),
      ``"file is not a playable film"`` (nothing could be decoded), ``"film did
      not start within 10 s"``.
    - ``state_changed(str)`` — the new :class:`PlayerState` value.

    After ``ended``/``failed`` the last frame stays on the surface (libvlc's
    ``play-and-pause``) until ``stop()`` or the next ``load()``/``prepare()``.

``FilmStage(engine, parent=None, *, start_timeout=10.0)``
    A widget with two stacked surfaces and a player each, for the attract loop:
    ``current``/``standby`` (players), ``players``, ``current_surface``/
    ``standby_surface``, ``prepare_next(path, ...)``, ``swap() -> bool``
    (False: deferred until the standby is ready), signal ``swapped()``,
    ``stop()``, ``release()`` (closes both players).

``limit_malloc_arenas(count=2) -> bool``, ``fix_mmap_threshold(size=MMAP_THRESHOLD) -> bool``
    See "Memory" below; ``VlcEngine`` calls them.

Gapless hand-over
=================

``prepare(path)`` loads the film with its audio track switched off, plays it
and pauses it as soon as a video output exists; ``ready`` follows once the
pause took effect and the paused frame has had time to be drawn (120 ms, longer
than libvlc's 80 ms redisplay period). ``start()`` switches the audio track
back on, restores volume and mute, and unpauses; the caller raises (or shows)
that surface just before. A prepared film thus begins ~0.05–0.1 s in, which
films (that open with a fade) do not show.

The attract loop alternates two players: A plays while B prepares; when A
ends (its last frame held) B's surface is raised and B started, then A is
stopped out of sight and prepares the following film, and so on. ``FilmStage``
does exactly this; its ``swap()`` waits for ``ready`` if B is still preparing.
From an image to a film: prepare under the image, ``swap()``, then hide the
image. From a film to an image: raise the image (a native widget), then
``stop()``. A film without a picture is "ready" at once and played afresh by
``start()``.

Memory
======

Players are reused, media objects are released as soon as the player holds
them, ``stop()`` drops the media, ``close()`` detaches the callbacks and
releases the player: the memory in use stays the same film after film
(+0.1 MB per 100 films). What grew was memory glibc kept after libvlc freed
it. Each film's decoder allocates its picture buffers (a 720p frame is
~1.4 MB) and frees them when the film stops. glibc gives such large blocks
mappings of their own, returned on ``free()``, but the first such free raises
the size from which it does so (up to 32 MB): from then on the buffers are
cut from the heap, and once freed stay resident as fragmented free space.
Measured in the attract loop under Xvfb (720p films of 1 s, films only):
100–260 MB of it, depending on the run and the moment, reached after 20–60
films, so resident memory after 20 films (420–490 MB) and after 200 (490–550
MB) differed by chance. ``VlcEngine`` therefore fixes that size at glibc's
default of 128 KiB (``mallopt(M_MMAP_THRESHOLD)``, like
``MALLOC_MMAP_THRESHOLD_=131072``): the buffers go back to the system when
freed, glibc keeps under 12 MB, and the same loop stays at 335–350 MB from
the 20th film to the 200th, at no measurable CPU cost. It also caps the
arenas at 2 (``mallopt(M_ARENA_MAX)``, like ``MALLOC_ARENA_MAX=2``): every
libvlc thread would otherwise get an arena of its own. Both apply to the
whole process; a ``MALLOC_MMAP_THRESHOLD_`` or ``MALLOC_ARENA_MAX`` set in
the environment is left as it is.

Threading
=========

libvlc fires events on its own threads. The callbacks here only read two
Python attributes and emit a Qt signal connected with ``QueuedConnection``;
all libvlc calls and widget work happen in the slot on the GUI thread (calling
libvlc inside a callback deadlocks). Every event carries the "generation" of
the film it belongs to, so late events of a film that was stopped or replaced
are dropped. Callback objects are kept on the player and detached in
``close()``.

libvlc 3 quirks handled here
============================

- ``import vlc`` raises ``NotImplementedError``/``OSError`` when libvlc is
  missing and calls ``sys.exit(1)`` when ``PYTHON_VLC_LIB_PATH`` names a bad
  file; ``vlc.Instance()`` returns ``None`` for an unknown option.
- ``audio_set_mute``/``audio_set_volume`` before the audio output exists are
  silently lost: they are applied again on every Playing event. Preparation
  therefore uses the ``:no-audio`` media option (no sound at all) and
  ``start()`` selects the first audio track again.
- At end of file libvlc destroys the video output (the surface goes night);
  the ``:play-and-pause`` media option pauses on the last frame instead. The
  Paused event that it causes is told apart from requested pauses by counting
  the pauses we asked for.
- The ``xcb_x11`` video output creates its own child window with a *black*
  background, which the X server paints whenever that window is uncovered —
  a black flash on every raise of a surface (it skips drawing while obscured).
  On X11 the player sets those child windows' background to None after each
  MediaPlayerVout, so an uncovered surface keeps what was on screen until VLC
  draws (within 80 ms when paused, one frame when playing).
- ``Event.u.new_count`` (MediaPlayerVout) carries garbage in its upper 32 bits.
- ``Media.event_manager()`` is cached forever by python-vlc; only the two
  players' event managers are used (and dropped from that cache on close).
- An SRT file that is not UTF-8 (e.g. GB18030 from Chinese Windows) is given
  the ``:subsdec-encoding=GB18030`` media option.

Embedding needs Qt's ``xcb`` platform on Linux (run Wayland sessions with
``QT_QPA_PLATFORM=xcb``); on ``windows`` ``set_hwnd`` and on ``cocoa``
``set_nsobject`` are used. On ``offscreen`` nothing is embedded and the video
goes to the output named in the options. Qt content meant to appear above a
surface must itself be a native widget, or the surface must be hidden.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import logging
import os
import sys
import time
from collections.abc import Callable, Sequence
from enum import StrEnum
from pathlib import Path
from types import ModuleType
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QStackedLayout, QWidget

log = logging.getLogger(__name__)

NIGHT = "#14120F"

#: libvlc options for the kiosk under X11 (``--no-xlib``: Qt owns Xlib).
DEFAULT_OPTIONS: tuple[str, ...] = (
    "--no-xlib",
    "--quiet",
    "--no-video-title-show",
    "--no-osd",
    "--no-snapshot-preview",
    "--no-sub-autodetect-file",
)
#: Added when Qt runs without a screen (tests): decode, but show and sound nothing.
OFFSCREEN_OPTIONS: tuple[str, ...] = ("--vout=dummy", "--aout=dummy")

#: Time the paused first frame is given to reach the screen before ``ready``.
READY_SETTLE_MS = 120
#: ``position`` is emitted at most this often (seconds).
POSITION_INTERVAL_S = 0.25

_INSTALL_HINTS = {
    "win32": "Install VLC 3 (64-bit, from videolan.org)",
    "darwin": "Install VLC 3 (from videolan.org) in /Applications",
}
_DEBIAN_HINT = "Install VLC 3 (Debian: apt install libvlc5 vlc-plugin-base vlc-plugin-video-output)"


class PlaybackUnavailable(RuntimeError):
    """libvlc is missing or will not start; the message is for the operator."""


class PlayerState(StrEnum):
    IDLE = "idle"  # nothing loaded
    LOADED = "loaded"  # load()ed, not playing
    PREPARING = "preparing"  # prepare()d, waiting for the first frame
    READY = "ready"  # paused on the first frame, waiting for start()
    PLAYING = "playing"
    PAUSED = "paused"
    ENDED = "ended"  # played to the end; last frame held
    FAILED = "failed"


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
    """The kiosk's libvlc options for Qt platform ``platform_name`` (default: current)."""
    if platform_name is None:
        platform_name = QGuiApplication.platformName() if QGuiApplication.instance() else ""
    options = list(DEFAULT_OPTIONS)
    if platform_name in ("offscreen", "minimal"):
        options += OFFSCREEN_OPTIONS
    return options


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
    its own. A no-op off Linux/glibc.
    """
    return _mallopt(_M_ARENA_MAX, count)


def fix_mmap_threshold(size: int = MMAP_THRESHOLD) -> bool:
    """Serve blocks of ``size`` bytes or more by mmap, always; True if applied.

    Like ``MALLOC_MMAP_THRESHOLD_``. glibc's threshold otherwise rises to the
    largest such block freed so far (up to 32 MB), after which a decoder's
    picture buffers come from the heap and, freed at the end of each film,
    stay resident as fragmented free space (see "Memory" in the module
    docstring). Setting it also stops glibc adjusting its trim threshold.
    A no-op off Linux/glibc.
    """
    return _mallopt(_M_MMAP_THRESHOLD, size)


class VlcEngine:
    """The libvlc instance; create one per process and pass it to players.

    Before libvlc starts its threads, ``malloc_arenas`` caps glibc's malloc
    arenas (:func:`limit_malloc_arenas`) and ``mmap_threshold`` fixes the size
    from which blocks are mapped on their own (:func:`fix_mmap_threshold`);
    ``None`` leaves that setting alone, and so does the matching ``MALLOC_*``
    environment variable when it is set.
    """

    def __init__(
        self,
        options: Sequence[str] | None = None,
        *,
        malloc_arenas: int | None = 2,
        mmap_threshold: int | None = MMAP_THRESHOLD,
    ) -> None:
        vlc = _load_vlc()
        if malloc_arenas and "MALLOC_ARENA_MAX" not in os.environ:
            limit_malloc_arenas(malloc_arenas)
        if mmap_threshold and "MALLOC_MMAP_THRESHOLD_" not in os.environ:
            fix_mmap_threshold(mmap_threshold)
        self.options: tuple[str, ...] = tuple(default_options() if options is None else options)
        try:
            instance = vlc.Instance(list(self.options))
        except (OSError, AttributeError, vlc.VLCException) as exc:
            raise PlaybackUnavailable(_cannot_start_message(self.options)) from exc
        if instance is None:
            raise PlaybackUnavailable(_cannot_start_message(self.options))
        self.vlc = vlc
        self.instance = instance
        self._players: list[FilmPlayer] = []
        log.info("libvlc %s started with %s", self.version, " ".join(self.options))

    @property
    def version(self) -> str:
        return self.vlc.libvlc_get_version().decode("utf-8", "replace")

    @property
    def closed(self) -> bool:
        return self.instance is None

    def _register(self, player: FilmPlayer) -> None:
        if self.instance is None:
            raise RuntimeError("the VLC engine is closed")
        self._players.append(player)

    def _unregister(self, player: FilmPlayer) -> None:
        with contextlib.suppress(ValueError):
            self._players.remove(player)

    def close(self) -> None:
        """Close every player made with this engine, then release libvlc."""
        for player in list(self._players):
            player.close()
        if self.instance is not None:
            self.instance.release()
            self.instance = None


# --- X11: keep VLC's child windows from flashing black -----------------------------------------


class _XcbCookie(ctypes.Structure):
    _fields_ = [("sequence", ctypes.c_uint)]


_XCB_CW_BACK_PIXMAP = 1
_XCB_BACK_PIXMAP_NONE = 0
_xcb_lib: ctypes.CDLL | None = None
_xcb_failed = False


def _xcb() -> ctypes.CDLL | None:
    global _xcb_lib, _xcb_failed
    if _xcb_lib is None and not _xcb_failed:
        try:
            lib = ctypes.CDLL(ctypes.util.find_library("xcb") or "libxcb.so.1")
            lib.xcb_query_tree.restype = _XcbCookie
            lib.xcb_query_tree.argtypes = [ctypes.c_void_p, ctypes.c_uint32]
            lib.xcb_query_tree_reply.restype = ctypes.c_void_p
            lib.xcb_query_tree_reply.argtypes = [ctypes.c_void_p, _XcbCookie, ctypes.c_void_p]
            lib.xcb_query_tree_children.restype = ctypes.POINTER(ctypes.c_uint32)
            lib.xcb_query_tree_children.argtypes = [ctypes.c_void_p]
            lib.xcb_query_tree_children_length.restype = ctypes.c_int
            lib.xcb_query_tree_children_length.argtypes = [ctypes.c_void_p]
            lib.xcb_change_window_attributes_checked.restype = _XcbCookie
            lib.xcb_change_window_attributes_checked.argtypes = [
                ctypes.c_void_p,
                ctypes.c_uint32,
                ctypes.c_uint32,
                ctypes.POINTER(ctypes.c_uint32),
            ]
            lib.xcb_request_check.restype = ctypes.c_void_p
            lib.xcb_request_check.argtypes = [ctypes.c_void_p, _XcbCookie]
            lib.xcb_flush.restype = ctypes.c_int
            lib.xcb_flush.argtypes = [ctypes.c_void_p]
            _xcb_lib = lib
        except (OSError, AttributeError):
            log.warning("libxcb not found: surfaces may flash black when uncovered")
            _xcb_failed = True
    return _xcb_lib


_libc_free: Callable[[int], None] | None = None


def _free(pointer: int) -> None:
    global _libc_free
    if _libc_free is None:
        free = ctypes.CDLL(None).free
        free.argtypes = [ctypes.c_void_p]
        free.restype = None
        _libc_free = free
    _libc_free(pointer)


def _qt_xcb_connection() -> ctypes.c_void_p | None:
    app = QGuiApplication.instance()
    if app is None or QGuiApplication.platformName() != "xcb":
        return None
    try:
        conn = app.nativeInterface().connection()  # QNativeInterface.QX11Application
    except (AttributeError, RuntimeError, TypeError):
        return None
    return ctypes.c_void_p(conn) if conn else None


def _x11_flush() -> None:
    """Send Qt's queued X requests now (e.g. a restack before VLC changes windows)."""
    lib = _xcb()
    conn = _qt_xcb_connection()
    if lib is not None and conn is not None:
        lib.xcb_flush(conn)


def _x11_clear_child_backgrounds(window: int) -> int:
    """Set background None on every X window below ``window``; return how many.

    Uses Qt's own xcb connection (thread-safe; checked requests report errors to
    us, not to Qt). A window that vanished meanwhile is skipped.
    """
    lib = _xcb()
    conn = _qt_xcb_connection()
    if lib is None or conn is None:
        return 0
    changed = 0
    pending = [window]
    value = (ctypes.c_uint32 * 1)(_XCB_BACK_PIXMAP_NONE)
    while pending:
        reply = lib.xcb_query_tree_reply(conn, lib.xcb_query_tree(conn, pending.pop()), None)
        if not reply:
            continue
        count = lib.xcb_query_tree_children_length(reply)
        ids = lib.xcb_query_tree_children(reply)
        children = [ids[i] for i in range(count)]
        _free(reply)
        for child in children:
            cookie = lib.xcb_change_window_attributes_checked(
                conn, child, _XCB_CW_BACK_PIXMAP, value
            )
            error = lib.xcb_request_check(conn, cookie)
            if error:
                _free(error)
                continue
            changed += 1
            pending.append(child)
    return changed


# --- widgets ------------------------------------------------------------------------------------


class VideoSurface(QWidget):
    """A native, night-coloured widget that one FilmPlayer renders into."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_NativeWindow)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(NIGHT))
        self.setPalette(palette)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def native_handle(self) -> int:
        """The native window id (creates the native window if need be)."""
        return int(self.winId())

    def clear_foreign_backgrounds(self) -> int:
        """On X11, stop windows VLC created inside this one from painting black."""
        if QGuiApplication.platformName() != "xcb":
            return 0
        return _x11_clear_child_backgrounds(self.native_handle())


# --- the player ---------------------------------------------------------------------------------

_EV_PLAYING, _EV_PAUSED, _EV_END, _EV_ERROR, _EV_VOUT, _EV_TIME, _EV_LENGTH = range(7)
_EVENT_NAMES = {
    _EV_PLAYING: "MediaPlayerPlaying",
    _EV_PAUSED: "MediaPlayerPaused",
    _EV_END: "MediaPlayerEndReached",
    _EV_ERROR: "MediaPlayerEncounteredError",
    _EV_VOUT: "MediaPlayerVout",
    _EV_TIME: "MediaPlayerTimeChanged",
    _EV_LENGTH: "MediaPlayerLengthChanged",
}


def _early_end_slack(length: float) -> float:
    """How far short of its length a film may end and still count as complete."""
    return min(max(1.0, 0.05 * length), 5.0)


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


class FilmPlayer(QObject):
    """One libvlc media player on one surface; see the module docstring."""

    started = Signal()
    ready = Signal()
    position = Signal(float)
    ended = Signal(bool, str)
    failed = Signal(str)
    state_changed = Signal(str)

    # (event kind, generation, value) from libvlc threads; queued to the GUI thread.
    _vlc_event = Signal(int, int, float)

    def __init__(
        self,
        engine: VlcEngine,
        surface: VideoSurface | None = None,
        parent: QObject | None = None,
        *,
        start_timeout: float = 10.0,
    ) -> None:
        super().__init__(parent)
        engine._register(self)
        self._engine = engine
        self._vlc = engine.vlc
        self._surface = surface
        self._start_timeout_ms = int(start_timeout * 1000)
        self._player: Any = engine.instance.media_player_new()
        self._player.video_set_mouse_input(False)
        self._player.video_set_key_input(False)
        self._state = PlayerState.IDLE
        self._volume = 100
        self._muted = False
        self._generation = 0
        self._last_position_emit = 0.0
        self._reset_film(None, None, None)

        self._vlc_event.connect(self._on_vlc_event, Qt.ConnectionType.QueuedConnection)
        self._event_manager: Any = self._player.event_manager()
        self._callbacks: list[tuple[Any, Callable[[Any], None]]] = []
        for kind, name in _EVENT_NAMES.items():
            event_type = getattr(self._vlc.EventType, name)
            callback = self._make_callback(kind)
            self._event_manager.event_attach(event_type, callback)
            self._callbacks.append((event_type, callback))

    # -- libvlc threads: only read attributes and emit ------------------------------------------

    def _make_callback(self, kind: int) -> Callable[[Any], None]:
        emit = self._vlc_event.emit

        def on_vlc_event(event: Any) -> None:
            # Runs on a libvlc thread: no libvlc calls, no widgets, no Qt objects but the emit.
            value = 0.0
            if kind == _EV_TIME:
                now = time.monotonic()
                if now - self._last_position_emit < POSITION_INTERVAL_S:
                    return
                self._last_position_emit = now
                value = float(event.u.new_time)
            elif kind == _EV_VOUT:
                value = float(event.u.new_count & 0xFFFFFFFF)
            elif kind == _EV_LENGTH:
                value = float(event.u.new_length)
            emit(kind, self._generation, value)

        return on_vlc_event

    # -- state -----------------------------------------------------------------------------------

    @property
    def state(self) -> PlayerState:
        return self._state

    @property
    def path(self) -> Path | None:
        return self._path

    @property
    def surface(self) -> VideoSurface | None:
        return self._surface

    def _set_state(self, state: PlayerState) -> None:
        if state != self._state:
            self._state = state
            self.state_changed.emit(state.value)

    def _reset_film(
        self, path: Path | None, subtitles: Path | None, expected: float | None
    ) -> None:
        self._path = path
        self._subtitles = subtitles
        self._expected = expected
        self._seen_playing = False
        self._seen_vout = False
        self._seen_time = False
        self._has_started = False
        self._audio_off = False  # prepared with :no-audio; start() turns it back on
        self._audio_only = False
        self._pauses_requested = 0
        self._awaiting_ready = False
        self._started_from_ready = False
        self._watchdog_generation = -1
        self._length_ms = 0.0
        self._last_time_ms = 0.0

    def _check_open(self) -> None:
        if self._player is None:
            raise RuntimeError("this FilmPlayer is closed")

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
        self._check_open()
        self.stop()
        film = Path(path)
        sub = Path(subtitles) if subtitles is not None else None
        self._reset_film(film, sub, expected_duration if expected_duration else None)
        self._generation += 1
        self._last_position_emit = 0.0

        media = self._engine.instance.media_new_path(str(film))
        try:
            media.add_option(":play-and-pause")  # hold the last frame instead of going black
            if silent:
                media.add_option(":no-audio")
                self._audio_off = True
            if sub is not None:
                if sub.is_file():
                    encoding = _subtitle_encoding_option(sub)
                    if encoding:
                        media.add_option(encoding)
                    media.slaves_add(self._vlc.MediaSlaveType.subtitle, 4, sub.resolve().as_uri())
                else:
                    log.warning("subtitles %s not found; playing %s without", sub, film.name)
            self._player.set_media(media)
        finally:
            media.release()  # the player holds its own reference
        self._embed()
        self._set_state(PlayerState.LOADED)

    def _embed(self) -> None:
        if self._surface is None:
            return
        platform = QGuiApplication.platformName()
        if platform == "xcb":
            self._player.set_xwindow(self._surface.native_handle())
        elif platform == "windows":
            self._player.set_hwnd(self._surface.native_handle())
        elif platform == "cocoa":
            self._player.set_nsobject(self._surface.native_handle())
        elif platform not in ("offscreen", "minimal"):
            log.warning("cannot embed video on the %r Qt platform; use xcb", platform)

    # -- transport -------------------------------------------------------------------------------

    def play(self) -> None:
        """Play the loaded film; resume a paused one; start a prepared one; replay an ended one."""
        self._check_open()
        if self._state == PlayerState.LOADED:
            self._set_state(PlayerState.PLAYING)
            self._arm_start_watchdog()
            self._player.play()
        elif self._state == PlayerState.PAUSED:
            self.resume()
        elif self._state == PlayerState.READY:
            self.start()
        elif self._state in (PlayerState.ENDED, PlayerState.FAILED) and self._path is not None:
            self.load(self._path, subtitles=self._subtitles, expected_duration=self._expected)
            self.play()

    def pause(self) -> None:
        if self._state == PlayerState.PLAYING:
            self._request_pause()
            self._set_state(PlayerState.PAUSED)

    def resume(self) -> None:
        if self._state == PlayerState.PAUSED:
            self._set_state(PlayerState.PLAYING)
            self._player.set_pause(0)
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
        self._player.set_time(int(target * 1000))
        if self._state == PlayerState.ENDED:
            self._set_state(PlayerState.PAUSED)

    def stop(self) -> None:
        """Stop and release the film (the surface shows night). Emits ended(False, "stopped")
        if a started film was cut short."""
        if self._player is None or self._state == PlayerState.IDLE:
            return
        cut_short = self._has_started and self._state in (PlayerState.PLAYING, PlayerState.PAUSED)
        self._player.stop()  # synchronous; its events carry the old generation and are dropped
        self._player.set_media(None)
        self._generation += 1
        self._reset_film(None, None, None)
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
        self._check_open()
        if self._state != PlayerState.READY:
            raise RuntimeError(f"start() needs a prepared film, not state {self._state.value!r}")
        if self._audio_only and self._path is not None:
            # Nothing to show, and without its one (audio) track the input ran to its
            # end while paused: play it afresh.
            self.load(self._path, subtitles=self._subtitles, expected_duration=self._expected)
            self.play()
            return
        self._restore_audio_track()
        self._started_from_ready = True
        self._set_state(PlayerState.PLAYING)
        self._player.set_pause(0)

    def _restore_audio_track(self) -> None:
        if not self._audio_off:
            return
        self._audio_off = False
        tracks = self._player.audio_get_track_description() or []
        for track_id, _name in tracks:
            if track_id != -1:
                self._player.audio_set_track(track_id)
                break

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
            self._player.audio_set_volume(self._volume)
            self._player.audio_set_mute(self._muted)

    # -- queries ---------------------------------------------------------------------------------

    def elapsed(self) -> float:
        """Seconds into the film (0 when nothing is loaded)."""
        if self._player is None or self._state == PlayerState.IDLE:
            return 0.0
        return max(0.0, float(self._player.get_time())) / 1000.0

    def duration(self) -> float:
        """Length in seconds: the expected duration if given, else libvlc's (0 if unknown)."""
        if self._expected:
            return float(self._expected)
        if self._player is None or self._state == PlayerState.IDLE:
            return 0.0
        length = max(self._length_ms, float(self._player.get_length()))
        return max(0.0, length) / 1000.0

    def snapshot(self, path: str | os.PathLike[str], width: int = 0, height: int = 0) -> bool:
        """Write the frame on screen (subtitles included) as PNG; True if written.

        For tests and diagnostics: blocks until libvlc delivers a picture (≤ 0.5 s).
        """
        if self._player is None or self._state == PlayerState.IDLE:
            return False
        target = Path(path)
        target.unlink(missing_ok=True)
        if self._player.video_take_snapshot(0, str(target), width, height) != 0:
            return False
        return target.is_file() and target.stat().st_size > 0

    # -- events on the GUI thread ----------------------------------------------------------------

    def _request_pause(self) -> None:
        self._pauses_requested += 1
        self._player.set_pause(1)

    def _on_vlc_event(self, kind: int, generation: int, value: float) -> None:
        if generation != self._generation or self._player is None:
            return  # a late event of a film that was stopped or replaced
        if kind == _EV_PLAYING:
            self._on_playing()
        elif kind == _EV_PAUSED:
            self._on_paused()
        elif kind == _EV_VOUT:
            self._on_vout(int(value))
        elif kind == _EV_TIME:
            self._on_time(value)
        elif kind == _EV_LENGTH:
            self._length_ms = value
        elif kind == _EV_END:
            self._finish_at_end()
        elif kind == _EV_ERROR and self._state not in (PlayerState.IDLE, PlayerState.FAILED):
            self._fail("file missing or unreadable")

    def _on_playing(self) -> None:
        self._seen_playing = True
        if self._state == PlayerState.PREPARING:
            if not self._awaiting_ready and self._is_audio_only():
                self._awaiting_ready = True  # no picture to wait for: ready at once
                self._request_pause()
            return
        self._player.audio_set_volume(self._volume)
        self._player.audio_set_mute(self._muted)
        if self._state == PlayerState.PLAYING and self._started_from_ready:
            self._emit_started()  # a prepared film: its frame was already on screen
        self._maybe_started()

    def _on_paused(self) -> None:
        if self._pauses_requested > 0:
            self._pauses_requested -= 1
            if self._awaiting_ready and self._state == PlayerState.PREPARING:
                generation = self._generation
                QTimer.singleShot(READY_SETTLE_MS, self, lambda: self._become_ready(generation))
            return
        if self._state in (PlayerState.PLAYING, PlayerState.PREPARING):
            self._finish_at_end()  # play-and-pause: paused on the last frame

    def _become_ready(self, generation: int) -> None:
        if generation != self._generation or self._state != PlayerState.PREPARING:
            return
        self._awaiting_ready = False
        self._disarm_start_watchdog()
        self._set_state(PlayerState.READY)
        self.ready.emit()

    def _on_vout(self, count: int) -> None:
        if count <= 0:
            return
        self._seen_vout = True
        if self._surface is not None:
            self._surface.clear_foreign_backgrounds()
        if self._state == PlayerState.PREPARING and not self._awaiting_ready:
            self._awaiting_ready = True
            self._request_pause()
        self._maybe_started()

    def _on_time(self, ms: float) -> None:
        self._last_time_ms = ms
        if ms > 0:
            self._seen_time = True
        if self._state == PlayerState.PREPARING:
            if not self._awaiting_ready and self._is_audio_only():
                self._awaiting_ready = True
                self._request_pause()
            return
        self._maybe_started()
        if self._state == PlayerState.PLAYING:
            self.position.emit(ms / 1000.0)

    def _is_audio_only(self) -> bool:
        # Streams known (ESAdded precedes Playing for files) and none of them video.
        player = self._player
        self._audio_only = player.video_get_track_count() <= 0 < player.audio_get_track_count()
        return self._audio_only

    def _maybe_started(self) -> None:
        if self._has_started or self._state != PlayerState.PLAYING:
            return
        if not (self._seen_playing and self._seen_time):
            return
        if self._seen_vout or self._is_audio_only():
            self._emit_started()

    def _emit_started(self) -> None:
        if self._has_started:
            return
        self._has_started = True
        self._disarm_start_watchdog()
        self.started.emit()

    def _finish_at_end(self) -> None:
        if self._state not in (PlayerState.PLAYING, PlayerState.PAUSED, PlayerState.PREPARING):
            return
        played = max(self.elapsed(), self._last_time_ms / 1000.0)
        length = self.duration()
        if not (self._seen_vout or self._seen_time) and played == 0:
            self._fail("file is not a playable film")
        elif length > 0 and played < length - _early_end_slack(length):
            self._fail(f"ended after {played:.1f} s of {length:.1f} s")
        else:
            self._emit_started()  # a very short film may end before its first time report
            self._set_state(PlayerState.ENDED)
            self.ended.emit(True, "end of film")

    def _fail(self, reason: str) -> None:
        log.warning("film %s failed: %s", self._path, reason)
        self._disarm_start_watchdog()
        self._awaiting_ready = False
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
        if self._state in (PlayerState.PREPARING, PlayerState.PLAYING) and not self._has_started:
            self._player.stop()
            self._fail(f"film did not start within {self._start_timeout_ms / 1000:g} s")

    # -- teardown --------------------------------------------------------------------------------

    def close(self) -> None:
        """Stop, detach the libvlc callbacks and release the player. Idempotent."""
        if self._player is None:
            return
        self.stop()
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
        self._engine._unregister(self)


class FilmStage(QWidget):
    """Two stacked surfaces with a player each: one plays while the other prepares.

    ``prepare_next()`` prepares a film on the hidden (standby) player; ``swap()``
    raises the standby surface, starts it, and stops the former current player
    out of sight. If the standby is still preparing, the swap happens on its
    ``ready`` (meanwhile the current film's last frame stays on screen).
    """

    swapped = Signal()

    def __init__(
        self, engine: VlcEngine, parent: QWidget | None = None, *, start_timeout: float = 10.0
    ) -> None:
        super().__init__(parent)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(NIGHT))
        self.setPalette(palette)
        self._layout = QStackedLayout(self)
        self._layout.setStackingMode(QStackedLayout.StackingMode.StackAll)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._surfaces = (VideoSurface(self), VideoSurface(self))
        self._players = tuple(
            FilmPlayer(engine, surface, self, start_timeout=start_timeout)
            for surface in self._surfaces
        )
        for surface in self._surfaces:
            self._layout.addWidget(surface)
        for player in self._players:
            player.ready.connect(self._on_standby_ready)
            player.failed.connect(self._on_player_failed)
        self._current = 0
        self._layout.setCurrentIndex(0)
        self._swap_pending = False

    @property
    def current(self) -> FilmPlayer:
        return self._players[self._current]

    @property
    def standby(self) -> FilmPlayer:
        return self._players[1 - self._current]

    @property
    def players(self) -> tuple[FilmPlayer, FilmPlayer]:
        return self._players  # type: ignore[return-value]

    @property
    def current_surface(self) -> VideoSurface:
        return self._surfaces[self._current]

    @property
    def standby_surface(self) -> VideoSurface:
        return self._surfaces[1 - self._current]

    def prepare_next(
        self,
        path: str | os.PathLike[str],
        *,
        subtitles: str | os.PathLike[str] | None = None,
        expected_duration: float | None = None,
    ) -> FilmPlayer:
        """Prepare ``path`` on the standby player (its ``ready`` signal follows)."""
        self._swap_pending = False
        self.standby.prepare(path, subtitles=subtitles, expected_duration=expected_duration)
        return self.standby

    def swap(self) -> bool:
        """Bring the prepared film forward and start it; False if deferred until ready."""
        state = self.standby.state
        if state == PlayerState.PREPARING:
            self._swap_pending = True
            return False
        if state != PlayerState.READY:
            raise RuntimeError(f"nothing prepared to swap to (standby is {state.value})")
        self._do_swap()
        return True

    def _do_swap(self) -> None:
        self._swap_pending = False
        incoming = self.standby
        self._layout.setCurrentIndex(1 - self._current)  # raises the standby surface
        _x11_flush()  # the raise reaches the X server before anything below changes
        incoming.start()
        outgoing = self.current
        self._current = 1 - self._current
        # Stopped out of sight on the next turn of the event loop, unless reused by then.
        generation = outgoing._generation
        QTimer.singleShot(0, self, lambda: self._stop_unless_reused(outgoing, generation))
        self.swapped.emit()

    @staticmethod
    def _stop_unless_reused(player: FilmPlayer, generation: int) -> None:
        if player._generation == generation:
            player.stop()

    def _on_standby_ready(self) -> None:
        if self._swap_pending and self.sender() is self.standby:
            self._do_swap()

    def _on_player_failed(self, _reason: str) -> None:
        if self.sender() is self.standby:
            self._swap_pending = False

    def stop(self) -> None:
        self._swap_pending = False
        for player in self._players:
            player.stop()

    def release(self) -> None:
        """Close both players (the widget itself stays until deleted)."""
        self._swap_pending = False
        for player in self._players:
            player.close()
