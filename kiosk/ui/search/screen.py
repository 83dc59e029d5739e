"""Search: a visitor types pinyin, initials, Chinese or English and taps what they meant.

A large query field at the top (it takes a physical keyboard and an input
method too), results in the middle, the on-screen keyboard at the bottom (the
lower third in portrait, about 40 % in landscape; in landscape the field sits
in the header beside the title to leave room for results).  Results follow
every key: the search runs on the GUI thread at the next turn of the event loop
(edits in one turn, e.g. a paste, search once), as it takes about a millisecond
at 10,000 items and under 10 ms at 100,000 (bench_search.py); a pause before
searching would only add to what the visitor waits (bench_history.py measures
tap to results painted).  Thumbnails load through ``ctx.images``.
With Zinnia installed, a handwriting key beside space shows a pad (beside the
keys in landscape, above them in portrait) whose chosen characters are typed
into the field like keys (kiosk/ui/search/handwriting.py).
Each result is a card painted by a delegate: the work's picture (or a seal-like
glyph for its kind), the title in the visitor's language and the kind.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRect, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListView,
    QSizePolicy,
    QStackedWidget,
    QStyledItemDelegate,
    QWidget,
)

from kiosk.catalog.library import SearchHit
from kiosk.handwriting import LazyRecognizer, Recognizer
from kiosk.strings import field
from kiosk.ui.screen import Context, InnerScreen
from kiosk.ui.search.handwriting import HandwritingPanel
from kiosk.ui.search.keyboard import HANDWRITING, Keyboard
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.cards import Card, destination, paint_card, picture_side
from kiosk.ui.widgets.models import ITEM, ObjectListModel
from kiosk.ui.widgets.scrolling import kinetic_list, press_feedback

DEBOUNCE_MS = 0  # the next event-loop turn
PORTRAIT_WRITING = 0.55  # of a portrait screen's height for the keys and the pad above them
LIMIT = 50


def _titles(hit: SearchHit) -> dict[str, Any]:
    return {"title_zh": hit.title_zh, "title_en": hit.title_en}


class ResultDelegate(QStyledItemDelegate):
    """One result card: picture or kind glyph, the title, the kind beneath."""

    def __init__(self, screen: SearchScreen) -> None:
        super().__init__(screen)
        self.screen = screen

    def sizeHint(self, option, index) -> QSize:
        return self.screen.view.gridSize()

    def paint(self, p: QPainter, option, index) -> None:
        screen = self.screen
        ctx, m = screen.ctx, screen.ctx.m
        hit: SearchHit = index.data(ITEM)
        g = m.gutter
        rect = QRectF(option.rect).adjusted(0, 0, 0, -g)
        if screen.columns > 1:  # a gutter between columns, edges flush with the field
            last = option.rect.right() >= screen.view.viewport().width() - g
            rect.adjust(g / 2 if option.rect.left() > 0 else 0, 0, 0 if last else -g / 2, 0)
        pad = screen.card_padding()
        side = picture_side(m, rect.height(), pad)
        card = Card(
            title=field(_titles(hit), "title", ctx.lang),
            subtitle=screen.subtitle(hit),
            kind=hit.kind,
            title_font=screen.title_font(),
            caption_font=m.caption(ctx.lang),
            pixmap=screen.thumb(hit, QSize(side, side)),
            has_picture=screen.has_picture(hit),
            pressed=screen.pressed_row == index.row(),
        )
        paint_card(p, m, rect, card, pad)


class QueryField(QLineEdit):
    """The large query line: a magnifier at the left, a clear button at the right."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.clear_button = _ClearButton(ctx, self)
        self.clear_button.hide()
        self.textChanged.connect(lambda text: self.clear_button.setVisible(bool(text)))
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setMaxLength(60)
        self.refresh()

    def refresh(self) -> None:
        m = self.ctx.m
        self.setFont(m.font("sans", 50 if m.large else 44, lang=self.ctx.lang))
        height = max(m.px(104), QFontMetrics(self.font()).height() + m.px(28))
        self.setFixedHeight(height)
        self.setPlaceholderText(self.ctx.tr("search_placeholder"))
        self.setStyleSheet(
            "QLineEdit {"
            f" background: {theme.PAPER.name()};"
            f" color: {theme.INK.name()};"
            f" border: {m.px(2)}px solid {theme.INK_SOFT.name()};"
            f" border-radius: {m.radius}px;"
            f" selection-background-color: {theme.PAPER_DEEP.darker(115).name()};"
            f" selection-color: {theme.INK.name()};"
            "}"
        )
        pal = self.palette()
        pal.setColor(pal.ColorRole.PlaceholderText, theme.INK_SOFT)
        self.setPalette(pal)
        self.setTextMargins(height - m.px(12), 0, height - m.px(8), 0)
        self._place_clear()

    def _place_clear(self) -> None:
        h = self.height()
        self.clear_button.setGeometry(self.width() - h, 0, h, h)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place_clear()

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        m = self.ctx.m
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(
            theme.INK_SOFT,
            max(2, m.px(3)),
            Qt.PenStyle.SolidLine,
            Qt.PenCapStyle.RoundCap,
        )
        p.setPen(pen)
        r = m.px(14)
        cx, cy = self.height() / 2 - m.px(2), self.height() / 2 - m.px(4)
        p.drawEllipse(QRectF(cx - r, cy - r, 2 * r, 2 * r))
        d = r * 0.72
        p.drawLine(int(cx + d), int(cy + d), int(cx + d + m.px(12)), int(cy + d + m.px(12)))
        p.end()


