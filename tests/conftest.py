"""Shared test set-up: a private runtime dir for Qt, and a data directory per test."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

_runtime = Path(tempfile.gettempdir()) / f"qingfeng-test-runtime-{os.getuid()}"
_runtime.mkdir(mode=0o700, exist_ok=True)
_runtime.chmod(0o700)
os.environ["XDG_RUNTIME_DIR"] = str(_runtime)


@pytest.fixture
def paths(tmp_path: Path):
    from kiosk.paths import Paths

    return Paths(tmp_path / "data")


@pytest.fixture
def catalogue(paths):
    from kiosk.catalog import Catalogue

    with Catalogue.open(paths.catalogue) as cat:
        yield cat


@pytest.fixture
def store(paths):
    from kiosk.catalog.files import MediaStore

    return MediaStore.at(paths)
