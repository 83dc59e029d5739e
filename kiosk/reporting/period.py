"""A report's period in the hall's local time, and the UTC records that fall in it.

Records are kept in UTC (ISO 8601 text); the report speaks in the kiosk's local time
zone: ``[exhibition] time_zone``, else the machine's.  A period is whole local days,
from ``first`` to ``last`` inclusive.
"""

from __future__ import annotations

import calendar
import os
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from kiosk.strings import Refused

_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")


class PeriodError(Refused):
    """A period or a time zone the operator gave cannot be read."""


@dataclass(frozen=True)
class Period:
    first: date
    last: date  # inclusive

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise PeriodError("rep_bad_period", first=self.first, last=self.last)

    @classmethod
    def month(cls, text: str) -> Period:
        """``2026-11``: that calendar month."""
        m = _MONTH.match(text.strip())
        if m is None or not 1 <= int(m.group(2)) <= 12:
            raise PeriodError("rep_bad_month", text=text)
        year, month = int(m.group(1)), int(m.group(2))
        return cls(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]))

    @classmethod
    def containing(cls, day: date) -> Period:
        """The calendar month ``day`` is in."""
        return cls.month(f"{day.year}-{day.month:02d}")

    @property
    def days(self) -> list[date]:
        return [self.first + timedelta(days=n) for n in range((self.last - self.first).days + 1)]

    @property
    def is_month(self) -> bool:
        return self.first.day == 1 and self.last == Period.containing(self.first).last

    @property
    def label(self) -> str:
        """For file names and headings: ``2026-11`` or ``2026-11-03_2026-11-09``."""
        if self.is_month:
            return f"{self.first.year}-{self.first.month:02d}"
        if self.first == self.last:
            return self.first.isoformat()
        return f"{self.first.isoformat()}_{self.last.isoformat()}"

    def bounds(self, zone: tzinfo) -> tuple[datetime, datetime]:
        """The period as aware datetimes: its first local midnight and the one after it."""
        start = datetime.combine(self.first, datetime.min.time(), zone)
        end = datetime.combine(self.last + timedelta(days=1), datetime.min.time(), zone)
        return start, end

    def utc_bounds(self, zone: tzinfo) -> tuple[str, str]:
        """The period as UTC text comparable with the records' timestamps."""
        start, end = self.bounds(zone)
        return utc_text(start), utc_text(end)


def utc_text(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


def parse_utc(text: str) -> datetime:
    """A record's timestamp (UTC text) as an aware datetime."""
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def parse_day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise PeriodError("rep_bad_day", text=text) from None


def local_zone(name: str = "") -> tuple[tzinfo, str]:
    """The zone called ``name`` (IANA, e.g. Asia/Shanghai), else the machine's, and its name."""
    if name:
        try:
            return ZoneInfo(name), name
        except (ZoneInfoNotFoundError, ValueError):
            raise PeriodError("rep_bad_zone", name=name) from None
    system = _system_zone_name()
    if system:
        try:
            return ZoneInfo(system), system
        except (ZoneInfoNotFoundError, ValueError):
            pass
    here = datetime.now().astimezone().tzinfo or UTC
    return here, datetime.now(here).strftime("UTC%z")


def _system_zone_name() -> str:
    if tz := os.environ.get("TZ", "").lstrip(":"):
        return tz
    link = Path("/etc/localtime")
    try:
        target = str(link.resolve())
    except OSError:
        return ""
    marker = "/zoneinfo/"
    return target.split(marker, 1)[1] if marker in target else ""
