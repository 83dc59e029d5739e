"""The home screen: the base's name, the time, and a few large calm tiles; with
``[ticker] on_home``, the rules ticker along the bottom (kiosk.ui.widgets.ticker)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QDateTime, QLocale, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QPainter, QPainterPath, QPixmap
from PySide6.QtWidgets import QBoxLayout, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.strings import tr
from kiosk.ticker import TickerLines
from kiosk.ui.screen import Context, Screen
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.buttons import Button, PressableMixin
from kiosk.ui.widgets.text import fit_font
from kiosk.ui.widgets.ticker import TickerBand


@dataclass(frozen=True)
class Section:
    label: str  # strings.py key
    screen: str
    args: tuple[tuple[str, str], ...]
    picture_kinds: tuple[str, ...]  # where the tile's image comes from


SECTIONS = (
    Section("films", "films", (), ("film",)),
    Section("calligraphy", "gallery", (("kind", "calligraphy"),), ("calligraphy",)),
    Section("posters", "gallery", (("kind", "poster"),), ("poster",)),
    Section("aphorisms", "aphorisms", (), ("calligraphy", "poster")),
    Section("history", "history", (), ("person", "place", "photo", "poster")),
    Section("photos", "gallery", (("kind", "photo"),), ("photo",)),
    Section("case", "cases", (), ("poster", "photo")),
    Section("riddles", "riddles", (), ("poster", "calligraphy", "photo")),
    Section("songs", "songs", (), ("calligraphy",)),
    Section("quiz", "quiz", (), ("calligraphy", "poster", "photo")),
    Section("pledges", "pledge", (), ("calligraphy", "poster")),
)


class Tile(PressableMixin, QWidget):
    clicked = Signal()

    def __init__(self, ctx: Context, section: Section, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.section = ctx, section
        self.pixmap: QPixmap | None = None
        self._picture = None
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def set_picture(self, path) -> None:
        self._picture = path
        self._request()

    def _request(self) -> None:
        if self._picture is not None and self.width() > 0:
            size = QSize(self.width(), self.height())
            self.ctx.images.request(self._picture, size, self, self._loaded, cover=True)

    def _loaded(self, pixmap: QPixmap) -> None:
        self.pixmap = pixmap
        self.update()

    def resizeEvent(self, event) -> None:
        self._request()

    def paintEvent(self, event) -> None:
        m = self.ctx.m
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        r = QRectF(self.rect())
        path = QPainterPath()
        path.addRoundedRect(r, m.radius, m.radius)
        p.setClipPath(path)
        p.fillPath(path, theme.PAPER_DEEP)
        label_h = m.px(150 if m.large else 132)
        pic = QRectF(r.left(), r.top(), r.width(), r.height() - label_h)
        if self.pixmap is not None and pic.height() > 0:
            scaled = self.pixmap.scaled(
                pic.size().toSize(),
                Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                Qt.TransformationMode.SmoothTransformation,
            )
            sx = (scaled.width() - pic.width()) / 2
            sy = (scaled.height() - pic.height()) / 2
            p.drawPixmap(pic, scaled, QRectF(sx, sy, pic.width(), pic.height()))
        lang = self.ctx.lang
        first, second = ("zh", "en") if lang == "zh" else ("en", "zh")
        text_r = QRectF(
            r.left() + m.px(28), pic.bottom() + m.px(14), r.width() - m.px(56), label_h - m.px(20)
        )
        p.setPen(theme.INK)
        first_font = m.font("serif", 44 if first == "zh" else 38, bold=True, lang=first)
        p.setFont(fit_font(first_font, tr(self.section.label, first), text_r.width()))
        p.drawText(
            text_r,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
            tr(self.section.label, first),
        )
        p.setPen(theme.INK_SOFT)
        second_font = m.font("sans", 26, lang=second)
        p.setFont(fit_font(second_font, tr(self.section.label, second), text_r.width()))
        p.drawText(
            text_r,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom),
            tr(self.section.label, second),
        )
        self._press_overlay(p, path)

    def activate(self) -> None:
        self.clicked.emit()


class HomeScreen(Screen):
    name = "home"

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.name_label = QLabel()
        self.clock_label = QLabel()
        self.clock_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        header = QHBoxLayout()
        header.addWidget(self.name_label, 1)
        header.addWidget(self.clock_label)
        self.grid = QGridLayout()
        self.tiles: list[Tile] = []
        self.lang_button = Button(ctx, lambda: ctx.tr("language"))
        self.lang_button.clicked.connect(ctx.visit.toggle_lang)
        self.large_button = Button(
            ctx, lambda: ctx.tr("normal_text" if ctx.m.large else "large_text")
        )
        self.large_button.clicked.connect(lambda: ctx.visit.set_large(not ctx.m.large))
        self.search_button = Button(ctx, lambda: ctx.tr("search"), accent=False)
        self.search_button.clicked.connect(lambda: ctx.nav.go("search"))
        footer = QHBoxLayout()
        footer.addWidget(self.search_button)
        footer.addStretch(1)
        footer.addWidget(self.large_button)
        footer.addWidget(self.lang_button)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addLayout(header)
        self.layout_.addLayout(self.grid, 1)
        self.layout_.addLayout(footer)
        self._header, self._footer = header, footer
        self._clock = QTimer(self)
        self._clock.setInterval(1000)
        self._clock.timeout.connect(self._update_clock)
        self._columns = 0
        self.ticker: TickerBand | None = None
        if ctx.settings.ticker.on_home:
            lines = TickerLines(ctx.library.works, ctx.settings.ticker.languages)
            self.ticker = TickerBand(
                lines, ctx.settings.ticker, ctx, records=ctx.records, parent=self
            )
            self.ticker.shown_changed.connect(self._place_ticker)
        self.refresh()

    def sections(self) -> list[Section]:
        """Sections with something to show (a tile never leads to an empty screen)."""
        counts = self.ctx.library.counts()
        wanted = {
            "films": counts.get("film", 0),
            "calligraphy": counts.get("calligraphy", 0),
            "posters": counts.get("poster", 0),
            "aphorisms": counts.get("aphorism", 0),
            "history": sum(counts.get(k, 0) for k in ("person", "place", "event")),
            "photos": counts.get("photo", 0),
            "case": counts.get("case", 0),
            "riddles": counts.get("riddle", 0),
            "songs": counts.get("song", 0),
            "quiz": counts.get("question", 0) if self.ctx.settings.quiz.enabled else 0,
            "pledges": counts.get("pledge", 0) if self.ctx.settings.pledge.enabled else 0,
        }
        return [s for s in SECTIONS if wanted[s.label] > 0]

    def refresh(self) -> None:
        for tile in self.tiles:
            self.grid.removeWidget(tile)
            tile.deleteLater()
        self.tiles = []
        used: set = set()
        for section in self.sections():
            tile = Tile(self.ctx, section)
            tile.clicked.connect(lambda s=section: self.ctx.nav.go(s.screen, **dict(s.args)))
            picture = self._picture_for(section, used)
            used.add(picture)
            tile.set_picture(picture)
            self.tiles.append(tile)
        self._columns = 0
        self._arrange()
        self.retranslate()

    def _picture_for(self, section: Section, used: set) -> Path | None:
        """The first picture of the section's kinds that no earlier tile shows."""
        library = self.ctx.library
        for kind in section.picture_kinds:
            for row in library.rows([kind]):
                if row.get("media_id") is None:
                    continue
                picture = library.work(row).picture
                if picture is not None and picture not in used:
                    return picture
        return None

    def _arrange(self) -> None:
        portrait = self.height() > self.width()
        self._header.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        self.clock_label.setAlignment(
            (Qt.AlignmentFlag.AlignLeft if portrait else Qt.AlignmentFlag.AlignRight)
            | Qt.AlignmentFlag.AlignVCenter
        )
        # Three rows at most in landscape: past nine tiles a fourth column keeps each tile
        # tall enough to show its picture.
        columns = 2 if portrait else (3 if len(self.tiles) <= 9 else 4)
        if columns == self._columns:
            return
        self._columns = columns
        for tile in self.tiles:
            self.grid.removeWidget(tile)
        for i, tile in enumerate(self.tiles):
            self.grid.addWidget(tile, i // columns, i % columns)
        for c in range(4):
            self.grid.setColumnStretch(c, 1 if c < columns else 0)

    def resizeEvent(self, event) -> None:
        self._arrange()
        self._place_ticker()
        super().resizeEvent(event)

    def _place_ticker(self) -> None:
        """The ticker along the bottom edge, the footer's margin above it."""
        m = self.ctx.m
        h = self.ticker.band_height() if self.ticker is not None else 0
        self.layout_.setContentsMargins(m.margin, m.px(64), m.margin, m.px(56) + h)
        if h:
            self.ticker.setGeometry(0, self.height() - h, self.width(), h)

    def enter(self, **args) -> None:
        if self.ctx.library.changed(self):
            self.refresh()
        self._update_clock()
        self._clock.start()
        if self.ticker is not None:
            self.ticker.start()

    def leave(self) -> None:
        self._clock.stop()
        if self.ticker is not None:
            self.ticker.stop("the home screen was left")

    def _update_clock(self) -> None:
        now = QDateTime.currentDateTime()
        if self.ctx.lang == "zh":
            text = QLocale(QLocale.Language.Chinese, QLocale.Country.China).toString(
                now, "yyyy年M月d日 dddd  HH:mm"
            )
        else:
            text = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom).toString(
                now, "dddd d MMMM yyyy  HH:mm"
            )
        self.clock_label.setText(text)

    def retranslate(self) -> None:
        m = self.ctx.m
        ex = self.ctx.settings.exhibition
        self.name_label.setText(ex.name_en if self.ctx.lang == "en" else ex.name_zh)
        self.name_label.setFont(m.font("serif", 44, bold=True, lang=self.ctx.lang))
        self.clock_label.setFont(m.font("sans", 28, lang=self.ctx.lang))
        pal = self.clock_label.palette()
        pal.setColor(self.clock_label.foregroundRole(), theme.INK_SOFT)
        self.clock_label.setPalette(pal)
        self._place_ticker()
        self.layout_.setSpacing(m.px(40))
        self.grid.setSpacing(m.gutter)
        self._footer.setSpacing(m.gutter)
        for b in (self.lang_button, self.large_button, self.search_button):
            b.refresh()
        for tile in self.tiles:
            tile.update()
        self._update_clock()
        if self.ticker is not None:
            self.ticker.refresh()  # a new text size
