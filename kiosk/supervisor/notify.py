"""The systemd notification protocol (sd_notify), for a unit with ``WatchdogSec``.

systemd starts the supervisor and sets ``$NOTIFY_SOCKET``; the supervisor sends
``READY=1`` once the first kiosk window shows its first frame and
``WATCHDOG=1`` every few seconds while its own loop runs (whatever the kiosk
window is doing: the supervisor restarts that itself), so only a supervisor
that hangs itself is restarted by systemd. Without ``$NOTIFY_SOCKET`` nothing
is sent. The protocol is one datagram to a unix socket; a path starting with
``@`` is in the abstract namespace.
"""

from __future__ import annotations

import logging
import os
import socket

log = logging.getLogger(__name__)


class Notifier:
    """Sends sd_notify states when ``$NOTIFY_SOCKET`` (or ``address``) is set; else nothing."""

    def __init__(self, address: str | None = None) -> None:
        self.address = address if address is not None else os.environ.get("NOTIFY_SOCKET")
        self._warned = False

    @property
    def enabled(self) -> bool:
        return bool(self.address) and hasattr(socket, "AF_UNIX")

    def send(self, state: str) -> bool:
        if not self.enabled:
            return False
        assert self.address is not None
        target = "\0" + self.address[1:] if self.address.startswith("@") else self.address
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
                sock.setblocking(False)  # a full queue is a missed ping, never a hung supervisor
                sock.connect(target)
                sock.sendall(state.encode())
        except OSError as e:
            if not self._warned:  # once: a watchdog that cannot be fed says so in the log
                log.warning("cannot notify systemd at %s: %s", self.address, e)
                self._warned = True
            return False
        return True

    def ready(self) -> bool:
        return self.send("READY=1")

    def watchdog(self) -> bool:
        return self.send("WATCHDOG=1")

    def stopping(self) -> bool:
        return self.send("STOPPING=1")
