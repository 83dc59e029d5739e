"""One item's detail screen: a person, place, event, aphorism or topic, and all it links to.

Read from 1.5 m: the item's picture (its own, else the first linked work with
one) in a box of fixed size, so nothing reflows when it arrives; the kind, era
and years; the title (an aphorism in Kai, its source beneath); summary and
body.  Below, tiles for everything linked, grouped by kind.  A tile opens its
item (another detail screen, a film, a work in its gallery); back returns
here, scrolled to where the visitor was.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QRectF, QSize, QSizeF, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics, QPainter, QPixmap
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from kiosk.catalog.library import Work
from kiosk.strings import field
from kiosk.ui.history.lists import meta_line, source_line
from kiosk.ui.screen import Context, InnerScreen, VisitorShowing
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.buttons import Button, PressableMixin
from kiosk.ui.widgets.cards import PRESSED, Card, destination, paint_card, picture_side
from kiosk.ui.widgets.cards import text_width as card_text_width
from kiosk.ui.widgets.scrolling import kinetic_area
from kiosk.ui.widgets.text import paragraphs_html

# Linked items, in the order their groups appear beneath an item.
GROUPS = (
    "person",
    "aphorism",
    "couplet",
    "event",
    "case",
    "place",
    "topic",
    "film",
    "song",
    "calligraphy",
    "poster",
    "photo",
    "riddle",
)
PICTURE_KINDS = ("photo", "calligraphy", "poster", "film")  # where a hero picture may come from
MAX_PER_GROUP = 60  # a topic may gather hundreds; the rest are a search away


def card_subtitle(ctx: Context, row: dict[str, Any]) -> str:
    """The line beneath a linked item's title."""
    if row["kind"] == "aphorism":
        return source_line(row, ctx.lang)
    if row["kind"] == "place" and ctx.lang == "zh" and row.get("region"):
        return row["region"]
    return meta_line(ctx, row, kind=False) or ctx.tr("kind_" + row["kind"])


class LinkTile(PressableMixin, QWidget):
    """A linked item as a card: picture or kind glyph, title, one line beneath."""

    clicked = Signal()

    def __init__(
        self, ctx: Context, work: Work, parent: QWidget | None = None, *, on_card: bool = False
    ) -> None:
        super().__init__(parent)
        self.ctx, self.work = ctx, work
        self.fill = theme.PAPER if on_card else theme.PAPER_DEEP  # stands out on a card too
        self.picture = work.thumb or work.picture
        self.pixmap: QPixmap | None = None
        self._asked = 0
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFixedHeight(self.tile_height(ctx))

    @staticmethod
    def tile_height(ctx: Context) -> int:
        m = ctx.m
        text = QFontMetrics(LinkTile.title_font(ctx)).height() + m.px(6)
        text += QFontMetrics(m.caption(ctx.lang)).height()
        return max(m.px(112), text) + 2 * LinkTile.pad(ctx)

    @staticmethod
    def pad(ctx: Context) -> int:
        return ctx.m.px(14)

    @staticmethod
    def text_width(ctx: Context, tile_width: float) -> float:
        """Room for the title in a tile this wide (beside its square picture)."""
        return card_text_width(ctx.m, tile_width, LinkTile.tile_height(ctx), LinkTile.pad(ctx))

    @staticmethod
    def title(ctx: Context, work: Work) -> str:
        row = work.item
        if row["kind"] == "aphorism":
            return row.get("title_zh") or field(row, "title", ctx.lang)  # English beneath it
        return field(row, "title", ctx.lang)

    @staticmethod
    def title_font(ctx: Context):
        m = ctx.m
        return m.font("serif", 36 if m.large else 30, bold=True, lang=ctx.lang)

    def resizeEvent(self, event) -> None:
        side = picture_side(self.ctx.m, self.height(), self.pad(self.ctx))
        if self.picture is not None and side > 0 and side != self._asked:
            self._asked = side
            self.ctx.images.request(self.picture, QSize(side, side), self, self._loaded)

    def _loaded(self, pixmap: QPixmap) -> None:
        self.pixmap = pixmap
        self.update()

    def paintEvent(self, event) -> None:
        ctx, row = self.ctx, self.work.item
        card = Card(
            title=self.title(ctx, self.work),
            subtitle=card_subtitle(ctx, row),
            kind=row["kind"],
            title_font=self.title_font(ctx),
            caption_font=ctx.m.caption(ctx.lang),
            pixmap=self.pixmap,
            has_picture=self.picture is not None,
            pressed=self.pressed_down,
            fill=self.fill,
        )
        p = QPainter(self)
        paint_card(p, ctx.m, QRectF(self.rect()), card, self.pad(ctx))

    def activate(self) -> None:
        self.clicked.emit()


