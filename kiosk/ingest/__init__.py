"""Getting content into the catalogue: sheets, validation, renditions (no Qt here)."""
