"""The band along the bottom of the attract loop (never over the video).

The caption (title · author) fades in a second after each item begins; the
"touch to explore" line breathes; when films cannot play (or fonts are
missing), one calm line says why.
"""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import (
    QEasingCurve,
    QElapsedTimer,
    QPointF,
    QRectF,
    Qt,
    QTimer,
    QVariantAnimation,
)
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter
from PySide6.QtWidgets import QWidget

from kiosk.strings import tr
from kiosk.ui.screen import Context
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.text import latin_serif

#: Breathing redraw interval (ms).
BREATH_FRAME_MS = 40
#: The hint line breathes between these opacities over this period.
BREATH = (0.55, 1.0, 4.0)


def paper(alpha: float) -> QColor:
    """Paper-coloured ink for text on night, at ``alpha``."""
    c = QColor(theme.PAPER)
    c.setAlphaF(max(0.0, min(1.0, alpha)))
    return c


class CaptionBand(QWidget):
    """Caption (fading in), the breathing hint line and an optional notice, on night."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.caption_zh = ""
        self.caption_en = ""
        self.notice = ""
        self._caption_opacity = 0.0
        self._caption_anim = QVariantAnimation(self)
        self._caption_anim.setEasingCurve(QEasingCurve.Type.InOutSine)
        self._caption_anim.valueChanged.connect(self._set_caption_opacity)
        self._caption_delay = QTimer(self)
        self._caption_delay.setSingleShot(True)
        self._caption_delay.timeout.connect(self._fade_caption_in)
        self._breath = QElapsedTimer()
        self._breath_timer = QTimer(self)
        self._breath_timer.setInterval(BREATH_FRAME_MS)
        self._breath_timer.timeout.connect(self._breathe)
        self._hint_rect = QRectF()
        self._font_cache: tuple[theme.Metrics, tuple[QFont, QFont, QFont, QFont]] | None = None

    # geometry
    def band_height(self, width: int) -> int:
        m = self.ctx.m
        rows = 1 if width >= m.px(1400) else 2
        h = m.px(36) + rows * m.px(54) + (rows - 1) * m.px(6) + m.bezel
        if self.notice:
            h += m.px(40)
        return h

    # caption
    def set_caption(self, zh: str, en: str, delay_ms: int, fade_ms: int) -> None:
        self._caption_delay.stop()
        self._caption_anim.stop()
        self.caption_zh, self.caption_en = zh, en
        self._caption_opacity = 0.0
        self._fade_ms = fade_ms
        self.update()
        if zh or en:
            self._caption_delay.start(max(0, delay_ms))

    def _fade_caption_in(self) -> None:
        self._caption_anim.setStartValue(self._caption_opacity)
        self._caption_anim.setEndValue(1.0)
        self._caption_anim.setDuration(max(1, self._fade_ms))
        self._caption_anim.start()

    def _set_caption_opacity(self, value: Any) -> None:
        self._caption_opacity = float(value)
        self.update()

    def caption_opacity(self) -> float:
        return self._caption_opacity

    # breathing
    def start(self) -> None:
        if not self._breath.isValid():
            self._breath.start()
        self._breath_timer.start()

    def stop(self) -> None:
        self._breath_timer.stop()
        self._caption_delay.stop()
        self._caption_anim.stop()

    def hint_opacity(self) -> float:
        low, high, period = BREATH
        t = self._breath.elapsed() / 1000.0 if self._breath.isValid() else 0.0
        # starts bright, dims and returns: a slow cosine
        return low + (high - low) * (0.5 + 0.5 * math.cos(2 * math.pi * t / period))

    def _breathe(self) -> None:
        if self.isVisible() and not self._hint_rect.isEmpty():
            self.update(self._hint_rect.toAlignedRect().adjusted(-2, -2, 2, 2))

    # painting
    def _fonts(self) -> tuple[QFont, QFont, QFont, QFont]:
        m = self.ctx.m
        if self._font_cache is None or self._font_cache[0] != m:  # looked up once per size
            fonts = (
                m.font("serif", 28),
                latin_serif(m, 26),
                m.font("sans", 28),
                m.font("sans", 22),
            )
            self._font_cache = (m, fonts)
        return self._font_cache[1]

    def hint_text(self) -> str:
        return f"{tr('touch_to_explore', 'zh')} · {tr('touch_to_explore', 'en')}"

    def paintEvent(self, event) -> None:
        m = self.ctx.m
        p = QPainter(self)
        p.fillRect(self.rect(), theme.NIGHT)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        caption_font, caption_en_font, hint_font, notice_font = self._fonts()
        w = self.width()
        margin = m.margin
        rows = 1 if w >= m.px(1400) else 2
        row_h = m.px(54)
        top = m.px(36)
        notice_h = m.px(40) if self.notice else 0
        hint_row_top = top + (rows - 1) * (row_h + m.px(6))
        # hint, centred
        fm_hint = QFontMetricsF(hint_font)
        hint = self.hint_text()
        hint_w = fm_hint.horizontalAdvance(hint)
        hint_rect = QRectF((w - hint_w) / 2, hint_row_top, hint_w, row_h)
        self._hint_rect = hint_rect
        p.setFont(hint_font)
        p.setPen(paper(self.hint_opacity()))
        p.drawText(hint_rect, int(Qt.AlignmentFlag.AlignCenter), hint)
        # caption, bottom-left (its own row above the hint on narrow screens)
        if self._caption_opacity > 0 and (self.caption_zh or self.caption_en):
            if rows == 1:
                cap_rect = QRectF(margin, top, hint_rect.left() - margin - m.px(72), row_h)
            else:
                cap_rect = QRectF(margin, top, w - 2 * margin, row_h)
            self._paint_caption(p, cap_rect, caption_font, caption_en_font)
        if self.notice:
            p.setFont(notice_font)
            p.setPen(paper(0.6))
            fm = QFontMetricsF(notice_font)
            rect = QRectF(margin, hint_row_top + row_h, w - 2 * margin, notice_h)
            text = fm.elidedText(self.notice, Qt.TextElideMode.ElideRight, rect.width())
            p.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text)
        p.end()

    def _paint_caption(self, p: QPainter, rect: QRectF, zh_font: QFont, en_font: QFont) -> None:
        if rect.width() <= 0:
            return
        m = self.ctx.m
        fm_zh = QFontMetricsF(zh_font)
        fm_en = QFontMetricsF(en_font)
        gap = m.px(24)
        full = self.caption_zh
        title = full.split(" · ")[0]
        # what fits, most complete first; the English title only with room to spare
        zh, en = title, ""
        for zh_try, en_try in ((full, self.caption_en), (full, ""), (title, self.caption_en)):
            width = fm_zh.horizontalAdvance(zh_try)
            if en_try:
                width += gap + fm_en.horizontalAdvance(en_try)
            if width <= rect.width():
                zh, en = zh_try, en_try
                break
        zh = fm_zh.elidedText(zh, Qt.TextElideMode.ElideRight, rect.width())
        baseline = rect.center().y() + (fm_zh.ascent() - fm_zh.descent()) / 2
        p.setOpacity(self._caption_opacity)
        p.setFont(zh_font)
        p.setPen(paper(0.92))
        p.drawText(QPointF(rect.left(), baseline), zh)
        if en:
            p.setFont(en_font)
            p.setPen(paper(0.58))
            p.drawText(QPointF(rect.left() + fm_zh.horizontalAdvance(zh) + gap, baseline), en)
        p.setOpacity(1.0)
