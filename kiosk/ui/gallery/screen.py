"""The galleries: calligraphy, posters and photos — a grid of works, then one work to explore.

``GalleryScreen`` ("gallery") is entered with ``kind`` ("calligraphy",
"poster", "photo") and optionally ``key``.  It has two levels of its own:

- the **grid** (``grid.py``): every work of the kind as a card, flicked
  with a finger;
- the **work** (``work.py``): the chosen work in a ``ZoomView`` (pinch,
  double-tap and wheel zoom down to the scan's full detail), a bar beneath it
  with previous / next, the title and a hint, and a button (or a tap on the
  work) that opens the text panel (``caption.py``).  A swipe at fit, or
  previous / next, slides to the neighbouring work.

Back: from a work opened from the grid, back closes it to the grid; from the
grid (or from a work opened directly with ``key``, e.g. from a linked page)
back leaves the screen through ``ctx.nav.back()``.

Proof of play: a work the visitor opens is recorded as a "visitor" showing,
ended "completed" when they close it, move to another work or leave.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QScroller,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.catalog.library import Work
from kiosk.strings import field
from kiosk.ui.gallery.caption import CaptionPanel
from kiosk.ui.gallery.grid import WorkGrid, WorksModel
from kiosk.ui.gallery.work import NavButton, WorkPage
from kiosk.ui.gallery.zoom import ZoomView
from kiosk.ui.screen import Context, InnerScreen, VisitorShowing
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.buttons import Button

#: Title of the screen for each kind (strings.py keys).
TITLES = {"calligraphy": "calligraphy", "poster": "posters", "photo": "photos"}


class GalleryScreen(InnerScreen):
    """Works of one kind: the grid, and one work to explore (see the module docstring)."""

    name = "gallery"

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.kind = "calligraphy"
        self.model = WorksModel()
        self.index: int | None = None  # the open work
        self.direct = False  # opened with a key: back leaves the screen
        self.showing = VisitorShowing(ctx)
        self._keys: list[str] | None = None
        # grid
        self.grid = WorkGrid(ctx, self.model)
        self.grid.clicked.connect(lambda index: self.open_work(index.row()))
        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        grid_page = QWidget()
        grid_layout = QVBoxLayout(grid_page)
        grid_layout.setContentsMargins(0, 0, 0, 0)
        grid_layout.addWidget(self.grid, 1)
        grid_layout.addWidget(self.empty_label, 1)
        # work
        self.loader = ctx.images  # the pictures of the grid and of the zoom view share it
        self.zoom = ZoomView(self.loader)
        self.zoom.tapped.connect(lambda _pos: self.toggle_caption())
        self.zoom.swipeRequested.connect(self.step)
        self.caption = CaptionPanel(ctx)
        self.work_page = WorkPage(ctx, self.zoom, self.caption)
        self.prev_button = NavButton(ctx, lambda: ctx.tr("gallery_prev"), -1)
        self.next_button = NavButton(ctx, lambda: ctx.tr("gallery_next"), +1)
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(+1))
        self.about_button = Button(
            ctx,
            lambda: ctx.tr("gallery_hide_about" if self.caption_open() else "gallery_about"),
            min_size=QSize(180, 96),
        )
        self.about_button.clicked.connect(self.toggle_caption)
        self.work_title = QLabel()
        self.work_title.setTextFormat(Qt.TextFormat.PlainText)
        self.work_line = QLabel()
        self.work_line.setTextFormat(Qt.TextFormat.PlainText)
        for label in (self.work_title, self.work_line):  # elided to the room they get
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        middle = QVBoxLayout()
        middle.setSpacing(0)
        middle.addStretch(1)
        middle.addWidget(self.work_title)
        middle.addWidget(self.work_line)
        middle.addStretch(1)
        self.bar = QHBoxLayout()
        self.bar.addWidget(self.prev_button)
        self.bar.addLayout(middle, 1)
        self.bar.addWidget(self.about_button)
        self.bar.addWidget(self.next_button)
        work_outer = QWidget()
        work_layout = QVBoxLayout(work_outer)
        work_layout.setContentsMargins(0, 0, 0, 0)
        work_layout.addWidget(self.work_page, 1)
        work_layout.addLayout(self.bar)
        self._work_layout = work_layout
        self.pages = QStackedWidget()
        self.pages.addWidget(grid_page)
        self.pages.addWidget(work_outer)
        self.grid_page, self.work_outer = grid_page, work_outer
        self.body.addWidget(self.pages, 1)
        self.back_button.clicked.disconnect()
        self.back_button.clicked.connect(self.go_back)
        self.work_title.installEventFilter(self)
        self._restyle()

    # ---------------------------------------------------------------- life
    def title(self) -> str:
        kind = getattr(self, "kind", "calligraphy")
        return self.ctx.tr(TITLES.get(kind, "calligraphy"))

    def enter(self, kind: str = "calligraphy", key: str | None = None, **args: Any) -> None:
        works = self.ctx.library.works([kind])
        keys = [w.key for w in works]
        if kind != self.kind or keys != self._keys:
            self._close(record=True)
            self.kind, self._keys = kind, keys
            self.grid.delegate.forget()
            self.model.set_works(works)
            self.grid.scrollToTop()
            self.title_label.setText(self.title())
        self.empty_label.setVisible(not works)
        self.grid.setVisible(bool(works))
        if key is not None:
            row = keys.index(key) if key in keys else None
            if row is not None:
                self.open_work(row, direct=True)
        elif self.index is not None and not self.showing.active:
            self._begin_showing()  # back on a work left open (e.g. after following a link)
        self.grid.layout_cards()

    def prewarm(self) -> None:
        for kind in ("calligraphy", "poster", "photo"):
            self.ctx.library.works([kind])

    def leave(self) -> None:
        self.showing.end()
        self.zoom.reset()

    def reset(self) -> None:
        """Idle reset: close the work, fit the zoom, scroll the grid to the top."""
        self._close(record=True)
        QScroller.scroller(self.grid.viewport()).stop()
        self.grid.scrollToTop()
        self.zoom.reset()

    def go_back(self) -> None:
        if self.index is not None and not self.direct:
            self.close_work()
        else:
            self._close(record=True)
            self.ctx.nav.back()

    # ---------------------------------------------------------------- works
    @property
    def works(self) -> list[Work]:
        return self.model.works

    def current(self) -> Work | None:
        return self.works[self.index] if self.index is not None else None

    def open_work(self, row: int, *, direct: bool = False) -> None:
        if not 0 <= row < len(self.works):
            return
        if self.index is not None and self.index != row:
            self.showing.end()
        self.direct = direct
        self.index = row
        self.pages.setCurrentWidget(self.work_outer)
        self.work_page.set_panel(False)
        work = self.works[row]
        self.zoom.set_work(work, self._placeholder(work))
        self.zoom.open_at_reading_start()
        self._after_switch()

    def close_work(self) -> None:
        self._close(record=True)

    def _close(self, *, record: bool) -> None:
        if record:
            self.showing.end()
        if self.index is None:
            return
        shown = self.index
        self.index = None
        self.direct = False
        self.work_page.set_panel(False)
        self.zoom.set_work(None)
        self.pages.setCurrentWidget(self.grid_page)
        if 0 <= shown < self.model.rowCount():
            self.grid.scrollTo(self.model.index(shown))
        self._refresh_header()

    def step(self, direction: int) -> None:
        """The next (+1) or previous (-1) work, sliding in from that side."""
        if self.index is None:
            return
        row = self.index + direction
        if not 0 <= row < len(self.works):
            return
        self.showing.end()
        self.index = row
        work = self.works[row]
        self.zoom.slide_to(work, direction, self._placeholder(work))
        self._after_switch()

    def _after_switch(self) -> None:
        assert self.index is not None
        work = self.works[self.index]
        self.zoom.has_prev = self.index > 0
        self.zoom.has_next = self.index < len(self.works) - 1
        self.prev_button.setEnabled(self.zoom.has_prev)
        self.next_button.setEnabled(self.zoom.has_next)
        self.prev_button.update()
        self.next_button.update()
        self.caption.show_work(work)
        self.work_page.relayout()
        self._begin_showing()
        self._refresh_header()
        if work.thumb is not None and work.key not in self.model.thumbs:
            self.ctx.images.request(work.thumb, QSize(480, 480), self.zoom, self._late_thumb)
        for row in (self.index + 1, self.index - 1):
            if 0 <= row < len(self.works):
                self.zoom.prefetch(self.works[row])

    def _late_thumb(self, pixmap: QPixmap) -> None:
        work = self.current()
        if work is not None and work is self.zoom.work and self.zoom.placeholder is None:
            self.zoom.placeholder = pixmap
            self.zoom.update()

    def _placeholder(self, work: Work) -> QPixmap | None:
        return self.model.thumbs.get(work.key)

    def _begin_showing(self) -> None:
        work = self.current()
        self.showing.begin(work.item if work is not None else None)

    # ---------------------------------------------------------------- caption
    def caption_open(self) -> bool:
        return hasattr(self, "work_page") and self.work_page.panel_open()

    def toggle_caption(self) -> None:
        if self.index is None:
            return
        self.work_page.set_panel(not self.caption_open())
        self.about_button.refresh()

    # ---------------------------------------------------------------- text and layout
    def retranslate(self) -> None:
        super().retranslate()
        if hasattr(self, "grid"):
            self._restyle()

    def _restyle(self) -> None:
        m = self.ctx.m
        lang = self.ctx.lang
        self.title_label.setText(self.title())
        self.empty_label.setFont(m.reading(lang))
        self.empty_label.setText(self.ctx.tr("no_items"))
        self.empty_label.setStyleSheet(f"color: {theme.INK_SOFT.name()};")
        self.work_title.setFont(self.bar_title_font())
        self.work_title.setStyleSheet(f"color: {theme.INK.name()};")
        self.work_line.setFont(m.caption(lang))
        self.work_line.setStyleSheet(f"color: {theme.INK_SOFT.name()};")
        self.bar.setSpacing(m.gutter)
        self._work_layout.setSpacing(m.gutter)
        for button in (self.prev_button, self.next_button, self.about_button):
            button.refresh()
        self.caption.work = self.current()
        self.caption.restyle()
        self.zoom.touch_slop = m.px(20)
        self.work_page.relayout()
        self._refresh_header()
        self.grid.layout_cards()

    def bar_title_font(self) -> QFont:
        return self.ctx.m.font(
            "serif", 36 if self.ctx.m.large else 32, bold=True, lang=self.ctx.lang
        )

    def _refresh_header(self) -> None:
        work = self.current()
        if work is None:
            self.work_title.setText("")
            self.work_line.setText("")
            return
        lang = self.ctx.lang
        width = max(1, self.work_title.width())
        title = field(work.item, "title", lang)
        self.work_title.setText(
            QFontMetrics(self.work_title.font()).elidedText(
                title, Qt.TextElideMode.ElideRight, width
            )
        )
        count = self.ctx.tr("gallery_count").format(n=self.index + 1, total=len(self.works))
        line = f"{count} · {self.ctx.tr('gallery_hint')}"
        fm = QFontMetrics(self.work_line.font())
        if fm.horizontalAdvance(line) > width:  # no room for the hint: the count alone
            line = count
        self.work_line.setText(fm.elidedText(line, Qt.TextElideMode.ElideRight, width))

    def eventFilter(self, obj, event) -> bool:
        if obj is self.work_title and event.type() == event.Type.Resize:
            self._refresh_header()
        return super().eventFilter(obj, event)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.grid.layout_cards()
        self._refresh_header()
