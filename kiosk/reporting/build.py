"""Making a report: from figures to a Report, and to its PDF and spreadsheet files.

``kiosk_report`` reads this kiosk's catalogue; ``county_report`` reads record sets of
one or more kiosks.  ``write_report`` writes ``report-<kiosk>-<period>.pdf`` and
``.xlsx`` into a folder (the USB stick, the office's folder) and returns their paths.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.reporting import figures as figures_mod
from kiosk.reporting.figures import KioskFigures
from kiosk.reporting.files import safe_name
from kiosk.reporting.model import Report, county_sections, kiosk_sections
from kiosk.reporting.pdf import write_pdf
from kiosk.reporting.period import Period
from kiosk.reporting.records import RecordSet
from kiosk.reporting.xlsx import write_xlsx
from kiosk.strings import Text

if TYPE_CHECKING:
    from kiosk.catalog import Catalogue

COUNTY = "county"  # the file name's kiosk part for a report of several kiosks


def report_of(found: list[KioskFigures], period: Period, made_at: datetime, lang: str) -> Report:
    """One kiosk's report, or the county's when ``found`` holds several kiosks."""
    single = len(found) == 1
    first = found[0] if found else None
    zone = first.zone if first else None
    local_made = made_at.astimezone(zone) if zone else made_at
    if single:
        sections = kiosk_sections(first, lang)
        stem = f"report-{safe_name(first.kiosk)}-{period.label}"
    else:
        sections = county_sections(found, figures_mod.totals(found), lang)
        stem = f"report-{COUNTY}-{period.label}"
    return Report(
        title="rep_title" if single else "rep_county_title",
        exhibition_zh=first.exhibition_zh if first else "",
        exhibition_en=first.exhibition_en if first else "",
        kiosks=[f.kiosk for f in found],
        period=period,
        made_at=local_made.replace(tzinfo=None),
        zone_name=first.zone_name if first else "",
        sections=sections,
        file_stem=stem,
        lang=lang,
    )


def kiosk_report(
    catalogue: Catalogue, settings, period: Period, made_at: datetime, lang: str
) -> Report:
    # Imported here: the county report at the office needs no catalogue layer (its search
    # dictionaries alone take some 80 MB).
    from kiosk.reporting.catalogue import figures_from_catalogue

    found = figures_from_catalogue(catalogue, settings, period, made_at)
    return report_of([found], period, made_at, lang)


def county_report(
    sets: list[RecordSet], period: Period, made_at: datetime, lang: str
) -> tuple[Report | None, list[Text]]:
    """The report of the kiosks in ``sets`` (None when none has records of the period)."""
    found, notes = figures_mod.from_sets(sets, period, made_at)
    if not found:
        return None, notes
    # One kiosk's records brought to the office make that kiosk's own report.
    return report_of(found, period, made_at, lang), notes


def write_report(report: Report, folder: Path, lang: str) -> list[Path]:
    """Write the report's PDF and spreadsheet into ``folder``; their paths."""
    pdf = write_pdf(report, folder / f"{report.file_stem}.pdf", lang)
    xlsx = write_xlsx(report, folder / f"{report.file_stem}.xlsx", lang)
    return [pdf, xlsx]


def this_month(catalogue_path: Path, settings, lang: str, now: datetime | None = None) -> Report:
    """This month's report so far, from the catalogue at ``catalogue_path`` (opened here, so
    that a worker thread has its own connection)."""
    from kiosk.catalog import Catalogue
    from kiosk.reporting.period import local_zone

    made_at = now or datetime.now(UTC)
    period = Period.containing(
        made_at.astimezone(local_zone(settings.exhibition.time_zone)[0]).date()
    )
    with Catalogue.open(catalogue_path, create=False) as catalogue:
        return kiosk_report(catalogue, settings, period, made_at, lang)
