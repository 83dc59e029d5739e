"""The ``kiosk`` command run for real, in a process of its own, as an operator types it."""

from __future__ import annotations

import os
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
