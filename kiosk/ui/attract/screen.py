"""The attract loop: works from the catalogue, one after another, while nobody touches the kiosk.

Layers (bottom to top), all children of the screen:

- ``FilmStage`` (two native video surfaces, from ``kiosk.playback``) over the
  stage area, only when libvlc is available;
- ``PictureLayer``, a native widget over the same area that paints pictures,
  aphorism cards and the placeholder on night, crossfading between two
  pixmaps (opacity from a ``QVariantAnimation``; no opacity effects over
  native windows). It is hidden while a film plays and shown again, already
  painted with the film's last frame, before the film is stopped;
- ``CaptionBand``, a plain widget along the bottom (never over the video): the
  caption (title · author) fading in a second after each item begins, the
  breathing "touch to explore" line, and, when films cannot play, one calm
  line saying why.

Sequencing: while one item shows, the next is made ready — its picture decoded
off the GUI thread (``ctx.images``), its aphorism card rendered, or its film
prepared paused on the standby player. At the item's end the catalogue is
checked for changes (an import while the kiosk runs rebuilds the playlist),
and the prepared item takes over: pictures and aphorisms crossfade; a film
that is ``ready`` (paused on its first frame on the surface below) starts and
the layer is hidden at once, a cut with nothing dark between; a film's last
frame is grabbed (X11) and crossfaded to the next picture, the film stopped
only once the layer is painted (elsewhere the picture cuts in); a film follows
a film by ``FilmStage.swap``. A file that is missing, corrupt or
ends far too early is recorded as failed, marked broken in the playlist and
skipped; when nothing is playable a calm placeholder (the exhibition's name,
the date and time) shows until something is.

Every item shown is recorded (``ctx.records``, context "loop"): completed at
its end (a film when it ends, not when the next item takes over from its last
frame), skipped when the visitor taps (``leave()``) or ``attract.film_max_s``
cuts a film, failed with the reason — also a film whose end libvlc never
reported, left when it has run ``FILM_OVERRUN`` past its known length.

Handscrolls and hanging scrolls (``pan_plan``) fill the short axis and pan
along the long one at ``attract.pan_px_per_s`` × the screen scale, pausing
``pan_pause_s`` at each end (handscrolls from their right end, as they are
read); their time on screen is the pan's.

Public API: ``AttractScreen(ctx, parent=None, *, speed=1.0, decode_timeout_s=8,
now=datetime.now)`` with ``enter()``, ``leave()``, ``reset()``, ``reload()``,
``broken_items()``, ``set_volume()``; signals ``item_started(key, show)``,
``item_ended(key, outcome, reason)``, ``placeholder_shown()``; ``playlist``,
``current_key``, ``showing_placeholder``, ``stage``, ``layer``, ``band``.

Taps are the window's business: it leaves the loop (calling ``leave()``) on
the first touch. For the operator panel: ``broken_items()`` (what is skipped
today and why), ``reload()`` (read the catalogue again, forgive broken works),
``set_volume()`` (films' volume when the loop plays sound).
``speed`` (tests, previews) divides every duration of the loop; films still
play at their own pace.
"""

from __future__ import annotations

import contextlib
import logging
import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QEasingCurve,
    QElapsedTimer,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QSize,
    QSizeF,
    Qt,
    QTimer,
    QVariantAnimation,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QImageReader,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtWidgets import QWidget

from kiosk.playlist import AttractPlaylist, Slot
from kiosk.strings import field, tr
from kiosk.ui.screen import Context, Screen
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.aphorism import Aphorism, paint_aphorism
from kiosk.ui.widgets.text import latin_serif

log = logging.getLogger(__name__)

#: A picture is not decoded within this time: it is skipped as unreadable.
DECODE_TIMEOUT_S = 8.0
#: How often the placeholder looks for playable works again (seconds).
PLACEHOLDER_POLL_S = 2.0
#: Pan and breathing redraw intervals (ms).
PAN_FRAME_MS = 16
BREATH_FRAME_MS = 40
#: The hint line breathes between these opacities over this period.
BREATH = (0.55, 1.0, 4.0)
#: A film that runs this much past its known length is ended anyway.
FILM_OVERRUN = (1.25, 10.0)
#: Works panned when fitting would leave them this much smaller than panning.
PAN_MIN_GAIN = 1.5
#: A work lying across the screen's orientation is panned at this share of the area's
#: long side (or its fitted size times ``CROSS_PAN_MIN_GAIN``, if larger).
CROSS_PAN_SHARE = 0.4
CROSS_PAN_MIN_GAIN = 2.5


# --- what is painted -------------------------------------------------------------------------


@dataclass
class PanPlan:
    axis: str  # "x" or "y"
    size: QSizeF  # drawn size of the whole work
    distance: float  # px travelled along the axis

    def seconds(self, px_per_s: float, pause_s: float) -> float:
        return pause_s * 2 + self.distance / max(px_per_s, 1e-6)


