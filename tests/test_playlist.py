"""The attract playlist, pure Python: order, durations, broken works, rebuilds, days."""

from __future__ import annotations

import itertools
import subprocess
import sys
from datetime import date, datetime, time
from pathlib import Path

import pytest

from kiosk.catalog.library import Work
from kiosk.playlist import AttractPlaylist, Slot, build_slots, interleave, slot_for
from kiosk.settings import Attract, Settings

ATTRACT = Attract(poster_s=10, calligraphy_s=14, photo_s=8, aphorism_s=12)


def work(key: str, kind: str, *, sort: int = 0, picture: bool = True, **extra) -> Work:
    item = {
        "key": key,
        "kind": kind,
        "title_zh": extra.pop("title_zh", f"题{key}"),
        "sort_order": sort,
        "valid_from": extra.pop("valid_from", None),
        "valid_until": extra.pop("valid_until", None),
    }
    media = Path(f"/media/{key}")
    if kind == "film":
        return Work(
            item,
            original=media if picture else None,
            poster=media,
            duration_s=extra.get("duration_s", 30.0),
            width=1280,
            height=720,
        )
    if kind == "aphorism":
        return Work(item)
    return Work(
        item,
        original=media,
        display=media if picture else None,
        width=extra.get("width", 800),
        height=extra.get("height", 600),
    )


class FakeLibrary:
    """``Library.works`` over a list: kinds filter, valid dates, sort order."""

    def __init__(self, works: list[Work]) -> None:
        self.all = list(works)
        self.calls: list[tuple[list[str], date | None]] = []

    def works(self, kinds, on=None) -> list[Work]:
        self.calls.append((list(kinds), on))
        day = on.isoformat() if on else None
        chosen = [
            w
            for w in self.all
            if w.kind in kinds
            and (
                day is None
                or (
                    (w.item["valid_from"] or "") <= day
                    and (w.item["valid_until"] is None or w.item["valid_until"] >= day)
                )
            )
        ]
        return sorted(chosen, key=lambda w: w.item["sort_order"])


def kinds_of(slots) -> list[str]:
    return [s.kind for s in slots]


def take(playlist: AttractPlaylist, n: int) -> list[str]:
    return [s.key for s in itertools.islice(playlist, n)]


# --- building ---------------------------------------------------------------------------------


def test_interleave_alternates_equal_groups_and_spreads_small_ones() -> None:
    assert interleave([["a1", "a2"], ["b1", "b2"], ["c1", "c2"]]) == [
        "a1",
        "b1",
        "c1",
        "a2",
        "b2",
        "c2",
    ]
    mixed = interleave([list("AAAAAA"), ["f1", "f2"]])
    assert mixed.index("f1") in (1, 2) and mixed.index("f2") in (4, 5, 6)
    assert not any(a == b == "f" for a, b in itertools.pairwise(m[0] for m in mixed))
    assert interleave([]) == [] and interleave([[], ["x"]]) == ["x"]


def test_kinds_follow_settings_order_and_rarely_repeat() -> None:
    works = (
        [work(f"p{i}", "poster", sort=i) for i in range(3)]
        + [work(f"a{i}", "aphorism", sort=i) for i in range(3)]
        + [work(f"f{i}", "film", sort=i) for i in range(3)]
    )
    attract = Attract(kinds=("film", "aphorism", "poster"))
    slots = build_slots(works, attract, attract.kinds)
    assert kinds_of(slots) == ["film", "aphorism", "poster"] * 3
    assert [s.key for s in slots if s.kind == "poster"] == ["p0", "p1", "p2"]  # sort order kept


def test_durations_per_kind() -> None:
    slots = {
        s.key: s
        for s in build_slots(
            [
                work("p", "poster"),
                work("c", "calligraphy"),
                work("ph", "photo"),
                work("a", "aphorism"),
                work("f", "film", duration_s=42.5),
            ],
            ATTRACT,
            ATTRACT.kinds,
        )
    }
    assert {k: s.seconds for k, s in slots.items()} == {
        "p": 10.0,
        "c": 14.0,
        "ph": 8.0,
        "a": 12.0,
        "f": 42.5,
    }
    assert {k: s.show for k, s in slots.items()} == {
        "p": "picture",
        "c": "picture",
        "ph": "picture",
        "a": "aphorism",
        "f": "film",
    }


def test_film_max_caps_films() -> None:
    capped = Attract(film_max_s=20.0)
    assert slot_for(work("f", "film", duration_s=42.0), capped).seconds == 20.0
    assert slot_for(work("g", "film", duration_s=12.0), capped).seconds == 12.0
    assert slot_for(work("h", "film", duration_s=None), capped).seconds == 20.0
    assert slot_for(work("h", "film", duration_s=None), ATTRACT).seconds == 0.0  # to its end


def test_unshowable_works_are_left_out() -> None:
    slots = build_slots(
        [
            work("no-picture", "poster", picture=False),
            work("no-file", "film", picture=False),
            work("no-text", "aphorism", title_zh="  "),
            work("person", "person"),
            work("ok", "poster"),
        ],
        ATTRACT,
        (*ATTRACT.kinds, "person"),
    )
    assert [s.key for s in slots] == ["ok"]


def test_elongated_works_are_recognised() -> None:
    assert slot_for(work("scroll", "calligraphy", width=6000, height=800), ATTRACT).elongated
    assert slot_for(work("hanging", "calligraphy", width=500, height=1800), ATTRACT).elongated
    assert not slot_for(work("poster", "poster", width=600, height=900), ATTRACT).elongated


