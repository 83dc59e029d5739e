"""A guide's group contest (团体竞赛): the question large for the room, the answer shown
when the guide taps, and 2–4 teams' points kept on screen with − and +.

Teams answer aloud, so the screen only keeps score; the contest is recorded as a
``group`` round.  It holds off the idle reset for ``[quiz] group_idle_s`` after the
guide's last tap, and going back to the panel and returning resumes it.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.catalog.library import choose_round
from kiosk.strings import field
from kiosk.ui.operator.panel import Card
from kiosk.ui.quiz.answers import AnswerBoard
from kiosk.ui.quiz.look import row, scrolled_page, set_text, text_label
from kiosk.ui.quiz.question import choices_of, right_choices
from kiosk.ui.quiz.rounds import GroupContest, answer_text
from kiosk.ui.screen import Context, InnerScreen
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.buttons import Button

MAX_TEAMS = 4


class SignButton(Button):
    """A square button showing one large sign (− or +)."""

    def label_font(self) -> QFont:
        return self.ctx.m.font("sans", 48)


class TeamCard(Card):
    """One team: its name, its points, and − / + for the guide."""

    def __init__(self, ctx: Context, team: int, change: Callable[[int, int], None]) -> None:
        super().__init__(ctx)
        self.team = team
        self.name = text_label(center=True)
        self.points = text_label(center=True)
        self.minus = SignButton(ctx, lambda: "−", min_size=QSize(96, 96))
        self.plus = SignButton(ctx, lambda: "+", min_size=QSize(96, 96))
        self.minus.clicked.connect(lambda: change(team, -1))
        self.plus.clicked.connect(lambda: change(team, +1))
        points = QHBoxLayout()
        points.addWidget(self.minus)
        points.addWidget(self.points, 1)
        points.addWidget(self.plus)
        column = QVBoxLayout(self)
        column.addWidget(self.name)
        column.addLayout(points)
        self._column = column
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def show_points(self, points: int) -> None:
        ctx, m = self.ctx, self.ctx.m
        set_text(self.name, ctx.tr(f"quiz_team_{self.team + 1}"), m.section(ctx.lang))
        set_text(self.points, str(points), m.font("serif", 72, bold=True, lang="en"))
        self.points.setAlignment(Qt.AlignmentFlag.AlignCenter)
        pad = m.px(16)
        self._column.setContentsMargins(pad, pad, pad, pad)
        self._column.setSpacing(m.px(4))
        self.minus.refresh()
        self.plus.refresh()


class SetupPage(QWidget):
    """How many teams, then begin."""

    def __init__(self, ctx: Context, begin: Callable[[], None]) -> None:
        super().__init__()
        self.ctx = ctx
        self.teams = ctx.settings.quiz.teams
        self.heading = text_label(center=True)
        self.intro = text_label(theme.INK_SOFT, center=True)
        self.count = text_label(center=True)
        self.count.setAlignment(Qt.AlignmentFlag.AlignCenter)  # level with − and +
        self.fewer = SignButton(ctx, lambda: "−", min_size=QSize(96, 96))
        self.more = SignButton(ctx, lambda: "+", min_size=QSize(96, 96))
        self.fewer.clicked.connect(lambda: self.set_teams(self.teams - 1))
        self.more.clicked.connect(lambda: self.set_teams(self.teams + 1))
        self.begin = Button(ctx, lambda: ctx.tr("quiz_group_start"), accent=True)
        self.begin.clicked.connect(begin)
        count_row = row(self.fewer, self.count, self.more, centred=True)
        column = QVBoxLayout(self)
        column.addStretch(2)
        for w in (self.heading, self.intro):
            column.addWidget(w)
        column.addLayout(count_row)
        column.addLayout(row(self.begin, centred=True))
        column.addStretch(3)
        self._column, self._count_row = column, count_row

    def set_teams(self, n: int) -> None:
        self.teams = max(2, min(MAX_TEAMS, n))
        self.refresh()

    def refresh(self) -> None:
        ctx, m, lang = self.ctx, self.ctx.m, self.ctx.lang
        ready = bool(ctx.library.counts().get("question"))
        set_text(self.heading, ctx.tr("quiz_group_title"), m.heading(lang))
        set_text(self.intro, ctx.tr("quiz_group_intro" if ready else "quiz_none"), m.reading(lang))
        self.begin.setVisible(ready)
        set_text(self.count, f"{ctx.tr('quiz_group_teams')}  {self.teams}", m.section(lang))
        for b in (self.fewer, self.more, self.begin):
            b.refresh()
        self.fewer.setEnabled(self.teams > 2)
        self.more.setEnabled(self.teams < MAX_TEAMS)
        self._column.setSpacing(m.px(48))
        self._count_row.setSpacing(m.px(40))


class ContestPage(QWidget):
    """The question for the room, the answer when revealed, the teams, and the guide's
    buttons."""

    def __init__(self, ctx: Context, screen: GroupScreen) -> None:
        super().__init__()
        self.ctx = ctx
        self.area, column = scrolled_page()
        self.progress = text_label(theme.INK_SOFT)
        self.text = text_label()
        self.board = AnswerBoard(ctx, large=True)  # shown to the room, not tapped
        self.answer = text_label()
        self.explanation = text_label()
        self.source = text_label(theme.INK_SOFT)
        for w in (self.progress, self.text, self.board, self.answer, self.explanation):
            column.addWidget(w)
        column.addWidget(self.source)
        column.addStretch(1)
        self._page_column = column
        self.reveal = Button(ctx, lambda: ctx.tr("quiz_reveal"), accent=True)
        self.next = Button(ctx, lambda: ctx.tr("quiz_next"))
        self.end = Button(ctx, lambda: ctx.tr("quiz_end"))
        self.reveal.clicked.connect(screen.reveal)
        self.next.clicked.connect(screen.next_question)
        self.end.clicked.connect(screen.end)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reveal)
        buttons.addWidget(self.next)
        buttons.addStretch(1)
        buttons.addWidget(self.end)
        self.cards = [TeamCard(ctx, t, screen.add_points) for t in range(MAX_TEAMS)]
        self.teams = QGridLayout()
        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.area, 1)
        left.addLayout(buttons)
        # Landscape: the teams in a column at the right; portrait: in a grid below.
        outer = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(left, 3)
        outer.addLayout(self.teams, 1)
        self._outer, self._left, self._buttons = outer, left, buttons

    def arrange(self, n: int, portrait: bool) -> None:
        self._outer.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        self._outer.setStretch(1, 0 if portrait else 1)
        columns = (2 if n > 2 else n) if portrait else 1
        for card in self.cards:
            self.teams.removeWidget(card)
            card.hide()
        for t in range(n):
            self.teams.addWidget(self.cards[t], t // columns, t % columns)
            self.cards[t].show()
        for r in range(MAX_TEAMS + 1):  # landscape: the cards from the top
            self.teams.setRowStretch(r, 1 if r == MAX_TEAMS and not portrait else 0)

    def show_contest(self, contest: GroupContest) -> None:
        ctx, m, lang = self.ctx, self.ctx.m, self.ctx.lang
        q = contest.current
        progress = ctx.tr("quiz_group_question").format(i=contest.index + 1)
        kind = "quiz_group_multiple" if q.type == "multiple" else f"quiz_type_{q.type}"
        set_text(self.progress, f"{progress} · {ctx.tr(kind)}", m.label(lang))
        set_text(self.text, field(q.item, "title", lang), m.font("serif", 56, bold=True, lang=lang))
        self.board.set_choices(choices_of(q, lang))
        if contest.revealed:
            self.board.show_result(right_choices(q))
        said = ctx.tr("quiz_answer_is").format(answer=answer_text(q, lang))
        shown = contest.revealed
        set_text(self.answer, said if shown else "", m.font("serif", 48, bold=True, lang=lang))
        set_text(self.explanation, field(q.item, "body", lang) if shown else "", m.reading(lang))
        source = field(q.item, "source", lang)
        said = ctx.tr("quiz_source").format(source=source) if shown and source else ""
        set_text(self.source, said, m.caption(lang))
        self.reveal.setVisible(not shown)
        self.next.setVisible(not contest.last)
        for t, card in enumerate(self.cards[: len(contest.points)]):
            card.show_points(contest.points[t])
        for b in (self.reveal, self.next, self.end):
            b.refresh()
        self._page_column.setSpacing(m.px(24))
        self._outer.setSpacing(m.px(40))
        self._left.setSpacing(m.gutter)
        self._buttons.setSpacing(m.gutter)
        self.teams.setSpacing(m.gutter)


class FinalPage(QWidget):
    def __init__(self, ctx: Context, again: Callable[[], None]) -> None:
        super().__init__()
        self.ctx = ctx
        self.heading = text_label(center=True)
        self.lines = [text_label(center=True) for _ in range(MAX_TEAMS)]
        self.again = Button(ctx, lambda: ctx.tr("quiz_new_contest"), accent=True)
        self.again.clicked.connect(again)
        column = QVBoxLayout(self)
        column.addStretch(2)
        column.addWidget(self.heading)
        for line in self.lines:
            column.addWidget(line)
        column.addLayout(row(self.again, centred=True))
        column.addStretch(3)
        self._column = column

    def show_ranking(self, contest: GroupContest) -> None:
        ctx, m, lang = self.ctx, self.ctx.m, self.ctx.lang
        set_text(self.heading, ctx.tr("quiz_final"), m.heading(lang))
        ranking = contest.ranking()
        for i, line in enumerate(self.lines):
            if i >= len(ranking):
                line.hide()
                continue
            place, team, points = ranking[i]
            said = f"{place}.  {ctx.tr(f'quiz_team_{team + 1}')}   {ctx.trn('quiz_points', points)}"
            size = 72 if place == 1 else 52
            set_text(line, said, m.font("serif", size, bold=place == 1, lang=lang))
        self.again.refresh()
        self._column.setSpacing(m.px(28))


class GroupScreen(InnerScreen):
    name = "quiz_group"

    def __init__(
        self,
        ctx: Context,
        rng: random.Random | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(ctx)
        self.rng = rng or random.Random()
        self.clock = clock
        self.contest: GroupContest | None = None
        self._last_tap = clock()
        self.pages = QStackedWidget()
        self.setup = SetupPage(ctx, self.begin)
        self.contest_page = ContestPage(ctx, self)
        self.final = FinalPage(ctx, self.to_setup)
        for page in (self.setup, self.contest_page, self.final):
            self.pages.addWidget(page)
        self.body.addWidget(self.pages, 1)
        self.retranslate()

    def title(self) -> str:
        return self.ctx.tr("quiz_group")

    # ------------------------------------------------------------ the guide's taps
    def _tapped(self) -> None:
        self._last_tap = self.clock()

    def begin(self) -> None:
        self._tapped()
        questions = self.ctx.library.questions()
        if not questions:
            return
        ordered = choose_round(questions, len(questions), self.rng)
        self.contest = GroupContest(self.ctx.library.quiz, ordered, self.setup.teams, self.ctx.lang)
        self.contest_page.arrange(self.setup.teams, self._portrait())
        self._show()

    def reveal(self) -> None:
        self._tapped()
        if self.contest is not None:
            self.contest.reveal()
            self._show()

    def next_question(self) -> None:
        self._tapped()
        if self.contest is not None:
            self.contest.next()
            self._show()

    def add_points(self, team: int, delta: int) -> None:
        self._tapped()
        if self.contest is not None:
            self.contest.add(team, delta)
            self.contest_page.cards[team].show_points(self.contest.points[team])

    def end(self) -> None:
        self._tapped()
        if self.contest is not None:
            self.contest.end()
            self.final.show_ranking(self.contest)
            self.pages.setCurrentWidget(self.final)

    def to_setup(self) -> None:
        self._tapped()
        self.contest = None
        self.setup.refresh()
        self.pages.setCurrentWidget(self.setup)

    def _show(self) -> None:
        self.contest_page.show_contest(self.contest)
        self.contest_page.area.verticalScrollBar().setValue(0)
        self.pages.setCurrentWidget(self.contest_page)

    def _portrait(self) -> bool:
        return self.height() > self.width()

    # ------------------------------------------------------------ life cycle
    def running(self) -> bool:
        return self.contest is not None and not self.contest.closed

    def busy(self) -> bool:
        """A contest holds the screen while the guide has tapped within ``group_idle_s``."""
        limit = self.ctx.settings.quiz.group_idle_s
        return self.running() and self.clock() - self._last_tap < limit

    def enter(self, **args: Any) -> None:
        self._tapped()
        if not self.running():
            self.to_setup()

    def reset(self) -> None:
        self.to_setup()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.contest is not None:
            self.contest_page.arrange(len(self.contest.points), self._portrait())

    def retranslate(self) -> None:
        super().retranslate()
        if not hasattr(self, "pages"):
            return
        self.setup.refresh()
        if self.contest is not None:
            self.contest_page.show_contest(self.contest)
            if self.contest.closed:
                self.final.show_ranking(self.contest)
