"""The visitor's film screens: a grid of poster frames, and the full-screen player.

``FilmLibraryScreen`` ("films") lists every film with its poster frame, title
and length; a tap opens ``FilmPlayerScreen`` ("film") with the film's key.

The player plays through ``kiosk.playback`` (the only module that talks to
libvlc) into a ``VideoSurface`` on night.  The surface is a native window, so
Qt content painted over it would be hidden: the film is therefore framed,
never covered, except by the back button (itself a native widget, shaped to
its rounded outline).  The film keeps its aspect inside the screen above a
control row (play/pause, elapsed time, a seek bar to drag with a finger, total
time); on a landscape panel the film fills the height above that row, on a
portrait panel it sits in the middle with the row beneath it.  VLC draws the
subtitles inside the picture, so they stay readable while the controls show.
The controls appear on a tap and fade after a few seconds without one while
the film plays; at the end a quiet card offers to watch again or go back.

Proof of play: a showing begins when the visitor starts the film and ends
"completed" (played to the end), "skipped" (the visitor left) or "failed"
(with FilmPlayer's reason; the visitor sees one calm sentence, no dialog).
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QEasingCurve,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    QTimer,
    QVariantAnimation,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QRegion,
)
from PySide6.QtWidgets import QLabel, QScroller, QWidget

from kiosk.catalog.library import Work
from kiosk.strings import field, tr
from kiosk.ui.screen import Context, InnerScreen, Screen
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.buttons import PressableMixin
from kiosk.ui.widgets.scrolling import kinetic_area
from kiosk.ui.widgets.text import wrap_lines

log = logging.getLogger(__name__)

#: Films shorter than this show their length as m:ss; longer ones in whole minutes.
SHORT_FILM_S = 300
#: The controls fade after this long without a touch while the film plays.
CONTROLS_HIDE_MS = 4000
CONTROLS_FADE_IN_MS = 180
CONTROLS_FADE_OUT_MS = 600

# On night: paper for lines and text, a softer paper for secondary text, a lifted
# night for buttons, a faint paper for the unplayed part of the seek track.
_ON_NIGHT = theme.PAPER
_ON_NIGHT_SOFT = QColor(theme.PAPER.red(), theme.PAPER.green(), theme.PAPER.blue(), 178)
_LIFT = QColor("#2C2824")
_TRACK = QColor(theme.PAPER.red(), theme.PAPER.green(), theme.PAPER.blue(), 64)


# --------------------------------------------------------------------------- helpers


def clock(seconds: float | None) -> str:
    """``m:ss`` (or ``h:mm:ss``) for a time in a film (whole seconds, rounded down)."""
    s = max(0, int(seconds or 0.0))
    h, rest = divmod(s, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def duration_text(seconds: float | None, lang: str) -> str:
    """A film's length for its tile: "12 分钟" / "12 min", or m:ss for short films."""
    if not seconds or seconds <= 0:
        return ""
    if seconds < SHORT_FILM_S:
        return clock(round(seconds))
    minutes = max(1, round(seconds / 60))
    return f"{minutes} {tr('minutes', lang)}"


class Hook:
    """A signal for Python listeners only, called directly.

    PySide6 6.12.0 (on Python 3.11) drops a reference to ``True`` on every
    Python-side ``Signal.emit()``; a few hundred taps would end the process
    ("bool_dealloc"). The widgets here therefore call their listeners directly.
    """

    def __init__(self) -> None:
        self._listeners: list[Callable[..., object]] = []

    def connect(self, listener: Callable[..., object]) -> None:
        self._listeners.append(listener)

    def __call__(self, *args: object) -> None:
        for listener in list(self._listeners):
            listener(*args)


def has_cjk(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" for ch in text)


def _pen(color: QColor, width: float) -> QPen:
    return QPen(
        color, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin
    )


def draw_icon(p: QPainter, kind: str, box: QRectF, color: QColor, stroke: float) -> None:
    """Line icons in one style (round caps and joins): back, play, pause, replay."""
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(_pen(color, stroke))
    p.setBrush(Qt.BrushStyle.NoBrush)
    c, s = box.center(), min(box.width(), box.height()) / 2
    if kind == "back":
        left = QPointF(c.x() - s * 0.8, c.y())
        p.drawLine(left, QPointF(c.x() + s * 0.8, c.y()))
        p.drawLine(left, QPointF(c.x() - s * 0.1, c.y() - s * 0.7))
        p.drawLine(left, QPointF(c.x() - s * 0.1, c.y() + s * 0.7))
    elif kind == "play":
        path = QPainterPath(QPointF(c.x() - s * 0.45, c.y() - s * 0.72))
        path.lineTo(QPointF(c.x() + s * 0.75, c.y()))
        path.lineTo(QPointF(c.x() - s * 0.45, c.y() + s * 0.72))
        path.closeSubpath()
        p.drawPath(path)
    elif kind == "pause":
        for dx in (-0.32, 0.32):
            x = c.x() + s * dx
            p.drawLine(QPointF(x, c.y() - s * 0.62), QPointF(x, c.y() + s * 0.62))
    elif kind == "replay":
        # A circle turning anticlockwise, open at the top right, the arrow at its end.
        r = s * 0.7
        begin, span = 70.0, 280.0
        p.drawArc(QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r), int(begin * 16), int(span * 16))
        a = math.radians(begin + span)
        end = QPointF(c.x() + r * math.cos(a), c.y() - r * math.sin(a))
        dx, dy = -math.sin(a), -math.cos(a)  # the way the arc travels, in screen coordinates
        h = s * 0.42
        tip = QPointF(end.x() + dx * h * 0.3, end.y() + dy * h * 0.3)
        for turn in (math.radians(40), math.radians(-40)):
            # The backward direction, turned either way: the two strokes of the arrow head.
            bx = -dx * math.cos(turn) + dy * math.sin(turn)
            by = -dx * math.sin(turn) - dy * math.cos(turn)
            p.drawLine(tip, QPointF(tip.x() + bx * h, tip.y() + by * h))
    p.restore()


