"""The festivals a campaign or a closing day can follow, and their dates in a given year.

Lunar dates and the solar term 清明 come from lunar-python (correct from 1900 to 2100);
the fixed dates are plain Gregorian ones.
"""

from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass
from datetime import date, timedelta

from kiosk.schedule.problems import Problem, problem
from kiosk.strings import tr

FIRST_YEAR, LAST_YEAR = 1900, 2100


@dataclass(frozen=True)
class Festival:
    zh: str
    en: str
    calendar: str  # "solar" (Gregorian month/day), "lunar" (lunar month/day) or "term" (清明)
    month: int = 0
    day: int = 0
    aliases: tuple[str, ...] = ()

    def name(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh

    def date(self, year: int) -> date:
        """This festival's date in ``year`` (1900–2100; ValueError outside)."""
        return _date(self, year)


FESTIVALS: tuple[Festival, ...] = (
    Festival("元旦", "New Year's Day", "solar", 1, 1, ("New Year",)),
    Festival(
        "春节", "Spring Festival", "lunar", 1, 1, ("Chinese New Year", "Lunar New Year", "过年")
    ),
    Festival("元宵节", "Lantern Festival", "lunar", 1, 15, ("元宵",)),
    Festival(
        "清明节", "Qingming Festival", "term", aliases=("清明", "Qingming", "Tomb-Sweeping Day")
    ),
    Festival(
        "劳动节",
        "Labour Day",
        "solar",
        5,
        1,
        ("五一", "五一劳动节", "国际劳动节", "Labor Day", "May Day"),
    ),
    Festival("端午节", "Dragon Boat Festival", "lunar", 5, 5, ("端午", "端阳节", "Duanwu")),
    Festival("七一", "Party Founding Day", "solar", 7, 1, ("建党节", "CPC Founding Day")),
    Festival("八一", "Army Day", "solar", 8, 1, ("建军节", "PLA Day")),
    Festival("中秋节", "Mid-Autumn Festival", "lunar", 8, 15, ("中秋", "Moon Festival")),
    Festival("重阳节", "Double Ninth Festival", "lunar", 9, 9, ("重阳", "Chongyang")),
    Festival("国庆节", "National Day", "solar", 10, 1, ("国庆", "十一")),
)


def _key(name: str) -> str:
    """Names compare without case, spaces, hyphens or apostrophes (Mid Autumn = mid-autumn)."""
    return re.sub(r"[\s'’\-_·.]", "", name).casefold()


def _names(f: Festival) -> tuple[str, ...]:
    """A festival's names: Chinese, English (also without "Festival": Mid-Autumn), aliases."""
    return (f.zh, f.en, f.en.removesuffix(" Festival"), *f.aliases)


_BY_NAME = {_key(n): f for f in FESTIVALS for n in _names(f)}


def find(name: str) -> Festival | None:
    """The festival called ``name`` in Chinese or English (or a common alias), or None."""
    return _BY_NAME.get(_key(name))


def closest(name: str) -> Festival | None:
    """The known festival whose name is nearest to a misspelt ``name``, if any is near."""
    match = difflib.get_close_matches(_key(name), list(_BY_NAME), n=1, cutoff=0.5)
    return _BY_NAME[match[0]] if match else None


def names(lang: str) -> str:
    """Every festival's name, for messages."""
    return tr("sched_list", lang).join(f.name(lang) for f in FESTIVALS)


def unknown(field: str, name: str) -> Problem:
    """The problem of an unknown festival, with the closest known name when one is near."""
    known = {"zh": names("zh"), "en": names("en")}
    near = closest(name)
    if near is None:
        return problem(field, name, "sched_unknown_festival", **known)
    suggestion = near.en if name.isascii() else near.zh
    return problem(field, name, "sched_unknown_festival_near", near=suggestion, **known)


@functools.lru_cache(maxsize=1024)
def _date(festival: Festival, year: int) -> date:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(f"festival dates are known from {FIRST_YEAR} to {LAST_YEAR}, not {year}")
    if festival.calendar == "solar":
        return date(year, festival.month, festival.day)
    from lunar_python import Lunar, Solar  # its tables load when a date is asked

    if festival.calendar == "lunar":
        solar = Lunar.fromYmd(year, festival.month, festival.day).getSolar()
    else:  # 清明 is a solar term; mid-April always lies in the lunar year whose table has it
        solar = Solar.fromYmd(year, 4, 15).getLunar().getJieQiTable()["清明"]
    return date(solar.getYear(), solar.getMonth(), solar.getDay())


def window(festival: Festival, day: date, before: int, after: int) -> tuple[date, date] | None:
    """The window from ``before`` days before to ``after`` days after one of the festival's
    dates that contains ``day`` (first and last day, both included), or None.

    A window can cross a year boundary (春节 with 20 days before opens in January for a
    festival in February, or in the December before for one in late January)."""
    for year in (day.year - 1, day.year, day.year + 1):
        if not FIRST_YEAR <= year <= LAST_YEAR:
            continue
        when = festival.date(year)
        first, last = when - timedelta(days=before), when + timedelta(days=after)
        if first <= day <= last:
            return first, last
    return None
