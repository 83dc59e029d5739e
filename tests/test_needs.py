"""needs() and the x11 marker: a missing X server, libvlc, xrandr or systemd-analyze skips a
test, with the reason, and fails it under CI=true. Proved on a small suite run by a real
pytest in a subprocess, with this suite's conftest, on a machine where each is made
unavailable."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from needs import needs

HERE = Path(__file__).resolve().parent

SUITE = """
import pytest

from needs import needs


@pytest.mark.x11
def test_x11():
    pass


def test_libvlc():
    needs("libvlc")


def test_xrandr():
    needs("xrandr")


def test_systemd_analyze():
    needs("systemd-analyze")
"""


def run_suite(tmp_path: Path, env: dict[str, str]) -> tuple[int, str]:
    """Run SUITE with this suite's conftest and markers: pytest's exit status and output."""
    root = tmp_path / "suite"
    root.mkdir(exist_ok=True)
    (root / "conftest.py").write_text((HERE / "conftest.py").read_text(), encoding="utf-8")
    (root / "test_small.py").write_text(SUITE, encoding="utf-8")
    (root / "pytest.ini").write_text(
        "[pytest]\naddopts = --strict-markers\nmarkers =\n    x11: needs an X server\n",
        encoding="utf-8",
    )
    paths = [str(HERE), env.get("PYTHONPATH", "")]
    env = {**env, "PYTHONPATH": os.pathsep.join(p for p in paths if p)}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-rA", "-p", "no:cacheprovider", "--no-xvfb"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return done.returncode, done.stdout + done.stderr


def without_them(tmp_path: Path, ci: bool) -> dict[str, str]:
    """This machine without an X display, with libvlc unloadable and xrandr and systemd-analyze
    off PATH."""
    empty = tmp_path / "empty-bin"
    empty.mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "CI", "QT_QPA_PLATFORM")}
    env.update(PATH=str(empty), PYTHON_VLC_LIB_PATH="/nonexistent/libvlc.so.5")
    if ci:
        env["CI"] = "true"
    return env


def counts(output: str) -> dict[str, int]:
    last = output.strip().splitlines()[-1]
    return {word: int(n) for n, word in re.findall(r"(\d+) (passed|failed|skipped|error)", last)}


def test_outside_ci_what_is_missing_is_skipped_with_the_reason(tmp_path: Path) -> None:
    status, out = run_suite(tmp_path, without_them(tmp_path, ci=False))
    assert status == 0 and counts(out) == {"skipped": 4}, out
    assert "needs an X server" in out and "DISPLAY is not set" in out
    assert "needs libvlc (VLC 3) through python-vlc: it would not load or start" in out
    assert "needs the xrandr program (Debian: x11-xserver-utils): xrandr is not on PATH" in out
    assert "needs the systemd-analyze program (Debian: systemd): systemd-analyze is not" in out


def test_under_ci_what_is_missing_fails(tmp_path: Path) -> None:
    status, out = run_suite(tmp_path, without_them(tmp_path, ci=True))
    # the x11 marker is checked before the test's fixtures: an error at set-up
    assert status == 1 and counts(out) == {"failed": 3, "error": 1}, out
    because = "(CI=true: a missing requirement is a failure)"
    assert "ERROR test_small.py::test_x11 - Failed: needs an X server" in out, out
    assert "FAILED test_small.py::test_libvlc - Failed: needs libvlc" in out, out
    assert "FAILED test_small.py::test_xrandr - Failed: needs the xrandr program" in out, out
    assert "FAILED test_small.py::test_systemd_analyze - Failed: needs the systemd-an" in out, out
    assert out.count(because) >= 4, out


def test_under_ci_with_everything_there_it_runs(tmp_path: Path) -> None:
    needs("xvfb", "libvlc", "xrandr", "systemd-analyze")
    env = {**os.environ, "CI": "true"}
    env.pop("QT_QPA_PLATFORM", None)  # the conftest picks it from DISPLAY
    status, out = run_suite(tmp_path, env)
    assert status == 0 and counts(out) == {"passed": 4}, out
