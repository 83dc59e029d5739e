"""The Linux files: the systemd user unit, the XDG autostart entry, the kiosk session."""

from __future__ import annotations

import shlex

#: systemd restarts the kiosk when it sends no WATCHDOG=1 for this long.  The supervisor
#: sends one every 10 s from its own loop and restarts a crashed or hung kiosk window itself,
#: so this only catches a hung supervisor.
WATCHDOG_S = 60

#: Seconds between a crash of the whole kiosk and systemd starting it again.
RESTART_S = 2


def systemd_quote(word: str) -> str:
    """One word of ``ExecStart=``: ``%`` and ``$`` are special to systemd even in quotes."""
    word = word.replace("%", "%%").replace("$", "$$")
    if word and not any(c in word for c in " \t\"'\\;"):
        return word
    return '"' + word.replace("\\", "\\\\").replace('"', '\\"') + '"'


def desktop_quote(word: str) -> str:
    """One argument of a desktop entry's ``Exec=`` (Desktop Entry Specification)."""
    word = word.replace("%", "%%")
    if word and not any(c in word for c in " \t\n\"'\\><~|&;$*?#()`"):
        return word
    quoted = "".join("\\" + c if c in '"`$\\' else c for c in word)
    # The file format's own escape then doubles every backslash once more.
    return '"' + quoted.replace("\\", "\\\\") + '"'


def systemd_unit(command: list[str]) -> str:
    exec_start = " ".join(systemd_quote(w) for w in command)
    return f"""\
# Written by `kiosk install`; `kiosk uninstall` removes it.
[Unit]
Description=Qingfeng Kiosk 清风展陈 (exhibition kiosk)
After=graphical-session.target
PartOf=graphical-session.target
# A kiosk never gives up restarting.
StartLimitIntervalSec=0

[Service]
Type=notify
NotifyAccess=main
ExecStart={exec_start}
Restart=always
RestartSec={RESTART_S}
# The operator panel's "exit" ends with status 0: that deliberate exit stays exited.
RestartPreventExitStatus=0
WatchdogSec={WATCHDOG_S}
TimeoutStopSec=20

[Install]
WantedBy=graphical-session.target
"""


def autostart_entry(command: list[str]) -> str:
    return f"""\
[Desktop Entry]
Type=Application
Name=Qingfeng Kiosk
Name[zh_CN]=清风展陈
Comment=Written by kiosk install; kiosk uninstall removes it
Exec={" ".join(desktop_quote(w) for w in command)}
Terminal=false
NoDisplay=true
X-GNOME-Autostart-enabled=true
"""


def session_entry(script: str) -> str:
    return f"""\
[Desktop Entry]
Type=Application
Name=Qingfeng Kiosk session
Name[zh_CN]=清风展陈专用会话
Comment=Only the exhibition kiosk: no desktop, panel or shortcuts
Exec={desktop_quote(script)}
TryExec={desktop_quote(script)}
DesktopNames=qingfeng-kiosk
"""


def session_script(command: list[str]) -> str:
    return f"""\
#!/bin/sh
# The Qingfeng Kiosk session: only the kiosk, no desktop, panel or shortcuts.
# Written by `kiosk install --session`; `kiosk uninstall` removes it.
# The screen never blanks by itself; opening hours switch it off and on.
if command -v xset >/dev/null 2>&1; then
    xset s off s noblank
    xset dpms 0 0 0
fi
exec {shlex.join(command)}
"""
