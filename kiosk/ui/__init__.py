"""The kiosk's screens (PySide6).

The UI reads the catalogue only through ``kiosk.catalog.library``; it never writes SQL.
"""
