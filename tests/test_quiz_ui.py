"""The knowledge quiz in the real kiosk window, on a catalogue made by the real importer
from a question sheet: a visitor's round played with touch events, multiple choice,
true or false, a round left or reset by the idle timeout, the guide's group contest and
its scores, the home tile and the panel's way in."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QPointingDevice
from PySide6.QtTest import QTest

from kiosk.app import Kiosk, RunOptions, build
from kiosk.catalog import Catalogue
from kiosk.catalog.files import MediaStore
from kiosk.ingest.importer import Importer, import_lines
from kiosk.settings import Settings, example_toml, load
from kiosk.ui.quiz.question import right_choices
from kiosk.ui.quiz.rounds import option_text
from kiosk.ui.quiz.screen import QuizScreen

SHEET = Path(__file__).parent / "data" / "quiz_questions.csv"
SIZE = (1280, 720)


def settings(**quiz) -> Settings:
    return Settings().with_overrides(quiz={"questions_per_round": 4, **quiz})


def open_kiosk(qtbot, paths, s: Settings | None = None, *, questions: bool = True) -> Kiosk:
    if questions:
        with Catalogue.open(paths.catalogue) as cat:
            report = Importer(cat, MediaStore.at(paths)).run([SHEET])
            assert report.rejected == [], import_lines(report, "en")
    k = build(paths, s or settings(), RunOptions(windowed=True, size=SIZE))
    qtbot.waitExposed(k.window)
    k.window.home()
    return k


@pytest.fixture
def kiosk(qtbot, paths):
    k = open_kiosk(qtbot, paths)
    yield k
    k.close()


_DEVICE = []


def tap(widget, pos: QPointF | QPoint | None = None) -> None:
    """A finger's tap on ``widget`` at ``pos`` (its centre), through the window."""
    if not _DEVICE:
        _DEVICE.append(QTest.createTouchDevice(QPointingDevice.DeviceType.TouchScreen))
    pos = widget.rect().center() if pos is None else pos
    at = widget.mapTo(widget.window(), QPointF(pos).toPoint())
    handle = widget.window().windowHandle()
    QTest.touchEvent(handle, _DEVICE[0]).press(0, at).commit()
    QTest.touchEvent(handle, _DEVICE[0]).release(0, at).commit()


def answer(page, right: bool) -> None:
    """Answer the question on ``page`` right or wrong, by touch."""
    board, q = page.board, page.question
    good = right_choices(q)
    chosen = good if right else {min(set(range(len(board.choices))) - good)}
    for i in sorted(chosen):
        tap(board, board.center_of(i))
    if q.type == "multiple":
        tap(page.confirm)


def open_quiz(kiosk: Kiosk, seed: int = 3) -> QuizScreen:
    tile = next(t for t in kiosk.window.screens["home"].tiles if t.section.label == "quiz")
    tap(tile)
    assert kiosk.window.current == "quiz"
    quiz: QuizScreen = kiosk.window.screens["quiz"]
    quiz.rng = random.Random(seed)
    return quiz


def summary(kiosk: Kiosk):
    return kiosk.window.ctx.library.quiz.summary("2000-01-01", "2999-01-01")


def test_a_round_played_by_touch_scores_and_is_recorded(kiosk) -> None:
    quiz = open_quiz(kiosk)
    assert quiz.pages.currentWidget() is quiz.start_page
    assert "4" in quiz.start_page.intro.text()
    tap(quiz.start_page.start_button)
    page = quiz.question_page
    plan = [True, False, True, False]
    asked = []
    for n, right in enumerate(plan, 1):
        assert quiz.pages.currentWidget() is page
        assert page.progress.text().startswith(f"第 {n} 题 / 共 4 题")
        assert not page.feedback.isVisible()
        asked.append(page.question)
        answer(page, right)
        assert page.feedback.isVisible()
        assert page.verdict.text() == ("回答正确" if right else "回答错误")
        assert page.board.right == right_choices(page.question)
        assert page.explanation.text() == page.question.item["body_zh"]
        assert page.source.text().startswith("出处：《") or page.source.text().startswith("出处：")
        tap(page.next_button)
    assert len({q.key for q in asked}) == 4  # no repeats
    assert {t for q in asked for t in q.topics} == {"topic-people", "topic-sayings"}
    assert quiz.pages.currentWidget() is quiz.score_page
    assert quiz.score_page.headline.text() == "答对 2 题，共 4 题"
    lines = [label.text() for label in quiz.score_page.rows]
    assert lines[1].startswith("✓  正确答案：") and lines[3].startswith("✗  正确答案：")
    s = summary(kiosk)
    assert (s.rounds, s.asked, s.correct, s.unfinished) == (1, 4, 2, 0)
    assert sorted(m[0] for m in s.most_missed) == sorted([asked[1].key, asked[3].key])
    tap(quiz.score_page.again)
    assert quiz.pages.currentWidget() is quiz.start_page
    tap(quiz.start_page.start_button)  # another round: all right, and a score card of its own
    for _ in range(4):
        answer(page, True)
        tap(page.next_button)
    assert quiz.score_page.headline.text() == "答对 4 题，共 4 题"
    assert quiz.score_page.items.count() == 3 * 4  # question, answer, gap: nothing left over
    assert summary(kiosk).rounds == 2


