"""The films' words (titles, narration, subtitles, English), one TOML file per film in
``media/demo/films/``; the code beside this module paints the scenes and sets them."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from kiosk.paths import media_dir

Script = dict[str, Any]


def scripts_dir() -> Path:
    return media_dir() / "demo" / "films"


def load(name: str) -> Script:
    """The script of the film ``name`` (its file's stem, e.g. ``si-zhi``)."""
    with (scripts_dir() / f"{name}.toml").open("rb") as f:
        return tomllib.load(f)
