"""A synthetic month of records with known totals, written through the kiosk's own APIs.

November 2026 in Asia/Shanghai (UTC+8): the hall opens 09:00-17:00 every day but Monday
(25 open days, 200 hours).  Every open day one supervised run covers the hours, except
on 10 November: a crash at 13:00, and the next run (in safe mode) on screen from 14:30,
so 90 minutes are lost.  Visits (with their languages and large text), showings and
content changes, quiz rounds and pledge signatures follow simple rules whose totals are
spelt out in ``EXPECTED``; records just outside the month must not count.
"""

from __future__ import annotations

import json
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from unittest import mock
from zoneinfo import ZoneInfo

import openpyxl

from kiosk.catalog import Catalogue
from kiosk.catalog.changes import ChangeLog
from kiosk.catalog.quiz import QuizLog, question_of
from kiosk.catalog.runs import RunLog
from kiosk.catalog.visits import VisitLog
from kiosk.pledge.signature import Signature
from kiosk.pledge.store import Signatures
from kiosk.reporting.xlsx import sheet_title
from kiosk.settings import Settings
from kiosk.strings import tr

ZONE = ZoneInfo("Asia/Shanghai")
MONTH = "2026-11"
DAYS = [date(2026, 11, d) for d in range(1, 31)]
OPEN_DAYS = [d for d in DAYS if d.weekday() != 0]  # Mondays closed
OUTAGE_DAY = date(2026, 11, 10)
FILM, POSTER, BROKEN = "film-a", "poster-a", "photo-x"
EASY, HARD = "q-bao-zheng", "q-hai-rui"  # questions: one mostly right, one always missed
QUIZ_DAYS = 10  # a visitor's round on each of the first ten open days

SETTINGS = Settings().with_overrides(
    exhibition={"kiosk_name": "hall-1", "time_zone": "Asia/Shanghai"},
    hours={
        "mon": "closed",
        **{d: "09:00-17:00" for d in ("tue", "wed", "thu", "fri", "sat", "sun")},
    },
)

# visits per open day: (local hour, how many, seconds each, screens, languages, large text)
VISITS = [(10, 2, 60, ["home", "films"], ["zh"], False),
          (11, 1, 120, ["home", "gallery"], ["en", "zh"], True),
          (15, 3, 30, ["home", "gallery"], ["en"], False)]  # fmt: skip

EXPECTED = {
    "days_open": 25,
    "hours_open": 200.0,
    "hours_screen": 198.5,
    "share": round(198.5 / 200, 4),
    "runs": 26,
    # 150 visits by the rule, one early on 1 November (07:30 local, 23:30 UTC the day before)
    "visits": 151,
    "visits_nov1": 7,
    "visit_avg": round((25 * (2 * 60 + 120 + 3 * 30) + 40) / 151, 1),
    "visit_median": 40.0,
    "screens": {"home": 151, "gallery": 100, "films": 50},
    # by the languages used, of the 150 visits that recorded them (the early one did not)
    "lang_zh": 50,
    "lang_en": 75,
    "lang_both": 25,
    "large_text": 25,
    "choices_unknown": 1,
    # film-a: 4 loop showings a day (3 completed of 100 s, 1 skipped after 40 s); visitors: one
    # completed a day, and one skipped after 20 s every fifth open day
    "film": {
        "loop_started": 100,
        "loop_completed": 75,
        "visitor_started": 30,
        "visitor_completed": 25,
        "minutes": round((75 * 100 + 25 * 40 + 25 * 100 + 5 * 20) / 60, 1),
        "rate": round(100 / 130, 4),
    },
    "poster_loop": 250,  # 10 a day, 10 s each
    "broken": 3,  # photo-x failed three times on 20 November
    "changes": 3,
    "outage": (datetime(2026, 11, 10, 13, 0), datetime(2026, 11, 10, 14, 30), 90.0),
    # the quiz: ten rounds of two questions (one right, one wrong), one more started at
    # 23:59 on 30 November and answered after midnight (one question, wrong); one round
    # left unfinished, one group contest
    "quiz": {
        "rounds": 11,
        "unfinished": 1,
        "answered": 21,  # questions in the finished rounds
        "correct": 10,
        "average": round(10 / 21 * 100, 1),
        "groups": 1,
        # (key, title, answered, missed): the unfinished round's wrong answer counts
        "missed": [(HARD, "海瑞是哪个朝代的官员？", 11, 11), (EASY, "包拯是哪个朝代的人？", 11, 1)],
    },
    "signed": 25,  # one signature on every open day
    "safe": datetime(2026, 11, 10, 14, 29, 50),
}


