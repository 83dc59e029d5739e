"""What stands in the film's place when it is not playing: the end card, or a calm notice."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QWidget

from kiosk.ui.films.controls import NightButton
from kiosk.ui.films.look import ON_NIGHT, ON_NIGHT_SOFT
from kiosk.ui.screen import Context
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.text import wrap_lines


def has_cjk(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" for ch in text)


class FilmCard(QWidget):
    """What stands in the film's place when it is not playing: the end card, or a calm notice."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.heading = ""
        self.message = ""
        self.replay = NightButton(
            ctx, lambda: ctx.tr("replay"), icon="replay", accent=True, parent=self
        )
        self.back = NightButton(ctx, lambda: ctx.tr("back"), icon="back", parent=self)

    def show_card(self, heading: str, message: str, *, replay: bool) -> None:
        self.heading, self.message = heading, message
        self.replay.setVisible(replay)
        self.back.setVisible(replay)  # otherwise the screen's own back button is enough
        self.relayout()
        self.show()
        self.update()

    def show_mode(self, mode: str, title: str) -> None:
        """The card for the player screen's ``mode``: ended, failed, unavailable or missing."""
        message = {
            "ended": "film_ended",
            "failed": "film_failed",
            "unavailable": self.ctx.films_off,
            "missing": "film_missing",
        }[mode]
        self.show_card(title, self.ctx.tr(message), replay=mode == "ended")

    def refresh(self) -> None:
        self.replay.refresh()
        self.back.refresh()
        self.relayout()

    def _fonts(self) -> tuple[QFont, QFont]:
        m = self.ctx.m
        message = m.font("serif", 40 if m.large else 32)
        if has_cjk(self.heading):
            return m.display(84 if m.large else 72), message
        return m.font("serif", 64 if m.large else 56), message  # Kai faces set Latin poorly

    def _blocks(self) -> tuple[list[str], list[str], int]:
        m = self.ctx.m
        width = min(self.width() - 2 * m.margin, m.px(1400))
        head_font, msg_font = self._fonts()
        return (
            wrap_lines(self.heading, head_font, width, 2),
            wrap_lines(self.message, msg_font, width, 3),
            width,
        )

    def _content_height(self) -> int:
        m = self.ctx.m
        head_font, msg_font = self._fonts()
        head, msg, _ = self._blocks()
        return (
            len(head) * QFontMetrics(head_font).lineSpacing()
            + (m.px(44) if head else 0)
            + len(msg) * round(QFontMetrics(msg_font).lineSpacing() * 1.3)
            + (m.px(64) + m.touch_min if self._buttons() else 0)
        )

    def _buttons(self) -> list[NightButton]:
        return [b for b in (self.replay, self.back) if not b.isHidden()]

    def relayout(self) -> None:
        m = self.ctx.m
        top = (self.height() - self._content_height()) // 2
        y = top + self._content_height() - m.touch_min
        buttons = self._buttons()
        total = sum(b.width() for b in buttons) + m.px(32) * (len(buttons) - 1)
        x = (self.width() - total) // 2
        for b in buttons:
            b.move(x, y)
            x += b.width() + m.px(32)

    def resizeEvent(self, event) -> None:
        self.relayout()

    def paintEvent(self, event) -> None:
        m = self.ctx.m
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        head_font, msg_font = self._fonts()
        head, msg, width = self._blocks()
        x = (self.width() - width) / 2
        y = (self.height() - self._content_height()) / 2
        center = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter)
        p.setFont(head_font)
        p.setPen(ON_NIGHT)
        lh = QFontMetrics(head_font).lineSpacing()
        for line in head:
            p.drawText(QRectF(x, y, width, lh), center, line)
            y += lh
        if head:
            # A short seal-red rule between the title and the sentence.
            y += m.px(18)
            rule = QRectF(self.width() / 2 - m.px(28), y, m.px(56), max(2, m.px(3)))
            p.fillRect(rule, theme.SEAL)
            y += m.px(26)
        p.setFont(msg_font)
        p.setPen(ON_NIGHT_SOFT)
        lh = round(QFontMetrics(msg_font).lineSpacing() * 1.3)
        for line in msg:
            p.drawText(QRectF(x, y, width, lh), center, line)
            y += lh

    def mousePressEvent(self, event) -> None:
        event.accept()  # a tap on the card is not a tap on the film
