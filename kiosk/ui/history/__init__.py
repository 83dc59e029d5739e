"""Local integrity history: the hub, lists per kind, the timeline, item pages and the map."""
