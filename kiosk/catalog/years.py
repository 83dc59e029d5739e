"""Historical years: BCE as negative numbers (there is no year 0).

Parsing accepts what operators write: ``1945``, ``1945年``, ``999-1062``,
``999—1062``, ``-551``, ``公元前551-公元前479``, ``前58年``, ``58 BC``,
``约1008``/``c. 1008`` (circa is dropped: the catalogue keeps the number).
"""

from __future__ import annotations

import re

_YEAR = (
    r"(?:约|c\.?\s*|ca\.?\s*)?"
    r"(?P<{n}bc>公元前|前|BC\s*|BCE\s*)?(?P<{n}neg>-)?\s*(?P<{n}ce>公元)?(?P<{n}num>\d{{1,4}})\s*年?"
    r"\s*(?P<{n}suffix>BCE|BC|B\.C\.|AD|CE|A\.D\.)?"
)
_RANGE = re.compile(
    r"\s*"
    + _YEAR.format(n="a")
    + r"(?:\s*(?:-|—|–|~|～|至|到)\s*"
    + _YEAR.format(n="b")
    + r")?\s*",
    re.IGNORECASE,
)


def _year(m: re.Match[str], n: str) -> int:
    value = int(m[f"{n}num"])
    bce = bool(m[f"{n}bc"] or m[f"{n}neg"]) or (m[f"{n}suffix"] or "").upper().startswith("B")
    if value == 0:
        raise ValueError("there is no year 0")
    return -value if bce else value


def parse_years(value: object) -> tuple[int, int | None]:
    """(from, to) from a cell; ``to`` is None for a single year."""
    if isinstance(value, int) and not isinstance(value, bool):
        if value == 0:
            raise ValueError("there is no year 0")
        return value, None
    s = str(value).strip()
    m = _RANGE.fullmatch(s)
    if not m:
        raise ValueError(f"'{value}' is not a year or a range of years (e.g. 999-1062, 公元前58)")
    start = _year(m, "a")
    if m["bnum"] is None:
        return start, None
    end = _year(m, "b")
    # "公元前551-479": a BCE start makes a bare end BCE too.
    explicit_ce = m["bce"] or (m["bsuffix"] or "").upper().startswith(("A", "C"))
    if start < 0 < end and not explicit_ce and end < -start:
        end = -end
    if end < start:
        raise ValueError(f"'{value}': the range ends before it starts")
    return start, end


def format_year(year: int, lang: str = "zh") -> str:
    if lang == "zh":
        return f"公元前{-year}年" if year < 0 else f"{year}年"
    return f"{-year} BCE" if year < 0 else str(year)


def format_years(start: int | None, end: int | None, lang: str = "zh") -> str:
    if start is None:
        return ""
    if end is None or end == start:
        return format_year(start, lang)
    if lang == "zh":
        return f"{format_year(start, lang)}—{format_year(end, lang)}"
    if start < 0 <= end:
        return f"{-start} BCE – {end} CE"
    if end < 0:
        return f"{-start}–{-end} BCE"
    return f"{start}–{end}"


def century(year: int) -> int:
    """The century of ``year``, negative for BCE: 1945 → 20, 1900 → 19, -551 → -6."""
    n = (abs(year) - 1) // 100 + 1
    return -n if year < 0 else n


def format_century(year: int, lang: str = "zh") -> str:
    """The century of ``year`` in words: 20世纪 / 20th century, 公元前6世纪 / 6th century BCE."""
    c = century(year)
    n = abs(c)
    if lang == "zh":
        return f"公元前{n}世纪" if c < 0 else f"{n}世纪"
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix} century" + (" BCE" if c < 0 else "")
