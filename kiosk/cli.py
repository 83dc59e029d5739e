"""The ``kiosk`` command (also ``python -m kiosk``)."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import unicodedata
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from kiosk import __version__, logs
from kiosk.errors import KioskError
from kiosk.paths import Paths
from kiosk.pledge.command import add_pledges_command
from kiosk.strings import LANGUAGES, STRINGS, Refused, text, tr

log = logging.getLogger("kiosk")

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_BUG = 0, 1, 2, 70


class UsageError(KioskError):
    """A problem with what the user asked for on the command line."""


def _progress_printer(stream=sys.stderr, lang: str = "zh"):
    """A progress bar on a terminal; nothing when the output goes to a file or a pipe."""
    if not stream.isatty():
        return lambda done, total, label: None
    width = 24

    def show(done: int, total: int, label: str) -> None:
        if total == 0:
            return
        if done >= total:
            stream.write("\r\033[K")
        else:
            filled = width * done // total
            bar = "█" * filled + "·" * (width - filled)
            stream.write(f"\r\033[K{tr('progress', lang)} {bar} {done}/{total} {label[-40:]}")
        stream.flush()

    return show


def _language(args: argparse.Namespace, paths: Paths) -> str:
    """--lang, else the exhibition's default language, else the system's, else Chinese."""
    from kiosk.settings import operator_language

    return getattr(args, "lang", None) or operator_language(paths.config_file, os.environ)


def _print_import(report, lang: str) -> None:
    from kiosk.ingest.importer import import_lines

    for line in import_lines(report, lang):
        print(line)


def _missing_sources(sources: list[str], lang: str) -> list[str]:
    """One line per source that does not exist; a hint when neighbours join into a path
    with spaces (an unquoted path split by the shell)."""
    missing = [s for s in sources if not Path(s).exists()]
    lines = [text("no_such_source", path=s).render(lang) for s in missing]
    for i in range(len(sources)):
        for j in range(len(sources), i + 1, -1):
            joined = " ".join(sources[i:j])
            if Path(joined).exists() and any(s in missing for s in sources[i:j]):
                lines.append(text("quote_path", path=joined).render(lang))
                break
    return lines


# ------------------------------------------------------------------ commands
def cmd_import(args: argparse.Namespace, paths: Paths) -> int:
    from kiosk.bundles.command import import_bundles
    from kiosk.catalog import Catalogue
    from kiosk.catalog.files import MediaStore
    from kiosk.ingest.importer import Importer

    lang = _language(args, paths)
    missing = _missing_sources(args.sources, lang)
    if missing:
        for line in missing:
            print(line, file=sys.stderr)
        return EXIT_USAGE
    sources = [Path(s) for s in args.sources]
    progress = _progress_printer(lang=lang)
    sources, code = import_bundles(sources, paths, lang, force=args.force, progress=progress)
    if not sources:
        return code
    with Catalogue.open(paths.catalogue) as catalogue:
        report = Importer(catalogue, MediaStore.at(paths), progress).run(sources)
    _print_import(report, lang)
    return max(code, report.exit_code)


def cmd_search(args: argparse.Namespace, paths: Paths) -> int:
    from kiosk.catalog import Catalogue

    lang = _language(args, paths)
    with Catalogue.open(paths.catalogue, create=False) as catalogue:
        hits = catalogue.search(" ".join(args.text), limit=args.limit, kinds=args.kind or None)
    if args.json:
        print(
            json.dumps(
                [
                    {"kind": h.kind, "key": h.key, "title_zh": h.title_zh, "title_en": h.title_en}
                    for h in hits
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return EXIT_OK
    if not hits:
        print(tr("search_none_found", lang))
        return EXIT_OK
    kinds = {
        h.kind: tr(f"kind_{h.kind}", lang) if f"kind_{h.kind}" in STRINGS else h.kind for h in hits
    }
    kind_width = max(_width(k) for k in kinds.values()) + 2
    width = max(len(h.key) for h in hits)
    for h in hits:
        title = " · ".join(t for t in (h.title_zh, h.title_en) if t)
        kind = kinds[h.kind]
        print(f"{kind}{' ' * (kind_width - _width(kind))}{h.key:<{width + 2}}{title}")
    return EXIT_OK


def _width(s: str) -> int:
    """Columns ``s`` takes in a terminal (Chinese characters take two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def cmd_check(args: argparse.Namespace, paths: Paths) -> int:
    from kiosk.catalog import Catalogue
    from kiosk.catalog.check import LABELS, check_catalogue, check_summary
    from kiosk.catalog.files import MediaStore

    lang = _language(args, paths)
    with Catalogue.open(paths.catalogue, create=False) as catalogue:
        report = check_catalogue(catalogue, MediaStore.at(paths), hashes=not args.quick)
    if args.json:
        print(report.to_json(lang))
    else:
        for line in report.lines(lang, check_summary(report), LABELS):
            print(line)
    return report.exit_code


def cmd_schedule(args: argparse.Namespace, paths: Paths) -> int:
    from kiosk import settings as settings_mod
    from kiosk.catalog import Catalogue
    from kiosk.schedule.day import DayPlan
    from kiosk.schedule.hours import OpeningHours

    lang = _language(args, paths)
    day = args.date or date.today()
    settings = settings_mod.load(paths.config_file)[0]
    with Catalogue.open(paths.catalogue, create=False) as catalogue:
        items = catalogue.items(settings.attract.kinds, on=day)
    plan = DayPlan.make(day, OpeningHours.from_settings(settings.hours), items)
    if args.json:
        print(json.dumps(plan.data(lang), ensure_ascii=False, indent=2))
    else:
        print("\n".join(plan.lines(lang)))
    return EXIT_OK


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {value!r} (write YYYY-MM-DD)") from None


def cmd_demo(args: argparse.Namespace, paths: Paths) -> int:
    from kiosk.catalog import Catalogue
    from kiosk.demo.catalogue import build_demo

    lang = _language(args, paths)
    report = build_demo(
        paths, say=lambda line: print(line, file=sys.stderr), progress=_progress_printer(lang=lang)
    )
    _print_import(report, lang)
    with Catalogue.open(paths.demo.catalogue, create=False) as catalogue:
        counts = {**catalogue.counts(), "map": len(catalogue.maps())}
    print("demo catalogue: " + ", ".join(f"{n} {k}" for k, n in sorted(counts.items())))
    print(f"catalogue file: {paths.demo.catalogue}")
    if args.no_window:
        return report.exit_code
    # The demo keeps its own catalogue and media, but the operator's settings and logs.
    return _start(args, paths, Paths(paths.demo.data_dir))


def cmd_set_pin(args: argparse.Namespace, paths: Paths) -> int:
    from kiosk.pin import set_pin_command

    return set_pin_command(paths, args.pin, sys.stdin.isatty(), _language(args, paths))


def cmd_run(args: argparse.Namespace, paths: Paths) -> int:
    catalogue_paths = Paths.for_catalogue(args.db) if args.db else paths
    if args.db and not catalogue_paths.catalogue.exists():
        raise UsageError(f"no catalogue at {catalogue_paths.catalogue}")
    return _start(args, paths, catalogue_paths)


def _has_screen() -> bool:
    if sys.platform in ("win32", "darwin") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _start(args: argparse.Namespace, paths: Paths, catalogue_paths: Paths) -> int:
    """The supervisor, which runs the kiosk window itself in a child (``run --child``)."""
    from kiosk.catalog.runs import RunLog
    from kiosk.supervisor.supervisor import Plan, Supervisor

    if sys.platform == "win32" and not getattr(args, "child", False):
        # The supervisor watches its child through POSIX pipes and process groups; on
        # Windows the Task Scheduler task (kiosk install) restarts the kiosk on failure.
        log.info("Windows: the kiosk runs without its supervisor; the task restarts it")
        return _start_child(args, paths, catalogue_paths)
    if not getattr(args, "child", False):
        from kiosk.bundles.staging import Staging

        _check_screen()
        Staging(paths.bundle_staging).clear_leftovers()  # what a killed bundle import left
        settings, _problems = _load_settings(paths)  # said once here, and in the child's log
        logs.setup(paths.logs, verbose=args.verbose, name=logs.SUPERVISOR_LOG_NAME)

        def command(fd: int, plan: Plan) -> list[str]:
            argv = [sys.executable, "-m", "kiosk", "--data-dir", str(paths.data_dir)]
            argv += ["-v"] * args.verbose + ["run", "--child", "--heartbeat-fd", str(fd)]
            argv += ["--db", str(catalogue_paths.catalogue), *_run_options_argv(args)]
            if plan.safe_since:
                argv += ["--safe-since", plan.safe_since]
            if plan.resume.key:
                argv += ["--resume", plan.resume.key] + ["--resume-after"] * plan.resume.after
            return argv

        _upgrade_apart(catalogue_paths.catalogue)
        runs = RunLog.open(catalogue_paths.catalogue)
        try:
            return Supervisor(command, runs, settings.supervisor).run()
        finally:
            runs.close()
    return _start_child(args, paths, catalogue_paths)


def _upgrade_apart(catalogue: Path) -> None:
    """Create or upgrade the catalogue in a forked process: the supervisor then writes its
    runs through plain sqlite3 and never keeps sqlite-utils (and what it loads, ~10 MB) for
    the months it runs.  A catalogue too new, or unreadable, is the operator's one line."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the forked child; its outcome is checked below
        os.close(read)
        code = 0
        try:
            from kiosk.catalog import Catalogue

            Catalogue.open(catalogue).close()
        except Exception as e:
            os.write(write, " ".join(str(e).split()).encode()[:4000])
            code = 1
        os._exit(code)
    os.close(write)
    with os.fdopen(read, "rb") as said:
        message = said.read().decode(errors="replace")
    _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise KioskError(message or f"the catalogue {catalogue} could not be opened")


def _run_options_argv(args: argparse.Namespace) -> list[str]:
    """The window options of ``run``/``demo``, for the child's command line."""
    argv = ["--windowed"] if args.windowed else []
    for option, value in (
        ("--size", args.size),
        ("--screen", args.screen),
        ("--rotate", args.rotate),
        ("--idle", args.idle),
    ):
        if value is not None:
            argv += [option, str(value)]
    return argv


def _check_screen() -> None:
    if not _has_screen():
        raise UsageError(
            "no screen to show the kiosk on (DISPLAY is not set); run it on the kiosk's "
            "display, or with --no-window to only build the catalogue"
        )


def _load_settings(paths: Paths, *, say: bool = True):
    from kiosk import settings as settings_mod

    if not paths.config_file.exists():
        # Give the operator the one file to edit, with every setting at its default.
        try:
            paths.config_file.parent.mkdir(parents=True, exist_ok=True)
            lang = settings_mod.operator_language(paths.config_file, os.environ)
            paths.config_file.write_text(settings_mod.example_toml(lang), encoding="utf-8")
        except OSError as e:
            log.warning("cannot write %s (%s)", paths.config_file, e.strerror)
    settings, problems = settings_mod.load(paths.config_file)
    lang = settings_mod.operator_language(paths.config_file, os.environ)
    for problem in problems if say else ():
        print(f"{tr('set_prefix', lang)}{problem.render(lang)}", file=sys.stderr)
    return settings, problems


def _start_child(args: argparse.Namespace, paths: Paths, catalogue_paths: Paths) -> int:
    """The kiosk window (in the supervisor's child process)."""
    from kiosk.app import RunOptions, run

    _check_screen()
    settings, _problems = _load_settings(paths, say=False)  # the supervisor said them
    overrides: dict[str, dict] = {}
    if args.windowed:
        overrides["display"] = {"windowed": True}
    if args.idle is not None:
        overrides["touch"] = {"idle_timeout_s": args.idle}
    settings = settings.with_overrides(**overrides)
    size = tuple(int(v) for v in args.size.lower().split("x")) if args.size else None
    options = RunOptions(
        windowed=settings.display.windowed,
        screen=args.screen,
        size=size,
        rotate=args.rotate,
        # The supervisor's options (``run --child``); absent without one (Windows, ``demo``).
        heartbeat_fd=getattr(args, "heartbeat_fd", None),
        safe_since=getattr(args, "safe_since", None),
        start_at=(args.resume, args.resume_after) if getattr(args, "resume", None) else None,
    )
    return run(paths, settings, options, catalogue_paths)


# -------------------------------------------------------------------- parser
def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kiosk",
        description="Qingfeng Kiosk 清风展陈 — offline exhibition kiosk for integrity education.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="put the catalogue, media, logs and settings here (default: the user data folder) "
        "/ 数据目录",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="more detail in the log")
    lang_help = (
        "language of the messages: zh or en (default: [exhibition] default_language in "
        "kiosk.toml, else the system's) / 提示语言"
    )
    parser.add_argument("--lang", choices=LANGUAGES, help=lang_help)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def add_lang(p: argparse.ArgumentParser) -> None:
        # Also after the command; SUPPRESS keeps a --lang given before it.
        p.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help=lang_help)

    p = sub.add_parser(
        "import",
        help="add media and sheets to the catalogue / 导入内容",
        description="Import folders (searched recursively), media files and spreadsheets "
        "(CSV in UTF-8 or GBK, XLSX). Every file is checked; bad ones are reported one "
        "line each and nothing is half-imported. A signed bundle (kiosk bundle) is applied "
        "whole or refused whole. Exit 0: all imported; 1: some rejected; "
        "2: usage or fatal error. / 导入文件夹、媒体文件、表格和签名内容包。",
    )
    p.add_argument(
        "sources",
        nargs="+",
        metavar="SOURCE",
        help='folder, media file, sheet or signed bundle (quote a path with spaces: "D:/新 内容")',
    )
    p.add_argument(
        "--force",
        action="store_true",
        help="apply a signed bundle even when it is not newer than the last one applied from "
        "its key (going back to an older version on purpose) / 强制应用旧版本内容包",
    )
    add_lang(p)
    p.set_defaults(func=cmd_import)

    p = sub.add_parser(
        "search",
        help="find items by Chinese, English or pinyin / 搜索",
        description="Search the catalogue as a visitor would: Chinese words (包拯), English "
        "words, full pinyin (baozheng) or initials (bz).",
    )
    p.add_argument("text", nargs="+", help="what to look for")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--limit", type=int, default=20, help="at most this many results")
    p.add_argument("--kind", action="append", help="only this kind (repeatable)")
    add_lang(p)
    p.set_defaults(func=cmd_search)

    p = sub.add_parser(
        "check",
        help="verify the catalogue and its files / 检查",
        description="Check database integrity, that every stored file is present with the "
        "right content hash, and that renditions exist. Exit 1 when something needs fixing.",
    )
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--quick", action="store_true", help="skip re-hashing stored files")
    add_lang(p)
    p.set_defaults(func=cmd_check)

    p = sub.add_parser(
        "schedule",
        help="what plays on a day / 查看某日播放安排",
        description="For that day (default: today): the opening hours from kiosk.toml [hours] "
        "and why, and every enabled item of the attract loop that can play, with its time "
        "bands and why (every day, weekdays, festival window from … to …).",
    )
    p.add_argument("--date", type=_day, metavar="YYYY-MM-DD", help="the day (default: today)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    add_lang(p)
    p.set_defaults(func=cmd_schedule)

    p = sub.add_parser(
        "set-pin",
        help="set the operator PIN / 设置管理员密码",
        description="Set the 4–8 digit PIN that opens the operator panel (long press in the "
        "top-left corner of the screen). Only a salted slow hash is stored. Without PIN, asks "
        "for it twice (or reads one line from standard input).",
    )
    p.add_argument("pin", nargs="?", help="the new PIN (omit to be asked)")
    add_lang(p)
    p.set_defaults(func=cmd_set_pin)

    def add_run_options(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--windowed",
            action="store_true",
            help="a normal window instead of locked-down fullscreen (development)",
        )
        p.add_argument("--size", metavar="WxH", help="window size with --windowed, e.g. 1080x1920")
        p.add_argument("--screen", type=int, metavar="N", help="show on screen N (0 = first)")
        p.add_argument(
            "--rotate",
            type=int,
            choices=(0, 90, 180, 270),
            metavar="DEGREES",
            help="turn the picture 0, 90, 180 or 270 degrees clockwise for a panel mounted "
            "on its side (X11, through xrandr; restored on exit)",
        )
        p.add_argument(
            "--idle",
            type=float,
            metavar="SECONDS",
            help="idle timeout before returning to the attract loop",
        )

    p = sub.add_parser(
        "run",
        help="start the kiosk on the configured catalogue / 启动展陈",
        description="Start the kiosk fullscreen on the catalogue in the data folder (or --db). "
        "Settings come from kiosk.toml in the data folder.",
    )
    p.add_argument("--db", metavar="FILE", help="use this catalogue file (media beside it)")
    add_run_options(p)
    # The supervisor's child (kiosk.supervisor): hidden, not for operators.
    p.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--heartbeat-fd", type=int, help=argparse.SUPPRESS)
    p.add_argument("--safe-since", help=argparse.SUPPRESS)
    p.add_argument("--resume", help=argparse.SUPPRESS)
    p.add_argument("--resume-after", action="store_true", help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_run)

    p = sub.add_parser(
        "demo",
        help="build the demo catalogue and show it / 演示",
        description="Render the demo artwork and films (once) and import them with the demo "
        "people, places, events and aphorisms into a separate demo catalogue, then start "
        "the kiosk on it.",
    )
    p.add_argument(
        "--no-window",
        action="store_true",
        help="only build the demo catalogue; do not start the kiosk",
    )
    add_run_options(p)
    p.set_defaults(func=cmd_demo)
    _add_start_on_boot(sub)
    _add_report(sub, add_lang)
    _add_bundles(sub, add_lang)
    add_pledges_command(sub, add_lang)
    return parser


def _add_start_on_boot(sub) -> None:
    """``kiosk install`` and ``kiosk uninstall`` (the logic is in kiosk.install)."""
    from kiosk.install.command import cmd_install, cmd_uninstall

    p = sub.add_parser(
        "install",
        help="start the kiosk when the machine boots / 开机自动启动",
        description="Set up what starts the kiosk in this user's graphical session: a "
        "systemd user unit (restarted after a crash or hang) or, without user systemd, an XDG "
        "autostart entry; on Windows a Task Scheduler task. Asks for the operator PIN when "
        "none is set. Prints the one step left to do: automatic login. What it writes is "
        "listed in installed.json in the data folder. / 设置开机自动启动。",
    )
    p.add_argument(
        "--session",
        action="store_true",
        help="as root: add a display-manager session that runs only the kiosk (no desktop, "
        "panel or shortcuts), the recommended set-up for public screens / 专用会话",
    )
    p.add_argument(
        "--check", action="store_true", help="verify what is installed instead / 检查安装"
    )
    p.add_argument(
        "--method",
        choices=("auto", "systemd", "autostart"),
        default="auto",
        help="systemd user unit or XDG autostart entry (auto: systemd where the machine "
        "booted with it)",
    )
    p.add_argument(
        "--root",
        metavar="DIR",
        help="write the session's system files below DIR instead of / (packaging, tests)",
    )
    p.set_defaults(func=cmd_install)

    p = sub.add_parser(
        "uninstall",
        help="undo kiosk install / 取消开机自动启动",
        description="Remove exactly what kiosk install wrote (listed in installed.json in the "
        "data folder); the catalogue, settings and PIN stay.",
    )
    p.set_defaults(func=cmd_uninstall)


def _add_report(sub, add_lang) -> None:
    """``kiosk report`` (the logic is in kiosk.reporting)."""
    from kiosk.reporting.command import add_report_command

    add_report_command(sub, add_lang)


def _add_bundles(sub, add_lang) -> None:
    """``kiosk keygen``, ``kiosk bundle`` and ``kiosk trust`` (the logic is in kiosk.bundles)."""
    from kiosk.bundles.command import add_commands

    add_commands(sub, add_lang, lambda lang: _progress_printer(lang=lang))


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    paths = Paths.default(args.data_dir)
    log_file = logs.setup(paths.logs, verbose=args.verbose)
    try:
        return args.func(args, paths)
    except KioskError as e:  # the operator's to fix: one line, no traceback
        line = e.text.render(_language(args, paths)) if isinstance(e, Refused) else str(e)
        print(f"kiosk: {' '.join(line.splitlines())}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print(
            "kiosk: interrupted; the catalogue is unchanged by the unfinished step", file=sys.stderr
        )
        return 130
    except Exception as e:  # a bug: log the traceback, say one line, exit for the supervisor
        log.debug("unexpected error", exc_info=True)
        logging.getLogger("kiosk.crash").critical("unexpected error: %r", e, exc_info=True)
        where = f" (details in {log_file})" if log_file else ""
        print(f"kiosk: internal error: {e.__class__.__name__}: {e}{where}", file=sys.stderr)
        return EXIT_BUG
