"""What ``kiosk import`` and ``kiosk check`` found: problems ready to say in either language."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field

from kiosk.strings import Text, tr


@dataclass(frozen=True)
class Place:
    """Where a problem is: a sheet row (numbered as the sheet shows it) or a file."""

    name: str  # "人物.xlsx!人物", "内容.csv" or a file's path as the operator gave it
    row: int | None = None
    order: int = 0  # the source's position in this run, so lines come out in reading order

    def render(self, lang: str) -> str:
        if self.row is None:
            return self.name
        return tr("where_row", lang).format(sheet=self.name, row=self.row)

    def __str__(self) -> str:
        """The language-neutral form kept as an item's origin (``sheet.csv row 7``)."""
        return self.render("en")


@dataclass
class Problem:
    """Something wrong (or worth knowing) at one place; all of a row's problems together."""

    where: Place | Text
    what: list[Text]
    fix: Text | None = None
    severity: str = "error"  # "error" (left out, or needs fixing), "note" or "info"

    def line(self, lang: str) -> str:
        what = tr("and_also", lang).join(t.render(lang) for t in self.what)
        return tr("problem_line", lang).format(where=self.where.render(lang), what=what)

    def fix_line(self, lang: str) -> str:
        return self.fix.render(lang) if self.fix is not None else ""

    @property
    def order(self) -> tuple[int, int]:
        """Reading order: the source, then the row."""
        if isinstance(self.where, Place):
            return (self.where.order, self.where.row or 0)
        return (0, 0)


@dataclass
class Report:
    """What ``kiosk import`` or ``kiosk check`` found: counts by name, and the problems.

    An import counts ``imported``, ``updated``, ``unchanged`` and ``duplicates``; a
    check ``items``, ``maps``, ``media`` and ``files_checked``.  Errors are what an
    import left out (``rejected``) or what a check says needs fixing.
    """

    counts: Counter[str] = field(default_factory=Counter)
    problems: list[Problem] = field(default_factory=list)

    def reject(self, where: Place | Text, *what: Text, fix: Text | None = None) -> None:
        """An error at ``where``; a second one at the same place joins the first's line."""
        for problem in self.errors:
            if problem.where == where:
                problem.what += what
                return
        self.problems.append(Problem(where, list(what), fix))

    def note(self, where: Place | Text, *what: Text, fix: Text | None = None) -> None:
        self.problems.append(Problem(where, list(what), fix, severity="note"))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    rejected = errors  # what an import left out

    @property
    def notes(self) -> list[Problem]:
        return [p for p in self.problems if p.severity != "error"]

    def is_rejected(self, where: Place) -> bool:
        return any(p.where == where for p in self.errors)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def exit_code(self) -> int:
        return 0 if self.ok else 1

    def lines(self, lang: str, summary: Text, labels: dict[str, str]) -> list[str]:
        """Every problem in reading order (source by source, row by row), each labelled
        by its severity (a key of kiosk.strings per severity) and followed by what to do
        when there is something; then the summary."""
        out = []
        for p in sorted(self.problems, key=lambda p: p.order):
            out.append(tr(labels[p.severity], lang).format(line=p.line(lang)))
            if p.fix is not None:
                out.append(tr("what_to_do", lang).format(fix=p.fix_line(lang)))
        return [*out, summary.render(lang)]

    def to_json(self, lang: str) -> str:
        problems = [
            {"severity": p.severity, "what": p.line(lang), "fix": p.fix_line(lang)}
            for p in self.problems
        ]
        return json.dumps(
            {**self.counts, "findings": problems, "ok": self.ok}, ensure_ascii=False, indent=2
        )
