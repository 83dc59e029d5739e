"""What one ``kiosk import`` did: counts, and the rows and files it refused or noted."""

from __future__ import annotations

from dataclasses import dataclass, field

from kiosk.catalog.report import Place, Problem
from kiosk.strings import Text, text, tr


@dataclass
class ImportReport:
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicates: int = 0
    rejected: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 1 if self.rejected else 0

    def reject(self, where: Place, *what: Text) -> None:
        """Refuse what is at ``where``; a second refusal of the same place joins the first."""
        for problem in self.rejected:
            if problem.where == where:
                problem.what += what
                return
        self.rejected.append(Problem(where, list(what)))

    def note(self, where: Place, *what: Text) -> None:
        self.notes.append(Problem(where, list(what), severity="note"))

    def is_rejected(self, where: Place) -> bool:
        return any(p.where == where for p in self.rejected)

    def summary(self, lang: str) -> str:
        return text(
            "import_summary",
            imported=self.imported,
            updated=self.updated,
            unchanged=self.unchanged,
            duplicates=self.duplicates,
            rejected=len(self.rejected),
        ).render(lang)

    def lines(self, lang: str) -> list[str]:
        """Refusals and notes in reading order (sheet by sheet, row by row), then the summary."""
        tagged = [(p, "rejected_line") for p in self.rejected] + [
            (p, "note_line") for p in self.notes
        ]
        tagged.sort(key=lambda pair: pair[0].order)
        out = [tr(tag, lang).format(line=p.line(lang)) for p, tag in tagged]
        return [*out, self.summary(lang)]
