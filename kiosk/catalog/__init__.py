"""The catalogue: one SQLite file and the media stored beside it (no Qt here)."""

from kiosk.catalog.schema import CatalogueTooNew
from kiosk.catalog.store import Catalogue, CatalogueError, SearchHit

__all__ = ["Catalogue", "CatalogueError", "CatalogueTooNew", "SearchHit"]
