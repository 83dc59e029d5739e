"""Start on boot: ``kiosk install``, ``--session``, ``--check``, ``kiosk uninstall``, the
Windows task's XML, and a catalogue from the previous release opening after an upgrade.

Every file is written for real below ``tmp_path`` (the user's config folder and the system
root are the installer's parameters); only the system's tools that change the machine
(systemctl, schtasks) are replaced, by a recorder, at that boundary."""

from __future__ import annotations

import configparser
import getpass
import os
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from kiosk import cli
from kiosk.catalog import Catalogue
from kiosk.install import linux, windows
from kiosk.install.command import Installer
from kiosk.install.launch import Places, kiosk_command
from kiosk.install.manifest import MANIFEST_FILE
from kiosk.paths import Paths
from kiosk.pin import load_pin_hash, save_pin

from needs import needs

DATA = Path(__file__).resolve().parent / "data"


class Recorder:
    """Stands in for systemctl and schtasks: records each command, answers ``status``."""

    def __init__(self, status: int = 0) -> None:
        self.calls: list[list[str]] = []
        self.status = status

    def __call__(self, command: list[str]) -> subprocess.CompletedProcess:
        if command[0].endswith("systemd-analyze"):  # the real one: it changes nothing
            return subprocess.run(command, capture_output=True, text=True, check=False)
        self.calls.append(command)
        return subprocess.CompletedProcess(command, self.status, "", "")


def tree(*roots: Path) -> list[str]:
    """Every folder and file below ``roots``, for before/after comparisons."""
    found = []
    for root in roots:
        for dirpath, dirnames, filenames in os.walk(root):
            found += [os.path.join(dirpath, n) for n in sorted(dirnames + filenames)]
    return sorted(found)


@pytest.fixture
def machine(tmp_path: Path):
    """A user's config folder that already has something in it, a system root with an
    existing /usr/share, and a data folder with a PIN and settings."""
    config = tmp_path / "home" / ".config"
    (config / "autostart").mkdir(parents=True)
    (config / "autostart" / "other.desktop").write_text("[Desktop Entry]\n")
    root = tmp_path / "root"
    (root / "usr" / "share").mkdir(parents=True)
    paths = Paths(tmp_path / "data")
    save_pin(paths, "2468")
    paths.config_file.write_text("[touch]\nidle_timeout_s = 45.0\n", encoding="utf-8")
    return paths, config, root


def installer(paths, config, root, *, is_root=False, systemd=False, win=False, **kw):
    places = Places(config, root, is_root=is_root, windows=win, systemd=systemd)
    kw.setdefault("run", Recorder())
    kw.setdefault("say", lambda line: None)
    return Installer(paths, places, kiosk_command(paths.data_dir, windows=win), "en", **kw)


# ---------------------------------------------------------------------------- the files
def test_the_systemd_unit_restarts_watches_and_follows_the_graphical_session() -> None:
    command = kiosk_command(Path("/srv/kiosk data/100%"))
    unit = configparser.ConfigParser(interpolation=None, strict=True)
    unit.optionxform = str
    unit.read_string(linux.systemd_unit(command))
    service = unit["Service"]
    assert service["Type"] == "notify" and service["NotifyAccess"] == "main"
    assert service["Restart"] == "always" and service["WatchdogSec"] == "60"
    assert unit["Unit"]["After"] == unit["Unit"]["PartOf"] == "graphical-session.target"
    assert unit["Install"]["WantedBy"] == "graphical-session.target"
    # Absolute program, the data folder quoted for its space and its % doubled for systemd.
    assert service["ExecStart"].startswith(command[0] + " ") and os.path.isabs(command[0])
    assert service["ExecStart"].endswith(' --data-dir "/srv/kiosk data/100%%" run')


def test_the_command_is_the_venv_kiosk_or_this_python_and_names_a_chosen_data_folder() -> None:
    command = kiosk_command(None)
    beside = Path(sys.executable).absolute().parent / "kiosk"
    assert command == (
        [str(beside), "run"]
        if beside.exists()
        else [str(Path(sys.executable).absolute()), "-m", "kiosk", "run"]
    )
    assert kiosk_command(Path("/d"))[-3:] == ["--data-dir", "/d", "run"]


