"""Writing a kiosk's records in the record format (kiosk.reporting.records).

``export_records``: a period as a folder of spreadsheets (for the USB stick and the
county office).  ``write_daily_records``: one day as one ZIP in the records folder
(``[content] records_folder``; Syncthing carries it to the office).  Both write beside
the target and rename at the end, so a reader sees the whole set or nothing.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path

from kiosk.catalog import Catalogue
from kiosk.reporting.catalogue import CatalogueRecords, header_for
from kiosk.reporting.files import atomic_path, safe_name
from kiosk.reporting.period import Period, local_zone
from kiosk.reporting.records import HEADER, TABLES, ZIP_SUFFIX, CsvTable, csv_name


def set_name(kiosk: str, period: Period) -> str:
    return f"records-{safe_name(kiosk)}-{period.label}"


def export_records(
    catalogue: Catalogue,
    settings,
    period: Period,
    folder: Path,
    *,
    now: datetime | None = None,
) -> list[Path]:
    """Write ``period``'s records as ``folder/records-<kiosk>-<period>/``; its files."""
    zone, zone_name = local_zone(settings.exhibition.time_zone)
    made_at = now or datetime.now(UTC)
    header = header_for(catalogue, settings, period, zone_name, made_at)
    records = CatalogueRecords(catalogue, period, period.utc_bounds(zone))
    target = folder / set_name(header.kiosk, period)
    folder.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=folder))
    try:
        for table in TABLES:
            with open(work / csv_name(table), "wb") as f:
                out = CsvTable(f, table)
                out.write(records.rows(table))
                out.detach()
                header.rows[table] = out.count
                f.flush()
                os.fsync(f.fileno())
        (work / HEADER).write_text(header.to_json(), encoding="utf-8")
        _replace_folder(work, target)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return sorted(target.iterdir())


def _replace_folder(new: Path, target: Path) -> None:
    """Put ``new`` where ``target`` is; an older export there goes only once ``new`` is in."""
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        target.rename(old)
    new.rename(target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def write_daily_records(
    catalogue: Catalogue,
    settings,
    folder: Path,
    day: date,
    *,
    now: datetime | None = None,
) -> Path:
    """Write ``day``'s records as ``folder/<kiosk>/<kiosk>-<day>.zip`` (replacing an
    earlier one of that day); its path."""
    zone, zone_name = local_zone(settings.exhibition.time_zone)
    period = Period(day, day)
    header = header_for(catalogue, settings, period, zone_name, now or datetime.now(UTC))
    records = CatalogueRecords(catalogue, period, period.utc_bounds(zone))
    kiosk = safe_name(header.kiosk)
    target = folder / kiosk / f"{kiosk}-{day.isoformat()}{ZIP_SUFFIX}"
    with atomic_path(target) as temp, open(temp, "wb") as raw:
        with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as z:
            for table in TABLES:
                with z.open(csv_name(table), "w") as member:
                    out = CsvTable(member, table)
                    out.write(records.rows(table))
                    out.detach()
                    header.rows[table] = out.count
            z.writestr(HEADER, header.to_json())
        raw.flush()
        os.fsync(raw.fileno())
    return target
