"""A county's kiosks kept in step: the watch folder that Syncthing fills with signed
bundles, and the records folder that carries each kiosk's records back to the office."""
