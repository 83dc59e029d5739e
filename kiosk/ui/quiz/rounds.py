"""A quiz round's course, plain Python (no Qt): which question is asked, what was answered,
the score, and the records (``QuizLog``) written as it goes."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from kiosk.catalog.library import Question, QuizLog
from kiosk.strings import tr


def option_text(option: tuple[str, str], lang: str) -> str:
    """An option in ``lang``: its English where given, else its Chinese."""
    zh, en = option
    return en if lang == "en" and en else zh


def letter(i: int) -> str:
    return "ABCDEF"[i]


def answer_text(question: Question, lang: str) -> str:
    """The right answer as a visitor reads it: "B 杨震", "A 杨震、B 包拯", or 对 / True."""
    if isinstance(question.answer, bool):
        return tr("quiz_true" if question.answer else "quiz_false", lang)
    sep = "; " if lang == "en" else "、"
    return sep.join(
        f"{letter(i)} {option_text(option, lang)}"
        for i, option in enumerate(question.options)
        if letter(i).lower() in question.answer
    )


class VisitorRound:
    """One visitor's round: the questions in order, the answers given.

    Each answer is recorded as it is given; the round is ended (and so counted in the
    report) once the last is answered.  ``abandon()`` records a question shown but left
    unanswered (the visitor walked away) and leaves the round unended.
    """

    def __init__(self, log: QuizLog, questions: Sequence[Question], lang: str) -> None:
        self.log = log
        self.questions = list(questions)
        self.answers: list[bool] = []
        self.id = log.begin_round("visitor", lang)
        self.closed = False

    @property
    def index(self) -> int:
        return len(self.answers)

    @property
    def current(self) -> Question | None:
        return self.questions[self.index] if self.index < len(self.questions) else None

    @property
    def finished(self) -> bool:
        return self.index >= len(self.questions)

    @property
    def score(self) -> int:
        return sum(self.answers)

    def answer(self, chosen: Iterable[str] | bool) -> bool:
        """The visitor's answer to the current question: right or not (recorded)."""
        question = self.current
        if question is None or self.closed:
            raise RuntimeError("no question to answer")
        right = question.is_right(chosen)
        self.answers.append(right)
        self.log.answered(self.id, question, right)
        if self.finished:
            self.log.end_round(self.id)
            self.closed = True
        return right

    def abandon(self) -> None:
        """The visitor left: the question on screen, if any, is recorded as not answered."""
        if self.closed:
            return
        self.closed = True
        if self.current is not None:
            self.log.answered(self.id, self.current, None)


class GroupContest:
    """A guide's contest: questions shown one by one, each team's points, recorded as a
    ``group`` round (the teams answer aloud, so each question is recorded as asked only)."""

    def __init__(
        self,
        log: QuizLog,
        questions: Sequence[Question],
        teams: int,
        lang: str,
    ) -> None:
        self.log = log
        self.questions = list(questions)
        self.points = [0] * teams
        self.index = 0
        self.revealed = False
        self.id = log.begin_round("group", lang)
        self.closed = False
        if self.questions:
            self.log.answered(self.id, self.questions[0], None)

    @property
    def current(self) -> Question | None:
        return self.questions[self.index] if self.index < len(self.questions) else None

    @property
    def last(self) -> bool:
        return self.index >= len(self.questions) - 1

    def reveal(self) -> None:
        self.revealed = True

    def add(self, team: int, delta: int) -> None:
        self.points[team] += delta

    def next(self) -> None:
        if self.last:
            return
        self.index += 1
        self.revealed = False
        self.log.answered(self.id, self.questions[self.index], None)

    def end(self) -> None:
        if not self.closed:
            self.closed = True
            self.log.end_round(self.id)

    def ranking(self) -> list[tuple[int, int, int]]:
        """(place, team, points), best first; equal points share a place."""
        order = sorted(range(len(self.points)), key=lambda t: (-self.points[t], t))
        ranked, place = [], 0
        for n, team in enumerate(order):
            if n == 0 or self.points[team] != self.points[order[n - 1]]:
                place = n + 1
            ranked.append((place, team, self.points[team]))
        return ranked
