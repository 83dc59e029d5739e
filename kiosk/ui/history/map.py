"""The offline map: places as pins on a map image shipped with the content.

No tiles, no network: the map is an image imported like any other (a sheet row
of kind 地图/map, with its bounds when pins come from latitude and longitude).
Pins are painted over the picture at the place's position (kiosk.catalog.
library.RegionMap.position); tapping one opens the place.  Labels go beside
their pins where they do not cover another label, else they are left out (the
pin can still be tapped).  Arriving from a place's "show on the map", that pin
is drawn in seal red.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt, Signal
from PySide6.QtGui import QFontMetrics, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListView, QWidget

from kiosk.catalog.library import RegionMap
from kiosk.strings import field
from kiosk.ui.history.lists import CardDelegate, meta_line
from kiosk.ui.screen import Context, InnerScreen
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.buttons import Button
from kiosk.ui.widgets.models import ITEM, ObjectListModel
from kiosk.ui.widgets.scrolling import kinetic_list, press_feedback


@dataclass
class Pin:
    row: dict[str, Any]
    x: float  # fractions of the map's width and height
    y: float


class MapView(QWidget):
    """The map picture, fitted whole, with its pins; ``tapped`` gives a place's key."""

    tapped = Signal(str)

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.region: RegionMap | None = None
        self.pins: list[Pin] = []
        self.selected: str | None = None
        self.pixmap: QPixmap | None = None
        self._asked: tuple | None = None
        self._press: QPointF | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)

    def show_map(self, region: RegionMap | None, pins: list[Pin], selected: str | None) -> None:
        old = self.region.key if self.region else None
        if (region.key if region else None) != old:
            self.pixmap, self._asked = None, None
        self.region, self.pins, self.selected = region, pins, selected
        self._request()
        self.update()

    def map_rect(self) -> QRectF:
        """Where the map picture sits: fitted whole and centred."""
        if self.region is None or not self.region.width or not self.region.height:
            return QRectF()
        size = QSizeF(self.region.width, self.region.height).scaled(
            QSizeF(self.size()), Qt.AspectRatioMode.KeepAspectRatio
        )
        return QRectF(
            (self.width() - size.width()) / 2,
            (self.height() - size.height()) / 2,
            size.width(),
            size.height(),
        )

    def pin_point(self, pin: Pin) -> QPointF:
        r = self.map_rect()
        return QPointF(r.left() + pin.x * r.width(), r.top() + pin.y * r.height())

    def _request(self) -> None:
        r = self.map_rect()
        if self.region is None or r.isEmpty():
            return
        size = r.size().toSize()
        wanted = (self.region.key, size.width(), size.height())
        if wanted != self._asked:
            self._asked = wanted
            self.ctx.images.request(self.region.picture, size, self, self._loaded)

    def _loaded(self, pixmap: QPixmap) -> None:
        self.pixmap = pixmap
        self.update()

    def resizeEvent(self, event) -> None:
        self._request()

    # ------------------------------------------------------------------ taps
    def pin_at(self, pos: QPointF) -> Pin | None:
        """The nearest pin within half a touch target of ``pos``."""
        reach = self.ctx.m.touch_min / 2
        best, best_d = None, reach * reach
        for pin in self.pins:
            point = self.pin_point(pin)
            d = (point.x() - pos.x()) ** 2 + (point.y() - pos.y()) ** 2
            if d <= best_d:
                best, best_d = pin, d
        return best

    def mousePressEvent(self, event) -> None:
        self._press = event.position()

    def mouseReleaseEvent(self, event) -> None:
        press, self._press = self._press, None
        if press is None:
            return
        pos = event.position()
        if (pos - press).manhattanLength() > self.ctx.m.touch_min / 2:
            return  # a drag, not a tap
        pin = self.pin_at(pos)
        if pin is not None:
            self.tapped.emit(pin.row["key"])

    # ----------------------------------------------------------------- paint
    def paintEvent(self, event) -> None:
        m, lang = self.ctx.m, self.ctx.lang
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        r = self.map_rect()
        if r.isEmpty():
            return
        if self.pixmap is not None:
            p.drawPixmap(r, self.pixmap, QRectF(self.pixmap.rect()))
        else:
            p.fillRect(r, theme.PAPER_DEEP)
        font = m.label(lang)
        fm = QFontMetrics(font)
        p.setFont(font)
        taken: list[QRectF] = []
        # The selected pin last, so it is drawn on top and keeps its label.
        order = sorted(self.pins, key=lambda pin: pin.row["key"] == self.selected, reverse=True)
        labels: list[tuple[QRectF, str, bool]] = []
        for pin in order:
            point = self.pin_point(pin)
            chosen = pin.row["key"] == self.selected
            radius = m.px(18 if chosen else 13)
            taken.append(QRectF(point.x() - radius, point.y() - radius, 2 * radius, 2 * radius))
            placed = self._label_box(
                point, radius, fm, field(pin.row, "title", lang), taken, chosen
            )
            if placed is not None:
                taken.append(placed[0])
                labels.append((*placed, chosen))
        for pin in reversed(order):
            point = self.pin_point(pin)
            chosen = pin.row["key"] == self.selected
            radius = m.px(18 if chosen else 13)
            p.setPen(QPen(theme.PAPER, max(2, m.px(4))))
            p.setBrush(theme.SEAL if chosen else theme.CELADON)
            p.drawEllipse(point, radius, radius)
        for box, text, chosen in labels:
            path = QPainterPath()
            path.addRoundedRect(box, m.px(8), m.px(8))
            fill = theme.PAPER if not chosen else theme.SEAL
            p.fillPath(path, fill)
            p.setPen(theme.INK if not chosen else theme.PAPER)
            p.drawText(box, int(Qt.AlignmentFlag.AlignCenter), text)

    def _label_box(
        self,
        point: QPointF,
        radius: int,
        fm: QFontMetrics,
        text: str,
        taken: list[QRectF],
        must: bool,
    ) -> tuple[QRectF, str] | None:
        """Where a pin's label goes (and its text, elided to fit) without covering another
        label or pin; None if nowhere — unless ``must``, then the first place on screen."""
        m = self.ctx.m
        pad = m.px(12)
        text = fm.elidedText(text, Qt.TextElideMode.ElideRight, int(self.width() * 0.45))
        w = fm.horizontalAdvance(text) + 2 * pad
        h = fm.height() + m.px(8)
        gap = radius + m.px(8)
        candidates = (
            QRectF(point.x() + gap, point.y() - h / 2, w, h),
            QRectF(point.x() - gap - w, point.y() - h / 2, w, h),
            QRectF(point.x() - w / 2, point.y() - gap - h, w, h),
            QRectF(point.x() - w / 2, point.y() + gap, w, h),
        )
        area = QRectF(self.rect())
        inside = [box for box in candidates if area.contains(box)]
        for box in inside:
            if not any(box.intersects(t) for t in taken):
                return box, text
        if must and inside:
            return inside[0], text
        return None


