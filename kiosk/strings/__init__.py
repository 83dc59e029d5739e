"""Every text a visitor or an operator reads, in Chinese and English: one mechanism.

Screens ask ``tr(key, lang)`` (``trn(key, lang, n)`` for counts); content
fields come from the catalogue through ``field(row, name, lang)``, which falls
back to Chinese where English is missing. Messages made before their language is
known are ``Text`` (``text(key, **values)``), rendered later; ``Refused`` carries one.
The texts themselves live in the tables beside this file, one per part of the
kiosk; a key is defined in one table only (a test checks it).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kiosk.errors import KioskError
from kiosk.strings.appliance import APPLIANCE
from kiosk.strings.bundles import BUNDLES
from kiosk.strings.cases import CASES
from kiosk.strings.content import CONTENT
from kiosk.strings.couplets import COUPLETS
from kiosk.strings.formats import FORMATS
from kiosk.strings.handwriting import HANDWRITING
from kiosk.strings.kinds_operator import KINDS_OPERATOR
from kiosk.strings.operator import OPERATOR
from kiosk.strings.pledge import PLEDGE
from kiosk.strings.quiz import QUIZ
from kiosk.strings.reporting import REPORTING
from kiosk.strings.schedule import SCHEDULE
from kiosk.strings.screens import SCREENS
from kiosk.strings.settings_help import SETTINGS_HELP
from kiosk.strings.songs import SONGS
from kiosk.strings.ticker import TICKER
from kiosk.strings.usb import USB

TABLES: dict[str, dict[str, tuple[str, str]]] = {
    "screens": SCREENS,
    "schedule": SCHEDULE,
    "appliance": APPLIANCE,
    "operator": OPERATOR,
    "settings_help": SETTINGS_HELP,
    "content": CONTENT,
    "reporting": REPORTING,
    "usb": USB,
    "bundles": BUNDLES,
    "formats": FORMATS,
    "kinds_operator": KINDS_OPERATOR,
    "couplets": COUPLETS,
    "cases": CASES,
    "songs": SONGS,
    "handwriting": HANDWRITING,
    "quiz": QUIZ,
    "ticker": TICKER,
    "pledge": PLEDGE,
}
STRINGS: dict[str, tuple[str, str]] = {k: v for table in TABLES.values() for k, v in table.items()}

LANGUAGES = ("zh", "en")


#: English for a count of one, where it differs (Chinese has no plural).
ENGLISH_ONE: dict[str, str] = {
    "pin_tries_left": "{n} try left",
    "map_unplaced": "{n} more place is not on this map",
    "check_problems": "{n} problem",
    "n_items": "{n} item",
    "n_maps": "{n} map",
    "n_stored": "{n} stored file",
    "manage_count": "{n} item",
    "quiz_intro": "1 question. After answering you see the right answer, why, and its source.",
    "quiz_points": "{n} point",
    "pledge_wall_count": "1 person has signed",
}


def tr(key: str, lang: str) -> str:
    zh, en = STRINGS[key]
    return en if lang == "en" else zh


def trn(key: str, lang: str, n: int) -> str:
    """A counted string with ``{n}`` filled in, singular in English for one."""
    if lang == "en" and n == 1 and key in ENGLISH_ONE:
        return ENGLISH_ONE[key].format(n=n)
    return tr(key, lang).format(n=n)


def field(row: dict[str, Any], name: str, lang: str) -> str:
    """A bilingual content field in ``lang``, falling back to Chinese."""
    value = row.get(f"{name}_{lang}") if lang == "en" else None
    return value or row.get(f"{name}_zh") or row.get(f"{name}_en") or ""


@dataclass
class Text:
    """A message to say later in the reader's language: a key of STRINGS and its values.

    A value that is itself a ``Text`` (or anything with ``render(lang)``) is said in
    the same language.
    """

    key: str
    values: dict[str, Any]

    def __post_init__(self) -> None:
        if self.key not in STRINGS:
            raise KeyError(self.key)

    def render(self, lang: str) -> str:
        said = {k: v.render(lang) if hasattr(v, "render") else v for k, v in self.values.items()}
        one = lang == "en" and said.get("n") == 1 and self.key in ENGLISH_ONE
        return (ENGLISH_ONE[self.key] if one else tr(self.key, lang)).format(**said)


def text(key: str, /, **values: Any) -> Text:
    return Text(key, values)


class Refused(KioskError):
    """Something the operator gave that cannot be used.

    ``text`` says why in either language; ``str(error)`` is the English line,
    for logs and tests.
    """

    def __init__(self, key: str, /, **values: Any) -> None:
        self.text = Text(key, values)
        super().__init__(self.text.render("en"))


@dataclass
class Joined:
    """Several texts (or plain strings) said as a list in the reader's language."""

    items: list[Any]

    def render(self, lang: str) -> str:
        said = [i.render(lang) if hasattr(i, "render") else str(i) for i in self.items]
        return tr("list_sep", lang).join(said)
