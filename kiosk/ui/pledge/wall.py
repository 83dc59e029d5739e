"""The wall: how many have signed and every signature, newest first; a visitor who has just
signed sees theirs arrive at the top.  Also offers to sign (when a pledge text exists)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QHBoxLayout

from kiosk.ui.pledge.grid import SignatureGrid
from kiosk.ui.quiz.look import set_text, text_label
from kiosk.ui.screen import Context, InnerScreen
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.buttons import Button


class PledgeWallScreen(InnerScreen):
    name = "pledge_wall"

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.count_label = text_label(theme.SEAL)
        self.sign_button = Button(ctx, lambda: ctx.tr("pledge_sign_too"), accent=True,
                                  min_size=QSize(240, 96))  # fmt: skip
        self.sign_button.clicked.connect(self._sign)
        self.none_label = text_label(theme.INK_SOFT, center=True)
        self.grid = SignatureGrid(ctx)
        top = QHBoxLayout()
        top.addWidget(self.count_label, 1)
        top.addWidget(self.sign_button)
        self.body.addLayout(top)
        self.body.addWidget(self.none_label)
        self.body.addWidget(self.grid, 1)
        self._loaded = False
        self._came_from_pledge = False
        self.retranslate()

    def title(self) -> str:
        return self.ctx.tr("pledge_wall")

    def load(self, arrived: int | None = None) -> None:
        """Read the signatures again (every entry: a visitor may have just signed)."""
        self.grid.set_signatures(self.ctx.library.pledges.newest(), arrived)
        self._loaded = True
        self._count()

    def _count(self) -> None:
        ctx, n = self.ctx, len(self.grid.signed)
        set_text(self.count_label, ctx.trn("pledge_wall_count", n), ctx.m.heading(ctx.lang))
        set_text(self.none_label, "" if n else ctx.tr("pledge_wall_none"), ctx.m.reading(ctx.lang))
        self.sign_button.setVisible(self.ctx.library.pledge_text() is not None)

    def _sign(self) -> None:
        if self._came_from_pledge:  # back to the (cleared) pledge screen, not a second one
            self.ctx.nav.back()
        else:
            self.ctx.nav.go("pledge")

    def enter(self, **args: Any) -> None:
        self._came_from_pledge = args.get("arrived") is not None
        self.load(args.get("arrived"))

    def reset(self) -> None:
        self.grid.verticalScrollBar().setValue(0)

    def retranslate(self) -> None:
        super().retranslate()
        if not hasattr(self, "grid"):
            return
        self.sign_button.refresh()
        if self._loaded:
            self._count()
        self.body.setSpacing(self.ctx.m.gutter)
        self.grid.viewport().update()
