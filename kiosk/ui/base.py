"""What every screen shares: the context passed in, the screen base class, common widgets.

Dependencies reach screens through one ``Context`` given to their constructor
(no globals).  A screen is shown with ``ctx.nav.go(name, **args)``; the
window keeps the back stack and calls ``enter(**args)`` / ``leave()``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import QObject, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from kiosk.catalog.library import Library
from kiosk.settings import Settings
from kiosk.ui import theme
from kiosk.ui.images import ImageLoader
from kiosk.ui.strings import tr, trn
from kiosk.ui.text import fit_font


class Navigator(Protocol):
    def go(self, screen: str, **args: Any) -> None: ...
    def back(self) -> None: ...
    def home(self) -> None: ...


class Visit(QObject):
    """The visitor's choices that every screen follows: language and text size."""

    changed = Signal()

    def __init__(self, lang: str, metrics: theme.Metrics) -> None:
        super().__init__()
        self.lang = lang
        self.metrics = metrics

    def set_lang(self, lang: str) -> None:
        if lang != self.lang:
            self.lang = lang
            self.changed.emit()

    def toggle_lang(self) -> None:
        self.set_lang("en" if self.lang == "zh" else "zh")

    def set_large(self, large: bool) -> None:
        if large != self.metrics.large:
            self.metrics = theme.Metrics(self.metrics.scale, large)
            self.changed.emit()

    def set_scale(self, scale: float) -> None:
        if scale != self.metrics.scale:
            self.metrics = theme.Metrics(scale, self.metrics.large)
            self.changed.emit()


@dataclass
class Context:
    library: Library
    settings: Settings
    visit: Visit
    images: ImageLoader
    nav: Navigator
    films: Any = None  # kiosk.playback engine, or None when films cannot play
    films_problem: str | None = None
    records: Any = None  # kiosk.records.Recorder
    stopping: bool = False  # the kiosk is shutting down (not a visitor's doing)
    fonts_problem: str | None = None  # no Chinese font installed

    @property
    def lang(self) -> str:
        return self.visit.lang

    @property
    def m(self) -> theme.Metrics:
        return self.visit.metrics

    def tr(self, key: str) -> str:
        return tr(key, self.visit.lang)

    def trn(self, key: str, n: int) -> str:
        return trn(key, self.visit.lang, n)


class Screen(QWidget):
    """A full-window screen. Subclasses set ``name`` and build themselves in ``build()``."""

    name = "screen"

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setAutoFillBackground(True)
        pal = self.palette()
        pal.setColor(self.backgroundRole(), theme.PAPER)
        pal.setColor(self.foregroundRole(), theme.INK)
        self.setPalette(pal)
        ctx.visit.changed.connect(self.retranslate)

    def enter(self, **args: Any) -> None:
        """Shown (again) with these arguments."""

    def leave(self) -> None:
        """About to be hidden: stop anything that plays."""

    def retranslate(self) -> None:
        """Language or text size changed: relabel and re-layout."""

    def reset(self) -> None:
        """Idle reset: forget the visitor's zoom, scroll and selections."""

    def snapshot(self) -> dict[str, Any]:
        """What to put back when the visitor returns here with back (e.g. scroll position)."""
        return {}

    def restore(self, state: dict[str, Any]) -> None:
        """Put back what ``snapshot()`` saved; called after ``enter()``."""

    def prewarm(self) -> None:
        """Read what the first visit will need (called once, while the loop runs)."""

    def busy(self) -> bool:
        """True while the screen holds the visitor's attention untouched (a film playing):
        the idle reset waits."""
        return False


class PressableMixin:
    """A painted control that darkens 6 % while pressed (touch feedback within one frame)
    and calls ``activate()`` when released over itself. List it before QWidget."""

    pressed_down = False

    def activate(self) -> None:
        raise NotImplementedError

    def mousePressEvent(self, event) -> None:
        self.pressed_down = True
        self.update()

    def mouseReleaseEvent(self, event) -> None:
        was, self.pressed_down = self.pressed_down, False
        self.update()
        if was and self.rect().contains(event.position().toPoint()):
            self.activate()

    def _press_overlay(self, painter: QPainter, path: QPainterPath) -> None:
        if self.pressed_down:
            painter.fillPath(path, QColor(0, 0, 0, 16))

    def _outline(self, radius: float) -> tuple[QPainter, QRectF, QPainterPath]:
        """For ``paintEvent``: an antialiased painter, the rect inset 1 px, its rounded outline."""
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        path = QPainterPath()
        path.addRoundedRect(r, radius, radius)
        return p, r, path


