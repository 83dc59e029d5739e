"""Errors the import pipeline reports to operators, in their language."""

from __future__ import annotations

from kiosk.strings import Refused

__all__ = ["Refused", "RejectedFile"]


class RejectedFile(Refused):
    """A source file that cannot be imported.

    The text is one short line without the file name (the caller names the
    file), e.g. "truncated JPEG: the file ends before the image does".
    """
