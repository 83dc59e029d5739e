"""The film library: a scrolling grid of poster frames ("films").

Every film shows its poster frame, title and length; a tap opens the player
("film") with the film's key.
"""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPixmap
from PySide6.QtWidgets import QLabel, QScroller, QWidget

from kiosk.catalog.library import Work
from kiosk.strings import field
from kiosk.ui.films.look import draw_icon, duration_text
from kiosk.ui.screen import Context, InnerScreen
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.buttons import Hook, PressableMixin
from kiosk.ui.widgets.scrolling import kinetic_area
from kiosk.ui.widgets.text import wrap_lines


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
        self.notice.setText(self.ctx.tr(self.ctx.films_off) if unavailable else "")
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
