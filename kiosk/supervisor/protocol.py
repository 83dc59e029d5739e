"""What the kiosk child tells its supervisor: one JSON line per heartbeat, over a pipe.

A pipe is the simplest channel that needs no port or file: the child's end is
passed as an inherited file descriptor (``subprocess`` ``pass_fds``; on
Windows the same works with an inherited handle), the supervisor sees end of
file the moment the child dies, and the child learns that its supervisor is
gone when a write fails. Each line is ``{"key": K, "frame": F, "since": S}``: the
attract loop's current (or last) item, whether the first frame is on screen, and
since when (UTC) that item has been on screen — only while the loop shows it, so
that a showing cut short by a crash or a hang can be recorded.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass

#: The child's exit status for the operator panel's "exit": not restarted.
EXIT_OPERATOR = 3


@dataclass(frozen=True)
class Beat:
    key: str | None = None  # the attract loop's item showing (or shown last)
    frame: bool = False  # the first frame is on screen
    since: str | None = None  # when ``key`` began showing (UTC ISO), while the loop shows it

    def encode(self) -> bytes:
        line = {"key": self.key, "frame": self.frame, "since": self.since}
        return (json.dumps(line) + "\n").encode()

    @classmethod
    def decode(cls, line: bytes) -> Beat | None:
        """The beat on ``line``, or None for a line that is not one (ignored)."""
        try:
            data = json.loads(line)
        except ValueError:
            return None
        if not isinstance(data, dict):
            return None
        key, since = data.get("key"), data.get("since")
        return cls(
            key if isinstance(key, str) else None,
            data.get("frame") is True,
            since if isinstance(since, str) and isinstance(key, str) else None,
        )


class BeatWriter:
    """The child's end: ``send`` raises OSError (BrokenPipeError) once the supervisor is gone."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        os.set_blocking(fd, False)  # a supervisor that stops reading must not block the GUI

    def send(self, beat: Beat) -> bool:
        """False when the pipe is full (the supervisor is not reading now): the beat is lost."""
        try:
            os.write(self.fd, beat.encode())  # far below PIPE_BUF: one atomic write
        except BlockingIOError:
            return False
        return True

    def close(self) -> None:
        os.close(self.fd)


class BeatReader:
    """The supervisor's end: whole lines out of whatever bytes arrived."""

    def __init__(self) -> None:
        self._pending = b""

    def feed(self, data: bytes) -> list[Beat]:
        self._pending += data
        *lines, self._pending = self._pending.split(b"\n")
        return [b for b in map(Beat.decode, lines) if b is not None]
