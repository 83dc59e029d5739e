"""The supervisor's loop: start the kiosk, watch its heartbeat, start it again.

See the package docstring. The child's command line is built by the caller
(``command(fd, plan)``), the runs are written through ``RunLog``, and both
clocks are passed in.
"""

from __future__ import annotations

import logging
import os
import select
import signal
import sqlite3
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from kiosk.catalog.runs import RunLog
from kiosk.settings import Supervisor as SupervisorSettings
from kiosk.supervisor.child import Child
from kiosk.supervisor.notify import Notifier
from kiosk.supervisor.policy import Backoff, Resume, SafeMode, resume_at
from kiosk.supervisor.protocol import EXIT_OPERATOR, BeatReader

log = logging.getLogger(__name__)

#: The last heartbeat is written to the runs table at most this often (seconds).
BEAT_RECORD_S = 60.0
#: Seconds between the supervisor's own pings of systemd's watchdog (WatchdogSec is 60).
PING_S = 10.0


def _utc_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def _status(code: int | None) -> str:
    return f"signal {-code}" if code is not None and code < 0 else f"status {code}"


@dataclass(frozen=True)
class Plan:
    """How the next child starts."""

    safe_since: str | None  # in safe mode since then (UTC), or None
    resume: Resume


@dataclass
class Outcome:
    how: str  # a kiosk.catalog.runs ending
    code: int | None = None  # the exit status (negative: the signal)
    first_frame: bool = False
    last_key: str | None = None
    last_beat_at: str | None = None
    showing_since: str | None = None  # the loop's item at the last beat began then