def _only(quiz: QuizScreen, kind: str):
    quiz.start()
    question = next(q for q in quiz.questions() if q.type == kind)
    quiz.round.questions = [question]
    quiz._show_current()
    return quiz.question_page


def test_a_multiple_choice_is_toggled_then_confirmed(kiosk) -> None:
    page = _only(open_quiz(kiosk), "multiple")
    board = page.board
    assert page.confirm.isVisible() and not page.confirm.isEnabled()
    assert [c.mark for c in board.choices] == ["A", "B", "C", "D"]
    tap(board, board.center_of(3))
    assert board.chosen == {3} and page.confirm.isEnabled()
    tap(board, board.center_of(3))
    assert board.chosen == set() and not page.confirm.isEnabled()
    tap(page.confirm)  # nothing chosen: nothing answered
    assert board.open
    for i in (0, 1, 2):
        tap(board, board.center_of(i))
    assert board.open and not page.feedback.isVisible()  # nothing said before the confirm
    tap(page.confirm)
    assert page.verdict.text() == "回答正确"
    assert page.right_answer.text() == "正确答案：A 包拯、B 海瑞、C 于谦"
    assert not page.confirm.isVisible()
    tap(board, board.center_of(3))  # answered: the board no longer changes
    assert board.chosen == {0, 1, 2}


def test_true_or_false_has_two_large_buttons(kiosk) -> None:
    page = _only(open_quiz(kiosk), "truefalse")
    board = page.board
    assert [c.text for c in board.choices] == ["对", "错"]
    rects = board.layout_rects(board.width())
    assert rects[0].top() == rects[1].top()  # side by side
    assert min(r.height() for r in rects) >= board.ctx.m.touch_min
    wrong = 1 - min(right_choices(page.question))
    tap(board, board.center_of(wrong))
    assert page.verdict.text() == "回答错误"
    assert board.chosen == {wrong} and board.right == right_choices(page.question)
    assert page.next_button.text() == "查看成绩"  # the round's only question


def test_english_and_large_text_reflow(qtbot, kiosk) -> None:
    quiz = open_quiz(kiosk)
    page = _only(quiz, "single")
    board = page.board
    assert board.columns(board.width()) == 2
    kiosk.window.ctx.visit.set_lang("en")
    assert quiz.title() == "Knowledge quiz"
    assert page.text.text() == page.question.item["title_en"]
    assert [c.text for c in board.choices] == [option_text(o, "en") for o in page.question.options]
    kiosk.window.ctx.visit.set_large(True)
    qtbot.wait(50)  # the new layout
    assert board.columns(board.width()) == 1
    rects = board.layout_rects(board.width())
    assert [r.left() for r in rects] == [0.0] * len(rects)  # one column, nothing side by side
    assert board.heightForWidth(board.width()) > rects[-1].bottom()
    tap(board, board.center_of(0))
    assert page.feedback.isVisible()
    # scrolled so that the next button is in sight
    qtbot.wait(50)
    viewport = page.area.viewport()
    bottom = page.next_button.mapTo(viewport, page.next_button.rect().bottomLeft()).y()
    assert bottom <= viewport.height()


def test_an_option_without_english_is_shown_in_chinese() -> None:
    assert option_text(("杨震", ""), "en") == "杨震"
    assert option_text(("杨震", "Yang Zhen"), "en") == "Yang Zhen"
    assert option_text(("杨震", "Yang Zhen"), "zh") == "杨震"


def test_a_round_left_half_way_records_the_question_unanswered(kiosk) -> None:
    quiz = open_quiz(kiosk)
    tap(quiz.start_page.start_button)
    answer(quiz.question_page, True)
    tap(quiz.question_page.next_button)
    shown = quiz.question_page.question
    tap(quiz.back_button)
    assert kiosk.window.current == "home"
    s = summary(kiosk)
    assert (s.rounds, s.unfinished) == (0, 1)
    rows = kiosk.catalogue.db.execute(
        "SELECT item_key, correct FROM quiz_answers ORDER BY id"
    ).fetchall()
    assert len(rows) == 2 and rows[1] == (shown.key, None)
    # back in: a new start, not the old round
    open_quiz(kiosk)
    assert quiz.pages.currentWidget() is quiz.start_page and quiz.round is None