# --------------------------------------------------------------------------- library


class FilmTile(PressableMixin, QWidget):
    """One film: poster frame (aspect kept, rounded), title and length on a paper card."""

    def __init__(self, ctx: Context, work: Work, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clicked = Hook()
        self.ctx, self.work = ctx, work
        self.pixmap: QPixmap | None = None
        self._rounded: QPixmap | None = None
        self._title_lines = 1
        self._asked: QSize | None = None
        self._press_pos = QPointF()
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    # geometry shared with the grid
    @staticmethod
    def picture_height(ctx: Context, width: int) -> int:
        return round(width * 9 / 16)

    @staticmethod
    def title_font(ctx: Context) -> QFont:
        return ctx.m.font("serif", 40 if ctx.m.large else 34, bold=True)

    @staticmethod
    def text_height(ctx: Context, title_lines: int) -> int:
        m = ctx.m
        title_h = QFontMetrics(FilmTile.title_font(ctx)).lineSpacing() * title_lines
        cap_h = QFontMetrics(m.caption()).lineSpacing()
        return m.px(20) + title_h + m.px(8) + cap_h + m.px(24)

    def title(self) -> str:
        return field(self.work.item, "title", self.ctx.lang)

    def duration(self) -> str:
        return duration_text(self.work.duration_s, self.ctx.lang)

    def title_lines_needed(self, width: int) -> int:
        m = self.ctx.m
        return max(
            1, len(wrap_lines(self.title(), self.title_font(self.ctx), width - 2 * m.px(24), 2))
        )

    def set_title_lines(self, n: int) -> None:
        self._title_lines = n

    def _picture_rect(self) -> QRect:
        return QRect(0, 0, self.width(), self.picture_height(self.ctx, self.width()))

    def _request(self) -> None:
        size = self._picture_rect().size()
        if size.width() <= 0 or size == self._asked:
            return
        self._asked = size
        # The thumbnail fits 480×480; bigger tiles read the poster frame (scaled while decoding).
        source = self.work.thumb if size.width() <= 480 and self.work.thumb else None
        source = source or self.work.poster or self.work.thumb
        self.ctx.images.request(source, size, self, self._loaded)

    def _loaded(self, pixmap: QPixmap) -> None:
        self.pixmap = pixmap
        self._rounded = None
        self.update()

    def resizeEvent(self, event) -> None:
        self._rounded = None
        self._request()

    def paintEvent(self, event) -> None:
        m = self.ctx.m
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        card = QPainterPath()
        card.addRoundedRect(QRectF(self.rect()), m.radius, m.radius)
        p.fillPath(card, theme.PAPER_DEEP)
        pic = self._picture_rect()
        if self.pixmap is not None:
            if self._rounded is None or self._rounded.size() != pic.size():
                self._rounded = self._poster_card(pic.size())
            p.drawPixmap(pic.topLeft(), self._rounded)
        else:
            shape = QPainterPath()
            shape.addRoundedRect(QRectF(pic), m.radius, m.radius)
            p.fillPath(shape, theme.PAPER_DEEP.darker(106))
        self._paint_play_mark(p, pic)
        x = m.px(24)
        width = self.width() - 2 * x
        y = pic.bottom() + 1 + m.px(20)
        font = self.title_font(self.ctx)
        fm = QFontMetrics(font)
        p.setFont(font)
        p.setPen(theme.INK)
        for line in wrap_lines(self.title(), font, width, self._title_lines):
            p.drawText(
                QRectF(x, y, width, fm.lineSpacing()),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                line,
            )
            y += fm.lineSpacing()
        y += m.px(8)  # the length follows the title, however many lines it took
        caption = m.caption()
        p.setFont(caption)
        p.setPen(theme.INK_SOFT)
        p.drawText(
            QRectF(x, y, width, QFontMetrics(caption).lineSpacing()),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            self.duration(),
        )
        self._press_overlay(p, card)

    def _poster_card(self, size: QSize) -> QPixmap:
        """The poster fitted into the tile's top, rounded at the top corners only."""
        m = self.ctx.m
        out = QPixmap(size)
        out.fill(Qt.GlobalColor.transparent)
        p = QPainter(out)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        # Rounded at the top; square below, where the card's text continues it.
        shape = QPainterPath()
        shape.addRoundedRect(
            QRectF(0, 0, size.width(), size.height() + m.radius), m.radius, m.radius
        )
        p.setClipPath(shape)
        p.fillRect(out.rect(), theme.PAPER_DEEP.darker(106))
        scaled = self.pixmap.scaled(
            size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
        p.drawPixmap(
            (size.width() - scaled.width()) // 2, (size.height() - scaled.height()) // 2, scaled
        )
        p.end()
        return out

    def _paint_play_mark(self, p: QPainter, pic: QRect) -> None:
        m = self.ctx.m
        d = m.px(64)
        box = QRectF(pic.left() + m.px(20), pic.bottom() + 1 - m.px(20) - d, d, d)
        p.save()
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(theme.NIGHT.red(), theme.NIGHT.green(), theme.NIGHT.blue(), 150))
        p.drawEllipse(box)
        p.restore()
        draw_icon(
            p,
            "play",
            box.adjusted(d * 0.3, d * 0.3, -d * 0.28, -d * 0.3),
            theme.PAPER,
            max(2, m.px(2.5)),
        )

    # taps (a drag scrolls the grid; it is not a tap)
    def mousePressEvent(self, event) -> None:
        self.pressed_down = True
        self._press_pos = event.position()
        self.update()

    def mouseMoveEvent(self, event) -> None:
        if self.pressed_down and (
            event.position() - self._press_pos
        ).manhattanLength() > self.ctx.m.px(24):
            self.pressed_down = False
            self.update()

    def activate(self) -> None:
        self.clicked()


class _Notice(QLabel):
    """A calm, one-paragraph notice on a paper-deep card."""

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.restyle()

    def restyle(self) -> None:
        m = self.ctx.m
        self.setFont(m.reading())
        self.setStyleSheet(
            f"QLabel {{ background: {theme.PAPER_DEEP.name()}; color: {theme.INK.name()};"
            f" border-radius: {m.radius}px; padding: {m.px(24)}px {m.px(32)}px;"
            f" border-left: {m.px(6)}px solid {theme.SEAL.name()}; }}"
        )


class FilmLibraryScreen(InnerScreen):
    """The warning films: a scrolling grid of poster frames."""

    name = "films"

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.works: list[Work] = []
        self.tiles: list[FilmTile] = []
        self.notice = _Notice(ctx)
        self.notice.hide()
        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.hide()
        self.scroll = kinetic_area(resizable=False)
        self.grid = QWidget()
        self.scroll.setWidget(self.grid)
        self.body.addWidget(self.notice)
        self.body.addWidget(self.empty_label, 1)
        self.body.addWidget(self.scroll, 1)
        self.scroll.viewport().installEventFilter(self)
        self._keys: list[str] | None = None
        self._restyle()

    def title(self) -> str:
        return self.ctx.tr("films")

    # -- screen life ---------------------------------------------------------------------------

    def enter(self, **args: Any) -> None:
        self.reload()

    def reload(self) -> None:
        """Read the films from the library (rebuilding the grid only if they changed)."""
        works = self.ctx.library.works(["film"])
        keys = [w.key for w in works]
        if keys != self._keys:
            self._keys = keys
            self.works = works
            for tile in self.tiles:
                tile.deleteLater()
            self.tiles = []
            for work in works:
                tile = FilmTile(self.ctx, work, self.grid)
                tile.clicked.connect(lambda key=work.key: self.open(key))
                tile.show()
                self.tiles.append(tile)
        self._update_notice()
        self._layout_grid()

    def open(self, key: str) -> None:
        self.ctx.nav.go("film", key=key)

    def reset(self) -> None:
        QScroller.scroller(self.scroll.viewport()).stop()
        self.scroll.verticalScrollBar().setValue(0)

    def retranslate(self) -> None:
        super().retranslate()
        self._restyle()
        self._layout_grid()
        for tile in self.tiles:
            tile.update()

    # -- layout ---------------------------------------------------------------------------------

    def _restyle(self) -> None:
        m = self.ctx.m
        self.notice.restyle()
        self.empty_label.setFont(m.reading())
        self.empty_label.setText(self.ctx.tr("no_items"))
        pal = self.empty_label.palette()
        pal.setColor(self.empty_label.foregroundRole(), theme.INK_SOFT)
        self.empty_label.setPalette(pal)
        self._update_notice()

    def _update_notice(self) -> None:
        unavailable = self.ctx.films is None
        self.notice.setText(self.ctx.tr("films_unavailable") if unavailable else "")
        self.notice.setVisible(unavailable)
        self.empty_label.setVisible(not self.works)
        self.scroll.setVisible(bool(self.works))

    def columns(self) -> int:
        """Tiles of at least 520 px (at 1080p) side by side; two or three films share a row."""
        fit = max(2, self.scroll.viewport().width() // self.ctx.m.px(520))
        return min(fit, max(2, len(self.tiles)))

    def _layout_grid(self) -> None:
        m = self.ctx.m
        width = self.scroll.viewport().width()
        if width <= 0:
            return
        cols = self.columns()
        gutter = m.gutter
        tile_w = (width - (cols - 1) * gutter) // cols
        lines = max((t.title_lines_needed(tile_w) for t in self.tiles), default=1)
        pic_h = FilmTile.picture_height(self.ctx, tile_w)
        tile_h = pic_h + FilmTile.text_height(self.ctx, lines)
        for i, tile in enumerate(self.tiles):
            row, col = divmod(i, cols)
            tile.set_title_lines(lines)
            tile.setGeometry(col * (tile_w + gutter), row * (tile_h + gutter), tile_w, tile_h)
            tile.update()
        rows = math.ceil(len(self.tiles) / cols) if self.tiles else 0
        height = rows * tile_h + max(0, rows - 1) * gutter + m.bezel
        self.grid.resize(width, max(height, self.scroll.viewport().height()))

    def eventFilter(self, obj, event) -> bool:
        if obj is self.scroll.viewport() and event.type() == event.Type.Resize:
            self._layout_grid()
        return super().eventFilter(obj, event)


# --------------------------------------------------------------------------- player widgets


class _Faded:
    """A widget that paints with the player's control opacity."""

    opacity = 1.0


class NightButton(PressableMixin, QWidget, _Faded):
    """A large button for night screens: line icon and label in paper on lifted night."""

    def __init__(
        self,
        ctx: Context,
        text: Callable[[], str],
        *,
        icon: str | None = None,
        accent: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.clicked = Hook()
        self.ctx, self._text, self.icon, self.accent = ctx, text, icon, accent
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.refresh()

    def text(self) -> str:
        return self._text()

    def refresh(self) -> None:
        m = self.ctx.m
        self.setFont(m.label())
        text_w = QFontMetrics(self.font()).horizontalAdvance(self._text())
        icon_w = m.px(48) if self.icon else 0
        w = max(m.px(120), text_w + icon_w + m.px(64))
        self.setFixedSize(w, m.touch_min)
        # Shaped to its rounded outline, so the film shows around it when it lies over the video.
        path = QPainterPath()
        path.addRoundedRect(QRectF(0, 0, w, m.touch_min), m.radius, m.radius)
        self.setMask(QRegion(path.toFillPolygon().toPolygon()))
        self.update()

    def paintEvent(self, event) -> None:
        m = self.ctx.m
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), theme.NIGHT)
        p.setOpacity(self.opacity)
        r = QRectF(self.rect())
        path = QPainterPath()
        path.addRoundedRect(r, m.radius, m.radius)
        p.fillPath(path, theme.SEAL if self.accent else _LIFT)
        if self.pressed_down:
            p.fillPath(path, QColor(0, 0, 0, 40))
        x = r.left() + m.px(28)
        if self.icon:
            box = QRectF(x, r.center().y() - m.px(16), m.px(32), m.px(32))
            draw_icon(p, self.icon, box, _ON_NIGHT, max(2, m.px(3)))
            x += m.px(48)
        p.setPen(_ON_NIGHT)
        p.setFont(self.font())
        if self.icon:
            text_rect = QRectF(x, r.top(), r.right() - x - m.px(16), r.height())
            align = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
        else:
            text_rect, align = r, Qt.AlignmentFlag.AlignCenter
        p.drawText(text_rect, int(align), self._text())

    def activate(self) -> None:
        self.clicked()


class PlayPauseButton(PressableMixin, QWidget, _Faded):
    """A round paper button with a play or pause line icon."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clicked = Hook()
        self.ctx = ctx
        self.icon = "pause"
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def set_icon(self, icon: str) -> None:
        if icon != self.icon:
            self.icon = icon
            self.update()

    def paintEvent(self, event) -> None:
        m = self.ctx.m
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setOpacity(self.opacity)
        d = min(self.width(), self.height()) - 2
        disc = QRectF((self.width() - d) / 2, (self.height() - d) / 2, d, d)
        path = QPainterPath()
        path.addEllipse(disc)
        p.fillPath(path, theme.PAPER)
        if self.pressed_down:
            p.fillPath(path, QColor(0, 0, 0, 24))
        inner = disc.adjusted(d * 0.28, d * 0.28, -d * 0.28, -d * 0.28)
        if self.icon == "play":
            inner.translate(d * 0.03, 0)
        draw_icon(p, self.icon, inner, theme.INK, max(2, m.px(3)))

    def activate(self) -> None:
        self.clicked()


class SeekBar(QWidget, _Faded):
    """A track to drag with a finger: press anywhere to grab the (big) handle there."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scrubbing = Hook()  # (seconds under the finger) while dragging
        self.seek_requested = Hook()  # (seconds) on release
        self.grabbed = Hook()
        self.ctx = ctx
        self.value = 0.0
        self.duration = 0.0
        self.dragging = False
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def set_range(self, duration: float) -> None:
        self.duration = max(0.0, duration)
        self.update()

    def set_value(self, seconds: float) -> None:
        if not self.dragging:
            self.value = max(0.0, seconds)
            self.update()

    def _track(self) -> tuple[float, float]:
        pad = self.ctx.m.px(28)  # half the handle, so it stays inside at both ends
        return pad, self.width() - pad

    def _seconds_at(self, x: float) -> float:
        left, right = self._track()
        if right <= left or self.duration <= 0:
            return 0.0
        return (min(max(x, left), right) - left) / (right - left) * self.duration

    def paintEvent(self, event) -> None:
        m = self.ctx.m
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setOpacity(self.opacity)
        left, right = self._track()
        cy = self.height() / 2
        th = m.px(6)
        frac = min(1.0, self.value / self.duration) if self.duration > 0 else 0.0
        x = left + (right - left) * frac
        track = QRectF(left, cy - th / 2, right - left, th)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(_TRACK)
        p.drawRoundedRect(track, th / 2, th / 2)
        p.setBrush(theme.SEAL)
        p.drawRoundedRect(QRectF(left, cy - th / 2, x - left, th), th / 2, th / 2)
        r = m.px(26 if self.dragging else 20)
        p.setBrush(theme.PAPER)
        p.drawEllipse(QPointF(x, cy), r, r)

    def mousePressEvent(self, event) -> None:
        self.dragging = True
        self.grabbed()
        self._drag_to(event.position().x())

    def mouseMoveEvent(self, event) -> None:
        if self.dragging:
            self._drag_to(event.position().x())

    def mouseReleaseEvent(self, event) -> None:
        if not self.dragging:
            return
        self._drag_to(event.position().x())
        self.dragging = False
        self.update()
        self.seek_requested(self.value)

    def _drag_to(self, x: float) -> None:
        self.value = self._seconds_at(x)
        self.update()
        self.scrubbing(self.value)


class ControlBar(QWidget, _Faded):
    """Play/pause, elapsed time, the seek bar and the total time, in one row."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.play_pause = PlayPauseButton(ctx, self)
        self.seek = SeekBar(ctx, self)
        self.elapsed = 0.0
        self.total = 0.0
        self.seek.scrubbing.connect(self._show_elapsed)

    def _show_elapsed(self, seconds: float) -> None:
        self.elapsed = seconds
        self.update()

    def set_times(self, elapsed: float, total: float) -> None:
        self.elapsed, self.total = elapsed, total
        self.seek.set_range(total)
        self.seek.set_value(elapsed)
        self.update()

    def _time_width(self) -> int:
        sample = "8:88:88" if self.total >= 3600 else "88:88"
        return QFontMetrics(self.ctx.m.label()).horizontalAdvance(sample) + self.ctx.m.px(8)

    def resizeEvent(self, event) -> None:
        self.relayout()

    def relayout(self) -> None:
        m = self.ctx.m
        h = self.height()
        d = m.touch_min
        self.play_pause.setGeometry(0, (h - d) // 2, d, d)
        tw = self._time_width()
        x = d + m.gutter + tw + m.px(12)
        self.seek.setGeometry(x, 0, max(0, self.width() - x - tw - m.px(12)), h)
        self.update()

    def paintEvent(self, event) -> None:
        m = self.ctx.m
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        p.setOpacity(self.opacity)
        font = m.label()
        p.setFont(font)
        tw = self._time_width()
        left = QRectF(m.touch_min + m.gutter, 0, tw, self.height())
        right = QRectF(self.width() - tw, 0, tw, self.height())
        p.setPen(_ON_NIGHT)
        p.drawText(
            left,
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
            clock(self.elapsed),
        )
        p.setPen(_ON_NIGHT_SOFT)
        p.drawText(
            right,
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight),
            clock(self.total),
        )

    def mousePressEvent(self, event) -> None:
        event.accept()  # a tap between the controls keeps them; it does not hide them

    def set_opacity(self, value: float) -> None:
        for w in (self, self.play_pause, self.seek):
            w.opacity = value
            w.update()


class FilmCard(QWidget):
    """What stands in the film's place when it is not playing: the end card, or a calm notice."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.heading = ""
        self.message = ""
        self.replay = NightButton(
            ctx, lambda: ctx.tr("replay"), icon="replay", accent=True, parent=self
        )
        self.back = NightButton(ctx, lambda: ctx.tr("back"), icon="back", parent=self)

    def show_card(self, heading: str, message: str, *, replay: bool) -> None:
        self.heading, self.message = heading, message
        self.replay.setVisible(replay)
        self.back.setVisible(replay)  # otherwise the screen's own back button is enough
        self.relayout()
        self.show()
        self.update()

    def refresh(self) -> None:
        self.replay.refresh()
        self.back.refresh()
        self.relayout()

    def _fonts(self) -> tuple[QFont, QFont]:
        m = self.ctx.m
        message = m.font("serif", 40 if m.large else 32)
        if has_cjk(self.heading):
            return m.display(84 if m.large else 72), message
        return m.font("serif", 64 if m.large else 56), message  # Kai faces set Latin poorly

    def _blocks(self) -> tuple[list[str], list[str], int]:
        m = self.ctx.m
        width = min(self.width() - 2 * m.margin, m.px(1400))
        head_font, msg_font = self._fonts()
        return (
            wrap_lines(self.heading, head_font, width, 2),
            wrap_lines(self.message, msg_font, width, 3),
            width,
        )

    def _content_height(self) -> int:
        m = self.ctx.m
        head_font, msg_font = self._fonts()
        head, msg, _ = self._blocks()
        return (
            len(head) * QFontMetrics(head_font).lineSpacing()
            + (m.px(44) if head else 0)
            + len(msg) * round(QFontMetrics(msg_font).lineSpacing() * 1.3)
            + (m.px(64) + m.touch_min if self._buttons() else 0)
        )

    def _buttons(self) -> list[NightButton]:
        return [b for b in (self.replay, self.back) if not b.isHidden()]

    def relayout(self) -> None:
        m = self.ctx.m
        top = (self.height() - self._content_height()) // 2
        y = top + self._content_height() - m.touch_min
        buttons = self._buttons()
        total = sum(b.width() for b in buttons) + m.px(32) * (len(buttons) - 1)
        x = (self.width() - total) // 2
        for b in buttons:
            b.move(x, y)
            x += b.width() + m.px(32)

    def resizeEvent(self, event) -> None:
        self.relayout()

    def paintEvent(self, event) -> None:
        m = self.ctx.m
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        head_font, msg_font = self._fonts()
        head, msg, width = self._blocks()
        x = (self.width() - width) / 2
        y = (self.height() - self._content_height()) / 2
        center = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter)
        p.setFont(head_font)
        p.setPen(_ON_NIGHT)
        lh = QFontMetrics(head_font).lineSpacing()
        for line in head:
            p.drawText(QRectF(x, y, width, lh), center, line)
            y += lh
        if head:
            # A short seal-red rule between the title and the sentence.
            y += m.px(18)
            rule = QRectF(self.width() / 2 - m.px(28), y, m.px(56), max(2, m.px(3)))
            p.fillRect(rule, theme.SEAL)
            y += m.px(26)
        p.setFont(msg_font)
        p.setPen(_ON_NIGHT_SOFT)
        lh = round(QFontMetrics(msg_font).lineSpacing() * 1.3)
        for line in msg:
            p.drawText(QRectF(x, y, width, lh), center, line)
            y += lh

    def mousePressEvent(self, event) -> None:
        event.accept()  # a tap on the card is not a tap on the film


