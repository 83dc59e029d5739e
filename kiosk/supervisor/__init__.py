"""The supervisor: runs the kiosk window in a child process and starts it again.

``kiosk run`` and ``kiosk demo`` are this small process (no Qt in it). The
child sends a heartbeat from its GUI thread over a pipe (``protocol``); a
crash, a kill or a hang ends it and a new one starts at the item that was
showing. Repeated crashes put the kiosk in safe mode, stills only (``policy``).
Every run is recorded in the catalogue (``kiosk.catalog.runs``); under systemd
the heartbeat is passed on as the watchdog (``notify``).
"""
