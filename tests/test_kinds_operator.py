"""The operator's side of the programme's own kinds (issue 13), over a real catalogue
imported from a sheet: ``kiosk check`` finds what a couplet, a riddle or a song lacks; the
Content page lists the new kinds and edits their texts (checked as the import checks them);
the panel's status card counts them readably in landscape and portrait."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from kiosk.catalog import Catalogue
from kiosk.catalog.changes import ChangeLog
from kiosk.catalog.check import LABELS, check_catalogue, check_summary
from kiosk.catalog.files import MediaStore
from kiosk.catalog.library import EditRefused, Library, SheetHeading
from kiosk.ingest.importer import Importer, import_lines
from kiosk.paths import Paths
from kiosk.settings import Settings
from kiosk.ui.operator.content import ContentScreen
from kiosk.ui.operator.panel import OperatorScreen
from kiosk.ui.screen import Context, Visit
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.images import ImageLoader

from catalogues import Nav
from content_sources import PAGE_IDS, PAGE_SIZES, show_page

LEFT = Qt.MouseButton.LeftButton
HEADER = ["编号", "类型", "标题", "谜目", "谜底", "释文", "上联", "下联", "英文上联", "样式",
          "人物及原任职务", "处理结果", "日期", "出处"]  # fmt: skip
ROWS = [
    ["couplet-sxt", "对联", "", "", "", "", "吃百姓之饭", "得一官不荣", "You eat", "楹联",
     "", "", "", "内乡县衙"],
    ["couplet-cl", "对联", "", "", "", "", "忠厚传家久", "诗书继世长", "", "春联",
     "", "", "", "传统春联"],
    ["riddle-zhong", "灯谜", "千里相逢", "打一字", "重", "千里合成重", "", "", "", "",
     "", "", "", ""],
    ["riddle-cha", "灯谜", "人在草木中", "打一字", "茶", "", "", "", "", "", "", "", "", ""],
    ["ticker-1", "滚动字幕", "尔俸尔禄，民膏民脂。", "", "", "", "", "", "", "", "", "", "",
     "容斋续笔"],
]  # fmt: skip


def import_programme(paths: Paths, src: Path, rows: list[list[str]] = ROWS) -> None:
    src.mkdir(parents=True, exist_ok=True)
    sheet = src / "节目内容.csv"
    with sheet.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([HEADER, *rows])
    with Catalogue.open(paths.catalogue) as cat:
        report = Importer(cat, MediaStore.at(paths)).run([sheet])
        assert not report.rejected, import_lines(report, "en")


@pytest.fixture
def library(tmp_path):
    paths = Paths(tmp_path / "data")
    import_programme(paths, tmp_path / "src")
    catalogue = Catalogue.open(paths.catalogue)
    yield Library(catalogue, MediaStore.at(paths))
    catalogue.close()


def check_lines(library: Library, lang: str) -> list[str]:
    report = check_catalogue(library.catalogue, library.store)
    return report.lines(lang, check_summary(report), LABELS)


# ------------------------------------------------------------------ kiosk check
def test_check_finds_what_a_couplet_a_riddle_and_a_song_lack(library):
    assert check_catalogue(library.catalogue, library.store).ok
    cat = library.catalogue
    # what the import never lets in, but a catalogue can come to hold (an older tool, SQL)
    cat.update_item(cat.item("couplet-sxt")["id"], {"lower_zh": None})
    cat.update_item(cat.item("riddle-cha")["id"], {"answer_zh": ""})
    song_file = library.store.original("store/ab/ab12.mp3")
    audio = cat.add_media(
        {"sha256": "ab12", "kind": "audio", "format": "mp3", "path": "store/ab/ab12.mp3",
         "original_name": "清风歌.mp3", "bytes": 1000},
        [],
    )  # fmt: skip
    cat.upsert_item({"key": "song-qf", "kind": "song", "title_zh": "清风歌", "media_id": audio})
    cat.upsert_item({"key": "song-none", "kind": "song", "title_zh": "无声"})
    zh = "\n".join(check_lines(library, "zh"))
    assert "couplet-sxt" in zh and "对联须填写“下联”列" in zh
    assert "riddle-cha" in zh and "灯谜须填写“谜底”或“英文谜底”列" in zh
    assert "清风歌.mp3" in zh and str(song_file) in zh  # the audio file is missing
    assert "song-none" in zh and "歌曲没有文件" in zh
    assert "歌曲没有歌词文件" in zh
    assert "riddle-zhong" not in zh and "couplet-cl" not in zh
    en = "\n".join(check_lines(library, "en"))
    assert "a couplet needs the 'lower_zh' column" in en
    assert "a song without a lyrics file (.lrc)" in en


def test_check_names_a_missing_lyrics_file_of_a_song(library):
    cat = library.catalogue
    fields = {"kind": "audio", "format": "mp3", "bytes": 1}
    audio = cat.add_media(
        {**fields, "sha256": "a1", "path": "store/a1.mp3", "original_name": "歌.mp3"}, []
    )
    lyrics = cat.add_media(
        {**fields, "kind": "lyrics", "format": "lrc", "sha256": "l1", "path": "store/l1.lrc",
         "original_name": "歌.lrc"},
        [],
    )  # fmt: skip
    library.store.original("store/a1.mp3").parent.mkdir(parents=True, exist_ok=True)
    library.store.original("store/a1.mp3").write_bytes(b"x")
    cat.upsert_item(
        {"key": "song-a", "kind": "song", "title_zh": "歌", "media_id": audio,
         "subtitles_id": lyrics}
    )  # fmt: skip
    zh = "\n".join(check_lines(library, "zh"))
    assert "歌.lrc" in zh and "歌.mp3" not in zh.split("歌.lrc")[0].splitlines()[-1]
    assert "歌曲没有歌词文件" not in zh


# ------------------------------------------------------------------ edits (no screen)
def headings(kind: str) -> dict[str, SheetHeading]:
    from kiosk.catalog.editing import KIND_TEXTS

    return {name: SheetHeading(name, kind) for name in KIND_TEXTS[kind]}


def texts_of(library: Library, key: str) -> dict[str, str]:
    from kiosk.catalog.editing import KIND_TEXTS

    item = library.catalogue.item(key)
    return {n: item[n] or "" for n in KIND_TEXTS[item["kind"]]}


def test_a_couplets_lines_are_edited_and_its_title_follows_the_upper_line(library):
    edits = library.edits
    values = texts_of(library, "couplet-sxt") | {"upper_zh": "穿百姓之衣", "banner_zh": "公生明"}
    edits.set_texts("couplet-sxt", values, headings("couplet"))
    item = library.catalogue.item("couplet-sxt")
    assert (item["upper_zh"], item["banner_zh"], item["title_zh"]) == (
        "穿百姓之衣",
        "公生明",
    ) * 1 + ("穿百姓之衣",)
    assert item["style"] == "hall" and item["lower_zh"] == "得一官不荣"
    assert [h.key for h in library.catalogue.search("公生明")] == ["couplet-sxt"]
    changes = [c for c in ChangeLog(library.catalogue).changes() if c["source"] == "panel"]
    assert changes and "banner_zh" in changes[-1]["fields"]


def test_an_edit_is_refused_as_the_import_refuses_the_row(library):
    edits = library.edits
    values = texts_of(library, "couplet-sxt") | {"lower_zh": "", "style": "fancy"}
    with pytest.raises(EditRefused) as refused:
        edits.set_texts("couplet-sxt", values, headings("couplet"))
    said = [p.render("zh") for p in refused.value.problems]
    assert said[0] == "对联须填写“下联”列"
    assert any("样式" in line for line in said[1:])
    assert library.catalogue.item("couplet-sxt")["lower_zh"] == "得一官不荣"  # nothing written
    with pytest.raises(EditRefused) as refused:
        edits.set_texts("riddle-zhong", texts_of(library, "riddle-zhong") | {"answer_zh": ""},
                        headings("riddle"))  # fmt: skip
    assert refused.value.text.render("en") == (
        "a riddle needs the 'answer_zh' or the 'answer_en' column"
    )
    # an English answer alone will do, as in a sheet
    edits.set_texts(
        "riddle-zhong",
        texts_of(library, "riddle-zhong") | {"answer_zh": "", "answer_en": "zhong"},
        headings("riddle"),
    )
    assert library.catalogue.item("riddle-zhong")["answer_en"] == "zhong"


def test_a_case_is_edited_with_its_date_checked(library):
    cat = library.catalogue
    cat.upsert_item({"key": "case-x", "kind": "case", "title_zh": "某案", "date": "2000-09-14",
                     "year_from": 2000})  # fmt: skip
    values = texts_of(library, "case-x") | {"outcome_zh": "判处死刑", "date": "2000-13-40"}
    with pytest.raises(EditRefused) as refused:
        library.edits.set_texts("case-x", values, headings("case"))
    assert "日期" in refused.value.text.render("zh")
    library.edits.set_texts("case-x", values | {"date": "2000-08-22"}, headings("case"))
    case = cat.item("case-x")
    assert (case["outcome_zh"], case["date"], case["year_from"]) == ("判处死刑", "2000-08-22", 2000)


# ------------------------------------------------------------------ the Content page
@pytest.fixture
def ctx(qtbot, library) -> Context:
    return Context(library, Settings(), Visit("zh", theme.Metrics()), ImageLoader(), Nav())


@pytest.fixture(params=PAGE_SIZES, ids=PAGE_IDS)
def page(request, qtbot, ctx) -> ContentScreen:
    return show_page(qtbot, ctx, request.param)


def tap(qtbot, widget, pos: QPoint | None = None) -> None:
    qtbot.mouseClick(widget, LEFT, pos=pos or QPoint(10, 10))


def open_item(qtbot, page: ContentScreen, kind: str, key: str) -> None:
    button = page.kind_buttons[kind]
    page.kinds_area.ensureWidgetVisible(button)
    tap(qtbot, button)
    keys = [row["key"] for row in page.list.rows]
    index = page.list.model_.index(keys.index(key))
    page.list.scrollTo(index)
    qtbot.mouseClick(page.list.viewport(), LEFT, pos=page.list.visualRect(index).center())
    assert page.editor.item["key"] == key


def test_the_new_kinds_are_listed_with_their_counts(qtbot, page):
    for kind, n in (("couplet", 2), ("riddle", 2), ("ticker", 1), ("case", 0), ("song", 0)):
        assert page.kind_buttons[kind].text().endswith(f" {n}"), kind
    open_item(qtbot, page, "riddle", "riddle-cha")
    form = page.editor.texts
    assert form.isVisible()
    assert [label.text() for label in form.labels.values()][:6] == [
        "谜面", "英文谜面", "谜目", "英文谜目", "谜底", "英文谜底"
    ]  # fmt: skip
    assert form.fields["answer_zh"].text() == "茶"


def commit(edit, typed: str) -> None:
    """What a plugged-in keyboard's input method does when Chinese is typed: commit text."""
    event = QInputMethodEvent("", [])
    event.setCommitString(typed)
    QApplication.sendEvent(edit, event)


