"""The visitor's quiz: a start card, one question at a time with its feedback, and a score
card with every right answer; back to the start card for another round.

A guide holds the start card's title (``[operator] corner_hold_s``) to open the group
contest (``group.py``), which the operator panel also offers.
"""

from __future__ import annotations

import random
from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from kiosk.catalog.library import Question, choose_round
from kiosk.strings import field
from kiosk.ui.quiz.look import row, scrolled_page, set_text, text_label
from kiosk.ui.quiz.question import QuestionPage
from kiosk.ui.quiz.rounds import VisitorRound, answer_text
from kiosk.ui.screen import Context, InnerScreen
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.buttons import Button


class HoldLabel(QLabel):
    """A label that calls ``held()`` after a press kept still on it for ``hold_s``."""

    def __init__(self, hold_s: float, held) -> None:
        super().__init__()
        self._held = held
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(int(hold_s * 1000))
        self._timer.timeout.connect(held)

    def mousePressEvent(self, event) -> None:
        self._timer.start()

    def mouseMoveEvent(self, event) -> None:
        if not self.rect().contains(event.position().toPoint()):
            self._timer.stop()

    def mouseReleaseEvent(self, event) -> None:
        self._timer.stop()


class StartPage(QWidget):
    def __init__(self, ctx: Context, start, group) -> None:
        super().__init__()
        self.ctx = ctx
        self.title = HoldLabel(ctx.settings.operator.corner_hold_s, group)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.intro = text_label(theme.INK_SOFT, center=True)
        self.start_button = Button(
            ctx, lambda: ctx.tr("quiz_start"), accent=True, min_size=QSize(280, 112)
        )
        self.start_button.clicked.connect(start)
        column = QVBoxLayout(self)
        column.addStretch(2)
        column.addWidget(self.title)
        column.addWidget(self.intro)
        column.addLayout(row(self.start_button, centred=True))
        column.addStretch(3)
        self._column = column

    def refresh(self, n: int) -> None:
        ctx, m = self.ctx, self.ctx.m
        self.title.setFont(m.display(96) if ctx.lang == "zh" else m.heading("en"))
        self.title.setText(ctx.tr("quiz_title"))
        key = "quiz_intro" if n else "quiz_none"
        set_text(self.intro, ctx.trn(key, n), m.reading(ctx.lang))
        self.start_button.refresh()
        self.start_button.setVisible(n > 0)
        self._column.setSpacing(m.px(48))


class ScorePage(QWidget):
    """The round's score and each question with its right answer."""

    def __init__(self, ctx: Context, again) -> None:
        super().__init__()
        self.ctx = ctx
        self.area, self.column = scrolled_page()
        self.headline = text_label(center=True)
        self.again = Button(ctx, lambda: ctx.tr("quiz_again"), accent=True)
        self.again.clicked.connect(again)
        self.rows: list[QLabel] = []
        self.items = QVBoxLayout()
        self.column.addWidget(self.headline)
        self.column.addLayout(self.items)
        self.column.addLayout(row(self.again, centred=True))
        self.column.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.area)

    def show_round(self, questions: list[Question], answers: list[bool]) -> None:
        ctx, m, lang = self.ctx, self.ctx.m, self.ctx.lang
        right = sum(answers)
        set_text(
            self.headline,
            ctx.tr("quiz_score").format(right=right, n=len(questions)),
            m.font("serif", 64, bold=True, lang=lang),
        )
        while (old := self.items.takeAt(0)) is not None:  # the last round's lines and gaps
            if old.widget() is not None:
                old.widget().deleteLater()
        self.rows = []
        for i, (q, ok) in enumerate(zip(questions, answers, strict=True), 1):
            mark = "✓" if ok else "✗"
            question = text_label()
            set_text(question, f"{i}. {field(q.item, 'title', lang)}", m.reading(lang))
            answer = text_label(theme.CELADON if ok else theme.INK_SOFT)
            said = ctx.tr("quiz_answer_is").format(answer=answer_text(q, lang))
            set_text(answer, f"{mark}  {said}", m.label(lang))
            self.items.addWidget(question)
            self.items.addWidget(answer)
            self.items.addSpacing(m.px(20))
            self.rows += [question, answer]
        self.again.refresh()
        self.column.setSpacing(m.px(32))
        self.items.setSpacing(m.px(6))
        self.area.verticalScrollBar().setValue(0)


class QuizScreen(InnerScreen):
    name = "quiz"

    def __init__(self, ctx: Context, rng: random.Random | None = None) -> None:
        super().__init__(ctx)
        self.rng = rng or random.Random()
        self.round: VisitorRound | None = None
        self._questions: list[Question] | None = None
        self.pages = QStackedWidget()
        self.start_page = StartPage(ctx, self.start, lambda: ctx.nav.go("quiz_group"))
        self.question_page = QuestionPage(ctx)
        self.question_page.answer.connect(self._answered)
        self.question_page.next.connect(self._next)
        self.score_page = ScorePage(ctx, self.to_start)
        for page in (self.start_page, self.question_page, self.score_page):
            self.pages.addWidget(page)
        self.body.addWidget(self.pages, 1)
        self.retranslate()

    def title(self) -> str:
        return self.ctx.tr("quiz")

    def questions(self) -> list[Question]:
        changed = self.ctx.library.changed(self)  # asked every time: it follows the owner
        if self._questions is None or changed:
            self._questions = self.ctx.library.questions()
        return self._questions

    def per_round(self) -> int:
        return min(self.ctx.settings.quiz.questions_per_round, len(self.questions()))

    # ------------------------------------------------------------ the round
    def start(self) -> None:
        chosen = choose_round(self.questions(), self.per_round(), self.rng)
        if not chosen:
            return
        self.round = VisitorRound(self.ctx.library.quiz, chosen, self.ctx.lang)
        self._show_current()

    def _show_current(self) -> None:
        r = self.round
        self.question_page.show_question(r.current, r.index + 1, len(r.questions))
        self.pages.setCurrentWidget(self.question_page)

    def _answered(self, chosen) -> None:
        if self.round is None or self.round.closed:
            return
        self.question_page.result(self.round.answer(chosen))

    def _next(self) -> None:
        r = self.round
        if r is None:
            return
        if r.finished:
            self.score_page.show_round(r.questions, r.answers)
            self.pages.setCurrentWidget(self.score_page)
        else:
            self._show_current()

    def to_start(self) -> None:
        self._abandon()
        self.start_page.refresh(self.per_round())
        self.pages.setCurrentWidget(self.start_page)

    def _abandon(self) -> None:
        if self.round is not None:
            self.round.abandon()
            self.round = None

    # ------------------------------------------------------------ life cycle
    def enter(self, **args: Any) -> None:
        self.to_start()

    def leave(self) -> None:
        self._abandon()

    def reset(self) -> None:
        self.to_start()

    def prewarm(self) -> None:
        self.questions()

    def retranslate(self) -> None:
        super().retranslate()
        if not hasattr(self, "pages"):
            return
        self.start_page.refresh(self.per_round())
        self.question_page.retranslate()
        if self.pages.currentWidget() is self.score_page and self.round is not None:
            self.score_page.show_round(self.round.questions, self.round.answers)
