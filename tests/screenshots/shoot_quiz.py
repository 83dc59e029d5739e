"""Screenshots of the knowledge quiz: the start card, a question, the feedback when right and
when wrong, a multiple choice being chosen, true or false, the score card, and the guide's
group contest (set-up, a question, the answer revealed with scores, the final scores); in
Chinese and English, and in large text.

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python tests/screenshots/shoot_quiz.py \\
        --data-dir /tmp/kd/demo --out screenshots/quiz/landscape
    xvfb-run -a -s "-screen 0 1080x1920x24" ... --out screenshots/quiz/portrait

DIR holds a catalogue.  When it has fewer than three questions (the demo before its question
bank), its catalogue is copied into a temporary folder (its media linked, not copied), the
questions of tests/data/quiz_questions.csv are imported into the copy, and that is shot.
"""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kiosk.catalog import Catalogue
from kiosk.catalog.files import MediaStore
from kiosk.ingest.importer import Importer
from kiosk.paths import Paths
from kiosk.ui.quiz.group import GroupScreen
from kiosk.ui.quiz.question import right_choices
from kiosk.ui.quiz.screen import QuizScreen

from harness import arguments, open_kiosk

SHEET = Path(__file__).parent.parent / "data" / "quiz_questions.csv"


def with_questions(data_dir: str, scratch: Path) -> str:
    """``data_dir``, or a copy of its catalogue (beside its media) with the test questions."""
    source = Paths(Path(data_dir))
    with Catalogue.open(source.catalogue, create=False) as catalogue:
        if catalogue.counts().get("question", 0) >= 3:
            return data_dir
    paths = Paths(scratch)
    scratch.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(source.catalogue) as src, sqlite3.connect(paths.catalogue) as dst:
        src.backup(dst)
    for folder in ("store", "renditions"):
        if (source.data_dir / folder).exists():
            (scratch / folder).symlink_to(source.data_dir / folder)
    with Catalogue.open(paths.catalogue) as catalogue:
        Importer(catalogue, MediaStore.at(paths)).run([SHEET])
    return str(scratch)


def tap(widget, pos) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos.toPoint())


def main() -> None:
    args = arguments(__doc__).parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="quiz-shots-"))
    data_dir = with_questions(args.data_dir, scratch)
    kiosk = open_kiosk(data_dir, args.out, {"quiz": QuizScreen, "quiz_group": GroupScreen})
    window, shot, visit = kiosk.window, kiosk.shot, kiosk.window.ctx.visit
    shot("home-zh")
    for lang, large in (("zh", False), ("en", False), ("zh", True)):
        visit.set_lang(lang)
        visit.set_large(large)
        tag = f"{lang}{'-large' if large else ''}"
        window.home()
        window.go("quiz")
        quiz: QuizScreen = window.screens["quiz"]
        shot(f"start-{tag}")
        quiz.start()
        by_type = {}
        for q in quiz.round.questions + quiz.questions():
            by_type.setdefault(q.type, q)
        ordered = [by_type[t] for t in ("single", "multiple", "truefalse") if t in by_type]
        quiz.round.questions = ordered
        quiz._show_current()
        page = quiz.question_page
        shot(f"question-{tag}")
        tap(page.board, page.board.center_of(min(right_choices(page.question))))
        shot(f"feedback-right-{tag}")
        page.next()
        if page.question.type == "multiple":
            right = right_choices(page.question)
            wrong = min(set(range(len(page.board.choices))) - right)
            tap(page.board, page.board.center_of(wrong))
            tap(page.board, page.board.center_of(min(right)))
            shot(f"multiple-chosen-{tag}")
            QTest.mouseClick(page.confirm, Qt.MouseButton.LeftButton)
            shot(f"feedback-wrong-{tag}")
            page.next()
        if page.question is not None and page.question.type == "truefalse":
            shot(f"truefalse-{tag}")
            wrong = 1 - next(iter(right_choices(page.question)))
            tap(page.board, page.board.center_of(wrong))
            shot(f"truefalse-wrong-{tag}")
            page.next()
        shot(f"score-{tag}")
        # the guide's group contest
        window.go("quiz_group")
        group: GroupScreen = window.screens["quiz_group"]
        shot(f"group-setup-{tag}")
        group.begin()
        shot(f"group-question-{tag}")
        group.reveal()
        for team, points in ((0, 3), (1, 2), (2, 3)):
            for _ in range(points):
                group.add_points(team, +1)
        shot(f"group-revealed-{tag}")
        group.next_question()
        group.add_points(0, +1)
        group.end()
        shot(f"group-final-{tag}")
        group.to_setup()


if __name__ == "__main__":
    main()