def test_a_couplet_is_edited_on_the_page(qtbot, page, library):
    open_item(qtbot, page, "couplet", "couplet-sxt")
    form = page.editor.texts
    edit = form.fields["upper_en"]
    page.editor_area.ensureWidgetVisible(edit)
    tap(qtbot, edit)
    assert page.keyboard.isVisible() and page.keyboard.keyboard.target is edit
    assert edit.active
    keys = page.keyboard.keyboard
    page.keyboard.keyboard.tap("clear")
    for ch in "wear":
        qtbot.mouseClick(keys, LEFT, pos=keys.key_center(ch))
    assert edit.text() == "wear"
    commit(form.fields["banner_zh"], "公生明")
    form.style.step(1)  # hall → festival
    page.editor_area.ensureWidgetVisible(form.save_button)
    tap(qtbot, form.save_button)
    assert form.message.text() == "文字已保存"
    item = library.catalogue.item("couplet-sxt")
    assert (item["upper_en"], item["banner_zh"], item["style"]) == ("wear", "公生明", "festival")
    assert page.editor.item["banner_zh"] == "公生明"  # the page read it back
    tap(qtbot, page.keyboard.done)
    assert not page.keyboard.isVisible() and not edit.active


def test_a_cases_date_is_typed_on_the_keypad(qtbot, page, library):
    library.catalogue.upsert_item({"key": "case-x", "kind": "case", "title_zh": "某案"})
    page.reload()
    open_item(qtbot, page, "case", "case-x")
    form = page.editor.texts
    assert form.labels["title_zh"].text() == "案例名称"
    date = form.fields["date"]
    page.editor_area.ensureWidgetVisible(date)
    tap(qtbot, date)
    assert page.keypad.field is date and not page.keyboard.isVisible()
    assert page.keypad.title.text() == "日期"
    for key in "2000-09-14":
        tap(qtbot, page.keypad.keypad.keys[key])
    page.editor_area.ensureWidgetVisible(form.save_button)
    tap(qtbot, form.save_button)
    case = library.catalogue.item("case-x")
    assert (case["date"], case["year_from"]) == ("2000-09-14", 2000)


