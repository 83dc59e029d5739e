"""The operator's side of the programme's own kinds (issue 13): ``kiosk check``'s findings,
the Content page's text fields."""

from __future__ import annotations

KINDS_OPERATOR: dict[str, tuple[str, str]] = {
    # -- kiosk check
    "check_song_no_lyrics": (
        "歌曲没有歌词文件（.lrc），只能播放声音",
        "a song without a lyrics file (.lrc): it plays without lyrics",
    ),
    "fix_song_lyrics": (
        "把同名的 .lrc 放在音频旁边（或在“歌词”列写出文件名），然后重新导入",
        "put an .lrc with the same name beside the audio (or name it in the 'lyrics' column), "
        "then import again",
    ),
    "fix_kind_fields": (
        "在管理面板的“内容管理”页补上，或在表格中补上这一列后重新导入",
        "fill it in on the panel's Content page, or add the column to the sheet and import again",
    ),
    # -- the Content page: each kind's own texts
    "manage_texts": ("文字", "Texts"),
    "manage_texts_save": ("保存文字", "Save texts"),
    "manage_texts_saved": ("文字已保存", "Texts saved"),
    "manage_texts_keys": (
        "屏幕键盘可输入字母（英文），日期用数字键盘；中文请接上键盘用输入法输入，或改表格后重新导入。",
        "The on-screen keyboard types letters (English), dates get the keypad; for Chinese, "
        "plug in a keyboard and use its input method, or change the sheet and import again.",
    ),
    "manage_style_festival": ("春联（红纸）", "Spring Festival (red paper)"),
    "manage_style_hall": ("楹联（厅堂）", "Hall couplet"),
}
