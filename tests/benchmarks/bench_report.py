"""The county report from a year of records of several kiosks: time and peak memory.

    .venv/bin/python tests/benchmarks/bench_report.py [--kiosks 5] [--showings 3000000]
        [--visits 300000] [--keep DIR]

Writes, per kiosk, a year's record export (kiosk.reporting.records: UTF-8 CSV and a
header, as ``export_records`` writes them) with its share of the showings and visits
spread over the opening hours, one run a day, some content changes, quiz rounds (20 a day
of 5 questions, one group contest) and pledge signatures (10 a day); then runs the real
``kiosk report --records … --from … --to …`` in a child process and prints its wall time
and peak resident memory (the child's, from getrusage) against the targets of issue #12:
at most 10 s and 300 MB.  Writing the records is not timed.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from kiosk.reporting.records import FORMAT, HEADER, TABLES, csv_name  # noqa: E402

YEAR = 2026
ZONE = ZoneInfo("Asia/Shanghai")
TARGET_S, TARGET_MB = 10.0, 300.0
KINDS = {"poster": 60, "calligraphy": 40, "aphorism": 30, "photo": 40, "film": 12}
QUESTIONS = 40  # the quiz's question bank
ROUNDS, ASKED, SIGNED = 20, 5, 10  # visitors' quiz rounds, questions each, signatures a day
SCREENS = ["home", "films", "film", "gallery", "history", "item", "search", "timeline"]
LANGUAGES = ["zh", "zh", "zh", "en", "zh,en"]


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


def write_kiosk(folder: Path, kiosk: str, showings: int, visits: int, rng: random.Random) -> None:
    """One kiosk's year as a record set in ``folder``."""
    folder.mkdir(parents=True)
    items = [(f"{kind}-{n:03d}", kind) for kind, count in KINDS.items() for n in range(count)]
    days = [date(YEAR, 1, 1) + timedelta(days=n) for n in range(365)]
    open_days = [d for d in days if d.weekday() != 0]
    rows = {t: 0 for t in TABLES}
    writers, files = {}, {}
    for table in TABLES:
        files[table] = (folder / csv_name(table)).open("w", encoding="utf-8-sig", newline="")
        writers[table] = csv.writer(files[table])
        writers[table].writerow(TABLES[table])
    questions = [f"question-{n:03d}" for n in range(QUESTIONS)]
    for key, kind in [*items, *((q, "question") for q in questions)]:
        writers["items"].writerow([key, kind, f"展品{key}", f"Item {key}"])
        rows["items"] += 1
    rounds = 0
    per_day_s, per_day_v = showings // len(open_days), visits // len(open_days)
    extra_s, extra_v = showings % len(open_days), visits % len(open_days)
    sid = 0
    for n, day in enumerate(open_days):
        opens = datetime(day.year, day.month, day.day, 9, tzinfo=ZONE)
        run_start = opens - timedelta(minutes=5)
        writers["runs"].writerow(
            [
                _iso(run_start),
                _iso(run_start + timedelta(seconds=8)),
                _iso(opens + timedelta(hours=8)),
                _iso(opens + timedelta(hours=8, minutes=5)),
                "stop",
                "",
                "15",
                "0",
                "",
                "",
            ]
        )
        rows["runs"] += 1
        count = per_day_s + (1 if n < extra_s else 0)
        step = 8 * 3600 / count
        for k in range(count):
            key, kind = items[rng.randrange(len(items))]
            start = opens + timedelta(seconds=k * step)
            seconds = 120.0 if kind == "film" else 10.0
            outcome = "completed" if rng.random() < 0.9 else "skipped"
            context = "visitor" if rng.random() < 0.1 else "loop"
            writers["plays"].writerow(
                [
                    _iso(start),
                    _iso(start + timedelta(seconds=seconds)),
                    seconds,
                    context,
                    outcome,
                    "",
                    key,
                    "",
                ]
            )
        rows["plays"] += count
        count = per_day_v + (1 if n < extra_v else 0)
        for k in range(count):
            sid += 1
            start = opens + timedelta(seconds=k * 8 * 3600 / count)
            length = rng.randint(20, 400)
            screens = ";".join(rng.sample(SCREENS, 3))
            languages = rng.choice(LANGUAGES)
            large = 1 if rng.random() < 0.1 else 0
            writers["sessions"].writerow(
                [
                    sid,
                    _iso(start),
                    _iso(start + timedelta(seconds=length)),
                    screens,
                    languages,
                    large,
                ]
            )
        rows["sessions"] += count
        if n % 7 == 0:
            key, kind = items[n % len(items)]
            writers["changes"].writerow(
                [
                    _iso(opens),
                    "changed",
                    "bundle",
                    "bundle-2026",
                    key,
                    kind,
                    f"展品{key}",
                    "",
                    "title_zh",
                ]
            )
            rows["changes"] += 1
        for k in range(ROUNDS + 1):  # the last: a guide's group contest
            rounds += 1
            start = opens + timedelta(minutes=20 * k)
            mode = "group" if k == ROUNDS else "visitor"
            right = [rng.random() < 0.7 for _ in range(ASKED)]
            for q, ok in zip(rng.sample(questions, ASKED), right, strict=True):
                answer = "" if mode == "group" else int(ok)
                writers["quiz_answers"].writerow([rounds, q, _iso(start), answer])
            writers["quiz_rounds"].writerow(
                [rounds, _iso(start), _iso(start + timedelta(minutes=3)), mode, ASKED,
                 sum(right) if mode == "visitor" else 0, "zh"]
            )  # fmt: skip
        rows["quiz_rounds"] += ROUNDS + 1
        rows["quiz_answers"] += (ROUNDS + 1) * ASKED
        for k in range(SIGNED):
            writers["signatures"].writerow([_iso(opens + timedelta(minutes=45 * k))])
        rows["signatures"] += SIGNED
    for f in files.values():
        f.close()
    header = {
        "format": FORMAT,
        "kiosk": kiosk,
        "exhibition_zh": "清风展陈",
        "exhibition_en": "Qingfeng",
        "time_zone": "Asia/Shanghai",
        "first": f"{YEAR}-01-01",
        "last": f"{YEAR}-12-31",
        "made_at": _iso(datetime(YEAR + 1, 1, 1, 1, tzinfo=ZONE)),
        "runs_since": "",
        "changes_since": "",
        "rows": rows,
        "version": "bench",
        "hours": {
            "mon": "closed",
            **{d: "09:00-17:00" for d in ("tue", "wed", "thu", "fri", "sat", "sun")},
        },
    }
    (folder / HEADER).write_text(json.dumps(header, ensure_ascii=False), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kiosks", type=int, default=5)
    parser.add_argument("--showings", type=int, default=3_000_000, help="in all kiosks")
    parser.add_argument("--visits", type=int, default=300_000, help="in all kiosks")
    parser.add_argument("--keep", metavar="DIR", help="write the records and report here")
    args = parser.parse_args()
    base = Path(args.keep or tempfile.mkdtemp(prefix="bench-report-"))
    records = base / "records"
    rng = random.Random(12)
    if not records.exists():
        t = time.perf_counter()
        for n in range(args.kiosks):
            write_kiosk(
                records / f"kiosk-{n + 1}",
                f"kiosk-{n + 1}",
                args.showings // args.kiosks,
                args.visits // args.kiosks,
                rng,
            )
        size = sum(f.stat().st_size for f in records.rglob("*")) / 1e6
        print(
            f"records: {args.kiosks} kiosks, {args.showings:,} showings, {args.visits:,} "
            f"visits, {size:.0f} MB of CSV, written in {time.perf_counter() - t:.1f} s"
        )
    command = [
        sys.executable,
        "-m",
        "kiosk",
        "--data-dir",
        str(base / "data"),
        "report",
        "--from",
        f"{YEAR}-01-01",
        "--to",
        f"{YEAR}-12-31",
        "--out",
        str(base / "out"),
        "--lang",
        "en",
        "--records",
        str(records),
    ]
    t = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    wall = time.perf_counter() - t
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    if done.returncode != 0:
        print(done.stdout, done.stderr)
        return 1
    print(done.stdout.strip())
    ok_t, ok_m = wall <= TARGET_S, peak_mb <= TARGET_MB
    print(
        f"county report: {wall:.2f} s (target ≤ {TARGET_S:g} s: {'met' if ok_t else 'MISSED'}), "
        f"peak {peak_mb:.0f} MB (target ≤ {TARGET_MB:g} MB: {'met' if ok_m else 'MISSED'})"
    )
    return 0 if ok_t and ok_m else 1


if __name__ == "__main__":
    sys.exit(main())