class _ClearButton(QWidget):
    """A round × inside the field: empties it."""

    def __init__(self, ctx: Context, field_: QueryField) -> None:
        super().__init__(field_)
        self.ctx, self.field = ctx, field_
        self.down = False
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def paintEvent(self, event) -> None:
        m = self.ctx.m
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = m.px(24)
        c = QRectF(self.rect()).center()
        disc = QColor(theme.INK_SOFT)
        if self.down:
            disc = disc.darker(130)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(disc)
        p.drawEllipse(c, r, r)
        pen = QPen(theme.PAPER, max(2, m.px(3)), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        p.setPen(pen)
        s = r * 0.42
        p.drawLine(c.x() - s, c.y() - s, c.x() + s, c.y() + s)
        p.drawLine(c.x() - s, c.y() + s, c.x() + s, c.y() - s)
        p.end()

    def mousePressEvent(self, event) -> None:
        self.down = True
        self.update()

    def mouseReleaseEvent(self, event) -> None:
        was, self.down = self.down, False
        self.update()
        if was and self.rect().contains(event.position().toPoint()):
            self.field.clear()
            self.field.setFocus()


class _ResultsView(QListView):
    """The results list; tells the screen when its width changes (the grid follows)."""

    def __init__(self, on_resize) -> None:
        super().__init__()
        self._on_resize = on_resize

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._on_resize()


class _Slot(QWidget):
    """Holds the keyboard's place in the layout; the keyboard itself may reach wider.

    Its height is the keys' and, in portrait, the handwriting pad's above them; only
    the keys' is a minimum: keys and pad are taller than a landscape screen's room,
    and a minimum that high would keep the screen from turning."""

    def __init__(self, on_change) -> None:
        super().__init__()
        self._on_change = on_change
        self._wish = self._least = 0
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def set_height(self, height: int, least: int) -> None:
        if (height, least) != (self._wish, self._least):
            self._wish, self._least = height, least
            self.setMaximumHeight(height)
            self.updateGeometry()

    def sizeHint(self) -> QSize:
        return QSize(0, self._wish)

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self._least)

    def resizeEvent(self, event) -> None:
        self._on_change()

    def moveEvent(self, event) -> None:
        self._on_change()


