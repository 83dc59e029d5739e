"""The warning cases (issue 13) in the real kiosk window, on a catalogue made by the real
importer from the researched cases (docs/research/kinds/cases.csv) and a made-up county
case: the section by year and by topic, the case page in both languages and large text
with its source always in sight, search, the home tile and the visitor's record."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel

from kiosk.app import Kiosk, RunOptions, build
from kiosk.settings import Settings
from kiosk.ui.cases.groups import Heading, by_year
from kiosk.ui.cases.page import CaseScreen
from kiosk.ui.cases.section import CasesScreen

from catalogues import import_once, private_copy
from factories import make_image

RESEARCH = Path(__file__).resolve().parent.parent / "docs" / "research" / "kinds" / "cases.csv"

# A county case made up for the tests (names with 某, as published notices anonymise them):
# no date but a year, no topic, a confession, a linked photo, and a long source.
LOCAL = {
    "key": "case-mou-ju",
    "kind": "案例",
    "title_zh": "某县某局原局长张某受贿案",
    "title_en": "The bribery case of Zhang, former head of a county bureau",
    "person_zh": "张某（某县某局原局长）",
    "person_en": "Zhang, former head of a county bureau",
    "summary_zh": "张某利用职务便利，在工程项目承揽等方面为他人谋取利益，收受财物。",
    "summary_en": "Zhang used his office to secure contracts for others and took money for it.",
    "outcome_zh": "开除党籍，开除公职；以受贿罪被判处有期徒刑。",
    "outcome_en": "Expelled from the Party and from office; sentenced to prison for bribery.",
    "year": "2019",
    "source_zh": "某县纪委监委通报（测试用，非真实案例）" * 3,
    "source_en": "Notice of a county discipline commission (made up for the tests)",
    "confession_zh": "我把组织给的权力当成了谋取私利的工具。",
    "confession_en": "I treated the power the organisation gave me as a tool for my own gain.",
}
TOPICS = [
    ("topic-integrity", "专题", "清廉自守", "Integrity", "10"),
    ("topic-impartiality", "专题", "秉公用权", "Impartiality", "20"),
]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("usb") / "content"
    root.mkdir()
    shutil.copy(RESEARCH, root / "cases.csv")
    with open(root / "local.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, [*LOCAL, "links"])
        writer.writeheader()
        writer.writerow({**LOCAL, "links": "photo-hall"})
    with open(root / "more.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["key", "kind", "title_zh", "title_en", "sort_order", "file"])
        writer.writerows((*t, "") for t in TOPICS)
        writer.writerow(
            ["photo-hall", "图片", "警示教育展厅", "The exhibition hall", "", "hall.jpg"]
        )
    make_image(root / "hall.jpg", size=(400, 300))
    return import_once(root, tmp_path_factory.mktemp("built"))


@pytest.fixture
def kiosk(qtbot, tmp_path, built: Path):
    paths = private_copy(built, tmp_path)
    k: Kiosk = build(paths, Settings(), RunOptions(windowed=True, size=(1920, 1080)))
    qtbot.waitExposed(k.window)
    k.window.home()
    yield k
    k.close()


def keys(entries) -> list:
    return [e.label if isinstance(e, Heading) else e["key"] for e in entries]


def click(widget, pos: QPoint | None = None) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos or widget.rect().center())


def test_the_home_screen_offers_the_cases(kiosk):
    home = kiosk.window.screens["home"]
    tile = next(t for t in home.tiles if t.section.screen == "cases")
    click(tile)
    assert kiosk.window.current == "cases"


def test_cases_by_year_newest_first_then_by_topic_with_the_others_last(kiosk):
    window = kiosk.window
    window.go("cases")
    screen: CasesScreen = window.screens["cases"]
    assert keys(screen.entries) == [
        "2019年",
        "case-mou-ju",
        "2000年",
        "case-cheng-kejie-2000",
        "1952年",
        "case-liu-qingshan-zhang-zishan-1952",
        "1799年",
        "case-heshen-1799",
    ]
    assert screen.toggles["year"].accent and not screen.toggles["topic"].accent
    click(screen.toggles["topic"])
    newest = ["case-cheng-kejie-2000", "case-liu-qingshan-zhang-zishan-1952", "case-heshen-1799"]
    assert keys(screen.entries) == [
        "清廉自守",
        *newest,
        "秉公用权",
        *newest,
        "其他",
        "case-mou-ju",
    ]
    assert screen.toggles["topic"].accent and not screen.toggles["year"].accent
    window.ctx.visit.set_lang("en")
    assert screen.headings() == ["Integrity", "Impartiality", "Other"]
    assert screen.toggles["topic"].text() == "By topic"
    # a tap on a card opens its page; back finds the same grouping
    view = screen.view
    index = view.model().index(1, 0)
    click(view.viewport(), view.visualRect(index).center())
    assert window.current == "case" and window.current_args == {"key": "case-cheng-kejie-2000"}
    window.back()
    assert window.current == "cases" and screen.grouping == "topic"
    # a tap on a heading goes nowhere
    click(view.viewport(), view.visualRect(view.model().index(0, 0)).center())
    assert window.current == "cases"


def test_the_idle_reset_returns_the_section_to_years(kiosk):
    window = kiosk.window
    window.go("cases")
    screen: CasesScreen = window.screens["cases"]
    screen.group_by("topic")
    screen.reset()
    assert screen.grouping == "year" and screen.headings()[0] == "2019年"


def labels(screen: CaseScreen) -> list[str]:
    return [label.text() for label in screen.scroll.widget().findChildren(QLabel)]


def test_the_page_shows_every_field_in_both_languages(kiosk):
    window = kiosk.window
    window.go("case", key="case-mou-ju")
    page: CaseScreen = window.screens["case"]
    text = "\n".join(labels(page))
    for name in ("title", "person", "summary", "outcome", "confession"):
        assert LOCAL[f"{name}_zh"] in text, name
    for heading in ("人物及原任职务", "主要问题", "处理结果", "忏悔摘录（本人原话）"):
        assert heading in text
    assert "警示案例 · 2019年" in text
    assert f"“{LOCAL['confession_zh']}”" in text  # marked as the person's words
    assert page.footer.text() == "出处：" + LOCAL["source_zh"]
    assert [t.work.key for t in page.tiles] == ["photo-hall"]  # linked, as an item links
    window.ctx.visit.set_lang("en")
    text = "\n".join(labels(page))
    for name in ("title", "person", "summary", "outcome", "confession"):
        assert LOCAL[f"{name}_en"] in text, name
    assert "From the confession (the person's own words)" in text
    assert page.footer.text() == "Source: " + LOCAL["source_en"]
    window.go("case", key="case-heshen-1799")
    assert "Warning case · 22 February 1799" in labels(page)
    window.ctx.visit.set_lang("zh")
    assert "警示案例 · 1799年2月22日" in labels(page)
    assert "忏悔摘录（本人原话）" not in labels(page)  # none given: no heading for it


@pytest.mark.parametrize(
    ("size", "large"), [((1920, 1080), False), ((1080, 1920), False), ((1920, 1080), True)]
)
def test_the_source_stays_in_sight_however_the_page_is_scrolled(kiosk, qtbot, size, large):
    window = kiosk.window
    window.resize(*size)
    window.ctx.visit.set_large(large)
    window.go("case", key="case-mou-ju")
    page: CaseScreen = window.screens["case"]
    qtbot.waitUntil(lambda: page.width() == size[0])
    bar = page.scroll.verticalScrollBar()
    for value in (0, bar.maximum()):
        bar.setValue(value)
        QTest.qWait(20)
        footer = QRect(page.footer.mapTo(window, QPoint(0, 0)), page.footer.size())
        assert page.footer.isVisible()
        assert window.rect().contains(footer), (footer, window.rect())
        scrolled = QRect(page.scroll.mapTo(window, QPoint(0, 0)), page.scroll.size())
        assert not footer.intersects(scrolled)  # beside the page, never under it
        # the whole source is there, wrapped, not cut
        needed = page.footer.heightForWidth(page.footer.width())
        assert page.footer.height() >= needed
    title = page.scroll.widget().findChild(QLabel, "title")
    assert title.width() <= page.width() and title.text() == LOCAL["title_zh"]


def test_search_opens_the_case_page_and_the_visit_is_recorded(kiosk):
    window = kiosk.window
    window.ctx.records.session_start()
    window.go("search")
    search = window.screens["search"]
    for query in ("chengkejie", "Cheng Kejie", "成克杰"):  # pinyin, English, Chinese
        search.field.setText(query)
        search.run_search()
        assert [h.key for h in search.hits] == ["case-cheng-kejie-2000"], query
    search.open(search.hits[0])
    assert window.current == "case" and window.current_args == {"key": "case-cheng-kejie-2000"}
    window.back()
    plays = [
        p for p in kiosk.catalogue.db["plays"].rows if p["item_key"] == "case-cheng-kejie-2000"
    ]
    assert len(plays) == 1
    assert (plays[0]["context"], plays[0]["outcome"]) == ("visitor", "completed")


def test_a_topic_page_lists_its_cases(kiosk):
    window = kiosk.window
    window.go("item", key="topic-impartiality")
    tiles = window.screens["item"].tiles
    assert [t.work.kind for t in tiles] == ["case"] * 3
    click(tiles[0])
    assert window.current == "case"


def test_within_a_year_the_later_notice_comes_first_and_undated_cases_come_last():
    def case(key, i, date=None, year=None):
        return {"key": key, "id": i, "sort_order": 0, "date": date, "year_from": year}

    rows = [
        case("undated", 1),
        case("march", 2, "2021-03-01", 2021),
        case("year-only", 3, None, 2021),
        case("june", 4, "2021-06-30", 2021),
        case("older", 5, "1999-01-01", 1999),
    ]
    entries = by_year(rows, lambda y: f"{y}年", "年份不详")
    assert keys(entries) == [
        "2021年",
        "june",
        "march",
        "year-only",
        "1999年",
        "older",
        "年份不详",
        "undated",
    ]


@pytest.mark.parametrize(
    ("size", "large"), [((1920, 1080), False), ((1080, 1920), False), ((1920, 1080), True)]
)
def test_no_part_of_the_notice_is_cut_short(kiosk, qtbot, size, large):
    window = kiosk.window
    window.resize(*size)
    window.ctx.visit.set_large(large)
    for key in ("case-heshen-1799", "case-liu-qingshan-zhang-zishan-1952", "case-mou-ju"):
        window.go("case", key=key)
        page: CaseScreen = window.screens["case"]
        qtbot.waitUntil(lambda p=page: p.width() == size[0])
        QTest.qWait(50)
        for label in page.scroll.widget().findChildren(QLabel):
            if label.isVisible() and label.wordWrap():
                needed = label.heightForWidth(label.width())
                assert label.height() >= needed, (key, label.text()[:40], label.height(), needed)
        window.back()
