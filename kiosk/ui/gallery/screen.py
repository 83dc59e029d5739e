"""The galleries: calligraphy, posters and photos — a grid of works, then one work to explore.

``GalleryScreen`` ("gallery") is entered with ``kind`` ("calligraphy",
"poster", "photo") and optionally ``key``.  It has two levels of its own:

- the **grid**: every work of the kind as a card (the picture fitted, never
  cropped, on a mat; the title and era beneath), in a ``QListView`` that
  scrolls with a finger flick (``QScroller``) and paints only the cards in
  view, so hundreds of photos cost nothing until seen;
- the **work**: the chosen work in a ``ZoomView`` (pinch, double-tap and
  wheel zoom down to the scan's full detail), a bar beneath it with
  previous / next, the title and a hint, and a button (or a tap on the work)
  that opens the text panel: title, era, author, summary, the full text and
  its source, in the visitor's language.  A swipe at fit, or previous /
  next, slides to the neighbouring work.

Back: from a work opened from the grid, back closes it to the grid; from the
grid (or from a work opened directly with ``key``, e.g. from a linked page)
back leaves the screen through ``ctx.nav.back()``.

Proof of play: a work the visitor opens is recorded as a "visitor" showing,
ended "completed" when they close it, move to another work or leave.
"""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QScrollArea,
    QScroller,
    QSizePolicy,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.catalog.library import Work, format_years
from kiosk.strings import field
from kiosk.ui.gallery.zoom import ZoomView
from kiosk.ui.history.detail import LinkTile
from kiosk.ui.screen import Context, InnerScreen
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.buttons import Button
from kiosk.ui.widgets.scrolling import kinetic, no_overshoot
from kiosk.ui.widgets.text import paragraphs_html, wrap_lines

#: Title of the screen for each kind (strings.py keys).
TITLES = {"calligraphy": "calligraphy", "poster": "posters", "photo": "photos"}
#: Picture area of a card: width × this.
PICTURE_RATIO = 0.75
#: Narrowest card at 1080p (a landscape screen gets 4 columns, portrait 2).
CARD_MIN_WIDTH = 400


def era_line(item: dict[str, Any], lang: str) -> str:
    """ "北宋 · 1046年" — the era and the years, whichever the catalogue has."""
    years = format_years(item.get("year_from"), item.get("year_to"), lang)
    return " · ".join(x for x in (field(item, "era", lang), years) if x)


# --------------------------------------------------------------------------- the grid


class WorksModel(QAbstractListModel):
    """The works of one kind; thumbnails arrive later from the image loader."""

    def __init__(self) -> None:
        super().__init__()
        self.works: list[Work] = []
        self.thumbs: dict[str, QPixmap] = {}

    def set_works(self, works: list[Work]) -> None:
        self.beginResetModel()
        self.works = list(works)
        self.thumbs = {}
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.works)

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.UserRole:
            return None
        return self.works[index.row()]

    def set_thumb(self, key: str, pixmap: QPixmap) -> None:
        self.thumbs[key] = pixmap
        for row, work in enumerate(self.works):
            if work.key == key:
                index = self.index(row)
                self.dataChanged.emit(index, index)
                break


