"""The report's charts as PNG pictures, drawn offline with matplotlib (Agg, no window).

Visits per day (bars) and visits by weekday × hour (a heat map).  Chinese labels use
the installed sans font (kiosk.fonts: Noto Sans CJK SC, the Simplified Chinese face of
its collection).  No pyplot: each chart is its own Figure, nothing global is kept.
"""

from __future__ import annotations

import io
from datetime import date
from functools import cache

from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import LinearSegmentedColormap
from matplotlib.figure import Figure

from kiosk import fonts
from kiosk.strings import tr

# The colours of VISUAL.md (kiosk.ui.widgets.theme holds them as Qt colours; no Qt here).
PAPER = "#F4EFE4"
INK = "#1E1B18"
INK_SOFT = "#5C554D"
CELADON = "#5E7D6A"
SEAL = "#A8281E"
_HEAT = LinearSegmentedColormap.from_list("qingfeng", ["#FFFFFF", CELADON, INK])


@cache
def chinese_family() -> str | None:
    """The matplotlib family name of the installed Chinese sans face, or None."""
    found = fonts.find("sans")
    if found is None:
        return None
    path = str(found.path)
    font_manager.fontManager.addfont(path)
    for entry in font_manager.fontManager.ttflist:
        if entry.fname == path and getattr(entry, "index", 0) == found.index:
            return entry.name
    return None


def _figure(width_cm: float, height_cm: float) -> tuple[Figure, str | None]:
    """A white figure and the Chinese family, set on each text (rcParams are global)."""
    fig = Figure(figsize=(width_cm / 2.54, height_cm / 2.54), dpi=200, facecolor="white")
    return fig, chinese_family()


def _png(fig: Figure) -> bytes:
    out = io.BytesIO()
    FigureCanvasAgg(fig).print_png(out)
    return out.getvalue()


def _style(ax, family: str | None) -> None:
    for spine in ("top", "right"):
        ax.spines[spine].set_visible(False)
    for spine in ("left", "bottom"):
        ax.spines[spine].set_color(INK_SOFT)
    ax.tick_params(colors=INK_SOFT, labelsize=7)
    if family:
        for label in ax.get_xticklabels() + ax.get_yticklabels():
            label.set_fontfamily(family)


def daily_chart(days: list[tuple[date, int]], y_label: str) -> bytes:
    """Visits per day: a bar a day with its number for a month, a line for longer."""
    fig, family = _figure(17, 5.5)
    ax = fig.add_axes((0.07, 0.16, 0.91, 0.78))
    xs = list(range(len(days)))
    counts = [n for _d, n in days]
    if len(days) <= 31:
        bars = ax.bar(xs, counts, color=CELADON, width=0.75)
        ax.bar_label(bars, [str(n) if n else "" for n in counts], fontsize=5.5, color=INK)
        ax.set_xticks(xs)
        ax.set_xticklabels([str(d.day) for d, _n in days])
    else:  # hundreds of bars would be slow to draw and too thin to read
        ax.fill_between(xs, counts, step="mid", color=CELADON, linewidth=0)
        firsts = [i for i, (d, _n) in enumerate(days) if d.day == 1] or [0]
        ax.set_xticks(firsts)
        ax.set_xticklabels([f"{days[i][0].month}-{days[i][0].day}" for i in firsts])
    ax.set_ylim(0, max(1, *counts) * 1.12)
    ax.set_xlim(-0.7, len(days) - 0.3)
    ax.set_ylabel(y_label, color=INK_SOFT, fontsize=7, fontfamily=family)
    ax.yaxis.get_major_locator().set_params(integer=True)
    _style(ax, family)
    return _png(fig)


def heat_chart(counts: list[list[int]], weekdays: list[str], hour_label: str) -> bytes:
    """Visits by weekday (rows, Monday first) and hour of the day (columns)."""
    fig, family = _figure(17, 5.5)
    ax = fig.add_axes((0.07, 0.16, 0.85, 0.78))
    top = max(1, *(max(row) for row in counts))
    image = ax.imshow(counts, aspect="auto", cmap=_HEAT, interpolation="nearest", vmin=0, vmax=top)
    ax.set_yticks(range(7))
    ax.set_yticklabels(weekdays)
    ax.set_xticks(range(0, 24, 2))
    ax.set_xticklabels([f"{h:02d}" for h in range(0, 24, 2)])
    ax.set_xlabel(hour_label, color=INK_SOFT, fontsize=7, fontfamily=family)
    bar = fig.colorbar(image, ax=ax, fraction=0.03, pad=0.01)
    bar.ax.tick_params(labelsize=6, colors=INK_SOFT)
    bar.outline.set_visible(False)
    _style(ax, family)
    for spine in ax.spines.values():
        spine.set_visible(False)
    return _png(fig)


def render(kind: str, data, lang: str) -> bytes:
    """A report chart (kiosk.reporting.model.Chart's kind and data) as PNG, labelled in
    ``lang``."""
    if kind == "daily":
        return daily_chart(data, tr("rep_visits", lang))
    return heat_chart(data, tr("rep_weekdays", lang).split(), tr("rep_hour", lang))
