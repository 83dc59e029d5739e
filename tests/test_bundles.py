"""Signed content bundles (issue 11 §3), with real keys and real archives: what a county
office packs and signs, what each kiosk applies all or nothing, and what it refuses."""

from __future__ import annotations

import json
import stat
import zipfile
from pathlib import Path

import pytest

from kiosk.bundles.apply import apply_bundle
from kiosk.bundles.archive import CONTENT, MANIFEST, SIGNATURE
from kiosk.bundles.keys import Keyring, read_public, read_secret, write_pair
from kiosk.bundles.marker import is_bundle
from kiosk.bundles.pack import make_bundle
from kiosk.bundles.staging import Staging
from kiosk.catalog import Catalogue
from kiosk.catalog.changes import ChangeLog
from kiosk.paths import Paths
from kiosk.settings import Content
from kiosk.strings import Refused

from commands import kiosk
from factories import make_image


# ------------------------------------------------------------------ helpers
@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The county office: a key pair, and December's content in a folder."""
    root = tmp_path_factory.mktemp("office")
    write_pair(root / "keys")
    month = root / "十二月"
    make_image(month / "海报" / "清风.jpg", (800, 600), color=(178, 34, 34))
    make_image(month / "海报" / "明月.png", (640, 480), color=(20, 90, 160))
    make_image(month / "书法" / "廉.jpg", (600, 900), color=(240, 230, 200))
    (month / "格言.csv").write_text(
        "编号,类型,标题,作者\nsaying-yz,格言,天知，神知，我知，子知。,杨震\n", encoding="utf-8"
    )
    return root


def secret_of(office: Path):
    return read_secret(next((office / "keys").glob("*.secret")))


def public_file(office: Path) -> Path:
    return next((office / "keys").glob("*.pub"))


def trusting(paths: Paths, office: Path) -> Paths:
    Keyring(paths.trusted_keys).add(read_public(public_file(office)))
    return paths


def pack(office: Path, out: Path, *sources: Path, **options) -> Path:
    make_bundle(list(sources) or [office / "十二月"], secret_of(office), out, **options)
    return out


def apply(paths: Paths, bundle: Path, **options):
    return apply_bundle(paths, bundle, Content(), **options)


def items(paths: Paths) -> dict[str, tuple]:
    with Catalogue.open(paths.catalogue) as cat:
        return {
            r["key"]: (r["kind"], r["origin"], r["enabled"]) for r in cat.items(enabled_only=False)
        }


def rewrite(bundle: Path, out: Path, replace: dict[str, bytes]) -> Path:
    """A copy of ``bundle`` with some members' bytes replaced, in the same order."""
    with zipfile.ZipFile(bundle) as src, zipfile.ZipFile(out, "w") as dest:
        for info in src.infolist():
            dest.writestr(info, replace.get(info.filename, src.read(info)))
    return out


def staging_left(paths: Paths) -> list[str]:
    folder = paths.bundle_staging
    return sorted(p.name for p in folder.iterdir() if p.name != ".lock") if folder.exists() else []


# -------------------------------------------------------------------- keys
def test_keygen_makes_a_pair_whose_secret_only_its_owner_reads(tmp_path: Path) -> None:
    done = kiosk(tmp_path / "data", "--lang", "en", "keygen", str(tmp_path / "keys"))
    assert done.returncode == 0, done.stderr
    (secret,) = (tmp_path / "keys").glob("*.secret")
    (public,) = (tmp_path / "keys").glob("*.pub")
    assert stat.S_IMODE(secret.stat().st_mode) == 0o600
    kid = json.loads(public.read_text())["key_id"]
    assert json.loads(secret.read_text())["key_id"] == kid
    assert len(kid) == 16 and kid in done.stdout.splitlines()[0]
    assert read_secret(secret).public == read_public(public)
    with pytest.raises(Refused, match="not a public key file"):
        read_public(secret)
    assert "私钥" in kiosk(tmp_path / "data", "keygen", str(tmp_path / "k2")).stdout


