"""The knowledge quiz's figures counted from its record tables (``quiz_rounds``,
``quiz_answers``), from a kiosk's catalogue or from its record sets alike.

The rules are those of ``kiosk.catalog.quiz.QuizLog.summary``: a visitor's round counts
once finished (rounds left are counted apart), its questions asked and answered right come
from the round; group contests are only counted; a question is missed when a visitor's
answer to it was wrong (shown and not answered is neither), in finished rounds or not.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

MISSED = 10  # rows in the most-missed table


@dataclass
class QuizTally:
    rounds: int = 0  # visitors' rounds finished
    unfinished: int = 0
    asked: int = 0  # questions in the finished rounds
    correct: int = 0
    groups: int = 0  # guides' group contests
    answered: Counter[str] = field(default_factory=Counter)  # item key -> visitors' answers
    missed: Counter[str] = field(default_factory=Counter)
    # The visitors' rounds read so far, to join their answers (a set holds every answer of
    # the rounds it holds, so this is never needed across sets).
    _visitor_rounds: set[str] = field(default_factory=set, repr=False)

    def add_rounds(self, rows: Iterable[Sequence]) -> int:
        n = 0
        for n, (number, _started, ended, mode, asked, correct, _lang) in enumerate(rows, 1):  # noqa: B007
            if mode == "group":
                self.groups += 1
                continue
            self._visitor_rounds.add(str(number))
            if ended:
                self.rounds += 1
                self.asked += int(asked)
                self.correct += int(correct)
            else:
                self.unfinished += 1
        return n

    def add_answers(self, rows: Iterable[Sequence]) -> int:
        visitors = self._visitor_rounds
        n = 0
        for n, (number, key, _at, correct) in enumerate(rows, 1):  # noqa: B007
            if correct in (None, "") or str(number) not in visitors:
                continue
            self.answered[key] += 1
            if correct not in (1, "1"):
                self.missed[key] += 1
        return n

    def merge(self, other: QuizTally) -> None:
        self.rounds += other.rounds
        self.unfinished += other.unfinished
        self.asked += other.asked
        self.correct += other.correct
        self.groups += other.groups
        self.answered.update(other.answered)
        self.missed.update(other.missed)

    @property
    def played(self) -> bool:
        return bool(self.rounds or self.unfinished or self.groups)

    @property
    def average_score(self) -> float | None:
        """Share of the questions asked in finished rounds that were answered right."""
        return self.correct / self.asked if self.asked else None

    def most_missed(self, top: int = MISSED) -> list[tuple[str, int, int]]:
        """(item key, answered, missed) of the questions missed most, then most often
        relative to their answers, then by key."""
        ranked = sorted(
            (k for k, n in self.missed.items() if n),
            key=lambda k: (-self.missed[k], -self.missed[k] / self.answered[k], k),
        )
        return [(k, self.answered[k], self.missed[k]) for k in ranked[:top]]