def pan_plan(aspect: float | None, area: QSizeF, *, elongated: bool) -> PanPlan | None:
    """How to pan a work of ``aspect`` (w/h) across ``area``, or None to letterbox it.

    Elongated works (handscrolls, hanging scrolls) are scaled so their short
    axis fills the area and travel along the long one — unless letterboxing
    loses little. A work lying across the screen's orientation (a hanging
    scroll on a landscape screen, a handscroll on a portrait one) would be
    enlarged enormously that way; it is shown at ``CROSS_PAN_SHARE`` of the
    area's long side instead, so it is neither a sliver nor a blur.

    Handscrolls are read from the right: the pan starts at their right end.
    Hanging scrolls start at the top.
    """
    if not elongated or not aspect or area.isEmpty():
        return None
    aw, ah = area.width(), area.height()
    fit = min(aw / aspect, ah)  # fitted height
    horizontal = aspect >= 1
    fill_h = ah if horizontal else aw / aspect
    gain = fill_h / fit
    if (aspect >= 1) != (aw >= ah):
        across = CROSS_PAN_SHARE * max(aw, ah)  # short side of the work, drawn
        short_fit = fit if horizontal else fit * aspect
        gain = min(gain, max(across / short_fit, CROSS_PAN_MIN_GAIN))
    if gain < PAN_MIN_GAIN:
        return None
    h = fit * gain
    size = QSizeF(h * aspect, h)
    if horizontal:
        distance = size.width() - aw
        axis = "x"
    else:
        distance = size.height() - ah
        axis = "y"
    if distance <= 1:
        return None
    return PanPlan(axis, size, distance)


class Visual:
    """A pixmap placed in the layer's area: letterboxed, or panning along one axis."""

    def __init__(
        self,
        pixmap: QPixmap,
        *,
        pan: PanPlan | None = None,
        px_per_s: float = 40.0,
        pause_s: float = 2.0,
    ) -> None:
        self.pixmap = pixmap
        self.pan = pan
        self.px_per_s = px_per_s
        self.pause_s = pause_s
        self._clock = QElapsedTimer()

    def start(self) -> None:
        if not self._clock.isValid():
            self._clock.start()

    def moving(self) -> bool:
        if self.pan is None or not self._clock.isValid():
            return False
        t = self._clock.elapsed() / 1000.0
        return self.pause_s <= t <= self.pause_s + self.pan.distance / self.px_per_s + 0.1

    def target(self, area: QRectF) -> QRectF:
        size = self.pixmap.size()
        if size.isEmpty():
            return QRectF()
        if self.pan is None:
            s = min(area.width() / size.width(), area.height() / size.height())
            rect = QRectF(0, 0, size.width() * s, size.height() * s)
            rect.moveCenter(area.center())
            return rect
        t = self._clock.elapsed() / 1000.0 if self._clock.isValid() else 0.0
        travelled = min(max(0.0, t - self.pause_s) * self.px_per_s, self.pan.distance)
        rect = QRectF(QPointF(0, 0), self.pan.size)
        rect.moveCenter(area.center())
        if self.pan.axis == "x":  # a handscroll unrolls from its right end
            rect.moveRight(area.right() + travelled)
        else:
            rect.moveTop(area.top() - travelled)
        return rect


class PictureLayer(QWidget):
    """Native widget painting one visual, or crossfading from the previous one, on night."""

    painted = Signal()
    fade_finished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_NativeWindow)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.current: Visual | None = None
        self.previous: Visual | None = None
        self._fade = QVariantAnimation(self)
        self._fade.setStartValue(0.0)
        self._fade.setEndValue(1.0)
        self._fade.setEasingCurve(QEasingCurve.Type.InOutSine)
        self._fade.valueChanged.connect(self.update)
        self._fade.finished.connect(self._fade_done)
        self._pan_timer = QTimer(self)
        self._pan_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._pan_timer.setInterval(PAN_FRAME_MS)
        self._pan_timer.timeout.connect(self._pan_tick)

    @property
    def fading(self) -> bool:
        return self._fade.state() == QVariantAnimation.State.Running

    @property
    def progress(self) -> float:
        return float(self._fade.currentValue() or 0.0) if self.fading else 1.0

    def show_visual(self, visual: Visual | None, fade_ms: int) -> None:
        """Crossfade to ``visual`` (None: night) over ``fade_ms``."""
        self._fade.stop()
        self.previous = self.current if fade_ms > 0 else None
        self.current = visual
        if visual is not None:
            visual.start()
        if self.previous is None and visual is None:
            fade_ms = 0
        if fade_ms > 0:
            self._fade.setDuration(fade_ms)
            self._fade.start()
        else:
            self.previous = None
            self.update()
            QTimer.singleShot(0, self, self.fade_finished.emit)
        self._pan_timer.start()

    def set_still(self, visual: Visual | None) -> None:
        """Show ``visual`` at once (no fade), e.g. a film's last frame before uncovering."""
        self._fade.stop()
        self.previous = None
        self.current = visual
        if visual is not None:
            visual.start()
        self.update()

    def replace_current(self, visual: Visual) -> None:
        """Swap the pixmap of what is shown (the placeholder's clock), without a fade."""
        visual.start()
        self.current = visual
        self.update()

    def stop(self) -> None:
        self._fade.stop()
        self._pan_timer.stop()
        self.previous = None

    def _fade_done(self) -> None:
        self.previous = None
        self.update()
        self.fade_finished.emit()

    def _pan_tick(self) -> None:
        moving = any(v is not None and v.moving() for v in (self.current, self.previous))
        if moving and self.isVisible():
            self.update()
        elif (self.current is None or self.current.pan is None) and not self.fading:
            self._pan_timer.stop()

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        area = QRectF(self.rect())
        p.fillRect(self.rect(), theme.NIGHT)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        e = self.progress
        if self.previous is not None and e < 1.0:
            self._draw(p, self.previous, area)
        if self.current is not None:
            target = self.current.target(area)
            if e < 1.0:
                p.setOpacity(e)
                _fill_around(p, area, target, theme.NIGHT)
            self._draw(p, self.current, area, target)
        elif self.previous is not None and e < 1.0:
            p.setOpacity(e)
            p.fillRect(area, theme.NIGHT)
        p.end()
        self.painted.emit()

    @staticmethod
    def _draw(p: QPainter, visual: Visual, area: QRectF, target: QRectF | None = None) -> None:
        target = target if target is not None else visual.target(area)
        if target.isEmpty():
            return
        pm = visual.pixmap
        visible = target.intersected(area)
        sx = pm.width() / target.width()
        sy = pm.height() / target.height()
        source = QRectF(
            (visible.left() - target.left()) * sx,
            (visible.top() - target.top()) * sy,
            visible.width() * sx,
            visible.height() * sy,
        )
        p.drawPixmap(visible, pm, source)


