"""Every interface string, in Chinese and English, in one place.

Screens ask ``tr(key, lang)``; content fields come from the catalogue through
``field(row, name, lang)``, which falls back to Chinese where English is missing.
"""

from __future__ import annotations

from typing import Any

STRINGS: dict[str, tuple[str, str]] = {
    "back": ("返回", "Back"),
    "touch_to_explore": ("触摸屏幕，开始参观", "Touch to explore"),
    "films": ("警示教育片", "Warning films"),
    "calligraphy": ("廉政书画", "Calligraphy"),
    "posters": ("公益海报", "Posters"),
    "aphorisms": ("格言警句", "Aphorisms"),
    "history": ("廉史人物", "Local integrity history"),
    "photos": ("图片", "Photos"),
    "language": ("EN", "中文"),
    "large_text": ("大字", "Large text"),
    "normal_text": ("标准字", "Normal text"),
    "minutes": ("分钟", "min"),
    "seconds": ("秒", "s"),
    "play": ("播放", "Play"),
    "pause": ("暂停", "Pause"),
    "close": ("关闭", "Close"),
    "no_items": ("暂无内容", "Nothing here yet"),
    "films_unavailable": (
        "影片暂时无法播放：本机未安装 VLC。",
        "Films cannot play: VLC is not installed on this computer.",
    ),
    "fonts_missing": (
        "未安装中文字体，文字可能无法显示。",
        "No Chinese font is installed; text may not display.",
    ),
    "pin_title": ("管理员密码", "Operator PIN"),
    "pin_wrong": ("密码错误", "Wrong PIN"),
    "pin_locked": ("尝试次数过多，请稍后再试", "Too many tries; try again later"),
    "operator": ("管理面板", "Operator panel"),
    "status": ("状态", "Status"),
    "items": ("条目", "items"),
    "broken": ("无法播放的文件", "broken files"),
    "uptime": ("运行时间", "uptime"),
    "volume": ("音量", "Volume"),
    "reload": ("重新载入内容", "Reload content"),
    "exit": ("退出程序", "Exit kiosk"),
    "person": ("人物", "People"),
    "place": ("地点", "Places"),
    "event": ("事件", "Events"),
    "aphorism": ("格言", "Aphorisms"),
    "topic": ("专题", "Topics"),
    "film": ("影片", "Films"),
    "poster": ("海报", "Posters"),
    "photo": ("图片", "Photos"),
}

LANGUAGES = ("zh", "en")


def tr(key: str, lang: str) -> str:
    zh, en = STRINGS[key]
    return en if lang == "en" else zh


def field(row: dict[str, Any], name: str, lang: str) -> str:
    """A bilingual content field in ``lang``, falling back to Chinese."""
    value = row.get(f"{name}_{lang}") if lang == "en" else None
    return value or row.get(f"{name}_zh") or row.get(f"{name}_en") or ""