def test_the_idle_timeout_ends_a_round_but_waits_for_a_group_contest(qtbot, paths) -> None:
    s = settings().with_overrides(touch={"idle_timeout_s": 1.0})
    k = open_kiosk(qtbot, paths, s)
    try:
        quiz = open_quiz(k)
        tap(quiz.start_page.start_button)
        qtbot.waitUntil(lambda: k.window.current == "attract", timeout=4000)
        assert summary(k).unfinished == 1
        k.window.home()
        k.window.go("quiz_group")
        group = k.window.screens["quiz_group"]
        tap(group.setup.begin)
        qtbot.wait(2000)
        assert k.window.current == "quiz_group" and group.busy()
        group.clock = lambda: group._last_tap + s.quiz.group_idle_s + 1  # the guide has gone
        qtbot.waitUntil(lambda: k.window.current == "attract", timeout=4000)
        assert not group.running()
    finally:
        k.close()


def test_a_group_contest_keeps_the_teams_scores(kiosk) -> None:
    window = kiosk.window
    window.go("quiz_group")
    group = window.screens["quiz_group"]
    setup = group.setup
    assert setup.teams == 3
    tap(setup.fewer)
    assert setup.teams == 2 and not setup.fewer.isEnabled()
    tap(setup.begin)
    page = group.contest_page
    assert [c.isVisible() for c in page.cards] == [True, True, False, False]
    assert not page.answer.isVisible() and page.board.open
    tap(page.board, page.board.center_of(0))  # the room's board is not for tapping
    assert page.board.open and page.board.chosen == set()
    tap(page.reveal)
    question = group.contest.current
    assert page.board.right == right_choices(question)
    assert page.answer.text().startswith("正确答案：") and page.explanation.isVisible()
    for _ in range(2):
        tap(page.cards[0].plus)
    tap(page.cards[1].minus)
    assert page.cards[0].points.text() == "2" and page.cards[1].points.text() == "-1"
    tap(page.next)
    assert group.contest.index == 1 and page.board.open and not page.answer.isVisible()
    tap(page.cards[1].plus)
    tap(page.end)
    assert group.pages.currentWidget() is group.final
    lines = [line.text() for line in group.final.lines if line.isVisible()]
    assert lines == ["1.  甲队   2 分", "2.  乙队   0 分"]
    s = summary(kiosk)
    assert (s.group_rounds, s.rounds, s.asked) == (1, 0, 0)  # not a visitor's round
    asked, ended = kiosk.catalogue.db.execute(
        "SELECT asked, ended_at IS NOT NULL FROM quiz_rounds WHERE mode = 'group'"
    ).fetchone()
    assert (asked, ended) == (2, 1)
    tap(group.final.again)
    assert group.pages.currentWidget() is setup


def test_the_guide_holds_the_title_to_open_the_group_contest(qtbot, kiosk) -> None:
    quiz = open_quiz(kiosk)
    title = quiz.start_page.title
    tap(title)  # a visitor's tap does nothing
    assert kiosk.window.current == "quiz"
    QTest.mousePress(title, Qt.MouseButton.LeftButton, pos=title.rect().center())
    qtbot.waitUntil(lambda: kiosk.window.current == "quiz_group", timeout=5000)
    QTest.mouseRelease(title, Qt.MouseButton.LeftButton, pos=title.rect().center())
    tap(kiosk.window.screens["quiz_group"].back_button)
    assert kiosk.window.current == "quiz"


def test_the_operator_panel_opens_the_group_contest(kiosk) -> None:
    window = kiosk.window
    window.go("operator")
    tap(window.screens["operator"].quiz_button)
    assert window.current == "quiz_group"
    tap(window.screens["quiz_group"].back_button)
    assert window.current == "operator"


def test_the_home_tile_shows_only_with_questions_and_when_enabled(qtbot, paths, tmp_path):
    labels = lambda k: [t.section.label for t in k.window.screens["home"].tiles]  # noqa: E731
    k = open_kiosk(qtbot, paths, questions=False)
    try:
        assert "quiz" not in labels(k)
    finally:
        k.close()
    k = open_kiosk(qtbot, paths)
    try:
        assert labels(k)[-1] == "quiz"
    finally:
        k.close()
    other = tmp_path / "copy"
    shutil.copytree(paths.data_dir, other)
    k = open_kiosk(qtbot, type(paths)(other), settings(enabled=False), questions=False)
    try:
        assert "quiz" not in labels(k)
    finally:
        k.close()


def test_quiz_settings_out_of_range_keep_their_defaults(tmp_path) -> None:
    toml = tmp_path / "kiosk.toml"
    toml.write_text("[quiz]\nteams = 7\nquestions_per_round = 0\nenabled = false\n", "utf-8")
    loaded, problems = load(toml)
    assert (loaded.quiz.teams, loaded.quiz.questions_per_round) == (3, 5)
    assert loaded.quiz.enabled is False
    said = [p.render("zh") for p in problems]
    assert len(said) == 2 and "[quiz] teams" in said[0] and "2" in said[0] and "4" in said[0]
    assert "[quiz]" in example_toml("zh") and "questions_per_round = 5" in example_toml("en")