def test_a_refused_edit_is_said_in_one_red_line_and_nothing_is_saved(qtbot, page, library):
    open_item(qtbot, page, "couplet", "couplet-cl")
    form = page.editor.texts
    form.fields["lower_zh"].clear()
    page.editor_area.ensureWidgetVisible(form.save_button)
    tap(qtbot, form.save_button)
    message = form.message
    assert message.isVisible() and not page.editor.message.isVisible()
    assert message.text() == "未保存：对联须填写“下联”列"
    assert message.palette().color(message.foregroundRole()) == theme.SEAL
    assert library.catalogue.item("couplet-cl")["lower_zh"] == "诗书继世长"


def test_a_kind_without_texts_of_its_own_shows_no_text_form(qtbot, page, library):
    library.catalogue.upsert_item({"key": "a1", "kind": "aphorism", "title_zh": "廉者"})
    page.reload()
    open_item(qtbot, page, "aphorism", "a1")
    assert not page.editor.texts.isVisible()


# ------------------------------------------------------------------ the status card
@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=["landscape", "portrait"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_status_card_counts_the_kinds_the_catalogue_has_readably(qtbot, ctx, size, lang):
    ctx.visit.lang = lang
    panel = OperatorScreen(ctx, dict, lambda v: None, lambda: None, lambda: None)
    qtbot.addWidget(panel, before_close_func=lambda w: w.leave())
    panel.resize(*size)
    panel.show()
    qtbot.waitExposed(panel)
    panel.enter()
    panel.retranslate()
    qtbot.wait(10)
    shown = [k for k, cell in panel.count_cells.items() if cell.isVisible()]
    assert {"couplet", "riddle", "ticker", "film", "topic"} <= set(shown)
    assert "case" not in shown and "song" not in shown  # none in this catalogue
    assert panel.count_labels["couplet"][0].text() == "2"
    for kind in shown:
        number, name = panel.count_labels[kind]
        cell = panel.count_cells[kind]
        needed = name.sizeHint().width() + number.sizeHint().width()
        assert needed <= cell.width(), (kind, name.text(), needed, cell.width())
        assert cell.geometry().right() <= panel.status_card.width()
    # a case imported later appears on the next refresh
    ctx.library.catalogue.upsert_item({"key": "case-1", "kind": "case", "title_zh": "某案"})
    ctx.library.invalidate()
    panel.refresh()
    assert panel.count_cells["case"].isVisible()


# ------------------------------------------------------------------ the operators' example
def test_the_example_sheet_of_the_programme_kinds_imports_whole(tmp_path):
    """data/example/programme: one real row of each programme kind, Chinese headings."""
    example = Path(__file__).parent.parent / "data" / "example" / "programme"
    paths = Paths(tmp_path / "data")
    with Catalogue.open(paths.catalogue) as cat:
        report = Importer(cat, MediaStore.at(paths)).run([example])
        assert report.counts["imported"] == 4 and not report.rejected, import_lines(report, "zh")
        assert not [line for line in import_lines(report, "zh") if line.startswith("提示")]
        kinds = {row["kind"]: row for row in cat.items(enabled_only=False)}
        assert set(kinds) == {"case", "couplet", "riddle", "ticker"}
        assert kinds["couplet"]["upper_zh"].startswith("吃百姓之饭")
        assert kinds["couplet"]["style"] == "hall"
        assert kinds["riddle"]["answer_zh"] == "廉洁"
        assert kinds["case"]["date"] == "1952-02-10"
        assert kinds["ticker"]["valid_from"] == "2016-01-01"
        for row in kinds.values():
            assert row["source_zh"] and row["source_en"], row["key"]