class Button(PressableMixin, QWidget):
    """A large, calm text button with an optional line icon drawn in code."""

    clicked = Signal()

    def __init__(
        self,
        ctx: Context,
        text: Callable[[], str],
        *,
        icon: str | None = None,
        accent: bool = False,
        min_size: QSize | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self._text, self.icon, self.accent = ctx, text, icon, accent
        self._min = min_size or QSize(120, 96)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.refresh()

    def refresh(self) -> None:
        m = self.ctx.m
        self.setFont(m.label(self.ctx.lang))
        fm_w = self.fontMetrics().horizontalAdvance(self._text())
        icon_w = m.px(40) if self.icon else 0
        w = max(m.px(self._min.width()), fm_w + icon_w + m.px(56))
        self.setFixedSize(w, max(m.px(self._min.height()), m.touch_min))
        self.update()

    def paintEvent(self, event) -> None:
        m = self.ctx.m
        p, r, path = self._outline(m.radius)
        p.fillPath(path, theme.SEAL if self.accent else theme.PAPER_DEEP)
        self._press_overlay(p, path)
        fg = theme.PAPER if self.accent else theme.INK
        x = r.left() + m.px(24)
        if self.icon:
            pen = QPen(
                fg,
                max(2, m.px(3)),
                Qt.PenStyle.SolidLine,
                Qt.PenCapStyle.RoundCap,
                Qt.PenJoinStyle.RoundJoin,
            )
            p.setPen(pen)
            cy, s = r.center().y(), m.px(14)
            if self.icon == "back":
                p.drawLine(int(x), int(cy), int(x + 2 * s), int(cy))
                p.drawLine(int(x), int(cy), int(x + s), int(cy - s))
                p.drawLine(int(x), int(cy), int(x + s), int(cy + s))
            x += m.px(40)
        p.setPen(fg)
        p.setFont(self.font())
        text_rect = QRectF(x, r.top(), r.right() - x - m.px(16), r.height())
        align = Qt.AlignmentFlag.AlignVCenter | (
            Qt.AlignmentFlag.AlignLeft if self.icon else Qt.AlignmentFlag.AlignHCenter
        )
        if not self.icon:
            text_rect = r
        p.drawText(text_rect, int(align), self._text())

    def activate(self) -> None:
        self.clicked.emit()


class InnerScreen(Screen):
    """A screen with the standard header: back button, title, language toggle."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.back_button = Button(ctx, lambda: ctx.tr("back"), icon="back")
        self.back_button.clicked.connect(ctx.nav.back)
        self.title_label = QLabel()
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.lang_button = Button(ctx, lambda: ctx.tr("language"), min_size=QSize(120, 96))
        self.lang_button.clicked.connect(ctx.visit.toggle_lang)
        self.large_button = Button(
            ctx,
            lambda: ctx.tr("normal_text" if ctx.m.large else "large_text"),
            min_size=QSize(120, 96),
        )
        self.large_button.clicked.connect(lambda: ctx.visit.set_large(not ctx.m.large))
        header = QHBoxLayout()
        header.addWidget(self.back_button)
        header.addWidget(self.title_label, 1)
        header.addWidget(self.large_button)
        header.addWidget(self.lang_button)
        self.body = QVBoxLayout()
        outer = QVBoxLayout(self)
        outer.addLayout(header)
        outer.addLayout(self.body, 1)
        self._outer, self._header = outer, header
        self._relayout()

    def title(self) -> str:
        return ""

    def _relayout(self) -> None:
        m = self.ctx.m
        self._outer.setContentsMargins(
            m.margin // 2 + m.bezel // 2, m.bezel, m.margin // 2 + m.bezel // 2, m.bezel
        )
        self._outer.setSpacing(m.gutter)
        self._header.setSpacing(m.gutter)
        self.title_label.setText(self.title())
        for b in (self.back_button, self.lang_button, self.large_button):
            b.refresh()
        self._fit_title()  # after the buttons: their labels changed width

    def _fit_title(self) -> None:
        """The screen title at heading size, smaller where a long English title must fit."""
        m = self.ctx.m
        buttons = sum(b.width() for b in (self.back_button, self.lang_button, self.large_button))
        room = self.width() - buttons - 4 * m.gutter - m.margin - m.bezel
        font = m.heading(self.ctx.lang)
        if room > 0:
            font = fit_font(font, self.title(), room, 0.5)
            # Still too long at half size: end it with an ellipsis rather than clip it.
            elided = QFontMetrics(font).elidedText(self.title(), Qt.TextElideMode.ElideRight, room)
            self.title_label.setText(elided)
        self.title_label.setFont(font)

    def resizeEvent(self, event) -> None:
        self._fit_title()
        super().resizeEvent(event)

    def retranslate(self) -> None:
        self._relayout()


def rounded_pixmap(pixmap: QPixmap, size: QSize, radius: int, *, cover: bool = True) -> QPixmap:
    """``pixmap`` fitted (or cropped to cover) into ``size`` with rounded corners, on paper."""
    out = QPixmap(size)
    out.fill(Qt.GlobalColor.transparent)
    p = QPainter(out)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    path = QPainterPath()
    path.addRoundedRect(QRectF(0, 0, size.width(), size.height()), radius, radius)
    p.setClipPath(path)
    p.fillRect(out.rect(), theme.PAPER_DEEP)
    mode = (
        Qt.AspectRatioMode.KeepAspectRatioByExpanding
        if cover
        else Qt.AspectRatioMode.KeepAspectRatio
    )
    scaled = pixmap.scaled(size, mode, Qt.TransformationMode.SmoothTransformation)
    p.drawPixmap(
        (size.width() - scaled.width()) // 2, (size.height() - scaled.height()) // 2, scaled
    )
    p.end()
    return out