def _utc(day: date, hour: int, minute: int = 0, second: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=ZONE).astimezone(UTC)


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="milliseconds")


def _item(catalogue: Catalogue, key: str, kind: str, title: str) -> dict:
    item_id, _new = catalogue.upsert_item({"key": key, "kind": kind, "title_zh": title})
    return catalogue.item(item_id)


def _play(catalogue, item, start: datetime, seconds: float, context, outcome, reason=None):
    catalogue.record_play(
        item,
        started_at=_iso(start),
        ended_at=_iso(start + timedelta(seconds=seconds)),
        seconds=seconds,
        context=context,
        outcome=outcome,
        reason=reason,
    )


def _visit(catalogue, start: datetime, seconds: float, screens, languages=None, large=None):
    """A visit; without languages and large text, as a version before they were recorded."""
    visits = VisitLog(catalogue)
    sid = visits.start(_iso(start))
    ended = _iso(start + timedelta(seconds=seconds))
    visits.end(sid, screens, ended, languages=languages, large_text=large)


def build(catalogue: Catalogue) -> None:
    """Write the month (and a few records just outside it) into ``catalogue``."""
    film = _item(catalogue, FILM, "film", "警示片甲")
    poster = _item(catalogue, POSTER, "poster", "海报甲")
    broken = _item(catalogue, BROKEN, "photo", "照片乙")
    runs = RunLog(catalogue)
    with catalogue.transaction():
        for n, day in enumerate(OPEN_DAYS):
            _open_day(catalogue, runs, day, n, film, poster)
        for k in range(3):
            at = _utc(date(2026, 11, 20), 9, 30 + k)
            _play(catalogue, broken, at, 0, "loop", "failed", "file missing: x.jpg")
        # recorded before the kiosk kept languages and large text: they are not known
        _visit(catalogue, _utc(date(2026, 11, 1), 7, 30), 40, ["home"])
        # just outside: 31 October 23:00 and 1 December 07:00 local
        _visit(catalogue, _utc(date(2026, 10, 31), 23, 0), 50, ["home"], ["en"], True)
        _visit(catalogue, _utc(date(2026, 12, 1), 7, 0), 50, ["home"], ["zh", "en"], True)
        _play(catalogue, poster, _utc(date(2026, 12, 1), 7, 0), 10, "loop", "completed")
        _play(catalogue, poster, _utc(date(2026, 10, 31), 23, 59), 10, "loop", "completed")
        log = ChangeLog(catalogue, "import")
        log.record("added", film, origin="展品.xlsx 第3行", at=_iso(_utc(date(2026, 11, 2), 8)))
        log.record("added", poster, origin="展品.xlsx 第4行", at=_iso(_utc(date(2026, 11, 2), 8)))
        ChangeLog(catalogue, "panel").record("hidden", broken, at=_iso(_utc(date(2026, 11, 21), 9)))
    _quiz(catalogue)
    _signatures(catalogue)


@contextmanager
def _clock(moments: list[datetime]):
    """The quiz records its own times: here they are the given moments, one per record."""
    left = iter(moments)
    with mock.patch("kiosk.catalog.quiz.now_iso", lambda: _iso(next(left))):
        yield


def _question(catalogue: Catalogue, key: str, title: str, options: list[str]):
    quiz = {"type": "single", "options": [{"zh": o} for o in options], "answer": ["a"]}
    item_id, _new = catalogue.upsert_item(
        {"key": key, "kind": "question", "title_zh": title, "quiz": json.dumps(quiz)}
    )
    return question_of(catalogue.item(item_id))


def _round(log: QuizLog, start: datetime, answers: list, mode: str = "visitor", end=True):
    """A round started at ``start``: (question, right or None) a minute apart, then ended."""
    moments = [start + timedelta(minutes=k) for k in range(len(answers) + 2)]
    with _clock(moments):
        r = log.begin_round(mode, "zh")
        for question, right in answers:
            log.answered(r, question, right)
        if end:
            log.end_round(r)


