"""Screenshots of the operator's Content page: a kind's list, an item chosen, the keypad on a
schedule field, a refused value, a hidden item, a search, the delete confirmation, English,
large text.

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python tests/screenshots/shoot_content.py \\
        --data-dir /tmp/kd/demo --out screenshots/content/landscape
    xvfb-run -a -s "-screen 0 1080x1920x24" ... --out screenshots/content/portrait

The catalogue in DIR is copied first (its media are linked, not copied): the shots edit the
copy, never DIR itself, and delete nothing.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from kiosk.ui.operator.content import ContentScreen

from harness import arguments, open_kiosk, settle


def private_catalogue(data_dir: Path, into: Path) -> Path:
    """A copy of the catalogue in ``data_dir`` beside links to its media folders."""
    for name in ("store", "renditions"):
        if (data_dir / name).exists():
            (into / name).symlink_to((data_dir / name).resolve())
    shutil.copyfile(data_dir / "catalogue.sqlite", into / "catalogue.sqlite")
    return into


def programme_kinds(page: ContentScreen, shot) -> None:
    """A couplet's texts, a refused one, a riddle's texts typed on the keyboard (issue 13);
    shot only where the catalogue holds them (the demo from its programme sheets)."""
    counts = page.ctx.library.counts()
    if not counts.get("couplet") or not counts.get("riddle"):
        return
    form = page.editor.texts

    def to_texts() -> None:
        settle()
        page.kinds_area.ensureWidgetVisible(page.kind_buttons[page.kind])
        page.editor_area.verticalScrollBar().setValue(form.y())

    page.field.clear()  # the search typed above
    page.choose_kind("couplet")
    page.pick(page.list.rows[0])
    to_texts()
    shot("content-couplet-texts")
    form.fields["lower_zh"].clear()
    page.editor.save_texts()
    settle()
    page.editor_area.verticalScrollBar().setValue(form.y())
    shot("content-couplet-refused")
    page.choose_kind("riddle")
    page.pick(page.list.rows[0])
    page.type_in(form.fields["answer_en"])
    to_texts()
    page.editor_area.ensureWidgetVisible(form.fields["answer_en"])
    shot("content-riddle-keyboard")
    page.close_inputs()


def main() -> None:
    args = arguments(__doc__).parse_args()
    tmp = tempfile.TemporaryDirectory()
    data = private_catalogue(Path(args.data_dir), Path(tmp.name))
    kiosk = open_kiosk(str(data), args.out, {"content": ContentScreen})
    window, shot = kiosk.window, kiosk.shot
    window.go("content")
    page: ContentScreen = window.screens["content"]
    page.choose_kind("poster")
    shot("content-posters")
    page.pick(page.list.rows[1])
    shot("content-item")
    editor = page.editor
    page.type_in(editor.fields["hours"])
    for key in "25:00-26:00":
        editor.fields["hours"].insert(key)
    editor.save()
    shot("content-refused")
    editor.fields["hours"].clear()
    editor.fields["hours"].insert("09:00-17:00")
    editor.fields["weekdays"].setText("1-5")
    editor.fields["valid_until"].setText("2027-06-30")
    editor.save()
    page.close_inputs()
    editor.toggle()
    shot("content-hidden-saved")
    page.choose_kind("aphorism")
    page.type_in(page.field)
    page.field.setText("lian")
    page.run_search()
    shot("content-search")
    page.close_inputs()
    page.pick(page.list.rows[0])
    editor.ask_delete()
    shot("content-delete-confirm")
    editor.confirm_box.cancel()
    window.ctx.visit.set_lang("en")
    page.choose_kind("calligraphy")
    page.pick(page.list.rows[0])
    shot("content-en")
    window.ctx.visit.set_lang("zh")
    window.ctx.visit.set_large(True)
    shot("content-large-text")
    window.ctx.visit.set_large(False)
    programme_kinds(page, shot)
    window.shutdown()
    tmp.cleanup()


if __name__ == "__main__":
    main()
