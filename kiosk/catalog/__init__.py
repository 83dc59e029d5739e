"""The catalogue: one SQLite file and the media stored beside it (no Qt here).

``Catalogue``, ``CatalogueError``, ``CatalogueTooNew`` and ``SearchHit`` are loaded on first
use, so that a module of this package that needs no sqlite-utils (``runs``, which the
supervisor uses) can be imported without it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kiosk.catalog.schema import CatalogueTooNew
    from kiosk.catalog.store import Catalogue, CatalogueError, SearchHit

__all__ = ["Catalogue", "CatalogueError", "CatalogueTooNew", "SearchHit"]


def __getattr__(name: str) -> Any:
    if name in ("Catalogue", "CatalogueError", "SearchHit"):
        from kiosk.catalog import store

        return getattr(store, name)
    if name == "CatalogueTooNew":
        from kiosk.catalog import schema

        return schema.CatalogueTooNew
    raise AttributeError(f"module 'kiosk.catalog' has no attribute {name!r}")
