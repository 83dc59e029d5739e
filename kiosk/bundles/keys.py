"""Ed25519 signing keys (through ``cryptography``): made, written, read, trusted.

A key file is a small JSON text: what it is, the key id (the first 8 bytes of the
SHA-256 of the raw public key, in hex) and the raw key in base64. The secret file holds
the 32-byte seed and the public key; it is written with mode 0600 and never packed.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from kiosk.strings import Refused

log = logging.getLogger(__name__)

FORMAT = "qingfeng-kiosk-key"
PUBLIC, SECRET = "ed25519-public", "ed25519-secret"
PUBLIC_SUFFIX, SECRET_SUFFIX = ".pub", ".secret"
MAX_KEY_FILE = 4096  # bytes; a key file is about 200


def key_id(public: bytes) -> str:
    return hashlib.sha256(public).hexdigest()[:16]


@dataclass(frozen=True)
class PublicKey:
    key_id: str
    raw: bytes

    def verifies(self, signature: bytes, message: bytes) -> bool:
        try:
            Ed25519PublicKey.from_public_bytes(self.raw).verify(signature, message)
        except InvalidSignature:
            return False
        return True

    def file_text(self) -> str:
        return _dump(PUBLIC, self.key_id, key=self.raw)


@dataclass(frozen=True)
class SecretKey:
    public: PublicKey
    seed: bytes

    @classmethod
    def generate(cls) -> SecretKey:
        private = Ed25519PrivateKey.generate()
        seed = private.private_bytes_raw()
        raw = private.public_key().public_bytes_raw()
        return cls(PublicKey(key_id(raw), raw), seed)

    def sign(self, message: bytes) -> bytes:
        return Ed25519PrivateKey.from_private_bytes(self.seed).sign(message)

    def file_text(self) -> str:
        return _dump(SECRET, self.public.key_id, key=self.seed, public=self.public.raw)


def _dump(kind: str, kid: str, **raw: bytes) -> str:
    data = {"format": FORMAT, "type": kind, "key_id": kid}
    data |= {name: base64.b64encode(value).decode("ascii") for name, value in raw.items()}
    return json.dumps(data, indent=2) + "\n"


def write_pair(folder: Path) -> tuple[SecretKey, Path, Path]:
    """A new key pair in ``folder``: (the key, the secret file, the public file).
    Neither file is overwritten; the secret one is readable by its owner only."""
    secret = SecretKey.generate()
    folder.mkdir(parents=True, exist_ok=True)
    stem = folder / f"qingfeng-{secret.public.key_id}"
    secret_file, public_file = stem.with_suffix(SECRET_SUFFIX), stem.with_suffix(PUBLIC_SUFFIX)
    fd = os.open(secret_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(secret.file_text())
    with open(public_file, "x", encoding="utf-8") as f:
        f.write(secret.public.file_text())
    return secret, secret_file, public_file


def _load(path: Path, kind: str) -> dict[str, bytes | str]:
    try:
        if path.stat().st_size > MAX_KEY_FILE:
            raise ValueError("too large")
        data = json.loads(path.read_text("utf-8"))
        if data.get("format") != FORMAT:
            raise ValueError("not a key file")
        if data.get("type") != kind:
            raise Refused("key_not_secret" if kind == SECRET else "key_not_public", name=path.name)
        out: dict[str, bytes | str] = {"key_id": str(data["key_id"])}
        for name in ("key", "public"):
            if name in data:
                out[name] = base64.b64decode(data[name], validate=True)
        return out
    except OSError as e:
        raise Refused("key_unreadable", name=path.name, why=e.strerror or e) from None
    except (ValueError, KeyError, TypeError, AttributeError, binascii.Error):
        raise Refused("key_not_a_key", name=path.name) from None


def read_public(path: Path) -> PublicKey:
    data = _load(path, PUBLIC)
    raw = data["key"]
    if not isinstance(raw, bytes) or len(raw) != 32 or key_id(raw) != data["key_id"]:
        raise Refused("key_not_a_key", name=path.name)
    return PublicKey(key_id(raw), raw)


def read_secret(path: Path) -> SecretKey:
    data = _load(path, SECRET)
    seed = data["key"]
    if not isinstance(seed, bytes) or len(seed) != 32:
        raise Refused("key_not_a_key", name=path.name)
    public = Ed25519PrivateKey.from_private_bytes(seed).public_key().public_bytes_raw()
    if data.get("public", public) != public:
        raise Refused("key_not_a_key", name=path.name)
    return SecretKey(PublicKey(key_id(public), public), seed)


class Keyring:
    """The public keys a kiosk trusts: those ``kiosk trust`` copied into its folder and
    those ``[content] trusted_keys`` names. A file that cannot be read is a problem said
    once (``problems``), not a reason to trust nothing."""

    def __init__(self, folder: Path, extra: Iterable[Path] = ()) -> None:
        self.folder = folder
        self.keys: dict[str, PublicKey] = {}
        self.problems: list[Refused] = []
        files = sorted(folder.glob(f"*{PUBLIC_SUFFIX}")) if folder.is_dir() else []
        for path in [*files, *extra]:
            try:
                key = read_public(path)
            except Refused as e:
                log.warning("trusted keys: %s", e)
                self.problems.append(e)
                continue
            self.keys[key.key_id] = key

    def get(self, kid: str) -> PublicKey | None:
        return self.keys.get(kid)

    def add(self, key: PublicKey) -> Path:
        """Trust ``key`` from now on: its file in the kiosk's folder of trusted keys."""
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / f"qingfeng-{key.key_id}{PUBLIC_SUFFIX}"
        tmp = path.with_suffix(".tmp")
        tmp.write_text(key.file_text(), encoding="utf-8")
        os.replace(tmp, path)
        self.keys[key.key_id] = key
        return path
