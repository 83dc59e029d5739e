"""The catalogue: one SQLite file and the media stored beside it (no Qt here)."""

from kiosk.catalog.lean import import_sqlite_utils

import_sqlite_utils()  # first: before any module imports sqlite_utils (see lean.py)

from kiosk.catalog.schema import CatalogueTooNew  # noqa: E402
from kiosk.catalog.store import Catalogue, CatalogueError, SearchHit  # noqa: E402

__all__ = ["Catalogue", "CatalogueError", "CatalogueTooNew", "SearchHit"]