def test_desktop_entry_quoting_follows_the_specification() -> None:
    assert linux.desktop_quote("/usr/bin/kiosk") == "/usr/bin/kiosk"
    assert linux.desktop_quote("/a b/$x") == '"/a b/\\\\$x"'  # \$ with its backslash doubled
    assert linux.desktop_quote("50%") == "50%%"
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read_string(linux.autostart_entry(["/opt/k k/kiosk", "run"]))
    assert entry["Desktop Entry"]["Exec"] == '"/opt/k k/kiosk" run'
    assert entry["Desktop Entry"]["Type"] == "Application"


def test_the_unit_passes_systemd_analyze_verify(machine) -> None:
    needs("systemd-analyze")
    paths, config, root = machine
    inst = installer(paths, config, root)
    assert inst.install(method="systemd") == 0
    unit = config / "systemd" / "user" / "qingfeng-kiosk.service"
    done = subprocess.run(
        ["systemd-analyze", "verify", str(unit)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0 and not (done.stdout + done.stderr).strip(), done


# ---------------------------------------------------------------------------- install
@pytest.mark.parametrize("method", ["systemd", "autostart"])
def test_uninstall_after_install_leaves_the_folders_as_they_were(machine, method) -> None:
    paths, config, root = machine
    before = tree(config, root, paths.data_dir)
    pin, settings = load_pin_hash(paths), paths.config_file.read_text("utf-8")
    said: list[str] = []
    inst = installer(paths, config, root, say=said.append)
    assert inst.install(method=method) == 0
    added = sorted(set(tree(config, root, paths.data_dir)) - set(before))
    expected = {
        "systemd": [
            config / "systemd",
            config / "systemd" / "user",
            config / "systemd" / "user" / "graphical-session.target.wants",
            config
            / "systemd"
            / "user"
            / "graphical-session.target.wants"
            / "qingfeng-kiosk.service",
            config / "systemd" / "user" / "qingfeng-kiosk.service",
        ],
        "autostart": [config / "autostart" / "qingfeng-kiosk.desktop"],
    }[method]
    assert added == sorted(map(str, [*expected, paths.data_dir / MANIFEST_FILE]))
    assert any("automatically" in line for line in said)  # the one step left: autologin
    assert any(line.startswith("  LightDM: ") for line in said)
    assert any("AutomaticLoginEnable=true" in line for line in said)
    assert any(line.startswith("  SDDM: ") for line in said)
    assert inst.check() == 0
    assert inst.uninstall() == 0
    assert tree(config, root, paths.data_dir) == before
    # The data folder, the settings and the PIN are the operator's: they stay as they were.
    assert load_pin_hash(paths) == pin and paths.config_file.read_text("utf-8") == settings


def test_the_systemd_link_is_what_enable_makes(machine) -> None:
    paths, config, root = machine
    assert installer(paths, config, root).install(method="systemd") == 0
    link = config / "systemd" / "user" / "graphical-session.target.wants" / "qingfeng-kiosk.service"
    assert link.is_symlink() and link.resolve() == (link.parent.parent / link.name).resolve()


def test_with_user_systemd_running_the_manager_is_told(machine) -> None:
    if shutil.which("systemctl") is None:
        pytest.skip("systemctl is not on PATH: the installer does not call it then")
    paths, config, root = machine
    run = Recorder()
    inst = installer(paths, config, root, systemd=True, run=run)
    assert inst.install() == 0  # auto picks systemd where the machine booted with it
    assert (config / "systemd" / "user" / "qingfeng-kiosk.service").is_file()
    assert inst.uninstall() == 0
    assert run.calls == [["systemctl", "--user", "daemon-reload"]] * 2


def test_installing_again_replaces_its_own_files_only(machine) -> None:
    paths, config, root = machine
    before = tree(config, root, paths.data_dir)
    inst = installer(paths, config, root)
    assert inst.install(method="autostart") == 0
    assert inst.install(method="systemd") == 0  # the autostart entry makes way
    assert not (config / "autostart" / "qingfeng-kiosk.desktop").exists()
    assert inst.uninstall() == 0
    assert tree(config, root, paths.data_dir) == before


def test_a_file_that_is_not_ours_stops_the_install_before_anything_is_written(
    machine, capsys
) -> None:
    paths, config, root = machine
    theirs = config / "autostart" / "qingfeng-kiosk.desktop"
    theirs.write_text("mine\n")
    before = tree(config, root, paths.data_dir)
    assert installer(paths, config, root).install(method="autostart") == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and str(theirs) in err and "move it away" in err
    assert tree(config, root, paths.data_dir) == before and theirs.read_text() == "mine\n"


def test_without_a_pin_and_no_terminal_nothing_is_installed(machine, capsys) -> None:
    paths, config, root = machine
    (paths.data_dir / "operator.pin").unlink()
    before = tree(config, root, paths.data_dir)
    assert installer(paths, config, root, stdin_is_tty=False).install(method="systemd") == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "kiosk set-pin" in err
    assert tree(config, root, paths.data_dir) == before


def test_without_a_pin_at_a_terminal_it_asks_with_the_set_pin_prompt(machine, monkeypatch) -> None:
    paths, config, root = machine
    (paths.data_dir / "operator.pin").unlink()
    answers = iter(["1357", "1357"])
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": next(answers))
    said: list[str] = []
    inst = installer(paths, config, root, stdin_is_tty=True, say=said.append)
    assert inst.install(method="autostart") == 0
    assert "No operator PIN is set" in said[0]
    from kiosk.pin import verify_pin

    assert verify_pin("1357", load_pin_hash(paths))


def test_a_mistyped_pin_at_the_terminal_installs_nothing(machine, monkeypatch) -> None:
    paths, config, root = machine
    (paths.data_dir / "operator.pin").unlink()
    answers = iter(["1357", "1358"])
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": next(answers))
    before = tree(config, root, paths.data_dir)
    assert installer(paths, config, root, stdin_is_tty=True).install(method="autostart") == 2
    assert tree(config, root, paths.data_dir) == before


# ---------------------------------------------------------------------------- the session
def test_the_kiosk_session_runs_only_the_kiosk_and_uninstalls_cleanly(machine) -> None:
    paths, config, root = machine
    before = tree(config, root, paths.data_dir)
    said: list[str] = []
    inst = installer(paths, config, root, is_root=True, say=said.append)
    assert inst.install(session=True) == 0
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(root / "usr" / "share" / "xsessions" / "qingfeng-kiosk.desktop", "utf-8")
    script = root / "usr" / "local" / "bin" / "qingfeng-kiosk-session"
    assert entry["Desktop Entry"]["Exec"] == str(script)
    assert os.access(script, os.X_OK)
    lines = script.read_text().splitlines()
    assert lines[0] == "#!/bin/sh"
    # The session's one program is the kiosk: no desktop, panel or window manager started.
    assert lines[-1] == "exec " + " ".join(kiosk_command(paths.data_dir))
    assert subprocess.run(["sh", "-n", str(script)], check=False).returncode == 0
    assert not (config / "systemd").exists()  # as root: the session files only
    assert any("autologin-session=qingfeng-kiosk" in line for line in said)
    assert any("Session=qingfeng-kiosk.desktop" in line for line in said)
    assert any("XSession=qingfeng-kiosk" in line for line in said)
    assert inst.check() == 0
    assert inst.uninstall() == 0
    assert tree(config, root, paths.data_dir) == before


def test_the_session_and_the_users_start_on_boot_are_installed_and_removed_apart(
    machine,
) -> None:
    paths, config, root = machine
    before = tree(config, root, paths.data_dir)
    user = installer(paths, config, root)
    system = installer(paths, config, root, is_root=True)
    assert user.install(method="autostart") == 0
    assert system.install(session=True) == 0
    assert (config / "autostart" / "qingfeng-kiosk.desktop").is_file()
    assert system.uninstall() == 0  # sudo kiosk uninstall: the session only
    assert (config / "autostart" / "qingfeng-kiosk.desktop").is_file()
    assert not (root / "usr" / "share" / "xsessions").exists()
    assert user.check() == 0 and user.uninstall() == 0
    assert tree(config, root, paths.data_dir) == before


def test_the_session_needs_root_and_the_user_part_needs_the_user(machine, capsys) -> None:
    paths, config, root = machine
    before = tree(config, root, paths.data_dir)
    assert installer(paths, config, root, is_root=False).install(session=True) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "needs root" in err[0] and "sudo " in err[0]
    assert "install --session" in err[0]
    assert installer(paths, config, root, is_root=True).install() == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "as the kiosk user" in err[0]
    assert tree(config, root, paths.data_dir) == before


# ---------------------------------------------------------------------------- --check
def test_check_finds_a_changed_or_missing_file_and_a_missing_pin(machine) -> None:
    paths, config, root = machine
    said: list[str] = []
    inst = installer(paths, config, root, say=said.append)
    assert inst.check() == 1  # nothing installed yet
    assert inst.install(method="autostart") == 0
    entry = config / "autostart" / "qingfeng-kiosk.desktop"
    entry.write_text(entry.read_text() + "Hidden=true\n")
    (paths.data_dir / "operator.pin").unlink()
    said.clear()
    assert inst.check() == 1
    assert f"changed since install: {entry}" in said
    assert "no operator PIN: run kiosk set-pin" in said
    entry.unlink()
    said.clear()
    assert inst.check() == 1 and f"missing: {entry}" in said


def test_check_reports_what_systemd_analyze_finds(machine) -> None:
    needs("systemd-analyze")
    paths, config, root = machine
    said: list[str] = []
    inst = installer(paths, config, root, say=said.append)
    assert inst.install(method="systemd") == 0
    said.clear()
    assert inst.check() == 0 and "ok: systemd-analyze verify" in said
    unit = config / "systemd" / "user" / "qingfeng-kiosk.service"
    unit.write_text(unit.read_text().replace("Type=notify", "Type=notifyy"))
    said.clear()
    assert inst.check() == 1
    assert any(s.startswith("systemd-analyze verify: ") and "notifyy" in s for s in said)


# ---------------------------------------------------------------------------- Windows
#: The children the Task Scheduler schema (task.xsd, version 1.2) allows, for each element
#: the task uses.
SCHEMA = {
    "Task": {"RegistrationInfo", "Triggers", "Settings", "Data", "Principals", "Actions"},
    "RegistrationInfo": {
        "URI",
        "SecurityDescriptor",
        "Source",
        "Date",
        "Author",
        "Version",
        "Description",
        "Documentation",
    },
    "Triggers": {
        "BootTrigger",
        "RegistrationTrigger",
        "IdleTrigger",
        "TimeTrigger",
        "EventTrigger",
        "LogonTrigger",
        "SessionStateChangeTrigger",
        "CalendarTrigger",
    },
    "LogonTrigger": {
        "Enabled",
        "StartBoundary",
        "EndBoundary",
        "Repetition",
        "ExecutionTimeLimit",
        "Delay",
        "UserId",
    },
    "Principals": {"Principal"},
    "Principal": {
        "UserId",
        "LogonType",
        "GroupId",
        "DisplayName",
        "RunLevel",
        "ProcessTokenSidType",
        "RequiredPrivileges",
    },
    "Settings": {
        "AllowStartOnDemand",
        "RestartOnFailure",
        "MultipleInstancesPolicy",
        "DisallowStartIfOnBatteries",
        "StopIfGoingOnBatteries",
        "AllowHardTerminate",
        "StartWhenAvailable",
        "NetworkProfileName",
        "RunOnlyIfNetworkAvailable",
        "WakeToRun",
        "Enabled",
        "Hidden",
        "DeleteExpiredTaskAfter",
        "IdleSettings",
        "NetworkSettings",
        "ExecutionTimeLimit",
        "Priority",
        "RunOnlyIfIdle",
        "UseUnifiedSchedulingEngine",
        "DisallowStartOnRemoteAppSession",
    },
    "IdleSettings": {"Duration", "WaitTimeout", "StopOnIdleEnd", "RestartOnIdle"},
    "RestartOnFailure": {"Interval", "Count"},
    "Actions": {"Exec", "ComHandler", "SendEmail", "ShowMessage"},
    "Exec": {"Command", "Arguments", "WorkingDirectory"},
}


def test_the_task_xml_uses_only_the_schemas_names_and_says_what_the_kiosk_needs() -> None:
    command = [
        r"C:\qingfeng\venv\Scripts\pythonw.exe",
        "-m",
        "kiosk",
        "--data-dir",
        r"D:\展陈 数据",
        "run",
    ]
    xml = windows.task_xml(command, r"HALL-PC\kiosk")
    assert xml.startswith('<?xml version="1.0" encoding="UTF-16"?>')
    task = ET.fromstring(xml.split("\n", 1)[1])
    ns = "{" + windows.NS + "}"

    def walk(element: ET.Element) -> None:
        assert element.tag.startswith(ns), element.tag
        name = element.tag[len(ns) :]
        for child in element:
            assert child.tag[len(ns) :] in SCHEMA[name], (name, child.tag)
            if len(child):
                walk(child)

    walk(task)

    def text(path: str) -> str:
        return task.find("/".join(ns + part for part in path.split("/"))).text

    assert task.get("version") == "1.2"
    assert text("Triggers/LogonTrigger/UserId") == r"HALL-PC\kiosk"
    assert text("Principals/Principal/LogonType") == "InteractiveToken"  # only when logged on
    assert text("Settings/RestartOnFailure/Interval") == "PT1M"
    assert text("Settings/RestartOnFailure/Count") == "999"
    assert text("Settings/ExecutionTimeLimit") == "PT0S"  # no time limit
    assert text("Settings/Hidden") == "true"
    assert text("Settings/DisallowStartIfOnBatteries") == "false"
    assert text("Actions/Exec/Command") == command[0]
    assert text("Actions/Exec/Arguments") == r'-m kiosk --data-dir "D:\展陈 数据" run'


def test_on_windows_the_task_is_registered_and_unregistered_with_schtasks(machine) -> None:
    paths, config, root = machine
    before = tree(config, root, paths.data_dir)
    run = Recorder()
    said: list[str] = []
    inst = installer(paths, config, root, win=True, run=run, say=said.append)
    assert inst.install() == 0
    xml_file = paths.data_dir / "qingfeng-kiosk-task.xml"
    assert xml_file.read_bytes()[:2] in (b"\xff\xfe", b"\xfe\xff")  # UTF-16 with its BOM
    assert run.calls == [
        ["schtasks", "/Create", "/XML", str(xml_file), "/TN", "QingfengKiosk", "/F"]
    ]
    assert any("Task Scheduler" in line for line in said)
    assert inst.check() == 0 and run.calls[-1] == ["schtasks", "/Query", "/TN", "QingfengKiosk"]
    assert inst.uninstall() == 0
    assert run.calls[-1] == ["schtasks", "/Delete", "/TN", "QingfengKiosk", "/F"]
    assert tree(config, root, paths.data_dir) == before


def test_a_task_schtasks_refuses_leaves_nothing_behind(machine, capsys) -> None:
    paths, config, root = machine
    before = tree(config, root, paths.data_dir)
    inst = installer(paths, config, root, win=True, run=Recorder(status=1))
    assert inst.install() == 1
    assert "QingfengKiosk" in capsys.readouterr().err
    assert tree(config, root, paths.data_dir) == before


# ---------------------------------------------------------------------------- the command
def test_the_commands_through_the_cli(machine, capsys) -> None:
    paths, _config, root = machine
    data = ["--data-dir", str(paths.data_dir)]
    assert cli.main([*data, "install", "--check"]) == 1
    assert "没有找到 kiosk install 的安装记录" in capsys.readouterr().err  # Chinese by default
    paths.config_file.write_text('[exhibition]\ndefault_language = "en"\n', encoding="utf-8")
    assert cli.main([*data, "uninstall"]) == 1
    assert "nothing installed by kiosk install here" in capsys.readouterr().err
    session = [*data, "install", "--session", "--root", str(root)]
    status = cli.main(session)
    err = capsys.readouterr().err
    if os.geteuid() == 0:
        assert status == 0, err
        assert (root / "usr" / "share" / "xsessions" / "qingfeng-kiosk.desktop").is_file()
        assert cli.main([*data, "install", "--check", "--root", str(root)]) == 0
        assert cli.main([*data, "uninstall"]) == 0
    else:
        assert status == 2 and "sudo" in err


# ---------------------------------------------------------------------------- upgrades
def test_a_catalogue_from_the_previous_release_opens_and_passes_check(tmp_path, capsys) -> None:
    paths = Paths(tmp_path / "data")
    paths.data_dir.mkdir()
    shutil.copy(DATA / "catalogue-0.1.0.sqlite", paths.catalogue)
    with Catalogue.open(paths.catalogue, create=False) as catalogue:
        assert catalogue.counts() == {"person": 2, "aphorism": 1}
        bao = catalogue.item("bao-zheng")
        assert bao["title_zh"] == "包拯" and bao["title_en"] == "Bao Zheng"
        linked = sorted(row["key"] for row in catalogue.linked(bao["id"]))
        assert linked == ["hai-rui", "lian-saying"]
        assert [hit.key for hit in catalogue.search("bz")] == ["bao-zheng"]
    assert cli.main(["--data-dir", str(paths.data_dir), "--lang", "en", "check"]) == 0
    assert "3 items" in capsys.readouterr().out


def test_the_data_folder_lives_outside_the_package_so_an_upgrade_keeps_it(monkeypatch) -> None:
    from kiosk.paths import ENV_DATA_DIR, PACKAGE_DIR

    monkeypatch.delenv(ENV_DATA_DIR, raising=False)
    data = Paths.default().data_dir
    assert not data.is_relative_to(PACKAGE_DIR) and not data.is_relative_to(sys.prefix)
    assert data.name == "qingfeng-kiosk"
