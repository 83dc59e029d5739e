"""The watch folder: a bundle is imported once it has arrived completely, never twice."""

from __future__ import annotations

import logging
import os
import shutil

from kiosk.fleet.watch import WatchFolder, is_temporary


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def watcher(tmp_path, clock) -> WatchFolder:
    return WatchFolder(tmp_path / "in", tmp_path / "state.json", settle_s=5.0, clock=clock)


def test_a_file_is_ready_once_it_stopped_changing(tmp_path):
    clock = Clock()
    (tmp_path / "in").mkdir()
    watch = watcher(tmp_path, clock)
    bundle = tmp_path / "in" / "2027-01.bundle"
    bundle.write_bytes(b"a" * 100)
    assert watch.ready() == []  # just seen
    clock.now += 3
    with bundle.open("ab") as f:  # still being written
        f.write(b"b" * 100)
    assert watch.ready() == []
    clock.now += 4
    assert watch.ready() == []  # 4 s since the last change
    clock.now += 2
    assert watch.ready() == [bundle]


def test_temporary_and_hidden_files_are_never_content(tmp_path):
    assert is_temporary(".syncthing.2027-01.bundle.tmp")
    assert is_temporary("~syncthing~2027-01.bundle.tmp")
    assert is_temporary(".stfolder") and is_temporary("x.bundle.part")
    assert not is_temporary("2027-01.bundle")
    clock = Clock()
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / ".syncthing.a.bundle.tmp").write_bytes(b"x")
    (tmp_path / "in" / "empty.bundle").write_bytes(b"")  # nothing yet
    (tmp_path / "in" / "sub").mkdir()
    watch = watcher(tmp_path, clock)
    watch.ready()
    clock.now += 10
    assert watch.ready() == []


def test_done_files_are_remembered_across_restarts_and_a_changed_one_is_tried_again(tmp_path):
    clock = Clock()
    (tmp_path / "in").mkdir()
    first, second = tmp_path / "in" / "a.bundle", tmp_path / "in" / "b.bundle"
    first.write_bytes(b"1")
    os.utime(first, ns=(10**18, 10**18))
    second.write_bytes(b"2")
    os.utime(second, ns=(2 * 10**18, 2 * 10**18))
    watch = watcher(tmp_path, clock)
    watch.ready()
    clock.now += 6
    assert watch.ready() == [first, second]  # oldest first
    watch.done(first, "imported")
    watch.done(second, "refused")
    again = watcher(tmp_path, clock)  # the kiosk restarted
    again.ready()
    clock.now += 6
    assert again.ready() == [] and again.outcome("b.bundle") == "refused"
    second.write_bytes(b"22")  # the office sent it again, fixed
    again.ready()
    clock.now += 6
    assert again.ready() == [second]


def test_a_folder_that_goes_away_is_said_once_and_found_again(tmp_path, caplog):
    clock = Clock()
    watch = watcher(tmp_path, clock)
    with caplog.at_level(logging.INFO, logger="kiosk.fleet.watch"):
        assert watch.ready() == [] and watch.ready() == []
        (tmp_path / "in").mkdir()
        (tmp_path / "in" / "a.bundle").write_bytes(b"1")
        watch.ready()
        shutil.rmtree(tmp_path / "in")
        watch.ready()
    said = [r.getMessage() for r in caplog.records]
    assert len([s for s in said if "cannot be read" in s]) == 2  # once per absence
    assert len([s for s in said if "is back" in s]) == 1
