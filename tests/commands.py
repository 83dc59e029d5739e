"""The ``kiosk`` command run for real, in a process of its own, as an operator types it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path


def kiosk(
    data_dir: Path,
    *args: str,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    timeout: float = 120,
    check: bool = False,
) -> subprocess.CompletedProcess:
    """``kiosk --data-dir DATA_DIR ARGS…``; ``env`` adds to (or overrides) this environment."""
    return subprocess.run(
        [sys.executable, "-m", "kiosk", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
        cwd=cwd,
        check=check,
    )


def kill_when(data_dir: Path, marker: str, *args: str) -> list[str]:
    """Start ``kiosk --data-dir DATA_DIR -v ARGS…``, SIGKILL it as soon as it logs a line
    starting with ``marker``; its log lines. Fails if it ended before the kill."""
    command = [sys.executable, "-m", "kiosk", "--data-dir", str(data_dir), "-v", *args]
    with subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    ) as proc:
        assert proc.stderr is not None
        said = []
        for line in proc.stderr:
            said.append(line.rstrip("\n"))
            if line.startswith(marker):
                proc.send_signal(signal.SIGKILL)
                break
        said += proc.stderr.read().splitlines()
        proc.wait(timeout=60)
    assert any(line.startswith(marker) for line in said), "\n".join(said[-20:])
    assert proc.returncode == -signal.SIGKILL, "the command ended before the kill"
    return said
