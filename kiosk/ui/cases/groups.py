"""The cases section's two groupings, plain Python: by year (newest first) and by topic.

A case stands under the year of its notice (``year_from``, set from its date);
one without a year comes last, under "date unknown".  By topic, a case stands
under each topic linked to it, topics in their display order, and one linked to
none under "other".  Within a group the newest case comes first.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

Row = dict[str, Any]


@dataclass(frozen=True)
class Heading:
    label: str


def case_year(row: Row) -> int | None:
    """The year a case stands under: its year, else its date's."""
    year = row.get("year_from")
    if year is None and row.get("date"):
        year = int(row["date"][:4])
    return year


def newest_first(rows: Sequence[Row]) -> list[Row]:
    """Cases by year and date, newest first (display order among equals); undated last."""
    ordered = sorted(rows, key=lambda r: (r["sort_order"], r["id"]))
    dated = [r for r in ordered if case_year(r) is not None]
    undated = [r for r in ordered if case_year(r) is None]
    # a stable sort, newest first: equals keep their display order
    dated.sort(key=lambda r: (case_year(r), r.get("date") or ""), reverse=True)
    return dated + undated


def by_year(
    rows: Sequence[Row], year_label: Callable[[int], str], undated: str
) -> list[Heading | Row]:
    """One heading per year, newest first, its cases beneath; undated cases last."""
    groups: dict[str, list[Row]] = {}
    for row in newest_first(rows):
        year = case_year(row)
        groups.setdefault(undated if year is None else year_label(year), []).append(row)
    return _flatten(groups)


def by_topic(
    rows: Sequence[Row],
    topics: Mapping[str, Sequence[Row]],
    topic_label: Callable[[Row], str],
    other: str,
) -> list[Heading | Row]:
    """One heading per topic (in the topics' display order), its cases beneath; cases with
    no topic last, under ``other``.  ``topics`` maps a case's key to its linked topics."""
    linked = {
        key: sorted(ts, key=lambda t: (t["sort_order"], t["id"])) for key, ts in topics.items()
    }
    order = sorted(
        {t["id"]: t for ts in linked.values() for t in ts}.values(),
        key=lambda t: (t["sort_order"], t["id"]),
    )
    groups: dict[str, list[Row]] = {topic_label(t): [] for t in order}
    loose: list[Row] = []
    for row in newest_first(rows):
        own = linked.get(row["key"], ())
        for topic in own:
            groups[topic_label(topic)].append(row)
        if not own:
            loose.append(row)
    if loose:
        groups.setdefault(other, []).extend(loose)
    return _flatten(groups)


def _flatten(groups: Mapping[str, list[Row]]) -> list[Heading | Row]:
    out: list[Heading | Row] = []
    for label, rows in groups.items():
        if rows:
            out.append(Heading(label))
            out.extend(rows)
    return out