def test_the_secret_key_never_goes_into_a_bundle(office: Path, tmp_path: Path) -> None:
    bundle = pack(office, tmp_path / "2026-12.bundle")
    secret = secret_of(office)
    data = bundle.read_bytes()
    assert secret.seed not in data and secret.seed.hex().encode() not in data
    assert json.loads(secret.file_text())["key"].encode() not in data

    # Among the sources, under its own name or another, it is refused and nothing written.
    careless = tmp_path / "careless"
    make_image(careless / "a.jpg")
    for name in ("qingfeng.secret", "key.txt"):
        (careless / name).write_text(secret.file_text())
        done = kiosk(
            tmp_path / "data",
            "--lang",
            "en",
            "bundle",
            str(careless),
            "--key",
            str(next((office / "keys").glob("*.secret"))),
            "-o",
            str(tmp_path / "out.bundle"),
        )
        assert done.returncode == 2
        assert done.stderr.strip() == (
            f"kiosk: the sources hold the secret key careless/{name}: a secret key never goes "
            "into a bundle; move it out of the sources"
        )
        assert not (tmp_path / "out.bundle").exists()
        (careless / name).unlink()


# ------------------------------------------------------------------- apply
def test_a_bundle_applies_as_importing_its_folder_would(office: Path, tmp_path: Path) -> None:
    bundle = pack(office, tmp_path / "2026-12.bundle")
    assert is_bundle(bundle)
    kiosk_paths = trusting(Paths(tmp_path / "kiosk"), office)
    done = kiosk(kiosk_paths.data_dir, "--lang", "en", "import", str(bundle))
    assert done.returncode == 0, done.stdout + done.stderr
    kid = secret_of(office).public.key_id
    assert done.stdout.splitlines()[-1].startswith(f"2026-12.bundle: applied (key {kid}, version ")
    assert done.stdout.splitlines()[-1].endswith(
        "imported 4, updated 0, unchanged 0, skipped as duplicate 0, hidden 0"
    )

    folder = Paths(tmp_path / "by-hand")
    assert kiosk(folder.data_dir, "import", str(office / "十二月")).returncode == 0
    assert items(kiosk_paths) == items(folder)
    assert items(kiosk_paths)["saying-yz"] == ("aphorism", "格言.csv row 2", 1)
    with Catalogue.open(kiosk_paths.catalogue) as cat, Catalogue.open(folder.catalogue) as by:
        changes = ChangeLog(cat).changes()
        assert {(c["action"], c["source"], c["origin"]) for c in changes} == {
            ("added", "bundle", "2026-12.bundle")
        }
        stored = sorted((m["sha256"], m["path"]) for m in cat.all_media())
        assert stored == sorted((m["sha256"], m["path"]) for m in by.all_media())
    assert kiosk(kiosk_paths.data_dir, "check").returncode == 0
    assert staging_left(kiosk_paths) == []

    # Known by its content, whatever its name.
    renamed = tmp_path / "内容.zip"
    renamed.write_bytes(bundle.read_bytes())
    again = apply(kiosk_paths, renamed, force=True)
    # As importing the folder again: the loose files are already in, the row unchanged.
    assert again.exit_code == 0
    assert "unchanged 1, skipped as duplicate 3" in again.lines("en")[-1]


def test_an_untrusted_key_is_refused_in_one_line(office: Path, tmp_path: Path) -> None:
    bundle = pack(office, tmp_path / "2026-12.bundle")
    data = tmp_path / "kiosk"
    kid = secret_of(office).public.key_id
    done = kiosk(data, "--lang", "en", "import", str(bundle))
    assert done.returncode == 1
    assert done.stdout == f"2026-12.bundle: signed by a key this kiosk does not trust ({kid})\n"
    zh = kiosk(data, "import", str(bundle))
    assert zh.stdout == f"2026-12.bundle：签名密钥（{kid}）未被本机信任\n"
    assert items(Paths(data)) == {}


