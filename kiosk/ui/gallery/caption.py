"""A work's text on the gallery's work page: title, era, author, text, source, linked items.

The panel lies beside the work (landscape) or beneath it (portrait), on a
paper-deep card, and scrolls with a finger when long; a fade at its foot
says that more text lies below.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QLinearGradient, QPainter
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from kiosk.catalog.library import Work, format_years
from kiosk.strings import field
from kiosk.ui.history.detail import LinkTile
from kiosk.ui.screen import Context
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.scrolling import kinetic
from kiosk.ui.widgets.text import paragraphs_html


def era_line(item: dict[str, Any], lang: str) -> str:
    """ "北宋 · 1046年" — the era and the years, whichever the catalogue has."""
    years = format_years(item.get("year_from"), item.get("year_to"), lang)
    return " · ".join(x for x in (field(item, "era", lang), years) if x)


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
