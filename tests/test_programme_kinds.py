"""The programme's own kinds in the catalogue (issue 13): the schema step that admits them,
their sheet columns (Chinese headings too), and every bad row said in one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.catalog import Catalogue
from kiosk.ingest.importer import Importer, import_lines

ROWS_HEADER = "编号,类型,标题,谜目,谜底,上联,下联,横批,样式,人物及原任职务,处理结果,日期,出处\n"


def sheet(path: Path, body: str, header: str = ROWS_HEADER) -> Path:
    path.write_text(header + body, encoding="utf-8")
    return path


def test_a_catalogue_from_before_the_programme_kinds_keeps_items_links_and_plays(paths):
    from sqlite_utils import Database

    from kiosk.catalog.schema import migrations

    paths.catalogue.parent.mkdir(parents=True)
    old = Database(paths.catalogue)
    old.execute("PRAGMA foreign_keys = ON")
    migrations.apply(old, stop_before="0008_programme_kinds")
    for key, kind in (("bao-zheng", "person"), ("kaifeng", "place")):
        old["items"].insert(
            {"key": key, "kind": kind, "title_zh": key, "created_at": "x", "updated_at": "x"}
        )
    old.execute("INSERT INTO links (a, b) VALUES (1, 2)")
    old.execute(
        "INSERT INTO plays (item_id, item_key, started_at, ended_at, seconds, context, outcome)"
        " VALUES (1, 'bao-zheng', 'a', 'b', 3, 'visitor', 'completed')"
    )
    old.conn.commit()
    old.close()
    with Catalogue.open(paths.catalogue) as cat:
        assert [r["key"] for r in cat.linked(cat.item("bao-zheng")["id"])] == ["kaifeng"]
        assert cat.db.execute("SELECT item_id FROM plays").fetchall() == [(1,)]
        item_id, _ = cat.upsert_item({"key": "c1", "kind": "couplet", "upper_zh": "上"})
        assert cat.item(item_id)["upper_zh"] == "上"
        assert cat.db.execute("PRAGMA foreign_keys").fetchone() == (1,)
        assert cat.integrity_problems() == []
        # the kinds the database itself still refuses
        with pytest.raises(Exception, match="CHECK"):
            cat.db.execute(
                "INSERT INTO items (key, kind, created_at, updated_at) VALUES ('x', 'nope', 1, 1)"
            )


def test_the_new_kinds_import_from_chinese_headings(catalogue, store, tmp_path):
    rows = sheet(
        tmp_path / "内容.csv",
        "riddle-zhong,灯谜,千里相逢,打一字,重,,,,,,,,\n"
        "couplet-sxt,对联,,,,吃百姓之饭,得一官不荣,,楹联,,,,内乡县衙\n"
        "case-cheng,案例,成克杰受贿案,,,,,,,成克杰，原全国人大常委会副委员长,判处死刑,2000-08-22,"
        "全国人大常委会公告\n"
        ",滚动字幕,尔俸尔禄，民膏民脂。,,,,,,,,,,\n",
    )
    report = Importer(catalogue, store).run([rows])
    assert report.counts["imported"] == 4, import_lines(report, "en")
    riddle = catalogue.item("riddle-zhong")
    assert (riddle["kind"], riddle["hint_zh"], riddle["answer_zh"]) == ("riddle", "打一字", "重")
    couplet = catalogue.item("couplet-sxt")
    assert couplet["style"] == "hall"
    assert couplet["title_zh"] == "吃百姓之饭"  # known by its upper line
    case = catalogue.item("case-cheng")
    assert (case["outcome_zh"], case["date"], case["year_from"]) == ("判处死刑", "2000-08-22", 2000)
    assert catalogue.items(["ticker"])[0]["title_zh"] == "尔俸尔禄，民膏民脂。"
    # found by what only the new columns hold
    assert [h.key for h in catalogue.search("得一官")] == ["couplet-sxt"]
    assert [h.key for h in catalogue.search("判处死刑")] == ["case-cheng"]


@pytest.mark.parametrize(
    ("row", "zh", "en"),
    [
        (
            "c,对联,,,,吃百姓之饭,,,,,,,",
            "对联须填写“下联”列",
            "a couplet needs the '下联' column",
        ),
        (
            "r,灯谜,千里相逢,打一字,,,,,,,,,",
            "灯谜须填写“谜底”或“answer_en”列",
            "a riddle needs the '谜底' or the 'answer_en' column",
        ),
        (
            "c,对联,,,,上,下,,红色,,,,",
            "样式：“红色”不是对联样式，请填写festival（春联，红纸）、hall（楹联）",
            "样式: '红色' is not a couplet style; write festival (Spring Festival, red paper), "
            "hall (a hall couplet)",
        ),
        (
            "a,格言,清白传家,,,,,,hall,,,,",
            "样式：只有对联才有样式",
            "样式: only couplets have a style",
        ),
        (
            "k,案例,某案,,,,,,,,,2000-13-01,",
            "日期",
            "日期",
        ),
    ],
)
def test_a_bad_row_of_a_new_kind_is_refused_in_one_line(catalogue, store, tmp_path, row, zh, en):
    rows = sheet(tmp_path / "内容.csv", row + "\n")
    report = Importer(catalogue, store).run([rows])
    assert len(report.rejected) == 1, import_lines(report, "en")
    (line_zh,) = [line for line in import_lines(report, "zh") if "第2行" in line]
    (line_en,) = [line for line in import_lines(report, "en") if "row 2" in line]
    assert zh in line_zh and en in line_en
    assert "\n" not in line_zh
    assert catalogue.keys() == set()
