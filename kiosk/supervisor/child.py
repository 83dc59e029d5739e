"""One kiosk child process: started in its own process group with the heartbeat pipe.

Its own process group (session) so that ending it ends everything it started,
and so a Ctrl+C in a terminal reaches only the supervisor, which then stops
the child in order.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import subprocess
from collections.abc import Callable, Sequence

log = logging.getLogger(__name__)

#: A child asked to stop gets this long before it is killed.
STOP_GRACE_S = 10.0


class Child:
    """The running kiosk: ``fd`` is the supervisor's (reading) end of its heartbeat pipe."""

    def __init__(self, command: Callable[[int], Sequence[str]], env: dict[str, str] | None = None):
        read_fd, write_fd = os.pipe()
        try:
            self.proc = subprocess.Popen(
                list(command(write_fd)), pass_fds=(write_fd,), start_new_session=True, env=env
            )
        except BaseException:
            os.close(read_fd)
            raise
        finally:
            os.close(write_fd)  # the child holds the only writing end: its death is end of file
        self.fd = read_fd
        self.pid = self.proc.pid

    def read(self) -> bytes:
        """What the child wrote (b"" at end of file: it died or closed the pipe)."""
        return os.read(self.fd, 65536)

    def stop(self) -> int:
        """SIGTERM, then SIGKILL after ``STOP_GRACE_S``; the exit status."""
        if self.proc.poll() is None:
            self._signal_group(signal.SIGTERM)
            try:
                self.proc.wait(STOP_GRACE_S)
            except subprocess.TimeoutExpired:
                log.warning("the kiosk did not stop within %.0f s: killed", STOP_GRACE_S)
        return self.kill()

    def kill(self) -> int:
        """End the child and anything left in its process group; the exit status."""
        if self.proc.poll() is None:
            self._signal_group(signal.SIGKILL)
        code = self.proc.wait()
        self._signal_group(signal.SIGKILL)  # anything it started and left behind
        return code

    def wait(self, timeout: float) -> int:
        """The exit status once it has ended (killed if it lingers past ``timeout``)."""
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(timeout)
        return self.kill()

    def close(self) -> None:
        os.close(self.fd)

    def _signal_group(self, signum: int) -> None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.pid, signum)
