"""Logging: a rotating file under the data directory, and short lines on the console."""

from __future__ import annotations

import logging
import logging.handlers
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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


@dataclass(frozen=True)
class Recent:
    """A warning or error for the operator panel: when, and what, in either language."""

    stamp: str
    said: Any  # a kiosk.strings Text (or anything with render(lang)), or the log's line

    def render(self, lang: str) -> str:
        what = self.said.render(lang) if hasattr(self.said, "render") else str(self.said)
        return f"{self.stamp} {what}"

    def __str__(self) -> str:
        return self.render("en")


class RecentErrors(logging.Handler):
    """Keeps the last few warnings and errors for the operator panel.

    A record logged with ``extra={"said": text(...)}`` is shown in the operator's
    language (the log file keeps the English line); with ``extra={"panel": False}`` it
    is left out (the panel shows it in a place of its own, e.g. a wrong clock).
    """

    def __init__(self, keep: int = 10) -> None:
        super().__init__(logging.WARNING)
        self.keep = keep
        self.lines: list[Recent] = []

    def emit(self, record: logging.LogRecord) -> None:
        if getattr(record, "panel", True) is False:
            return
        try:
            stamp = time.strftime("%m-%d %H:%M", time.localtime(record.created))
            said = getattr(record, "said", None) or record.getMessage().splitlines()[0]
        except Exception:  # a broken record must never break logging
            return
        self.lines = [*self.lines[-(self.keep - 1) :], Recent(stamp, said)]
