"""An import a Chinese operator can trust (issue 15): the same sheets again change nothing,
and every message names the operator's heading and row, in Chinese or English."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from kiosk.catalog.check import check_catalogue
from kiosk.catalog.model import KINDS
from kiosk.ingest.importer import Importer, import_lines
from kiosk.strings import STRINGS

from commands import kiosk
from factories import make_image


def run_import(catalogue, store, *sources):
    return Importer(catalogue, store).run([Path(s) for s in sources])


def counted(report, *names: str) -> tuple[int, ...]:
    return tuple(report.counts[n] for n in names)


def gbk_sheet(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.replace("\n", "\r\n").encode("gbk"))
    return path


def test_a_gbk_sheet_without_keys_imported_three_times_is_one_item(catalogue, store, tmp_path):
    sheet = gbk_sheet(tmp_path / "usb" / "内容.csv", "编号,类型,标题\n,格言,清白传家。\n")
    first = run_import(catalogue, store, sheet)
    assert import_lines(first, "zh") == ["新增 1，更新 0，未变 0，重复跳过 0，未导入 0"]
    for _ in range(2):
        again = run_import(catalogue, store, sheet)
        assert import_lines(again, "en") == [
            "imported 0, updated 0, unchanged 1, skipped as duplicate 0, rejected 0"
        ]
    assert catalogue.keys() == {"aphorism-qing-bai-chuan-jia"}
    assert check_catalogue(catalogue, store).ok


def test_check_names_accidental_copies_and_how_to_hide_them(catalogue, store):
    """What earlier versions left behind: one saying imported three times."""
    for key in ("aphorism-qbcj", "aphorism-qbcj-2", "aphorism-qbcj-3"):
        catalogue.upsert_item({"key": key, "kind": "aphorism", "title_zh": "清白传家。"})
    catalogue.upsert_item({"key": "aphorism-other-2", "kind": "aphorism", "title_zh": "另一句"})
    report = check_catalogue(catalogue, store)
    assert not report.ok
    (copies,) = report.problems
    assert copies.line("zh") == (
        "条目 aphorism-qbcj 格言“清白传家。”有 3 条（编号 aphorism-qbcj、aphorism-qbcj-2、"
        "aphorism-qbcj-3），像是重复导入的副本"
    )
    assert copies.fix_line("zh") == (
        "要去掉多余的副本，请导入一个表格，每个副本一行：编号 aphorism-qbcj-2、aphorism-qbcj-3，"
        "启用 否"
    )
    assert copies.line("en") == (
        "item aphorism-qbcj: aphorism '清白传家。' is there 3 times (keys aphorism-qbcj, "
        "aphorism-qbcj-2, aphorism-qbcj-3): they look like accidental copies"
    )
    # Done as it says, the check is content again.
    catalogue.upsert_item({"key": "aphorism-qbcj-2", "kind": "aphorism", "enabled": 0})
    catalogue.upsert_item({"key": "aphorism-qbcj-3", "kind": "aphorism", "enabled": 0})
    assert check_catalogue(catalogue, store).ok


def test_one_key_in_two_sheets_is_refused_with_both_places_and_never_flips(
    catalogue, store, tmp_path
):
    root = tmp_path / "usb"
    root.mkdir()
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "人物"
    ws.append(["编号", "标题"])
    ws.append(["bao-zheng", "包拯"])
    ws.append(["hai-rui", "海瑞"])
    book.create_sheet("格言").append(["编号", "标题"])
    book["格言"].append(["a1", "其身正，不令而行"])
    book.save(root / "人物.xlsx")
    gbk_sheet(root / "名人.csv", "编号,类型,标题\n,人物,于谦\nx,人物,况钟\n\nhai-rui,人物,海忠介\n")
    for run in range(2):
        report = run_import(catalogue, store, root)
        assert import_lines(report, "zh") == [
            "未导入：名人.csv 第5行 编号“hai-rui”在 人物.xlsx!人物 第3行 已经定义过，"
            "本行未导入（保留先读到的定义）",
            "新增 5，更新 0，未变 0，重复跳过 0，未导入 1"
            if run == 0
            else "新增 0，更新 0，未变 5，重复跳过 0，未导入 1",
        ]
        assert import_lines(report, "en")[0] == (
            "rejected: 名人.csv row 5: 编号 'hai-rui' is already defined at 人物.xlsx!人物 row 3; "
            "this row is left out (the first definition is kept)"
        )
    assert catalogue.item("hai-rui")["title_zh"] == "海瑞"
    # The worksheet's name says the kind when there is no 类型 column.
    assert catalogue.item("a1")["kind"] == "aphorism"
    assert catalogue.item("bao-zheng")["kind"] == "person"


def test_a_row_with_three_problems_says_all_three_with_the_sheets_headings(
    catalogue, store, tmp_path
):
    sheet = gbk_sheet(
        tmp_path / "内容.csv",
        "编号,类型,标题,日期,排序\nok,事件,好,2024/5/1,1\nbad,雕塑,三处错,2024/13/45,第一\n",
    )
    report = run_import(catalogue, store, sheet)
    assert import_lines(report, "zh") == [
        "未导入：内容.csv 第3行 类型：“雕塑”不是已知的类型（可用 影片 海报 书法 照片 人物 地点 "
        "事件 格言 专题 地图）；日期：“2024/13/45”不是有效的日期（可写 2024-05-01、2024/5/1 或 "
        "2024年5月1日）；排序：“第一”不是整数（请写 1、2、3 这样的整数）",
        "新增 1，更新 0，未变 0，重复跳过 0，未导入 1",
    ]
    assert import_lines(report, "en")[0] == (
        "rejected: 内容.csv row 3: 类型: '雕塑' is not a known kind (use film, poster, "
        "calligraphy, photo, person, place, event, aphorism, topic or map / 影片 海报 书法 照片 "
        "人物 地点 事件 格言 专题 地图); 日期: '2024/13/45' is not a valid date (write 2024-05-01, "
        "2024/5/1 or 2024年5月1日); 排序: '第一' is not a whole number (write 1, 2, 3 …)"
    )
    assert report.exit_code == 1


def test_a_link_to_a_refused_row_names_that_row(catalogue, store, tmp_path):
    sheet = gbk_sheet(
        tmp_path / "人物.csv",
        "编号,类型,标题,年份,关联\n"
        "bao-zheng,人物,包拯,1062-999,\n"
        "kai-feng,地点,开封府,,bao-zheng；nobody\n"
        "yu-qian,人物,于谦,1398-1457,\n",
    )
    report = run_import(catalogue, store, sheet)
    assert import_lines(report, "zh") == [
        "未导入：人物.csv 第2行 年份：“1062-999”不是有效的年份（可写 1945、999-1062、"
        "公元前551-公元前479；没有公元0年）",
        "未导入：人物.csv 第3行 关联：没有编号为 nobody 的条目（检查拼写，或在表格中加上这一行）；"
        "关联：bao-zheng 未导入，因为 人物.csv 第2行 有问题（见上）；改好那一行即可",
        "新增 1，更新 0，未变 0，重复跳过 0，未导入 2",
    ]
    assert import_lines(report, "en")[1] == (
        "rejected: 人物.csv row 3: 关联: no item with the key nobody (check the spelling, or add "
        "that row); 关联: bao-zheng was not imported because 人物.csv row 2 has a problem (see "
        "there); fixing that row is enough"
    )


def test_a_file_named_in_another_letter_case_is_used_with_a_note(catalogue, store, tmp_path):
    root = tmp_path / "usb"
    make_image(root / "图" / "商辂像.jpg", (300, 400))
    make_image(root / "图" / "Hai.jpg", (300, 400), color=(20, 30, 40))
    make_image(root / "图" / "HAI.JPG", (300, 400), color=(40, 30, 20))
    gbk_sheet(
        root / "人物.csv",
        "编号,类型,文件,标题\nshang-lu,人物,图/商辂像.JPG,商辂\nhai-rui,人物,图\\hai.jpg,海瑞\n",
    )
    report = run_import(catalogue, store, root)
    assert import_lines(report, "zh") == [
        "提示：人物.csv 第2行 文件：“图/商辂像.JPG”按大小写不同的“商辂像.jpg”导入",
        "未导入：人物.csv 第3行 文件：找不到“图\\hai.jpg”；是不是 “图/HAI.JPG”、“图/Hai.jpg”？",
        "新增 1，更新 0，未变 0，重复跳过 0，未导入 1",
    ]
    assert import_lines(report, "en")[:2] == [
        "note: 人物.csv row 2: 文件: '图/商辂像.JPG' was imported as '商辂像.jpg' (the letter "
        "case differs)",
        "rejected: 人物.csv row 3: 文件: '图\\hai.jpg' not found beside the sheet; did you mean "
        "'图/HAI.JPG', '图/Hai.jpg'?",
    ]
    assert catalogue.media(catalogue.item("shang-lu")["media_id"])["original_name"] == "商辂像.jpg"
    assert catalogue.count() == 1  # the two Hai pictures are claimed by the row, not loose


def test_a_heading_close_to_a_known_one_is_suggested(catalogue, store, tmp_path):
    sheet = gbk_sheet(tmp_path / "s.csv", "编号,类型,标题,日其,备注\nx,事件,某事,2024-1-1,无\n")
    report = run_import(catalogue, store, sheet)
    assert (
        import_lines(report, "zh")[0]
        == "提示：s.csv 未识别的列已忽略：“日其”（是不是“日期”？）、“备注”"
    )
    assert import_lines(report, "en")[0] == (
        "note: s.csv: ignored columns: '日其' (did you mean '日期'?), '备注'"
    )


def test_a_worksheet_named_after_a_kind_says_the_kind(catalogue, store, tmp_path):
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "格言"
    ws.append(["标题", "作者"])
    ws.append(["粉骨碎身浑不怕，要留清白在人间。", "于谦"])
    book.save(tmp_path / "content.xlsx")
    report = run_import(catalogue, store, tmp_path / "content.xlsx")
    assert report.rejected == []
    (item,) = catalogue.items()
    assert item["kind"] == "aphorism"
    assert run_import(catalogue, store, tmp_path / "content.xlsx").counts["unchanged"] == 1


def test_a_file_moved_to_another_kinds_folder_changes_kind(catalogue, store, tmp_path):
    root = tmp_path / "usb"
    make_image(root / "海报" / "清风.jpg", (400, 300))
    run_import(catalogue, store, root)
    (item,) = catalogue.items()
    assert item["kind"] == "poster"
    (root / "照片").mkdir()
    (root / "海报" / "清风.jpg").rename(root / "照片" / "清风.jpg")
    report = run_import(catalogue, store, root)
    assert import_lines(report, "zh") == [
        "提示：usb/照片/清风.jpg 文件已从“海报”移到“照片”文件夹：类型改为照片",
        "新增 0，更新 1，未变 0，重复跳过 0，未导入 0",
    ]
    assert import_lines(report, "en")[0] == (
        "note: usb/照片/清风.jpg: moved from the poster folder to the photo folder: its kind is "
        "now photo"
    )
    assert catalogue.item(item["id"])["kind"] == "photo"
    assert run_import(catalogue, store, root).counts["duplicates"] == 1  # and then it stays


def test_every_kind_has_a_name_for_messages():
    assert all(f"kind_word_{kind}" in STRINGS for kind in (*KINDS, "map"))


# ------------------------------------------------------------------ the command


def test_import_prints_refusals_in_row_order_then_the_summary(tmp_path):
    sheet = gbk_sheet(
        tmp_path / "s.csv",
        "编号,类型,标题,启用\na,事件,甲,也许\nb,事件,乙,是\nc,人物,,\n",
    )
    done = kiosk(tmp_path / "data", "import", "--lang", "en", str(sheet))
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        "rejected: s.csv row 2: 启用: '也许' is not yes/no (是/否, 1/0)",
        "rejected: s.csv row 4: no title: fill in the 'title_zh' (标题) column",
        "imported 1, updated 0, unchanged 0, skipped as duplicate 0, rejected 2",
    ]
    assert done.stderr == ""  # no progress bar when not at a terminal


def test_unquoted_path_with_spaces_is_a_usage_error_with_a_hint(tmp_path):
    make_image(tmp_path / "新 内容" / "海报" / "p.jpg", (64, 48))
    done = kiosk(tmp_path / "data", "import", "新", "内容", cwd=tmp_path, env={"LANG": "C"})
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "新：没有这个文件或文件夹",
        "内容：没有这个文件或文件夹",
        '“新 内容”是一个路径，带空格的路径请加引号：kiosk import "新 内容"',
    ]


@pytest.mark.parametrize(
    ("toml", "env", "expected"),
    [
        ('[exhibition]\ndefault_language = "en"\n', {"LANG": "zh_CN.UTF-8"}, "no matches"),
        ('[exhibition]\ndefault_language = "zh"\n', {"LANG": "en_US.UTF-8"}, "无结果"),
        ("", {"LANG": "en_US.UTF-8", "LC_ALL": ""}, "no matches"),
        ("", {"LANG": "C", "LC_ALL": ""}, "无结果"),
    ],
)
def test_the_language_comes_from_the_settings_then_the_system(tmp_path, toml, env, expected):
    data = tmp_path / "data"
    sheet = gbk_sheet(tmp_path / "s.csv", "编号,类型,标题\na,事件,甲\n")
    assert kiosk(data, "import", str(sheet)).returncode == 0
    (data / "kiosk.toml").write_text(toml, encoding="utf-8")
    env = {"LC_MESSAGES": "", "LANGUAGE": "", **env}
    assert kiosk(data, "search", "zzzz", env=env).stdout == expected + "\n"


def test_a_rows_bad_file_is_named_as_the_row_wrote_it(catalogue, store, tmp_path):
    root = tmp_path / "usb"
    (root / "片").mkdir(parents=True)
    (root / "片" / "空.jpg").write_bytes(b"")
    make_image(root / "片" / "照片.jpg", (64, 48))
    (root / "片" / "照片.srt").write_text("没有时间的字幕\n", encoding="utf-8")
    gbk_sheet(
        root / "s.csv",
        "编号,类型,文件,字幕,标题\n"
        "a,海报,片/空.jpg,,空\n"
        "b,影片,片/照片.jpg,,不是视频\n"
        "c,照片,片/照片.jpg,片/照片.srt,有字幕的照片\n",
    )
    report = run_import(catalogue, store, root)
    assert import_lines(report, "zh") == [
        "未导入：s.csv 第2行 文件“片/空.jpg”：空文件（0 字节）",
        "未导入：s.csv 第3行 影片需要视频，而“照片.jpg”是图片",
        "未导入：s.csv 第4行 字幕：只有影片才能有字幕",
        "新增 0，更新 0，未变 0，重复跳过 0，未导入 3",
    ]
    assert import_lines(report, "en")[:3] == [
        "rejected: s.csv row 2: 文件 '片/空.jpg': empty file (0 bytes)",
        "rejected: s.csv row 3: a film needs a video, but 照片.jpg is an image",
        "rejected: s.csv row 4: 字幕: only films have subtitles",
    ]


def test_a_progress_bar_at_a_terminal_and_nothing_in_a_pipe():
    import io

    from kiosk.cli import _progress_printer

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    piped, terminal = io.StringIO(), Terminal()
    for stream in (piped, terminal):
        show = _progress_printer(stream, "zh")
        show(0, 4, "usb/海报/一.jpg")
        show(2, 4, "usb/海报/三.jpg")
        show(4, 4, "")
    assert piped.getvalue() == ""
    assert terminal.getvalue() == (
        "\r\033[K导入中 ························ 0/4 usb/海报/一.jpg"
        "\r\033[K导入中 ████████████············ 2/4 usb/海报/三.jpg"
        "\r\033[K"
    )


def test_a_row_without_a_key_that_is_another_rows_item_is_refused(catalogue, store, tmp_path):
    """Else both rows would write the one item, in turn, on every import."""
    root = tmp_path / "usb"
    gbk_sheet(root / "a.csv", "编号,类型,标题,简介\nhai-rui,人物,海瑞,明代清官\n")
    gbk_sheet(root / "b.csv", "编号,类型,标题,简介\n,人物,海瑞,字汝贤\n,人物,海瑞,又一行\n")
    for run in range(2):
        report = run_import(catalogue, store, root)
        assert import_lines(report, "zh")[:2] == [
            "未导入：b.csv 第2行 与 a.csv 第2行 的类型和标题相同，像是同一条；"
            "若是两条不同的内容，请各填一个编号",
            "未导入：b.csv 第3行 与 a.csv 第2行 的类型和标题相同，像是同一条；"
            "若是两条不同的内容，请各填一个编号",
        ]
        assert (
            report.counts["imported"],
            report.counts["updated"],
            report.counts["unchanged"],
        ) == (1 - run, 0, run)
    assert import_lines(report, "en")[0] == (
        "rejected: b.csv row 2: same kind and title as a.csv row 2, so it is the same item; if "
        "they differ, give each its own key (编号)"
    )
    assert catalogue.item("hai-rui")["summary_zh"] == "明代清官"


def test_a_sheet_that_cannot_be_read_is_one_line_in_either_language(catalogue, store, tmp_path):
    sheet = tmp_path / "名单.csv"
    sheet.write_bytes("标题，类型\r\n甲，人物\r\n".encode("gbk"))
    report = run_import(catalogue, store, sheet)
    assert import_lines(report, "zh")[0] == (
        "未导入：名单.csv 各列用全角逗号“，”分隔；请用半角逗号“,”，或在 Excel 中另存为 CSV"
    )
    assert import_lines(report, "en")[0] == (
        "rejected: 名单.csv: columns are separated by full-width commas '，'; "
        "use ',' or save as CSV"
    )
