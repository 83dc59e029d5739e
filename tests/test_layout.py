"""The house rules that keep the package easy to find one's way in, checked on the source."""

from __future__ import annotations

import ast
from pathlib import Path

import kiosk

PACKAGE = Path(kiosk.__file__).parent


def _imports(path: Path) -> list[str]:
    """Every module ``path`` imports from (absolute names), wherever the import stands."""
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
        elif isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
    return names


def _modules(folder: str) -> list[Path]:
    return sorted((PACKAGE / folder).rglob("*.py"))


def test_the_ui_reads_the_catalogue_only_through_the_library():
    wrong = {
        f"{path.relative_to(PACKAGE)}: {name}"
        for path in _modules("ui")
        for name in _imports(path)
        if name.startswith("kiosk.catalog") and name != "kiosk.catalog.library"
    }
    assert not wrong, sorted(wrong)


def test_widgets_use_nothing_above_them():
    wrong = {
        f"{path.relative_to(PACKAGE)}: {name}"
        for path in _modules("ui/widgets")
        for name in _imports(path)
        if name.startswith("kiosk.ui") and not name.startswith("kiosk.ui.widgets")
    }
    assert not wrong, sorted(wrong)


def test_only_the_engine_imports_vlc():
    """One module talks to libvlc; the rest of the kiosk goes through it."""
    importers = {
        str(path.relative_to(PACKAGE))
        for path in _modules(".")
        if any(name == "vlc" or name.startswith("vlc.") for name in _imports(path))
    }
    assert importers == {"playback/engine.py"}


# Sizes the house keeps (issue #9): a module past ~600 lines or a class past ~300 is a sign that
# it holds more than one responsibility. Exceptions are named here with their reason.
MODULE_LINES = 600
CLASS_LINES = 310  # "about 300"
LARGE_MODULES: dict[str, str] = {}
LARGE_CLASSES: dict[str, str] = {}


def test_no_module_is_larger_than_the_house_allows():
    large = {
        str(path.relative_to(PACKAGE)): n
        for path in _modules(".")
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MODULE_LINES
    }
    assert set(large) <= set(LARGE_MODULES), large


def test_no_class_is_larger_than_the_house_allows():
    large = {}
    for path in _modules("."):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                n = node.end_lineno - node.lineno + 1
                if n > CLASS_LINES:
                    large[f"{path.relative_to(PACKAGE)}:{node.name}"] = n
    assert set(large) <= set(LARGE_CLASSES), large


def test_every_text_is_defined_once_in_both_languages():
    from kiosk.strings import STRINGS, TABLES

    twice = {
        k
        for name, table in TABLES.items()
        for k in table
        for other, t in TABLES.items()
        if other != name and k in t
    }
    assert not twice, sorted(twice)
    assert len(STRINGS) == sum(len(t) for t in TABLES.values())
    untranslated = [k for k, (zh, en) in STRINGS.items() if not zh.strip() or not en.strip()]
    assert not untranslated, untranslated


def test_the_long_running_processes_leave_heavy_modules_unloaded():
    # The kiosk window and its supervisor stay up for months on a 2 GB machine: numpy
    # (which sqlite-utils would import, ~25 MB) and pypinyin's phrase tables (~55 MB) are
    # for importing content, the report's libraries for the report, not for showing it.
    import subprocess
    import sys

    probe = (
        "import sys, kiosk.app, kiosk.cli, kiosk.supervisor.supervisor, kiosk.catalog.library\n"
        "import kiosk.ui.operator.report_page, kiosk.ui.operator.panel\n"
        "import kiosk.ui.operator.usb_screen, kiosk.ui.operator.content, kiosk.bundles.staging\n"
        "import kiosk.fleet.chores\n"
        "kiosk.cli.build_parser()  # every process parses its arguments\n"
        "from kiosk.catalog import Catalogue\n"
        "with Catalogue.memory() as c: c.search('bao')\n"
        "heavy = ('numpy', 'pypinyin', 'matplotlib', 'fpdf', 'openpyxl', 'av', 'PIL',\n"
        "         'cryptography')\n"
        "print(sorted(m for m in heavy if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_the_supervisor_keeps_no_sqlite_utils():
    # It writes its runs through plain sqlite3 and upgrades the catalogue in a forked
    # process (kiosk.cli._upgrade_apart): sqlite-utils and what it loads (click, pluggy,
    # dateutil: ~10 MB) would stay in it for months.
    import subprocess
    import sys

    probe = (
        "import sys, kiosk.cli, kiosk.supervisor.supervisor, kiosk.catalog.runs\n"
        "import kiosk.bundles.staging\n"
        "kiosk.cli.build_parser()\n"
        "print(sorted(m for m in ('sqlite_utils', 'click', 'pluggy') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
