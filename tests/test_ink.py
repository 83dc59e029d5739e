"""The ink pad shared by handwriting and the pledge: strokes by touch and mouse, smoothing,
width by speed, incremental repaint, undo, clear and the stated limits."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest

from kiosk.ui.widgets import theme
from kiosk.ui.widgets.ink import InkPad

from strokes import Finger

SIDE = 400


class Plain:
    """What the pad needs to look right: 1080p metrics, Chinese."""

    m = theme.Metrics()
    lang = "zh"


class RecordingPad(InkPad):
    """The real pad; remembers the rectangles it was asked to paint."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.painted: list[QRect] = []

    def paintEvent(self, event) -> None:
        self.painted.append(event.rect())
        super().paintEvent(event)


@pytest.fixture
def pad(qtbot) -> RecordingPad:
    p = RecordingPad(Plain())
    qtbot.addWidget(p)
    p.resize(SIDE, SIDE)
    p.show()
    qtbot.waitExposed(p)
    return p


def is_ink(image: QImage, x: float, y: float) -> bool:
    return QColor(image.pixel(int(x), int(y))).lightness() < 100


def test_two_strokes_by_touch_come_back_as_point_lists(pad: InkPad) -> None:
    changes: list[int] = []
    pad.changed.connect(lambda: changes.append(pad.stroke_count))
    finger = Finger(pad)
    finger.stroke([(50.0, 200.0), (150.0, 200.0), (350.0, 200.0)])
    finger.stroke([(200.0, 40.0), (200.0, 360.0)])
    strokes = pad.strokes()
    assert len(strokes) == 2 and changes == [1, 2]  # recognized once per lifted stroke
    assert strokes[0][0] == pytest.approx((50, 200), abs=1)
    assert strokes[0][-1] == pytest.approx((350, 200), abs=1)
    assert strokes[1][-1] == pytest.approx((200, 360), abs=1)
    image = pad.grab().toImage()
    assert is_ink(image, 250, 200) and is_ink(image, 200, 300)
    assert not is_ink(image, 100, 100)


def test_the_mouse_writes_too(pad: InkPad) -> None:
    QTest.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(60, 60))
    QTest.mouseMove(pad, QPoint(200, 120))
    QTest.mouseMove(pad, QPoint(300, 300))
    QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(300, 300))
    assert pad.stroke_count == 1 and len(pad.strokes()[0]) == 3


def test_a_second_finger_does_not_write(pad: InkPad) -> None:
    finger = Finger(pad)
    finger.press(50, 50)
    window = pad.window().windowHandle()
    at = pad.mapTo(pad.window(), QPoint(300, 300))
    QTest.touchEvent(window, finger.device).stationary(0).press(1, at).commit()
    QTest.touchEvent(window, finger.device).stationary(0).release(1, at).commit()
    finger.release(150, 50)
    assert pad.stroke_count == 1
    assert pad.strokes()[0][-1] == pytest.approx((150, 50), abs=1)


def test_undo_takes_back_the_last_stroke_and_clear_all(pad: InkPad) -> None:
    finger = Finger(pad)
    finger.stroke([(50.0, 100.0), (350.0, 100.0)])
    finger.stroke([(50.0, 300.0), (350.0, 300.0)])
    pad.undo()
    assert pad.stroke_count == 1
    image = pad.grab().toImage()
    assert is_ink(image, 200, 100) and not is_ink(image, 200, 300)  # repainted without it
    pad.clear()
    assert pad.is_empty() and pad.strokes() == []
    assert not is_ink(pad.grab().toImage(), 200, 100)


def test_a_new_point_repaints_only_its_piece(qtbot, pad: RecordingPad) -> None:
    finger = Finger(pad)
    finger.press(100, 100)
    finger.move(108, 104)
    qtbot.waitUntil(lambda: bool(pad.painted), timeout=1000)
    pad.painted.clear()
    finger.move(116, 108)
    qtbot.waitUntil(lambda: bool(pad.painted), timeout=1000)
    area = sum(r.width() * r.height() for r in pad.painted)
    assert area < 0.02 * SIDE * SIDE  # a few dozen pixels square, not the pad
    finger.release(116, 108)


def test_corners_are_rounded_by_the_midpoint_curves(pad: InkPad) -> None:
    # Straight across, then straight down: the ink turns inside the corner.
    pad.begin(QPointF(50, 50), 0)
    for i, point in enumerate([(200, 50), (350, 50), (350, 200), (350, 350)], start=1):
        pad.move(QPointF(*point), 40.0 * i)
    pad.end(QPointF(350, 350), 200)
    image = pad.grab().toImage()
    assert is_ink(image, 200, 50) and is_ink(image, 350, 200)
    assert not is_ink(image, 348, 52)  # the polyline's corner itself stays paper
    assert is_ink(image, 50, 50) and is_ink(image, 350, 350)  # the ends are reached


def _ink_pixels(pad: InkPad, ms_per_point: float) -> int:
    pad.clear()
    pad.begin(QPointF(40, 200), 0)
    for i in range(1, 33):
        pad.move(QPointF(40 + 10 * i, 200), i * ms_per_point)
    pad.end(QPointF(360, 200), 33 * ms_per_point)
    image = pad.grab().toImage()
    return sum(is_ink(image, x, y) for x in range(60, 340, 2) for y in range(180, 221))


def test_a_fast_stroke_is_thinner_than_a_slow_one(pad: InkPad) -> None:
    slow = _ink_pixels(pad, 40.0)  # 0.25 px/ms
    fast = _ink_pixels(pad, 2.0)  # 5 px/ms
    assert fast < 0.75 * slow
    assert fast > 0.3 * slow  # bounded: still a line, not a hair


def test_points_per_stroke_and_in_all_are_capped(qtbot) -> None:
    pad = InkPad(Plain(), max_stroke_points=100, max_points=250)
    qtbot.addWidget(pad)
    pad.resize(SIDE, SIDE)
    for s in range(5):
        pad.begin(QPointF(10, 10 + s * 60), 0)
        for i in range(1, 10_000):
            pad.move(QPointF(10 + (i % 380), 10 + s * 60 + (i // 380) * 3), i)
        pad.end(QPointF(10, 10), 10_000)
    assert all(len(stroke) <= 100 for stroke in pad.strokes())
    assert pad.point_count <= 250


def test_jitter_below_two_pixels_is_not_a_point(pad: InkPad) -> None:
    pad.begin(QPointF(100, 100), 0)
    for i in range(1, 50):
        pad.move(QPointF(100 + (i % 2) * 0.5, 100), i * 8)
    pad.end(QPointF(100, 100), 400)
    assert pad.point_count == 1  # a dot


def test_resizing_keeps_the_writing_in_place(pad: InkPad) -> None:
    Finger(pad).stroke([(100.0, 200.0), (300.0, 200.0)])
    pad.resize(SIDE // 2, SIDE // 2)
    assert pad.strokes()[0][0] == pytest.approx((50, 100), abs=1)
    assert is_ink(pad.grab().toImage(), 100, 100)


def test_the_hint_shows_only_while_empty(pad: InkPad) -> None:
    pad.set_hint("在方格里写一个字")
    blank = pad.grab().toImage()
    assert any(is_ink(blank, x, y) for x in range(0, SIDE, 2) for y in range(SIDE - 80, SIDE - 10))
    Finger(pad).stroke([(100.0, 50.0), (300.0, 50.0)])
    written = pad.grab().toImage()
    assert not any(
        QColor(written.pixel(x, y)).lightness() < 140
        for x in range(0, SIDE, 2)
        for y in range(SIDE - 80, SIDE - 10)
    )
