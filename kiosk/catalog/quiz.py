"""The knowledge quiz's data: questions read back from their items, a round's questions
chosen, and the rounds played recorded (``0009_quiz``) and summed up for the report.

No Qt and no personal data: a round is a time, a mode (a visitor's round or a guide's group
contest), its language and how many questions were answered right.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kiosk.catalog.runs import now_iso

if TYPE_CHECKING:  # the catalogue's own methods use this module
    from kiosk.catalog.store import Catalogue

MODES = ("visitor", "group")


@dataclass(frozen=True)
class Question:
    """A question as the quiz asks it.  ``answer`` is the right letters ("a", "c") of a
    choice question, or True/False; ``topics`` are the keys of its linked topics."""

    item: dict[str, Any]
    type: str
    options: tuple[tuple[str, str], ...]  # (zh, en) for A, B, …
    answer: frozenset[str] | bool
    difficulty: int | None
    topics: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return self.item["key"]

    def is_right(self, chosen: Iterable[str] | bool) -> bool:
        """Whether the visitor's choice (letters, or True/False) is the whole right answer."""
        if isinstance(self.answer, bool):
            return chosen is self.answer
        return frozenset(c.lower() for c in chosen) == self.answer  # type: ignore[union-attr]


def question_of(item: dict[str, Any], topics: Sequence[str] = ()) -> Question | None:
    """The question an item holds, or None when its ``quiz`` text is missing or unreadable
    (it was checked at import; an item edited by hand since is left out, not shown wrong)."""
    try:
        quiz = json.loads(item.get("quiz") or "")
        kind = quiz["type"]
        options = tuple((o["zh"], o.get("en") or "") for o in quiz["options"])
        answer = quiz["answer"]
        answer = answer if isinstance(answer, bool) else frozenset(answer)
    except (ValueError, KeyError, TypeError):
        return None
    if kind not in ("single", "multiple", "truefalse") or not item.get("title_zh"):
        return None
    return Question(item, kind, options, answer, quiz.get("difficulty"), tuple(topics))


def choose_round(questions: Sequence[Question], n: int, rng: random.Random) -> list[Question]:
    """``n`` different questions (fewer if there are fewer), balanced over topics: topics
    take turns, each giving one question at a time in a shuffled order, so that a round
    touches as many topics as it can.  Questions without a topic form one group."""
    groups: dict[str, list[Question]] = {}
    for q in questions:
        groups.setdefault(q.topics[0] if q.topics else "", []).append(q)
    pools = list(groups.values())
    for pool in pools:
        rng.shuffle(pool)
    rng.shuffle(pools)
    chosen: list[Question] = []
    while len(chosen) < n and any(pools):
        for pool in pools:
            if pool and len(chosen) < n:
                chosen.append(pool.pop())
    return chosen


@dataclass(frozen=True)
class QuizSummary:
    """What the report says about the quiz over a period."""

    rounds: int  # visitors' rounds finished
    asked: int
    correct: int
    most_missed: tuple[tuple[str, str | None, int, int], ...]  # key, title_zh, answered, missed
    unfinished: int = 0  # visitors' rounds left before their end
    group_rounds: int = 0  # guides' group contests (their answers are given aloud, not here)

    @property
    def average_score(self) -> float | None:
        """Share of the questions asked in finished rounds that were answered right."""
        return self.correct / self.asked if self.asked else None


class QuizLog:
    """Records rounds and their answers in ``catalogue``."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.db = catalogue.db

    def begin_round(self, mode: str, lang: str | None = None) -> int:
        if mode not in MODES:
            raise ValueError(f"unknown quiz mode {mode!r}")
        return (
            self.db["quiz_rounds"]
            .insert({"started_at": now_iso(), "mode": mode, "lang": lang})
            .last_pk
        )

    def answered(self, round_id: int, question: Question, correct: bool | None) -> None:
        """A question shown in the round, answered right, wrong or (None) not at all."""
        self.db["quiz_answers"].insert(
            {
                "round_id": round_id,
                "item_id": question.item.get("id"),
                "item_key": question.key,
                "at": now_iso(),
                "correct": None if correct is None else int(correct),
            }
        )

    def end_round(self, round_id: int) -> None:
        asked, correct = self.db.execute(
            "SELECT count(*), coalesce(sum(correct), 0) FROM quiz_answers WHERE round_id = ?",
            [round_id],
        ).fetchone()
        self.db["quiz_rounds"].update(
            round_id, {"ended_at": now_iso(), "asked": asked, "correct": correct}
        )

    def summary(self, since: str, until: str, *, top: int = 5) -> QuizSummary:
        """Rounds started in [since, until) (UTC ISO times): how many visitors' rounds were
        finished (and left), the questions they asked and answered right, the questions
        visitors most often missed (of those they answered), and the group contests held."""
        span = "started_at >= ? AND started_at < ?"
        rounds, asked, correct = self.db.execute(
            "SELECT count(*), coalesce(sum(asked), 0), coalesce(sum(correct), 0) "
            f"FROM quiz_rounds WHERE mode = 'visitor' AND ended_at IS NOT NULL AND {span}",
            [since, until],
        ).fetchone()
        unfinished, groups = self.db.execute(
            "SELECT count(CASE WHEN mode = 'visitor' AND ended_at IS NULL THEN 1 END), "
            f"count(CASE WHEN mode = 'group' THEN 1 END) FROM quiz_rounds WHERE {span}",
            [since, until],
        ).fetchone()
        missed = self.db.execute(
            "SELECT a.item_key, i.title_zh, count(*) AS asked, "
            "sum(CASE WHEN a.correct = 1 THEN 0 ELSE 1 END) AS missed "
            "FROM quiz_answers a JOIN quiz_rounds r ON r.id = a.round_id "
            "LEFT JOIN items i ON i.id = a.item_id "
            "WHERE r.mode = 'visitor' AND a.correct IS NOT NULL "
            "AND r.started_at >= ? AND r.started_at < ? "
            "GROUP BY a.item_key HAVING missed > 0 "
            "ORDER BY missed DESC, missed * 1.0 / asked DESC, a.item_key LIMIT ?",
            [since, until, top],
        ).fetchall()
        return QuizSummary(
            rounds, asked, correct, tuple(tuple(r) for r in missed), unfinished, groups
        )
