"""What every screen shares: the context passed in and the screen base classes.

Dependencies reach screens through one ``Context`` given to their constructor
(no globals).  A screen is shown with ``ctx.nav.go(name, **args)``; the
window keeps the back stack and calls ``enter(**args)`` / ``leave()``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.catalog.library import Library
from kiosk.settings import Settings
from kiosk.strings import tr, trn
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.buttons import Button
from kiosk.ui.widgets.images import ImageLoader
from kiosk.ui.widgets.text import fit_font


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
    films_off: str = "films_unavailable"  # the strings key telling visitors why films are off

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


class VisitorShowing:
    """An item shown to a visitor on a screen, recorded once (kiosk.records): begun when it
    is shown, ended once with how it ended; nothing when the kiosk keeps no records."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self._showing: Any = None

    @property
    def active(self) -> bool:
        return self._showing is not None

    def begin(self, item: dict[str, Any] | None) -> None:
        """Record ``item`` as shown from now (unless a showing is open already)."""
        if self._showing is None and item is not None and self.ctx.records is not None:
            self._showing = self.ctx.records.begin(item, "visitor")

    def end(self, outcome: str = "completed", reason: str | None = None) -> None:
        showing, self._showing = self._showing, None
        if showing is not None and self.ctx.records is not None:
            self.ctx.records.end(showing, outcome, reason)


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
