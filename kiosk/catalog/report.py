"""One problem found by ``kiosk import`` or ``kiosk check``, ready to say in either language."""

from __future__ import annotations

from dataclasses import dataclass

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
