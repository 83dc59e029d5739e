"""Corrections to the demo content that a later edit could undo (see data/demo/SOURCES.md)."""

from __future__ import annotations

import csv
import re

import pytest

from kiosk.paths import DATA_SOURCES
from kiosk.strings import tr

DEMO = DATA_SOURCES / "demo"
EXAMPLE = DATA_SOURCES / "example" / "county" / "history.csv"
SHEETS = sorted(DEMO.glob("*.csv"))
MODERN = ("fang-zhimin", "jiao-yulu", "kong-fansen", "yang-shanzhou")
TEXT_EN = ("title_en", "summary_en", "body_en", "author_en", "source_en")


def _rows(path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


ROWS = [row for sheet in SHEETS for row in _rows(sheet)]
BY_KEY = {row["key"]: row for row in ROWS}


def _text(row: dict[str, str], lang: str | None = None) -> str:
    return " ".join(v for k, v in row.items() if v and (lang is None or k.endswith("_" + lang)))


def _links(row: dict[str, str]) -> set[str]:
    return set(filter(None, row.get("links", "").split(";")))


def test_the_sheets_were_read():
    assert len(SHEETS) >= 7 and len(ROWS) > 100
    assert {"aphorism", "event", "person", "place", "poster", "calligraphy"} <= {
        r["kind"] for r in ROWS
    }


def test_the_zhengqi_preface_is_quoted_as_written():
    texts = [p.read_text(encoding="utf-8") for p in [*SHEETS, DEMO / "artwork.toml"]]
    texts.append((DEMO / "SOURCES.md").read_text(encoding="utf-8"))
    assert not any("以一正敌七" in t for t in texts)
    preface = BY_KEY["event-wen-tianxiang-zhengqige"]["body_zh"]
    assert "彼气有七，吾气有一，以一敌七" in preface


@pytest.mark.parametrize(
    "marks",
    [("石灰吟", "粉骨碎身", "要留清白"), ("海纳百川", "无欲则刚")],
    ids=["ode-to-lime", "lin-zexu-motto"],
)
def test_traditional_attributions_are_said_on_every_row(marks):
    naming = [r for r in ROWS if any(m in _text(r, "zh") for m in marks)]
    assert len(naming) >= 3
    for row in naming:
        assert "传" in "".join(row.get(c, "") for c in ("source_zh", "summary_zh", "body_zh"))
        english = " ".join(row.get(c, "") for c in ("summary_en", "body_en", "source_en"))
        assert "attributed" in english.lower(), row["key"]
    example = [r for r in _rows(EXAMPLE) if any(m in r["标题"] for m in marks)]
    for row in example:
        assert "传" in row["出处"] + row["作者"], row["编号"]


def test_the_fuzhou_memorial_is_in_a_national_listing():
    row = BY_KEY["place-lin-zexu-memorial-fuzhou"]
    assert "林则徐宅与祠" in row["summary_zh"] and "全国重点文物保护单位" in row["summary_zh"]
    assert "national" in row["summary_en"]
    for r in ROWS:
        if "林则徐纪念馆" in _text(r, "zh") or "Lin Zexu Memorial" in _text(r, "en"):
            assert "省文物保护单位" not in _text(r, "zh"), r["key"]
            assert "provincial heritage" not in _text(r, "en"), r["key"]


def test_every_event_of_the_modern_figures_has_a_source():
    events = [r for r in ROWS if r["kind"] == "event" and _links(r) & set(MODERN)]
    assert {p for r in events for p in _links(r) & set(MODERN)} == set(MODERN)
    for row in events:
        assert row["source_zh"].strip() and row["source_en"].strip(), row["key"]


def test_links_point_at_rows_that_exist():
    for row in ROWS:
        if row["kind"] in ("poster", "calligraphy", "film"):
            continue
        assert _links(row) <= set(BY_KEY), (row["key"], _links(row) - set(BY_KEY))


def test_translations_follow_the_classical_wording():
    english = " ".join(_text(r, "en") for r in ROWS).lower()
    assert "abroad" not in english  # 外有赢财: outside the household
    assert "hemp" not in english  # 葛帏: curtains of kudzu cloth
    for r in ROWS:
        if re.search("葛[帏布]", _text(r, "zh")) and r["kind"] != "topic":
            assert "kudzu" in _text(r, "en"), r["key"]
    assert "kudzu" in BY_KEY["topic-integrity"]["body_en"]


def test_hai_rui_title_follows_the_history_of_ming():
    zh = " ".join(_text(r, "zh") for r in ROWS)
    assert "太子少保" not in zh
    assert "据《明史》" in BY_KEY["event-hai-rui-tomb-built"]["body_zh"]
    assert "太子太保" in BY_KEY["event-hai-rui-tomb-built"]["body_zh"]


def test_the_thrift_saying_is_zhang_zhibais():
    row = BY_KEY["aphorism-you-jian-ru-she"]
    assert "张知白" in row["author_zh"] and "Zhang Zhibai" in row["author_en"]
    topic = BY_KEY["topic-frugality"]
    assert "张知白" in topic["body_zh"] and "Zhang Zhibai" in topic["body_en"]


def test_no_burial_place_is_claimed_for_kong_fansen_in_liaocheng():
    for r in ROWS:
        if "kong-fansen" in _links(r) | {r["key"]}:
            assert not re.search("骨灰|安葬|葬于|墓", _text(r, "zh")), r["key"]
            assert not re.search("ashes|buried|grave|tomb", _text(r, "en")), r["key"]


def test_the_bao_family_stone_in_hefei_is_called_a_later_carving():
    for r in ROWS:
        zh = _text(r, "zh")
        if "包公祠" in zh and "家训" in zh:
            assert "后世所刻" in zh, r["key"]
            assert "later" in _text(r, "en"), r["key"]


# Each work keeps one English title wherever its Chinese title is cited.
TITLES = {
    "《岳阳楼记》": "Record of Yueyang Tower",
    "《清贫》": "Honest Poverty",
    "《诫子书》": "Admonition to His Son",
    "《石灰吟》": "Ode to Lime",
    "《过零丁洋》": "Crossing the Lingding Sea",
    "《正气歌》": "Song of the Righteous Spirit",
    "《爱莲说》": "On the Love of the Lotus",
    "《书端州郡斋壁》": "Written on the Wall of the Prefectural Study at Duanzhou",
    "《潍县署中画竹呈年伯包大中丞括》": (
        "Painting Bamboo at the Weixian Yamen, Presented to Governor Bao Kuo"
    ),
    "《赴戍登程口占示家人》": "Setting Out for Exile: Lines for My Family",
}


@pytest.mark.parametrize("zh", sorted(TITLES), ids=lambda zh: TITLES[zh])
def test_one_english_title_per_work(zh):
    citing = [r for r in ROWS if zh in r.get("source_zh", "")]
    assert citing, zh
    for row in citing:
        assert TITLES[zh] in row["source_en"], (row["key"], row["source_en"])


def test_fang_zhimin_has_one_era():
    rows = [r for r in ROWS if "fang-zhimin" in _links(r) | {r["key"]} and r.get("era_zh")]
    assert len(rows) >= 5
    assert {(r["era_zh"], r["era_en"]) for r in rows} == {
        ("土地革命战争时期", "Agrarian Revolutionary War period")
    }


def test_section_labels_read_as_english():
    assert tr("films", "en") == "Cautionary films"
    assert tr("history", "en") == "History of integrity"


# -- the programme's own kinds (issue 13): cases, couplets, riddles, ticker lines
PROGRAMME_COUNTS = {"case": 3, "couplet": 5, "riddle": 12, "ticker": 9}
# What each kind shows, in Chinese; each needs its English beside it.
VISIBLE = {
    "case": ("title", "person", "summary", "outcome", "source"),
    "couplet": ("upper", "lower", "source"),
    "riddle": ("title", "hint", "answer", "body"),
    "ticker": ("title", "source"),
}


def _of(kind: str) -> list[dict[str, str]]:
    return [r for r in ROWS if r["kind"] == kind]


def test_the_programme_kinds_are_in_the_demo():
    assert {k: len(_of(k)) for k in PROGRAMME_COUNTS} == PROGRAMME_COUNTS
    for kind in PROGRAMME_COUNTS:
        for row in _of(kind):
            assert row["key"].startswith(f"{kind}-"), row["key"]
    (song,) = _of("song")  # made by the demo itself (kiosk/demo/song.py), said so
    assert "演示配乐" in song["title_zh"] and song["source_zh"].strip()


@pytest.mark.parametrize("kind", sorted(VISIBLE))
def test_every_visible_field_has_its_english(kind):
    for row in _of(kind):
        for name in VISIBLE[kind]:
            zh, en = row.get(f"{name}_zh", ""), row.get(f"{name}_en", "")
            assert bool(zh.strip()) == bool(en.strip()), (row["key"], name)
        for name in ("banner", "confession", "author"):
            zh, en = row.get(f"{name}_zh", ""), row.get(f"{name}_en", "")
            assert bool(zh.strip()) == bool(en.strip()), (row["key"], name)


def test_every_case_couplet_and_ticker_names_its_source():
    for kind in ("case", "couplet", "ticker"):
        for row in _of(kind):
            assert row["source_zh"].strip() and row["source_en"].strip(), row["key"]


def test_cases_give_the_date_person_and_outcome_and_no_unchecked_confession():
    for row in _of("case"):
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", row["date"]), row["key"]
        assert row["date"][:4] in row["outcome_zh"] + row["summary_zh"], row["key"]
        assert row["person_zh"] and row["outcome_zh"], row["key"]
        assert not row["confession_zh"], row["key"]  # none was found in a checkable form
    dates = {r["key"]: r["date"] for r in _of("case")}
    assert dates["case-heshen-1799"] == "1799-02-22"
    assert dates["case-liu-qingshan-zhang-zishan-1952"] == "1952-02-10"
    assert dates["case-cheng-kejie-2000"] == "2000-09-14"


# Line ends whose reading pypinyin guesses wrong: 长 is cháng ("long") in 诗书继世长.
READINGS = {"长": 2}


def _tone(character: str) -> int:
    from pypinyin import Style, pinyin

    if character in READINGS:
        return READINGS[character]
    return int(pinyin(character, style=Style.TONE3)[0][0][-1])


def test_each_couplets_upper_line_ends_on_a_level_tone_and_the_lower_on_a_level_one():
    """上联 ends on a 仄 (oblique: tones 3, 4) and 下联 on a 平 (level: tones 1, 2)."""
    for row in _of("couplet"):
        upper, lower = (re.sub(r"\W", "", row[f"{n}_zh"]) for n in ("upper", "lower"))
        assert _tone(upper[-1]) in (3, 4), (row["key"], upper[-1])
        assert _tone(lower[-1]) in (1, 2), (row["key"], lower[-1])
    sanxing = BY_KEY["couplet-neixiang-sanxingtang"]
    assert sanxing["upper_zh"].startswith("吃百姓之饭")
    assert sanxing["lower_zh"].startswith("得一官不荣")


def test_festival_couplets_have_a_spring_festival_window_and_hall_couplets_none():
    for row in _of("couplet"):
        if row["style"] == "festival":
            assert row["festival"] == "春节", row["key"]
            assert row["days_before"].isdigit() and row["days_after"].isdigit(), row["key"]
            assert not (row.get("valid_from") or row.get("valid_until")), row["key"]
        else:
            assert row["style"] == "hall" and not row["festival"], row["key"]
    assert {r["style"] for r in _of("couplet")} == {"festival", "hall"}


def test_riddles_have_answers_and_published_or_traditional_sources():
    riddles = _of("riddle")
    for row in riddles:
        assert row["answer_zh"] and row["hint_zh"] and row["body_zh"], row["key"]
        assert row["answer_zh"] in row["body_zh"], row["key"]  # the explanation arrives at it
        assert bool(row["source_zh"]) == bool(row["source_en"]), row["key"]
    traditional = [r for r in riddles if not r["source_zh"]]
    assert 1 <= len(traditional) < len(riddles)


def test_ticker_lines_quote_the_demo_rows_they_link_to():
    for row in _of("ticker"):
        for key in _links(row):
            assert BY_KEY[key]["title_zh"] == row["title_zh"], row["key"]


def test_the_spring_festival_couplets_play_in_the_loop_around_the_festival_and_stay_shown(
    tmp_path,
):
    """The window restricts the attract loop only: visitors find the couplet all year."""
    from datetime import date

    from kiosk.catalog import Catalogue
    from kiosk.catalog.files import MediaStore
    from kiosk.catalog.library import Library
    from kiosk.ingest.importer import Importer
    from kiosk.paths import Paths
    from kiosk.schedule.items import ItemSchedule

    paths = Paths(tmp_path / "data")
    with Catalogue.open(paths.catalogue) as cat:
        # (without the media sheet: the couplet linked to a calligraphy work is left out)
        sheets = [DEMO / f"{name}.csv" for name in ("topics", "people", "aphorisms", "couplets")]
        Importer(cat, MediaStore.at(paths)).run(sheets)
        library = Library(cat, MediaStore.at(paths))
        row = cat.item("couplet-zhonghou-chuanjia")
        schedule, problems = ItemSchedule.parse(row)
        assert not problems
        # Spring Festival 2027 is 6 February: from 30 January to 21 February
        assert schedule.plays_on(date(2027, 1, 30)) and schedule.plays_on(date(2027, 2, 21))
        assert not schedule.plays_on(date(2027, 1, 29)) and not schedule.plays_on(date(2027, 6, 1))
        shown = [w.item["key"] for w in library.works(["couplet"], on=date(2027, 6, 1))]
        assert "couplet-zhonghou-chuanjia" in shown
        hall, _ = ItemSchedule.parse(cat.item("couplet-neixiang-sanxingtang"))
        assert hall.plays_on(date(2027, 6, 1))


def test_the_demo_quiz_has_thirty_sourced_questions_whose_answers_are_options():
    from kiosk.ingest.questions import quiz_fields

    questions = _of("question")
    assert len(questions) >= 30
    for row in questions:
        filled = {k: v for k, v in row.items() if v}
        _, problems = quiz_fields(filled, {})
        assert problems == [], (row["key"], [p.render("en") for p in problems])
        assert row["source_zh"].strip() and row["source_en"].strip(), row["key"]
        assert row["explanation_zh"].strip() and row["explanation_en"].strip(), row["key"]
        assert row["title_en"].strip(), row["key"]
