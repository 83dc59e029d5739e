"""X11 fixes for embedded video, through Qt's own xcb connection.

VLC's ``xcb_x11`` video output creates a child window of its own, with a
*black* background, inside the surface it is given. The X server paints that
background whenever the window is uncovered (it skips drawing while obscured):
a black flash on every raise of a surface. :func:`clear_child_backgrounds`
sets those windows' background to None after each video output appears, so an
uncovered surface keeps what was on screen until VLC draws (within 80 ms when
paused, one frame when playing). Qt's xcb connection is thread-safe, and
checked requests report errors to us, not to Qt.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
from collections.abc import Callable

from PySide6.QtGui import QGuiApplication

log = logging.getLogger(__name__)


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
    """libc ``free`` for the replies xcb allocates for us."""
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


def flush() -> None:
    """Send Qt's queued X requests now (e.g. a restack before VLC changes windows)."""
    lib = _xcb()
    conn = _qt_xcb_connection()
    if lib is not None and conn is not None:
        lib.xcb_flush(conn)


def clear_child_backgrounds(window: int) -> int:
    """Set background None on every X window below ``window``; return how many.

    A window that vanished meanwhile is skipped.
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
