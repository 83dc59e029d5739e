"""The supervisor without a screen: its pure decisions with a hand-turned clock, the runs
table, the sd_notify datagrams, and its loop driving small real child processes that
follow the kiosk's heartbeat protocol (the real kiosk: test_supervisor_e2e.py)."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from kiosk.catalog.runs import RunLog
from kiosk.paths import Paths
from kiosk.settings import Supervisor as SupervisorSettings
from kiosk.supervisor.notify import Notifier
from kiosk.supervisor.policy import Backoff, Resume, SafeMode, resume_at
from kiosk.supervisor.protocol import Beat, BeatReader, BeatWriter
from kiosk.supervisor.supervisor import Supervisor


class Clock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


# --------------------------------------------------------------------------- policy
def test_three_crashes_within_ten_minutes_start_safe_mode_for_an_hour() -> None:
    clock = Clock()
    safe = SafeMode(3, 600, 3600, clock=clock)
    assert not safe.crashed()
    clock.t += 300
    assert not safe.crashed()
    clock.t += 299
    assert safe.crashed()  # the third within 600 s
    assert safe.active
    clock.t += 100
    assert not safe.crashed()  # a crash in safe mode neither starts nor extends it
    clock.t += 3499
    assert safe.active
    clock.t += 1
    assert not safe.active  # an hour later full mode is tried again
    assert safe.recent_crashes() == 0


def test_crashes_spread_over_more_than_the_window_never_start_safe_mode() -> None:
    clock = Clock()
    safe = SafeMode(3, 600, 3600, clock=clock)
    for _ in range(10):
        assert not safe.crashed()
        clock.t += 301  # two within any 600 s, never three
    assert not safe.active
    assert safe.recent_crashes() == 1


def test_backoff_grows_to_a_cap_and_resets() -> None:
    backoff = Backoff()
    assert [backoff.next_delay() for _ in range(8)] == [1, 2, 5, 10, 30, 60, 60, 60]
    backoff.reset()
    assert backoff.next_delay() == 1


def test_resume_at_the_item_showing_and_past_it_when_it_failed_twice() -> None:
    first = resume_at("a", None, abnormal=True)
    assert first == Resume("a")
    assert resume_at("b", first, abnormal=True) == Resume("b")  # it got past a
    assert resume_at("a", first, abnormal=True) == Resume("a", after=True)  # a again
    assert resume_at(None, first, abnormal=True) == first  # died before any item
    assert resume_at("a", first, abnormal=False) == Resume("a")


# ------------------------------------------------------------------------- protocol
def test_beats_survive_split_writes_and_garbage_is_ignored() -> None:
    reader = BeatReader()
    line = Beat("poster-a", True, "2026-12-06T10:00:00.000+00:00").encode()
    assert reader.feed(line[:7]) == []
    assert reader.feed(line[7:] + b"not json\n[1]\n" + Beat(None).encode()) == [
        Beat("poster-a", True, "2026-12-06T10:00:00.000+00:00"),
        Beat(None, False),
    ]


def test_beat_writer_skips_a_beat_when_the_pipe_is_full_and_fails_when_it_is_closed() -> None:
    r, w = os.pipe()
    writer = BeatWriter(w)
    sent = [writer.send(Beat("k" * 50)) for _ in range(5000)]  # more than a pipe holds
    assert sent[0] and not sent[-1]
    os.close(r)
    with pytest.raises(BrokenPipeError):
        writer.send(Beat("k"))
    writer.close()


@pytest.mark.parametrize("abstract", [False, True])
def test_sd_notify_sends_one_datagram_per_state(tmp_path, abstract: bool) -> None:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    address = f"@qingfeng-test-{os.getpid()}" if abstract else str(tmp_path / "notify")
    sock.bind("\0" + address[1:] if abstract else address)
    sock.settimeout(5)
    try:
        notifier = Notifier(address)
        assert notifier.ready() and notifier.watchdog() and notifier.stopping()
        assert [sock.recv(64) for _ in range(3)] == [b"READY=1", b"WATCHDOG=1", b"STOPPING=1"]
    finally:
        sock.close()


def test_sd_notify_does_nothing_without_a_socket(monkeypatch, tmp_path) -> None:
    monkeypatch.delenv("NOTIFY_SOCKET", raising=False)
    assert not Notifier().enabled and not Notifier().ready()
    assert not Notifier(str(tmp_path / "nobody-listens")).watchdog()  # logged once, not raised


def test_the_supervisor_never_imports_qt() -> None:
    code = (
        "import sys, kiosk.supervisor.supervisor, kiosk.cli\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'vlc'))]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# ----------------------------------------------------------------------- runs table
def test_runs_are_recorded_and_a_vanished_supervisors_run_is_lost(catalogue) -> None:
    runs = RunLog(catalogue)
    a = runs.start(pid=10, started_at="2026-12-06T10:00:00.000+00:00")
    runs.first_frame(a, "2026-12-06T10:00:01.000+00:00")
    runs.end(a, "crash", signal=9, last_key="p", ended_at="2026-12-06T10:05:00.000+00:00")
    b = runs.start(pid=11, safe_since="2026-12-06T10:05:00.000+00:00", resume_key="p")
    runs.beat(b, "2026-12-06T10:06:00.000+00:00", "q")
    with pytest.raises(ValueError):
        runs.end(b, "exploded")
    assert runs.close_left_open("2026-12-06T11:00:00.000+00:00") == 1
    first, second = runs.runs()
    assert (first["ended_how"], first["signal"], first["exit_code"]) == ("crash", 9, None)
    assert first["safe_mode"] == 0 and second["safe_mode"] == 1
    assert second["resume_key"] == "p" and second["last_key"] == "q"
    assert second["ended_how"] == "lost"
    assert second["ended_at"] == "2026-12-06T10:06:00.000+00:00"  # its last heartbeat


def test_open_visitor_sessions_of_a_run_end_at_its_last_heartbeat(catalogue) -> None:
    older = catalogue.start_session("2026-12-06T09:00:00.000+00:00")  # before the run
    mine = catalogue.start_session("2026-12-06T10:00:05.000+00:00")
    late = catalogue.start_session("2026-12-06T10:00:09.500+00:00")  # after the last beat
    closed = catalogue.start_session("2026-12-06T10:00:06.000+00:00")
    catalogue.end_session(closed, ["home"], "2026-12-06T10:00:07.000+00:00")
    n = RunLog(catalogue).end_visits_left_open(
        "2026-12-06T10:00:00.000+00:00", "2026-12-06T10:00:09.000+00:00"
    )
    assert n == 2
    ended = {r["id"]: r["ended_at"] for r in catalogue.db["sessions"].rows}
    assert ended[older] is None
    assert ended[mine] == "2026-12-06T10:00:09.000+00:00"
    assert ended[late] == "2026-12-06T10:00:09.500+00:00"  # never before its start
    assert ended[closed] == "2026-12-06T10:00:07.000+00:00"


# ------------------------------------------------------- the loop, with small children
CHILD = textwrap.dedent(
    """
    import json, os, signal, sys, time
    from datetime import UTC, datetime
    fd, mode = int(sys.argv[1]), sys.argv[2]
    signal.signal(signal.SIGTERM, lambda *a: sys.exit(0))
    SINCE = datetime.now(UTC).isoformat(timespec="milliseconds")
    def beat(key, frame):
        since = SINCE if key else None
        os.write(fd, (json.dumps({"key": key, "frame": frame, "since": since}) + "\\n").encode())
    if mode == "no-start":
        sys.exit(1)
    beat(None, False)
    beat("item-a", True)
    if mode == "crash":
        time.sleep(0.2)
        sys.exit(70)
    if mode == "operator":
        sys.exit(3)
    if mode == "hang":
        time.sleep(60)
    while True:
        beat("item-a", True)
        time.sleep(0.1)
    """
)


class Children:
    """Starts the small child in the given modes, one per start; stops the supervisor
    when they are used up (the last one then gets the supervisor's SIGTERM)."""

    def __init__(self, tmp_path, modes: list[str], on_start=None) -> None:
        self.script = tmp_path / "child.py"
        self.script.write_text(CHILD, encoding="utf-8")
        self.modes = list(modes)
        self.plans = []
        self.on_start = on_start
        self.supervisor: Supervisor | None = None

    def __call__(self, fd: int, plan) -> list[str]:
        self.plans.append(plan)
        mode = self.modes[len(self.plans) - 1]
        if self.on_start is not None:
            self.on_start(len(self.plans))
        if len(self.plans) == len(self.modes) and mode == "run":
            assert self.supervisor is not None
            self.supervisor.stop()
        return [sys.executable, str(self.script), str(fd), mode]


def supervise(catalogue, children: Children, **settings) -> list[dict]:
    values = {"hang_s": 1.0, "start_timeout_s": 10.0, **settings}
    sup = Supervisor(children, RunLog(catalogue), SupervisorSettings(**values))
    sup.backoff = Backoff((0.1, 0.2))
    children.supervisor = sup
    assert sup.run() == 0
    return RunLog(catalogue).runs()


@pytest.mark.timeout(60)
def test_the_operators_exit_is_not_restarted(tmp_path, catalogue) -> None:
    runs = supervise(catalogue, Children(tmp_path, ["operator"]))
    assert [(r["ended_how"], r["exit_code"]) for r in runs] == [("exit", 3)]
    assert runs[0]["first_frame_at"] is not None and runs[0]["last_key"] == "item-a"


@pytest.mark.timeout(60)
def test_crashes_restart_resume_and_three_start_safe_mode(tmp_path, catalogue) -> None:
    sessions = []

    def visitor(start: int) -> None:
        if start == 1:  # a visitor is at the kiosk when it crashes
            sessions.append(catalogue.start_session())

    children = Children(tmp_path, ["crash", "crash", "crash", "run"], visitor)
    runs = supervise(catalogue, children, safe_after_crashes=3)
    assert [(r["ended_how"], r["exit_code"]) for r in runs[:3]] == [("crash", 70)] * 3
    assert runs[3]["ended_how"] == "stop"
    assert [r["safe_mode"] for r in runs] == [0, 0, 0, 1]
    assert [p.safe_since is not None for p in children.plans] == [False, False, False, True]
    assert runs[3]["safe_since"] == children.plans[3].safe_since
    assert runs[3]["safe_since"] >= runs[2]["ended_at"][:19]
    assert [r["resume_key"] for r in runs] == [None, "item-a", "item-a", "item-a"]
    assert children.plans[2].resume == Resume("item-a", after=True)  # failed on it twice
    (session,) = [r for r in catalogue.db["sessions"].rows if r["id"] in sessions]
    assert session["ended_at"] == runs[0]["last_beat_at"]


@pytest.mark.timeout(60)
def test_the_showing_a_crash_or_hang_cuts_short_is_recorded_as_failed(tmp_path, catalogue) -> None:
    catalogue.upsert_item({"key": "item-a", "kind": "poster", "title_zh": "清风"})
    runs = supervise(catalogue, Children(tmp_path, ["crash", "hang", "run"]), hang_s=1.0)
    plays = catalogue.plays()
    assert [(p["item_key"], p["context"], p["outcome"], p["reason"]) for p in plays] == [
        ("item-a", "loop", "failed", "the kiosk crashed while showing it"),
        ("item-a", "loop", "failed", "the kiosk stopped answering while showing it"),
    ]  # the last run was stopped: the kiosk itself records what it showed then
    for play, run in zip(plays, runs, strict=False):
        assert run["started_at"][:19] <= play["started_at"][:19]  # the clocks of two processes
        assert play["started_at"] <= play["ended_at"] <= run["ended_at"]
        assert play["seconds"] >= 0


@pytest.mark.timeout(60)
def test_a_child_that_stops_beating_is_killed_as_hung(tmp_path, catalogue) -> None:
    started = time.monotonic()
    runs = supervise(catalogue, Children(tmp_path, ["hang", "run"]), hang_s=1.0)
    assert [(r["ended_how"], r["signal"]) for r in runs[:1]] == [("hang", 9)]
    assert runs[1]["ended_how"] == "stop"
    assert time.monotonic() - started < 30


@pytest.mark.timeout(60)
def test_a_child_that_cannot_start_is_tried_again_after_a_pause(tmp_path, catalogue) -> None:
    runs = supervise(catalogue, Children(tmp_path, ["no-start", "no-start", "run"]))
    assert [(r["ended_how"], r["exit_code"]) for r in runs[:2]] == [("failed-start", 1)] * 2
    assert runs[2]["ended_how"] == "stop"
    assert runs[0]["first_frame_at"] is None
    assert all(r["safe_mode"] == 0 for r in runs)  # no crash of a running kiosk


@pytest.mark.timeout(60)
def test_a_catalogue_that_cannot_be_written_does_not_stop_restarts(tmp_path, paths) -> None:
    from kiosk.catalog import Catalogue

    broken = Catalogue.open(paths.catalogue)
    broken.close()  # every write raises sqlite3.ProgrammingError now
    children = Children(tmp_path, ["crash", "operator"])
    sup = Supervisor(children, RunLog(broken), SupervisorSettings(hang_s=1.0))
    children.supervisor = sup
    assert sup.run() == 0
    assert len(children.plans) == 2  # restarted after the crash, ended by the operator


@pytest.mark.timeout(60)
def test_systemds_watchdog_hears_the_supervisor_while_a_start_is_retried(
    tmp_path, catalogue, monkeypatch
) -> None:
    # The unit's watchdog watches the supervisor, not the window: pauses between failed
    # starts (up to a minute) must not let it expire, so the pings come from the loop itself.
    from kiosk.supervisor import supervisor as module

    monkeypatch.setattr(module, "PING_S", 0.05)
    address = str(tmp_path / "notify")
    states: list[str] = []
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind(address)
        sock.settimeout(0.2)
        done = threading.Event()

        def listen() -> None:  # as systemd does, reading as the datagrams come
            while not done.is_set():
                with contextlib.suppress(TimeoutError):
                    states.append(sock.recv(64).decode())

        listener = threading.Thread(target=listen)
        listener.start()
        children = Children(tmp_path, ["no-start", "no-start", "operator"])
        sup = Supervisor(
            children,
            RunLog(catalogue),
            SupervisorSettings(hang_s=1.0, start_timeout_s=10.0),
            notifier=Notifier(address),
        )
        sup.backoff = Backoff((0.5, 0.5))
        children.supervisor = sup
        try:
            assert sup.run() == 0
            time.sleep(0.3)
        finally:
            done.set()
            listener.join()
    before_ready = states[: states.index("READY=1")]
    # Two half-second pauses with no window at all: pinged all along, about every 0.05 s.
    assert before_ready.count("WATCHDOG=1") >= 10, states
    assert states[-1] == "STOPPING=1"


@pytest.mark.parametrize("command", [["run"], ["demo"]])
def test_on_windows_the_kiosk_runs_without_its_supervisor(monkeypatch, tmp_path, command):
    # select() on pipes and process groups are POSIX: on Windows the Task Scheduler task
    # restarts the kiosk instead, and `kiosk run` starts the window itself.
    from kiosk import app, cli

    started = []
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(cli, "build_demo", lambda *a, **k: None, raising=False)
    monkeypatch.setattr(app, "run", lambda *a: started.append(a[2]) or 0)
    monkeypatch.setattr("kiosk.supervisor.supervisor.Supervisor.run", lambda self: 1 / 0)
    assert cli._start(cli.build_parser().parse_args(command), Paths(tmp_path), Paths(tmp_path)) == 0
    (options,) = started
    assert options.heartbeat_fd is None and options.start_at is None


def test_the_catalogue_is_upgraded_in_a_fork_and_a_newer_one_refused(tmp_path) -> None:
    import shutil
    import sqlite3

    from kiosk.catalog.schema import KNOWN
    from kiosk.cli import _upgrade_apart
    from kiosk.errors import KioskError

    old = tmp_path / "old.sqlite"
    shutil.copyfile(Path(__file__).parent / "data" / "catalogue-0.1.0.sqlite", old)
    _upgrade_apart(old)
    with sqlite3.connect(old) as conn:
        applied = {r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations")}
    assert applied >= KNOWN  # runs, changes … are there for the supervisor's plain sqlite3
    assert RunLog.open(old).runs() == []
    with sqlite3.connect(old) as conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('qingfeng', '9999_future', '2030-01-01')"
        )
    with pytest.raises(KioskError, match="newer version of Qingfeng Kiosk"):
        _upgrade_apart(old)
