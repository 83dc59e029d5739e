"""What a test needs from the machine: ``needs("xvfb" | "libvlc" | "xrandr" |
"systemd-analyze" | "poppler" | "syncthing" | "zinnia")``.

Outside CI a test whose requirement is missing is skipped, with the reason. Under
``CI=true`` it fails instead: a green CI run means every such test really ran.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from functools import cache

import pytest

#: What each requirement is, for the messages.
WHAT = {
    "xvfb": "an X server (the Xvfb that pytest-xvfb starts, or $DISPLAY)",
    "libvlc": "libvlc (VLC 3) through python-vlc",
    "xrandr": "the xrandr program (Debian: x11-xserver-utils)",
    "systemd-analyze": "the systemd-analyze program (Debian: systemd)",
    "poppler": "pdftotext, pdffonts and pdftoppm (Debian: poppler-utils)",
    "syncthing": "the syncthing program (Debian: syncthing)",
    "zinnia": "the Zinnia recognizer and its model (Debian: libzinnia0, "
    "tegaki-zinnia-simplified-chinese)",
}


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


def unavailable(reason: str) -> None:
    """Skip the running test (outside CI) or fail it (under CI=true) because of ``reason``."""
    if in_ci():
        pytest.fail(f"{reason} (CI=true: a missing requirement is a failure)", pytrace=False)
    pytest.skip(reason)


def needs(*things: str) -> None:
    """Skip or fail (see :func:`unavailable`) unless every one of ``things`` is there."""
    for thing in things:
        problem = _problem(thing)
        if problem is not None:
            unavailable(f"needs {WHAT[thing]}: {problem}")


def _problem(thing: str) -> str | None:
    if thing == "xvfb":
        if not os.environ.get("DISPLAY"):
            return "DISPLAY is not set (install Xvfb, and run without --no-xvfb)"
        if os.environ.get("QT_QPA_PLATFORM") != "xcb":
            return f"Qt runs on {os.environ.get('QT_QPA_PLATFORM')!r}, not xcb"
        return None
    if thing == "libvlc":
        return _libvlc_problem()
    if thing in ("xrandr", "systemd-analyze", "syncthing"):
        return None if shutil.which(thing) else f"{thing} is not on PATH"
    if thing == "poppler":
        missing = [t for t in ("pdftotext", "pdffonts", "pdftoppm") if not shutil.which(t)]
        return f"{', '.join(missing)} not on PATH" if missing else None
    if thing == "zinnia":
        from kiosk.handwriting import Recognizer

        return None if Recognizer.open() is not None else "it would not open (see the log)"
    raise ValueError(f"unknown requirement {thing!r}; known: {', '.join(WHAT)}")


@cache
def _libvlc_problem() -> str | None:
    # In a child process: python-vlc calls sys.exit() when PYTHON_VLC_LIB_PATH names
    # a file it cannot load, and a library once loaded here could not be unloaded.
    probe = "import vlc, sys; sys.exit(0 if vlc.Instance('--quiet') is not None else 3)"
    try:
        done = subprocess.run(
            [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60
        )
    except subprocess.TimeoutExpired:
        return "starting libvlc took over 60 s"
    if done.returncode == 0:
        return None
    last = (done.stderr.strip().splitlines() or [f"exit {done.returncode}"])[-1]
    return f"it would not load or start ({last})"
