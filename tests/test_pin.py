"""kiosk.pin: hashing, the PIN file, the guard against guessing, ``kiosk set-pin`` (no Qt)."""

from __future__ import annotations

import base64
import getpass
import io
import os
import stat
import sys

import pytest

from kiosk.pin import (
    PinError,
    PinGuard,
    check_pin,
    hash_pin,
    load_pin_hash,
    pin_file,
    save_pin,
    set_pin_command,
    verify_pin,
)

RIGHT = "2580"


@pytest.fixture(scope="module")
def stored() -> str:
    return hash_pin(RIGHT)


class FakeClock:
    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


# ------------------------------------------------------------------ hashing
def test_hash_is_self_describing_scrypt(stored: str) -> None:
    scheme, n, r, p, salt, digest = stored.split("$")
    assert (scheme, n, r, p) == ("scrypt", "16384", "8", "1")
    assert len(base64.b64decode(salt, validate=True)) == 16
    assert len(base64.b64decode(digest, validate=True)) == 32
    assert RIGHT not in stored


def test_verify_right_and_wrong(stored: str) -> None:
    assert verify_pin(RIGHT, stored)
    assert not verify_pin("2581", stored)
    assert not verify_pin("25800", stored)
    assert not verify_pin("", stored)


def test_salt_differs_each_time() -> None:
    a, b = hash_pin(RIGHT), hash_pin(RIGHT)
    assert a != b
    assert a.split("$")[4] != b.split("$")[4]
    assert verify_pin(RIGHT, a) and verify_pin(RIGHT, b)


@pytest.mark.parametrize(
    ("pin", "says"),
    [
        ("", "empty"),
        ("123", "3 digits"),
        ("123456789", "9 digits"),
        ("12a4", "only digits"),
        ("12 34", "only digits"),
        ("１２３４", "only digits"),  # full-width digits from a Chinese input method
        ("-123", "only digits"),
    ],
)
def test_bad_pins_are_rejected_with_a_clear_message(pin: str, says: str) -> None:
    with pytest.raises(PinError, match=says):
        check_pin(pin)
    with pytest.raises(PinError):
        hash_pin(pin)


@pytest.mark.parametrize("pin", ["0000", "1234", "12345678", "007007"])
def test_good_pins(pin: str) -> None:
    assert check_pin(pin) == pin


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "not a hash",
        "bcrypt$16384$8$1$AAAA$BBBB",
        "scrypt$16384$8$1$%%%$BBBB",
        "scrypt$1000$8$1$AAAAAAAAAAAAAAAAAAAAAA==$" + "A" * 44,  # n not a power of two
        "scrypt$1073741824$8$1$AAAAAAAAAAAAAAAAAAAAAA==$" + "A" * 44,  # absurd cost
    ],
)
def test_damaged_hashes_never_match(bad: str) -> None:
    assert not verify_pin(RIGHT, bad)


def test_a_changed_hash_does_not_match(stored: str) -> None:
    parts = stored.split("$")
    digest = bytearray(base64.b64decode(parts[5]))
    digest[0] ^= 1
    parts[5] = base64.b64encode(bytes(digest)).decode()
    assert not verify_pin(RIGHT, "$".join(parts))


# ------------------------------------------------------------------ the guard
def test_lockout_after_five_wrong_then_unlock_after_sixty_seconds(stored: str) -> None:
    clock = FakeClock()
    guard = PinGuard(5, 60.0, clock=clock)
    for i in range(4):
        assert guard.attempt("1111", stored) == "wrong"
        assert guard.locked_for() == 0.0
        assert guard.tries_left() == 4 - i
    assert guard.attempt("1111", stored) == "wrong"
    assert guard.locked_for() == pytest.approx(60.0)
    assert guard.tries_left() == 0
    assert guard.attempt(RIGHT, stored) == "locked"  # even the right PIN
    clock.now += 59.5
    assert guard.locked_for() == pytest.approx(0.5)
    assert guard.attempt(RIGHT, stored) == "locked"
    clock.now += 0.5
    assert guard.locked_for() == 0.0
    assert guard.tries_left() == 5
    assert guard.attempt(RIGHT, stored) == "ok"


def test_after_the_lockout_a_full_set_of_tries_again(stored: str) -> None:
    clock = FakeClock()
    guard = PinGuard(5, 60.0, clock=clock)
    for _ in range(5):
        guard.attempt("1111", stored)
    clock.now += 61
    for _ in range(4):
        assert guard.attempt("1111", stored) == "wrong"
    assert guard.locked_for() == 0.0
    assert guard.attempt("1111", stored) == "wrong"
    assert guard.locked_for() == pytest.approx(60.0)


def test_right_pin_resets_the_count(stored: str) -> None:
    guard = PinGuard(5, 60.0, clock=FakeClock())
    for _ in range(4):
        assert guard.attempt("9999", stored) == "wrong"
    assert guard.attempt(RIGHT, stored) == "ok"
    for _ in range(4):
        assert guard.attempt("9999", stored) == "wrong"
    assert guard.locked_for() == 0.0
    assert guard.tries_left() == 1


def test_settings_values_are_used(stored: str) -> None:
    clock = FakeClock()
    guard = PinGuard(max_tries=2, lockout_s=10, clock=clock)
    guard.attempt("1111", stored)
    guard.attempt("1111", stored)
    assert guard.attempt(RIGHT, stored) == "locked"
    clock.now += 10
    assert guard.attempt(RIGHT, stored) == "ok"


def test_no_pin_set_never_opens() -> None:
    guard = PinGuard(clock=FakeClock())
    assert guard.attempt(RIGHT, None) == "wrong"


