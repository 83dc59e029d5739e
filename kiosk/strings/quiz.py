"""The knowledge quiz: question import messages, its screens and its part of the report."""

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
    # the visitor's round (kiosk/ui/quiz/screen.py)
    "quiz": ("知识竞答", "Knowledge quiz"),
    "quiz_title": ("廉政知识竞答", "Integrity knowledge quiz"),
    "quiz_intro": (
        "本轮共 {n} 题。每答一题，即可看到正确答案、解析和出处。",
        "{n} questions. After each answer you see the right answer, why, and its source.",
    ),
    "quiz_start": ("开始答题", "Start"),
    "quiz_progress": ("第 {i} 题 / 共 {n} 题", "Question {i} of {n}"),
    "quiz_type_single": ("单选题", "Choose one answer"),
    "quiz_type_multiple": (
        "多选题：选出全部正确答案，再按“确定”",
        "Choose every right answer, then Confirm",
    ),
    "quiz_type_truefalse": ("判断题", "True or false?"),
    "quiz_true": ("对", "True"),
    "quiz_false": ("错", "False"),
    "quiz_confirm": ("确定", "Confirm"),
    "quiz_right": ("回答正确", "Right"),
    "quiz_wrong": ("回答错误", "Not quite"),
    "quiz_answer_is": ("正确答案：{answer}", "The right answer: {answer}"),
    "quiz_source": ("出处：{source}", "Source: {source}"),
    "quiz_next": ("下一题", "Next question"),
    "quiz_finish": ("查看成绩", "See your score"),
    "quiz_score_title": ("本轮成绩", "Your score"),
    "quiz_score": ("答对 {right} 题，共 {n} 题", "{right} of {n} right"),
    "quiz_again": ("再答一轮", "Another round"),
    "quiz_none": ("题库中还没有题目。", "There are no questions yet."),
    # the guide's group contest (kiosk/ui/quiz/group.py)
    "quiz_group": ("团体竞赛", "Group contest"),
    "quiz_group_title": ("廉政知识团体竞赛", "Integrity knowledge contest"),
    "quiz_group_intro": (
        "各队口头抢答，讲解员点“显示答案”，并为各队加减分。",
        "Teams answer aloud; the guide shows the answer and keeps each team's score.",
    ),
    "quiz_group_teams": ("参赛队数", "Teams"),
    "quiz_group_start": ("开始比赛", "Begin the contest"),
    "quiz_group_question": ("第 {i} 题", "Question {i}"),
    "quiz_group_multiple": ("多选题", "More than one right answer"),
    "quiz_reveal": ("显示答案", "Show the answer"),
    "quiz_end": ("结束比赛", "End the contest"),
    "quiz_final": ("最终得分", "Final scores"),
    "quiz_new_contest": ("再来一场", "Another contest"),
    "quiz_points": ("{n} 分", "{n} points"),
    "quiz_team_1": ("甲队", "Team 1"),
    "quiz_team_2": ("乙队", "Team 2"),
    "quiz_team_3": ("丙队", "Team 3"),
    "quiz_team_4": ("丁队", "Team 4"),
    # the report (kiosk/reporting/quiz.py counts, kiosk/reporting/model.py sets the section)
    "quiz_rep_note": (
        "观众每答完一轮记一轮；未答完即离开的轮次单列。团体竞赛由各队口头作答，只计场数。不记录任何姓名。",
        "A visitor's round counts once all its questions are answered; rounds left before the "
        "end are counted apart. Group contests are answered aloud and only counted. No names "
        "are recorded.",
    ),
    "quiz_rep_figures": ("知识竞答概况", "Quiz figures"),
    "quiz_rep_rounds": ("观众答完的轮次", "Visitors' rounds finished"),
    "quiz_rep_unfinished": ("未答完的轮次", "Rounds left unfinished"),
    "quiz_rep_answered": ("答完轮次中的题数", "Questions in finished rounds"),
    "quiz_rep_correct": ("其中答对", "Of them answered right"),
    "quiz_rep_average": ("平均答对率（%）", "Average score (% right)"),
    "quiz_rep_groups": ("团体竞赛场数", "Group contests"),
    "quiz_rep_missed": ("答错最多的题目", "Questions most often missed"),
    "quiz_rep_question": ("题目", "Question"),
    "quiz_rep_times_answered": ("作答次数", "Answered"),
    "quiz_rep_times_missed": ("答错次数", "Missed"),
    "rep_screen_quiz": ("知识竞答", "Quiz"),
    "rep_screen_quiz_group": ("团体竞赛", "Group contest"),
}
