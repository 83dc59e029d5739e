"""One question of a visitor's round: the question, its answer board, a confirm button for
a multiple choice, and the feedback shown on the tap (right or wrong, the right answer,
the explanation and its source, then the next question)."""

from __future__ import annotations

from PySide6.QtCore import QSize, QTimer
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.catalog.library import Question
from kiosk.strings import field, tr
from kiosk.ui.operator.labels import set_color
from kiosk.ui.quiz.answers import AnswerBoard, Choice
from kiosk.ui.quiz.look import row, scrolled_page, set_text, text_label
from kiosk.ui.quiz.rounds import answer_text, letter, option_text
from kiosk.ui.screen import Context
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.buttons import Button, Hook

BIG = QSize(240, 112)  # the page's one red button: confirm, or next


def choices_of(question: Question, lang: str) -> list[Choice]:
    if isinstance(question.answer, bool):
        return [
            Choice("", tr("quiz_true", lang), "true"),
            Choice("", tr("quiz_false", lang), "false"),
        ]
    return [
        Choice(letter(i), option_text(o, lang), letter(i).lower())
        for i, o in enumerate(question.options)
    ]


def right_choices(question: Question) -> set[int]:
    if isinstance(question.answer, bool):
        return {0 if question.answer else 1}
    return {i for i in range(len(question.options)) if letter(i).lower() in question.answer}


class QuestionPage(QWidget):
    """Shows ``question`` (``show``) and calls ``answer(chosen)`` when the visitor has
    answered (letters, or True/False); ``result(right)`` paints the feedback and
    ``next()`` is called when they want the next question."""

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx
        self.question: Question | None = None
        self.position = (1, 1)  # (i, n)
        self.last = False
        self.was_right: bool | None = None
        self.answer = Hook()
        self.next = Hook()
        self.area, column = scrolled_page()
        self.progress = text_label(theme.INK_SOFT)
        self.text = text_label()
        self.board = AnswerBoard(ctx)
        self.board.tapped.connect(self._tapped)
        self.confirm = Button(ctx, lambda: ctx.tr("quiz_confirm"), accent=True, min_size=BIG)
        self.confirm.clicked.connect(self._confirmed)
        # the feedback
        self.feedback = QWidget()
        box = QVBoxLayout(self.feedback)
        box.setContentsMargins(0, 0, 0, 0)
        self.verdict = text_label()
        self.right_answer = text_label()
        self.explanation = text_label()
        self.source = text_label(theme.INK_SOFT)
        self.next_button = Button(
            ctx,
            lambda: ctx.tr("quiz_finish" if self.last else "quiz_next"),
            accent=True,
            min_size=BIG,
        )
        self.next_button.clicked.connect(lambda: self.next())
        for w in (self.verdict, self.right_answer, self.explanation, self.source):
            box.addWidget(w)
        box.addLayout(row(self.next_button))
        self._feedback_box = box
        column.addWidget(self.progress)
        column.addWidget(self.text)
        column.addWidget(self.board)
        column.addLayout(row(self.confirm))
        column.addWidget(self.feedback)
        column.addStretch(1)
        self._column = column
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.area)

    def show_question(self, question: Question, i: int, n: int) -> None:
        self.question, self.position, self.last = question, (i, n), i == n
        self.was_right = None
        self.board.set_choices(choices_of(question, self.ctx.lang))
        self.feedback.hide()
        self.confirm.setVisible(question.type == "multiple")
        self.confirm.setEnabled(False)
        self.retranslate()
        self.area.verticalScrollBar().setValue(0)

    # ------------------------------------------------------------ answering
    def _tapped(self, i: int) -> None:
        question = self.question
        if question is None:
            return
        if question.type == "multiple":
            chosen = set(self.board.chosen) ^ {i}
            self.board.set_chosen(chosen)
            self.confirm.setEnabled(bool(chosen))
            return
        self.board.chosen = {i}
        value = self.board.choices[i].value
        self.answer(value == "true" if question.type == "truefalse" else [value])

    def _confirmed(self) -> None:
        if self.board.open and self.board.chosen:
            self.answer([self.board.choices[i].value for i in sorted(self.board.chosen)])

    def result(self, right: bool) -> None:
        """Mark the board and show the feedback (painted before this returns)."""
        self.was_right = right
        self.confirm.hide()
        self._fill_feedback()
        self.feedback.show()
        self.board.show_result(right_choices(self.question))
        # Once the feedback has its place (the next turn of the event loop), scroll to it
        # where large text or a portrait screen put it below the fold.
        QTimer.singleShot(0, self, self._show_next_button)

    def _show_next_button(self) -> None:
        self.area.widget().layout().activate()
        self.area.ensureWidgetVisible(self.next_button, 0, self.ctx.m.px(24))

    # ------------------------------------------------------------ text
    def _fill_feedback(self) -> None:
        ctx, m, q = self.ctx, self.ctx.m, self.question
        lang = ctx.lang
        set_text(
            self.verdict,
            ctx.tr("quiz_right" if self.was_right else "quiz_wrong"),
            m.section(lang),
        )
        set_color(self.verdict, theme.CELADON if self.was_right else theme.INK)
        set_text(
            self.right_answer,
            ctx.tr("quiz_answer_is").format(answer=answer_text(q, lang)),
            m.font("serif", 40 if m.large else 34, bold=True, lang=lang),
        )
        set_text(self.explanation, field(q.item, "body", lang), m.reading(lang))
        source = field(q.item, "source", lang)
        set_text(
            self.source,
            ctx.tr("quiz_source").format(source=source) if source else "",
            m.caption(lang),
        )
        self.next_button.refresh()

    def retranslate(self) -> None:
        ctx, m, q = self.ctx, self.ctx.m, self.question
        if q is None:
            return
        lang = ctx.lang
        i, n = self.position
        progress = ctx.tr("quiz_progress").format(i=i, n=n)
        set_text(self.progress, f"{progress} · {ctx.tr('quiz_type_' + q.type)}", m.label(lang))
        size = 52 if m.large else 44
        set_text(
            self.text, field(q.item, "title", lang), m.font("serif", size, bold=True, lang=lang)
        )
        chosen, right = set(self.board.chosen), self.board.right
        self.board.set_choices(choices_of(q, lang))
        self.board.chosen = chosen
        if right is not None:
            self.board.right = right
        self.confirm.refresh()
        self._column.setSpacing(m.px(28))
        self._feedback_box.setSpacing(m.px(16))
        if self.was_right is not None:
            self._fill_feedback()

    def minimumSizeHint(self) -> QSize:
        return QSize(0, 0)
