"""sqlite-utils without numpy, for the processes that stay up for months.

sqlite-utils imports numpy (and pandas) whenever they are installed, only to map
their scalar types to column types; the kiosk stores neither.  numpy costs about
25 MB resident (and starts OpenBLAS threads) in every process that opens the
catalogue — the kiosk window and its supervisor, on a 2 GB machine.  So unless
something has already imported numpy, sqlite-utils is imported with it hidden;
numpy itself stays importable afterwards (the importer scales scans with it).
"""

from __future__ import annotations

import sys

_HIDDEN = ("numpy", "pandas")


def import_sqlite_utils() -> None:
    """Import sqlite_utils now, with numpy and pandas hidden unless already loaded."""
    if "sqlite_utils.db" in sys.modules or "numpy" in sys.modules:
        return
    hidden = [name for name in _HIDDEN if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # import → ImportError
    try:
        import sqlite_utils.db  # noqa: F401
    finally:
        for name in hidden:
            del sys.modules[name]
