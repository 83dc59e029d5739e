"""The catalogue: one SQLite file and the media stored beside it (no Qt here)."""
