"""A bad schedule value, told in Chinese and English through kiosk.strings, and the readers
every value goes through (text, dates)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from kiosk.strings import STRINGS, tr


@dataclass(frozen=True)
class Problem:
    """``field`` is an item column (``weekdays``, ``hours`` …) or a setting (``[hours] tue``);
    ``value`` the offending text as written; ``reason`` a key in kiosk.strings whose
    ``{placeholders}`` are filled from ``details``."""

    field: str
    value: str
    reason: str
    details: tuple[tuple[str, str], ...] = ()

    def why(self, lang: str) -> str:
        return tr(self.reason, lang).format(**dict(self.details))

    def text(self, lang: str) -> str:
        label_key = f"sched_field_{self.field}"
        label = tr(label_key, lang) if label_key in STRINGS else self.field
        return tr("sched_problem", lang).format(field=label, value=self.value, why=self.why(lang))

    render = text  # said in a list of texts (kiosk.strings.Joined)


def problem(field: str, value: str, reason: str, **details: Any) -> Problem:
    return Problem(field, value, reason, tuple((k, str(v)) for k, v in details.items()))


def as_text(value: Any) -> str:
    """A cell or setting as text: full-width forms folded (；：，１ → ;:,1), spaces trimmed,
    whole numbers without ``.0`` (a sheet gives 8 or 8.0 for ``8``)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return unicodedata.normalize("NFKC", str(value)).strip()


def parse_date(text: str, field: str) -> tuple[date | None, list[Problem]]:
    """A date written YYYY-MM-DD (a sheet's date with a midnight time is accepted too)."""
    try:
        return date.fromisoformat(text), []
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text).date(), []
    except ValueError:
        return None, [problem(field, text, "sched_bad_date")]
