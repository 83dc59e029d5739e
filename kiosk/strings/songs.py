"""Songs with synced lyrics: importing their sound and .lrc files, the songs screens, the loop."""

from __future__ import annotations

SONGS: dict[str, tuple[str, str]] = {
    # importing a song's sound
    "an_audio": ("音频", "an audio file"),
    "not_audio": ("不是音频：内容是{what}", "not audio: the content is {what}"),
    "audio_is_film": ("有视频画面，是影片而不是歌曲", "it has a picture: a film, not a song"),
    "audio_no_stream": ("没有声音", "no sound in it"),
    "audio_shorter_than_header": (
        "文件不完整：只有应有大小的 {percent}%（复制时中断了？）",
        "incomplete file: only {percent}% of its stated size (was the copy cut short?)",
    ),
    "audio_truncated": (
        "文件不完整：声音到 {reached} 秒就断了，应有 {duration} 秒",
        "incomplete file: the sound stops at {reached} s of {duration} s",
    ),
    "audio_no_index": (
        "音频不完整或已损坏：缺少文件索引（请重新复制）",
        "truncated or damaged audio: the file's index is missing (copy it again)",
    ),
    "audio_damaged": ("音频已损坏（{why}）", "damaged audio ({why})"),
    "audio_undecodable": (
        "无法解码的音频格式（{codec}）",
        "audio that cannot be decoded ({codec})",
    ),
    # importing its lyrics (.lrc)
    "lyrics_only_songs": ("{col}：只有歌曲才能有歌词", "{col}: only songs have lyrics"),
    "lyrics_file": ("歌词“{name}”：{why}", "lyrics '{name}': {why}"),
    "lrc_encoding": (
        "无法识别的文字编码（请存为 UTF-8 或 GBK）",
        "unreadable text encoding (save it as UTF-8 or GBK)",
    ),
    "lrc_no_lines": (
        "没有一行带时间的歌词（如 [00:12.30]歌词）",
        "no timed line of lyrics in it (like [00:12.30]words)",
    ),
    "lrc_bad_line": (
        "歌词“{name}”第 {line} 行的时间无法读取，该行已略过：{text}",
        "lyrics {name}, line {line}: the time cannot be read; the line is left out: {text}",
    ),
    "orphan_lyrics": (
        "歌词旁边没有同名的歌曲",
        "lyrics with no song of the same name beside them",
    ),
    # the songs screens (kiosk/ui/songs/) and their home tile
    "songs": ("歌曲", "Songs"),
    "songs_title": ("廉政歌曲", "Integrity songs"),
    "songs_count": ("共 {n} 首", "{n} songs"),
    "songs_empty": ("暂无歌曲。", "No songs yet."),
    "song_play": ("播放", "Play"),
    "song_pause": ("暂停", "Pause"),
    "song_no_lyrics": ("这首歌没有歌词。", "This song has no lyrics."),
    "song_missing": ("这首歌已不在展陈中。", "This song is no longer on show."),
    "song_unavailable": (
        "本机暂时无法播放声音，请稍后再来。",
        "Sound cannot play on this kiosk just now. Please come back later.",
    ),
    "song_failed": (
        "这首歌暂时无法播放，请稍后再试。",
        "This song cannot play just now. Please try again later.",
    ),
    "song_source": ("出处：{source}", "Source: {source}"),
}
