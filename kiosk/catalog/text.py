"""Turning text into search tokens, the same way for the index and for queries.

Chinese has no spaces, so CJK characters are indexed one by one and a Chinese
query is matched as a phrase of adjacent characters (``包拯`` matches ``包 拯``).
Pinyin comes from pypinyin, imported only when an item is indexed (its phrase
tables take some 55 MB, which the kiosk window, that only searches, never
needs); for the title and author every syllable starts a token of its own
(``包拯家训`` → ``baozhengjiaxun zhengjiaxun jiaxun xun``) so that a visitor
typing the start of any word finds the item.
"""

from __future__ import annotations

import re
import unicodedata

# CJK Unified Ideographs (with extension A and compatibility ideographs).
_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_CHAR = re.compile(f"[{_CJK}]")
_TOKEN = re.compile(f"[{_CJK}]|[0-9A-Za-z\u00c0-\u024f]+")
_ASCII_WORD = re.compile(r"[0-9a-z]+")

# How many syllables one pinyin token may span (keeps the index small).
MAX_SYLLABLES = 8


def has_cjk(text: str) -> bool:
    return _CJK_CHAR.search(text) is not None


def tokens(text: str | None) -> list[str]:
    """Index tokens: each CJK character alone, other words whole, lower case."""
    if not text:
        return []
    text = unicodedata.normalize("NFKC", text).lower()
    return _TOKEN.findall(text)


def cjk_tokens(text: str | None) -> str:
    return " ".join(tokens(text))


def _suffix_tokens(parts: list[str]) -> list[str]:
    out = []
    for i in range(len(parts)):
        out.append("".join(parts[i : i + MAX_SYLLABLES]))
    return out


def pinyin_tokens(text: str | None) -> tuple[str, str]:
    """(full pinyin tokens, initials tokens) for a short text such as a title."""
    if not text or not has_cjk(text):
        return "", ""
    from pypinyin import Style, lazy_pinyin

    py_out: list[str] = []
    ini_out: list[str] = []
    # Each run of CJK characters is a word group; punctuation breaks groups.
    for run in re.findall(f"[{_CJK}]+", unicodedata.normalize("NFKC", text)):
        syllables = [s.lower() for s in lazy_pinyin(run, style=Style.NORMAL, errors="ignore")]
        syllables = [s.replace("ü", "v") for s in syllables if s.isascii() or "ü" in s]
        if not syllables:
            continue
        py_out.extend(_suffix_tokens(syllables))
        ini_out.extend(_suffix_tokens([s[0] for s in syllables]))
    return " ".join(py_out), " ".join(ini_out)


def query_terms(query: str) -> tuple[list[str], list[str]]:
    """Split what a visitor typed into (CJK phrases, ASCII words).

    ``包拯 bz`` → (["包 拯"], ["bz"]).  Anything else (punctuation, quotes) is
    dropped, so no input can break the FTS query syntax.
    """
    query = unicodedata.normalize("NFKC", query).lower().replace("ü", "v")
    phrases = [" ".join(run) for run in re.findall(f"[{_CJK}]+", query)]
    folded = "".join(
        c for c in unicodedata.normalize("NFKD", query) if not unicodedata.combining(c)
    )
    words = _ASCII_WORD.findall(folded)
    return phrases, words
