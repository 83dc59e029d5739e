"""The watch folder: signed bundles that arrived completely, each imported once.

Syncthing writes a file under a temporary name (``.syncthing.NAME.tmp``, on Windows
``~syncthing~NAME.tmp``) and renames it when it is complete; a copy from a network
drive or a stick may still be growing.  So a file is ready when it is not a
temporary or hidden file and its size and modification time have stayed the same for
``settle_s``.  What became of each file (its size and time, imported or refused) is
remembered in a small JSON file, so that a refused bundle is not tried at every poll
but a changed file is.  A folder that is not there (a network drive that went away)
is said once and looked for again at every poll.

No Qt: polled by ``kiosk.fleet.chores`` with the clock passed in.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

#: Names Syncthing (and editors, and operating systems) give to files that are not content.
_NOT_CONTENT_PREFIXES = (".", "~syncthing~", "~$")
_NOT_CONTENT_SUFFIXES = (".tmp", ".part", ".partial", ".crdownload")


def is_temporary(name: str) -> bool:
    """A name that is never a finished bundle: hidden, Syncthing's or a download's temporary."""
    low = name.lower()
    return low.startswith(_NOT_CONTENT_PREFIXES) or low.endswith(_NOT_CONTENT_SUFFIXES)


@dataclass(frozen=True)
class Seen:
    size: int
    mtime_ns: int


class WatchFolder:
    """Finds files in ``folder`` ready to import; ``done(path, outcome)`` remembers them.

    ``state_file`` keeps what was done across restarts; ``clock`` is monotonic seconds.
    """

    def __init__(
        self,
        folder: Path,
        state_file: Path,
        *,
        settle_s: float = 5.0,
        clock: Callable[[], float],
    ) -> None:
        self.folder = folder
        self.state_file = state_file
        self.settle_s = settle_s
        self.clock = clock
        self._pending: dict[str, tuple[Seen, float]] = {}  # name -> (seen, since)
        self._done: dict[str, dict] = self._load()
        self._missing_said = False

    def ready(self) -> list[Path]:
        """Files complete and not yet done, oldest first (bundles apply in order)."""
        try:
            entries = list(os.scandir(self.folder))
        except OSError as e:
            if not self._missing_said:
                log.warning(
                    "the watch folder %s cannot be read (%s); looking again at every poll",
                    self.folder,
                    e.strerror or e,
                )
                self._missing_said = True
            return []
        if self._missing_said:
            log.info("the watch folder %s is back", self.folder)
            self._missing_said = False
        now = self.clock()
        ready: list[tuple[int, str]] = []
        present = set()
        for entry in entries:
            if is_temporary(entry.name) or not entry.is_file(follow_symlinks=False):
                continue
            try:
                stat = entry.stat(follow_symlinks=False)
            except OSError:
                continue  # renamed or removed meanwhile
            seen = Seen(stat.st_size, stat.st_mtime_ns)
            present.add(entry.name)
            done = self._done.get(entry.name)
            if done is not None and Seen(done["size"], done["mtime_ns"]) == seen:
                continue
            before = self._pending.get(entry.name)
            if before is None or before[0] != seen:
                self._pending[entry.name] = (seen, now)
            elif now - before[1] >= self.settle_s and seen.size > 0:
                ready.append((seen.mtime_ns, entry.name))
        for name in set(self._pending) - present:
            del self._pending[name]
        return [self.folder / name for _mtime, name in sorted(ready)]

    def done(self, path: Path, outcome: str) -> None:
        """Remember that ``path`` (as it is now) was imported or refused (``outcome``)."""
        seen, _since = self._pending.pop(path.name, (None, 0.0))
        if seen is None:
            try:
                stat = path.stat()
            except OSError:
                return
            seen = Seen(stat.st_size, stat.st_mtime_ns)
        self._done[path.name] = {"size": seen.size, "mtime_ns": seen.mtime_ns, "outcome": outcome}
        self._save()

    def outcome(self, name: str) -> str | None:
        done = self._done.get(name)
        return done["outcome"] if done else None

    def _load(self) -> dict[str, dict]:
        try:
            data = json.loads(self.state_file.read_text("utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def _save(self) -> None:
        tmp = self.state_file.with_name(self.state_file.name + ".tmp")
        try:
            self.state_file.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_text(json.dumps(self._done, ensure_ascii=False, indent=1), "utf-8")
            os.replace(tmp, self.state_file)
        except OSError as e:
            log.error("cannot remember the watch folder's imports in %s: %s", self.state_file, e)
