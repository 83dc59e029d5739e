"""The report as sections of titled tables, notes and charts: what the PDF, the spreadsheet
and the operator panel all show, built once from the figures.

Cells hold numbers, dates and local times (naive, in the hall's time zone) so the
spreadsheet keeps them as numbers; words in cells are in the report's language.
Unknown figures are ``None`` and read "unknown"; nothing is guessed.
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime

from kiosk.reporting.figures import KioskFigures
from kiosk.reporting.tally import Tally
from kiosk.strings import STRINGS, Text, text, tr
from kiosk.strings import field as content_field

TOP = 20  # rows in the "most" tables
#: A kind counted apart: each showing of a ticker line is one pass across the band, many
#: an hour; among the loop's showings they would drown every work shown.
TICKER = "ticker"
TOTAL = "rep_total"  # the kiosk column's value for the county's totals (said in words)

#: How a column's values are written: text, whole numbers, one decimal, a share, a
#: local time, a date; ``label``: a strings key said in the reader's language; ``num``:
#: a number whose row's label says what it is (a share for SHARES); ``kiosk``: a kiosk's
#: name, or TOTAL.
FORMATS = ("text", "int", "dec1", "pct", "time", "date", "label", "num", "kiosk")
#: ``num`` rows that are shares.
SHARES = frozenset({"rep_share_screen"})


@dataclass
class Table:
    sheet: str  # a strings key naming the sheet (and the table)
    columns: list[str]  # strings keys
    formats: list[str]
    rows: list[list] = field(default_factory=list)
    title: str = ""  # a strings key when it differs from the sheet's
    note: Text | None = None  # said under the table's heading

    @property
    def heading(self) -> str:
        return self.title or self.sheet


@dataclass
class Chart:
    kind: str  # "daily" (visits per day) or "heat" (weekday × hour)
    title: str  # strings key
    data: object  # daily: list of (date, visits); heat: 7 × 24 list of counts


@dataclass
class Section:
    title: str  # strings key
    notes: list[Text] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    kiosk: str = ""  # in a county report, whose section this is
    title_values: dict = field(default_factory=dict)


def _local(value: datetime | None) -> datetime | None:
    return value.replace(tzinfo=None, microsecond=0) if value else None


def _word(prefix: str, value: str | None, lang: str) -> str:
    key = f"{prefix}{value}"
    return tr(key, lang) if key in STRINGS else (value or "")


def _title(tally: Tally, key: str, lang: str) -> str:
    _kind, zh, en = tally.items.get(key, ("", "", ""))
    return content_field({"title_zh": zh, "title_en": en}, "title", lang)


def cell_text(value, fmt: str, lang: str, row_label: str = "") -> str:
    if value is None:
        return tr("rep_unknown", lang)
    if fmt == "label" or (fmt == "kiosk" and value == TOTAL):
        return tr(value, lang)
    if fmt == "pct" or (fmt == "num" and row_label in SHARES):
        return f"{value * 100:.1f}%"
    if fmt == "dec1" or (fmt == "num" and isinstance(value, float)):
        return f"{value:.1f}"
    if isinstance(value, datetime):
        return f"{value:%Y-%m-%d %H:%M}"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


# ------------------------------------------------------------------ sections
def opening_section(f: KioskFigures) -> Section:
    o = f.opening
    s = Section("rep_opening", notes=[text("rep_hours_rule")])
    known = not o.runs_unknown
    rows = [
        ["rep_days_open", o.days_open],
        ["rep_hours_open", round(o.open_hours, 2)],
        ["rep_hours_screen", round(o.screen_hours, 2) if o.screen_hours is not None else None],
        ["rep_share_screen", round(o.share, 4) if o.share is not None else None],
        ["rep_runs", o.runs if known else None],
    ]
    s.tables.append(Table("rep_opening", ["rep_figure", "rep_value"], ["label", "num"], rows))
    if o.runs_unknown:
        s.notes.append(text("rep_runs_unknown"))
        return s
    if o.known_from is not None:
        s.notes.append(text("rep_runs_partial", since=f"{_local(o.known_from):%Y-%m-%d %H:%M}"))
    outages = [[_local(a), _local(b), round((b - a).total_seconds() / 60, 1)] for a, b in o.outages]
    columns, formats = ["rep_from", "rep_to", "rep_minutes"], ["time", "time", "dec1"]
    s.tables.append(Table("rep_outages", columns, formats, outages, note=text("rep_outage_rule")))
    safe = [[_local(a), _local(b), round((b - a).total_seconds() / 60, 1)] for a, b in o.safe_mode]
    s.tables.append(
        Table(
            "rep_safe_mode", ["rep_from", "rep_to", "rep_minutes"], ["time", "time", "dec1"], safe
        )
    )
    return s


def visitors_section(tally: Tally, days_open: int, period_days, lang: str) -> Section:
    s = Section("rep_visitors", notes=[text("rep_visit_note")])
    lengths = tally.visit_seconds
    visits = tally.visits
    summary = [
        ["rep_visits", visits],
        ["rep_visits_per_day", round(visits / days_open, 1) if days_open else None],
        ["rep_visit_avg", round(sum(lengths) / len(lengths), 1) if lengths else None],
        ["rep_visit_median", round(statistics.median(lengths), 1) if lengths else None],
        ["rep_visits_open", tally.visits_open],
    ]
    s.tables.append(Table("rep_visitors", ["rep_figure", "rep_value"], ["label", "num"], summary))
    weekdays = tr("rep_weekdays", lang).split()
    daily = [[d, weekdays[d.weekday()], tally.visits_by_day.get(d, 0)] for d in period_days]
    s.charts.append(Chart("daily", "rep_visits_daily", [(d, n) for d, _w, n in daily]))
    s.tables.append(
        Table(
            "rep_visits_daily",
            ["rep_date", "rep_weekday", "rep_visits"],
            ["date", "text", "int"],
            daily,
        )
    )
    heat = [[tally.visits_by_hour.get((w, h), 0) for h in range(24)] for w in range(7)]
    s.charts.append(Chart("heat", "rep_heat", heat))
    s.tables.append(
        Table(
            "rep_heat",
            ["rep_weekday", *[f"{h:02d}" for h in range(24)]],
            ["text", *["int"] * 24],
            [[weekdays[w], *heat[w]] for w in range(7)],
        )
    )
    screens = [[_word("rep_screen_", k, lang) or k, n] for k, n in tally.screens.most_common(TOP)]
    s.tables.append(
        Table("rep_screens_top", ["rep_screen", "rep_visits"], ["text", "int"], screens)
    )
    opened: Counter[str] = Counter()
    for (key, context, _outcome, _reason), sh in tally.showings.items():
        if context == "visitor":
            opened[key] += sh.count
    top = [
        [key, _title(tally, key, lang), _word("kind_", tally.kind(key), lang), n]
        for key, n in opened.most_common(TOP)
    ]
    s.tables.append(
        Table(
            "rep_items_top",
            ["rep_item", "rep_item_title", "rep_kind", "rep_opened"],
            ["text", "text", "text", "int"],
            top,
        )
    )
    s.tables.append(choices_table(tally))
    return s


def choices_table(tally: Tally) -> Table:
    """Visits by the languages they used and with large text, of the visits whose choices
    were recorded (the others are counted in a note, never guessed)."""
    unknown = tally.languages[""]
    known = tally.visits - unknown
    used: Counter[str] = Counter()
    for languages, n in tally.languages.items():
        if languages:
            chosen = set(languages.split(","))
            used["both" if len(chosen) > 1 else chosen.pop()] += n
    figures = [
        ("rep_lang_zh", used["zh"]),
        ("rep_lang_en", used["en"]),
        ("rep_lang_both", used["both"]),
        ("rep_large_text", tally.visits_large),
    ]
    rows = [
        [label, n if known or not unknown else None, round(n / known, 4) if known else None]
        for label, n in figures
    ]
    note = text("rep_lang_unknown", n=unknown) if unknown else None
    columns, formats = ["rep_figure", "rep_visits", "rep_share_known"], ["label", "int", "pct"]
    return Table("rep_lang_large", columns, formats, rows, note=note)


def films_section(tally: Tally, lang: str) -> Section:
    per: dict[str, list[float]] = {}
    for (key, context, outcome, _reason), sh in tally.showings.items():
        if tally.kind(key) != "film":
            continue
        row = per.setdefault(key, [0, 0, 0, 0, 0.0])
        base = 0 if context == "loop" else 2
        row[base] += sh.count
        if outcome == "completed":
            row[base + 1] += sh.count
        row[4] += sh.seconds
    rows = []
    for key in sorted(per, key=lambda k: (-(per[k][0] + per[k][2]), k)):
        ls, lc, vs, vc, seconds = per[key]
        started = ls + vs
        rate = round((lc + vc) / started, 4) if started else None
        title = _title(tally, key, lang)
        rows.append([key, title, int(ls), int(lc), int(vs), int(vc), round(seconds / 60, 1), rate])
    columns = [
        "rep_item",
        "rep_item_title",
        "rep_loop_started",
        "rep_loop_completed",
        "rep_visitor_started",
        "rep_visitor_completed",
        "rep_minutes_played",
        "rep_completion",
    ]
    formats = ["text", "text", "int", "int", "int", "int", "dec1", "pct"]
    return Section("rep_films", tables=[Table("rep_films", columns, formats, rows)])


def loop_section(tally: Tally, lang: str) -> Section:
    kinds: dict[str, list[float]] = {}
    items: Counter[str] = Counter()
    for (key, context, _outcome, _reason), sh in tally.showings.items():
        if context != "loop" or tally.kind(key) == TICKER:
            continue
        row = kinds.setdefault(tally.kind(key), [0, 0.0])
        row[0] += sh.count
        row[1] += sh.seconds
        items[key] += sh.count
    per_kind = [
        [_word("kind_", k, lang), int(n), round(sec / 60, 1)]
        for k, (n, sec) in sorted(kinds.items(), key=lambda kv: -kv[1][0])
    ]
    top = [
        [key, _title(tally, key, lang), _word("kind_", tally.kind(key), lang), n]
        for key, n in items.most_common(TOP)
    ]
    section = Section(
        "rep_loop",
        tables=[
            Table(
                "rep_loop_kinds",
                ["rep_kind", "rep_showings", "rep_minutes_played"],
                ["text", "int", "dec1"],
                per_kind,
            ),
            Table(
                "rep_loop_top",
                ["rep_item", "rep_item_title", "rep_kind", "rep_showings"],
                ["text", "text", "text", "int"],
                top,
            ),
        ],
    )
    ticker = ticker_table(tally, lang)
    if ticker.rows:
        section.tables.append(ticker)
    return section


def ticker_table(tally: Tally, lang: str) -> Table:
    """Passes of each ticker line across the band: whole, and cut short (the band left)."""
    per: dict[str, list[int]] = {}
    for (key, _context, outcome, _reason), sh in tally.showings.items():
        if tally.kind(key) == TICKER:
            per.setdefault(key, [0, 0])[0 if outcome == "completed" else 1] += sh.count
    rows = [
        [key, _title(tally, key, lang), whole, cut]
        for key, (whole, cut) in sorted(per.items(), key=lambda kv: (-kv[1][0], kv[0]))
    ]
    columns = ["rep_item", "rep_item_title", "rep_ticker_passes", "rep_ticker_cut"]
    return Table(
        "rep_ticker", columns, ["text", "text", "int", "int"], rows, note=text("rep_ticker_note")
    )


def content_section(f: KioskFigures, lang: str) -> Section:
    s = Section("rep_content")
    if f.changes_since is None:
        s.notes.append(text("rep_changes_unknown"))
        return s
    if f.changes_since:
        since = _local(datetime.fromisoformat(f.changes_since).astimezone(f.zone))
        s.notes.append(text("rep_changes_partial", since=f"{since:%Y-%m-%d %H:%M}"))
    changes = f.tally.changes
    counts = Counter((c["action"], c["source"]) for c in changes)
    s.tables.append(
        Table(
            "rep_changes_count",
            ["rep_action", "rep_source", "rep_count"],
            ["text", "text", "int"],
            [
                [_word("rep_action_", a, lang), _word("rep_source_", src, lang), n]
                for (a, src), n in sorted(counts.items())
            ],
        )
    )
    rows = [
        [
            _local(f.tally.local(c["at"])),
            _word("rep_action_", c["action"], lang),
            _word("rep_source_", c["source"], lang),
            c["origin"] or "",
            c["item_key"] or "",
            content_field(c, "title", lang),
            c["fields"] or "",
        ]
        for c in changes
    ]
    columns = [
        "rep_time",
        "rep_action",
        "rep_source",
        "rep_origin",
        "rep_item",
        "rep_item_title",
        "rep_fields",
    ]
    s.tables.append(Table("rep_content", columns, ["time", *["text"] * 6], rows))
    return s


def problems_section(f: KioskFigures, lang: str) -> Section:
    t = f.tally
    broken = [
        [
            key,
            _title(t, key, lang),
            _word("rep_context_", context, lang),
            reason,
            sh.count,
            _local(t.local(sh.first)),
            _local(t.local(sh.last)),
        ]
        for (key, context, outcome, reason), sh in sorted(t.showings.items())
        if outcome == "failed"
    ]
    columns = [
        "rep_item",
        "rep_item_title",
        "rep_context",
        "rep_reason",
        "rep_count",
        "rep_first",
        "rep_last",
    ]
    s = Section("rep_problems")
    s.tables.append(Table("rep_broken", columns, [*["text"] * 4, "int", "time", "time"], broken))
    o = f.opening
    if o.runs_unknown:
        s.notes.append(text("rep_runs_unknown"))
        return s
    crashes = [[_local(at), _word("rep_how_", how, lang), code] for at, how, code in o.crashes]
    s.tables.append(
        Table("rep_crashes", ["rep_time", "rep_how", "rep_code"], ["time", "text", "text"], crashes)
    )
    clock = [[_local(a), _local(b)] for a, b in o.clock]
    columns = ["rep_clock_before", "rep_clock_after"]
    s.tables.append(
        Table("rep_clock", columns, ["time", "time"], clock, note=text("rep_clock_rule"))
    )
    return s


def quiz_section(tally: Tally, lang: str) -> Section:
    """The quiz's figures and most-missed questions and the pledge's signatures; what is
    not known (record sets written before they carried them) is said, never put as zero."""
    s = Section("rep_quiz")
    q = tally.quiz
    if tally.known("quiz_rounds") is not False and q.played:
        s.notes.append(text("quiz_rep_note"))
        s.tables += quiz_tables(tally, lang)
    if tally.known("signatures") is not False and tally.signed:
        s.notes.append(text("pledge_rep_note"))
        figures = [["pledge_rep_signed", tally.signed]]
        columns, formats = ["rep_figure", "rep_value"], ["label", "num"]
        s.tables.append(Table("pledge_rep_figures", columns, formats, figures))
    for table, what in (("quiz_rounds", "quiz"), ("signatures", "signed")):
        known = tally.known(table)
        if known is not True:
            s.notes.append(text(f"rep_{what}_{'partial' if known is None else 'unknown'}"))
    if not s.notes:
        s.notes.append(text("rep_quiz_none"))
    return s


def quiz_tables(tally: Tally, lang: str) -> list[Table]:
    q = tally.quiz
    average = q.average_score
    figures = [
        ["quiz_rep_rounds", q.rounds],
        ["quiz_rep_unfinished", q.unfinished],
        ["quiz_rep_answered", q.asked],
        ["quiz_rep_correct", q.correct],
        ["quiz_rep_average", round(average * 100, 1) if average is not None else None],
        ["quiz_rep_groups", q.groups],
    ]
    missed = [[key, _title(tally, key, lang), n, m] for key, n, m in q.most_missed()]
    return [
        Table("quiz_rep_figures", ["rep_figure", "rep_value"], ["label", "num"], figures),
        Table(
            "quiz_rep_missed",
            ["rep_item", "quiz_rep_question", "quiz_rep_times_answered", "quiz_rep_times_missed"],
            ["text", "text", "int", "int"],
            missed,
        ),
    ]


def kiosk_sections(f: KioskFigures, lang: str) -> list[Section]:
    """Every section of one kiosk's report, in order."""
    if f.empty:
        opening = opening_section(f)
        opening.notes.insert(0, text("rep_empty"))
        return [opening, quiz_section(f.tally, lang)]
    return [
        opening_section(f),
        visitors_section(f.tally, f.opening.days_open, f.period.days, lang),
        films_section(f.tally, lang),
        loop_section(f.tally, lang),
        content_section(f, lang),
        problems_section(f, lang),
        quiz_section(f.tally, lang),
    ]


