"""``kiosk install``, ``kiosk uninstall`` and ``kiosk install --check``: what each writes,
removes or verifies, told in the operator's language."""

from __future__ import annotations

import getpass
import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from kiosk.install import linux, windows
from kiosk.install.launch import TASK_NAME, Places
from kiosk.install.manifest import (
    MANIFEST_FILE,
    SESSION_MANIFEST_FILE,
    AlreadyThere,
    Manifest,
    digest,
)
from kiosk.paths import APP_NAME, Paths
from kiosk.pin import load_pin_hash, set_pin_command
from kiosk.strings import tr

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2

Runner = Callable[[list[str]], subprocess.CompletedProcess]


def run_quietly(command: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run(command, capture_output=True, text=True, check=False, timeout=60)


class Installer:
    """Writes, removes and checks the files that start the kiosk on boot.

    ``command`` is the kiosk's own command line (``kiosk_command``); ``run`` runs the
    system's tools (systemctl, systemd-analyze, schtasks); ``ask_pin`` asks for the
    operator PIN at a terminal and returns the exit status of ``kiosk set-pin``.
    """

    def __init__(
        self,
        paths: Paths,
        places: Places,
        command: list[str],
        lang: str = "zh",
        *,
        run: Runner = run_quietly,
        say: Callable[[str], None] = print,
        stdin_is_tty: bool = False,
        ask_pin: Callable[[], int] | None = None,
    ) -> None:
        self.paths = paths
        self.places = places
        self.command = command
        self.lang = lang
        self.run = run
        self.say = say
        self.stdin_is_tty = stdin_is_tty
        self.ask_pin = ask_pin or (lambda: set_pin_command(paths, None, True))

    @property
    def manifest_file(self) -> Path:
        # Root's session and the user's start on boot are installed and removed apart.
        name = SESSION_MANIFEST_FILE if self.places.is_root else MANIFEST_FILE
        return self.paths.data_dir / name

    def _t(self, key: str, **values: object) -> str:
        return tr(key, self.lang).format(**values)

    def _err(self, key: str, **values: object) -> None:
        print(f"kiosk: {self._t(key, **values)}", file=sys.stderr)

    # ------------------------------------------------------------------ install
    def install(self, session: bool = False, method: str = "auto") -> int:
        places = self.places
        if places.is_root and not session:
            self._err("inst_root_only_session")
            return EXIT_USAGE
        if session and not places.is_root:
            again = shlex.join([*self.command[:-1], "install", "--session"])
            self._err("inst_need_root", path=places.xsession.parent, command=again)
            return EXIT_USAGE
        if method == "auto":
            method = "windows" if places.windows else "systemd" if places.systemd else "autostart"
        if session:
            method = "session"  # as root: the session files only
        old = Manifest.load(self.manifest_file)
        ours = {e.get("path") for e in old.entries} if old else set()
        planned = self._planned(method)
        for path in planned:
            if str(path) not in ours and (path.exists() or path.is_symlink()):
                self._err("inst_exists", path=path)
                return EXIT_USAGE
        if method != "session" and load_pin_hash(self.paths) is None:
            if not self.stdin_is_tty:
                self._err("inst_no_pin_tty")
                return EXIT_USAGE
            self.say(self._t("inst_ask_pin"))
            if (status := self.ask_pin()) != EXIT_OK:
                return status
        if old is not None:  # installing again: the old files make way for the new
            self.manifest_file.unlink()
            old.remove(self._delete_task)
        manifest = Manifest(command=self.command, method=method)
        try:
            self._write(manifest, method)
        except (OSError, AlreadyThere) as e:
            where = getattr(e, "filename", None) or getattr(e, "path", "")
            self._err("inst_failed", path=where, error=getattr(e, "strerror", None) or e)
            manifest.remove(self._delete_task)
            return EXIT_PROBLEMS
        finally:
            if manifest.entries:
                manifest.save(self.manifest_file)
        for entry in manifest.entries:
            if entry["kind"] in ("file", "link"):
                self.say(self._t("inst_wrote", path=entry["path"]))
        self.say(self._t(f"inst_{method}", name=TASK_NAME))
        if method != "windows":
            self._tell_autologin(session)
        return EXIT_OK

    def _planned(self, method: str) -> list[Path]:
        p = self.places
        return {
            "systemd": [p.unit, p.unit_link],
            "autostart": [p.autostart],
            "session": [p.xsession, p.session_script],
            "windows": [self._task_file],
        }[method]

    @property
    def _task_file(self) -> Path:
        return self.paths.data_dir / f"{APP_NAME}-task.xml"

    def _write(self, manifest: Manifest, method: str) -> None:
        p = self.places
        if method == "systemd":
            manifest.write(p.unit, linux.systemd_unit(self.command).encode())
            manifest.link(p.unit_link, p.unit)
            self._systemctl("daemon-reload")
        elif method == "autostart":
            manifest.write(p.autostart, linux.autostart_entry(self.command).encode())
        elif method == "session":
            script = linux.session_script(self.command).encode()
            manifest.write(p.session_script, script, mode=0o755)
            manifest.write(p.xsession, linux.session_entry(str(p.session_script)).encode())
        else:
            xml = windows.task_xml(self.command, windows.task_user())
            manifest.write(self._task_file, xml.encode("utf-16"))
            done = self.run(windows.create_command(str(self._task_file)))
            if done.returncode != 0:
                raise OSError(done.returncode, (done.stderr or done.stdout).strip(), TASK_NAME)
            manifest.task(TASK_NAME)

    def _systemctl(self, *args: str) -> None:
        # Only where the user's systemd runs: elsewhere the files take effect at next login.
        if self.places.systemd and shutil.which("systemctl"):
            self.run(["systemctl", "--user", *args])

    def _delete_task(self, name: str) -> None:
        self.run(windows.delete_command())

    def _tell_autologin(self, session: bool) -> None:
        # As root (sudo) for the session: the kiosk user is the one who called sudo.
        user = (os.environ.get("SUDO_USER") if session else None) or getpass.getuser()
        into = self._t("inst_into_session") if session else ""
        self.say(self._t("inst_autologin", user=user, into=into))
        name, also = APP_NAME, self._t("inst_and")
        for key, extra in (
            ("inst_lightdm", f"{also}autologin-session={name}"),
            ("inst_gdm", self._t("inst_gdm_session", user=user, name=name)),
            ("inst_sddm", f"{also}Session={name}.desktop"),
        ):
            self.say(self._t(key, user=user, session=extra if session else ""))

    # ------------------------------------------------------------------ uninstall
    def uninstall(self) -> int:
        manifest = Manifest.load(self.manifest_file)
        if manifest is None:
            self._err("inst_nothing", path=self.manifest_file)
            return EXIT_PROBLEMS
        self.manifest_file.unlink()
        removed, kept = manifest.remove(self._delete_task)
        if manifest.method == "systemd":
            self._systemctl("daemon-reload")
        for path in removed:
            self.say(self._t("inst_removed", path=path))
        for path in kept:
            self.say(self._t("inst_kept_dir", path=path))
        self.say(self._t("inst_uninstalled"))
        return EXIT_OK

    # ------------------------------------------------------------------ check
    def check(self) -> int:
        manifest = Manifest.load(self.manifest_file)
        if manifest is None:
            self._err("inst_nothing", path=self.manifest_file)
            return EXIT_PROBLEMS
        problems = [*self._check_entries(manifest)]
        program = Path(manifest.command[0]) if manifest.command else None
        if program is None or not program.exists():
            problems.append(self._t("chk_no_command", path=program))
        if manifest.method == "systemd":
            problems += self._verify_units(manifest)
        if manifest.method != "session" and load_pin_hash(self.paths) is None:
            problems.append(self._t("chk_no_pin"))
        for line in problems:
            self.say(line)
        if problems:
            self.say(self._t("chk_summary_bad", n=len(problems)))
            return EXIT_PROBLEMS
        self.say(self._t("chk_summary_ok"))
        return EXIT_OK

    def _check_entries(self, manifest: Manifest):
        for entry in manifest.entries:
            kind = entry["kind"]
            if kind == "task":
                if self.run(windows.query_command()).returncode != 0:
                    yield self._t("chk_task", name=entry["name"])
                continue
            path = Path(entry["path"])
            present = {"dir": path.is_dir, "link": path.is_symlink, "file": path.is_file}[kind]
            if not present():
                yield self._t("chk_missing", path=path)
                continue
            if kind == "link":
                changed = str(path.readlink()) != entry["target"]
            else:
                changed = kind == "file" and digest(path.read_bytes()) != entry["sha256"]
            if changed:
                yield self._t("chk_changed", path=path)

    def _verify_units(self, manifest: Manifest) -> list[str]:
        analyze = shutil.which("systemd-analyze")
        if analyze is None:
            self.say(self._t("chk_no_analyze"))
            return []
        found = []
        for entry in manifest.entries:
            if entry["kind"] == "file" and entry["path"].endswith(".service"):
                # System mode: --user needs a running user manager; the unit's syntax and
                # its ExecStart are checked the same way.  It exits 0 even for a bad line.
                done = self.run([analyze, "verify", entry["path"]])
                lines = (done.stderr or "").splitlines() + (done.stdout or "").splitlines()
                found += [self._t("chk_verify", line=ln) for ln in lines if ln.strip()]
        if not found:
            self.say(self._t("chk_ok", what="systemd-analyze verify"))
        return found


# ---------------------------------------------------------------------- the commands
def installer_for(args, paths: Paths) -> Installer:
    from kiosk import settings as settings_mod
    from kiosk.install.launch import chosen_data_dir, kiosk_command

    places = Places.here(getattr(args, "root", None))
    data_dir = paths.data_dir if chosen_data_dir(args.data_dir) else None
    lang = settings_mod.load(paths.config_file)[0].exhibition.default_language
    return Installer(
        paths,
        places,
        kiosk_command(data_dir, windows=places.windows),
        lang,
        stdin_is_tty=sys.stdin is not None and sys.stdin.isatty(),
    )


def cmd_install(args, paths: Paths) -> int:
    installer = installer_for(args, paths)
    if args.check:
        return installer.check()
    return installer.install(session=args.session, method=args.method)


def cmd_uninstall(args, paths: Paths) -> int:
    return installer_for(args, paths).uninstall()
