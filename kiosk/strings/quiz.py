"""The knowledge quiz: question import messages (and, later, its screens)."""

from __future__ import annotations

QUIZ: dict[str, tuple[str, str]] = {
    "question_needs_type": (
        "题目须填写“{col}”列（单选、多选或判断）",
        "a question needs the '{col}' column (single, multiple or truefalse)",
    ),
    "bad_question_type": (
        "{col}：“{value}”不是题型，请填写单选、多选或判断",
        "{col}: '{value}' is not a question type; write single, multiple or truefalse",
    ),
    "question_needs_answer": ("题目须填写“{col}”列", "a question needs the '{col}' column"),
    "bad_answer_letters": (
        "{col}：“{value}”不是选项字母，请填写如 B 或 ACD",
        "{col}: '{value}' is not option letters; write e.g. B or ACD",
    ),
    "answer_not_an_option": (
        "{col}：“{value}”中的 {letters} 没有对应的选项",
        "{col}: '{value}' names {letters}, which is not among the options",
    ),
    "single_with_several": (
        "{col}：单选题只能有一个答案，这里是“{value}”",
        "{col}: a single-choice question has one answer, not '{value}'",
    ),
    "too_few_options": (
        "选择题至少要有两个选项，这里有 {n} 个",
        "a choice question needs at least two options; this one has {n}",
    ),
    "truefalse_with_options": (
        "判断题不设选项：请清空选项列，或把{col}改为单选",
        "a true/false question has no options: empty the option columns or make {col} single",
    ),
    "bad_truefalse_answer": (
        "{col}：判断题的答案请填写“对”或“错”，这里是“{value}”",
        "{col}: a true/false answer is true or false, not '{value}'",
    ),
    "option_gap": (
        "{col}有内容，但前面的“{empty}”为空：选项请从A起依次填写",
        "{col} is filled but '{empty}' before it is empty: fill the options from A on",
    ),
    "option_en_without_zh": (
        "{col}有内容，但“{zh}”为空",
        "{col} is filled but '{zh}' is empty",
    ),
    "bad_difficulty": (
        "{col}：“{value}”不是难度，请填写 1、2 或 3",
        "{col}: '{value}' is not a difficulty; write 1, 2 or 3",
    ),
    "question_columns_only": (
        "{cols}：只有题目才有这些列（类型请填写“题目”）",
        "{cols}: only questions have these columns (write 'question' as the kind)",
    ),
}
