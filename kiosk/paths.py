"""Every location the kiosk reads or writes, in one place.

One override: ``--data-dir`` (or ``QINGFENG_DATA_DIR``) puts everything under
one folder; tests use it.  Without it the per-OS user locations from
platformdirs are used (``~/.local/share/qingfeng-kiosk`` on Debian,
``%LOCALAPPDATA%\\qingfeng-kiosk`` on Windows).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "qingfeng-kiosk"
ENV_DATA_DIR = "QINGFENG_DATA_DIR"
PACKAGE_DIR = Path(__file__).resolve().parent
REPO_ROOT = PACKAGE_DIR.parent


@dataclass(frozen=True)
class Paths:
    """Locations below one data directory."""

    data_dir: Path
    catalogue_name: str = "catalogue.sqlite"

    @classmethod
    def for_catalogue(cls, db: str | os.PathLike[str]) -> Paths:
        """``--db FILE``: that catalogue, with its media folders beside it."""
        db = Path(db).expanduser().resolve()
        return cls(db.parent, db.name)

    @classmethod
    def default(cls, data_dir: str | os.PathLike[str] | None = None) -> Paths:
        if data_dir is None:
            data_dir = os.environ.get(ENV_DATA_DIR) or platformdirs.user_data_dir(
                APP_NAME, appauthor=False
            )
        return cls(Path(data_dir).expanduser().resolve())

    @property
    def catalogue(self) -> Path:
        """The SQLite catalogue file."""
        return self.data_dir / self.catalogue_name

    @property
    def store(self) -> Path:
        """Original media files, stored by content hash."""
        return self.data_dir / "store"

    @property
    def renditions(self) -> Path:
        """Display sizes, thumbnails, poster frames and tile pyramids."""
        return self.data_dir / "renditions"

    @property
    def staging(self) -> Path:
        """Scratch space for half-made files; never read as content."""
        return self.data_dir / "staging"

    @property
    def bundle_staging(self) -> Path:
        """Where a signed bundle is unpacked and checked before it is applied."""
        return self.data_dir / "staging-bundles"

    @property
    def trusted_keys(self) -> Path:
        """Public keys whose bundles this kiosk accepts (``kiosk trust``)."""
        return self.data_dir / "trusted-keys"

    @property
    def logs(self) -> Path:
        return self.data_dir / "logs"

    @property
    def config_file(self) -> Path:
        """The one settings file an operator edits."""
        return self.data_dir / "kiosk.toml"

    @property
    def demo(self) -> Paths:
        """The bundled demo catalogue lives in its own data directory."""
        return Paths(self.data_dir / "demo")

    @property
    def demo_build(self) -> Path:
        """Generated demo media (posters, scrolls, films) before import."""
        return self.data_dir / "demo-build"


def data_sources() -> Path:
    """Sources shipped with the project (the human-editable demo content): ``data/`` at the
    top of a source tree, which an installed package carries as ``kiosk/data``."""
    installed = PACKAGE_DIR / "data"
    return installed if installed.is_dir() else REPO_ROOT / "data"


DATA_SOURCES = data_sources()


def media_dir() -> Path:
    """The kiosk's own static media: ``media/`` at the top of a source tree, which an installed
    package carries as ``kiosk/media`` (see pyproject.toml)."""
    installed = PACKAGE_DIR / "media"
    return installed if installed.is_dir() else REPO_ROOT / "media"
