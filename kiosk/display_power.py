"""Display power on and off through the display system: DPMS on X11 (``xset``), monitor
power on Windows (``SC_MONITORPOWER``; written from the documentation, untested on Windows).

``DisplayPower.off()`` / ``on()`` return whether it worked; a failure is logged once and
the caller shows the closed screen instead.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys

log = logging.getLogger(__name__)

XSET_OFF = (("xset", "dpms", "force", "off"),)
XSET_ON = (("xset", "dpms", "force", "on"), ("xset", "s", "reset"))
TIMEOUT_S = 5

# Windows: SendMessage(HWND_BROADCAST, WM_SYSCOMMAND, SC_MONITORPOWER, 2 off / -1 on)
HWND_BROADCAST = 0xFFFF
WM_SYSCOMMAND = 0x0112
SC_MONITORPOWER = 0xF170


class DisplayPower:
    def __init__(self, platform: str = sys.platform) -> None:
        self.windows = platform.startswith("win")
        self._failed_told = False

    def off(self) -> bool:
        return self._windows(2) if self.windows else self._xset(XSET_OFF)

    def on(self) -> bool:
        return self._windows(-1) if self.windows else self._xset(XSET_ON)

    def _xset(self, commands: tuple[tuple[str, ...], ...]) -> bool:
        program = shutil.which(commands[0][0])
        if program is None:
            return self._failed("xset is not installed (x11-xserver-utils)")
        for argv in commands:
            try:
                done = subprocess.run(
                    [program, *argv[1:]], capture_output=True, text=True, timeout=TIMEOUT_S
                )
            except (OSError, subprocess.TimeoutExpired) as e:
                return self._failed(f"{' '.join(argv)}: {e}")
            if done.returncode != 0:
                why = done.stderr.strip().splitlines()[-1:] or [f"exit {done.returncode}"]
                return self._failed(f"{' '.join(argv)}: {why[0]}")
        return True

    def _windows(self, state: int) -> bool:
        try:
            import ctypes

            ctypes.windll.user32.SendMessageW(  # type: ignore[attr-defined]
                HWND_BROADCAST, WM_SYSCOMMAND, SC_MONITORPOWER, state
            )
        except (OSError, AttributeError) as e:
            return self._failed(f"SC_MONITORPOWER: {e}")
        return True

    def _failed(self, why: str) -> bool:
        if not self._failed_told:
            self._failed_told = True
            log.error("cannot switch the display off or on (%s): showing the closed screen", why)
        return False
