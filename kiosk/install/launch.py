"""Where the files go and the command line that starts the kiosk."""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from kiosk.paths import APP_NAME, ENV_DATA_DIR

UNIT_NAME = f"{APP_NAME}.service"
DESKTOP_NAME = f"{APP_NAME}.desktop"
SESSION_SCRIPT = f"{APP_NAME}-session"
TASK_NAME = "QingfengKiosk"


@dataclass(frozen=True)
class Places:
    """The folders ``kiosk install`` writes into, each overridable (tests, packaging)."""

    config_home: Path  # $XDG_CONFIG_HOME, ~/.config by default
    system_root: Path  # "/" on a real machine; the session files go below it
    is_root: bool
    windows: bool
    systemd: bool  # the machine booted with systemd, so the user has a systemd manager

    @classmethod
    def here(cls, system_root: str | os.PathLike[str] | None = None) -> Places:
        config = os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config"
        return cls(
            config_home=Path(config),
            system_root=Path(system_root or "/"),
            is_root=hasattr(os, "geteuid") and os.geteuid() == 0,
            windows=sys.platform == "win32",
            systemd=Path("/run/systemd/system").is_dir() and shutil.which("systemctl") is not None,
        )

    @property
    def unit_dir(self) -> Path:
        return self.config_home / "systemd" / "user"

    @property
    def unit(self) -> Path:
        return self.unit_dir / UNIT_NAME

    @property
    def unit_link(self) -> Path:
        """What ``systemctl --user enable`` makes for ``WantedBy=graphical-session.target``."""
        return self.unit_dir / "graphical-session.target.wants" / UNIT_NAME

    @property
    def autostart(self) -> Path:
        return self.config_home / "autostart" / DESKTOP_NAME

    @property
    def xsession(self) -> Path:
        return self.system_root / "usr" / "share" / "xsessions" / DESKTOP_NAME

    @property
    def session_script(self) -> Path:
        return self.system_root / "usr" / "local" / "bin" / SESSION_SCRIPT


def kiosk_command(data_dir: Path | None, windows: bool = False) -> list[str]:
    """``kiosk run`` by absolute paths: the kiosk script beside this interpreter (or
    ``python -m kiosk``), with ``--data-dir`` when the deployer chose a data folder."""
    python = Path(sys.executable).absolute()
    if windows:
        # pythonw: no console window beside the kiosk.
        quiet = python.with_name("pythonw.exe")
        command = [str(quiet if quiet.exists() else python), "-m", "kiosk"]
    else:
        script = python.parent / "kiosk"
        command = [str(script)] if script.exists() else [str(python), "-m", "kiosk"]
    if data_dir is not None:
        command += ["--data-dir", str(data_dir)]
    return [*command, "run"]


def chosen_data_dir(given: str | None) -> bool:
    """True when the deployer named the data folder (option or environment)."""
    return bool(given or os.environ.get(ENV_DATA_DIR))
