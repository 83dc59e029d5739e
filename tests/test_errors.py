"""User-facing errors share one base class (kiosk.errors.KioskError); the ``kiosk`` command
prints one as one line and exits 2. Anything else is a bug: traceback in the log, exit 70."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk import cli
from kiosk.catalog import CatalogueError, CatalogueTooNew
from kiosk.demo.artwork import FontMissing
from kiosk.errors import KioskError
from kiosk.ingest.errors import RejectedFile

FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <dir>{fonts}</dir>
  <cachedir>{cache}</cachedir>
</fontconfig>
"""


@pytest.mark.parametrize(
    "error", [cli.UsageError, CatalogueError, CatalogueTooNew, RejectedFile, FontMissing]
)
def test_the_user_facing_errors_are_kiosk_errors(error: type) -> None:
    assert issubclass(error, KioskError)


def test_the_demo_without_a_chinese_font_says_which_package_to_install(tmp_path: Path) -> None:
    """fontconfig that knows no font at all: the demo stops at once, exit 2, one line."""
    (tmp_path / "fonts").mkdir()
    conf = tmp_path / "fonts.conf"
    conf.write_text(FONTS_CONF.format(fonts=tmp_path / "fonts", cache=tmp_path / "cache"))
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "--data-dir", str(tmp_path / "data"), "demo"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "FONTCONFIG_FILE": str(conf)},
    )
    assert done.returncode == 2, done.stderr
    said = [line for line in done.stderr.splitlines() if line.startswith("kiosk:")]
    assert said == [done.stderr.splitlines()[-1]], done.stderr
    assert said[0].startswith("kiosk: no 'serif' font with Chinese glyphs is installed")
    assert said[0].endswith("install the Debian package fonts-noto-cjk")
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr


# The command with its ``check`` replaced by one that raises, in a process of its own
# (main() sets up logging for the whole process).
RAISING = """
import sys
from kiosk import cli
from kiosk.cli import UsageError
from kiosk.ingest.errors import RejectedFile

def check(args, paths):
    raise {error}

cli.cmd_check = check
sys.exit(cli.main(["--data-dir", sys.argv[1], *sys.argv[2:], "check"]))
"""


def run_raising(error: str, data: Path, *options: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", RAISING.format(error=error), str(data), *options],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_kiosk_error_is_one_line_and_exit_2(tmp_path: Path) -> None:
    done = run_raising('UsageError("the file says so\\nand more")', tmp_path)
    assert (done.returncode, done.stderr) == (2, "kiosk: the file says so and more\n")


@pytest.mark.parametrize(
    ("options", "line"),
    [
        ((), "kiosk: JPEG 文件不完整：图像还没结束文件就结束了（请重新复制）\n"),
        (("--lang", "en"), "kiosk: truncated JPEG: the file ends before the image does\n"),
    ],
)
def test_a_refusal_reaching_the_command_speaks_the_operators_language(
    tmp_path: Path, options: tuple[str, ...], line: str
) -> None:
    (tmp_path / "kiosk.toml").write_text('[exhibition]\ndefault_language = "zh"\n', "utf-8")
    done = run_raising('RejectedFile("image_truncated", format="JPEG")', tmp_path, *options)
    assert (done.returncode, done.stderr) == (2, line)


def test_any_other_error_is_a_bug_with_its_traceback_in_the_log(tmp_path: Path) -> None:
    done = run_raising('ValueError("not expected")', tmp_path)
    assert done.returncode == 70
    last = done.stderr.splitlines()[-1]
    assert last.startswith("kiosk: internal error: ValueError: not expected (details in ")
    assert "Traceback" in done.stderr
    log = (tmp_path / "logs" / "kiosk.log").read_text(encoding="utf-8")
    assert "Traceback" in log and "in check\nValueError: not expected" in log
