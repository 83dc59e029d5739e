"""Every setting, declared once with its type and default.

An operator edits one TOML file (``kiosk.toml`` in the data folder); anything
not in it keeps its default.  Unknown keys and wrong types are reported in one
line each and the default is used, so a typo never stops the kiosk.
"""

from __future__ import annotations

import locale
import logging
import os
import socket
import sys
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from kiosk.schedule import hours as opening_hours
from kiosk.strings import STRINGS, Joined, Text, text, tr

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Exhibition:
    name_zh: str = "清风展陈 · 廉政文化教育基地"
    name_en: str = "Qingfeng Integrity Culture Exhibition"
    default_language: str = "zh"  # "zh" or "en"; the idle reset returns to it
    # This kiosk's name in reports and record files ("" : the machine's host name).
    kiosk_name: str = ""
    # The hall's time zone for reports, e.g. "Asia/Shanghai" ("" : the machine's).
    time_zone: str = ""

    def kiosk(self) -> str:
        """The kiosk's name: ``kiosk_name``, else the machine's host name."""
        return self.kiosk_name.strip() or socket.gethostname() or "kiosk"


@dataclass(frozen=True)
class Attract:
    poster_s: float = 10.0
    calligraphy_s: float = 14.0
    photo_s: float = 8.0
    aphorism_s: float = 12.0
    couplet_s: float = 15.0  # a pair read top to bottom, twice
    riddle_s: float = 20.0  # the riddle alone for 60 %, then with its answer
    case_s: float = 15.0  # a warning case's card (cases are in the loop only if kinds lists them)
    pledge_s: float = 15.0  # the signature wall's card (when ``[pledge] in_loop``)
    film_max_s: float = 0.0  # 0: films play to the end
    crossfade_ms: int = 800
    pan_px_per_s: float = 40.0
    pan_pause_s: float = 2.0
    audio: bool = False  # sound of films in the attract loop
    # songs play only when ``audio`` is on (left out of the running order otherwise)
    kinds: tuple[str, ...] = (
        "poster",
        "calligraphy",
        "aphorism",
        "film",
        "photo",
        "couplet",
        "riddle",
        "song",
    )


@dataclass(frozen=True)
class Touch:
    idle_timeout_s: float = 90.0


@dataclass(frozen=True)
class Playback:
    volume: int = 80
    # libvlc options; empty means the kiosk's defaults (kiosk.playback.DEFAULT_OPTIONS).
    # Real hardware may want e.g. ["--vout=gl", "--avcodec-hw=any"].
    vlc_options: tuple[str, ...] = ()


@dataclass(frozen=True)
class Display:
    screen: int = 0
    rotate: int = 0  # 0, 90, 180, 270
    windowed: bool = False
    # Decoded pictures kept for reuse, in MB, shared by every screen and the deep-zoom view.
    # 0: automatic, 1/48 of the machine's memory between 48 and 256 MB (48 MB on a 2 GB
    # machine, 256 MB from 12 GB up; 48 MB where the memory cannot be read). On the 2 GB
    # machine the soak measured 19 MB less with 48 than with 64, the window's memory being
    # the budget's largest part.
    picture_cache_mb: int = 0

    def picture_cache_bytes(self) -> int:
        return (self.picture_cache_mb or auto_picture_cache_mb()) * 1024 * 1024