def test_a_key_named_in_kiosk_toml_is_trusted(office: Path, tmp_path: Path) -> None:
    paths = Paths(tmp_path / "kiosk")
    (paths.data_dir / "keys").mkdir(parents=True)
    (paths.data_dir / "keys" / "county.pub").write_bytes(public_file(office).read_bytes())
    paths.config_file.write_text('[content]\ntrusted_keys = ["keys/county.pub"]\n')
    bundle = pack(office, tmp_path / "2026-12.bundle")
    done = kiosk(paths.data_dir, "--lang", "en", "import", str(bundle))
    assert done.returncode == 0, done.stdout + done.stderr
    assert len(items(paths)) == 4


def test_a_tampered_byte_in_a_file_or_the_manifest_is_refused(office: Path, tmp_path: Path) -> None:
    bundle = pack(office, tmp_path / "2026-12.bundle")
    paths = trusting(Paths(tmp_path / "kiosk"), office)
    data = bytearray(bundle.read_bytes())
    with zipfile.ZipFile(bundle) as zf:
        info = zf.getinfo(CONTENT + "十二月/海报/清风.jpg")
    at = data.index(b"\xff\xd8\xff", info.header_offset) + 1000  # inside the JPEG's data
    data[at] ^= 0x01
    tampered = tmp_path / "tampered.bundle"
    tampered.write_bytes(bytes(data))
    result = apply(paths, tampered)
    assert result.exit_code == 1
    assert result.lines("en") == [
        "tampered.bundle: 十二月/海报/清风.jpg does not match the signed manifest: the bundle "
        "was changed after signing"
    ]
    assert items(paths) == {} and staging_left(paths) == []

    with zipfile.ZipFile(bundle) as zf:
        manifest = zf.read(MANIFEST)
    changed = manifest.replace(b'"full": false', b'"full": true ')
    assert changed != manifest
    forged = rewrite(bundle, tmp_path / "forged.bundle", {MANIFEST: changed})
    assert apply(paths, forged).lines("en") == [
        "forged.bundle: the signature does not match: the bundle was changed after signing"
    ]
    assert items(paths) == {}


