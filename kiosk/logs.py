"""Logging: a rotating file under the data directory, and short lines on the console."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

LOG_NAME = "kiosk.log"
#: The supervisor's own log (kiosk.supervisor), beside the kiosk's: one writer per file.
SUPERVISOR_LOG_NAME = "supervisor.log"


def setup(log_dir: Path | None, *, verbose: bool = False, name: str = LOG_NAME) -> Path | None:
    """Send log records to ``log_dir/name`` (rotating) and warnings to stderr."""
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()
    console = logging.StreamHandler(sys.stderr)
    console.setLevel(logging.DEBUG if verbose else logging.WARNING)
    console.setFormatter(logging.Formatter("%(message)s"))
    root.addHandler(console)
    if log_dir is None:
        return None
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        path = log_dir / name
        file_handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError as e:
        logging.warning(
            "cannot write the log file in %s (%s); logging to the console only", log_dir, e.strerror
        )
        return None
    file_handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(file_handler)
    return path


class RecentErrors(logging.Handler):
    """Keeps the last few warnings and errors for the operator panel."""

    def __init__(self, keep: int = 10) -> None:
        super().__init__(logging.WARNING)
        self.keep = keep
        self.lines: list[str] = []
        self.setFormatter(logging.Formatter("%(asctime)s %(message)s", "%m-%d %H:%M"))

    def emit(self, record: logging.LogRecord) -> None:
        try:
            line = self.format(record).splitlines()[0]
        except Exception:  # a broken record must never break logging
            return
        self.lines = [*self.lines[-(self.keep - 1) :], line]
