"""Hostile archives: each is refused from its central directory, in one line naming what is
wrong, before anything is written outside the staging folder (or inside it)."""

from __future__ import annotations

import json
import stat
import zipfile
from pathlib import Path

import pytest

from kiosk.bundles.apply import BundleApplier
from kiosk.bundles.archive import Limits, OpenBundle
from kiosk.bundles.keys import Keyring, SecretKey
from kiosk.bundles.manifest import FileEntry, Manifest
from kiosk.bundles.marker import MARKER, MARKER_TEXT
from kiosk.bundles.names import path_problem
from kiosk.bundles.staging import Staging
from kiosk.catalog import Catalogue
from kiosk.catalog.files import MediaStore
from kiosk.paths import Paths
from kiosk.strings import Refused


def member(name: str, mode: int = stat.S_IFREG | 0o644, *, deflate: bool = False):
    info = zipfile.ZipInfo(name, date_time=(2026, 12, 1, 0, 0, 0))
    info.external_attr = mode << 16
    info.compress_type = zipfile.ZIP_DEFLATED if deflate else zipfile.ZIP_STORED
    return info


def hostile(
    path: Path,
    members: list[tuple[zipfile.ZipInfo, bytes]],
    key: SecretKey,
    sources: tuple[str, ...] = ("x",),
) -> Path:
    """A bundle-looking archive: the marker first, ``members``, then a manifest listing
    them, signed with ``key`` (trusted), so that only the archive itself is wrong."""
    files = tuple(
        FileEntry(info.filename.removeprefix("content/"), len(data), "0" * 64)
        for info, data in members
    )
    manifest = Manifest(key.public.key_id, 1, "2026-12-01T00:00:00+00:00", False, sources, files)
    signed = manifest.to_bytes()
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(member(MARKER), MARKER_TEXT)
        for info, data in members:
            zf.writestr(info, data)
        zf.writestr(member("manifest.json"), signed)
        sig = {"key_id": key.public.key_id, "signature": key.sign(signed).hex()}
        zf.writestr(member("manifest.sig"), json.dumps(sig))
    return path


@pytest.fixture
def key() -> SecretKey:
    return SecretKey.generate()


@pytest.fixture
def applier(paths: Paths, key: SecretKey):
    Keyring(paths.trusted_keys).add(key.public)
    with Catalogue.open(paths.catalogue) as cat:
        yield BundleApplier(
            cat,
            MediaStore.at(paths),
            Keyring(paths.trusted_keys),
            Staging(paths.bundle_staging),
            limits=Limits(files=5, bytes=50 * 1024**2, ratio=100),
        )


CASES = {
    "zip-slip": (
        [(member("content/../../../evil.txt"), b"owned")],
        "'content/../../../evil.txt' climbs out of its folder (..)",
    ),
    "absolute": ([(member("/tmp/evil.txt"), b"owned")], "'/tmp/evil.txt' is an absolute path"),
    "drive-letter": ([(member("C:/evil.txt"), b"owned")], "'C:/evil.txt' names a drive"),
    "backslashes": (
        [(member("content\\..\\evil.txt"), b"owned")],
        "'content\\..\\evil.txt' climbs out of its folder (..)",
    ),
    "symlink": (
        [(member("content/x/link", stat.S_IFLNK | 0o777), b"/etc/passwd")],
        "'content/x/link' is a link",
    ),
    "device": (
        [(member("content/x/tty", stat.S_IFCHR | 0o666), b"")],
        "'content/x/tty' is not a plain file",
    ),
    "folded-duplicate": (
        [(member("content/x/A.jpg"), b"a"), (member("content/x/a.jpg"), b"b")],
        "'content/x/a.jpg' is there twice (letter case aside)",
    ),
    "too-many": (
        [(member(f"content/x/{i}.txt"), b"x") for i in range(6)],
        "more than 5 files",
    ),
    "zip-bomb": (
        [(member("content/x/bomb.csv", deflate=True), b"0" * 20 * 1024**2)],
        "'content/x/bomb.csv' would unpack to over 100 times its packed size (a zip bomb)",
    ),
    "too-big": (
        [(member("content/x/big.bin"), b"\x01" * (51 * 1024**2))],
        "unpacks to 51.0 MB, more than the limit of 50.0 MB",
    ),
    "reserved-name": (
        [(member("content/x/aux.jpg"), b"x")],
        "'content/x/aux.jpg' is not a usable file name",
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_hostile_archive_is_refused_before_anything_is_written(
    case: str, applier: BundleApplier, paths: Paths, key: SecretKey, tmp_path: Path
) -> None:
    members, why = CASES[case]
    drop = tmp_path / "drop" / "in"
    drop.mkdir(parents=True)
    bundle = hostile(drop / f"{case}.bundle", members, key)
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    result = applier.apply(bundle)
    assert result.exit_code == 1
    assert result.lines("en") == [f"{case}.bundle: {why}"]
    after = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    new = [p for p in after if p not in before]
    # Only the staging folder's lock file and the catalogue's own files.
    assert all(p.parts[:2] == ("data", "staging-bundles") for p in new), new
    assert [p.name for p in paths.bundle_staging.iterdir()] == [".lock"]
    assert applier.catalogue.count() == 0


def test_a_plain_zip_is_not_a_bundle_and_a_file_must_match_its_hash(
    paths: Paths, key: SecretKey, tmp_path
):
    plain = tmp_path / "photos.bundle"
    with zipfile.ZipFile(plain, "w") as zf:
        zf.writestr("a.txt", "x")
    keyring = Keyring(paths.trusted_keys)
    with pytest.raises(Refused, match=r"photos.bundle: not a Qingfeng Kiosk bundle"):
        OpenBundle(plain, keyring)

    # Sound as an archive and signed, but a file is not what the manifest says: refused
    # once unpacked, in staging only.
    keyring.add(key.public)
    liar = hostile(tmp_path / "liar.bundle", [(member("content/x/a.txt"), b"abc")], key)
    data = liar.read_bytes().replace(b"abc", b"abd")
    liar.write_bytes(data)
    with OpenBundle(liar, keyring) as bundle, pytest.raises(Refused) as refused:
        bundle.extract(tmp_path / "staging")
    assert "does not match the signed manifest" in str(refused.value)


@pytest.mark.parametrize(
    "name",
    ["a/b.jpg", "十二月/海报/清风.jpg", "content/x y/z.srt", "a.b/c"],
)
def test_ordinary_names_are_safe(name: str) -> None:
    assert path_problem(name) is None


@pytest.mark.parametrize(
    "name",
    ["", "a//b", "./a", "a/./b", "a/", "a:b", "a\x00b", "a/b.", "a/b ", "NUL", "com1.txt"],
)
def test_names_windows_or_linux_could_not_unpack_are_refused(name: str) -> None:
    assert path_problem(name) is not None


@pytest.mark.parametrize(
    ("sources", "why"),
    [
        (("..",), "'..' climbs out of its folder (..)"),
        (("/etc",), "'/etc' is an absolute path"),
        (("x", "y"), "the bundle's manifest cannot be read"),
    ],
)
def test_a_signed_manifest_may_only_import_its_own_files(
    sources: tuple[str, ...], why: str, applier: BundleApplier, key: SecretKey, tmp_path: Path
) -> None:
    bundle = hostile(tmp_path / "m.bundle", [(member("content/x/a.txt"), b"a")], key, sources)
    assert applier.apply(bundle).lines("en") == [f"m.bundle: {why}"]
