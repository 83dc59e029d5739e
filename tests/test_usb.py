"""USB sticks without a window: finding them, reading them, importing from one (and a stick
pulled out mid-import), exporting records to one — on real folders, files and catalogues."""

from __future__ import annotations

import ast
import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from kiosk.catalog.changes import ChangeLog
from kiosk.usb.contents import read_stick
from kiosk.usb.drives import DRIVE_REMOVABLE, DriveFinder, Stick, mount_points, removable_letters
from kiosk.usb.export import export_to_stick, is_records_folder, months, records_folder_name
from kiosk.usb.importing import StickImport, StickRemoved

from factories import make_image, truncate

MOUNTINFO = """\
22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
30 22 0:25 / /media rw shared:5 - tmpfs tmpfs rw
41 22 8:17 / /media/guide/KINGSTON rw,nosuid,nodev shared:40 - vfat /dev/sdb1 rw
42 41 8:18 / /media/guide/KINGSTON/inner rw shared:41 - vfat /dev/sdb2 rw
43 22 8:33 / /run/media/guide/新加卷 rw shared:42 - exfat /dev/sdc1 rw
44 22 8:49 / /media/guide/MY\\040STICK rw shared:43 - vfat /dev/sdd1 rw
45 22 0:50 / /mnt/backup rw shared:44 - ext4 /dev/sde1 rw
"""


def test_sticks_are_the_mounts_below_media_and_run_media():
    assert mount_points(MOUNTINFO) == [
        Path("/media/guide/KINGSTON"),
        Path("/media/guide/MY STICK"),  # mountinfo writes a space as \040
        Path("/run/media/guide/新加卷"),
    ]


def test_a_linux_finder_reads_mountinfo(tmp_path):
    info = tmp_path / "mountinfo"
    info.write_text(MOUNTINFO, encoding="utf-8")
    sticks = DriveFinder(platform="linux", mountinfo=info).sticks()
    assert [s.label for s in sticks] == ["KINGSTON", "MY STICK", "新加卷"]
    assert all(s.mounted for s in sticks)
    assert not sticks[0].present()  # not mounted on this machine


def test_windows_sticks_are_the_removable_drive_letters():
    types = {"C:\\": 3, "D:\\": 5, "E:\\": DRIVE_REMOVABLE, "G:\\": DRIVE_REMOVABLE}
    mask = sum(1 << (ord(root[0]) - ord("A")) for root in types) | 0b1  # A: a floppy drive
    assert removable_letters(mask, lambda root: types.get(root, DRIVE_REMOVABLE)) == [
        "E:\\",
        "G:\\",
    ]
    assert removable_letters(0, lambda root: DRIVE_REMOVABLE) == []


def test_a_configured_folder_is_a_stick_while_it_exists_and_holds_something(tmp_path):
    folder = tmp_path / "usb"
    finder = DriveFinder([folder], platform="test")
    assert finder.sticks() == []
    folder.mkdir()
    assert finder.sticks() == []  # an empty mount point: nothing plugged in
    (folder / "a.jpg").write_bytes(b"x")
    assert finder.sticks() == [Stick(folder, "usb", False)]
    assert finder.sticks()[0].present()
    shutil.rmtree(folder)
    assert finder.sticks() == []
    assert not Stick(folder, "usb").present()


def make_stick(root: Path, posters: int = 3, size: tuple[int, int] = (640, 480)) -> Path:
    for i in range(posters):
        make_image(root / "海报" / f"海报{i + 1}.jpg", size, color=(40 * i, 60, 90))
    return root


def test_reading_a_stick_counts_what_the_import_will_see(tmp_path):
    stick = make_stick(tmp_path / "KINGSTON", posters=2)
    make_image(stick / "films" / "poster-frame.png")  # a film folder holding a picture
    make_image(stick / "合影.jpg")
    (stick / "海报" / "海报1.srt").write_text("1\n00:00:01,000 --> 00:00:02,000\n字\n", "utf-8")
    (stick / "内容.csv").write_text("类别,标题\n格言,吾日三省吾身\n", encoding="utf-8")
    (stick / "2026-12.bundle").write_bytes(b"PK\x03\x04")
    for junk in ("System Volume Information/IndexerVolumeGuid", "$RECYCLE.BIN/old.jpg"):
        make_image((stick / junk).with_suffix(".jpg"))
    (stick / ".Trashes").mkdir()
    (stick / records_folder_name("展厅一号", date(2026, 12, 6), "zh")).mkdir()
    (stick / records_folder_name("hall", date(2026, 12, 6), "en")).mkdir()
    found = read_stick(stick)
    assert dict(found.by_kind) == {"poster": 2, "film": 1}
    assert (found.unsorted, found.subtitles) == (1, 1)
    assert found.sheets == ["内容.csv"]
    assert found.bundles == ["2026-12.bundle"]
    assert [p.name for p in found.sources] == [
        "films",
        "内容.csv",
        "合影.jpg",
        "海报",
        "2026-12.bundle",  # each bundle a source of its own, after the folders
    ]
    assert found.files == 5 and not found.empty
    assert found.total_bytes > 0