# ------------------------------------------------------------------ the county
def county_summary(figures: list[KioskFigures], total: Tally) -> Section:
    """One row per kiosk and the totals: the county's figures at a glance."""
    rows = [
        [f.kiosk, *_glance(f.tally, f.opening.days_open, f.opening.open_hours, f.opening.share)]
        for f in figures
    ]
    known = [f.opening for f in figures if f.opening.share is not None]
    hours = sum(o.known_hours for o in known)
    share = sum(o.screen_hours or 0 for o in known) / hours if hours else None
    days = sum(f.opening.days_open for f in figures)
    open_hours = sum(f.opening.open_hours for f in figures)
    rows.append([TOTAL, *_glance(total, days, open_hours, share)])
    columns = [
        "rep_kiosk",
        "rep_days_open",
        "rep_hours_open",
        "rep_share_screen",
        "rep_visits",
        "rep_showings",
        "rep_films_completed",
    ]
    formats = ["kiosk", "int", "dec1", "pct", "int", "int", "int"]
    return Section(
        "rep_county_summary", tables=[Table("rep_county_summary", columns, formats, rows)]
    )


def _glance(tally: Tally, days_open: int, open_hours: float, share: float | None) -> list:
    showings = sum(s.count for k, s in tally.showings.items() if tally.kind(k[0]) != TICKER)
    films_done = sum(
        s.count
        for (key, _c, outcome, _r), s in tally.showings.items()
        if outcome == "completed" and tally.kind(key) == "film"
    )
    share = round(share, 4) if share is not None else None
    return [days_open, round(open_hours, 1), share, tally.visits, showings, films_done]