def _quiz(catalogue: Catalogue) -> None:
    easy = _question(catalogue, EASY, "包拯是哪个朝代的人？", ["北宋", "唐", "明"])
    hard = _question(catalogue, HARD, "海瑞是哪个朝代的官员？", ["明", "宋", "清"])
    log = QuizLog(catalogue)
    for day in OPEN_DAYS[:QUIZ_DAYS]:
        _round(log, _utc(day, 10, 30), [(easy, True), (hard, False)])
    _round(log, _utc(date(2026, 11, 5), 11), [(easy, False), (hard, None)], end=False)
    _round(log, _utc(date(2026, 11, 12), 14), [(easy, None), (hard, None)], mode="group")
    _round(log, _utc(date(2026, 11, 30), 23, 59), [(hard, False)])  # answered on 1 December
    # just outside: 31 October 23:00 and 1 December 08:00 local
    _round(log, _utc(date(2026, 10, 31), 23), [(easy, False)])
    _round(log, _utc(date(2026, 12, 1), 8), [(hard, False)])


def _signatures(catalogue: Catalogue) -> None:
    wall = Signatures(catalogue, folder=None)  # no pictures: the report counts the rows
    name = Signature((((100, 100), (300, 200), (500, 120)),), 1000, 600)
    moments = [_utc(day, 11, 20) for day in OPEN_DAYS]
    moments += [_utc(date(2026, 10, 31), 23, 30), _utc(date(2026, 12, 1), 7)]
    for at in moments:
        wall.add(name, None, _iso(at))


def catalogue_in(folder: Path) -> Path:
    """A catalogue in ``folder`` holding the month; its path."""
    path = folder / "catalogue.sqlite"
    with Catalogue.open(path) as catalogue:
        build(catalogue)
    return path


def _open_day(catalogue, runs: RunLog, day: date, n: int, film, poster) -> None:
    start, end = _utc(day, 8, 55), _utc(day, 17, 5)
    if day == OUTAGE_DAY:
        first = runs.start(pid=1, started_at=_iso(start))
        runs.first_frame(first, _iso(start + timedelta(seconds=10)))
        runs.end(first, "crash", exit_code=1, ended_at=_iso(_utc(day, 13)))
        safe = _iso(_utc(day, 14, 29, 50))
        second = runs.start(pid=2, started_at=safe, safe_since=safe)
        runs.first_frame(second, _iso(_utc(day, 14, 30)))
        runs.end(second, "stop", signal=15, ended_at=_iso(end))
    else:
        run = runs.start(pid=1, started_at=_iso(start))
        runs.first_frame(run, _iso(start + timedelta(seconds=10)))
        runs.end(run, "stop", signal=15, ended_at=_iso(end))
    for hour, count, seconds, screens, languages, large in VISITS:
        for k in range(count):
            _visit(catalogue, _utc(day, hour, 5 * k), seconds, screens, languages, large)
    for k in range(4):
        done = k < 3
        outcome, reason = ("completed", None) if done else ("skipped", "visitor touched")
        _play(catalogue, film, _utc(day, 12, 10 * k), 100 if done else 40, "loop", outcome, reason)
    _play(catalogue, film, _utc(day, 16), 100, "visitor", "completed")
    if n % 5 == 0:
        _play(catalogue, film, _utc(day, 16, 10), 20, "visitor", "skipped")
    for k in range(10):
        _play(catalogue, poster, _utc(day, 9, 10 + k), 10, "loop", "completed")


# ------------------------------------------------------------------ reading the report
def sheets(path) -> dict[str, list[tuple]]:
    """A report's spreadsheet: {sheet title: rows}."""
    wb = openpyxl.load_workbook(path, read_only=True)
    found = {ws.title: [tuple(r) for r in ws.iter_rows(values_only=True)] for ws in wb}
    wb.close()
    return found


def sheet(found: dict, key: str) -> list[tuple]:
    """A sheet's rows under its heading row, found by its strings key."""
    return found[sheet_title(key)][1:]


def expected_quiz(times: int = 1) -> tuple[dict, list, dict]:
    """The quiz's figures, its most-missed rows and the signatures, as the report says them
    in Chinese, of ``times`` kiosks holding this month (the average stays)."""
    q = EXPECTED["quiz"]
    figures = {
        tr(f"quiz_rep_{name}", "zh"): times * q[name]
        for name in ("rounds", "unfinished", "answered", "correct", "groups")
    }
    figures[tr("quiz_rep_average", "zh")] = q["average"]
    missed = [(key, title, times * n, times * m) for key, title, n, m in q["missed"]]
    return figures, missed, {tr("pledge_rep_signed", "zh"): times * EXPECTED["signed"]}