# ------------------------------------------------------------------ the file
def test_saved_file_holds_only_the_hash(paths) -> None:
    save_pin(paths, RIGHT)
    path = pin_file(paths)
    assert path == paths.data_dir / "operator.pin"
    text = path.read_text("ascii")
    assert text.count("\n") == 1 and text.startswith("scrypt$")
    assert RIGHT not in text
    assert load_pin_hash(paths) == text.strip()
    assert verify_pin(RIGHT, load_pin_hash(paths))
    assert [p.name for p in paths.data_dir.iterdir()] == ["operator.pin"]  # no temp files


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_saved_file_is_private(paths) -> None:
    save_pin(paths, RIGHT)
    assert stat.S_IMODE(pin_file(paths).stat().st_mode) == 0o600
    save_pin(paths, "13579")  # replaced, still private
    assert stat.S_IMODE(pin_file(paths).stat().st_mode) == 0o600
    assert verify_pin("13579", load_pin_hash(paths))
    assert not verify_pin(RIGHT, load_pin_hash(paths))


def test_no_file_means_no_pin(paths) -> None:
    assert load_pin_hash(paths) is None


@pytest.mark.parametrize("content", [b"", b"1234\n", b"\xff\xfe garbage", b"scrypt$1$2$3"])
def test_damaged_file_means_no_pin(paths, content: bytes, caplog) -> None:
    paths.data_dir.mkdir(parents=True)
    pin_file(paths).write_bytes(content)
    assert load_pin_hash(paths) is None
    assert "operator.pin" in caplog.text


# ------------------------------------------------------------------ kiosk set-pin
def test_set_pin_from_stdin(paths, monkeypatch, capsys) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("2468\n"))
    assert set_pin_command(paths, None, stdin_is_tty=False) == 0
    out = capsys.readouterr()
    assert out.out.count("\n") == 1 and "operator.pin" in out.out
    assert "2468" not in out.out + out.err
    assert verify_pin("2468", load_pin_hash(paths))


@pytest.mark.parametrize(
    ("lang", "says"),
    [
        ("zh", "错误：密码有 2 位；请用 4–8 位数字；密码没有改动\n"),
        ("en", "error: the PIN has 2 digits; use 4–8 digits; nothing was changed\n"),
    ],
)
def test_set_pin_from_stdin_invalid(paths, monkeypatch, capsys, lang, says) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("24\n"))
    assert set_pin_command(paths, None, stdin_is_tty=False, lang=lang) == 2
    assert capsys.readouterr().err == says
    assert load_pin_hash(paths) is None


def test_set_pin_from_empty_stdin(paths, monkeypatch, capsys) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert set_pin_command(paths, None, stdin_is_tty=False) == 2
    assert capsys.readouterr().err == "错误：密码是空的；请用 4–8 位数字；密码没有改动\n"


@pytest.mark.parametrize(
    ("typed", "lang", "says"),
    [
        ("１２３４", "zh", "管理员密码已保存到 {}\n"),
        (" １２３４ ", "en", "Operator PIN saved to {}\n"),
        ("12３4", "zh", "管理员密码已保存到 {}\n"),
    ],
)
def test_set_pin_accepts_full_width_digits(paths, monkeypatch, capsys, typed, lang, says) -> None:
    """A Chinese input method types full-width digits; they are the same PIN."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(typed + "\n"))
    assert set_pin_command(paths, None, stdin_is_tty=False, lang=lang) == 0
    assert capsys.readouterr().out == says.format(pin_file(paths))
    assert verify_pin("1234", load_pin_hash(paths))


def test_set_pin_as_argument(paths, capsys) -> None:
    assert set_pin_command(paths, "13572468", stdin_is_tty=True) == 0
    assert verify_pin("13572468", load_pin_hash(paths))


@pytest.mark.parametrize(
    ("lang", "asked"),
    [
        ("zh", ["新的管理员密码（4–8 位数字）：", "请再输入一次："]),
        ("en", ["New operator PIN (4–8 digits): ", "Type it again: "]),
    ],
)
def test_set_pin_asks_twice_at_a_terminal(paths, monkeypatch, lang, asked) -> None:
    answers = iter(["8642", "８６４２"])
    prompts: list[str] = []

    def fake_getpass(prompt: str = "") -> str:
        prompts.append(prompt)
        return next(answers)

    monkeypatch.setattr(getpass, "getpass", fake_getpass)
    assert set_pin_command(paths, None, stdin_is_tty=True, lang=lang) == 0
    assert prompts == asked
    assert verify_pin("8642", load_pin_hash(paths))


@pytest.mark.parametrize(
    ("lang", "says"),
    [
        ("zh", "两次输入的密码不一样；密码没有改动\n"),
        ("en", "the two PINs differ; nothing was changed\n"),
    ],
)
def test_set_pin_entries_differ(paths, monkeypatch, capsys, lang, says) -> None:
    save_pin(paths, RIGHT)
    answers = iter(["8642", "8643"])
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": next(answers))
    assert set_pin_command(paths, None, stdin_is_tty=True, lang=lang) == 2
    assert capsys.readouterr().err == says
    assert verify_pin(RIGHT, load_pin_hash(paths))  # the old PIN stays


def test_set_pin_cannot_write(tmp_path, capsys) -> None:
    from kiosk.paths import Paths

    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    data = Paths(blocker / "data")
    assert set_pin_command(data, RIGHT, stdin_is_tty=False, lang="en") == 1
    assert capsys.readouterr().err.startswith(f"error: cannot write {pin_file(data)}: ")
