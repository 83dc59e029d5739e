"""``kiosk pledges export`` and ``kiosk pledges clear``: a month's signatures as a PDF, and
cleared after the operator confirms with ``--yes``, told in the operator's language."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from kiosk.paths import Paths
from kiosk.strings import tr

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def cmd_pledges(args: argparse.Namespace, paths: Paths) -> int:
    from kiosk import settings as settings_mod
    from kiosk.catalog import Catalogue
    from kiosk.catalog.files import MediaStore
    from kiosk.pledge.store import Signatures, month_bounds, pledge_folder
    from kiosk.reporting.period import local_zone

    settings = settings_mod.load(paths.config_file)[0]
    lang = getattr(args, "lang", None) or settings_mod.operator_language(
        paths.config_file, os.environ
    )
    zone, _name = local_zone(settings.exhibition.time_zone)
    try:
        month_bounds(args.month)
    except ValueError:
        print(tr("pledges_bad_month", lang).format(month=args.month), file=sys.stderr)
        return EXIT_USAGE
    with Catalogue.open(paths.catalogue, create=False) as catalogue:
        signatures = Signatures(catalogue, pledge_folder(MediaStore.at(paths)))
        if args.action == "export":
            from kiosk.pledge.export import write_month

            signed = signatures.of_month(args.month, zone)
            out = Path(args.out or f"pledges-{args.month}.pdf")
            if out.is_dir():
                out = out / f"pledges-{args.month}.pdf"
            write_month(signed, args.month, out, zone, lang)
            line = tr("pledges_exported", lang).format(month=args.month, n=len(signed), path=out)
            print(line)
            return EXIT_OK
        n = len(signatures.of_month(args.month, zone))
        if not args.yes:
            print(tr("pledges_need_yes", lang).format(month=args.month, n=n), file=sys.stderr)
            return EXIT_PROBLEMS
        gone = signatures.clear_month(args.month, zone)
        print(tr("pledges_cleared", lang).format(month=args.month, n=gone))
        return EXIT_OK


def add_pledges_command(sub, add_lang) -> None:
    """``kiosk pledges`` on the command line (kiosk/cli.py adds it)."""
    p = sub.add_parser(
        "pledges",
        help="export or clear a month's pledge signatures / 导出或清除签名",
        description="export: write a month's signatures (in the hall's local time) as a PDF "
        "with their count, for the report; clear: delete them and their pictures, only with "
        "--yes. / 按月导出签名墙的签名（PDF），或确认后清除。",
    )
    p.add_argument("action", choices=("export", "clear"), help="export or clear / 导出或清除")
    p.add_argument("--month", metavar="YYYY-MM", required=True, help="e.g. 2026-11 / 月份")
    p.add_argument(
        "--out", metavar="FILE", help="the PDF (default: pledges-YYYY-MM.pdf here) / 输出文件"
    )
    p.add_argument("--yes", action="store_true", help="clear without asking / 确认清除")
    add_lang(p)
    p.set_defaults(func=cmd_pledges)
