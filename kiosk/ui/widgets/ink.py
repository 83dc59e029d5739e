"""A pad to write on with a finger or the mouse: smooth strokes whose width follows speed.

Shared by the search screen's handwriting pad and (later) the pledge pad.  Each
input point extends the stroke by one quadratic curve between the midpoints of
the last two segments, so the corners of the finger's polyline come out round;
a fast finger draws thinner than a slow one, within bounds, and the width is
eased from point to point so it never jumps.  Ink is painted into a layer as
points arrive and only the new piece's rectangle is repainted, so it shows
within one frame (tests/benchmarks/bench_ink.py measures it).  One finger
writes; other fingers on the pad are ignored.

Limits, stated: at most ``max_stroke_points`` points per stroke (512 by
default, seconds of writing) and ``max_points`` in all (4,096); points beyond
them are not taken.  A point closer than ``MIN_STEP`` (1080p pixels) to the
previous one is jitter and skipped.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QWidget

from kiosk.ui.widgets import theme
from kiosk.ui.widgets.buttons import Hook, Look

MIN_STEP = 2.0
# Pen widths in 1080p pixels, slow and fast; a finger at FAST px/ms or more draws thinnest.
WIDTH_SLOW = 10.0
WIDTH_FAST = 4.0
FAST = 2.5
EASE = 0.35  # how far the width moves toward the speed's width at each point
FRAME_MS = 8.0  # assumed between two points whose events carry no later time
GUIDE = QColor(theme.PAPER_DEEP).darker(112)


@dataclass
class _Stroke:
    points: list[tuple[float, float, float]] = field(default_factory=list)  # x, y, width
    last_ms: float = 0.0
    done: bool = False


def _mid(a: tuple[float, ...], b: tuple[float, ...]) -> QPointF:
    return QPointF((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)


class InkPad(QWidget):
    """Strokes written by one finger (or the mouse), kept as point lists in pad pixels."""

    def __init__(
        self,
        ctx: Look,
        *,
        guide: bool = True,
        max_stroke_points: int = 512,
        max_points: int = 4096,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.guide = guide
        self.max_stroke_points = max_stroke_points
        self.max_points = max_points
        self.hint = ""
        self.changed = Hook()  # a stroke was lifted, undone or cleared
        self.paints = 0  # paint events so far (benchmarks wait on it)
        self._strokes: list[_Stroke] = []
        self._finger: int | None = None
        self._mouse = False
        self._layer = QImage()
        self._back = QImage()
        self._laid_for = QSize()
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    # ------------------------------------------------------------------ the strokes
    def strokes(self) -> list[list[tuple[float, float]]]:
        """Every stroke (the one being written too) as (x, y) points in pad pixels."""
        return [[(x, y) for x, y, _ in s.points] for s in self._strokes if s.points]

    @property
    def stroke_count(self) -> int:
        return len(self._strokes)

    @property
    def point_count(self) -> int:
        return sum(len(s.points) for s in self._strokes)

    def is_empty(self) -> bool:
        return not self._strokes

    def clear(self) -> None:
        self._strokes.clear()
        self._finger, self._mouse = None, False
        self._redraw()
        self.changed()

    def undo(self) -> None:
        """Take back the last stroke."""
        if self._strokes:
            self._strokes.pop()
            self._finger, self._mouse = None, False
            self._redraw()
            self.changed()

    def set_hint(self, text: str) -> None:
        """Soft text shown while the pad is empty."""
        self.hint = text
        self._back = QImage()
        self.update()

    # -------------------------------------------------------------------- input
    def begin(self, pos: QPointF, ms: float) -> None:
        if self.point_count >= self.max_points:
            return
        self._strokes.append(_Stroke(last_ms=ms))
        if len(self._strokes) == 1:
            self.update()  # the hint goes
        self._add(pos, ms)

    def move(self, pos: QPointF, ms: float) -> None:
        stroke = self._current()
        if stroke is None or len(stroke.points) >= self.max_stroke_points:
            return
        if self.point_count >= self.max_points:
            return
        x, y, _ = stroke.points[-1]
        step = ((pos.x() - x) ** 2 + (pos.y() - y) ** 2) ** 0.5
        if step < self.ctx.m.scale * MIN_STEP:
            return
        self._add(pos, ms)

    def end(self, pos: QPointF, ms: float) -> None:
        stroke = self._current()
        if stroke is None:
            return
        self.move(pos, ms)
        stroke.done = True
        self._paint_piece(stroke, len(stroke.points))
        self.changed()

    def _current(self) -> _Stroke | None:
        if self._strokes and not self._strokes[-1].done:
            return self._strokes[-1]
        return None

    def _add(self, pos: QPointF, ms: float) -> None:
        stroke = self._strokes[-1]
        m = self.ctx.m
        slow, fast = m.scale * WIDTH_SLOW, m.scale * WIDTH_FAST
        if not stroke.points:
            width = (slow + fast) / 2
        else:
            x, y, previous = stroke.points[-1]
            dt = ms - stroke.last_ms if ms > stroke.last_ms else FRAME_MS
            speed = ((pos.x() - x) ** 2 + (pos.y() - y) ** 2) ** 0.5 / m.scale / dt
            target = slow - (slow - fast) * min(1.0, speed / FAST)
            width = previous + (target - previous) * EASE
        if stroke.points:  # events without a later time are taken as a frame apart
            stroke.last_ms = ms if ms > stroke.last_ms else stroke.last_ms + FRAME_MS
        stroke.points.append((pos.x(), pos.y(), width))
        self._paint_piece(stroke, len(stroke.points) - 1)

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._finger is None:
            self._mouse = True
            self.begin(event.position(), float(event.timestamp()))

    def mouseMoveEvent(self, event) -> None:
        if self._mouse:
            self.move(event.position(), float(event.timestamp()))

    def mouseReleaseEvent(self, event) -> None:
        if self._mouse:
            self._mouse = False
            self.end(event.position(), float(event.timestamp()))

    def event(self, event: QEvent) -> bool:
        etype = event.type()
        if etype in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd):
            self._touch(event)
            event.accept()
            return True
        if etype == QEvent.Type.TouchCancel:
            stroke = self._current()
            if stroke is not None and stroke.points:
                x, y, _ = stroke.points[-1]
                self.end(QPointF(x, y), stroke.last_ms)
            self._finger = None
            event.accept()
            return True
        return super().event(event)

    def _touch(self, event) -> None:
        ms = float(event.timestamp())
        for point in event.points():
            state, pid = point.state(), point.id()
            if state == point.State.Pressed and self._finger is None and not self._mouse:
                self._finger = pid
                self.begin(point.position(), ms)
            elif pid != self._finger:
                continue
            elif state == point.State.Updated:
                self.move(point.position(), ms)
            elif state == point.State.Released:
                self._finger = None
                self.end(point.position(), ms)

    # -------------------------------------------------------------------- paint
    def _pen(self, width: float) -> QPen:
        return QPen(
            theme.INK,
            width,
            Qt.PenStyle.SolidLine,
            Qt.PenCapStyle.RoundCap,
            Qt.PenJoinStyle.RoundJoin,
        )

    def _piece(self, stroke: _Stroke, k: int) -> tuple[QPainterPath, float]:
        """The curve that point ``k`` adds (``k == len`` is the tail drawn at lift), its width."""
        pts = stroke.points
        path = QPainterPath()
        if k == 0:
            x, y, w = pts[0]
            path.moveTo(x, y)
            path.lineTo(x + 0.01, y)  # a dot, drawn by the round cap
            return path, w
        if k == len(pts):
            if k < 2:
                return path, 0.0
            path.moveTo(_mid(pts[-2], pts[-1]))
            path.lineTo(pts[-1][0], pts[-1][1])
            return path, pts[-1][2]
        start = QPointF(pts[0][0], pts[0][1]) if k == 1 else _mid(pts[k - 2], pts[k - 1])
        path.moveTo(start)
        path.quadTo(QPointF(pts[k - 1][0], pts[k - 1][1]), _mid(pts[k - 1], pts[k]))
        return path, (pts[k - 1][2] + pts[k][2]) / 2

    def _paint_piece(self, stroke: _Stroke, k: int) -> None:
        """Draw one new piece into the layer and repaint just its rectangle."""
        path, width = self._piece(stroke, k)
        if path.isEmpty() or not self._ensure_layer():
            return
        p = QPainter(self._layer)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(self._pen(width))
        p.drawPath(path)
        p.end()
        pad = width / 2 + 2
        self.update(path.boundingRect().adjusted(-pad, -pad, pad, pad).toAlignedRect())

    def _ensure_layer(self) -> bool:
        if self.width() <= 0 or self.height() <= 0:
            return False
        if self._laid_for != self.size():
            self._laid_for = QSize(self.size())
            self._redraw()
        return True

    def _redraw(self) -> None:
        """Paint every stroke again into a fresh layer (after resize, undo or clear)."""
        self._laid_for = QSize(self.size())
        ratio = self.devicePixelRatioF()
        self._layer = QImage(self.size() * ratio, QImage.Format.Format_ARGB32_Premultiplied)
        self._layer.setDevicePixelRatio(ratio)
        self._layer.fill(Qt.GlobalColor.transparent)
        self._back = QImage()
        p = QPainter(self._layer)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        for stroke in self._strokes:
            for k in range(len(stroke.points) + (1 if stroke.done else 0)):
                path, width = self._piece(stroke, k)
                if not path.isEmpty():
                    p.setPen(self._pen(width))
                    p.drawPath(path)
        p.end()
        self.update()

    def _background(self) -> QImage:
        """Paper, a rounded edge and (for characters) the dashed cross of a 田字格."""
        if not self._back.isNull():
            return self._back
        m, ratio = self.ctx.m, self.devicePixelRatioF()
        back = QImage(self.size() * ratio, QImage.Format.Format_ARGB32_Premultiplied)
        back.setDevicePixelRatio(ratio)
        back.fill(theme.PAPER_DEEP)
        p = QPainter(back)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = QRectF(self.rect())
        if self.guide:
            pen = QPen(GUIDE, max(1, m.px(2)), Qt.PenStyle.DashLine)
            p.setPen(pen)
            c = r.center()
            p.drawLine(QPointF(r.left(), c.y()), QPointF(r.right(), c.y()))
            p.drawLine(QPointF(c.x(), r.top()), QPointF(c.x(), r.bottom()))
        p.setPen(QPen(GUIDE, max(1, m.px(2))))
        p.drawRect(r.adjusted(0.5, 0.5, -0.5, -0.5))
        p.end()
        self._back = back
        return back

    def resizeEvent(self, event) -> None:
        old = event.oldSize()
        if self._strokes and old.width() > 0 and old.height() > 0:
            sx, sy = self.width() / old.width(), self.height() / old.height()
            for stroke in self._strokes:
                stroke.points = [(x * sx, y * sy, w) for x, y, w in stroke.points]
        self._back = QImage()
        self._redraw()
        super().resizeEvent(event)

    def paintEvent(self, event) -> None:
        self._ensure_layer()
        p = QPainter(self)
        rect = QRectF(event.rect())
        p.drawImage(rect, self._background(), self._source(rect))
        if not self._strokes and self.hint:
            p.setPen(theme.INK_SOFT)
            p.setFont(self.ctx.m.caption(self.ctx.lang))
            e = self.ctx.m.px(16)
            inner = QRectF(self.rect()).adjusted(e, e, -e, -e)
            flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom
            p.drawText(inner, int(flags) | int(Qt.TextFlag.TextWordWrap), self.hint)
        p.drawImage(rect, self._layer, self._source(rect))
        p.end()
        self.paints += 1

    def _source(self, rect: QRectF) -> QRectF:
        ratio = self.devicePixelRatioF()
        return QRectF(
            rect.x() * ratio, rect.y() * ratio, rect.width() * ratio, rect.height() * ratio
        )