def test_an_empty_stick_is_empty(tmp_path):
    (tmp_path / "stick" / "System Volume Information").mkdir(parents=True)
    assert read_stick(tmp_path / "stick").empty


def test_records_folders_are_known_in_both_languages():
    assert is_records_folder(records_folder_name("hall 1", date(2026, 1, 2), "zh"))
    assert is_records_folder(records_folder_name("hall/1", date(2026, 1, 2), "en"))
    assert (
        records_folder_name('a/b:"c"', date(2026, 1, 2), "en")
        == "Qingfeng records_a_b__c__2026-01-02"
    )
    assert not is_records_folder("海报")


def test_an_import_from_a_stick_is_recorded_as_usb(paths, catalogue, store, tmp_path):
    stick = make_stick(tmp_path / "stick")
    seen = []
    importer = StickImport(paths.catalogue, store, Stick(stick, "stick"), lambda *a: seen.append(a))
    report = importer.run(read_stick(stick).sources)
    assert report.ok and report.counts["imported"] == 3
    assert [s[:2] for s in seen] == [(0, 3), (1, 3), (2, 3), (3, 3)]
    assert catalogue.counts() == {"poster": 3}
    changes = ChangeLog(catalogue).changes()
    assert {(c["source"], c["action"]) for c in changes} == {("usb", "added")}
    assert sorted(c["origin"] for c in changes) == [f"海报/海报{i}.jpg" for i in (1, 2, 3)]


def test_a_stick_pulled_out_mid_import_leaves_the_catalogue_as_it_was(
    paths, catalogue, store, tmp_path
):
    catalogue.upsert_item({"key": "aphorism-1", "kind": "aphorism", "title_zh": "慎独"})
    stick = make_stick(tmp_path / "stick", posters=4)
    sources = read_stick(stick).sources

    def pull_out(done: int, total: int) -> None:
        if done == 2:  # two files stored, two to go
            shutil.rmtree(stick)

    importer = StickImport(
        paths.catalogue, store, Stick(stick, "stick"), lambda *a: None, before_each=pull_out
    )
    with pytest.raises(StickRemoved):
        importer.run(sources)
    assert catalogue.counts() == {"aphorism": 1}
    assert ChangeLog(catalogue).changes() == []
    assert not paths.staging.exists()


def test_a_stick_pulled_out_after_the_last_file_still_writes_nothing(
    paths, catalogue, store, tmp_path
):
    stick = make_stick(tmp_path / "stick", posters=2)

    def pull_out(done: int, total: int) -> None:
        if done == total:  # every file stored: the transaction is next
            shutil.rmtree(stick)

    importer = StickImport(
        paths.catalogue, store, Stick(stick, "stick"), lambda *a: None, before_each=pull_out
    )
    with pytest.raises(StickRemoved):
        importer.run(read_stick(stick).sources)
    assert catalogue.counts() == {}


def test_a_signed_bundle_on_the_stick_is_applied_and_an_untrusted_one_refused(
    paths, catalogue, store, tmp_path
):
    from kiosk.bundles.keys import Keyring, read_public, read_secret, write_pair
    from kiosk.bundles.pack import make_bundle
    from kiosk.settings import Content

    write_pair(tmp_path / "office")
    write_pair(tmp_path / "stranger")
    content = tmp_path / "十二月"
    make_image(content / "海报" / "清风.jpg", (800, 600), color=(178, 34, 34))
    stick = make_stick(tmp_path / "stick", posters=1)
    for signer, name in (("office", "2026-12.bundle"), ("stranger", "other.bundle")):
        secret = read_secret(next((tmp_path / signer).glob("*.secret")))
        make_bundle([content], secret, stick / name)
    Keyring(paths.trusted_keys).add(read_public(next((tmp_path / "office").glob("*.pub"))))
    report = StickImport(paths.catalogue, store, Stick(stick, "s"), lambda *a: None).run(
        read_stick(stick).sources
    )
    (refused,) = [p.line("en") for p in report.rejected]
    assert refused.startswith("other.bundle: signed by a key this kiosk does not trust (")
    assert catalogue.counts() == {"poster": 2}  # the stick's poster and the bundle's
    (applied,) = [p.line("zh") for p in report.problems if p.severity == "note"]
    assert "已应用（密钥 " in applied and applied.count("2026-12.bundle") == 1
    sources = {c["origin"]: c["source"] for c in ChangeLog(catalogue).changes()}
    assert set(sources.values()) == {"usb"}
    # With require_signed only the signed bundle is taken; the stick's folders are refused.
    signed_only = StickImport(
        paths.catalogue,
        store,
        Stick(stick, "s"),
        lambda *a: None,
        content=Content(require_signed=True),
    ).run(read_stick(stick).sources)
    assert any("海报" in p.line("en") for p in signed_only.rejected)