class CardDelegate(QStyledItemDelegate):
    """Paints a work's card: the picture fitted on a mat, the title and the era beneath."""

    def __init__(self, screen: GalleryScreen) -> None:
        super().__init__(screen)
        self.screen = screen
        self._asked: set[tuple[str, int, int]] = set()

    def sizeHint(self, option, index) -> QSize:
        return self.screen.grid.gridSize()

    def card_rect(self, cell: QRect) -> QRect:
        g = self.screen.ctx.m.gutter
        return cell.adjusted(g // 2, 0, -(g - g // 2), -g)

    def paint(self, p: QPainter, option: QStyleOptionViewItem, index) -> None:
        screen = self.screen
        ctx, m = screen.ctx, screen.ctx.m
        work: Work = index.data(Qt.ItemDataRole.UserRole)
        card = self.card_rect(option.rect)
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        path = QPainterPath()
        path.addRoundedRect(QRectF(card), m.radius, m.radius)
        p.fillPath(path, theme.PAPER_DEEP)
        pic = screen.picture_rect(card)
        pixmap = screen.model.thumbs.get(work.key)
        if pixmap is None:
            self._request(work, pic.size())
        else:
            size = pixmap.size().scaled(pic.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(
                pic.left() + (pic.width() - size.width()) // 2,
                pic.top() + (pic.height() - size.height()) // 2,
                size.width(),
                size.height(),
            )
            p.drawPixmap(target, pixmap)
            edge = QColor(theme.INK)
            edge.setAlpha(24)
            p.setPen(QPen(edge, 1))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(QRectF(target).adjusted(0.5, 0.5, -0.5, -0.5))
        # title and era
        x = card.left() + m.px(24)
        width = card.width() - 2 * m.px(24)
        y = pic.bottom() + 1 + m.px(18)
        title_font = screen.card_title_font()
        fm = QFontMetrics(title_font)
        p.setFont(title_font)
        p.setPen(theme.INK)
        lines = screen.title_lines
        for line in wrap_lines(field(work.item, "title", ctx.lang), title_font, width, lines):
            p.drawText(QRect(x, y, width, fm.lineSpacing()), int(Qt.AlignmentFlag.AlignLeft), line)
            y += fm.lineSpacing()
        y = pic.bottom() + 1 + m.px(18) + fm.lineSpacing() * lines + m.px(6)
        caption = m.caption(ctx.lang)
        cm = QFontMetrics(caption)
        p.setFont(caption)
        p.setPen(theme.INK_SOFT)
        line = cm.elidedText(era_line(work.item, ctx.lang), Qt.TextElideMode.ElideRight, width)
        p.drawText(QRect(x, y, width, cm.lineSpacing()), int(Qt.AlignmentFlag.AlignLeft), line)
        if screen.grid.pressed_row == index.row():
            p.fillPath(path, QColor(0, 0, 0, 16))
        p.restore()

    def _request(self, work: Work, size: QSize) -> None:
        source = work.thumb or work.display
        if source is None or size.width() <= 0:
            return
        key = (work.key, size.width(), size.height())
        if key in self._asked:
            return
        self._asked.add(key)
        model = self.screen.model
        self.screen.ctx.images.request(
            source, size, self.screen.grid, lambda pm, k=work.key: model.set_thumb(k, pm)
        )

    def forget(self) -> None:
        self._asked.clear()


class WorkGrid(QListView):
    """The cards, flicked with a finger; a press darkens its card by 6 %."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pressed_row: int | None = None
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setUniformItemSizes(True)
        self.setSpacing(0)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMouseTracking(False)
        self.viewport().setAutoFillBackground(True)
        pal = self.palette()
        pal.setColor(pal.ColorRole.Base, theme.PAPER)
        pal.setColor(pal.ColorRole.Window, theme.PAPER)
        self.setPalette(pal)
        self.viewport().setPalette(pal)
        no_overshoot(self.viewport())
        QScroller.scroller(self.viewport()).stateChanged.connect(self._scroller_state)

    def _scroller_state(self, state) -> None:
        if state == QScroller.State.Dragging and self.pressed_row is not None:
            self.pressed_row = None
            self.viewport().update()

    def mousePressEvent(self, event) -> None:
        index = self.indexAt(event.position().toPoint())
        self.pressed_row = index.row() if index.isValid() else None
        self.viewport().update()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        self.pressed_row = None
        self.viewport().update()
        super().mouseReleaseEvent(event)


# --------------------------------------------------------------------------- the work


class NavButton(Button):
    """Previous / next: a chevron beside the label."""

    def __init__(self, ctx: Context, text, direction: int, parent: QWidget | None = None) -> None:
        self.direction = direction
        super().__init__(ctx, text, min_size=QSize(180, 96), parent=parent)

    def refresh(self) -> None:
        m = self.ctx.m
        self.setFont(m.label(self.ctx.lang))
        text_w = self.fontMetrics().horizontalAdvance(self._text())
        self.setFixedSize(max(m.px(180), text_w + m.px(96)), m.touch_min)
        self.update()

    def paintEvent(self, event) -> None:
        m = self.ctx.m
        p, r, path = self._outline(m.radius)
        p.fillPath(path, theme.PAPER_DEEP)
        self._press_overlay(p, path)
        color = theme.INK if self.isEnabled() else theme.INK_SOFT.lighter(150)
        pen = QPen(color, max(2, m.px(3)), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        p.setPen(pen)
        s, cy = m.px(11), r.center().y()
        pad = m.px(30)
        cx = r.left() + pad + s / 2 if self.direction < 0 else r.right() - pad - s / 2
        k = self.direction
        p.drawPolyline(
            [
                QPointF(cx - k * s / 2, cy - s),
                QPointF(cx + k * s / 2, cy),
                QPointF(cx - k * s / 2, cy + s),
            ]
        )
        p.setPen(color)
        p.setFont(self.font())
        text = (
            r.adjusted(pad + s + m.px(12), 0, 0, 0)
            if self.direction < 0
            else r.adjusted(0, 0, -(pad + s + m.px(12)), 0)
        )
        align = Qt.AlignmentFlag.AlignVCenter | (
            Qt.AlignmentFlag.AlignLeft if self.direction < 0 else Qt.AlignmentFlag.AlignRight
        )
        inner = (
            text.adjusted(0, 0, -m.px(24), 0)
            if self.direction < 0
            else text.adjusted(m.px(24), 0, 0, 0)
        )
        p.drawText(inner, int(align), self._text())

    def mouseReleaseEvent(self, event) -> None:
        if not self.isEnabled():
            self.pressed_down = False
            return
        super().mouseReleaseEvent(event)


class _Rule(QWidget):
    """A short seal-red rule under the title (the screen's one accent), with air around it."""

    thickness = 4

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        top = (self.height() - self.thickness) // 2
        p.fillRect(QRect(0, top, self.width(), self.thickness), theme.SEAL)


class _Fade(QWidget):
    """Paper-deep fading in at the panel's foot while more text lies below."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        gradient = QLinearGradient(0, 0, 0, self.height())
        clear = QColor(theme.PAPER_DEEP)
        clear.setAlpha(0)
        gradient.setColorAt(0.0, clear)
        gradient.setColorAt(1.0, theme.PAPER_DEEP)
        p.fillRect(self.rect(), gradient)


# What a work's caption links to (the history it shows), at most this many tiles.
LINKED_KINDS = ("person", "event", "place", "aphorism", "topic")
MAX_LINKS = 6


class CaptionPanel(QFrame):
    """The work's text on a paper-deep card, scrolled with a finger when long.

    Title (Kai; in English the English title with the Chinese beneath), era,
    years and author, a short seal-red rule, the summary and the full text
    (line height 1.7), the source, and tiles for the people, places, events,
    sayings and topics linked to the work (a tap opens them).
    """

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.work: Work | None = None
        self.setObjectName("caption")
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        kinetic(self.scroll)
        content = QWidget()
        self.title = self._label()
        self.alt_title = self._label()
        self.meta = self._label()
        self.rule = _Rule()
        self.text = self._label(rich=True)
        self.source = self._label()
        self.column = QVBoxLayout(content)
        for widget in (self.title, self.alt_title, self.meta):
            self.column.addWidget(widget)
        self.column.addWidget(self.rule, 0, Qt.AlignmentFlag.AlignLeft)
        self.column.addWidget(self.text)
        self.column.addWidget(self.source)
        self.related = self._label()
        self.column.addWidget(self.related)
        self.links = QVBoxLayout()
        self.column.addLayout(self.links)
        self.tiles: list[LinkTile] = []
        self.column.addStretch(1)
        self.scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll)
        self.fade = _Fade(self)
        bar = self.scroll.verticalScrollBar()
        bar.rangeChanged.connect(lambda *_: self._update_fade())
        bar.valueChanged.connect(lambda *_: self._update_fade())
        self.restyle()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._update_fade()

    def preferred_height(self, width: int) -> int:
        """The height that shows all the text at ``width``."""
        outer = self.layout().contentsMargins()
        inner = width - outer.left() - outer.right()
        content = self.scroll.widget()
        return content.heightForWidth(inner) + outer.top() + outer.bottom()

    def _update_fade(self) -> None:
        bar = self.scroll.verticalScrollBar()
        area = self.scroll.geometry()
        h = self.ctx.m.px(72)
        self.fade.setGeometry(area.left(), area.bottom() + 1 - h, area.width(), h)
        self.fade.setVisible(bar.value() < bar.maximum())
        self.fade.raise_()

    @staticmethod
    def _label(rich: bool = False) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
        label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        return label

    def restyle(self) -> None:
        m, lang = self.ctx.m, self.ctx.lang
        self.layout().setContentsMargins(m.px(44), m.px(40), m.px(32), m.px(24))
        self.setStyleSheet(
            f"#caption {{ background: {theme.PAPER_DEEP.name()}; border-radius: {m.radius}px; }}"
            "QScrollArea, QScrollArea > QWidget > QWidget { background: transparent; }"
            f"QLabel {{ color: {theme.INK.name()}; background: transparent; }}"
        )
        soft = f"color: {theme.INK_SOFT.name()};"
        for label in (self.alt_title, self.meta, self.source, self.related):
            label.setStyleSheet(soft)
        if lang == "en":
            self.title.setFont(m.font("serif", 46 if m.large else 42, bold=True, lang="en"))
        else:
            self.title.setFont(m.display(64 if m.large else 58))
        self.alt_title.setFont(m.display(40 if m.large else 34))
        self.meta.setFont(m.caption(lang))
        self.text.setFont(m.reading(lang))
        self.source.setFont(m.caption(lang))
        self.related.setFont(m.caption(lang))
        self.links.setSpacing(m.px(12))
        self.rule.thickness = max(2, m.px(4))
        self.rule.setFixedSize(m.px(56), self.rule.thickness + 2 * m.px(10))
        self.column.setContentsMargins(0, 0, m.px(12), m.px(12))
        self.column.setSpacing(m.px(12))
        self.show_work(self.work)

    def show_work(self, work: Work | None) -> None:
        self.work = work
        m, lang = self.ctx.m, self.ctx.lang
        item = work.item if work else {}
        en_title = lang == "en" and bool(item.get("title_en"))
        self.title.setText(field(item, "title", lang) if item else "")
        self.alt_title.setText((item.get("title_zh") or "") if en_title else "")
        self.alt_title.setVisible(en_title and bool(item.get("title_zh")))
        meta = " · ".join(x for x in (era_line(item, lang), field(item, "author", lang)) if x)
        self.meta.setText(meta)
        self.meta.setVisible(bool(meta))
        paragraphs = [field(item, name, lang) for name in ("summary", "body")]
        self.text.setText(paragraphs_html(paragraphs, self.text.font(), m.px(16)))
        source = field(item, "source", lang)
        colon = "：" if lang == "zh" else ": "
        self.source.setText(f"{self.ctx.tr('gallery_source')}{colon}{source}" if source else "")
        self.source.setVisible(bool(source))
        self.rule.setVisible(bool(item))
        self._show_links(work)
        self.scroll.verticalScrollBar().setValue(0)

    def _show_links(self, work: Work | None) -> None:
        for tile in self.tiles:
            self.links.removeWidget(tile)
            tile.deleteLater()
        self.tiles = []
        linked = self.ctx.library.linked(work.item, list(LINKED_KINDS)) if work else []
        linked.sort(key=lambda w: LINKED_KINDS.index(w.kind))  # people first
        for other in linked[:MAX_LINKS]:
            tile = LinkTile(self.ctx, other, on_card=True)
            tile.clicked.connect(lambda key=other.key: self.ctx.nav.go("item", key=key))
            self.links.addWidget(tile)
            self.tiles.append(tile)
        self.related.setText(self.ctx.tr("related"))
        self.related.setVisible(bool(self.tiles))


class WorkPage(QWidget):
    """The zoom view with the text panel beside it (landscape) or beneath it (portrait)."""

    def __init__(self, ctx: Context, zoom: ZoomView, panel: CaptionPanel) -> None:
        super().__init__()
        self.ctx, self.zoom, self.panel = ctx, zoom, panel
        zoom.setParent(self)
        panel.setParent(self)
        panel.hide()

    def panel_open(self) -> bool:
        return not self.panel.isHidden()

    def set_panel(self, open_: bool) -> None:
        self.panel.setVisible(open_)
        self.relayout()

    def resizeEvent(self, event) -> None:
        self.relayout()

    def relayout(self) -> None:
        m = self.ctx.m
        w, h = self.width(), self.height()
        if not self.panel_open():
            self.zoom.setGeometry(0, 0, w, h)
            return
        gap = m.gutter
        if w >= h:
            pw = min(m.px(680 if m.large else 620), round(w * 0.42))
            self.zoom.setGeometry(0, 0, w - pw - gap, h)
            self.panel.setGeometry(w - pw, 0, pw, h)
        else:  # beneath the work, no taller than its text needs
            ph = min(round(h * 0.46), self.panel.preferred_height(w))
            self.zoom.setGeometry(0, 0, w, h - ph - gap)
            self.panel.setGeometry(0, h - ph, w, ph)


# --------------------------------------------------------------------------- the screen


class GalleryScreen(InnerScreen):
    """Works of one kind: the grid, and one work to explore (see the module docstring)."""

    name = "gallery"

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.kind = "calligraphy"
        self.model = WorksModel()
        self.index: int | None = None  # the open work
        self.direct = False  # opened with a key: back leaves the screen
        self.title_lines = 1  # lines for card titles: as many as the longest needs, at most 2
        self._showing = None
        self._keys: list[str] | None = None
        # grid
        self.grid = WorkGrid()
        self.delegate = CardDelegate(self)
        self.grid.setItemDelegate(self.delegate)
        self.grid.setModel(self.model)
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
        self.grid.viewport().installEventFilter(self)
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
            self.delegate.forget()
            self.model.set_works(works)
            self.grid.scrollToTop()
            self.title_label.setText(self.title())
        self.empty_label.setVisible(not works)
        self.grid.setVisible(bool(works))
        if key is not None:
            row = keys.index(key) if key in keys else None
            if row is not None:
                self.open_work(row, direct=True)
        elif self.index is not None and self._showing is None:
            self._begin_showing()  # back on a work left open (e.g. after following a link)
        self._layout_grid()

    def prewarm(self) -> None:
        for kind in ("calligraphy", "poster", "photo"):
            self.ctx.library.works([kind])

    def leave(self) -> None:
        self._end_showing()
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
            self._end_showing()
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
            self._end_showing()
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
        self._end_showing()
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
        if work is not None and self.ctx.records is not None and self._showing is None:
            self._showing = self.ctx.records.begin(work.item, "visitor")

    def _end_showing(self) -> None:
        if self._showing is not None and self.ctx.records is not None:
            self.ctx.records.end(self._showing, "completed")
        self._showing = None

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
        self._layout_grid()

    def bar_title_font(self) -> QFont:
        return self.ctx.m.font(
            "serif", 36 if self.ctx.m.large else 32, bold=True, lang=self.ctx.lang
        )

    def card_title_font(self) -> QFont:
        m = self.ctx.m
        return m.font("serif", 38 if m.large else 32, bold=True, lang=self.ctx.lang)

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

    def columns(self) -> int:
        m = self.ctx.m
        width = self.grid.viewport().width()
        card = m.px(CARD_MIN_WIDTH + (120 if m.large else 0))
        return max(2, (width + m.gutter) // (card + m.gutter))

    def _layout_grid(self) -> None:
        m = self.ctx.m
        width = self.grid.viewport().width()
        if width <= 0:
            return
        cols = self.columns()
        cell_w = (width - 1) // cols  # QListView wraps a row that fills the width exactly
        card_w = cell_w - m.gutter
        title_font = self.card_title_font()
        text_w = card_w - 2 * m.px(24)
        lang = self.ctx.lang
        self.title_lines = max(
            (
                len(wrap_lines(field(w.item, "title", lang), title_font, text_w, 2))
                for w in self.works
            ),
            default=1,
        )
        text_h = (
            m.px(18)
            + QFontMetrics(title_font).lineSpacing() * max(1, self.title_lines)
            + m.px(6)
            + QFontMetrics(m.caption(self.ctx.lang)).lineSpacing()
            + m.px(24)
        )
        cell_h = round(card_w * PICTURE_RATIO) + text_h + m.gutter
        size = QSize(cell_w, cell_h)
        if self.grid.gridSize() != size:
            self.grid.setGridSize(size)
            self.delegate.forget()
        self.grid.viewport().update()

    def picture_rect(self, card: QRect) -> QRect:
        m = self.ctx.m
        pad = m.px(16)
        h = round(card.width() * PICTURE_RATIO)
        return QRect(card.left() + pad, card.top() + pad, card.width() - 2 * pad, h - pad)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == event.Type.Resize:
            if obj is self.grid.viewport():
                self._layout_grid()
            elif obj is self.work_title:
                self._refresh_header()
        return super().eventFilter(obj, event)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._layout_grid()
        self._refresh_header()


def cards_per_screen(screen: GalleryScreen) -> int:
    """How many whole cards the grid shows at once (for tests and layout checks)."""
    grid = screen.grid
    size = grid.gridSize()
    if size.width() <= 0 or size.height() <= 0:
        return 0
    cols = max(1, grid.viewport().width() // size.width())
    rows = max(1, math.floor(grid.viewport().height() / size.height()))
    return cols * rows
