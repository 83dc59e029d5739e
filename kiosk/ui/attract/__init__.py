"""The attract loop: what the kiosk shows while nobody touches it."""
