"""Every setting, declared once with its type and default.

An operator edits one TOML file (``kiosk.toml`` in the data folder); anything
not in it keeps its default.  Unknown keys and wrong types are reported in one
line each and the default is used, so a typo never stops the kiosk.
"""

from __future__ import annotations

import locale
import logging
import os
import sys
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from kiosk.schedule import hours as opening_hours

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Exhibition:
    name_zh: str = "清风展陈 · 廉政文化教育基地"
    name_en: str = "Qingfeng Integrity Culture Exhibition"
    default_language: str = "zh"  # "zh" or "en"; the idle reset returns to it


@dataclass(frozen=True)
class Attract:
    poster_s: float = 10.0
    calligraphy_s: float = 14.0
    photo_s: float = 8.0
    aphorism_s: float = 12.0
    film_max_s: float = 0.0  # 0: films play to the end
    crossfade_ms: int = 800
    pan_px_per_s: float = 40.0
    pan_pause_s: float = 2.0
    audio: bool = False  # sound of films in the attract loop
    kinds: tuple[str, ...] = ("poster", "calligraphy", "aphorism", "film", "photo")


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
    # 0: automatic, 1/32 of the machine's memory between 48 and 256 MB (64 MB on a 2 GB
    # machine, 256 MB from 8 GB up; 64 MB where the memory cannot be read).
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
    return max(48, min(256, memory_bytes // 32 // 1024**2))


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
    # Signed content bundles (kiosk.bundles): public key files whose bundles this kiosk
    # accepts, besides those added with ``kiosk trust`` (in the data folder's trusted-keys).
    trusted_keys: tuple[str, ...] = ()
    # true (for fleets): every import must be a signed bundle; folders and sheets are refused.
    require_signed: bool = False


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

    def with_overrides(self, **sections: dict[str, Any]) -> Settings:
        """A copy with some values changed (command-line options, tests)."""
        changed = {
            name: replace(getattr(self, name), **values) for name, values in sections.items()
        }
        return replace(self, **changed)


def _coerce(value: Any, default: Any, where: str) -> Any:
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
        raise TypeError(f"{where}: expected {type(default).__name__}, got {value!r}")
    return value


VALID = {
    ("exhibition", "default_language"): ("zh", "en"),
    ("display", "rotate"): (0, 90, 180, 270),
    ("display", "picture_cache_mb"): range(0, 4097),
    ("supervisor", "safe_after_crashes"): range(1, 1001),
}

#: Sections whose values are read by a parser of their own: it returns the problems of one
#: value (kiosk.schedule.problems.Problem), reported here in English.
CHECKED = {"hours": opening_hours.check}


def load(path: Path) -> tuple[Settings, list[str]]:
    """Settings from ``path`` (defaults where absent) and the problems found."""
    problems: list[str] = []
    settings = Settings()
    if not path.exists():
        return settings, problems
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        return settings, [f"{path.name}: cannot read it ({e}); using the defaults"]
    sections: dict[str, dict[str, Any]] = {}
    known_sections = {f.name: getattr(settings, f.name) for f in fields(settings)}
    for section, values in data.items():
        if section not in known_sections or not isinstance(values, dict):
            problems.append(f"{path.name}: unknown section [{section}] ignored")
            continue
        current = known_sections[section]
        allowed = {f.name for f in fields(current)}
        for key, value in values.items():
            where = f"{path.name} [{section}] {key}"
            if key not in allowed:
                problems.append(f"{where}: unknown setting ignored")
                continue
            try:
                coerced = _coerce(value, getattr(current, key), where)
            except TypeError as e:
                problems.append(f"{e}; using the default")
                continue
            valid = VALID.get((section, key))
            if valid is not None and coerced not in valid:
                rule = (
                    f"from {valid.start} to {valid.stop - 1}"
                    if isinstance(valid, range)
                    else f"one of {valid}"
                )
                problems.append(f"{where}: must be {rule}; using the default")
                continue
            check = CHECKED.get(section)
            if check is not None and (found := check(key, coerced)):
                told = "; ".join(p.text("en") for p in found)  # each names [section] key
                problems.append(f"{path.name} {told}; using the default")
                continue
            sections.setdefault(section, {})[key] = coerced
    for p in problems:
        log.warning("%s", p)
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


def example_toml() -> str:
    """The settings file with every setting at its default, for operators to edit."""
    settings = Settings()
    lines = ["# Qingfeng Kiosk settings. Delete a line to use its default.", ""]
    for section in fields(settings):
        lines.append(f"[{section.name}]")
        for f in fields(getattr(settings, section.name)):
            value = getattr(getattr(settings, section.name), f.name)
            lines.append(f"{f.name} = {_toml_value(value)}")
        lines.append("")
    return "\n".join(lines)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, tuple):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return repr(value)
