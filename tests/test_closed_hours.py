"""Opening hours in the real kiosk under Xvfb, kept by an injected clock (no sleeping for
the hours): the closed screen, no plays while closed, the loop again at opening, the
display's power at the boundary of the display system (a fake ``xset`` on PATH)."""

from __future__ import annotations

import contextlib
import logging
import os
import stat
from datetime import date, datetime

import pytest
from PySide6.QtGui import QColor
from test_window import tap

from kiosk.app import Kiosk, RunOptions, build
from kiosk.catalog import Catalogue
from kiosk.catalog.files import MediaStore
from kiosk.display_power import DisplayPower
from kiosk.ingest.importer import Importer
from kiosk.settings import Settings
from kiosk.supervisor.protocol import BeatReader, BeatWriter
from kiosk.ui.heartbeat import Heartbeat
from kiosk.ui.widgets import theme

from factories import make_image

# 2027-03-01 is a Monday.
MON, TUE = date(2027, 3, 1), date(2027, 3, 2)
HALL = dict(mon="closed", tue="09:00-17:30", sat="closed", sun="closed")


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def fake_xset(tmp_path, monkeypatch, fail: bool = False):
    """An ``xset`` first on PATH that writes its arguments, one call a line, to a file."""
    bin_dir, calls = tmp_path / "bin", tmp_path / "xset-calls"
    bin_dir.mkdir(exist_ok=True)
    script = bin_dir / "xset"
    body = 'echo "xset:  unable to open display" >&2; exit 1' if fail else "exit 0"
    script.write_text(f'#!/bin/sh\necho "$@" >> "{calls}"\n{body}\n')
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    return lambda: calls.read_text().splitlines() if calls.exists() else []


@pytest.fixture
def open_kiosk(qtbot, tmp_path, paths):
    src = tmp_path / "content"
    make_image(src / "posters" / "p1.jpg", (800, 600))
    make_image(src / "posters" / "p2.jpg", (600, 800))
    with Catalogue.open(paths.catalogue) as cat:
        assert Importer(cat, MediaStore.at(paths)).run([src]).rejected == []
    made: list[Kiosk] = []

    def open_(clock: Clock, **hours) -> Kiosk:
        settings = Settings().with_overrides(
            touch={"idle_timeout_s": 1.0}, attract={"poster_s": 0.3}, hours={**HALL, **hours}
        )
        k = build(paths, settings, RunOptions(windowed=False, clock=clock))
        made.append(k)
        qtbot.waitExposed(k.window)
        return k

    yield open_
    for k in made:
        k.close()