def auto_picture_cache_mb(memory_bytes: int | None = None) -> int:
    """The picture cache for a machine with ``memory_bytes`` (None: this machine's)."""
    if memory_bytes is None:
        try:
            memory_bytes = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
        except (AttributeError, ValueError, OSError):  # not POSIX (Windows)
            memory_bytes = 2 * 1024**3
    return max(48, min(256, memory_bytes // 48 // 1024**2))


@dataclass(frozen=True)
class Operator:
    corner_hold_s: float = 3.0  # long press in the top-left corner opens the PIN pad
    max_tries: int = 5
    lockout_s: float = 60.0


@dataclass(frozen=True)
class Hours:
    # Opening hours, read by kiosk.schedule.hours (its docstring has the full syntax).
    # A day: "closed" or bands like "09:00-12:00, 14:00-17:30" ("18:00-02:00" runs past
    # midnight); the default is open all day, so a hall that sets nothing is always open.
    mon: str = opening_hours.ALL_DAY_TEXT
    tue: str = opening_hours.ALL_DAY_TEXT
    wed: str = opening_hours.ALL_DAY_TEXT
    thu: str = opening_hours.ALL_DAY_TEXT
    fri: str = opening_hours.ALL_DAY_TEXT
    sat: str = opening_hours.ALL_DAY_TEXT
    sun: str = opening_hours.ALL_DAY_TEXT
    closed: tuple[str, ...] = ()  # closed dates, "2027-02-06"
    open: tuple[str, ...] = ()  # extra open dates, "2027-02-08" or "2027-02-08 09:00-12:00"
    closed_festivals: tuple[str, ...] = ()  # "春节+0..2": 春节 and the two days after
    outside: str = "closed-screen"  # while closed: "screen-off", "closed-screen" or "play"


@dataclass(frozen=True)
class Supervisor:
    # Read by kiosk.supervisor, which runs the kiosk window and starts it again.
    hang_s: float = 20.0  # no heartbeat for this long: the kiosk hangs and is restarted
    start_timeout_s: float = 60.0  # no first frame this long after a start: it hangs
    safe_after_crashes: int = 3  # this many crashes or hangs within crash_window_s ...
    crash_window_s: float = 600.0
    safe_mode_s: float = 3600.0  # ... give this long in safe mode (stills only, no films)


@dataclass(frozen=True)
class Content:
    # Folders that are a USB stick whenever they exist and hold something (or are a mount
    # point): an fstab mount point such as "/mnt/usb", or a drive letter "E:/" on Windows.
    # Sticks mounted under /media or /run/media, and removable drives on Windows, are found
    # without this (kiosk.usb.drives).
    usb_folders: tuple[str, ...] = ()
    # Signed content bundles (kiosk.bundles): public key files whose bundles this kiosk
    # accepts, besides those added with ``kiosk trust`` (in the data folder's trusted-keys).
    trusted_keys: tuple[str, ...] = ()
    # true (for fleets): every import must be a signed bundle; folders and sheets are refused.
    require_signed: bool = False
    # A folder the kiosk watches for signed bundles (Syncthing's receive-only content folder);
    # each one that has arrived completely is imported once ("": no watch folder).
    watch_folder: str = ""
    # A folder the kiosk writes its records to, one file per kiosk and day, every hour
    # (Syncthing's send-only records folder; "": none).
    records_folder: str = ""


@dataclass(frozen=True)
class Quiz:
    # The knowledge quiz (kiosk.ui.quiz): its home tile shows when enabled and questions exist.
    enabled: bool = True
    questions_per_round: int = 5  # a visitor's round
    teams: int = 3  # teams in a guide's group contest at first (2 to 4; the guide may change it)
    # A group contest keeps the screen this long without a touch (teams answer aloud, the
    # guide taps only now and then); then the idle reset ends it as anywhere else.
    group_idle_s: float = 900.0


@dataclass(frozen=True)
class Ticker:
    # The band of rules (items of kind ticker) scrolling along the bottom of the loop.
    enabled: bool = True  # shown whenever lines are valid now; false: never
    # Pixels per second at 1080p, scaled with the screen. 200 px/s moves about six 34 px
    # characters a second, inside the five to eight that Chinese readers follow on a band.
    speed: int = 200
    on_home: bool = False  # also along the bottom of the home screen
    languages: str = "both"  # "zh", "en", or "both": each line in Chinese, then English


@dataclass(frozen=True)
class Pledge:
    # The pledge signature wall (kiosk.ui.pledge): its home tile shows when enabled and a
    # pledge text (kind pledge) exists.
    enabled: bool = True
    in_loop: bool = True  # the attract loop shows the wall (an invitation while it is empty)
    keep: int = 20_000  # signatures kept; beyond, the oldest are dropped as new ones come


@dataclass(frozen=True)
class Settings:
    exhibition: Exhibition = field(default_factory=Exhibition)
    attract: Attract = field(default_factory=Attract)
    touch: Touch = field(default_factory=Touch)
    playback: Playback = field(default_factory=Playback)
    display: Display = field(default_factory=Display)
    operator: Operator = field(default_factory=Operator)
    hours: Hours = field(default_factory=Hours)
    supervisor: Supervisor = field(default_factory=Supervisor)
    content: Content = field(default_factory=Content)
    quiz: Quiz = field(default_factory=Quiz)
    ticker: Ticker = field(default_factory=Ticker)
    pledge: Pledge = field(default_factory=Pledge)

    def with_overrides(self, **sections: dict[str, Any]) -> Settings:
        """A copy with some values changed (command-line options, tests)."""
        changed = {
            name: replace(getattr(self, name), **values) for name, values in sections.items()
        }
        return replace(self, **changed)


# How a setting's expected type is said (kiosk.strings keys), by the type of its default.
_EXPECTED = {
    bool: "set_type_bool",
    float: "set_type_number",
    int: "set_type_int",
    str: "set_type_text",
}


def _coerce(value: Any, default: Any) -> Any:
    """``value`` as the type of ``default``; TypeError (with the strings key of the type
    expected) when it is not one."""
    number = isinstance(value, int | float) and not isinstance(value, bool)
    if isinstance(default, bool):
        ok = isinstance(value, bool)
    elif isinstance(default, float):
        ok, value = number, float(value) if number else value
    elif isinstance(default, int):
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif isinstance(default, str):
        ok = isinstance(value, str)
    else:  # tuple of strings
        ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
        value = tuple(value) if ok else value
    if not ok:
        raise TypeError(_EXPECTED.get(type(default), "set_type_list"))
    return value


VALID = {
    ("exhibition", "default_language"): ("zh", "en"),
    ("display", "rotate"): (0, 90, 180, 270),
    ("display", "picture_cache_mb"): range(0, 4097),
    ("supervisor", "safe_after_crashes"): range(1, 1001),
    ("quiz", "questions_per_round"): range(1, 51),
    ("quiz", "teams"): range(2, 5),
    ("ticker", "speed"): range(40, 801),
    ("ticker", "languages"): ("zh", "en", "both"),
    ("pledge", "keep"): range(100, 1_000_001),
}

#: Sections whose values are read by a parser of their own: it returns the problems of one
#: value (kiosk.schedule.problems.Problem), each naming its [section] key.
CHECKED = {"hours": opening_hours.check}


def load(path: Path) -> tuple[Settings, list[Text]]:
    """Settings from ``path`` (defaults where absent) and the problems found, one line
    each in either language (``problem.render(lang)``)."""
    problems: list[Text] = []
    settings = Settings()
    if not path.exists():
        return settings, problems
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        error = " ".join(str(e).split())
        return settings, [text("set_unreadable", file=path.name, error=error)]
    sections: dict[str, dict[str, Any]] = {}
    known_sections = {f.name: getattr(settings, f.name) for f in fields(settings)}
    for section, values in data.items():
        if section not in known_sections or not isinstance(values, dict):
            problems.append(text("set_unknown_section", file=path.name, section=section))
            continue
        current = known_sections[section]
        allowed = {f.name for f in fields(current)}
        for key, value in values.items():
            where = f"{path.name} [{section}] {key}"
            if key not in allowed:
                problems.append(text("set_unknown_key", where=where))
                continue
            try:
                coerced = _coerce(value, getattr(current, key))
            except TypeError as e:
                expected = text(str(e))
                problems.append(text("set_wrong_type", where=where, expected=expected, value=value))
                continue
            valid = VALID.get((section, key))
            if valid is not None and coerced not in valid:
                if isinstance(valid, range):
                    said = text("set_range", where=where, low=valid.start, high=valid.stop - 1)
                else:
                    said = text("set_one_of", where=where, values=Joined(list(valid)))
                problems.append(said)
                continue
            check = CHECKED.get(section)
            if check is not None and (found := check(key, coerced)):
                problems.append(text("set_checked", file=path.name, told=Joined(found)))
                continue
            sections.setdefault(section, {})[key] = coerced
    for p in problems:
        log.warning("%s", p.render("en"), extra={"said": p})
    return settings.with_overrides(**sections), problems


def operator_language(config_file: Path, environ: Mapping[str, str]) -> str:
    """The language of the operator's commands: ``[exhibition] default_language`` when the
    settings file sets it, else the system's (``LC_ALL``, ``LC_MESSAGES``, ``LANG``; Windows'
    UI language), else Chinese."""
    try:
        data = tomllib.loads(config_file.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        data = {}
    section = data.get("exhibition")
    value = section.get("default_language") if isinstance(section, dict) else None
    if value in VALID[("exhibition", "default_language")]:
        return value
    found = next((environ[n] for n in ("LC_ALL", "LC_MESSAGES", "LANG") if environ.get(n)), "")
    if not found and sys.platform == "win32":
        found = locale.getlocale()[0] or ""
    return "en" if found.lower().startswith(("en", "english")) else "zh"


def example_toml(lang: str = "zh") -> str:
    """The settings file with every setting at its default, each explained in ``lang``,
    for operators to edit."""
    settings = Settings()
    lines = [f"# {tr('set_help_title', lang)}", ""]
    for section in fields(settings):
        lines += _help(f"set_help_{section.name}", lang)
        lines.append(f"[{section.name}]")
        for f in fields(getattr(settings, section.name)):
            value = getattr(getattr(settings, section.name), f.name)
            lines += _help(f"set_help_{section.name}_{f.name}", lang)
            lines.append(f"{f.name} = {_toml_value(value)}")
        lines.append("")
    return "\n".join(lines)


def _help(key: str, lang: str) -> list[str]:
    return [f"# {tr(key, lang)}"] if key in STRINGS else []


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, tuple):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return repr(value)
