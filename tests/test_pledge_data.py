"""The pledge wall's data on real catalogues: the pledge text imported (a 5,000-character one
refused in one line, at import and in the panel), signatures checked, thinned (100,000
points), kept to the limit, exported as a month's PDF (pdftotext, pdftoppm), cleared, and
counted in the monthly report — through the library and the ``kiosk pledges`` command."""

from __future__ import annotations

import math
import subprocess
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import openpyxl
import pytest

from kiosk.catalog.editing import KIND_TEXTS, EditRefused
from kiosk.catalog.library import Library, SheetHeading
from kiosk.ingest.importer import Importer, import_lines
from kiosk.ingest.rows import PLEDGE_MAX_CHARS
from kiosk.pledge.signature import MAX_POINTS, Signature, decode, from_pad, thin
from kiosk.pledge.store import month_bounds
from kiosk.reporting.build import kiosk_report, write_report
from kiosk.reporting.period import Period
from kiosk.reporting.xlsx import sheet_title
from kiosk.settings import Settings
from kiosk.strings import tr

from commands import kiosk
from needs import needs

HEADER = "编号,类型,标题,正文,英文正文\n"
PAD = (1400.0, 800.0)


def sheet(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "承诺书.csv"
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def signature(scale: float = 1.0, n: int = 40) -> Signature:
    """A zigzag name-sized scribble of ``n`` points on the pad."""
    points = [(200 + 25 * i * scale, 300 + 150 * scale * (i % 2)) for i in range(n)]
    return from_pad([points], *PAD)


# ------------------------------------------------------------------ the pledge text
def test_the_pledge_text_imports_and_the_newest_is_shown(catalogue, store, tmp_path) -> None:
    rows = sheet(
        tmp_path,
        "pledge-2025,廉洁承诺,旧承诺书,我承诺。,I pledge.\n"
        "pledge-2026,承诺书,廉洁承诺书,我承诺：清白做人，干净做事。,I pledge to be clean.\n",
    )
    report = Importer(catalogue, store).run([rows])
    assert report.rejected == [], import_lines(report, "en")
    library = Library(catalogue, store)
    assert library.pledge_text()["key"] == "pledge-2026"
    assert library.counts()["pledge"] == 2


def test_a_pledge_text_of_5000_characters_is_refused_in_one_line(catalogue, store, tmp_path):
    rows = sheet(tmp_path, "p,承诺书,廉洁承诺书," + "廉" * 5000 + ",\n")
    report = Importer(catalogue, store).run([rows])
    assert len(report.rejected) == 1
    (zh,) = [line for line in import_lines(report, "zh") if "第2行" in line]
    (en,) = [line for line in import_lines(report, "en") if "row 2" in line]
    assert "“正文”有 5000 个字" in zh and f"最多 {PLEDGE_MAX_CHARS} 个字" in zh
    assert "'正文' has 5000 characters" in en and f"at most {PLEDGE_MAX_CHARS}" in en
    assert catalogue.keys() == set()
    just = sheet(tmp_path, "p,承诺书,廉洁承诺书," + "廉" * PLEDGE_MAX_CHARS + ",\n")
    assert Importer(catalogue, store).run([just]).rejected == []  # the longest allowed


def test_the_panel_edits_the_pledge_text_and_refuses_a_long_one(catalogue, store, tmp_path):
    Importer(catalogue, store).run([sheet(tmp_path, "p,承诺书,廉洁承诺书,我承诺。,\n")])
    library = Library(catalogue, store)
    headings = {name: SheetHeading(name, "pledge") for name in KIND_TEXTS["pledge"]}
    library.edits.set_texts("p", {"title_zh": "承诺", "body_zh": "我郑重承诺。"}, headings)
    assert library.pledge_text()["body_zh"] == "我郑重承诺。"
    with pytest.raises(EditRefused) as refused:
        library.edits.set_texts("p", {"title_zh": "承诺", "body_zh": "廉" * 5000}, headings)
    assert f"{PLEDGE_MAX_CHARS}" in refused.value.problems[0].render("en")
    assert library.pledge_text()["body_zh"] == "我郑重承诺。"
    with pytest.raises(EditRefused):  # a pledge without any text is no pledge
        library.edits.set_texts("p", {"title_zh": "承诺", "body_zh": ""}, headings)


def test_a_catalogue_from_before_the_pledge_keeps_its_items_and_links(paths) -> None:
    from sqlite_utils import Database

    from kiosk.catalog import Catalogue
    from kiosk.catalog.schema import migrations

    paths.catalogue.parent.mkdir(parents=True)
    old = Database(paths.catalogue)
    old.execute("PRAGMA foreign_keys = ON")
    migrations.apply(old, stop_before="0010_pledges")
    for key, kind in (("bao-zheng", "person"), ("q1", "question")):
        old["items"].insert(
            {"key": key, "kind": kind, "title_zh": key, "created_at": "x", "updated_at": "x"}
        )
    old.execute("INSERT INTO links (a, b) VALUES (1, 2)")
    old.conn.commit()
    old.close()
    with Catalogue.open(paths.catalogue) as cat:
        assert [r["key"] for r in cat.linked(cat.item("bao-zheng")["id"])] == ["q1"]
        cat.upsert_item({"key": "p", "kind": "pledge", "title_zh": "承诺", "body_zh": "我承诺。"})
        assert cat.item("p")["kind"] == "pledge"
        assert cat.db.execute("PRAGMA foreign_keys").fetchone() == (1,)
        assert cat.integrity_problems() == []
        assert cat.db.execute("SELECT count(*) FROM signatures").fetchone() == (0,)


# ------------------------------------------------------------------ signatures
def test_a_point_and_a_tiny_tick_are_refused_a_signature_is_not() -> None:
    assert from_pad([[(300.0, 300.0)]], *PAD).refusal() == "pledge_one_point"
    assert from_pad([[(300.0, 300.0)], [(301.0, 300.0)]], *PAD).refusal() == "pledge_one_point"
    assert from_pad([[(300, 300), (320, 330), (350, 290)]], *PAD).refusal() == "pledge_too_small"
    assert signature().refusal() is None
    assert signature(scale=0.1).refusal() == "pledge_too_small"


def test_100000_points_are_thinned_to_the_limit_keeping_the_shape(catalogue, store) -> None:
    strokes = [
        [
            (700 + 500 * math.cos(t / 1000), 400 + 300 * math.sin(t / 700))
            for t in range(s, s + 10_000)
        ]
        for s in range(0, 100_000, 10_000)
    ]  # ten long strokes, 100,000 points
    sig = from_pad(strokes, *PAD)
    assert sig.points <= MAX_POINTS and len(sig.strokes) == 10
    for original, kept in zip(strokes, sig.strokes, strict=True):
        assert kept[0] == from_pad([original[:1]], *PAD).strokes[0][0]  # the ends stay
        assert kept[-1] == from_pad([original[-1:]], *PAD).strokes[0][0]
    library = Library(catalogue, store)
    new = library.pledges.add(sig, library.pledges.render(sig))
    kept = decode(library.pledges.strokes(new))
    assert kept == sig and len(library.pledges.strokes(new)) < 60_000
    (signed,) = library.pledges.newest()
    assert signed.picture.stat().st_size < 60_000


def test_thinning_many_tiny_strokes_keeps_the_first_that_fit() -> None:
    strokes = [((i, 0), (i, 1)) for i in range(3000)]
    kept = thin(strokes, 1000)
    assert sum(len(s) for s in kept) <= 1000 and kept[0] == strokes[0]


def test_the_oldest_are_dropped_beyond_the_limit_kept(catalogue, store) -> None:
    library = Library(catalogue, store, pledge_keep=5)
    pledges = library.pledges
    ids = [pledges.add(signature(), pledges.render(signature())) for _ in range(8)]
    assert [s.id for s in pledges.newest()] == ids[::-1][:5]
    pictures = sorted(pledges.folder.rglob("*.png"))
    assert len(pictures) == 5 and set(pictures) == {s.picture for s in pledges.newest()}


def test_a_month_is_the_halls_calendar_month() -> None:
    shanghai = timezone(timedelta(hours=8))
    assert month_bounds("2026-12", shanghai) == (
        "2026-11-30T16:00:00.000+00:00",
        "2026-12-31T16:00:00.000+00:00",
    )
    with pytest.raises(ValueError):
        month_bounds("2026-13")


# ------------------------------------------------------------------ export, clear, report
def signed_in(library: Library, when: list[str]) -> None:
    for at in when:
        library.pledges.add(signature(), library.pledges.render(signature(), at), at)


def test_export_and_clear_a_month_with_the_command(paths, catalogue, store, tmp_path) -> None:
    needs("poppler")
    library = Library(catalogue, store)
    signed_in(
        library, ["2026-10-31T10:00:00.000+00:00"] * 2 + ["2026-11-03T09:00:00.000+00:00"] * 30
    )
    out = tmp_path / "out"
    out.mkdir()
    done = kiosk(paths.data_dir, "pledges", "export", "--month", "2026-11", "--out", str(out))
    assert done.returncode == 0, done.stderr
    pdf = out / "pledges-2026-11.pdf"
    assert done.stdout.strip() == f"已将 2026-11 的 30 个签名导出到 {pdf}"
    said = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "2026-11 共 30 人签名承诺" in said and "2026-11-03" in said
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(tmp_path / "page")], check=True)
    assert len(list(tmp_path.glob("page*.png"))) == 2  # 28 a page
    english = kiosk(paths.data_dir, "pledges", "export", "--month", "2026-10", "--lang", "en",
                    "--out", str(tmp_path / "oct.pdf"))  # fmt: skip
    assert english.returncode == 0
    said = subprocess.run(["pdftotext", str(tmp_path / "oct.pdf"), "-"], capture_output=True,
                          text=True).stdout  # fmt: skip
    assert "2 signatures in 2026-10" in said

    asked = kiosk(paths.data_dir, "pledges", "clear", "--month", "2026-11")
    assert asked.returncode == 1 and "加上 --yes" in asked.stderr
    assert library.pledges.count() == 32
    cleared = kiosk(
        paths.data_dir, "pledges", "clear", "--month", "2026-11", "--yes", "--lang", "en"
    )
    assert cleared.returncode == 0 and cleared.stdout.strip() == "Cleared 2026-11's 30 signatures"
    assert library.pledges.count() == 2
    assert len(list(library.pledges.folder.rglob("*.png"))) == 2  # their pictures went too
    bad = kiosk(paths.data_dir, "pledges", "export", "--month", "11/2026")
    assert bad.returncode == 2 and "YYYY-MM" in bad.stderr


def test_the_monthly_report_counts_the_months_signatures(catalogue, store, tmp_path) -> None:
    library = Library(catalogue, store)
    now = datetime.now(UTC)
    signed_in(library, [now.isoformat(timespec="milliseconds")] * 3)
    signed_in(library, ["2001-01-01T00:00:00.000+00:00"])  # another period
    period = Period.containing(now.date())
    report = kiosk_report(catalogue, Settings(), period, now, "zh")
    (section,) = [s for s in report.sections if s.title == "rep_quiz"]
    assert "pledge_rep_note" in [n.key for n in section.notes]
    assert "rep_quiz_none" not in [n.key for n in section.notes]
    _pdf, xlsx = write_report(report, tmp_path, "zh")
    wb = openpyxl.load_workbook(xlsx, read_only=True)
    rows = dict(wb[sheet_title("pledge_rep_figures")].iter_rows(values_only=True))
    wb.close()
    assert rows[tr("pledge_rep_signed", "zh")] == 3
