"""The kiosk's fleet chores: bundles from the watch folder through the real ``kiosk
import`` (a stranger's refused and not tried again, a file that is no bundle left alone),
and the records written to the records folder every hour and once more after midnight."""

from __future__ import annotations

import logging
from datetime import date

from kiosk.bundles.keys import read_secret, write_pair
from kiosk.bundles.pack import make_bundle
from kiosk.catalog import Catalogue
from kiosk.fleet.chores import Chores
from kiosk.fleet.watch import WatchFolder
from kiosk.reporting.export import write_daily_records
from kiosk.reporting.records import find_sets
from kiosk.settings import Settings

from factories import make_image


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_strangers_bundle_is_refused_once_and_a_stray_file_left_alone(tmp_path, paths, caplog):
    write_pair(tmp_path / "stranger")
    content = tmp_path / "content"
    make_image(content / "海报" / "清风.jpg", (800, 600))
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    make_bundle(
        [content],
        read_secret(next((tmp_path / "stranger").glob("*.secret"))),
        inbox / "2027-01.bundle",
    )
    (inbox / "notes.txt").write_text("not a bundle", "utf-8")
    clock = Clock()
    watch = WatchFolder(inbox, tmp_path / "state.json", settle_s=1.0, clock=clock)
    chores = Chores(paths.data_dir, watch, clock=clock)
    with caplog.at_level(logging.INFO, logger="kiosk.fleet.chores"):
        assert chores.poll_once() == []  # just seen
        clock.now += 2
        assert [(p.name, o) for p, o in chores.poll_once()] == [("2027-01.bundle", "refused")]
        clock.now += 2
        assert chores.poll_once() == []  # neither tried again
    said = [r.getMessage() for r in caplog.records]
    refusal = [s for s in said if "2027-01.bundle was not imported" in s]
    assert len(refusal) == 1 and ("未被本机信任" in refusal[0] or "does not trust" in refusal[0])
    assert len([s for s in said if "notes.txt is not a signed bundle" in s]) == 1
    with Catalogue.open(paths.catalogue) as cat:
        assert cat.counts() == {}


def test_records_are_written_every_hour_and_yesterdays_again_after_midnight(tmp_path, paths):
    settings = Settings().with_overrides(exhibition={"kiosk_name": "hall-1"})
    out = tmp_path / "records"
    written: list[date] = []

    def records(day: date):
        written.append(day)
        with Catalogue.open(paths.catalogue) as cat:
            return write_daily_records(cat, settings, out, day)

    clock, today = Clock(), [date(2027, 1, 31)]
    chores = Chores(paths.data_dir, None, records, clock=clock, today=lambda: today[0])
    chores.poll_once()  # at the start
    clock.now += 1800
    chores.poll_once()  # not yet due
    clock.now += 1800
    chores.poll_once()  # an hour later
    today[0] = date(2027, 2, 1)
    clock.now += 60
    chores.poll_once()  # past midnight: yesterday's last hours, and today's
    assert written == [date(2027, 1, 31)] * 2 + [date(2027, 1, 31), date(2027, 2, 1)]
    sets, problems = find_sets([out])
    assert problems == []
    assert sorted(s.header.first for s in sets) == ["2027-01-31", "2027-02-01"]
