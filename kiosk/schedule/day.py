"""One day's plan, for ``kiosk schedule``: the opening hours and why, and every item that
can play with its bands and why, in the operator's language or as data."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from kiosk.schedule import festivals
from kiosk.schedule.bands import Band, within
from kiosk.schedule.hours import ALL_DAY_BANDS, OpeningHours
from kiosk.schedule.items import ItemSchedule, Why
from kiosk.strings import STRINGS, field, tr


@dataclass(frozen=True)
class DayHours:
    """The hall's bands on a day and why: ``reason`` is ``closed-date``, ``open-date``,
    ``festival`` (closed for ``festival``), ``weekday-closed`` or ``weekday``."""

    bands: tuple[Band, ...]
    reason: str
    festival: str = ""  # the closing festival's Chinese name

    @classmethod
    def on(cls, hours: OpeningHours, day: date) -> DayHours:
        bands = hours.bands_on(day)
        if day in hours.closed:
            return cls(bands, "closed-date")
        if day in hours.extra_open:
            return cls(bands, "open-date")
        for closing in hours.closed_festivals:
            if closing.covers(day):
                return cls(bands, "festival", closing.festival.zh)
        return cls(bands, "weekday" if bands else "weekday-closed")

    def text(self, day: date, lang: str) -> str:
        weekday = tr("sched_weekday_full", lang).split()[day.weekday()]
        if self.bands == ALL_DAY_BANDS and self.reason == "weekday":
            said = tr("sched_day_all_day", lang)
        else:
            said = ", ".join(b.text() for b in self.bands) or tr("sched_day_closed", lang)
        why_key = f"sched_day_{self.reason.replace('-', '_')}"
        festival = _festival_name(self.festival, lang)
        why = tr(why_key, lang).format(weekday=weekday, festival=festival)
        return tr("sched_day_hours", lang).format(hours=said, why=why)


@dataclass(frozen=True)
class Playing:
    """An item that can play on the day, and why."""

    item: Mapping[str, Any]
    why: Why
    share: str | None
    # The item's bands cut to the day's opening hours, when they differ (None: as they are).
    open_bands: tuple[Band, ...] | None = None

    def text(self, lang: str, key_width: int = 0) -> str:
        kind_key = f"kind_word_{self.item['kind']}"
        kind = tr(kind_key, lang) if kind_key in STRINGS else self.item["kind"]
        title = field(dict(self.item), "title", lang)
        why = self.why.text(lang)
        if self.share:
            why += tr("sched_parts", lang) + tr("sched_share", lang).format(share=self.share)
        if self.open_bands is not None:
            cut = ", ".join(b.text() for b in self.open_bands)
            said = tr("sched_within_hours", lang).format(bands=cut) if cut else None
            why += tr("sched_parts", lang) + (said or tr("sched_outside_hours", lang))
        return tr("sched_day_item", lang).format(
            key=self.item["key"].ljust(key_width), kind=kind, title=title, why=why
        )

    def data(self, lang: str) -> dict[str, Any]:
        window = self.why.window
        return {
            "key": self.item["key"],
            "kind": self.item["kind"],
            "title_zh": self.item.get("title_zh"),
            "title_en": self.item.get("title_en"),
            "why": self.why.kind,
            "weekdays": sorted(self.why.weekdays),
            "bands": [b.text() for b in self.why.bands],
            "festival": self.why.festival.zh if self.why.festival else None,
            "window": [d.isoformat() for d in window] if window else None,
            "share": self.share,
            "open_bands": (
                [b.text() for b in self.open_bands] if self.open_bands is not None else None
            ),
            "text": self.text(lang),
        }


@dataclass(frozen=True)
class DayPlan:
    day: date
    hours: DayHours
    items: tuple[Playing, ...]
    plays_when_closed: bool = False  # [hours] outside = "play"

    @classmethod
    def make(cls, day: date, hours: OpeningHours, items: Iterable[Mapping[str, Any]]) -> DayPlan:
        """The plan of ``day`` from the hall's hours and the enabled items valid that day."""
        playing = []
        hall = hours.bands_on(day)
        before = hours.bands_on(day - timedelta(days=1))
        cut_by_hall = bool(hall) and hours.outside != "play"
        for item in items:
            schedule, _problems = ItemSchedule.parse(item)  # checked at import
            why = schedule.why(day)
            if why is None:
                continue
            cut = within(why.bands, hall, before, day) if cut_by_hall and why.bands else None
            playing.append(
                Playing(item, why, schedule.columns()["share"], None if cut == why.bands else cut)
            )
        return cls(day, DayHours.on(hours, day), tuple(playing), hours.outside == "play")

    def lines(self, lang: str) -> list[str]:
        weekday = tr("sched_weekday_full", lang).split()[self.day.weekday()]
        out = [f"{self.day.isoformat()} {weekday}", self.hours.text(self.day, lang)]
        if not self.items:
            return [*out, tr("sched_day_no_items", lang)]
        closed = not self.hours.bands and not self.plays_when_closed
        heading = "sched_day_items_if_open" if closed else "sched_day_items"
        out.append(tr(heading, lang).format(n=len(self.items)))
        width = max(len(p.item["key"]) for p in self.items)
        return out + [f"  {p.text(lang, width)}" for p in self.items]

    def data(self, lang: str) -> dict[str, Any]:
        return {
            "date": self.day.isoformat(),
            "open": bool(self.hours.bands),
            "hours": [b.text() for b in self.hours.bands],
            "hours_why": self.hours.reason,
            "closing_festival": self.hours.festival or None,
            "hours_text": self.hours.text(self.day, lang),
            "items": [p.data(lang) for p in self.items],
        }


def _festival_name(zh: str, lang: str) -> str:
    found = festivals.find(zh) if zh else None
    return found.name(lang) if found else zh
