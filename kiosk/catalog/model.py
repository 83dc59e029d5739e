"""The vocabulary of the catalogue: kinds of item and their fields."""

from __future__ import annotations

MEDIA_KINDS = ("film", "poster", "calligraphy", "photo", "song")
ENTITY_KINDS = ("person", "place", "event", "aphorism", "topic")
# The clean-government programme's own kinds: warning cases (案例), couplets (对联),
# lantern riddles (灯谜) and the rules ticker (滚动字幕); songs (歌曲) are media.
PROGRAMME_KINDS = ("case", "couplet", "riddle", "ticker")
# The knowledge quiz's questions (题目): kiosk.ingest.questions, kiosk.catalog.quiz.
QUIZ_KINDS = ("question",)
# The pledge wall's text (承诺书): kiosk.pledge; the newest enabled one is shown.
PLEDGE_KINDS = ("pledge",)
KINDS = MEDIA_KINDS + ENTITY_KINDS + PROGRAMME_KINDS + QUIZ_KINDS + PLEDGE_KINDS

# Which kind of stored file each media kind needs.
FILE_KIND = {
    "film": "video",
    "poster": "image",
    "calligraphy": "image",
    "photo": "image",
    "song": "audio",
}

# A couplet is pasted on red paper for the Spring Festival (festival) or carved
# and hung in a hall (hall, 楹联).
COUPLET_STYLES = ("festival", "hall")

# Bilingual text fields every item may have.
TEXT_FIELDS = (
    "title_zh",
    "title_en",
    "summary_zh",
    "summary_en",
    "body_zh",
    "body_en",
    "author_zh",
    "author_en",
    "source_zh",
    "source_en",
    "era_zh",
    "era_en",
    # a warning case: the person and former post, the outcome, a confession's words
    "person_zh",
    "person_en",
    "outcome_zh",
    "outcome_en",
    "confession_zh",
    "confession_en",
    # a riddle: its hint (谜目) and answer (谜底)
    "hint_zh",
    "hint_en",
    "answer_zh",
    "answer_en",
    # a couplet: its upper, lower line and banner (上联, 下联, 横批)
    "upper_zh",
    "upper_en",
    "lower_zh",
    "lower_en",
    "banner_zh",
    "banner_en",
)

# An item's schedule (kiosk.schedule.items), stored normalised: weekdays "1,2,3",
# hours "08:00-12:00;18:00-02:00", festival by its Chinese name, share "1/3".
SCHEDULE_FIELDS = ("weekdays", "hours", "festival", "days_before", "days_after", "share")

# Everything an item row holds besides its id and bookkeeping.
ITEM_FIELDS = (
    "key",
    "kind",
    *TEXT_FIELDS,
    "year_from",
    "year_to",
    "date",
    "region",
    "lat",
    "lon",
    "map_x",
    "map_y",
    "enabled",
    "sort_order",
    "valid_from",
    "valid_until",
    "style",
    "quiz",
    *SCHEDULE_FIELDS,
    "media_id",
    "subtitles_id",
    "origin",
)

# Everything a region map row holds besides its id and bookkeeping.  The
# bounds (degrees) are all four or none: west, south, east, north.
BOUNDS_FIELDS = ("west", "south", "east", "north")
MAP_FIELDS = (
    "key",
    "title_zh",
    "title_en",
    "media_id",
    *BOUNDS_FIELDS,
    "enabled",
    "sort_order",
    "origin",
)

PLAY_CONTEXTS = ("loop", "visitor")
PLAY_OUTCOMES = ("completed", "skipped", "failed")