class SearchScreen(InnerScreen):
    name = "search"

    def __init__(
        self,
        ctx: Context,
        parent: QWidget | None = None,
        *,
        recognizer: Callable[[], Recognizer | LazyRecognizer | None] = Recognizer.when_written,
    ) -> None:
        super().__init__(ctx, parent)
        self.pressed_row: int | None = None
        self._pictures: dict[str, Path | None] = {}
        self._thumbs: dict[tuple[str, int], QPixmap] = {}
        self._asked: set[tuple[str, int]] = set()
        self._landscape: bool | None = None
        self._keys_height = 0
        self.columns = 1
        self.query = ""

        self.field = QueryField(ctx)
        self.field.textChanged.connect(self._typed)
        self.field.returnPressed.connect(self.open_first)

        self.model = ObjectListModel()
        self.view = _ResultsView(self._grid)
        self.view.setModel(self.model)
        self.view.setItemDelegate(ResultDelegate(self))
        self.view.setViewMode(QListView.ViewMode.ListMode)
        self.view.setFlow(QListView.Flow.LeftToRight)
        self.view.setWrapping(True)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setUniformItemSizes(True)
        kinetic_list(self.view)
        press_feedback(self, self.view)
        self.view.clicked.connect(lambda index: self.open(index.data(ITEM)))

        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.RichText)
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.results = QStackedWidget()
        self.results.addWidget(self.message)
        self.results.addWidget(self.view)

        found = recognizer()  # None without Zinnia: no handwriting key (the log says why)
        self.keyboard = Keyboard(ctx, self.field, self, handwriting=found is not None)
        self.keyboard.key_tapped.connect(self._key)
        self.handwriting: HandwritingPanel | None = None
        if found is not None:
            self.handwriting = HandwritingPanel(ctx, found, self)
            self.handwriting.chosen.connect(self.field.insert)  # typed like a key
            self.handwriting.hide()
        self._slot = _Slot(self._place_keyboard)
        self.body.addWidget(self.results, 1)
        self.body.addWidget(self._slot)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_search)
        self.retranslate()

    # ---------------------------------------------------------------- layout
    def title(self) -> str:
        return self.ctx.tr("search")

    def is_landscape(self) -> bool:
        return self.width() >= self.height()

    def _arrange(self) -> None:
        """The field beside the title in landscape, beneath the header in portrait."""
        landscape = self.is_landscape()
        if landscape == self._landscape:
            return
        self._landscape = landscape
        self._header.removeWidget(self.field)
        self.body.removeWidget(self.field)
        if landscape:
            self._header.insertWidget(self._header.indexOf(self.title_label) + 1, self.field, 1)
            self._header.setStretchFactor(self.title_label, 0)
        else:
            self.body.insertWidget(0, self.field)
            self._header.setStretchFactor(self.title_label, 1)
        self._size_keyboard()

    def _size_keyboard(self) -> None:
        m, h = self.ctx.m, self.height()
        share = 0.4 if self.is_landscape() else 1 / 3
        height = round(h * share) - m.bezel - m.gutter
        kb = self.keyboard
        keys = self._keys_height = max(kb.minimum_height(), min(kb.preferred_height(), height))
        if self.writing() and not self.is_landscape():
            room = round(h * PORTRAIT_WRITING) - m.bezel - m.gutter - keys - m.gutter
            keys += self.handwriting.height_for(self.width() - 2 * m.bezel, room) + m.gutter
        self._slot.set_height(keys, self._keys_height)

    def _place_keyboard(self) -> None:
        """The keyboard spans the slot's height and the screen's width inside the bezels
        (wider than the body in portrait, so keys stay large)."""
        m = self.ctx.m
        top = self._slot.mapTo(self, self._slot.rect().topLeft()).y()
        keys = QRect(m.bezel, top, max(0, self.width() - 2 * m.bezel), self._slot.height())
        if self.writing():
            keys = self.handwriting.place(keys, self.is_landscape(), self._keys_height, m.gutter)
        self.keyboard.setGeometry(keys)
        self.keyboard.raise_()

    def _grid(self) -> None:
        if not hasattr(self, "view"):
            return
        m = self.ctx.m
        columns = 2 if self.is_landscape() and self.width() >= m.px(1400) else 1
        self.columns = columns
        # A hair narrower than the viewport: a row exactly as wide as it wraps early.
        width = max(1, (self.view.viewport().width() - 2) // columns)
        self.view.setGridSize(QSize(width, self.card_height() + m.gutter))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._arrange()
        self._size_keyboard()
        self._grid()
        self._place_keyboard()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._grid()
        self._place_keyboard()
        self.field.setFocus()

    # ----------------------------------------------------------- handwriting
    def writing(self) -> bool:
        """The handwriting pad is shown."""
        return self.handwriting is not None and not self.handwriting.isHidden()

    def set_writing(self, on: bool) -> None:
        """Show or hide the handwriting pad (the keys make room for it)."""
        if self.handwriting is None or on == self.writing():
            return
        self.handwriting.setVisible(on)
        if not on:
            self.handwriting.reset()
        self.keyboard.handwriting_on = on
        self.keyboard.update()
        self._size_keyboard()
        self._place_keyboard()

    def _key(self, value: str) -> None:
        if value == HANDWRITING:
            self.set_writing(not self.writing())

    # -------------------------------------------------------------- metrics
    def title_font(self):
        m = self.ctx.m
        return m.font("serif", 40 if m.large else 34, bold=True, lang=self.ctx.lang)

    def card_padding(self) -> int:
        return self.ctx.m.px(14)

    def card_height(self) -> int:
        m = self.ctx.m
        text = (
            QFontMetrics(self.title_font()).height()
            + m.px(6)
            + QFontMetrics(m.caption(self.ctx.lang)).height()
        )
        return max(m.px(96), text) + 2 * self.card_padding()

    def subtitle(self, hit: SearchHit) -> str:
        """The kind, and in English the Chinese title too (visitors see it on the labels)."""
        kind = self.ctx.tr("kind_" + hit.kind)
        if self.ctx.lang == "en" and hit.title_en and hit.title_zh:
            return f"{kind} · {hit.title_zh}"
        return kind

    # -------------------------------------------------------------- pictures
    def has_picture(self, hit: SearchHit) -> bool:
        return self._picture(hit) is not None

    def _picture(self, hit: SearchHit) -> Path | None:
        if hit.key not in self._pictures:
            row = self.ctx.library.item(hit.key)
            work = self.ctx.library.work(row) if row else None
            self._pictures[hit.key] = (work.thumb or work.picture) if work else None
        return self._pictures[hit.key]

    def thumb(self, hit: SearchHit, size: QSize) -> QPixmap | None:
        """The result's picture fitted into ``size``, or None (still loading, or no picture)."""
        wanted = (hit.key, size.width())
        pixmap = self._thumbs.get(wanted)
        if pixmap is not None or wanted in self._asked:
            return pixmap
        path = self._picture(hit)
        if path is None:
            return None
        self._asked.add(wanted)

        def loaded(pm: QPixmap) -> None:
            self._thumbs[wanted] = pm
            self.view.viewport().update()

        self.ctx.images.request(path, size, self, loaded)
        return self._thumbs.get(wanted)

    # --------------------------------------------------------------- search
    def _typed(self, text: str) -> None:
        self._timer.start()

    def run_search(self) -> None:
        """Search for what is in the field now (called once the edits of this turn are in)."""
        self._timer.stop()
        query = self.field.text().strip()
        self.query = query
        hits = self.ctx.library.search(query, LIMIT) if query else []
        self.model.set_items(hits)
        self.view.scrollToTop()
        self._show_state()

    def _show_state(self) -> None:
        m, lang = self.ctx.m, self.ctx.lang
        soft = theme.INK_SOFT.name()
        hint = self.ctx.tr("search_hint")
        if self.model.items:
            self.results.setCurrentWidget(self.view)
            return
        if not self.query:
            html = f"<p style='color:{soft};'>{hint}</p>"
        else:
            section = m.section(lang)
            html = (
                f"<p style='font-size:{section.pixelSize()}px; color:{theme.INK.name()};'>"
                f"{self.ctx.tr('search_none')}</p>"
                f"<p style='color:{soft};'>{hint}</p>"
            )
        self.message.setText(html)
        self.results.setCurrentWidget(self.message)

    @property
    def hits(self) -> list[SearchHit]:
        return self.model.items

    # ------------------------------------------------------------ navigation
    def open(self, hit: SearchHit) -> None:
        screen, args = destination(hit.kind, hit.key)
        self.ctx.nav.go(screen, **args)

    def open_first(self) -> None:
        if self._timer.isActive():
            self.run_search()
        if self.model.items:
            self.open(self.model.items[0])

    # ------------------------------------------------------------- lifecycle
    def enter(self, **args: Any) -> None:
        if self.ctx.library.changed(self):
            self._pictures.clear()
            self._thumbs.clear()
            self._asked.clear()
            self.run_search()
        query = args.get("query")
        if query is not None:
            self.field.setText(str(query))
            self.run_search()
        self.field.setFocus()

    def reset(self) -> None:
        self.set_writing(False)
        if self.handwriting is not None:
            self.handwriting.release()  # the visitor has gone: the model leaves memory
        self._timer.stop()
        self.field.blockSignals(True)
        self.field.clear()
        self.field.blockSignals(False)
        self.field.clear_button.hide()
        self.query = ""
        self.model.set_items([])
        self._thumbs.clear()
        self._asked.clear()
        self._show_state()

    def retranslate(self) -> None:
        super().retranslate()
        if not hasattr(self, "keyboard"):
            return
        m = self.ctx.m
        self.field.refresh()
        self.message.setFont(m.reading(self.ctx.lang))
        self.message.setContentsMargins(m.px(24), m.px(48), m.px(24), 0)
        self.keyboard.refresh()
        if self.handwriting is not None:
            self.handwriting.refresh()
        self._arrange()
        self._size_keyboard()
        self._grid()
        self.view.reset()
        self._show_state()