class MapScreen(InnerScreen):
    name = "map"

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.view = MapView(ctx)
        self.view.tapped.connect(lambda key: ctx.nav.go("item", key=key))
        self.switch = QHBoxLayout()
        self.note = QLabel()
        self.note.setStyleSheet(f"color: {theme.INK_SOFT.name()};")
        # Beside the map on a landscape screen: every place as a card (those without a
        # pin too), so the room a tall map leaves is used and no place is out of reach.
        self.model = ObjectListModel()
        self.list = kinetic_list(QListView())
        self.list.setModel(self.model)
        self.list.setItemDelegate(CardDelegate(self))
        self.list.setUniformItemSizes(True)
        press_feedback(self, self.list)
        self.list.clicked.connect(lambda index: ctx.nav.go("item", key=index.data(ITEM)["key"]))
        middle = QHBoxLayout()
        middle.addWidget(self.view, 1)
        middle.addWidget(self.list)
        self._middle = middle
        self.body.addLayout(self.switch)
        self.body.addLayout(middle, 1)
        self.body.addWidget(self.note)
        self.maps: list[RegionMap] = []
        self.region: RegionMap | None = None
        self.selected: str | None = None
        self.buttons: list[Button] = []
        self._missing = 0
        self.retranslate()

    def title(self) -> str:
        return self.ctx.tr("map")

    def map_title(self, region: RegionMap) -> str:
        return field(
            {"title_zh": region.title_zh, "title_en": region.title_en}, "title", self.ctx.lang
        )

    @property
    def pins(self) -> list[Pin]:
        return self.view.pins

    def enter(self, key: str | None = None, map: str | None = None, **args: Any) -> None:
        self.maps = self.ctx.library.maps()
        self.selected = key
        places = self.ctx.library.rows(["place"])
        region = next((r for r in self.maps if r.key == map), None)
        if region is None and key is not None:  # the first map the place is on
            row = next((r for r in places if r["key"] == key), None)
            region = next((r for r in self.maps if row and r.position(row)), None)
        self._show(region or (self.maps[0] if self.maps else None), places)
        self._switches()

    def _show(self, region: RegionMap | None, places: list[dict[str, Any]] | None = None) -> None:
        if places is None:
            places = self.ctx.library.rows(["place"])
        self.region = region
        pins = []
        if region is not None:
            for row in places:
                position = region.position(row)
                if position is not None:
                    pins.append(Pin(row, *position))
        self.view.show_map(region, pins, self.selected)
        self.model.set_items(places)
        self._missing = len(places) - len(pins)
        self._note()

    def _note(self) -> None:
        """Beneath the map: its title, and how many places it does not show."""
        if self.region is None:
            self.note.setText(self.ctx.tr("map_none"))
            return
        parts = [self.map_title(self.region)]
        if self._missing:
            parts.append(self.ctx.trn("map_unplaced", self._missing))
        self.note.setText(" · ".join(p for p in parts if p))

    def _switches(self) -> None:
        for button in self.buttons:
            self.switch.removeWidget(button)
            button.deleteLater()
        self.buttons = []
        if len(self.maps) > 1:
            for region in self.maps:
                button = Button(self.ctx, lambda r=region: self.map_title(r))
                button.clicked.connect(lambda r=region: self._show(r))
                self.switch.addWidget(button)
                self.buttons.append(button)
            self.switch.addStretch(1)

    def reset(self) -> None:
        self.selected = None
        self.list.scrollToTop()

    # The side list's cards (kiosk.ui.history.lists.CardDelegate asks for these).
    def card_text(self, row: dict[str, Any]) -> tuple[str, str]:
        lang = self.ctx.lang
        # Chinese: where it is (地区); English has no region column: its summary.
        line = row.get("region") if lang == "zh" else field(row, "summary", lang)
        return field(row, "title", lang), line or meta_line(self.ctx, row, kind=False)

    def card_title_font(self):
        m = self.ctx.m
        return m.font("serif", 34 if m.large else 28, bold=True, lang=self.ctx.lang)

    def card_height(self) -> int:
        m = self.ctx.m
        title = QFontMetrics(self.card_title_font()).height()
        sub = QFontMetrics(m.caption(self.ctx.lang)).lineSpacing()
        return title + sub + m.px(10) + 2 * m.px(24) + m.gutter

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        landscape = self.width() > self.height() * 1.2
        self.list.setVisible(landscape)
        self.list.setFixedWidth(int(self.width() * 0.3))
        self._middle.setSpacing(self.ctx.m.gutter)

    def retranslate(self) -> None:
        super().retranslate()
        if not hasattr(self, "view"):
            return
        self.note.setFont(self.ctx.m.caption(self.ctx.lang))
        self._note()
        for button in self.buttons:
            button.refresh()
        self.view.update()
