"""Idle logic, the hidden gesture and proof-of-play records: plain Python, fake clocks."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from kiosk.idle import HoldDetector, IdleTracker
from kiosk.records import Recorder


class Clock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


def test_idle_expires_after_timeout_and_touch_restarts_it():
    clock = Clock()
    idle = IdleTracker(90, clock)
    clock.t += 89
    assert not idle.expired()
    idle.touch()
    clock.t += 89
    assert not idle.expired()
    clock.t += 1
    assert idle.expired()


def test_hold_in_corner_fires_once_and_only_in_the_corner():
    clock = Clock()
    hold = HoldDetector(150, 3.0, clock)
    hold.press(20, 30)
    clock.t += 2.9
    assert not hold.held()
    clock.t += 0.2
    assert hold.held()
    assert not hold.held()  # once
    hold.press(20, 30)
    hold.move(400, 30)  # wandered out of the corner
    clock.t += 5
    assert not hold.held()
    hold.press(500, 500)  # not a corner
    clock.t += 5
    assert not hold.held()
    hold.press(10, 10)
    hold.release()
    clock.t += 5
    assert not hold.held()


def test_showings_and_sessions_are_recorded_exactly(catalogue):
    item_id, _ = catalogue.upsert_item({"key": "p1", "kind": "aphorism", "title_zh": "清"})
    item = catalogue.item(item_id)
    mono = Clock()
    start = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)
    wall = {"now": start}
    rec = Recorder(catalogue, wall=lambda: wall["now"], mono=mono)

    showing = rec.begin(item, "loop")
    mono.t += 12.5
    wall["now"] = start + timedelta(seconds=12.5)
    rec.end(showing, "completed")
    rec.end(showing, "skipped")  # a second end is ignored

    rec.session_start()
    rec.session_screen("home")
    rec.session_screen("home")
    rec.session_screen("aphorisms")
    showing = rec.begin(item, "visitor")
    mono.t += 3
    rec.end(showing, "skipped", "visitor left")
    rec.session_end()

    plays = catalogue.plays()
    assert [(p["context"], p["outcome"], p["seconds"]) for p in plays] == [
        ("loop", "completed", 12.5),
        ("visitor", "skipped", 3.0),
    ]
    assert plays[0]["started_at"] == "2026-11-21T09:00:00.000+00:00"
    assert plays[0]["session_id"] is None and plays[1]["session_id"] is not None
    (session,) = catalogue.db["sessions"].rows
    assert session["screens"] == '["home", "aphorisms"]'
    assert session["ended_at"] is not None


def test_a_visit_records_its_languages_in_order_and_whether_large_text_was_on(catalogue):
    rec = Recorder(catalogue)
    rec.session_choice("en", True)  # no visit in progress: nothing to record
    rec.session_start()
    rec.session_choice("zh", False)
    rec.session_choice("en", False)
    rec.session_choice("en", True)
    rec.session_choice("zh", False)  # back to Chinese, large text off again
    rec.session_end()
    rec.session_start()
    rec.session_choice("zh", False)
    rec.session_end()
    rec.session_start()  # a visit nobody told the choices of: not known, never guessed
    rec.session_end()
    rows = catalogue.db.execute("SELECT languages, large_text FROM sessions ORDER BY id")
    assert rows.fetchall() == [("zh,en", 1), ("zh", 0), (None, None)]
