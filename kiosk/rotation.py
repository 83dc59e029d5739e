"""Turning the picture for panels mounted on their side: ``--rotate 0|90|180|270``.

The kiosk does not turn its own drawing: films are native video windows that
Qt cannot rotate, and a rotated copy of every frame would cost the smoothness
the loop exists for.  Instead it asks the display system to turn the output,
exactly as the system's display settings would, and puts it back on exit.
The screens then simply see a portrait (or upside-down) display and lay
themselves out for it.

``N`` turns the picture N degrees clockwise — on X11 that is
``xrandr --output NAME --rotate normal|right|inverted|left``.  Where the output
cannot be turned (no X11, no xrandr, a driver without rotation, a virtual
display) the kiosk logs one sentence and runs unrotated; the deployer then
rotates in the system's display settings.
"""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass

log = logging.getLogger(__name__)

XRANDR = {0: "normal", 90: "right", 180: "inverted", 270: "left"}
_NAMES = {v: k for k, v in XRANDR.items()}

Runner = Callable[[list[str]], subprocess.CompletedProcess]


def _run(argv: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run(argv, capture_output=True, text=True, timeout=15, check=False)


def current_rotation(query: str, output: str) -> int | None:
    """The rotation of ``output`` in the text of ``xrandr --query``, or None if it is not there.

    A connected output's line reads e.g.
    ``HDMI-1 connected primary 1080x1920+0+0 left (normal left inverted right x axis y axis) …``;
    the word after the geometry, if any, is its rotation (Xvfb prints no list of rotations).
    """
    pattern = re.compile(
        rf"^{re.escape(output)} connected (?:primary )?(?:\d+x\d+\+\d+\+\d+)?\s*"
        r"(?P<rot>normal|left|inverted|right)?(?=[\s(]|$)",
        re.MULTILINE,
    )
    m = pattern.search(query)
    if m is None:
        return None
    return _NAMES[m["rot"]] if m["rot"] else 0


@dataclass
class Rotation:
    """A rotation the kiosk applied, and how to undo it."""

    output: str
    before: int
    after: int
    run: Runner = _run

    def restore(self) -> None:
        if self.before == self.after:
            return
        done = self.run(["xrandr", "--output", self.output, "--rotate", XRANDR[self.before]])
        if done.returncode != 0:
            log.warning(
                "could not turn %s back to %d°: %s", self.output, self.before, done.stderr.strip()
            )


def rotate(
    degrees: int, output: str, platform: str, run: Runner = _run
) -> tuple[Rotation | None, str | None]:
    """Turn ``output`` to ``degrees``; (what to undo, None) or (None, one-line problem)."""
    if degrees not in XRANDR:
        return None, f"rotation {degrees}° is not one of 0, 90, 180, 270"
    if platform != "xcb":
        return None, (
            f"the kiosk can turn the picture only on X11 (this is {platform}); "
            f"rotate the display by {degrees}° in the system's display settings instead"
        )
    if shutil.which("xrandr") is None and run is _run:
        return None, (
            "xrandr is not installed (apt install x11-xserver-utils), so the picture "
            "cannot be turned; rotate it in the system's display settings instead"
        )
    query = run(["xrandr", "--query"])
    before = current_rotation(query.stdout, output) if query.returncode == 0 else None
    if before is None:
        return None, f"xrandr does not list the output {output!r}; cannot turn the picture"
    if before == degrees:
        return Rotation(output, before, degrees, run), None
    done = run(["xrandr", "--output", output, "--rotate", XRANDR[degrees]])
    if done.returncode != 0:
        reason = (done.stderr or done.stdout).strip().splitlines()
        why = reason[-1] if reason else f"exit status {done.returncode}"
        return None, (
            f"the display {output} cannot be turned {degrees}° ({why}); "
            "rotate it in the system's display settings instead"
        )
    log.info("turned %s from %d° to %d°", output, before, degrees)
    return Rotation(output, before, degrees, run), None
