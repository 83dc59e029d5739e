"""Errors the import pipeline reports to operators."""

from kiosk.errors import KioskError


class RejectedFile(KioskError):
    """A source file that cannot be imported.

    ``str(error)`` is one short line for an operator, without the file name
    (the caller prints ``<file>: <reason>``), e.g. "truncated JPEG: the file
    ends before the image does".
    """