def _fill_around(p: QPainter, area: QRectF, inner: QRectF, color: QColor) -> None:
    """Fill ``area`` outside ``inner`` (the night bars of a letterboxed picture)."""
    inner = inner.intersected(area)
    if inner.isEmpty():
        p.fillRect(area, color)
        return
    p.fillRect(QRectF(area.left(), area.top(), area.width(), inner.top() - area.top()), color)
    p.fillRect(
        QRectF(area.left(), inner.bottom(), area.width(), area.bottom() - inner.bottom()), color
    )
    p.fillRect(QRectF(area.left(), inner.top(), inner.left() - area.left(), inner.height()), color)
    p.fillRect(
        QRectF(inner.right(), inner.top(), area.right() - inner.right(), inner.height()), color
    )


# --- the band along the bottom ----------------------------------------------------------------


def _paper(alpha: float) -> QColor:
    c = QColor(theme.PAPER)
    c.setAlphaF(max(0.0, min(1.0, alpha)))
    return c


class CaptionBand(QWidget):
    """Caption (fading in), the breathing hint line and an optional notice, on night."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.caption_zh = ""
        self.caption_en = ""
        self.notice = ""
        self._caption_opacity = 0.0
        self._caption_anim = QVariantAnimation(self)
        self._caption_anim.setEasingCurve(QEasingCurve.Type.InOutSine)
        self._caption_anim.valueChanged.connect(self._set_caption_opacity)
        self._caption_delay = QTimer(self)
        self._caption_delay.setSingleShot(True)
        self._caption_delay.timeout.connect(self._fade_caption_in)
        self._breath = QElapsedTimer()
        self._breath_timer = QTimer(self)
        self._breath_timer.setInterval(BREATH_FRAME_MS)
        self._breath_timer.timeout.connect(self._breathe)
        self._hint_rect = QRectF()
        self._font_cache: tuple[theme.Metrics, tuple[QFont, QFont, QFont, QFont]] | None = None

    # geometry
    def band_height(self, width: int) -> int:
        m = self.ctx.m
        rows = 1 if width >= m.px(1400) else 2
        h = m.px(36) + rows * m.px(54) + (rows - 1) * m.px(6) + m.bezel
        if self.notice:
            h += m.px(40)
        return h

    # caption
    def set_caption(self, zh: str, en: str, delay_ms: int, fade_ms: int) -> None:
        self._caption_delay.stop()
        self._caption_anim.stop()
        self.caption_zh, self.caption_en = zh, en
        self._caption_opacity = 0.0
        self._fade_ms = fade_ms
        self.update()
        if zh or en:
            self._caption_delay.start(max(0, delay_ms))

    def _fade_caption_in(self) -> None:
        self._caption_anim.setStartValue(self._caption_opacity)
        self._caption_anim.setEndValue(1.0)
        self._caption_anim.setDuration(max(1, self._fade_ms))
        self._caption_anim.start()

    def _set_caption_opacity(self, value: Any) -> None:
        self._caption_opacity = float(value)
        self.update()

    def caption_opacity(self) -> float:
        return self._caption_opacity

    # breathing
    def start(self) -> None:
        if not self._breath.isValid():
            self._breath.start()
        self._breath_timer.start()

    def stop(self) -> None:
        self._breath_timer.stop()
        self._caption_delay.stop()
        self._caption_anim.stop()

    def hint_opacity(self) -> float:
        low, high, period = BREATH
        t = self._breath.elapsed() / 1000.0 if self._breath.isValid() else 0.0
        # starts bright, dims and returns: a slow cosine
        return low + (high - low) * (0.5 + 0.5 * math.cos(2 * math.pi * t / period))

    def _breathe(self) -> None:
        if self.isVisible() and not self._hint_rect.isEmpty():
            self.update(self._hint_rect.toAlignedRect().adjusted(-2, -2, 2, 2))

    # painting
    def _fonts(self) -> tuple[QFont, QFont, QFont, QFont]:
        m = self.ctx.m
        if self._font_cache is None or self._font_cache[0] != m:  # looked up once per size
            fonts = (
                m.font("serif", 28),
                latin_serif(m, 26),
                m.font("sans", 28),
                m.font("sans", 22),
            )
            self._font_cache = (m, fonts)
        return self._font_cache[1]

    def hint_text(self) -> str:
        return f"{tr('touch_to_explore', 'zh')} · {tr('touch_to_explore', 'en')}"

    def paintEvent(self, event) -> None:
        m = self.ctx.m
        p = QPainter(self)
        p.fillRect(self.rect(), theme.NIGHT)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        caption_font, caption_en_font, hint_font, notice_font = self._fonts()
        w = self.width()
        margin = m.margin
        rows = 1 if w >= m.px(1400) else 2
        row_h = m.px(54)
        top = m.px(36)
        notice_h = m.px(40) if self.notice else 0
        hint_row_top = top + (rows - 1) * (row_h + m.px(6))
        # hint, centred
        fm_hint = QFontMetricsF(hint_font)
        hint = self.hint_text()
        hint_w = fm_hint.horizontalAdvance(hint)
        hint_rect = QRectF((w - hint_w) / 2, hint_row_top, hint_w, row_h)
        self._hint_rect = hint_rect
        p.setFont(hint_font)
        p.setPen(_paper(self.hint_opacity()))
        p.drawText(hint_rect, int(Qt.AlignmentFlag.AlignCenter), hint)
        # caption, bottom-left (its own row above the hint on narrow screens)
        if self._caption_opacity > 0 and (self.caption_zh or self.caption_en):
            if rows == 1:
                cap_rect = QRectF(margin, top, hint_rect.left() - margin - m.px(72), row_h)
            else:
                cap_rect = QRectF(margin, top, w - 2 * margin, row_h)
            self._paint_caption(p, cap_rect, caption_font, caption_en_font)
        if self.notice:
            p.setFont(notice_font)
            p.setPen(_paper(0.6))
            fm = QFontMetricsF(notice_font)
            rect = QRectF(margin, hint_row_top + row_h, w - 2 * margin, notice_h)
            text = fm.elidedText(self.notice, Qt.TextElideMode.ElideRight, rect.width())
            p.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text)
        p.end()

    def _paint_caption(self, p: QPainter, rect: QRectF, zh_font: QFont, en_font: QFont) -> None:
        if rect.width() <= 0:
            return
        m = self.ctx.m
        fm_zh = QFontMetricsF(zh_font)
        fm_en = QFontMetricsF(en_font)
        gap = m.px(24)
        full = self.caption_zh
        title = full.split(" · ")[0]
        # what fits, most complete first; the English title only with room to spare
        zh, en = title, ""
        for zh_try, en_try in ((full, self.caption_en), (full, ""), (title, self.caption_en)):
            width = fm_zh.horizontalAdvance(zh_try)
            if en_try:
                width += gap + fm_en.horizontalAdvance(en_try)
            if width <= rect.width():
                zh, en = zh_try, en_try
                break
        zh = fm_zh.elidedText(zh, Qt.TextElideMode.ElideRight, rect.width())
        baseline = rect.center().y() + (fm_zh.ascent() - fm_zh.descent()) / 2
        p.setOpacity(self._caption_opacity)
        p.setFont(zh_font)
        p.setPen(_paper(0.92))
        p.drawText(QPointF(rect.left(), baseline), zh)
        if en:
            p.setFont(en_font)
            p.setPen(_paper(0.58))
            p.drawText(QPointF(rect.left() + fm_zh.horizontalAdvance(zh) + gap, baseline), en)
        p.setOpacity(1.0)


# --- the screen ---------------------------------------------------------------------------------


@dataclass
class _Upcoming:
    slot: Slot
    token: int
    visual: Visual | None = None
    player: Any = None  # kiosk.playback.FilmPlayer preparing the film
    ready: bool = False


@dataclass
class _Current:
    slot: Slot
    showing: Any  # kiosk.records.Showing or None
    player: Any = None  # the FilmPlayer of a film
    ended: bool = False
    cut_at: float = 0.0  # a film stopped at ``attract.film_max_s`` seconds


class AttractScreen(Screen):
    """Fullscreen attract loop; see the module docstring."""

    name = "attract"

    #: (key, how it is shown: "picture" | "aphorism" | "film") when an item becomes visible
    item_started = Signal(str, str)
    #: (key, outcome, reason) when an item's showing is recorded
    item_ended = Signal(str, str, str)
    placeholder_shown = Signal()

    def __init__(
        self,
        ctx: Context,
        parent: QWidget | None = None,
        *,
        speed: float = 1.0,
        decode_timeout_s: float = DECODE_TIMEOUT_S,
        now: Callable[[], datetime] = datetime.now,
    ) -> None:
        super().__init__(ctx, parent)
        self.speed = max(speed, 1e-3)
        self._decode_timeout_ms = int(decode_timeout_s * 1000)
        self._now = now
        pal = self.palette()
        pal.setColor(QPalette.ColorRole.Window, theme.NIGHT)
        self.setPalette(pal)

        self.stage = None
        if ctx.films is not None:
            from kiosk.playback import FilmStage  # the module that talks to libvlc

            self.stage = FilmStage(ctx.films, self)
            for player in self.stage.players:
                player.ready.connect(lambda p=player: self._film_ready(p))
                player.failed.connect(lambda reason, p=player: self._film_failed(p, reason))
                player.ended.connect(lambda done, why, p=player: self._film_ended(p, done, why))
                player.started.connect(lambda p=player: self._film_started(p))
        self.layer = PictureLayer(self)
        # above the stage by creation order (raise_() is not needed, nor supported offscreen)
        self.band = CaptionBand(ctx, self)
        # Operator-readable problems, one calm line (English reads without CJK fonts).
        self.band.notice = " ".join(p for p in (ctx.fonts_problem, ctx.films_problem) if p)

        self.playlist: AttractPlaylist | None = None
        self._active = False
        self._epoch = 0  # bumped by leave(): late callbacks of an earlier run are dropped
        self._token = 0
        self._current: _Current | None = None
        self._upcoming: _Upcoming | None = None
        self._want_advance = False
        self._placeholder = False
        self._placeholder_minute = ""
        self._film_on_screen = False  # the stage, not the layer, is what the visitor sees
        self._volume = ctx.settings.playback.volume

        self._item_timer = QTimer(self)
        self._item_timer.setSingleShot(True)
        self._item_timer.setTimerType(Qt.TimerType.PreciseTimer)  # coarse ones fire 5 % early
        self._item_timer.timeout.connect(self._item_done)
        self._decode_timer = QTimer(self)
        self._decode_timer.setSingleShot(True)
        self._decode_timer.timeout.connect(self._decode_timed_out)
        self._poll_timer = QTimer(self)
        self._poll_timer.setInterval(int(PLACEHOLDER_POLL_S * 1000 / self.speed))
        self._poll_timer.timeout.connect(self._poll_placeholder)
        self._layout_children()

    # ----------------------------------------------------------------- screen API
    def enter(self, **args: Any) -> None:
        if self._active:
            return
        self._active = True
        self._epoch += 1
        if self.playlist is None:
            kinds = [
                k for k in self.ctx.settings.attract.kinds if k != "film" or self.stage is not None
            ]
            self.playlist = AttractPlaylist(
                self.ctx.library.works, self.ctx.settings.attract, kinds=kinds
            )
            self.ctx.library.changed(self)  # the playlist was just read: start from here
        elif self.ctx.library.changed(self):
            self.playlist.rebuild()
        self._apply_audio()
        self.band.start()
        self._layout_children()
        if not self.layer.isVisible():
            self.layer.show()
        self._want_advance = True
        self._try_go()

    def leave(self) -> None:
        if not self._active:
            return
        self._active = False
        self._epoch += 1
        for timer in (self._item_timer, self._decode_timer, self._poll_timer):
            timer.stop()
        self.band.stop()
        self.layer.stop()
        reason = "kiosk stopped" if self.ctx.stopping else "visitor touched the screen"
        self._end_current("skipped", reason)
        self._current = None
        self._want_advance = False
        self._placeholder = False
        self._upcoming = None  # made ready again on return (films are stopped below)
        if self.stage is not None:
            self.stage.stop()
        if self._film_on_screen:
            self._film_on_screen = False
            self.layer.set_still(None)
            self.layer.show()

    def reset(self) -> None:
        """Nothing of the visitor's to forget here."""

    def retranslate(self) -> None:
        self._layout_children()
        self.band.update()

    def reload(self) -> None:
        """Read the catalogue again now (operator's "reload"); broken works get another try."""
        if self.playlist is None:
            return
        self.playlist.rebuild()
        self._drop_upcoming()
        if self._active:
            self._defer(self._try_go if self._want_advance else self._prefetch)

    def broken_items(self) -> list[str]:
        """What the loop skips today and why, one line each (operator panel)."""
        if self.playlist is None:
            return []
        titles = {s.key: s.item.get("title_zh") or "" for s in self.playlist.slots}
        return [
            f"{titles.get(key) or key} [{key}]: {reason}"
            for key, reason in self.playlist.broken.items()
        ]

    def set_volume(self, volume: int) -> None:
        """Volume of the loop's films (heard only when ``attract.audio`` is on)."""
        self._volume = max(0, min(100, int(volume)))
        self._apply_audio()

    # ------------------------------------------------------------------- geometry
    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        old = QSize(self.layer.size())
        self._layout_children()
        if self.layer.size() != old and self._active:
            self._resized()

    def _resized(self) -> None:
        """The window got its real size after the loop began: redo what was made for the old."""
        up = self._upcoming
        if up is not None and up.player is None:
            self._drop_upcoming()
            if self._want_advance:
                self._defer(self._try_go)
            else:
                self._prefetch_after_fade()
        if self._placeholder:
            self.layer.replace_current(Visual(self._render_placeholder()))
        elif self._current is not None and not self._film_on_screen:
            slot = self._current.slot
            if slot.show == "aphorism":
                self.layer.replace_current(Visual(self._render_aphorism(slot)))

    def _layout_children(self) -> None:
        w, h = self.width(), self.height()
        band_h = min(self.band.band_height(w), h // 3)
        stage = QRect(0, 0, w, max(1, h - band_h))
        self.layer.setGeometry(stage)
        if self.stage is not None:
            self.stage.setGeometry(stage)
        self.band.setGeometry(0, stage.height(), w, h - stage.height())

    def stage_size(self) -> QSize:
        return self.layer.size()

    # -------------------------------------------------------------------- timing
    def _ms(self, seconds: float) -> int:
        return max(1, int(seconds * 1000 / self.speed))

    @property
    def _fade_ms(self) -> int:
        return max(0, int(self.ctx.settings.attract.crossfade_ms / self.speed))

    # ---------------------------------------------------------------- sequencing
    def _defer(self, fn: Callable[[], None]) -> None:
        epoch = self._epoch
        QTimer.singleShot(0, self, lambda: fn() if epoch == self._epoch else None)

    def _item_done(self) -> None:
        if not self._active:
            return
        current = self._current
        if current is not None and current.player is not None and not current.ended:
            self._film_time_up(current)
        self._want_advance = True
        self._try_go()

    def _film_time_up(self, current: _Current) -> None:
        """The film's timer ran out before its end: record why it is being left."""
        if current.cut_at:
            self._end_current("skipped", f"cut at the film limit of {current.cut_at:g} s")
            return
        player = current.player
        reason = (
            f"its end was not reported ({player.elapsed():.1f} s played"
            f" of {player.duration():.1f} s)"
        )
        log.warning("attract loop moves on from %s: %s", current.slot.key, reason)
        self._end_current("failed", reason)

    def _try_go(self) -> None:
        """At an item boundary: take the next item if it is ready (else wait for it)."""
        if not self._active or not self._want_advance or self.playlist is None:
            return
        if self.ctx.library.changed(self):
            log.info("the catalogue changed: the attract loop reads it again")
            self.playlist.rebuild()
        wanted = self.playlist.peek()
        if self._upcoming is not None and (wanted is None or wanted.key != self._upcoming.slot.key):
            self._drop_upcoming()
        if wanted is None:
            self._show_placeholder()
            return
        if self._upcoming is None:
            self._prefetch()
            if self._upcoming is None:  # failed at once; the next try is deferred
                return
        if self._upcoming.ready:
            self._go()

    def _go(self) -> None:
        assert self.playlist is not None and self._upcoming is not None
        up = self._upcoming
        slot = self.playlist.next()
        if slot is None or slot.key != up.slot.key:  # the playlist moved meanwhile
            self._drop_upcoming()
            self._defer(self._try_go)
            return
        self._upcoming = None
        self._want_advance = False
        self._placeholder = False
        self._poll_timer.stop()
        self._end_current("completed")
        if slot.show == "film":
            self._current = None
            self._to_film(up)
        else:
            self._to_visual(up)

    def _to_visual(self, up: _Upcoming) -> None:
        slot = up.slot
        assert up.visual is not None
        self._show_on_layer(up.visual)
        self._begin(slot)
        seconds = slot.seconds
        if up.visual.pan is not None:
            seconds = up.visual.pan.seconds(up.visual.px_per_s, up.visual.pause_s) * self.speed
        self._item_timer.start(self._ms(seconds))
        self._prefetch_after_fade()

    def _show_on_layer(self, visual: Visual | None) -> None:
        """Crossfade the layer to ``visual``; from a film, from its last frame (or cut)."""
        fade = self._fade_ms
        if self._film_on_screen:
            frame = self._grab_film_frame()
            outgoing = self.stage.current if self.stage is not None else None
            self._film_on_screen = False
            if frame is not None:
                self.layer.set_still(frame)
            else:  # no way to read the video's pixels here: a clean cut beats a dip to night
                self.layer.set_still(visual)
                fade = 0
            self.layer.show()
            self._stop_after_paint(outgoing)
        self.layer.show_visual(visual, fade)

    def _stop_after_paint(self, player: Any) -> None:
        """Stop the outgoing film once the layer covering it has been painted."""
        if player is None:
            return
        done = {"stopped": False}

        def stop() -> None:
            if done["stopped"]:
                return
            done["stopped"] = True
            with contextlib.suppress(RuntimeError, TypeError):
                self.layer.painted.disconnect(stop)
            if player is not self._preparing_player() and player is not self._current_player():
                player.stop()

        self.layer.painted.connect(stop)
        QTimer.singleShot(300, self, stop)

    def _preparing_player(self) -> Any:
        return self._upcoming.player if self._upcoming is not None else None

    def _to_film(self, up: _Upcoming) -> None:
        # The prepared film waits, paused on its first frame, on the surface below the
        # layer: it starts and the layer is hidden at once — a cut, never a dip to night.
        self.layer.stop()
        self._start_film(up)

    def _start_film(self, up: _Upcoming) -> None:
        from kiosk.playback import PlayerState

        stage = self.stage
        if stage is None or up.player is None or up.player.state != PlayerState.READY:
            self._record_failure(up.slot, "film was not ready to start")
            self._want_advance = True
            self._defer(self._try_go)
            return
        if stage.standby is not up.player:  # cannot happen unless reused meanwhile
            self._record_failure(up.slot, "film player was taken by another film")
            self._want_advance = True
            self._defer(self._try_go)
            return
        stage.swap()
        self._film_on_screen = True
        self.layer.hide()
        self._begin(up.slot, player=up.player)
        slot = up.slot
        limit = self.ctx.settings.attract.film_max_s
        if limit > 0 and (not slot.work.duration_s or slot.work.duration_s > limit):
            assert self._current is not None
            self._current.cut_at = limit
            self._item_timer.start(self._ms(limit))
        elif slot.seconds > 0:  # a safety net should the end never be reported
            over = max(slot.seconds * FILM_OVERRUN[0], slot.seconds + FILM_OVERRUN[1])
            self._item_timer.start(int(over * 1000))
        self._prefetch_after_fade()

    # ------------------------------------------------------------------ prefetch
    def _prefetch_after_fade(self) -> None:
        """Prepare the next item once the transition is over (rendering would stall it)."""
        epoch = self._epoch
        QTimer.singleShot(
            self._fade_ms + 100, self, lambda: self._prefetch() if epoch == self._epoch else None
        )

    def _prefetch(self) -> None:
        """Make the next item ready while the current one shows."""
        if not self._active or self._upcoming is not None or self.playlist is None:
            return
        slot = self.playlist.peek()
        if slot is None:
            if self._want_advance:
                self._show_placeholder()
            return
        self._token += 1
        up = _Upcoming(slot, self._token)
        self._upcoming = up
        if slot.show == "aphorism":
            up.visual = Visual(self._render_aphorism(slot))
            self._upcoming_ready(up)
        elif slot.show == "picture":
            self._request_picture(up)
        else:
            self._prepare_film(up)

    def _upcoming_ready(self, up: _Upcoming) -> None:
        up.ready = True
        if self._want_advance:
            self._defer(self._try_go)

    def _drop_upcoming(self) -> None:
        up, self._upcoming = self._upcoming, None
        self._decode_timer.stop()
        if up is not None and up.player is not None and self._current_player() is not up.player:
            up.player.stop()

    def _fail_upcoming(self, up: _Upcoming, reason: str) -> None:
        if self._upcoming is not up:
            return
        self._decode_timer.stop()
        self._upcoming = None
        if up.player is not None and self._current_player() is not up.player:
            up.player.stop()
        self._record_failure(up.slot, reason)
        self._defer(self._prefetch if not self._want_advance else self._try_go)

    def _request_picture(self, up: _Upcoming) -> None:
        slot = up.slot
        path = slot.work.picture
        if path is None or not Path(path).is_file():
            self._defer(lambda: self._fail_upcoming(up, "picture file missing"))
            return
        if not QImageReader(str(path)).canRead():  # header only: cheap
            self._defer(lambda: self._fail_upcoming(up, "picture file is not a readable image"))
            return
        area = QSizeF(self.stage_size())
        attract = self.ctx.settings.attract
        plan = pan_plan(slot.aspect, area, elongated=slot.elongated)
        if plan is not None:
            size = QSize(math.ceil(plan.size.width()), math.ceil(plan.size.height()))
        else:
            size = self.stage_size()
        px_per_s = attract.pan_px_per_s * self.ctx.m.scale * self.speed
        pause_s = attract.pan_pause_s / self.speed
        token = up.token

        def loaded(pixmap: QPixmap) -> None:
            if self._upcoming is not up or up.token != token:
                return
            self._decode_timer.stop()
            up.visual = Visual(pixmap, pan=plan, px_per_s=px_per_s, pause_s=pause_s)
            self._upcoming_ready(up)

        self._decode_timer.start(self._decode_timeout_ms)
        self.ctx.images.request(Path(path), size, self, loaded)

    def _decode_timed_out(self) -> None:
        up = self._upcoming
        if up is not None and up.slot.show == "picture" and not up.ready:
            self._fail_upcoming(up, "picture could not be decoded")

    def _prepare_film(self, up: _Upcoming) -> None:
        work = up.slot.work
        if self.stage is None:
            self._defer(lambda: self._fail_upcoming(up, "films cannot play here"))
            return
        if work.original is None or not Path(work.original).is_file():
            self._defer(lambda: self._fail_upcoming(up, "film file missing"))
            return
        up.player = self.stage.prepare_next(
            work.original, subtitles=work.subtitles, expected_duration=work.duration_s
        )

    # --------------------------------------------------------------- film events
    def _current_player(self) -> Any:
        return self._current.player if self._current is not None else None

    def _film_ready(self, player: Any) -> None:
        up = self._upcoming
        if up is not None and up.player is player and not up.ready:
            self._upcoming_ready(up)

    def _film_started(self, player: Any) -> None:
        if player is self._current_player() and self._film_on_screen:
            self.layer.hide()

    def _film_failed(self, player: Any, reason: str) -> None:
        up = self._upcoming
        if up is not None and up.player is player:
            self._fail_upcoming(up, reason)
            return
        current = self._current
        if current is not None and current.player is player:
            self._item_timer.stop()
            if self.playlist is not None:
                self.playlist.mark_broken(current.slot.key, reason)
            self._end_current("failed", reason)
            self._current = None
            self._item_done()

    def _film_ended(self, player: Any, completed: bool, reason: str) -> None:
        if completed and player is self._current_player():
            self._item_timer.stop()
            self._end_current("completed")  # its last frame may wait for the next item
            self._item_done()

    # ------------------------------------------------------------------ records
    def _begin(self, slot: Slot, *, player: Any = None) -> None:
        records = self.ctx.records
        showing = records.begin(slot.item, "loop") if records is not None else None
        self._current = _Current(slot, showing, player)
        zh, en = self._caption(slot)
        self.band.set_caption(zh, en, self._ms(1.0), self._ms(0.6))
        self.item_started.emit(slot.key, slot.show)

    def _end_current(self, outcome: str, reason: str | None = None) -> None:
        current = self._current
        if current is None or current.ended:
            return
        current.ended = True
        if current.showing is not None:
            self.ctx.records.end(current.showing, outcome, reason)
        self.item_ended.emit(current.slot.key, outcome, reason or "")

    def _record_failure(self, slot: Slot, reason: str) -> None:
        log.warning("attract loop skips %s: %s", slot.key, reason)
        if self.playlist is not None:
            self.playlist.mark_broken(slot.key, reason)
        records = self.ctx.records
        if records is not None:
            records.end(records.begin(slot.item, "loop"), "failed", reason)
        self.item_ended.emit(slot.key, "failed", reason)

    # --------------------------------------------------------------- placeholder
    def _show_placeholder(self) -> None:
        if self._placeholder:
            return
        self._item_timer.stop()
        self._end_current("completed")
        self._current = None
        self._placeholder = True
        self._want_advance = True
        self.band.set_caption("", "", 0, 0)
        self._placeholder_minute = self._now().strftime("%Y-%m-%d %H:%M")
        self._show_on_layer(Visual(self._render_placeholder()))
        self._poll_timer.start()
        self.placeholder_shown.emit()

    def _poll_placeholder(self) -> None:
        if not self._active or not self._placeholder:
            self._poll_timer.stop()
            return
        minute = self._now().strftime("%Y-%m-%d %H:%M")
        if minute != self._placeholder_minute:
            self._placeholder_minute = minute
            self.layer.replace_current(Visual(self._render_placeholder()))
        if self.playlist is not None and self.ctx.library.changed(self):
            self.playlist.rebuild()
        if self.playlist is not None and self.playlist.peek() is not None:
            self._try_go()

    @property
    def showing_placeholder(self) -> bool:
        return self._placeholder

    @property
    def current_key(self) -> str | None:
        return self._current.slot.key if self._current is not None else None

    # ----------------------------------------------------------------- rendering
    def _apply_audio(self) -> None:
        if self.stage is None:
            return
        attract = self.ctx.settings.attract
        for player in self.stage.players:
            player.set_volume(self._volume)
            player.set_muted(not attract.audio)

    def _caption(self, slot: Slot) -> tuple[str, str]:
        if slot.show == "aphorism":
            return "", ""  # the card carries the text and its source
        item = slot.item
        title = field(item, "title", "zh")
        by = (item.get("author_zh") or item.get("source_zh") or "").strip()
        zh = " · ".join(x for x in (title, by) if x)
        en = (item.get("title_en") or "").strip()
        return zh, en

    def _canvas(self) -> QPixmap:
        size = self.stage_size()
        ratio = self.devicePixelRatioF()
        pm = QPixmap(QSize(round(size.width() * ratio), round(size.height() * ratio)))
        pm.setDevicePixelRatio(ratio)
        pm.fill(theme.NIGHT)
        return pm

    def _render_aphorism(self, slot: Slot) -> QPixmap:
        pm = self._canvas()
        size = self.stage_size()
        m = self.ctx.m
        inset = m.margin / 2
        p = QPainter(pm)
        paint_aphorism(
            p,
            QRectF(inset, inset, size.width() - 2 * inset, size.height() - 2 * inset),
            Aphorism.from_item(slot.item),
            m,
            english=True,
        )
        p.end()
        return pm

    def _render_placeholder(self) -> QPixmap:
        pm = self._canvas()
        size = self.stage_size()
        m = self.ctx.m
        ex = self.ctx.settings.exhibition
        now = self._now()
        p = QPainter(pm)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        cx, cy = size.width() / 2, size.height() / 2
        width = size.width() - 2 * m.margin
        name_font = m.display(96 if size.width() >= size.height() else 72)
        fm = QFontMetricsF(name_font)
        while fm.horizontalAdvance(ex.name_zh) > width and name_font.pixelSize() > m.px(40):
            name_font.setPixelSize(name_font.pixelSize() - 2)
            fm = QFontMetricsF(name_font)
        en_font = latin_serif(m, 32)
        date_font = m.font("serif", 30)
        time_font = m.font("serif", 64)
        rule = m.px(56)

        def line(text: str, font: QFont, color: QColor, y: float) -> float:
            f = QFontMetricsF(font)
            text = f.elidedText(text, Qt.TextElideMode.ElideRight, width)
            p.setFont(font)
            p.setPen(color)
            p.drawText(QPointF(cx - f.horizontalAdvance(text) / 2, y + f.ascent()), text)
            return y + f.height()

        heights = fm.height() + m.px(20) + QFontMetricsF(en_font).height() + rule * 2
        heights += QFontMetricsF(time_font).height() + m.px(8) + QFontMetricsF(date_font).height()
        y = cy - heights / 2
        y = line(ex.name_zh, name_font, _paper(0.94), y)
        y = line(ex.name_en, en_font, _paper(0.6), y + m.px(20))
        y += rule
        p.setPen(theme.SEAL)
        p.fillRect(QRectF(cx - m.px(28), y - m.px(2), m.px(56), m.px(3)), theme.SEAL)
        y += rule
        y = line(now.strftime("%H:%M"), time_font, _paper(0.9), y)
        weekday = "一二三四五六日"[now.weekday()]
        date_text = f"{now.year}年{now.month}月{now.day}日　星期{weekday}"
        line(date_text, date_font, _paper(0.6), y + m.px(8))
        p.end()
        return pm

    def _grab_film_frame(self) -> Visual | None:
        """The film's last frame as it is on screen (X11), to crossfade from."""
        if QGuiApplication.platformName() != "xcb" or self.stage is None:
            return None
        screen = self.screen()
        if screen is None:
            return None
        origin = self.layer.mapToGlobal(QPoint(0, 0)) - screen.geometry().topLeft()
        size = self.layer.size()
        grab = screen.grabWindow(0, origin.x(), origin.y(), size.width(), size.height())
        return Visual(grab) if not grab.isNull() else None
