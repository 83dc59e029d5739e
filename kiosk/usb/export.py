"""Export records: a folder on the stick named by kiosk and date, written by one function.

``export_to_stick`` writes last month's and this month's reports (PDF and spreadsheet, the
report issue) and the records behind them (what was shown, visits, runs and content
changes, as spreadsheets that ``kiosk report --records`` reads back for a county report)
into one folder named by the kiosk and the day.  Every file is written beside its final
name and renamed when complete (kiosk.reporting), so a stick pulled out mid-way never
holds a half-written file under a final name.
"""

from __future__ import annotations

import re
import socket
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from kiosk.strings import STRINGS, tr
from kiosk.usb.drives import DriveFinder, NoStick, Stick

_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]')  # not allowed in FAT and NTFS names


@dataclass
class Exported:
    folder: Path
    files: list[str] = field(default_factory=list)


def kiosk_label(name: str) -> str:
    """The kiosk's name as it can stand in a folder name: ``[exhibition] kiosk_name``, else
    the computer's name."""
    cleaned = _UNSAFE.sub("_", name.strip() or socket.gethostname()).strip(" .")
    return cleaned or "kiosk"


def records_folder_name(kiosk: str, day: date, lang: str) -> str:
    return tr("usb_records_folder", lang).format(kiosk=kiosk_label(kiosk), date=day.isoformat())


def is_records_folder(name: str) -> bool:
    """A folder this kiosk (or another) exported records to, in either language."""
    prefixes = [p.split("{")[0] for p in STRINGS["usb_records_folder"]]
    return any(name.startswith(p) for p in prefixes)


def months(today: date):
    """Last month and this one (kiosk.reporting.period.Period)."""
    from kiosk.reporting.period import Period

    this = Period.containing(today)
    return [Period.containing(this.first - timedelta(days=1)), this]


def export_to_stick(
    catalogue_path: Path,
    stick: Stick,
    *,
    settings,
    lang: str,
    today: date | None = None,
    now: datetime | None = None,
) -> Exported:
    """Write the reports and records of last month and this one to a folder on ``stick``;
    see the module docstring.  An ``OSError`` when the stick cannot be written (full,
    read-only, pulled out)."""
    from kiosk.catalog import Catalogue
    from kiosk.reporting.build import kiosk_report, write_report
    from kiosk.reporting.export import export_records

    made_at = now or datetime.now(UTC)
    today = today or made_at.astimezone().date()
    folder = stick.root / records_folder_name(settings.exhibition.kiosk(), today, lang)
    folder.mkdir(exist_ok=True)
    done = Exported(folder)
    with Catalogue.open(catalogue_path, create=False) as catalogue:
        for period in months(today):
            report = kiosk_report(catalogue, settings, period, made_at, lang)
            written = write_report(report, folder, lang)
            written += export_records(catalogue, settings, period, folder, now=made_at)
            for path in written:  # a report's files, and each records folder once
                top = path.relative_to(folder).parts[0]
                name = top if (folder / top).is_file() else f"{top}/"
                if name not in done.files:
                    done.files.append(name)
    return done


def save_to_stick(
    catalogue_path: Path,
    settings,
    lang: str,
    *,
    finder: DriveFinder | None = None,
    now: datetime | None = None,
) -> list[Path]:
    """The Report page's "save to USB": ``export_to_stick`` on the first stick plugged in
    (``NoStick`` when there is none); the files written."""
    sticks = (finder or DriveFinder(settings.content.usb_folders)).sticks()
    if not sticks:
        raise NoStick()
    done = export_to_stick(catalogue_path, sticks[0], settings=settings, lang=lang, now=now)
    return [done.folder / name for name in done.files]
