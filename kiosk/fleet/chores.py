"""The kiosk's background chores for a fleet: import what arrives in the watch folder,
and write the records to the records folder.

A daemon thread of the kiosk window polls every ``poll_s``.  Each signed bundle that
has arrived completely (kiosk.fleet.watch) is imported by the ``kiosk import`` command
in a process of its own — the window never loads the importer, and a bundle that makes
the importer fail cannot take the window down — whose answer goes to the log (and the
operator panel's recent problems).  The window shows the new content from its next item:
the attract loop re-reads a catalogue that another process changed.  Files that are not
bundles are left alone (said once).

Every ``records_every_s`` (and at the first poll) today's records are written to the
records folder as one file per kiosk and day (kiosk.reporting.export, written
atomically), and yesterday's once more after midnight so that its last hours travel too.
"""

from __future__ import annotations

import logging
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from pathlib import Path

from kiosk.bundles.marker import is_bundle
from kiosk.fleet.watch import WatchFolder

log = logging.getLogger(__name__)

Runner = Callable[[Sequence[str]], subprocess.CompletedProcess]
#: Writes the records of a day (kiosk.reporting.export.write_daily_records, bound).
RecordsWriter = Callable[[date], Path]

#: Longest an import of one bundle may take before it is given up (films can be large).
IMPORT_TIMEOUT_S = 3 * 3600


def run_command(argv: Sequence[str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        list(argv), capture_output=True, text=True, timeout=IMPORT_TIMEOUT_S, check=False
    )


def kiosk_command(data_dir: Path, *args: str) -> list[str]:
    """The kiosk's own command line, in the same Python, for ``data_dir``."""
    return [sys.executable, "-m", "kiosk", "--data-dir", str(data_dir), *args]


def said(result: subprocess.CompletedProcess) -> str:
    """What a ``kiosk import`` said, on one line: its refusals, else its last line."""
    lines = [ln.strip() for ln in (result.stderr or "").splitlines() if ln.strip()]
    lines = lines or [ln.strip() for ln in (result.stdout or "").splitlines() if ln.strip()]
    return " / ".join(lines[-3:])


class Chores:
    """Polls ``watch`` and writes records with ``records`` (either may be None) in a
    thread; ``stop()`` ends it. ``run`` runs a command; ``today`` is the local date."""

    def __init__(
        self,
        data_dir: Path,
        watch: WatchFolder | None,
        records: RecordsWriter | None = None,
        *,
        poll_s: float = 5.0,
        records_every_s: float = 3600.0,
        run: Runner = run_command,
        today: Callable[[], date] = lambda: datetime.now().date(),
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.data_dir = data_dir
        self.watch = watch
        self.records = records
        self.poll_s = poll_s
        self.records_every_s = records_every_s
        self.run = run
        self.today = today
        self.clock = clock
        self._records_at: float | None = None
        self._records_day: date | None = None
        self._not_bundles: set[str] = set()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="kiosk-chores", daemon=True)

    def start(self) -> Chores:
        if self.watch is None and self.records is None:
            return self
        if self.watch is not None:
            log.info("watching %s for signed bundles", self.watch.folder)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=10)

    def _loop(self) -> None:
        while True:
            try:
                self.poll_once()
            except Exception:  # a chore must never stop the exhibition
                log.exception("a background chore failed; trying again later")
            if self._stop.wait(self.poll_s):
                return

    def poll_once(self) -> list[tuple[Path, str]]:
        """One round: import every ready bundle, write the records when due."""
        done = self._import_ready()
        self._write_records()
        return done

    # ------------------------------------------------------------- the watch folder
    def _import_ready(self) -> list[tuple[Path, str]]:
        done: list[tuple[Path, str]] = []
        if self.watch is None:
            return done
        for path in self.watch.ready():
            if self._stop.is_set():
                break
            if not is_bundle(path):
                if path.name not in self._not_bundles:
                    log.warning(
                        "the watch folder's %s is not a signed bundle: left alone", path.name
                    )
                    self._not_bundles.add(path.name)
                continue
            started = self.clock()
            try:
                result = self.run(kiosk_command(self.data_dir, "import", str(path)))
            except (OSError, subprocess.SubprocessError) as e:
                log.error("could not run the import of %s: %s", path.name, e)
                continue
            if result.returncode == 0:
                outcome = "imported"
                took = self.clock() - started
                log.info("imported %s from the watch folder in %.1f s", path.name, took)
            else:
                outcome = "refused"
                log.warning("the watch folder's %s was not imported: %s", path.name, said(result))
            self.watch.done(path, outcome)
            done.append((path, outcome))
        return done

    # -------------------------------------------------------------- the records folder
    def _write_records(self) -> None:
        if self.records is None:
            return
        now, today = self.clock(), self.today()
        due = self._records_at is None or now - self._records_at >= self.records_every_s
        new_day = self._records_day is not None and today != self._records_day
        if not (due or new_day):
            return
        days = [today - timedelta(days=1), today] if new_day else [today]
        for day in days:
            try:
                path = self.records(day)
            except OSError as e:  # a folder on a drive that went away: next time
                log.warning("could not write the records of %s: %s", day, e)
                return
            log.info("records of %s written to %s", day, path)
        self._records_at, self._records_day = now, today