def test_settings_kinds_and_override() -> None:
    lib = FakeLibrary([work("p", "poster"), work("f", "film"), work("a", "aphorism")])
    only = Settings().with_overrides(attract={"kinds": ("aphorism", "poster", "bogus")}).attract
    pl = AttractPlaylist(lib.works, only)
    assert pl.kinds == ("aphorism", "poster")
    assert pl.order() == ["a", "p"]
    no_films = AttractPlaylist(lib.works, ATTRACT, kinds=[k for k in ATTRACT.kinds if k != "film"])
    assert "f" not in no_films.order()


# --- stepping -----------------------------------------------------------------------------------


def test_cycles_forever_and_peek_does_not_advance() -> None:
    lib = FakeLibrary([work("a", "poster", sort=1), work("b", "poster", sort=2)])
    pl = AttractPlaylist(lib.works, ATTRACT)
    assert pl.peek().key == "a" and pl.peek().key == "a"
    assert take(pl, 5) == ["a", "b", "a", "b", "a"]
    assert isinstance(pl.peek(), Slot) and pl.peek().key == "b"


def test_broken_items_are_skipped_until_rebuilt() -> None:
    lib = FakeLibrary([work(k, "poster", sort=i) for i, k in enumerate("abc")])
    pl = AttractPlaylist(lib.works, ATTRACT)
    assert pl.next().key == "a"
    pl.mark_broken("b", "file missing")
    assert take(pl, 4) == ["c", "a", "c", "a"]
    assert pl.broken == {"b": "file missing"}
    pl.rebuild()
    assert pl.broken == {} and take(pl, 3) == ["b", "c", "a"]


def test_everything_broken_is_nothing_playable() -> None:
    lib = FakeLibrary([work("a", "poster"), work("b", "film")])
    pl = AttractPlaylist(lib.works, ATTRACT)
    assert not pl.nothing_playable
    pl.mark_broken("a", "gone")
    pl.mark_broken("b", "gone")
    assert pl.nothing_playable
    assert pl.next() is None and pl.peek() is None
    assert list(pl) == []


def test_empty_catalogue_is_nothing_playable() -> None:
    pl = AttractPlaylist(FakeLibrary([]).works, ATTRACT)
    assert pl.nothing_playable and pl.next() is None and len(pl) == 0


def test_rebuild_continues_after_the_last_shown_work() -> None:
    lib = FakeLibrary([work(k, "poster", sort=i * 10) for i, k in enumerate("abcd")])
    pl = AttractPlaylist(lib.works, ATTRACT)
    assert take(pl, 2) == ["a", "b"]
    lib.all.append(work("new", "poster", sort=5))  # sorts between a and b
    lib.all = [w for w in lib.all if w.key != "d"]
    pl.rebuild()
    assert pl.order() == ["a", "new", "b", "c"]
    assert take(pl, 4) == ["c", "a", "new", "b"]


def test_start_at_a_key_or_after_it_as_after_a_restart() -> None:
    lib = FakeLibrary([work(k, "poster", sort=i) for i, k in enumerate("abcd")])
    pl = AttractPlaylist(lib.works, ATTRACT)
    assert pl.start_at("c")
    assert take(pl, 3) == ["c", "d", "a"]
    assert pl.start_at("d", after=True)  # the cycle starts over after the last
    assert take(pl, 2) == ["a", "b"]
    assert not pl.start_at("gone")  # removed meanwhile: the playlist stays where it was
    assert take(pl, 1) == ["c"]


def test_rebuild_when_the_last_shown_work_was_removed() -> None:
    lib = FakeLibrary([work(k, "poster", sort=i) for i, k in enumerate("abcd")])
    pl = AttractPlaylist(lib.works, ATTRACT)
    assert take(pl, 2) == ["a", "b"]
    lib.all = [w for w in lib.all if w.key != "b"]
    pl.rebuild()
    assert pl.next().key == "c"  # the one that was coming next
    lib.all = [w for w in lib.all if w.key not in ("c", "d")]
    pl.rebuild()
    assert pl.next().key == "a"


def test_valid_dates_and_a_new_day() -> None:
    day = {"today": date(2024, 6, 30)}
    lib = FakeLibrary(
        [
            work("always", "poster", sort=1),
            work("june", "poster", sort=2, valid_until="2024-06-30"),
            work("july", "poster", sort=3, valid_from="2024-07-01"),
        ]
    )
    pl = AttractPlaylist(lib.works, ATTRACT, now=lambda: datetime.combine(day["today"], time(10)))
    assert pl.order() == ["always", "june"]
    pl.mark_broken("always", "corrupt")
    assert take(pl, 2) == ["june", "june"]
    day["today"] = date(2024, 7, 1)  # midnight: dates re-read, broken forgiven
    assert pl.next().key == "always"
    assert pl.order() == ["always", "july"] and pl.broken == {}
    assert lib.calls[-1][1] == date(2024, 7, 1)


def test_no_qt_imported() -> None:
    code = "import sys, kiosk.playlist; print(any(m.startswith('PySide6') for m in sys.modules))"
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize("n_films, n_aph", [(2, 39), (5, 5), (1, 3)])
def test_films_rarely_follow_films(n_films: int, n_aph: int) -> None:
    works = [work(f"f{i}", "film") for i in range(n_films)] + [
        work(f"a{i}", "aphorism") for i in range(n_aph)
    ]
    slots = build_slots(works, ATTRACT, ATTRACT.kinds)
    cycle = [s.kind for s in slots] * 2  # the loop wraps around
    assert not any(a == b == "film" for a, b in itertools.pairwise(cycle))
