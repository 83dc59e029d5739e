"""One couplet's page (screen "couplet", argument ``key``): the pair as it hangs.

Opened from the sayings (couplets are listed among the aphorisms, marked 对联) and
from search. The typesetting is ``kiosk.ui.widgets.couplet``; English renderings
appear beneath when the visitor reads English. The visit is recorded like an item
page's (``ctx.records``, context "visitor").
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.ui.screen import Context, InnerScreen, VisitorShowing
from kiosk.ui.widgets.couplet import Couplet, CoupletLayout, compose_couplet, paint_couplet


class CoupletView(QWidget):
    """Paints one couplet filling the widget."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.row: dict[str, Any] | None = None

    def composition(self) -> CoupletLayout | None:
        """Where everything is drawn at the current size, language and text size."""
        if self.row is None or self.width() <= 0:
            return None
        lang = self.ctx.lang
        couplet = Couplet.from_item(self.row, lang)
        return compose_couplet(QRectF(self.rect()), couplet, self.ctx.m, english=lang == "en")

    def paintEvent(self, event) -> None:
        layout = self.composition()
        if layout is not None:
            p = QPainter(self)
            paint_couplet(p, layout, self.ctx.m, card=False)


class CoupletScreen(InnerScreen):
    name = "couplet"

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.view = CoupletView(ctx)
        self.missing = QLabel()
        self.missing.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body.addWidget(self.view, 1)
        self.body.addWidget(self.missing, 1)
        self.missing.hide()
        self.showing = VisitorShowing(ctx)
        self.retranslate()

    def title(self) -> str:
        return self.ctx.tr("kind_couplet")

    def enter(self, key: str | None = None, **args: Any) -> None:
        self.showing.end()
        row = self.ctx.library.item(key) if key else None
        self.view.row = row if row is not None and row["kind"] == "couplet" else None
        self.view.setVisible(self.view.row is not None)
        self.missing.setVisible(self.view.row is None)
        self.view.update()
        self.showing.begin(self.view.row)

    def leave(self) -> None:
        self.showing.end()

    def reset(self) -> None:
        self.showing.end()
        self.view.row = None

    def retranslate(self) -> None:
        super().retranslate()
        if not hasattr(self, "view"):
            return
        self.missing.setFont(self.ctx.m.reading(self.ctx.lang))
        self.missing.setText(self.ctx.tr("item_missing"))
        self.view.update()
