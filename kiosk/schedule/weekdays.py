"""Days of the week as operators write them: ``1-5``, ``6,7``, ``一至五``, ``六,日``, ``周一至五``.

1 is Monday and 7 Sunday (as in China and ISO 8601), the same as ``date.isoweekday()``.
"""

from __future__ import annotations

import re

from kiosk.schedule.problems import Problem, as_text, problem

_NAMES = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7, "七": 7}
_PREFIX = re.compile(r"星期|礼拜|周")
_RANGE = re.compile(r"\s*([-~–—至到])\s*")
_SEPARATORS = re.compile(r"[,;、\s]+")


def _day(token: str) -> int | None:
    if token.isdigit():
        return int(token) if 1 <= int(token) <= 7 else None
    return _NAMES.get(token)


def parse_weekdays(value: object, field: str = "weekdays") -> tuple[frozenset[int], list[Problem]]:
    """The weekdays (1–7) in ``value``; an empty set with the problems if any part is bad."""
    text = as_text(value)
    days: set[int] = set()
    problems: list[Problem] = []
    joined = _RANGE.sub(r"\1", _PREFIX.sub("", text))  # "1 - 5" is one range, not three days
    parts = [p for p in _SEPARATORS.split(joined) if p]
    if not parts:
        return frozenset(), [problem(field, text, "sched_bad_weekday", part=text)]
    for part in parts:
        ends = _RANGE.split(part)[::2]
        numbers = [_day(e) for e in ends]
        if len(ends) > 2 or None in numbers:
            problems.append(problem(field, text, "sched_bad_weekday", part=part))
        elif len(numbers) == 2 and numbers[0] > numbers[1]:
            problems.append(problem(field, text, "sched_weekday_order", part=part))
        else:
            days.update(range(numbers[0], numbers[-1] + 1))
    return (frozenset() if problems else frozenset(days)), problems