def county_sections(figures: list[KioskFigures], total: Tally, lang: str) -> list[Section]:
    """The county report: the summary, the totals, then each kiosk's sections."""
    days_open = sum(f.opening.days_open for f in figures)
    period_days = figures[0].period.days if figures else []
    together = [
        visitors_section(total, days_open, period_days, lang),
        films_section(total, lang),
        loop_section(total, lang),
        quiz_section(total, lang),
    ]
    for s in together:
        s.kiosk = TOTAL
    sections = [county_summary(figures, total), *together]
    for f in figures:
        for s in kiosk_sections(f, lang):
            s.kiosk = f.kiosk
            sections.append(s)
    return sections


@dataclass
class Report:
    """A whole report: what it is about and its sections."""

    title: str  # rep_title or rep_county_title
    exhibition_zh: str
    exhibition_en: str
    kiosks: list[str]
    period: object  # kiosk.reporting.period.Period
    made_at: datetime  # local
    zone_name: str
    sections: list[Section]
    file_stem: str  # report-<kiosk>-<period>
    lang: str = "zh"  # the language of the words in its cells

    @property
    def county(self) -> bool:
        return any(s.kiosk for s in self.sections)

    def about(self, lang: str) -> list[tuple[str, str]]:
        """The cover lines: (strings key, value)."""
        exhibition = (
            self.exhibition_en if lang == "en" and self.exhibition_en else (self.exhibition_zh)
        )
        p = self.period
        span = p.label if p.is_month else f"{p.first.isoformat()} – {p.last.isoformat()}"
        return [
            ("rep_exhibition", exhibition),
            ("rep_kiosks" if self.county else "rep_kiosk", "、".join(self.kiosks)),
            ("rep_period", span),
            ("rep_made", f"{self.made_at:%Y-%m-%d %H:%M}"),
            ("rep_time_zone", self.zone_name),
        ]