def test_closed_now_the_closed_screen_shows_and_nothing_plays(open_kiosk, qtbot):
    k = open_kiosk(Clock(datetime(2027, 3, 1, 10)))
    window = k.window
    assert window.current == "closed"
    assert "attract" not in window.screens  # the loop was never made, no film could play
    closed = window.screens["closed"]
    assert [zh for _role, zh, _en in closed.lines()][1:3] == ["闭馆", "明天 09:00 开馆"]
    assert [en for _role, _zh, en in closed.lines()][1:3] == ["Closed", "Opens tomorrow at 09:00"]
    picture = window.grab().toImage()
    corner = picture.pixelColor(5, 5)
    assert corner == QColor(theme.NIGHT)
    middle = picture.copy(0, picture.height() // 3, picture.width(), picture.height() // 3)
    lit = {
        middle.pixelColor(x, y).lightness()
        for x in range(0, middle.width(), 3)
        for y in range(0, middle.height(), 3)
    }
    assert max(lit) > QColor(theme.NIGHT).lightness() + 60  # the text is there, dim
    assert max(lit) < QColor(theme.PAPER).lightness()  # and never full paper-white
    qtbot.wait(1200)  # four poster durations
    assert k.catalogue.plays() == []


def test_a_tap_shows_todays_hours_not_the_home_screen(open_kiosk, qtbot):
    k = open_kiosk(Clock(datetime(2027, 3, 2, 12, 0)), tue="09:00-11:00, 14:00-17:30")
    window = k.window
    assert window.current == "closed"
    closed = window.screens["closed"]
    assert closed.lines()[2][1:] == ("今天 14:00 开馆", "Opens today at 14:00")
    tap(closed)
    assert window.current == "closed"
    assert closed.lines()[3][1:] == (
        "今日开放时间：09:00-11:00、14:00-17:30",
        "Open today: 09:00-11:00, 14:00-17:30",
    )
    qtbot.waitUntil(lambda: not closed.hours_shown, timeout=4000)  # the idle reset hides them
    assert window.current == "closed"


def test_at_opening_time_the_loop_starts_again_and_records(open_kiosk, qtbot):
    clock = Clock(datetime(2027, 3, 1, 10))
    k = open_kiosk(clock)
    keeper = k.hours
    # one timer, to the next change: Tuesday 09:00, 23 hours on
    assert keeper._change.isActive()
    assert keeper._change.interval() == 23 * 3600 * 1000 + 50
    clock.now = datetime(2027, 3, 2, 9, 0)
    keeper._change.timeout.emit()  # what the timer does at 09:00
    assert k.window.current == "attract"
    qtbot.waitUntil(lambda: len(k.catalogue.plays()) >= 2, timeout=5000)
    assert keeper._change.interval() == int(8.5 * 3600 * 1000) + 50  # closing at 17:30
    clock.now = datetime(2027, 3, 2, 17, 30)
    keeper._change.timeout.emit()
    assert k.window.current == "closed"
    recorded = len(k.catalogue.plays())
    qtbot.wait(900)
    assert len(k.catalogue.plays()) == recorded  # the showing cut off at closing, then none


def test_play_outside_hours_plays_and_records(open_kiosk, qtbot):
    k = open_kiosk(Clock(datetime(2027, 3, 1, 10)), outside="play")
    assert k.window.current == "attract"
    qtbot.waitUntil(lambda: len(k.catalogue.plays()) >= 1, timeout=5000)


def test_screen_off_switches_the_display_off_and_a_touch_wakes_it(
    open_kiosk, qtbot, tmp_path, monkeypatch
):
    calls = fake_xset(tmp_path, monkeypatch)
    clock = Clock(datetime(2027, 3, 1, 22))
    k = open_kiosk(clock, outside="screen-off")
    assert k.window.current == "closed"
    assert calls() == ["dpms force off"]
    tap(k.window.screens["closed"])
    assert calls()[1:] == ["dpms force on", "s reset"]
    assert k.window.screens["closed"].hours_shown  # today's hours: closed all day
    assert k.window.screens["closed"].lines()[3][1:] == ("今日闭馆", "Closed all day today")
    qtbot.waitUntil(lambda: len(calls()) == 4, timeout=5000)  # the idle timeout: off again
    assert calls()[3] == "dpms force off"
    clock.now = datetime(2027, 3, 2, 9)
    k.hours._change.timeout.emit()
    assert calls()[4:] == ["dpms force on", "s reset"]
    assert k.window.current == "attract"


def test_a_failing_xset_is_logged_once_and_the_closed_screen_stays(
    open_kiosk, qtbot, tmp_path, monkeypatch, caplog
):
    calls = fake_xset(tmp_path, monkeypatch, fail=True)
    caplog.set_level(logging.ERROR, logger="kiosk.display_power")
    k = open_kiosk(Clock(datetime(2027, 3, 1, 22)), outside="screen-off")
    assert k.window.current == "closed"
    assert not k.hours.display_off
    tap(k.window.screens["closed"])
    qtbot.waitUntil(lambda: len(calls()) >= 2, timeout=5000)  # tried again after the touch
    told = [r.getMessage() for r in caplog.records if r.name == "kiosk.display_power"]
    assert len(told) == 1
    assert "xset dpms force off: xset:  unable to open display" in told[0]
    assert k.window.current == "closed"


def test_display_power_runs_xset_and_on_windows_sends_monitor_power(tmp_path, monkeypatch):
    calls = fake_xset(tmp_path, monkeypatch)
    power = DisplayPower("linux")
    assert power.off() and power.on()
    assert calls() == ["dpms force off", "dpms force on", "s reset"]
    monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))
    assert not DisplayPower("linux").off()
    assert not DisplayPower("win32").off()  # no user32 here: told, not raised


def test_a_wrong_clock_is_shown_in_the_operator_panel_and_the_loop_plays(open_kiosk, qtbot):
    k = open_kiosk(Clock(datetime(2020, 1, 1, 10)), mon="00:00-24:00", wed="00:00-24:00")
    assert k.window.current == "attract"  # 2020-01-01 is a Wednesday: open
    assert k.hours.clock_problem[0] == "clock_early"
    k.window.ctx.visit.set_lang("en")
    k.window.go("operator")
    panel = k.window.screens["operator"]
    panel.refresh()
    assert any(
        line.startswith("The clock looks wrong: it says 2020-01-01 10:00")
        for line in panel.error_lines.lines
    )


def test_a_kiosk_started_closed_still_beats_and_reaches_its_first_frame(open_kiosk, qtbot):
    k = open_kiosk(Clock(datetime(2027, 3, 1, 10)))
    read_fd, write_fd = os.pipe()
    os.set_blocking(read_fd, False)
    heartbeat = Heartbeat(k.window, BeatWriter(write_fd), lambda: None)
    reader, beats = BeatReader(), []

    def framed() -> bool:
        with contextlib.suppress(BlockingIOError):
            beats.extend(reader.feed(os.read(read_fd, 65536)))
        return any(b.frame for b in beats)

    try:
        heartbeat.start()
        k.window.screens["closed"].update()
        qtbot.waitUntil(framed, timeout=10000)
        assert k.window.current == "closed"
    finally:
        heartbeat._timer.stop()
        heartbeat.writer.close()
        os.close(read_fd)
