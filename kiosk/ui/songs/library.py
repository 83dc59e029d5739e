"""The songs ("songs"): one row per song — title, author or performer, length; a tap plays it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter
from PySide6.QtWidgets import QLabel, QScroller, QVBoxLayout, QWidget

from kiosk.catalog.library import Work
from kiosk.strings import field
from kiosk.ui.films.look import draw_icon, duration_text
from kiosk.ui.screen import Context, InnerScreen
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.buttons import Hook, PressableMixin
from kiosk.ui.widgets.scrolling import kinetic_area
from kiosk.ui.widgets.text import wrap_lines


def byline(item: dict[str, Any], lang: str) -> str:
    """Who wrote or performs a song, and where it comes from, in one line."""
    parts = [field(item, "author", lang), field(item, "source", lang)]
    return " · ".join(p for p in parts if p)


class SongRow(PressableMixin, QWidget):
    """One song on a paper card: a play mark, its title and byline, its length at the right."""

    def __init__(self, ctx: Context, work: Work, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clicked = Hook()
        self.ctx, self.work = ctx, work
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.restyle()

    def fonts(self) -> tuple[QFont, QFont]:
        m = self.ctx.m
        return m.font("serif", 44 if m.large else 36, bold=True, lang=self.ctx.lang), m.caption(
            self.ctx.lang
        )

    def restyle(self) -> None:
        self._fit_height()
        self.update()

    def _text_rect(self) -> tuple[float, float]:
        """Where the title and byline go: (left, width)."""
        m = self.ctx.m
        _, caption = self.fonts()
        length = duration_text(self.work.duration_s, self.ctx.lang)
        length_w = QFontMetricsF(caption).horizontalAdvance(length) + m.px(8)
        x = m.px(24) + m.px(72) + m.px(28)
        return x, self.width() - m.px(32) - length_w - m.gutter - x

    def _byline_lines(self) -> list[str]:
        """The byline, wrapped on two lines at most (large text reflows, it is not cut)."""
        _, width = self._text_rect()
        _, caption = self.fonts()
        return wrap_lines(byline(self.work.item, self.ctx.lang), caption, max(1.0, width), 2)

    def _fit_height(self) -> None:
        m = self.ctx.m
        title, caption = (QFontMetricsF(f) for f in self.fonts())
        lines = max(1, len(self._byline_lines()))
        text_h = title.height() + m.px(8) + caption.height() * lines
        self.setFixedHeight(max(m.touch_min, round(text_h + 2 * m.px(24))))

    def resizeEvent(self, event) -> None:
        self._fit_height()

    def activate(self) -> None:
        self.clicked()

    def paintEvent(self, event) -> None:
        m = self.ctx.m
        p, r, path = self._outline(m.radius)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        p.fillPath(path, theme.PAPER_DEEP)
        self._press_overlay(p, path)
        d = min(m.px(72), r.height() - 2 * m.px(16))
        disc = QRectF(r.left() + m.px(24), r.center().y() - d / 2, d, d)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(theme.SEAL)
        p.drawEllipse(disc)
        inner = disc.adjusted(d * 0.3, d * 0.3, -d * 0.3, -d * 0.3)
        inner.translate(d * 0.03, 0)
        draw_icon(p, "play", inner, theme.PAPER, max(2, m.px(3)))
        title_font, caption_font = self.fonts()
        length = duration_text(self.work.duration_s, self.ctx.lang)
        p.setFont(caption_font)
        length_w = QFontMetricsF(caption_font).horizontalAdvance(length) + m.px(8)
        right = QRectF(r.right() - m.px(32) - length_w, r.top(), length_w, r.height())
        p.setPen(theme.INK_SOFT)
        p.drawText(right, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight), length)
        x, width = self._text_rect()
        tm, cm = QFontMetricsF(title_font), QFontMetricsF(caption_font)
        lines = self._byline_lines()
        top = r.center().y() - (tm.height() + m.px(8) + cm.height() * max(1, len(lines))) / 2
        title = tm.elidedText(field(self.work.item, "title", self.ctx.lang), _ELIDE, width)
        p.setFont(title_font)
        p.setPen(theme.INK)
        p.drawText(QRectF(x, top, width, tm.height()), int(_LEFT), title)
        p.setFont(caption_font)
        p.setPen(theme.INK_SOFT)
        y = top + tm.height() + m.px(8)
        for line in lines:
            p.drawText(QRectF(x, y, width, cm.height()), int(_LEFT), line)
            y += cm.height()


_ELIDE = Qt.TextElideMode.ElideRight
_LEFT = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft


class SongsScreen(InnerScreen):
    """Every song, one row each; a tap opens the lyrics screen ("song")."""

    name = "songs"

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.rows: list[SongRow] = []
        self._keys: list[str] | None = None
        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll = kinetic_area()
        self.page = QWidget()
        self.column = QVBoxLayout(self.page)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.addStretch(1)
        self.scroll.setWidget(self.page)
        self.body.addWidget(self.empty_label, 1)
        self.body.addWidget(self.scroll, 1)
        self._restyle()

    def title(self) -> str:
        return self.ctx.tr("songs_title")

    def enter(self, **args: Any) -> None:
        self.reload()

    def reload(self) -> None:
        works = self.ctx.library.works(["song"])
        keys = [w.key for w in works]
        if keys != self._keys:
            self._keys = keys
            for row in self.rows:
                self.column.removeWidget(row)
                row.deleteLater()
            self.rows = []
            for n, work in enumerate(works):
                row = SongRow(self.ctx, work, self.page)
                row.clicked.connect(lambda key=work.key: self.ctx.nav.go("song", key=key))
                self.column.insertWidget(n, row)
                self.rows.append(row)
        self.empty_label.setVisible(not self.rows)
        self.scroll.setVisible(bool(self.rows))

    def reset(self) -> None:
        QScroller.scroller(self.scroll.viewport()).stop()
        self.scroll.verticalScrollBar().setValue(0)

    def retranslate(self) -> None:
        super().retranslate()
        self._restyle()

    def _restyle(self) -> None:
        m = self.ctx.m
        self.column.setSpacing(m.gutter)
        self.empty_label.setFont(m.reading(self.ctx.lang))
        self.empty_label.setText(self.ctx.tr("songs_empty"))
        for row in self.rows:
            row.restyle()
