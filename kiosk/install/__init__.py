"""Start on boot: ``kiosk install`` / ``kiosk uninstall`` (no Qt here).

A systemd user unit where the user has systemd, else an XDG autostart entry; with
``--session`` (as root) a display-manager session that runs only the kiosk; on Windows a
Task Scheduler task.  What is written is listed in a manifest in the data folder, and
``kiosk uninstall`` removes exactly that.
"""
