"""The one base class of the kiosk's user-facing errors."""


class KioskError(Exception):
    """A problem the operator can fix: its message is one line that says what to do.

    Where the kiosk catches one itself (a rejected file in an import), it reports it
    there; one that reaches the ``kiosk`` command is printed as that one line and ends
    it with exit status 2, without a traceback. Anything else is a bug (exit 70).
    """
