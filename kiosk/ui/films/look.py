"""What the film screens share: colours on night, line icons, and times as text."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from kiosk.strings import tr
from kiosk.ui.widgets import theme

#: Films shorter than this show their length as m:ss; longer ones in whole minutes.
SHORT_FILM_S = 300

# On night: paper for lines and text, a softer paper for secondary text, a lifted
# night for buttons, a faint paper for the unplayed part of the seek track.
ON_NIGHT = theme.PAPER
ON_NIGHT_SOFT = QColor(theme.PAPER.red(), theme.PAPER.green(), theme.PAPER.blue(), 178)
LIFT = QColor("#2C2824")
TRACK = QColor(theme.PAPER.red(), theme.PAPER.green(), theme.PAPER.blue(), 64)


def clock(seconds: float | None) -> str:
    """``m:ss`` (or ``h:mm:ss``) for a time in a film (whole seconds, rounded down)."""
    s = max(0, int(seconds or 0.0))
    h, rest = divmod(s, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def duration_text(seconds: float | None, lang: str) -> str:
    """A film's length for its tile: "12 分钟" / "12 min", or m:ss for short films."""
    if not seconds or seconds <= 0:
        return ""
    if seconds < SHORT_FILM_S:
        return clock(round(seconds))
    minutes = max(1, round(seconds / 60))
    return f"{minutes} {tr('minutes', lang)}"


def _pen(color: QColor, width: float) -> QPen:
    return QPen(
        color, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin
    )


def draw_icon(p: QPainter, kind: str, box: QRectF, color: QColor, stroke: float) -> None:
    """Line icons in one style (round caps and joins): back, play, pause, replay."""
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(_pen(color, stroke))
    p.setBrush(Qt.BrushStyle.NoBrush)
    c, s = box.center(), min(box.width(), box.height()) / 2
    if kind == "back":
        left = QPointF(c.x() - s * 0.8, c.y())
        p.drawLine(left, QPointF(c.x() + s * 0.8, c.y()))
        p.drawLine(left, QPointF(c.x() - s * 0.1, c.y() - s * 0.7))
        p.drawLine(left, QPointF(c.x() - s * 0.1, c.y() + s * 0.7))
    elif kind == "play":
        path = QPainterPath(QPointF(c.x() - s * 0.45, c.y() - s * 0.72))
        path.lineTo(QPointF(c.x() + s * 0.75, c.y()))
        path.lineTo(QPointF(c.x() - s * 0.45, c.y() + s * 0.72))
        path.closeSubpath()
        p.drawPath(path)
    elif kind == "pause":
        for dx in (-0.32, 0.32):
            x = c.x() + s * dx
            p.drawLine(QPointF(x, c.y() - s * 0.62), QPointF(x, c.y() + s * 0.62))
    elif kind == "replay":
        # A circle turning anticlockwise, open at the top right, the arrow at its end.
        r = s * 0.7
        begin, span = 70.0, 280.0
        p.drawArc(QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r), int(begin * 16), int(span * 16))
        a = math.radians(begin + span)
        end = QPointF(c.x() + r * math.cos(a), c.y() - r * math.sin(a))
        dx, dy = -math.sin(a), -math.cos(a)  # the way the arc travels, in screen coordinates
        h = s * 0.42
        tip = QPointF(end.x() + dx * h * 0.3, end.y() + dy * h * 0.3)
        for turn in (math.radians(40), math.radians(-40)):
            # The backward direction, turned either way: the two strokes of the arrow head.
            bx = -dx * math.cos(turn) + dy * math.sin(turn)
            by = -dx * math.sin(turn) - dy * math.cos(turn)
            p.drawLine(tip, QPointF(tip.x() + bx * h, tip.y() + by * h))
    p.restore()
