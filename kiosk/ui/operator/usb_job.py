"""One piece of slow USB work (reading a stick, importing, exporting) on a thread of its own.

The work is a callable given a progress function; what it returns, or the exception it
raised, arrives on the GUI thread through the queued ``finished_with`` signal, as its
progress does through ``progressed``.  Nothing here touches a widget.  The thread is a
daemon: a kiosk stopped mid-import simply ends it, and the import's one transaction
leaves the catalogue as it was.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

Work = Callable[[Callable[[int, int, str], None]], Any]


class Job(QObject):
    """Runs ``work`` once on a worker thread; see the module docstring."""

    progressed = Signal(int, int, str)
    finished_with = Signal(object)

    def __init__(self, work: Work, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.work = work
        self._thread = threading.Thread(target=self._run, name="usb-job", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def running(self) -> bool:
        return self._thread.is_alive()

    def wait(self, timeout: float | None = None) -> bool:
        """True once the work is over (for tests and the screenshot script)."""
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _run(self) -> None:
        try:
            result = self.work(self.progressed.emit)
        except Exception as e:  # handed to the GUI thread, which says it or raises it
            result = e
        self.finished_with.emit(result)
