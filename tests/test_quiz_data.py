"""The knowledge quiz's questions from sheets, and its records (issue 14, section 1)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from kiosk.catalog.quiz import QuizLog, choose_round, question_of
from kiosk.ingest.importer import Importer, import_lines

HEADER = "编号,类型,标题,题型,选项A,选项B,选项C,选项D,答案,解析,出处,难度,专题\n"


def sheet(path: Path, body: str, header: str = HEADER) -> Path:
    path.write_text(header + body, encoding="utf-8")
    return path


GOOD = (
    "q-yz,题目,“天知，神知，我知，子知”是谁拒金时说的？,单选,包拯,杨震,海瑞,于谦,B,"
    "杨震拒王密之金。,《后汉书·杨震列传》,1,topic-a\n"
    "q-many,题目,下列哪些人物是清官？,多选,杨震,包拯,和珅,,AB,和珅因贪腐被赐死。,史书,2,topic-b\n"
    "q-tf,题目,包拯是宋代人。,判断,,,,,对,包拯为北宋官员。,《宋史·包拯传》,,topic-b\n"
)


def test_questions_import_and_read_back(catalogue, store, tmp_path):
    catalogue.upsert_item({"key": "topic-a", "kind": "topic", "title_zh": "甲"})
    catalogue.upsert_item({"key": "topic-b", "kind": "topic", "title_zh": "乙"})
    report = Importer(catalogue, store).run([sheet(tmp_path / "题库.csv", GOOD)])
    assert report.rejected == [], import_lines(report, "en")
    one = question_of(catalogue.item("q-yz"))
    assert one.type == "single"
    assert one.options[1] == ("杨震", "")
    assert one.is_right(["B"]) and not one.is_right(["a"]) and not one.is_right(["b", "c"])
    assert one.item["body_zh"] == "杨震拒王密之金。"  # 解析 is the body
    assert one.difficulty == 1
    many = question_of(catalogue.item("q-many"))
    assert many.is_right("ba") and not many.is_right("a")
    tf = question_of(catalogue.item("q-tf"))
    assert tf.options == () and tf.is_right(True) and not tf.is_right(False)
    linked = [r["key"] for r in catalogue.linked(catalogue.item("q-tf")["id"], ["topic"])]
    assert linked == ["topic-b"]
    # never found by a visitor's search (its page would give the answer away)
    assert catalogue.search("杨震拒王密") == []


@pytest.mark.parametrize(
    ("row", "zh", "en"),
    [
        (
            "q,题目,问？,单选,甲,乙,,,C,,,,",
            "答案：“C”中的 C 没有对应的选项",
            "答案: 'C' names C, which is not among the options",
        ),
        (
            "q,题目,问？,单选,甲,乙,丙,,AB,,,,",
            "答案：单选题只能有一个答案，这里是“AB”",
            "答案: a single-choice question has one answer, not 'AB'",
        ),
        (
            "q,题目,问？,判断,甲,乙,,,对,,,,",
            "判断题不设选项",
            "a true/false question has no options",
        ),
        ("q,题目,问？,单选,甲,,,,A,,,,", "选择题至少要有两个选项，这里有 1 个", "this one has 1"),
        ("q,题目,问？,单选,甲,,丙,,A,,,,", "选项C有内容，但前面的“选项B”为空", "fill the options"),
        ("q,题目,问？,问答,甲,乙,,,A,,,,", "题型：“问答”不是题型", "'问答' is not a question type"),
        ("q,题目,问？,判断,,,,,也许,,,,", "判断题的答案请填写“对”或“错”", "not '也许'"),
        ("q,题目,问？,单选,甲,乙,,,A,,,5,", "难度：“5”不是难度", "'5' is not a difficulty"),
        ("a,格言,清白传家,,甲,,,,,,,,", "选项A：只有题目才有这些列", "only questions have"),
    ],
)
def test_a_bad_question_row_is_one_line_and_not_imported(catalogue, store, tmp_path, row, zh, en):
    report = Importer(catalogue, store).run([sheet(tmp_path / "题库.csv", row + "\n")])
    assert len(report.rejected) == 1, import_lines(report, "en")
    (line_zh,) = [line for line in import_lines(report, "zh") if "第2行" in line]
    (line_en,) = [line for line in import_lines(report, "en") if "row 2" in line]
    assert zh in line_zh and en in line_en
    assert catalogue.keys() == set()


def test_a_round_is_balanced_over_topics_without_repeats(catalogue, store, tmp_path):
    rows = "".join(
        f"q{t}{i},题目,题{t}{i}？,判断,,,,,对,,,,topic-{t}\n" for t in "abc" for i in range(5)
    )
    for t in "abc":
        catalogue.upsert_item({"key": f"topic-{t}", "kind": "topic", "title_zh": t})
    Importer(catalogue, store).run([sheet(tmp_path / "题库.csv", rows)])
    questions = []
    for item in catalogue.items(["question"]):
        topics = [r["key"] for r in catalogue.linked(item["id"], ["topic"])]
        questions.append(question_of(item, topics))
    chosen = choose_round(questions, 6, random.Random(7))
    assert len({q.key for q in chosen}) == 6
    assert (
        sorted(q.topics[0] for q in chosen) == ["topic-a"] * 2 + ["topic-b"] * 2 + ["topic-c"] * 2
    )
    assert len(choose_round(questions, 40, random.Random(1))) == 15  # no repeats


def test_rounds_are_recorded_and_summed_up(catalogue, store, tmp_path):
    for t in "ab":
        catalogue.upsert_item({"key": f"topic-{t}", "kind": "topic", "title_zh": t})
    Importer(catalogue, store).run([sheet(tmp_path / "题库.csv", GOOD)])
    qs = {k: question_of(catalogue.item(k)) for k in ("q-yz", "q-many", "q-tf")}
    log = QuizLog(catalogue)
    for right in ((True, False, True), (True, False, False)):
        r = log.begin_round("visitor", "zh")
        for q, ok in zip(qs.values(), right, strict=True):
            log.answered(r, q, ok)
        log.end_round(r)
    unfinished = log.begin_round("group")
    log.answered(unfinished, qs["q-tf"], None)
    s = log.summary("2000-01-01", "2999-01-01")
    assert (s.rounds, s.asked, s.correct) == (2, 6, 3)
    assert s.average_score == 0.5
    assert s.most_missed[0][:2] == ("q-many", "下列哪些人物是清官？")
    assert s.most_missed[0][2:] == (2, 2)
    assert [m[0] for m in s.most_missed] == ["q-many", "q-tf"]
    with pytest.raises(ValueError):
        log.begin_round("solo")