# --------------------------------------------------------------------------- player screen


class FilmPlayerScreen(Screen):
    """One film, full screen on night, with large controls that fade while it plays."""

    name = "film"

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        pal = self.palette()
        pal.setColor(self.backgroundRole(), theme.NIGHT)
        pal.setColor(self.foregroundRole(), theme.PAPER)
        self.setPalette(pal)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.work: Work | None = None
        self.mode = "idle"  # idle | playing | ended | failed | unavailable | missing
        self.surface: Any = None  # kiosk.playback.VideoSurface, made with the player
        self.player: Any = None  # kiosk.playback.FilmPlayer, made once and reused
        self._showing: Any = None
        self._film_rect = QRect()
        self._title_rect = QRect()
        self.controls_opacity = 0.0
        self.controls_shown = False

        self.controls = ControlBar(ctx, self)
        self.controls.play_pause.clicked.connect(self.toggle_pause)
        self.controls.seek.grabbed.connect(self._hold_controls)
        self.controls.seek.seek_requested.connect(self.seek)
        self.card = FilmCard(ctx, self)
        self.card.hide()
        self.card.replay.clicked.connect(self.replay)
        self.card.back.clicked.connect(self.go_back)
        self.back_button = NightButton(ctx, lambda: ctx.tr("back"), icon="back", parent=self)
        self.back_button.clicked.connect(self.go_back)

        self._hide_timer = QTimer(self)
        self._hide_timer.setSingleShot(True)
        self._hide_timer.setInterval(CONTROLS_HIDE_MS)
        self._hide_timer.timeout.connect(self.fade_controls)
        self._fade = QVariantAnimation(self)
        self._fade.setEasingCurve(QEasingCurve.Type.InOutQuad)
        self._fade.valueChanged.connect(self._set_opacity)
        self._fade.finished.connect(self._fade_finished)
        self._set_opacity(0.0)
        self._set_controls_visible(False)

    # -- the player (made once, on first use) ---------------------------------------------------

    def _ensure_player(self) -> bool:
        if self.player is not None:
            return True
        if self.ctx.films is None:
            return False
        from kiosk.playback import FilmPlayer, VideoSurface

        self.surface = VideoSurface(self)
        self.surface.hide()
        self.player = FilmPlayer(self.ctx.films, self.surface, self)
        self.player.started.connect(self._on_started)
        self.player.position.connect(self._on_position)
        self.player.ended.connect(self._on_ended)
        self.player.failed.connect(self._on_failed)
        self.player.state_changed.connect(self._on_state)
        # The back button floats over the film (both native windows): keep it on top.
        self.back_button.setAttribute(Qt.WidgetAttribute.WA_NativeWindow)
        self.back_button.raise_()
        self._relayout()
        return True

    @property
    def playing(self) -> bool:
        """True while a film is on (playing or paused): the idle reset should wait."""
        return self.mode == "playing"

    # -- screen life ----------------------------------------------------------------------------

    def enter(self, key: str | None = None, **args: Any) -> None:
        self._stop_film()
        item = self.ctx.library.item(key) if key else None
        self.work = self.ctx.library.work(item) if item else None
        if self.work is None or self.work.original is None:
            log.warning("film %r is not in the catalogue (or has no file)", key)
            self._show_card("missing")
            return
        if not self._ensure_player():
            log.warning("film %s cannot play: %s", key, self.ctx.films_problem)
            self._show_card("unavailable")
            return
        self._play()

    def leave(self) -> None:
        self._stop_film()
        self._hide_timer.stop()

    def busy(self) -> bool:
        """A film running holds off the idle reset; a paused one does not."""
        return self.playing and self.player is not None and self.player.state == "playing"

    def reset(self) -> None:
        self.leave()
        self.work = None
        self.mode = "idle"
        self.card.hide()
        self._set_controls_visible(False)
        self._set_opacity(0.0)

    def retranslate(self) -> None:
        self.back_button.refresh()
        self.card.refresh()
        if self.mode in ("ended", "failed", "unavailable", "missing"):
            self._show_card(self.mode)
        self._relayout()
        self.update()

    # -- transport -----------------------------------------------------------------------------

    def _play(self) -> None:
        work = self.work
        assert work is not None and self.player is not None
        self.mode = "playing"
        self.card.hide()
        self.surface.show()
        self._relayout()
        self.controls.set_times(0.0, work.duration_s or 0.0)
        self.controls.play_pause.set_icon("pause")
        self.player.set_volume(self.ctx.settings.playback.volume)
        self.player.load(work.original, subtitles=work.subtitles, expected_duration=work.duration_s)
        self.player.play()
        self._begin()
        self.show_controls()

    def toggle_pause(self) -> None:
        from kiosk.playback import PlayerState

        if self.player is None:
            return
        if self.player.state == PlayerState.PLAYING:
            self.player.pause()
        elif self.player.state == PlayerState.PAUSED:
            self.player.resume()
        self.show_controls()

    def seek(self, seconds: float) -> None:
        if self.player is None or self.mode != "playing":
            return
        self.player.seek(seconds)
        self.controls.set_times(seconds, self._total())
        self.show_controls()

    def replay(self) -> None:
        if self.work is not None and self._ensure_player():
            self._play()

    def go_back(self) -> None:
        self._stop_film()
        self.ctx.nav.back()

    def _stop_film(self) -> None:
        if self.player is not None:
            self.player.stop()  # a started film reports ended(False): recorded as skipped
        self._finish("skipped")
        if self.surface is not None:
            self.surface.hide()
        if self.mode == "playing":
            self.mode = "idle"

    def _total(self) -> float:
        if self.work is not None and self.work.duration_s:
            return float(self.work.duration_s)
        return self.player.duration() if self.player is not None else 0.0

    # -- player signals --------------------------------------------------------------------------

    def _begin(self) -> None:
        if self._showing is None and self.ctx.records is not None and self.work is not None:
            self._showing = self.ctx.records.begin(self.work.item, "visitor")

    def _on_started(self) -> None:
        self.controls.set_times(self.player.elapsed(), self._total())

    def _on_position(self, seconds: float) -> None:
        self.controls.set_times(seconds, self._total())

    def _on_state(self, state: str) -> None:
        self.controls.play_pause.set_icon("play" if state == "paused" else "pause")
        if state == "paused":
            self._hide_timer.stop()
            self.show_controls()

    def _on_ended(self, completed: bool, reason: str) -> None:
        if not completed:
            self._finish("skipped")
            return
        self._finish("completed")
        self.controls.set_times(self._total(), self._total())
        self._show_card("ended")

    def _on_failed(self, reason: str) -> None:
        self._begin()
        self._finish("failed", reason)
        self._show_card("failed")

    def _finish(self, outcome: str, reason: str | None = None) -> None:
        showing, self._showing = self._showing, None
        if showing is not None and self.ctx.records is not None:
            self.ctx.records.end(showing, outcome, reason)

    def _show_card(self, mode: str) -> None:
        self.mode = mode
        if self.surface is not None:
            self.surface.hide()
        self._hide_timer.stop()
        self._fade.stop()
        self._set_controls_visible(False)
        self.back_button.show()
        self.back_button.opacity = 1.0
        self.back_button.update()
        title = field(self.work.item, "title", self.ctx.lang) if self.work is not None else ""
        message = {
            "ended": "film_ended",
            "failed": "film_failed",
            "unavailable": "films_unavailable",
            "missing": "film_missing",
        }[mode]
        self.card.show_card(title, self.ctx.tr(message), replay=mode == "ended")
        self._relayout()

    # -- controls: show on tap, fade when left alone --------------------------------------------

    def show_controls(self) -> None:
        if self.mode != "playing":
            return
        self.controls_shown = True
        self._set_controls_visible(True)
        self._animate_to(1.0, CONTROLS_FADE_IN_MS)
        self._arm_hide()

    def fade_controls(self) -> None:
        if self.mode != "playing" or self.controls.seek.dragging:
            return
        self.controls_shown = False
        self._hide_timer.stop()
        self._animate_to(0.0, CONTROLS_FADE_OUT_MS)

    def _arm_hide(self) -> None:
        from kiosk.playback import PlayerState

        if self.player is not None and self.player.state == PlayerState.PAUSED:
            self._hide_timer.stop()  # paused: the controls stay until the visitor acts
        else:
            self._hide_timer.start()

    def _hold_controls(self) -> None:
        self._hide_timer.stop()
        self.show_controls()
        self._hide_timer.stop()

    def _animate_to(self, target: float, ms: int) -> None:
        self._fade.stop()
        if abs(self.controls_opacity - target) < 1e-3:
            self._set_opacity(target)
            self._fade_finished()
            return
        self._fade.setStartValue(self.controls_opacity)
        self._fade.setEndValue(target)
        self._fade.setDuration(int(ms * abs(self.controls_opacity - target)) or 1)
        self._fade.start()

    def _set_opacity(self, value: float) -> None:
        self.controls_opacity = float(value)
        self.controls.set_opacity(self.controls_opacity)
        if self.mode == "playing":
            self.back_button.opacity = self.controls_opacity
            self.back_button.update()
        if not self._title_rect.isEmpty():
            self.update(self._title_rect)

    def _fade_finished(self) -> None:
        if self.controls_opacity <= 0.0 and self.mode == "playing":
            self._set_controls_visible(False)

    def _set_controls_visible(self, visible: bool) -> None:
        self.controls.setVisible(visible and self.mode == "playing")
        self.back_button.setVisible(visible or self.mode != "playing")

    def mousePressEvent(self, event) -> None:
        # Taps on the film arrive here too (the surface passes them on).
        if self.mode != "playing":
            return
        if self.controls_shown and self.controls.isVisible():
            self.fade_controls()
        else:
            self.show_controls()

    # -- layout ----------------------------------------------------------------------------------

    def resizeEvent(self, event) -> None:
        self._relayout()

    def _relayout(self) -> None:
        m = self.ctx.m
        w, h = self.width(), self.height()
        side = m.margin // 2 + m.bezel // 2
        row = m.touch_min
        bottom_zone = m.bezel + row + m.gutter
        aspect = 16 / 9
        if self.work is not None and self.work.width and self.work.height:
            aspect = self.work.width / self.work.height
        fw = min(w, (h - bottom_zone) * aspect)
        fh = fw / aspect
        fx = (w - fw) / 2
        fy = min((h - fh) / 2, h - bottom_zone - fh)
        self._film_rect = QRect(round(fx), round(max(0.0, fy)), round(fw), round(fh))
        if self.surface is not None:
            self.surface.setGeometry(self._film_rect)
        cx0 = max(self._film_rect.left(), side)
        cx1 = min(self._film_rect.right() + 1, w - side)
        self.controls.setGeometry(cx0, self._film_rect.bottom() + 1 + m.gutter, cx1 - cx0, row)
        self.controls.relayout()
        self.back_button.refresh()
        self.back_button.move(side, m.bezel)
        self.back_button.raise_()
        # The film's title beside the back button, where the film leaves room for it.
        tx = side + self.back_button.width() + m.gutter
        if self._film_rect.top() >= m.bezel + row + m.gutter:
            self._title_rect = QRect(tx, m.bezel, w - side - tx, row)
        else:
            self._title_rect = QRect()
        self.card.setGeometry(0, 0, w, h)
        self.card.lower()
        self.update()

    def paintEvent(self, event) -> None:
        if self._title_rect.isEmpty() or self.work is None or self.mode != "playing":
            return
        m = self.ctx.m
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        p.setOpacity(self.controls_opacity)
        font = m.font("serif", 44 if not m.large else 50, bold=True)
        p.setFont(font)
        p.setPen(_ON_NIGHT)
        title = field(self.work.item, "title", self.ctx.lang)
        text = QFontMetrics(font).elidedText(
            title, Qt.TextElideMode.ElideRight, self._title_rect.width()
        )
        p.drawText(
            self._title_rect, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), text
        )