def test_a_broken_file_is_one_line_and_the_rest_is_imported(paths, catalogue, store, tmp_path):
    stick = make_stick(tmp_path / "stick", posters=2)
    truncate(stick / "海报" / "海报2.jpg", 0.3).replace(stick / "海报" / "海报2.jpg")
    report = StickImport(paths.catalogue, store, Stick(stick, "s"), lambda *a: None).run(
        read_stick(stick).sources
    )
    assert [p.where.name for p in report.rejected] == ["海报/海报2.jpg"]
    assert catalogue.counts() == {"poster": 1}


def test_months_are_last_month_and_this_one():
    assert [p.label for p in months(date(2026, 1, 15))] == ["2025-12", "2026-01"]
    last, this = months(date(2026, 12, 31))
    assert (last.first, this.last) == (date(2026, 11, 1), date(2026, 12, 31))


def test_records_are_exported_to_a_folder_named_by_kiosk_and_date(paths, catalogue, tmp_path):
    from kiosk.reporting.figures import from_sets
    from kiosk.reporting.records import find_sets
    from kiosk.settings import Settings

    now = datetime.now(UTC)
    today = now.astimezone().date()
    catalogue.upsert_item({"key": "film-1", "kind": "film", "title_zh": "四知"})
    stamp = now.isoformat(timespec="milliseconds")
    catalogue.record_play(
        catalogue.item("film-1"),
        started_at=stamp,
        ended_at=stamp,
        seconds=12.5,
        context="loop",
        outcome="completed",
    )
    catalogue.record_play(
        catalogue.item("film-1"),
        started_at="2020-01-01T00:00:00.000+00:00",  # long ago: in no month exported
        ended_at="2020-01-01T00:00:10.000+00:00",
        seconds=10,
        context="visitor",
        outcome="skipped",
    )
    ChangeLog(catalogue, "usb").record("added", catalogue.item("film-1"), origin="影片/四知.mp4")
    ChangeLog(catalogue, "panel").record("hidden", catalogue.item("film-1"))
    session = catalogue.start_session()
    catalogue.end_session(session, ["home", "films"])
    stick = tmp_path / "stick"
    stick.mkdir()
    settings = Settings().with_overrides(exhibition={"kiosk_name": "一号机"})
    done = export_to_stick(
        paths.catalogue, Stick(stick, "stick"), settings=settings, lang="zh", now=now
    )
    assert done.folder == stick / f"清风展陈记录_一号机_{today.isoformat()}"
    last, this = (p.label for p in months(today))
    assert sorted(done.files) == sorted(
        [f"report-一号机-{m}.{ext}" for m in (last, this) for ext in ("pdf", "xlsx")]
        + [f"records-一号机-{m}/" for m in (last, this)]
    )
    on_stick = sorted(p.name + ("/" if p.is_dir() else "") for p in done.folder.iterdir())
    assert on_stick == sorted(done.files)  # every one said, nothing half-written left
    # The records read back as the county report reads them: this month's play and changes.
    sets, problems = find_sets([done.folder])
    assert problems == [] and len(sets) == 2
    (figures,), _notes = from_sets(sets, months(today)[1], now)
    assert sum(s.count for s in figures.tally.showings.values()) == 1  # not the 2020 one
    assert sum(figures.tally.visits_by_day.values()) == 1
    assert [c["action"] for c in figures.tally.changes] == ["added", "hidden"]
    assert read_stick(stick).empty  # exported records are never imported back


def test_the_usb_package_runs_without_qt():
    """Finding, reading, importing and exporting are plain Python; only kiosk.ui shows them."""
    package = Path(__file__).resolve().parent.parent / "kiosk" / "usb"
    for path in package.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            assert not [n for n in names if n.startswith(("PySide6", "kiosk.ui"))], path.name
