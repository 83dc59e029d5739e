"""Real Syncthing instances for tests: each in its own home, on 127.0.0.1 only, with global
discovery, local discovery, relays, NAT traversal, usage reports and upgrades off; devices
and folders are introduced through Syncthing's REST API, as a deployer's script would."""

from __future__ import annotations

import json
import secrets
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

SYNCTHING = shutil.which("syncthing")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Syncthing:
    """One Syncthing: ``start()``, ``share(folder_id, path, kind, peers)``, ``stop()``."""

    home: Path
    name: str
    listen_port: int = field(default_factory=free_port)
    gui_port: int = field(default_factory=free_port)
    api_key: str = field(default_factory=lambda: secrets.token_hex(16))
    device_id: str = ""
    process: subprocess.Popen | None = None

    @property
    def address(self) -> str:
        return f"tcp://127.0.0.1:{self.listen_port}"

    def start(self) -> Syncthing:
        assert SYNCTHING is not None
        self.home.mkdir(parents=True, exist_ok=True)
        env = {"STNODEFAULTFOLDER": "1", "STNOUPGRADE": "1", "HOME": str(self.home)}
        subprocess.run(
            [SYNCTHING, "generate", f"--home={self.home}", "--no-default-folder"],
            check=True,
            capture_output=True,
            env=env,
            timeout=60,
        )
        self._local_only()
        self.device_id = subprocess.run(
            [SYNCTHING, "serve", f"--home={self.home}", "--device-id"],
            check=True,
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        ).stdout.strip()
        serve = [SYNCTHING, "serve", f"--home={self.home}", "--no-browser", "--no-restart"]
        self.process = subprocess.Popen(
            [*serve, "--no-upgrade", f"--logfile={self.home / 'syncthing.log'}"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                self.get("/rest/system/ping")
                return self
            except (urllib.error.URLError, ConnectionError):
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise RuntimeError(f"syncthing {self.name} did not start") from None
                time.sleep(0.2)

    def _local_only(self) -> None:
        path = self.home / "config.xml"
        tree = ET.parse(path)
        root = tree.getroot()
        gui = root.find("gui")
        assert gui is not None
        gui.set("tls", "false")
        _text(gui, "address", f"127.0.0.1:{self.gui_port}")
        _text(gui, "apikey", self.api_key)
        options = root.find("options")
        assert options is not None
        for element in options.findall("listenAddress"):
            options.remove(element)
        _text(options, "listenAddress", self.address)
        for name, value in (
            ("globalAnnounceEnabled", "false"),
            ("localAnnounceEnabled", "false"),
            ("relaysEnabled", "false"),
            ("natEnabled", "false"),
            ("startBrowser", "false"),
            ("urAccepted", "-1"),
            ("autoUpgradeIntervalH", "0"),
            ("crashReportingEnabled", "false"),
        ):
            _text(options, name, value)
        tree.write(path)

    # ------------------------------------------------------------------ REST
    def _call(self, method: str, path: str, body: object = None) -> object:
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.gui_port}{path}",
            data=data,
            method=method,
            headers={"X-API-Key": self.api_key, "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            raw = response.read()
        return json.loads(raw) if raw.strip() else None

    def get(self, path: str) -> object:
        return self._call("GET", path)

    def meet(self, other: Syncthing) -> None:
        """Know ``other`` as a device at its 127.0.0.1 address."""
        self._call(
            "POST",
            "/rest/config/devices",
            {"deviceID": other.device_id, "name": other.name, "addresses": [other.address]},
        )

    def share(self, folder_id: str, path: Path, kind: str, peers: list[Syncthing]) -> None:
        """Share ``path`` as ``folder_id`` with ``peers``; ``kind``: sendonly, receiveonly
        or sendreceive. Rescans every few seconds and on change, for a quick test."""
        path.mkdir(parents=True, exist_ok=True)
        devices = [{"deviceID": d.device_id} for d in (self, *peers)]
        self._call(
            "POST",
            "/rest/config/folders",
            {
                "id": folder_id,
                "label": folder_id,
                "path": str(path),
                "type": kind,
                "devices": devices,
                "rescanIntervalS": 2,
                "fsWatcherEnabled": True,
                "fsWatcherDelayS": 1,
            },
        )

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


def _text(parent: ET.Element, tag: str, value: str) -> None:
    element = parent.find(tag)
    if element is None:
        element = ET.SubElement(parent, tag)
    element.text = value
