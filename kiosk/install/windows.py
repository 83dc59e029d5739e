"""The Windows Task Scheduler task: its XML, and the ``schtasks`` command lines.

Untested on Windows itself; the XML is checked against the Task Scheduler schema's names.
"""

from __future__ import annotations

import getpass
import os
import subprocess
from xml.etree import ElementTree as ET

from kiosk.install.launch import TASK_NAME

NS = "http://schemas.microsoft.com/windows/2004/02/mit/task"

#: Task Scheduler's minimum restart interval, and its largest retry count.
RESTART_INTERVAL, RESTART_COUNT = "PT1M", 999


def _add(parent: ET.Element, name: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{NS}}}{name}", attrs)
    if text is not None:
        element.text = text
    return element


def task_xml(command: list[str], user: str) -> str:
    """The task: at ``user``'s logon, ``command``, restarted after a failure, never stopped
    for running long, only while the user is logged on, hidden."""
    ET.register_namespace("", NS)
    task = ET.Element(f"{{{NS}}}Task", {"version": "1.2"})
    info = _add(task, "RegistrationInfo")
    _add(info, "Description", "Qingfeng Kiosk 清风展陈: written by kiosk install")
    _add(info, "URI", "\\" + TASK_NAME)
    logon = _add(_add(task, "Triggers"), "LogonTrigger")
    _add(logon, "Enabled", "true")
    _add(logon, "UserId", user)
    principal = _add(_add(task, "Principals"), "Principal", id="Author")
    _add(principal, "UserId", user)
    _add(principal, "LogonType", "InteractiveToken")  # only while the user is logged on
    _add(principal, "RunLevel", "LeastPrivilege")
    settings = _add(task, "Settings")
    for name, value in (
        ("MultipleInstancesPolicy", "IgnoreNew"),
        ("DisallowStartIfOnBatteries", "false"),
        ("StopIfGoingOnBatteries", "false"),
        ("AllowHardTerminate", "true"),
        ("StartWhenAvailable", "false"),
        ("RunOnlyIfNetworkAvailable", "false"),
        ("AllowStartOnDemand", "true"),
        ("Enabled", "true"),
        ("Hidden", "true"),
        ("RunOnlyIfIdle", "false"),
        ("WakeToRun", "false"),
        ("ExecutionTimeLimit", "PT0S"),  # no limit
        ("Priority", "7"),
    ):
        _add(settings, name, value)
    idle = _add(settings, "IdleSettings")
    _add(idle, "StopOnIdleEnd", "false")
    _add(idle, "RestartOnIdle", "false")
    restart = _add(settings, "RestartOnFailure")
    _add(restart, "Interval", RESTART_INTERVAL)
    _add(restart, "Count", str(RESTART_COUNT))
    action = _add(_add(task, "Actions", Context="Author"), "Exec")
    _add(action, "Command", command[0])
    _add(action, "Arguments", subprocess.list2cmdline(command[1:]))
    ET.indent(task)
    body = ET.tostring(task, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-16"?>\n' + body + "\n"


def task_user() -> str:
    """The logged-on user as Task Scheduler names them, DOMAIN\\user where known."""
    user = getpass.getuser()
    domain = os.environ.get("USERDOMAIN")
    return f"{domain}\\{user}" if domain else user


def create_command(xml_file: str) -> list[str]:
    return ["schtasks", "/Create", "/XML", xml_file, "/TN", TASK_NAME, "/F"]


def delete_command() -> list[str]:
    return ["schtasks", "/Delete", "/TN", TASK_NAME, "/F"]


def query_command() -> list[str]:
    return ["schtasks", "/Query", "/TN", TASK_NAME]
