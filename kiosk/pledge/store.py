"""The signatures kept (``0010_pledges``): added, counted, listed newest first, a month's
read back for the export and cleared, the oldest dropped beyond the limit kept.

Pictures live in the data folder's ``store/pledges/<YYYY-MM>/``, named by
the signing time; the catalogue keeps their path relative to that folder, so the data
folder can move.  A cleared or dropped signature's picture goes after its row is deleted
(a crash in between leaves an unnamed file, never a row naming a missing one).

The limit kept: ``[pledge] keep`` signatures (20,000 by default).  Beyond it the oldest are
dropped when a new one is signed — the wall never refuses a visitor, and the months worth
keeping are exported (``kiosk pledges export``) long before; the README says so.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.catalog.runs import now_iso
from kiosk.pledge.signature import Signature, decode, encode, render_png

if TYPE_CHECKING:
    from kiosk.catalog.files import MediaStore
    from kiosk.catalog.store import Catalogue

KEEP = 20_000


def pledge_folder(media: MediaStore) -> Path:
    """Where the signatures' pictures live: ``pledges/`` in the data folder's store."""
    return media.store / "pledges"


@dataclass(frozen=True)
class Signed:
    """A signature as the wall and the export need it."""

    id: int
    signed_at: str  # UTC ISO
    picture: Path | None


def month_bounds(month: str, zone: tzinfo = UTC) -> tuple[str, str]:
    """The UTC ISO bounds [start, end) of the calendar month ``YYYY-MM`` in the hall's
    ``zone`` (ValueError when it is not one)."""
    start = datetime.strptime(month, "%Y-%m").replace(tzinfo=zone)
    if start.month == 12:
        end = start.replace(year=start.year + 1, month=1)
    else:
        end = start.replace(month=start.month + 1)
    return tuple(  # type: ignore[return-value]
        t.astimezone(UTC).isoformat(timespec="milliseconds") for t in (start, end)
    )


def count_signed(catalogue: Catalogue, start: str | None = None, end: str | None = None) -> int:
    """Signatures kept, or those signed within [start, end) (UTC ISO times)."""
    if start is None or end is None:
        return catalogue.db.execute("SELECT count(*) FROM signatures").fetchone()[0]
    return catalogue.db.execute(
        "SELECT count(*) FROM signatures WHERE signed_at >= ? AND signed_at < ?", [start, end]
    ).fetchone()[0]


class Signatures:
    """The signatures of one catalogue, their pictures below ``folder``."""

    def __init__(self, catalogue: Catalogue, folder: Path, keep: int = KEEP) -> None:
        self.catalogue = catalogue
        self.folder = folder
        self.keep = keep

    # ------------------------------------------------------------------ signing
    def render(self, signature: Signature, at: str | None = None) -> str:
        """Write the signature's picture (a worker thread may call this: no catalogue);
        its path relative to ``folder``."""
        at = at or now_iso()
        stamp = at[:23].replace(":", "").replace("-", "").replace(".", "")
        relpath = f"{at[:7]}/{stamp}-{secrets.token_hex(3)}.png"
        render_png(signature, self.folder / relpath)
        return relpath

    def add(self, signature: Signature, picture: str | None, at: str | None = None) -> int:
        """Keep a signature (already checked and thinned); drop the oldest beyond ``keep``."""
        with self.catalogue.db.atomic():
            cursor = self.catalogue.db.execute(
                "INSERT INTO signatures (signed_at, strokes, points, picture) VALUES (?, ?, ?, ?)",
                [at or now_iso(), encode(signature), signature.points, picture],
            )
            new_id = cursor.lastrowid
            dropped = self._rows(
                "SELECT id, signed_at, picture FROM signatures ORDER BY id DESC LIMIT -1 OFFSET ?",
                [self.keep],
            )
            self._delete([s.id for s in dropped])
        self._unlink(dropped)
        return int(new_id)

    # ------------------------------------------------------------------ reading
    def count(self, start: str | None = None, end: str | None = None) -> int:
        return count_signed(self.catalogue, start, end)

    def newest(self) -> list[Signed]:
        """Every signature, newest first (the wall)."""
        return self._rows("SELECT id, signed_at, picture FROM signatures ORDER BY id DESC")

    def newest_strokes(self, limit: int) -> list[Signature]:
        """The newest ``limit`` signatures' strokes (the loop's card draws them)."""
        rows = self.catalogue.db.execute(
            "SELECT strokes FROM signatures ORDER BY id DESC LIMIT ?", [limit]
        ).fetchall()
        return [decode(r[0]) for r in rows]

    def strokes(self, signature_id: int) -> str | None:
        row = self.catalogue.db.execute(
            "SELECT strokes FROM signatures WHERE id = ?", [signature_id]
        ).fetchone()
        return row[0] if row else None

    def of_month(self, month: str, zone: tzinfo = UTC) -> list[Signed]:
        """A calendar month's signatures (in the hall's ``zone``), oldest first (the export)."""
        start, end = month_bounds(month, zone)
        return self._rows(
            "SELECT id, signed_at, picture FROM signatures WHERE signed_at >= ? AND "
            "signed_at < ? ORDER BY signed_at, id",
            [start, end],
        )

    # ------------------------------------------------------------------ clearing
    def clear_month(self, month: str, zone: tzinfo = UTC) -> int:
        """Delete a month's signatures and their pictures; how many went."""
        gone = self.of_month(month, zone)
        with self.catalogue.db.atomic():
            self._delete([s.id for s in gone])
        self._unlink(gone)
        return len(gone)

    def _delete(self, ids: list[int]) -> None:
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            self.catalogue.db.execute(f"DELETE FROM signatures WHERE id IN ({marks})", chunk)

    def _unlink(self, signed: list[Signed]) -> None:
        for s in signed:
            if s.picture is not None:
                s.picture.unlink(missing_ok=True)

    def _rows(self, sql: str, params: list | None = None) -> list[Signed]:
        folder = self.folder
        return [
            Signed(i, at, folder / pic if pic else None)
            for i, at, pic in self.catalogue.db.execute(sql, params or []).fetchall()
        ]
