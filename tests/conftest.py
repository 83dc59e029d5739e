"""Shared test set-up: the one place that picks Qt's platform, a private runtime dir for
Qt, the ``x11`` marker's requirement, closed widgets deleted between tests, and a data
directory per test."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from needs import needs

_runtime = Path(tempfile.gettempdir()) / f"qingfeng-test-runtime-{os.getuid()}"
_runtime.mkdir(mode=0o700, exist_ok=True)
_runtime.chmod(0o700)
os.environ["XDG_RUNTIME_DIR"] = str(_runtime)


@pytest.hookimpl(trylast=True)  # after pytest-xvfb has started Xvfb and set DISPLAY
def pytest_configure(config: pytest.Config) -> None:
    # The whole suite runs on one platform, whatever the test files collected: xcb on
    # the X server (so screens really draw), offscreen only when there is none at all
    # (--no-xvfb without DISPLAY); tests marked x11 then skip, or fail under CI=true.
    os.environ["QT_QPA_PLATFORM"] = "xcb" if os.environ.get("DISPLAY") else "offscreen"


def pytest_runtest_setup(item: pytest.Item) -> None:
    if item.get_closest_marker("x11") is not None:
        needs("xvfb")


@pytest.fixture(autouse=True)
def _delete_closed_widgets():
    """Widgets that pytest-qt closed are deleted before the next test (as QTest.qWait
    does): a screen's timer must not fire into a later test, on a closed catalogue."""
    yield
    from PySide6.QtCore import QCoreApplication, QEvent

    if QCoreApplication.instance() is not None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


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


# The offscreen libvlc engine and a film player on it, for the playback tests (a module
# may define its own, e.g. one that draws on the X server).
@pytest.fixture(scope="module")
def engine():
    from kiosk.playback import VlcEngine, default_options

    needs("libvlc")
    eng = VlcEngine(default_options("offscreen"))
    yield eng
    eng.close()


@pytest.fixture
def player(qtbot, engine):
    from kiosk.playback import FilmPlayer

    p = FilmPlayer(engine, start_timeout=10.0)
    yield p
    p.close()
