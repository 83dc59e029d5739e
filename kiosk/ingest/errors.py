"""Errors the import pipeline reports to operators."""


class RejectedFile(Exception):
    """A source file that cannot be imported.

    ``str(error)`` is one short line for an operator, without the file name
    (the caller prints ``<file>: <reason>``), e.g. "truncated JPEG: the file
    ends before the image does".
    """
