"""A kill at any moment of applying a signed bundle leaves the old catalogue, whole: the
kill is sent when ``kiosk -v import`` says it has unpacked file k, stored file k, or is
inside its final transaction. After each, ``kiosk check`` passes; the next import clears
what the killed one left in staging and applies the bundle."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from kiosk.bundles.keys import Keyring, read_secret, write_pair
from kiosk.bundles.pack import make_bundle
from kiosk.catalog import Catalogue
from kiosk.paths import Paths

from commands import kill_when, kiosk
from factories import make_image

PHOTOS = 24
SAYINGS = 800  # rows without a file make the final transaction long enough to be caught in

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(the bundle, the public key file)."""
    root = tmp_path_factory.mktemp("office")
    _, secret, public = write_pair(root / "keys")
    src = root / "十二月"
    for i in range(PHOTOS):
        make_image(src / "照片" / f"p{i:02d}.jpg", (1600, 1200), color=(i * 9, 80, 120))
    with open(src / "格言.csv", "w", newline="", encoding="utf-8") as f:
        sheet = csv.writer(f)
        sheet.writerow(["key", "kind", "title_zh", "title_en"])
        for i in range(SAYINGS):
            sheet.writerow([f"s{i:04d}", "aphorism", f"清廉第{i}条。", f"Saying {i}"])
    out = root / "2026-12.bundle"
    make_bundle([src], read_secret(secret), out)
    return out, public


@pytest.mark.parametrize(
    "marker",
    ["bundle: file 2 of", "import: file 3 of", "import: writing"],
    ids=["while-unpacking", "while-storing", "in-the-final-transaction"],
)
def test_a_kill_mid_apply_leaves_the_old_catalogue(
    tmp_path: Path, bundle: tuple[Path, Path], marker: str
) -> None:
    path, public = bundle
    data = tmp_path / "data"
    paths = Paths(data)
    assert kiosk(data, "trust", str(public)).returncode == 0
    before = tmp_path / "before"
    make_image(before / "old.jpg", (800, 600))
    assert kiosk(data, "import", str(before)).returncode == 0

    said = kill_when(data, marker, "import", str(path))
    assert not any("applied" in line for line in said)
    leftovers = [p for p in paths.bundle_staging.iterdir() if p.name != ".lock"]
    assert leftovers, "the kill left nothing to clean: it came too late"

    checked = kiosk(data, "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    with Catalogue.open(paths.catalogue, create=False) as cat:
        assert cat.integrity_problems() == []
        assert [r["key"] for r in cat.items()] == ["photo-old"]
        assert cat.db["bundles"].count == 0

    again = kiosk(data, "--lang", "en", "import", str(path), timeout=240)
    assert again.returncode == 0, again.stdout + again.stderr
    assert [p.name for p in paths.bundle_staging.iterdir()] == [".lock"]
    assert kiosk(data, "check").returncode == 0
    with Catalogue.open(paths.catalogue, create=False) as cat:
        assert cat.count() == 1 + PHOTOS + SAYINGS
    assert Keyring(paths.trusted_keys).keys  # the key is still trusted