class Supervisor:
    """Runs kiosk children one after another until stopped; see the module docstring."""

    def __init__(
        self,
        command: Callable[[int, Plan], Sequence[str]],
        runs: RunLog,
        settings: SupervisorSettings,
        *,
        notifier: Notifier | None = None,
        env: dict[str, str] | None = None,
        mono: Callable[[], float] = time.monotonic,
        wall: Callable[[], str] = _utc_iso,
    ) -> None:
        self.command, self.runs, self.settings = command, runs, settings
        self.notifier = notifier or Notifier()
        self.env = env
        self._mono, self._wall = mono, wall
        self.safe = SafeMode(
            settings.safe_after_crashes, settings.crash_window_s, settings.safe_mode_s, clock=mono
        )
        self.backoff = Backoff()
        self.resume = Resume(None)
        self.safe_since: str | None = None
        self._stopping = False
        self._ready_sent = False
        self._pinged = -PING_S  # the first check pings
        self._wake_r, self._wake_w = os.pipe()
        for fd in (self._wake_r, self._wake_w):
            os.set_blocking(fd, False)

    # ------------------------------------------------------------------ loop
    def run(self) -> int:
        """Until a signal or the operator's exit: 0."""
        lost = self._record(self.runs.close_left_open, self._wall())
        if lost:
            log.warning("%d earlier run(s) ended without the supervisor: recorded as lost", lost)
        previous = self._catch_signals()
        try:
            attempt = 0
            while not self._stopping:
                attempt += 1
                outcome = self._one_run(attempt)
                if outcome.how in ("exit", "stop") or self._stopping:
                    break
                if outcome.how == "failed-start":
                    delay = self.backoff.next_delay()
                    log.error(
                        "the kiosk did not start (%s); trying again in %.0f s",
                        _status(outcome.code),
                        delay,
                    )
                    self._pause(delay)
                else:
                    self.backoff.reset()
        finally:
            self.notifier.stopping()
            for signum, handler in previous.items():
                signal.signal(signum, handler)
            signal.set_wakeup_fd(-1)
            os.close(self._wake_r)
            os.close(self._wake_w)
        log.info("supervisor stopped")
        return 0

    def plan(self) -> Plan:
        if not self.safe.active and self.safe_since is not None:
            log.warning("safe mode since %s is over: films are tried again", self.safe_since)
            self.safe_since = None
        return Plan(self.safe_since, self.resume)

    def _one_run(self, attempt: int) -> Outcome:
        plan = self.plan()
        started_at, started = self._wall(), self._mono()
        child = Child(lambda fd: self.command(fd, plan), self.env)
        run_id = self._record(
            self.runs.start,
            pid=child.pid,
            safe_since=plan.safe_since,
            resume_key=plan.resume.key,
            started_at=started_at,
        )
        log.info(
            "kiosk started (attempt %d, pid %d%s%s)",
            attempt,
            child.pid,
            ", safe mode: stills only" if plan.safe_since else "",
            f", resuming at {plan.resume.key}" if plan.resume.key else "",
        )
        try:
            outcome = self._watch(child, run_id, started)
        finally:
            child.close()
        self._record_end(run_id, started_at, outcome)
        return outcome

    def _watch(self, child: Child, run_id: int, started: float) -> Outcome:
        out = Outcome("crash")
        reader = BeatReader()
        last_beat = started
        recorded = started
        while True:
            if out.first_frame:
                deadline = last_beat + max(1.0, self.settings.hang_s)
            else:
                deadline = started + max(1.0, self.settings.start_timeout_s)
            self._alive()
            left = deadline - self._mono()
            if left <= 0:
                waited = self.settings.hang_s if out.first_frame else self.settings.start_timeout_s
                log.error("the kiosk gave no sign of life for %.0f s: restarting it", waited)
                out.how, out.code = "hang", child.kill()
                return out
            ready, _, _ = select.select([child.fd, self._wake_r], [], [], min(left, PING_S))
            if self._wake_r in ready:
                self._drain_wake()
                if self._stopping:
                    out.how, out.code = "stop", child.stop()
                    return out
            if child.fd not in ready:
                continue
            data = child.read()
            if not data:  # the child is gone, or going
                out.code = child.wait(timeout=5.0)
                out.how = self._ending(out.code, out.first_frame)
                return out
            for beat in reader.feed(data):
                last_beat, out.last_beat_at = self._mono(), self._wall()
                out.last_key = beat.key or out.last_key
                out.showing_since = beat.since
                if beat.frame and not out.first_frame:
                    out.first_frame = True
                    self._record(self.runs.first_frame, run_id, out.last_beat_at)
                    log.info("first frame %.2f s after the start", last_beat - started)
                    if not self._ready_sent:
                        self._ready_sent = self.notifier.ready()
                if last_beat - recorded >= BEAT_RECORD_S:
                    recorded = last_beat
                    self._record(self.runs.beat, run_id, out.last_beat_at, out.last_key)

    @staticmethod
    def _record(write: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Write to the runs table; a full disk or a locked catalogue never stops restarts."""
        if args and args[0] is None:  # the run's row could not be written
            return None
        try:
            return write(*args, **kwargs)
        except sqlite3.Error as e:
            log.error("could not record the run in the catalogue: %s", e)
            return None

    @staticmethod
    def _ending(code: int, first_frame: bool) -> str:
        if code == EXIT_OPERATOR:
            return "exit"
        if code == 0:
            return "stop"
        return "crash" if first_frame else "failed-start"

    def _record_end(self, run_id: int, started_at: str, out: Outcome) -> None:
        code, ended_at = out.code, self._wall()
        self._record(
            self.runs.end,
            run_id,
            out.how,
            exit_code=code if code is not None and code >= 0 else None,
            signal=-code if code is not None and code < 0 else None,
            last_key=out.last_key,
            last_beat_at=out.last_beat_at,
            ended_at=ended_at,
        )
        if out.how in ("crash", "hang") and out.last_key and out.showing_since:
            self._record(self.runs.cut_short, out.last_key, out.showing_since, ended_at, out.how)
        closed = self._record(
            self.runs.end_visits_left_open, started_at, out.last_beat_at or started_at
        )
        if closed:
            log.info("%d visitor session(s) left open ended at the last heartbeat", closed)
        if out.how in ("exit", "stop"):
            how = "the operator's exit" if out.how == "exit" else "a stop"
            log.info("the kiosk ended by %s (status %s)", how, code)
            return
        if out.how != "failed-start":  # that one is said with the pause before the next try
            log.error("the kiosk ended: %s (%s)", out.how, _status(code))
        abnormal = out.how in ("crash", "hang")
        self.resume = resume_at(out.last_key, self.resume, abnormal)
        if abnormal and self.safe.crashed():
            self.safe_since = self._wall()
            log.error(
                "safe mode: %d crashes within %.0f minutes; stills only (no films) for %.0f "
                "minutes",
                self.settings.safe_after_crashes,
                self.settings.crash_window_s / 60,
                self.settings.safe_mode_s / 60,
            )

    # --------------------------------------------------------------- signals
    def _catch_signals(self) -> dict[int, object]:
        previous = {}

        def stop(signum: int, frame: object) -> None:
            self._stopping = True

        for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
            previous[signum] = signal.signal(signum, stop)
        signal.set_wakeup_fd(self._wake_w)  # a signal wakes the select() below
        return previous

    def stop(self) -> None:
        """Stop from the same process (tests): as a SIGTERM would."""
        self._stopping = True
        os.write(self._wake_w, b"\0")

    def _drain_wake(self) -> None:
        try:
            while os.read(self._wake_r, 512):
                pass
        except BlockingIOError:
            pass

    def _alive(self) -> None:
        """Tell systemd's watchdog (if any) that the supervisor itself is running, every
        ``PING_S``: it watches the supervisor, which watches the kiosk window (so a child that
        is starting, or a start that is retried after a pause, never trips the watchdog)."""
        now = self._mono()
        if now - self._pinged >= PING_S:
            self._pinged = now
            self.notifier.watchdog()

    def _pause(self, seconds: float) -> None:
        """Sleep, but wake at once for a stop."""
        end = self._mono() + seconds
        while not self._stopping and (left := end - self._mono()) > 0:
            self._alive()
            ready, _, _ = select.select([self._wake_r], [], [], min(left, PING_S))
            if ready:
                self._drain_wake()
