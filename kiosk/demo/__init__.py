"""The bundled demo: generated artwork and films, imported like any operator's content."""
