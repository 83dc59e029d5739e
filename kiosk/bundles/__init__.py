"""Signed content bundles: keys (keys.py), packing (pack.py), opening and checking
(archive.py, names.py, manifest.py), applying all or nothing (apply.py, ledger.py,
staging.py) and the commands (command.py)."""
