"""A county's kiosks kept in step through real Syncthing: the office signs a bundle into its
send-only content folder; it reaches the kiosk's receive-only folder; the running kiosk (the
real ``kiosk run`` under Xvfb) imports it and shows the new item in its loop; the kiosk's
records file arrives back in the office's records folder.

Two Syncthing instances on this machine, 127.0.0.1 only, with global and local discovery,
relays and NAT traversal off; devices and folders introduced through the REST API
(tests/syncthing.py)."""

from __future__ import annotations

import time

import pytest
from test_supervisor_e2e import output, plays, start, stop_and_check_nothing_is_left

from kiosk.catalog import Catalogue
from kiosk.catalog.files import MediaStore
from kiosk.ingest.importer import Importer
from kiosk.reporting.records import find_sets

from commands import kiosk
from factories import make_image
from needs import needs
from syncthing import Syncthing

pytestmark = [pytest.mark.e2e, pytest.mark.slow, pytest.mark.x11, pytest.mark.timeout(300)]

#: How long the bundle may take from the office to the kiosk's screen on a busy machine.
ARRIVES_S = 120.0


def wait_until(what, timeout: float, proc=None, paths=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None:
            assert proc.poll() is None, output(paths).read_text("utf-8", "replace")[-3000:]
        found = what()
        if found:
            return found
        time.sleep(0.25)
    tail = output(paths).read_text("utf-8", "replace")[-3000:] if paths else ""
    raise AssertionError(f"not within {timeout} s: {what.__doc__ or what}\n{tail}")


def test_a_signed_bundle_travels_to_a_running_kiosk_and_its_records_travel_back(tmp_path, paths):
    needs("syncthing")
    # The office: a key pair, and January's content (one poster the kiosk does not have).
    keys = tmp_path / "office-keys"
    kiosk(paths.data_dir, "keygen", str(keys), check=True)
    january = tmp_path / "一月"
    make_image(january / "海报" / "正月清风.jpg", (1600, 900), color=(150, 20, 20))
    # The kiosk: two posters of its own, the office's key trusted, the two folders set.
    src = tmp_path / "own"
    for name, color in (("明月", (40, 160, 60)), ("松竹", (40, 60, 180))):
        make_image(src / "海报" / f"{name}.jpg", (1600, 900), color=color)
    with Catalogue.open(paths.catalogue) as cat:
        assert Importer(cat, MediaStore.at(paths)).run([src]).rejected == []
    kiosk(paths.data_dir, "trust", str(next(keys.glob("*.pub"))), check=True)
    shared = {name: tmp_path / name for name in ("office-content", "office-records")}
    shared |= {name: tmp_path / name for name in ("kiosk-content", "kiosk-records")}
    paths.config_file.write_text(
        '[exhibition]\nkiosk_name = "village-1"\n'
        "[attract]\nposter_s = 1.5\ncrossfade_ms = 300\n"
        f'[content]\nwatch_folder = "{shared["kiosk-content"]}"\n'
        f'records_folder = "{shared["kiosk-records"]}"\nrequire_signed = true\n',
        encoding="utf-8",
    )

    office = Syncthing(tmp_path / "st-office", "office").start()
    village = Syncthing(tmp_path / "st-village", "village-1").start()
    proc = None
    try:
        office.meet(village)
        village.meet(office)
        office.share("content", shared["office-content"], "sendonly", [village])
        village.share("content", shared["kiosk-content"], "receiveonly", [office])
        village.share("records", shared["kiosk-records"], "sendonly", [office])
        office.share("records", shared["office-records"], "receiveonly", [village])

        proc = start(paths)
        # Signed straight into the shared folder, as an office would: the kiosk waits for it
        # to arrive completely (Syncthing's temporary names, a settled size).
        bundle = shared["office-content"] / "2027-01.bundle"
        secret = next(keys.glob("*.secret"))
        kiosk(
            paths.data_dir,
            "bundle",
            str(january),
            "--key",
            str(secret),
            "-o",
            str(bundle),
            check=True,
        )

        def new_poster_key():
            with Catalogue.open(paths.catalogue) as cat:
                return [i["key"] for i in cat.items() if i["title_zh"] == "正月清风"]

        key = wait_until(new_poster_key, ARRIVES_S, proc, paths)[0]

        def shown():
            """the bundle's poster shown in the kiosk's running loop"""
            return [p for p in plays(paths) if p["item_key"] == key and p["context"] == "loop"]

        wait_until(shown, 60, proc, paths)
        assert (shared["kiosk-content"] / "2027-01.bundle").is_file()
        with Catalogue.open(paths.catalogue) as cat:
            changes = [c for c in cat.db["changes"].rows if c["item_key"] == key]
        assert [(c["action"], c["origin"]) for c in changes] == [("added", "2027-01.bundle")]

        def records_at_the_office():
            """the kiosk's records file in the office's records folder"""
            return list((shared["office-records"] / "village-1").glob("village-1-*.zip"))

        (arrived,) = wait_until(records_at_the_office, ARRIVES_S, proc, paths)
        sets, problems = find_sets([arrived.parent])
        assert problems == [] and [s.header.kiosk for s in sets] == ["village-1"]
        assert sets[0].header.rows["runs"] >= 1  # the kiosk's run that wrote it
        stop_and_check_nothing_is_left(proc, paths)
    finally:
        if proc is not None and proc.poll() is None:
            proc.kill()
        office.stop()
        village.stop()
