"""Outside opening hours: the closed screen and what keeps the hours in the running kiosk."""
