"""The operator PIN: hashing, the PIN file, and the guard against guessing (no Qt here).

The PIN is 4–8 digits.  Only a salted scrypt hash of it is kept, in one file
``<data dir>/operator.pin`` holding a self-describing string::

    scrypt$16384$8$1$<salt, base64>$<hash, base64>

There is no default PIN.  Until the operator runs ``kiosk set-pin`` the PIN pad
accepts nothing and the operator panel cannot be reached at all.

``PinGuard`` counts consecutive wrong tries: after ``max_tries`` of them it
refuses every try for ``lockout_s`` seconds, then allows again.  The count lives
in memory only (a restart forgets it; restarting takes longer than the lockout).
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import getpass
import hashlib
import hmac
import logging
import os
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from kiosk.paths import Paths
from kiosk.strings import Refused, text

log = logging.getLogger(__name__)

PIN_FILE = "operator.pin"
MIN_DIGITS, MAX_DIGITS = 4, 8

# scrypt cost: n=2**14, r=8 needs 16 MiB and ~50 ms per try on a small PC.
_N, _R, _P = 2**14, 8, 1
_SALT_BYTES, _HASH_BYTES = 16, 32
# Limits when reading a stored hash, so a tampered file cannot make one try take minutes
# or gigabytes (2**17 × 16 × 128 bytes = 256 MiB at most).
_MAX_N, _MAX_R, _MAX_P = 2**17, 16, 4

Result = Literal["ok", "wrong", "locked"]

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class PinError(Refused, ValueError):
    """A PIN that is not 4–8 digits; the text says what is wrong, in one line."""


def check_pin(pin: str) -> str:
    """``pin`` if it is 4–8 ASCII digits, else ``PinError`` with a clear message."""
    limits = {"lo": MIN_DIGITS, "hi": MAX_DIGITS}
    if not isinstance(pin, str) or not (pin.isascii() and pin.isdigit()):
        if pin == "":
            raise PinError("pin_empty", **limits)
        raise PinError("pin_not_digits", **limits)
    if not MIN_DIGITS <= len(pin) <= MAX_DIGITS:
        raise PinError("pin_length", n=len(pin), **limits)
    return pin


def normalise_pin(typed: str) -> str:
    """What was typed, with full-width digits (１２３４ from a Chinese input method) made
    ASCII and surrounding spaces removed."""
    return unicodedata.normalize("NFKC", typed).strip()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int, dklen: int) -> bytes:
    maxmem = 128 * r * (n + p + 2) + 1024 * 1024  # what OpenSSL needs, and a little more
    return hashlib.scrypt(pin.encode("ascii"), salt=salt, n=n, r=r, p=p, dklen=dklen, maxmem=maxmem)


def hash_pin(pin: str) -> str:
    """A salted scrypt hash of a valid PIN, as ``scrypt$n$r$p$salt$hash``."""
    check_pin(pin)
    salt = os.urandom(_SALT_BYTES)
    digest = _scrypt(pin, salt, _N, _R, _P, _HASH_BYTES)
    return f"scrypt${_N}${_R}${_P}${_b64(salt)}${_b64(digest)}"


def _parse(stored: str) -> tuple[int, int, int, bytes, bytes] | None:
    """The parts of a stored hash, or None if it is not one we wrote."""
    parts = stored.strip().split("$")
    if len(parts) != 6 or parts[0] != "scrypt":
        return None
    try:
        n, r, p = (int(x) for x in parts[1:4])
        salt = base64.b64decode(parts[4], validate=True)
        digest = base64.b64decode(parts[5], validate=True)
    except (ValueError, binascii.Error):
        return None
    power_of_two = n > 1 and n & (n - 1) == 0
    if not (power_of_two and n <= _MAX_N and 1 <= r <= _MAX_R and 1 <= p <= _MAX_P):
        return None
    if len(salt) < 8 or not 16 <= len(digest) <= 64:
        return None
    return n, r, p, salt, digest


def is_pin_hash(stored: str) -> bool:
    return _parse(stored) is not None


def verify_pin(pin: str, stored: str) -> bool:
    """True if ``pin`` matches the stored hash (compared in constant time)."""
    parsed = _parse(stored) if isinstance(stored, str) else None
    if parsed is None:
        return False
    try:
        check_pin(pin)
    except PinError:
        return False
    n, r, p, salt, digest = parsed
    return hmac.compare_digest(_scrypt(pin, salt, n, r, p, len(digest)), digest)


# ------------------------------------------------------------------ the PIN file
def pin_file(paths: Paths) -> Path:
    return paths.data_dir / PIN_FILE


def save_pin(paths: Paths, pin: str) -> None:
    """Hash ``pin`` and write it to the PIN file atomically (mode 0600 on POSIX)."""
    stored = hash_pin(pin)
    target = pin_file(paths)
    target.parent.mkdir(parents=True, exist_ok=True)
    # mkstemp creates the file with mode 0600, so the hash is never readable by others.
    fd, tmp = tempfile.mkstemp(prefix=".operator-", suffix=".pin.tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="ascii", newline="\n") as f:
            f.write(stored + "\n")
            f.flush()
            os.fsync(f.fileno())
        if os.name == "posix":
            os.chmod(tmp, 0o600)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    if os.name == "posix":
        with contextlib.suppress(OSError):
            dir_fd = os.open(target.parent, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)


def load_pin_hash(paths: Paths) -> str | None:
    """The stored hash, or None when no PIN is set (or the file is unreadable or damaged)."""
    path = pin_file(paths)
    try:
        text = path.read_text("ascii").strip()
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as e:
        log.warning("%s: cannot read it (%s); the operator panel stays locked", path, e)
        return None
    if not is_pin_hash(text):
        log.warning(
            "%s: not a PIN hash; the operator panel stays locked until `kiosk set-pin`", path
        )
        return None
    return text


# ------------------------------------------------------------------ guessing
class PinGuard:
    """Refuses every try for ``lockout_s`` after ``max_tries`` consecutive wrong ones."""

    def __init__(
        self,
        max_tries: int = 5,
        lockout_s: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.max_tries = max(1, int(max_tries))
        self.lockout_s = max(0.0, float(lockout_s))
        self._clock = clock
        self._wrong = 0
        self._until: float | None = None

    def locked_for(self) -> float:
        """Seconds until tries are allowed again; 0.0 when not locked."""
        if self._until is None:
            return 0.0
        left = self._until - self._clock()
        if left <= 0:
            self._until, self._wrong = None, 0
            return 0.0
        return left

    def tries_left(self) -> int:
        """Wrong tries still allowed before the lockout (0 while locked)."""
        if self.locked_for() > 0:
            return 0
        return self.max_tries - self._wrong

    def attempt(self, pin: str, stored_hash: str | None) -> Result:
        """Check ``pin``: "ok" (the count is reset), "wrong", or "locked" (not even checked)."""
        if self.locked_for() > 0:
            return "locked"
        if stored_hash is not None and verify_pin(pin, stored_hash):
            self._wrong = 0
            return "ok"
        self._wrong += 1
        if self._wrong >= self.max_tries:
            self._until = self._clock() + self.lockout_s
            log.warning(
                "operator PIN: %d wrong tries, locked for %.0f s", self._wrong, self.lockout_s
            )
        return "wrong"


# ------------------------------------------------------------------ kiosk set-pin
def set_pin_command(paths: Paths, pin: str | None, stdin_is_tty: bool, lang: str = "zh") -> int:
    """``kiosk set-pin [PIN]``: ask (twice at a terminal, else one stdin line), check, save.

    Returns 0 when saved, 2 when the PIN is invalid or the two entries differ,
    1 when the file cannot be written.
    """

    def say(key: str, stream=sys.stderr, **values: object) -> None:
        print(text(key, **values).render(lang), file=stream)

    if pin is None:
        try:
            if stdin_is_tty:
                limits = {"lo": MIN_DIGITS, "hi": MAX_DIGITS}
                pin = getpass.getpass(text("pin_prompt", **limits).render(lang))
                again = getpass.getpass(text("pin_again").render(lang))
                if normalise_pin(pin) != normalise_pin(again):
                    say("pin_differ")
                    return EXIT_USAGE
            else:
                pin = sys.stdin.readline().rstrip("\r\n")
        except EOFError:
            say("pin_none_given")
            return EXIT_USAGE
    pin = normalise_pin(pin)
    try:
        check_pin(pin)
    except PinError as e:
        say("pin_error", why=e.text)
        return EXIT_USAGE
    try:
        save_pin(paths, pin)
    except OSError as e:
        say("pin_cannot_write", path=pin_file(paths), why=e)
        return EXIT_PROBLEMS
    say("pin_saved", sys.stdout, path=pin_file(paths))
    return EXIT_OK