def test_a_truncated_bundle_is_refused(office: Path, tmp_path: Path) -> None:
    bundle = pack(office, tmp_path / "2026-12.bundle")
    paths = trusting(Paths(tmp_path / "kiosk"), office)
    cut = tmp_path / "cut.bundle"
    cut.write_bytes(bundle.read_bytes()[: bundle.stat().st_size * 2 // 3])
    assert is_bundle(cut)  # it starts like one
    (line,) = apply(paths, cut).lines("en")
    assert line.startswith("cut.bundle: the bundle is incomplete or damaged (")
    assert line.endswith("); copy it again")
    assert items(paths) == {}


def test_one_file_swapped_whether_re_signed_or_not_is_refused(office: Path, tmp_path: Path) -> None:
    bundle = pack(office, tmp_path / "2026-12.bundle")
    paths = trusting(Paths(tmp_path / "kiosk"), office)
    other = tmp_path / "other.jpg"
    make_image(other, (800, 600), color=(0, 0, 0))
    name = CONTENT + "十二月/海报/清风.jpg"

    # Swapped, the signature left as it was.
    swapped = rewrite(bundle, tmp_path / "swapped.bundle", {name: other.read_bytes()})
    (line,) = apply(paths, swapped).lines("en")
    assert line.startswith(
        "swapped.bundle: 十二月/海报/清风.jpg does not match the signed manifest"
    )

    # Swapped and signed again, with a key of someone else's.
    mallory = tmp_path / "mallory"
    write_pair(mallory)
    source = tmp_path / "re-signed" / "十二月"
    for path in (office / "十二月").rglob("*"):
        if path.is_file():
            (source / path.relative_to(office / "十二月")).parent.mkdir(parents=True, exist_ok=True)
            (source / path.relative_to(office / "十二月")).write_bytes(path.read_bytes())
    (source / "海报" / "清风.jpg").write_bytes(other.read_bytes())
    resigned = tmp_path / "2026-12b.bundle"
    make_bundle([source], read_secret(next(mallory.glob("*.secret"))), resigned)
    (line,) = apply(paths, resigned).lines("en")
    assert line.startswith("2026-12b.bundle: signed by a key this kiosk does not trust (")

    # Its manifest and signature grafted onto the office's bundle: still not the office's key.
    with zipfile.ZipFile(resigned) as zf:
        graft = {MANIFEST: zf.read(MANIFEST), SIGNATURE: zf.read(SIGNATURE)}
    grafted = rewrite(swapped, tmp_path / "grafted.bundle", graft)
    (line,) = apply(paths, grafted).lines("en")
    assert "does not trust" in line
    assert items(paths) == {}


def test_an_older_version_is_refused_unless_forced(office: Path, tmp_path: Path) -> None:
    paths = trusting(Paths(tmp_path / "kiosk"), office)
    new = pack(office, tmp_path / "v2.bundle", version=2)
    old = pack(office, tmp_path / "v1.bundle", version=1)
    assert apply(paths, new).exit_code == 0
    result = apply(paths, old)
    day = result.lines("en")[0].split(" on ")[1][:10]
    assert result.lines("en") == [
        f"v1.bundle: version 1 is older than version 2, applied here on {day}; to go back "
        "to it on purpose, add --force"
    ]
    assert result.exit_code == 1
    assert apply(paths, new).lines("en")[-1].startswith("v2.bundle: version 2 was already applied")

    forced = kiosk(paths.data_dir, "--lang", "en", "import", "--force", str(old))
    assert forced.returncode == 0, forced.stdout
    assert "v1.bundle: applied" in forced.stdout
    assert apply(paths, new).exit_code == 0  # newer than the last applied: the forced one
    with Catalogue.open(paths.catalogue) as cat:
        rows = [(r["version"], r["forced"]) for r in cat.db["bundles"].rows_where(order_by="id")]
    assert rows == [(2, 0), (1, 1), (2, 0)]


def test_a_full_bundle_hides_what_it_no_longer_holds(office: Path, tmp_path: Path) -> None:
    paths = trusting(Paths(tmp_path / "kiosk"), office)
    month = office / "十二月"
    assert apply(paths, pack(office, tmp_path / "a.bundle", version=1, full=True)).exit_code == 0
    before = items(paths)
    assert all(enabled for _, _, enabled in before.values()) and len(before) == 4

    # January: the same minus the calligraphy and the saying (a full bundle of fewer files).
    jan = tmp_path / "一月"
    for path in (month / "海报").iterdir():
        (jan / "海报").mkdir(parents=True, exist_ok=True)
        (jan / "海报" / path.name).write_bytes(path.read_bytes())
    result = apply(paths, pack(office, tmp_path / "b.bundle", jan, version=2, full=True))
    assert result.exit_code == 0, result.lines("en")
    assert result.lines("en")[-1].endswith("hidden 2")
    after = items(paths)
    assert set(after) == set(before)  # disabled, not deleted
    hidden = {k for k, (_, _, enabled) in after.items() if not enabled}
    assert hidden == {"saying-yz", "calligraphy-lian"}
    with Catalogue.open(paths.catalogue) as cat:
        said = [(c["action"], c["origin"], c["item_key"]) for c in ChangeLog(cat).changes()]
    assert ("hidden", "b.bundle", "saying-yz") in said

    # A bundle that is not full adds, and brings back what a full one hid.
    result = apply(paths, pack(office, tmp_path / "c.bundle", version=3))
    assert result.exit_code == 0
    assert all(enabled for _, _, enabled in items(paths).values())


def test_a_bad_row_refuses_the_whole_bundle_naming_the_row(office: Path, tmp_path: Path) -> None:
    paths = trusting(Paths(tmp_path / "kiosk"), office)
    month = tmp_path / "十二月"
    make_image(month / "海报" / "清风.jpg", (800, 600))
    (month / "格言.csv").write_text(
        "编号,类型,标题\ns1,格言,清白传家。\ns2,格訁,一字之差。\n", encoding="utf-8"
    )
    result = apply(paths, pack(office, tmp_path / "2026-12.bundle", month))
    assert result.exit_code == 1
    lines = result.lines("zh")
    assert lines[0].startswith("未导入：格言.csv 第3行 类型：“格訁”不是已知的类型")
    assert lines[-1] == "2026-12.bundle：其中 1 处有问题（见上），整个内容包未导入，没有做任何更改"
    assert items(paths) == {}
    with Catalogue.open(paths.catalogue) as cat:
        assert cat.db["bundles"].count == 0 and ChangeLog(cat).changes() == []
    assert staging_left(paths) == []


def test_a_row_may_not_name_a_file_outside_the_bundle(office: Path, tmp_path: Path) -> None:
    paths = trusting(Paths(tmp_path / "kiosk"), office)
    make_image(paths.data_dir / "private.jpg")  # on the kiosk, beside the staging folder
    month = tmp_path / "十二月"
    (month / "内容.csv").parent.mkdir(parents=True)
    (month / "内容.csv").write_text(
        "编号,类型,文件,标题\np1,照片,../../../private.jpg,私\n", encoding="utf-8"
    )
    result = apply(paths, pack(office, tmp_path / "x.bundle", month))
    assert result.exit_code == 1
    assert result.lines("en")[0] == (
        "rejected: 内容.csv row 2: 文件: '../../../private.jpg' is not inside the bundle"
    )
    assert items(paths) == {}


def test_require_signed_refuses_a_folder_in_one_line(office: Path, tmp_path: Path) -> None:
    paths = trusting(Paths(tmp_path / "kiosk"), office)
    paths.config_file.write_text("[content]\nrequire_signed = true\n")
    done = kiosk(paths.data_dir, "--lang", "en", "import", str(office / "十二月"))
    assert done.returncode == 1
    assert done.stderr == (
        "十二月: this kiosk accepts signed bundles only ([content] require_signed = true in "
        "kiosk.toml); not imported\n"
    )
    assert items(paths) == {}
    bundle = pack(office, tmp_path / "2026-12.bundle")
    assert kiosk(paths.data_dir, "import", str(bundle)).returncode == 0
    assert len(items(paths)) == 4


def test_a_bundle_cut_short_while_applying_changes_nothing(office: Path, tmp_path: Path) -> None:
    """The stick pulled out, or the file rewritten, after the check of the archive."""
    bundle = pack(office, tmp_path / "2026-12.bundle")
    paths = trusting(Paths(tmp_path / "kiosk"), office)
    full = bundle.stat().st_size

    def cut(done: int, total: int, label: str) -> None:
        if done == 1:
            with open(bundle, "r+b") as f:
                f.truncate(full // 3)

    result = apply_bundle(paths, bundle, Content(), progress=cut)
    assert result.exit_code == 1
    (line,) = result.lines("en")
    assert line.startswith("2026-12.bundle: the bundle is incomplete or damaged (")
    assert items(paths) == {} and staging_left(paths) == []


def test_staging_left_by_a_killed_apply_waits_for_a_running_one(tmp_path: Path) -> None:
    staging = Staging(tmp_path / "staging-bundles")
    with staging.area() as area:
        (area / "half.mp4").write_bytes(b"x")
        assert staging.clear_leftovers() is False  # an apply is running: left alone
        assert (area / "half.mp4").exists()
    (tmp_path / "staging-bundles" / "bundle-killed").mkdir()
    assert staging.clear_leftovers() is True
    assert staging.leftovers() == []
