"""A quiz question's sheet columns (题型, 选项A…F, 答案, 难度) read into the item's ``quiz``
text, with every problem of the row said in the operator's terms.

Stored as JSON: ``{"type": "single" | "multiple" | "truefalse", "options": [{"zh": …,
"en": …}, …], "answer": ["b"] or true/false, "difficulty": 1–3 or null}``.  The question
is the title, its explanation (解析) the body; kiosk.catalog.quiz reads it back.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping
from typing import Any

from kiosk.strings import Text, text

QUESTION_TYPES = ("single", "multiple", "truefalse")
LETTERS = "abcdef"
OPTION_COLUMNS = tuple(f"option_{c}" for c in LETTERS)
# Every column only a question has (its English options included).
QUESTION_COLUMNS = (
    "question_type",
    *OPTION_COLUMNS,
    *(f"{c}_en" for c in OPTION_COLUMNS),
    "answer",
    "difficulty",
)

TYPE_ALIASES = {
    **{t: t for t in QUESTION_TYPES},
    "单选": "single",
    "单选题": "single",
    "单项选择": "single",
    "single choice": "single",
    "多选": "multiple",
    "多选题": "multiple",
    "多项选择": "multiple",
    "multiple choice": "multiple",
    "判断": "truefalse",
    "判断题": "truefalse",
    "true/false": "truefalse",
    "true false": "truefalse",
    "是非": "truefalse",
}
TRUE_WORDS = {"对", "正确", "是", "√", "✓", "true", "t", "yes", "y", "right"}
FALSE_WORDS = {"错", "错误", "否", "×", "✗", "false", "f", "no", "n", "wrong"}
_ANSWER_SEPARATORS = re.compile(r"[\s,，、;；/]+")


def _clean(value: Any) -> str:
    return unicodedata.normalize("NFKC", str(value)).strip()


def quiz_fields(values: Mapping[str, Any], headings: Mapping[str, str]) -> tuple[str | None, list]:
    """The ``quiz`` JSON of a question row, and the row's problems (none: the JSON)."""

    def col(name: str) -> str:
        return headings.get(name, name)

    problems: list[Text] = []
    kind_value = values.get("question_type")
    qtype = TYPE_ALIASES.get(_clean(kind_value).lower()) if kind_value is not None else None
    if kind_value is None:
        problems.append(text("question_needs_type", col=col("question_type")))
    elif qtype is None:
        problems.append(text("bad_question_type", col=col("question_type"), value=kind_value))
    options = _options(values, col, problems)
    answer = _answer(values, qtype, options, col, problems)
    difficulty = None
    if "difficulty" in values:
        try:
            difficulty = int(_clean(values["difficulty"]))
        except ValueError:
            difficulty = 0
        if not 1 <= difficulty <= 3:
            problems.append(
                text("bad_difficulty", col=col("difficulty"), value=values["difficulty"])
            )
    if problems:
        return None, problems
    quiz = {"type": qtype, "options": options, "answer": answer, "difficulty": difficulty}
    return json.dumps(quiz, ensure_ascii=False), []


def _options(values: Mapping[str, Any], col, problems: list[Text]) -> list[dict[str, str]]:
    """Options A… in order; a gap (A, B, D) or an English option without its Chinese one is
    a problem, since the letters the visitor sees would not be the sheet's letters."""
    options: list[dict[str, str]] = []
    gap: str | None = None
    for column in OPTION_COLUMNS:
        zh = _clean(values.get(column, ""))
        en = _clean(values.get(f"{column}_en", ""))
        if not zh and en:
            problems.append(text("option_en_without_zh", col=col(f"{column}_en"), zh=col(column)))
        if not zh:
            gap = gap or column
            continue
        if gap is not None:
            problems.append(text("option_gap", col=col(column), empty=col(gap)))
            gap = None
        options.append({"zh": zh, "en": en})
    return options


def _answer(values, qtype: str | None, options: list, col, problems: list[Text]) -> Any:
    raw = values.get("answer")
    if raw is None:
        problems.append(text("question_needs_answer", col=col("answer")))
        return None
    cleaned = _clean(raw)
    if qtype == "truefalse":
        if options:
            problems.append(text("truefalse_with_options", col=col("question_type")))
        word = cleaned.lower()
        if word in TRUE_WORDS or word in FALSE_WORDS:
            return word in TRUE_WORDS
        problems.append(text("bad_truefalse_answer", col=col("answer"), value=raw))
        return None
    if qtype is None:
        return None
    if len(options) < 2:
        problems.append(text("too_few_options", n=len(options)))
    letters = "".join(_ANSWER_SEPARATORS.split(cleaned)).lower()
    if not letters or any(c not in LETTERS for c in letters) or len(set(letters)) != len(letters):
        problems.append(text("bad_answer_letters", col=col("answer"), value=raw))
        return None
    missing = [c.upper() for c in letters if LETTERS.index(c) >= len(options)]
    if missing:
        problems.append(
            text("answer_not_an_option", col=col("answer"), value=raw, letters="".join(missing))
        )
    if qtype == "single" and len(letters) > 1:
        problems.append(text("single_with_several", col=col("answer"), value=raw))
    return sorted(letters)
