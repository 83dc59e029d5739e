"""A report from what the real kiosk recorded: the supervised kiosk runs under Xvfb, is
killed once (a crash) and comes back, and is stopped; ``kiosk report`` then counts exactly
the showings and runs it wrote, and its daily record file gives the same report."""

from __future__ import annotations

import signal
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from test_supervisor_e2e import (
    interrupt,
    make_content,
    plays,
    runs,
    start,
    stop_and_check_nothing_is_left,
    wait_for,
)

from kiosk import settings as settings_mod
from kiosk.catalog import Catalogue
from kiosk.reporting.export import write_daily_records
from kiosk.reporting.xlsx import sheet_title
from kiosk.strings import tr

from commands import kiosk
from needs import needs

pytestmark = [pytest.mark.e2e, pytest.mark.slow, pytest.mark.x11, pytest.mark.timeout(300)]

ZONE = "Asia/Shanghai"


def rows(found: dict, key: str) -> list[tuple]:
    return found[sheet_title(key)][1:]


def sheets(path) -> dict:
    wb = openpyxl.load_workbook(path, read_only=True)
    found = {ws.title: [tuple(r) for r in ws.iter_rows(values_only=True)] for ws in wb}
    wb.close()
    return found


def test_the_report_counts_what_the_real_kiosk_recorded(tmp_path, paths) -> None:
    needs("xvfb")
    make_content(tmp_path, paths)
    with paths.config_file.open("a", encoding="utf-8") as f:
        f.write(f'\n[exhibition]\nkiosk_name = "e2e-hall"\ntime_zone = "{ZONE}"\n')
    proc = start(paths)
    try:
        _killed_at, _second = interrupt(paths, proc, signal.SIGKILL)
        shown_before = len(plays(paths))
        wait_for(lambda: len(plays(paths)) > shown_before, 60, proc, paths)
    finally:
        if proc.poll() is None:
            stop_and_check_nothing_is_left(proc, paths)
    recorded, ran = plays(paths), runs(paths)
    assert len(ran) == 2 and ran[0]["ended_how"] == "crash"

    today = datetime.now(UTC).astimezone(ZoneInfo(ZONE)).date()
    span = ["--from", str(today - timedelta(days=1)), "--to", str(today + timedelta(days=1))]
    out = tmp_path / "out"
    done = kiosk(paths.data_dir, "report", *span, "--out", str(out), "--lang", "zh")
    assert done.returncode == 0, done.stderr
    (xlsx,) = out.glob("report-e2e-hall-*.xlsx")
    found = sheets(xlsx)
    opening = dict(rows(found, "rep_opening"))
    assert opening[tr("rep_runs", "zh")] == 2
    # on screen for seconds of the hours open so far: known (a number), not "unknown"
    assert isinstance(opening[tr("rep_share_screen", "zh")], float)
    (crash,) = rows(found, "rep_crashes")
    assert crash[1:] == ("崩溃", f"signal {int(signal.SIGKILL)}")
    loop = [p for p in recorded if p["context"] == "loop"]
    assert sum(n for _kind, n, _minutes in rows(found, "rep_loop_kinds")) == len(loop)
    shown = {(k, n) for k, _t, _kind, n in rows(found, "rep_loop_top")}
    for key in {p["item_key"] for p in loop}:
        assert (key, sum(p["item_key"] == key for p in loop)) in shown

    # the same from the day's record file, as the office would read it
    settings = settings_mod.load(paths.config_file)[0]
    with Catalogue.open(paths.catalogue) as catalogue:
        for day in (today - timedelta(days=1), today, today + timedelta(days=1)):
            write_daily_records(catalogue, settings, tmp_path / "records", day)
    out2 = tmp_path / "out2"
    done = kiosk(paths.data_dir, "report", *span, "--out", str(out2), "--records",
                 str(tmp_path / "records"), "--lang", "zh")  # fmt: skip
    assert done.returncode == 0, done.stderr
    (again,) = out2.glob("report-e2e-hall-*.xlsx")
    from_records = sheets(again)
    # Opening time runs up to when each report was made (seconds apart): the share differs.
    assert rows(from_records, "rep_opening")[-1] == rows(found, "rep_opening")[-1]  # starts
    skip = {next(iter(found)), sheet_title("rep_opening")}
    assert {k: v for k, v in from_records.items() if k not in skip} == {
        k: v for k, v in found.items() if k not in skip
    }
