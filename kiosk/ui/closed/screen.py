"""The closed screen: calm and dim on night — the exhibition's name, 闭馆 / Closed and the
next opening, in both languages; a touch shows today's hours.  No films, no loop."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter

from kiosk.schedule.bands import Band
from kiosk.strings import tr
from kiosk.ui.screen import Context, Screen
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.text import fit_font

LANGS = ("zh", "en")
#: How bright the text is on night: dim, for a hall in the dark.
DIM = 0.55


def day_text(day: date, lang: str) -> str:
    """``2月8日（周一）`` / ``Mon 8 Feb``."""
    weekday = tr("closed_weekdays", lang).split()[day.weekday()]
    month = tr("closed_months", lang).split()[day.month - 1]
    return tr("closed_date", lang).format(month=month, day=day.day, weekday=weekday)


def opens_text(now: datetime, opens: datetime | None, lang: str) -> str:
    """When the hall opens next: today, tomorrow, or on a date."""
    if opens is None:
        return tr("closed_opens_never", lang)
    t = opens.strftime("%H:%M")
    if opens.date() == now.date():
        return tr("closed_opens_today", lang).format(t=t)
    if opens.date() == now.date() + timedelta(days=1):
        return tr("closed_opens_tomorrow", lang).format(t=t)
    return tr("closed_opens_on", lang).format(date=day_text(opens.date(), lang), t=t)


def today_text(bands: tuple[Band, ...], lang: str) -> str:
    if not bands:
        return tr("closed_today_none", lang)
    joined = ("、" if lang == "zh" else ", ").join(b.text() for b in bands)
    return tr("closed_today_hours", lang).format(bands=joined)


class ClosedScreen(Screen):
    """Shows what ``show(now, opens, today)`` says; ``touched`` when a visitor taps."""

    name = "closed"
    #: A visitor touched the screen (the window tells it; the keeper wakes the display).
    touched = Signal()
    #: The screen has been entered and painted once (the heartbeat's first frame).
    shown = Signal()

    def __init__(self, ctx: Context, parent=None) -> None:
        super().__init__(ctx, parent)
        self.setAutoFillBackground(True)
        pal = self.palette()
        pal.setColor(self.backgroundRole(), theme.NIGHT)
        self.setPalette(pal)
        self.now = datetime.now()
        self.opens: datetime | None = None
        self.today: tuple[Band, ...] = ()
        self.hours_shown = False
        self._told_shown = False

    def show_times(self, now: datetime, opens: datetime | None, today: tuple[Band, ...]) -> None:
        self.now, self.opens, self.today = now, opens, today
        self.update()

    def enter(self, **args: Any) -> None:
        self.hours_shown = bool(args.get("hours", False))
        self._told_shown = False
        self.update()

    def touch(self) -> None:
        """A visitor's tap: show today's hours (until the idle reset)."""
        self.hours_shown = True
        self.update()
        self.touched.emit()

    def hide_hours(self) -> None:
        if self.hours_shown:
            self.hours_shown = False
            self.update()

    def reset(self) -> None:
        self.hide_hours()

    def lines(self) -> list[tuple[str, str, str]]:
        """(role, Chinese, English) from top to bottom: what the screen says."""
        name = self.ctx.settings.exhibition
        rows = [
            ("name", name.name_zh, name.name_en),
            ("title", tr("closed_title", "zh"), tr("closed_title", "en")),
            ("opens", *(opens_text(self.now, self.opens, lang) for lang in LANGS)),
        ]
        if self.hours_shown:
            rows.append(("today", *(today_text(self.today, lang) for lang in LANGS)))
        else:
            rows.append(("hint", tr("closed_touch", "zh"), tr("closed_touch", "en")))
        return rows

    # ---------------------------------------------------------------- paint
    def _fonts(self, role: str) -> tuple[QFont, QFont]:
        m = self.ctx.m
        if role == "title":
            return m.display(160), m.font("serif", 72, lang="en")
        if role == "name":
            return m.section(), m.font("serif", 34, lang="en")
        if role == "opens":
            return m.font("serif", 64), m.font("serif", 44, lang="en")
        return m.font("sans", 40), m.font("sans", 32, lang="en")

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        m = self.ctx.m
        width = self.width() - 2 * m.margin
        blocks = []
        for role, zh, en in self.lines():
            fz, fe = self._fonts(role)
            fz, fe = fit_font(fz, zh, width), fit_font(fe, en, width)
            blocks.append((role, zh, en, fz, fe))
        gap = m.px(72)
        heights = [_height(fz) + m.px(8) + _height(fe) for _r, _z, _e, fz, fe in blocks]
        y = (self.height() - sum(heights) - gap * (len(blocks) - 1)) / 2
        for (role, zh, en, fz, fe), h in zip(blocks, heights, strict=True):
            paper = QColor(theme.PAPER)
            paper.setAlphaF(DIM if role != "hint" else DIM * 0.6)
            soft = QColor(theme.PAPER)
            soft.setAlphaF(DIM * 0.7 if role != "hint" else DIM * 0.45)
            for text, font, color, top in (
                (zh, fz, paper, y),
                (en, fe, soft, y + _height(fz) + m.px(8)),
            ):
                p.setFont(font)
                p.setPen(color)
                rect = QRectF(m.margin, top, width, _height(font))
                p.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
            y += h + gap
        p.end()
        if not self._told_shown:
            self._told_shown = True
            self.shown.emit()


def _height(font: QFont) -> float:
    return font.pixelSize() * 1.4
