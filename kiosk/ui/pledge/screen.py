"""The visitor's pledge: the operator's text beside (portrait: above) a large pad to sign
on with a finger; undo, start again, sign.  A scribble too small to be a signature is
refused with a gentle line and nothing is kept; a signature is drawn into its picture on a
worker thread, then kept and shown arriving on the wall.  No name is ever asked.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QSize, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QVBoxLayout

from kiosk.catalog.library import Signature
from kiosk.pledge.signature import from_pad
from kiosk.strings import field
from kiosk.ui.quiz.look import scrolled_page, set_text, text_label
from kiosk.ui.screen import Context, InnerScreen
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.buttons import Button
from kiosk.ui.widgets.ink import InkPad

# The pad takes every point a finger gives for a long signature (a minute of writing);
# the catalogue keeps at most kiosk.pledge.signature.MAX_POINTS of them (thinned).
PAD_STROKE_POINTS = 2048
PAD_POINTS = 8192


class Rendered(QObject):
    """Carries a picture drawn on a worker thread back to the GUI thread."""

    done = Signal(object, object)  # the signature, the picture's path (None: not drawn)


class PledgeScreen(InnerScreen):
    name = "pledge"

    def __init__(self, ctx: Context, pool: QThreadPool | None = None) -> None:
        super().__init__(ctx)
        self.pool = pool or QThreadPool.globalInstance()
        self.saving = False
        self.refused: str | None = None  # the strings key of the last refusal shown
        self.area, column = scrolled_page()
        self.heading = text_label()
        self.text = text_label()
        self.no_name = text_label(theme.INK_SOFT)
        self.wall_button = Button(ctx, lambda: ctx.tr("pledge_to_wall"), min_size=QSize(200, 96))
        self.wall_button.clicked.connect(lambda: ctx.nav.go("pledge_wall"))
        column.addWidget(self.heading)
        column.addWidget(self.text)
        column.addWidget(self.no_name)
        column.addStretch(1)
        self.pad = InkPad(ctx, guide=False, max_stroke_points=PAD_STROKE_POINTS,
                          max_points=PAD_POINTS)  # fmt: skip
        self.pad.changed.connect(self._pad_changed)
        self.message = text_label(theme.INK_SOFT, center=True)
        self.undo_button = Button(ctx, lambda: ctx.tr("pledge_undo"), min_size=QSize(200, 96))
        self.undo_button.clicked.connect(self.pad.undo)
        self.clear_button = Button(ctx, lambda: ctx.tr("pledge_clear"), min_size=QSize(200, 96))
        self.clear_button.clicked.connect(self.pad.clear)
        self.confirm_button = Button(
            ctx, lambda: ctx.tr("pledge_confirm"), accent=True, min_size=QSize(280, 96)
        )
        self.confirm_button.clicked.connect(self.confirm)
        buttons = QHBoxLayout()
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        buttons.addWidget(self.confirm_button)
        signing = QVBoxLayout()
        signing.addWidget(self.pad, 1)
        signing.addWidget(self.message)
        signing.addLayout(buttons)
        reading = QVBoxLayout()
        reading.addWidget(self.area, 1)
        reading.addWidget(self.wall_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.split = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.split.addLayout(reading, 4)
        self.split.addLayout(signing, 5)
        self.body.addLayout(self.split, 1)
        self._signing, self._buttons = signing, buttons
        self.retranslate()

    def title(self) -> str:
        return self.ctx.tr("pledges")

    # ------------------------------------------------------------ signing
    def confirm(self) -> None:
        """Refuse a scribble (nothing kept), else draw its picture off the GUI thread."""
        if self.saving:
            return
        if self.pad.is_empty():
            self._say("pledge_empty")
            return
        signature = from_pad(self.pad.strokes(), self.pad.width(), self.pad.height())
        refusal = signature.refusal()
        if refusal is not None:
            self._say(refusal)
            return
        self.saving = True
        self._say("pledge_saving")
        self._enable(False)
        pledges = self.ctx.library.pledges
        rendered = Rendered(self)
        rendered.done.connect(self._keep, Qt.ConnectionType.QueuedConnection)

        def draw() -> None:  # on a worker thread: Pillow only, no catalogue, no Qt widgets
            try:
                path = pledges.render(signature)
            except OSError:
                path = None  # kept without a picture; the wall draws its strokes' absence
            rendered.done.emit(signature, path)

        self.pool.start(draw)

    def _keep(self, signature: Signature, picture: str | None) -> None:
        signed = self.ctx.library.pledges.add(signature, picture)
        self.saving = False
        self._enable(True)
        self.pad.clear()
        self._say(None)
        if self.isVisible():
            self.ctx.nav.go("pledge_wall", arrived=signed)

    def _enable(self, on: bool) -> None:
        for b in (self.undo_button, self.clear_button, self.confirm_button):
            b.setEnabled(on)

    def _pad_changed(self) -> None:
        if self.refused is not None and not self.saving:
            self._say(None)  # the visitor writes on: the refusal has been read

    def _say(self, key: str | None) -> None:
        self.refused = key if key not in (None, "pledge_saving") else None
        line = self.ctx.tr(key) if key else ""
        set_text(self.message, line, self.ctx.m.label(self.ctx.lang))
        self.message.setVisible(True)  # keeps its height: the pad does not jump

    # ------------------------------------------------------------ life cycle
    def enter(self, **args: Any) -> None:
        self.retranslate()

    def reset(self) -> None:
        if not self.saving:
            self.pad.clear()
            self._say(None)
        self.area.verticalScrollBar().setValue(0)

    def leave(self) -> None:
        self.reset()

    def resizeEvent(self, event) -> None:
        portrait = self.height() > self.width()
        want = QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        if self.split.direction() != want:
            self.split.setDirection(want)
            self.split.setStretch(0, 2 if portrait else 4)
            self.split.setStretch(1, 3 if portrait else 5)
        super().resizeEvent(event)

    def retranslate(self) -> None:
        super().retranslate()
        if not hasattr(self, "pad"):
            return
        ctx, m, lang = self.ctx, self.ctx.m, self.ctx.lang
        pledge = ctx.library.pledge_text() or {}
        set_text(self.heading, field(pledge, "title", lang), m.heading(lang))
        set_text(self.text, field(pledge, "body", lang), m.reading(lang))
        set_text(self.no_name, ctx.tr("pledge_no_name"), m.caption(lang))
        self.pad.set_hint(ctx.tr("pledge_sign_hint"))
        for b in (self.wall_button, self.undo_button, self.clear_button, self.confirm_button):
            b.refresh()
        self._say(self.refused)
        self.message.setMinimumHeight(m.px(84 if m.large else 72))
        self.split.setSpacing(m.px(48))
        self._signing.setSpacing(m.px(16))
        self._buttons.setSpacing(m.gutter)