class Hero(PressableMixin, QWidget):
    """The item's picture, whole, in a box of fixed size (no reflow when it loads)."""

    clicked = Signal()

    def __init__(self, ctx: Context, path: Path, size: QSize, tappable: bool) -> None:
        super().__init__()
        self.ctx = ctx
        self.pixmap: QPixmap | None = None
        self.tappable = tappable
        self.setFixedSize(size)
        if tappable:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
        ctx.images.request(path, size, self, self._loaded)

    def _loaded(self, pixmap: QPixmap) -> None:
        self.pixmap = pixmap
        self.update()

    def paintEvent(self, event) -> None:
        if self.pixmap is None:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        fitted = QSizeF(self.pixmap.size()).scaled(
            QSizeF(self.size()), Qt.AspectRatioMode.KeepAspectRatio
        )
        # Centred across, from the top: the picture sits level with the title.
        target = QRectF((self.width() - fitted.width()) / 2, 0, fitted.width(), fitted.height())
        p.drawPixmap(target, self.pixmap, QRectF(self.pixmap.rect()))
        if self.pressed_down:
            p.fillRect(target, PRESSED)

    def activate(self) -> None:
        if self.tappable:
            self.clicked.emit()


class ItemScreen(InnerScreen):
    name = "item"

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.scroll = kinetic_area()
        self.body.addWidget(self.scroll, 1)
        self.key: str | None = None
        self.row: dict[str, Any] | None = None
        self.tiles: list[LinkTile] = []
        self.hero: Hero | None = None
        self.map_button: Button | None = None
        self.showing = VisitorShowing(ctx)
        self._pending_scroll: int | None = None
        self.scroll.verticalScrollBar().rangeChanged.connect(self._range_changed)

    def title(self) -> str:
        row = getattr(self, "row", None)
        return self.ctx.tr(row["kind"]) if row else ""

    # ------------------------------------------------------------ navigation
    def enter(self, key: str | None = None, **args: Any) -> None:
        self.showing.end()
        self.key = key
        self.row = self.ctx.library.item(key) if key else None
        self._pending_scroll = None
        self._build()
        self._relayout()
        self.scroll.verticalScrollBar().setValue(0)
        self.showing.begin(self.row)

    def leave(self) -> None:
        self.showing.end()

    def snapshot(self) -> dict[str, Any]:
        return {"scroll": self.scroll.verticalScrollBar().value()}

    def restore(self, state: dict[str, Any]) -> None:
        self._scroll_to(int(state.get("scroll", 0)))

    def _scroll_to(self, value: int) -> None:
        bar = self.scroll.verticalScrollBar()
        widget = self.scroll.widget()
        if widget is not None and widget.layout() is not None:
            widget.layout().activate()
        if bar.maximum() >= value:
            bar.setValue(value)
            self._pending_scroll = None
        else:  # the layout is not finished: scroll when the range has grown
            self._pending_scroll = value
            QTimer.singleShot(500, self._give_up_scroll)

    def _range_changed(self, low: int, high: int) -> None:
        if self._pending_scroll is not None and high >= self._pending_scroll:
            self.scroll.verticalScrollBar().setValue(self._pending_scroll)
            self._pending_scroll = None

    def _give_up_scroll(self) -> None:
        if self._pending_scroll is not None:
            self.scroll.verticalScrollBar().setValue(self._pending_scroll)
            self._pending_scroll = None

    def open(self, work: Work) -> None:
        screen, args = destination(work.kind, work.key)
        self.ctx.nav.go(screen, **args)

    def reset(self) -> None:
        self.showing.end()
        self.key, self.row = None, None

    def retranslate(self) -> None:
        super().retranslate()
        if getattr(self, "scroll", None) is None or self.key is None:
            return
        value = self.scroll.verticalScrollBar().value()
        self._build()
        self._scroll_to(value)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if getattr(self, "key", None) is not None and event.oldSize().width() != self.width():
            self._build()

    # ----------------------------------------------------------------- build
    def landscape(self) -> bool:
        return self.width() >= self.height()

    def _build(self) -> None:
        old = self.scroll.takeWidget()
        if old is not None:
            old.deleteLater()
        self.tiles, self.hero, self.map_button = [], None, None
        content = QWidget()
        v = QVBoxLayout(content)
        m = self.ctx.m
        v.setContentsMargins(m.px(8), m.px(8), m.px(8), m.gutter)
        v.setSpacing(m.gutter)
        if self.row is None:
            note = self._label(self.ctx.tr("item_missing"), self.ctx.m.reading(self.ctx.lang))
            v.addWidget(note)
        else:
            self._top(v)
            self._links(v)
        v.addStretch(1)
        self.scroll.setWidget(content)

    def _width(self) -> int:
        """The width content is laid out in (the scroll area's, before it is shown)."""
        m = self.ctx.m
        outer = m.margin + m.bezel  # the header's margins on both sides
        return max(m.px(400), self.width() - outer - 2 * m.px(8))

    def _top(self, v: QVBoxLayout) -> None:
        ctx, m, row = self.ctx, self.ctx.m, self.row
        lang = ctx.lang
        width = self._width()
        landscape = self.landscape()
        top = QBoxLayout(
            QBoxLayout.Direction.LeftToRight if landscape else QBoxLayout.Direction.TopToBottom
        )
        top.setSpacing(m.margin // 2 if landscape else m.gutter)
        shown, source = self._hero_picture()
        picture = shown.picture if shown is not None else None
        if picture is not None:
            # The box takes the picture's shape (known before it loads), within limits.
            aspect = (shown.width / shown.height) if shown.width and shown.height else 0.75
            if landscape:
                side = int(width * 0.36)
                high = min(int(side * 1.3), self.height() - m.px(260))
                size = QSize(side, max(int(side * 0.5), min(high, int(side / aspect))))
            else:
                size = QSize(width, max(int(width * 0.4), min(width, int(width / aspect))))
            self.hero = Hero(ctx, picture, size, tappable=source is not None)
            if source is not None:
                self.hero.clicked.connect(lambda: self.open(source))
            top.addWidget(self.hero, 0, Qt.AlignmentFlag.AlignTop)
        col = QVBoxLayout()
        col.setSpacing(m.px(18))
        soft = theme.INK_SOFT.name()
        meta = meta_line(ctx, row)
        if row["kind"] == "place" and row.get("region") and lang == "zh":
            meta = " · ".join(x for x in (meta, row["region"]) if x)
        if row["kind"] == "aphorism":
            quote = self._label(row.get("title_zh") or "", m.display(88 if m.large else 76))
            quote.setObjectName("title")
            col.addWidget(quote)
            if lang == "en" and row.get("title_en"):
                col.addWidget(self._label(row["title_en"], m.reading(lang), soft))
            source_text = source_line(row, lang)
            if source_text:
                dash = "——" if lang == "zh" else "—"
                col.addWidget(self._label(f"{dash} {source_text}", m.label(lang), soft))
        else:
            col.addWidget(self._label(meta, m.label(lang), soft))
            title = self._label(field(row, "title", lang), m.heading(lang))
            title.setObjectName("title")
            col.addWidget(title)
        summary = field(row, "summary", lang)
        if summary:
            big = m.font("serif", 44 if m.large else 34, lang=lang)
            col.addWidget(self._label(summary, big, rich=True))
        body = field(row, "body", lang)
        if body:
            col.addWidget(self._label(body, m.reading(lang), rich=True))
        source = field(row, "source", lang)
        if source and row["kind"] != "aphorism":  # an aphorism's source is beneath it already
            colon = "：" if lang == "zh" else ": "
            col.addWidget(self._label(ctx.tr("source") + colon + source, m.label(lang), soft))
        if row["kind"] == "place" and self._on_a_map(row):
            self.map_button = Button(ctx, lambda: ctx.tr("show_on_map"))
            self.map_button.clicked.connect(lambda: ctx.nav.go("map", key=row["key"]))
            col.addWidget(self.map_button)
        col.addStretch(1)
        column = QWidget()
        column.setLayout(col)
        col.setContentsMargins(0, 0, 0, 0)
        if picture is None:  # no picture beside it: keep lines to a readable length
            column.setMaximumWidth(m.px(1400 if m.large else 1250))
            top.addWidget(column, 10)
            top.addStretch(1)  # takes what the capped column leaves, so it stays left
        else:
            top.addWidget(column, 1)
        v.addLayout(top)

    def _on_a_map(self, row: dict[str, Any]) -> bool:
        return any(region.position(row) is not None for region in self.ctx.library.maps())

    def _hero_picture(self) -> tuple[Work | None, Work | None]:
        """The work whose picture heads the page — the item's own, else the first linked
        photo, calligraphy, poster or film (in that order) — and the linked work, if so."""
        own = self.ctx.library.work(self.row)
        if own.picture is not None:
            return own, None
        linked = [w for w in self.ctx.library.linked(self.row, list(PICTURE_KINDS)) if w.picture]
        linked.sort(key=lambda w: PICTURE_KINDS.index(w.kind))  # stable: display order within
        return (linked[0], linked[0]) if linked else (None, None)

    def _columns(self, kind: str, works: list[Work]) -> int:
        """Tiles per row: sayings are long lines, so fewer and wider; and no more
        than leave every title whole (long English names take a row of their own)."""
        ctx = self.ctx
        if self.landscape():
            columns = 2 if kind == "aphorism" else 3
        else:
            columns = 1 if kind == "aphorism" else 2
        fm = QFontMetrics(LinkTile.title_font(ctx))
        widest = max(fm.horizontalAdvance(LinkTile.title(ctx, w)) for w in works)
        width, gap = self._width(), ctx.m.gutter
        while columns > 1 and widest > LinkTile.text_width(
            ctx, (width - (columns - 1) * gap) / columns
        ):
            columns -= 1
        return columns

    def _links(self, v: QVBoxLayout) -> None:
        ctx, m = self.ctx, self.ctx.m
        linked = ctx.library.linked(self.row)
        if not linked:
            return
        for kind in GROUPS:
            of_kind = [w for w in linked if w.kind == kind]
            works = of_kind[:MAX_PER_GROUP]
            if not works:
                continue
            columns = self._columns(kind, works)
            heading = self._label(ctx.tr(kind), m.section(ctx.lang))
            heading.setContentsMargins(0, m.gutter, 0, 0)
            v.addWidget(heading)
            grid = QGridLayout()
            grid.setSpacing(m.gutter)
            for i, work in enumerate(works):
                tile = LinkTile(ctx, work)
                tile.clicked.connect(lambda w=work: self.open(w))
                grid.addWidget(tile, i // columns, i % columns)
                self.tiles.append(tile)
            for c in range(columns):
                grid.setColumnStretch(c, 1)
            v.addLayout(grid)
            hidden = len(of_kind) - len(works)
            if hidden > 0:
                more = ctx.trn("more_lines", hidden)
                v.addWidget(self._label(more, m.caption(ctx.lang), theme.INK_SOFT.name()))

    @staticmethod
    def _label(text: str, font, color: str | None = None, *, rich: bool = False) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setFont(font)
        label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        if rich:  # paragraphs at a reading line height
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setText(paragraphs_html(text.split("\n"), font, font.pixelSize() // 2))
        else:
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setText(text)
        if color:
            label.setStyleSheet(f"color: {color};")
        return label
