"""``kiosk report``: the period's report of this kiosk, or of several kiosks' records
(``--records``), as a PDF and a spreadsheet, told in the operator's language."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import UTC, date, datetime
from pathlib import Path

from kiosk.paths import Paths
from kiosk.reporting.period import Period, PeriodError, local_zone, parse_day
from kiosk.strings import text, tr

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def period_of(args: argparse.Namespace, today: date) -> Period:
    """--month, or --from and --to, else the last whole month before ``today``."""
    if args.month and (args.from_day or args.to_day):
        raise PeriodError("rep_period_twice")
    if args.month:
        return Period.month(args.month)
    if args.from_day or args.to_day:
        first = parse_day(args.from_day) if args.from_day else None
        last = parse_day(args.to_day) if args.to_day else today
        return Period(first or last.replace(day=1), last)
    before = today.replace(day=1).toordinal() - 1
    return Period.containing(date.fromordinal(before))


def cmd_report(args: argparse.Namespace, paths: Paths) -> int:
    from kiosk import settings as settings_mod
    from kiosk.reporting.build import county_report, kiosk_report, write_report
    from kiosk.reporting.records import find_sets

    settings = settings_mod.load(paths.config_file)[0]
    lang = getattr(args, "lang", None) or settings_mod.operator_language(
        paths.config_file, os.environ
    )
    zone, _name = local_zone(settings.exhibition.time_zone)
    now = datetime.now(UTC)
    period = period_of(args, now.astimezone(zone).date())
    out = Path(args.out or ".")
    if args.records:
        sets, problems = find_sets([Path(r) for r in args.records])
        for line in problems:
            print(text("rep_skipped_set", line=line).render(lang), file=sys.stderr)
        report, notes = county_report(sets, period, now, lang)
        for note in notes:
            print(note.render(lang), file=sys.stderr)
        if report is None:
            print(tr("rep_no_sets", lang), file=sys.stderr)
            return EXIT_PROBLEMS
        print(tr("rep_read_sets", lang).format(n=len(sets)))
        trouble = bool(problems or notes)
    else:
        from kiosk.catalog import Catalogue  # here: the office's county report needs none

        with Catalogue.open(paths.catalogue, create=False) as catalogue:
            report = kiosk_report(catalogue, settings, period, now, lang)
        trouble = False
    for path in write_report(report, out, lang):
        print(tr("rep_wrote", lang).format(path=path))
    return EXIT_PROBLEMS if trouble else EXIT_OK


def add_report_command(sub, add_lang) -> None:
    """``kiosk report`` on the command line (kiosk/cli.py adds it)."""
    p = sub.add_parser(
        "report",
        help="the monthly report as PDF and spreadsheet / 运行月报",
        description="Write report-<kiosk>-<period>.pdf and .xlsx: opening and uptime, "
        "visitors, films, the attract loop, content changes and problems, in the hall's "
        "local time. Default period: last month. With --records, read the record exports "
        "of one or more kiosks (USB exports, the Syncthing records folder) and write one "
        "county report with a section per kiosk and the totals. / 生成运行月报（PDF 和 Excel）。",
    )
    p.add_argument("--month", metavar="YYYY-MM", help="a calendar month, e.g. 2026-11 / 月份")
    p.add_argument("--from", dest="from_day", metavar="YYYY-MM-DD", help="first day / 开始日期")
    p.add_argument("--to", dest="to_day", metavar="YYYY-MM-DD", help="last day / 结束日期")
    p.add_argument("--out", metavar="DIR", help="write the files here (default: here) / 输出目录")
    p.add_argument(
        "--records",
        nargs="+",
        metavar="DIR",
        help="record exports of several kiosks (folders, ZIPs, or folders holding them) "
        "instead of this kiosk's catalogue / 多个终端的记录",
    )
    add_lang(p)
    p.set_defaults(func=cmd_report)
