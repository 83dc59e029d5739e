"""Characters written by their standard stroke orders, and a finger that writes them.

tests/data/strokes/medians.json holds, for 十, 二, 口 and every character of
the demo's people's names (data/demo/people.csv, title_zh), the centre line
of each stroke in standard stroke order: the "medians" of Make Me a Hanzi
(https://github.com/skishore/makemeahanzi, as published in
chanind/hanzi-writer-data; Arphic Public License), drawn from Arphic's Kai
and Ming fonts, on a 1024 box with y turned downward (y = 900 - y).  They are
the shapes of written strokes, independent of Zinnia's model.
tests/data/strokes/written.json holds 十, 二 and 口 as a finger writes them
plainly (straight strokes, in the order of the standard 现代汉语通用字笔顺规范),
on a 1000 box.
"""

from __future__ import annotations

import json
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, QPointF
from PySide6.QtGui import QPointingDevice
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

MEDIANS = Path(__file__).parent / "data" / "strokes" / "medians.json"
WRITTEN = Path(__file__).parent / "data" / "strokes" / "written.json"
BOX = 1024
STEP = 8.0  # pixels between two touch reports: a finger at ~500 px/s on a 60 Hz panel

Strokes = list[list[tuple[float, float]]]


@cache
def _all() -> dict[str, Strokes]:
    data = json.loads(MEDIANS.read_text(encoding="utf-8"))
    return {c: [[(float(x), float(y)) for x, y in s] for s in ss] for c, ss in data.items()}


def written(character: str) -> Strokes:
    """十, 二 or 口 written plainly, on a 1000 box."""
    strokes = json.loads(WRITTEN.read_text(encoding="utf-8"))[character]
    return [[(float(x), float(y)) for x, y in s] for s in strokes]


def characters() -> list[str]:
    return list(_all())


def standard(character: str) -> Strokes:
    """The character's strokes in standard order, on the 1024 box."""
    return _all()[character]


def on_pad(strokes: Strokes, side: float, step: float = STEP) -> Strokes:
    """The strokes fitted into a square pad of ``side`` pixels, with a point every ``step``
    pixels or so along each (as a touch panel reports a moving finger)."""
    scale = side / BOX
    out = []
    for stroke in strokes:
        pts = [(x * scale, y * scale) for x, y in stroke]
        dense = [pts[0]]
        for (x0, y0), (x1, y1) in pairwise(pts):
            n = max(1, int(((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5 // step))
            dense += [(x0 + (x1 - x0) * i / n, y0 + (y1 - y0) * i / n) for i in range(1, n + 1)]
        out.append(dense)
    return out


class Finger:
    """Touches a widget through its window, as the platform delivers a touch panel's events."""

    def __init__(self, widget: QWidget) -> None:
        self.widget = widget
        self.device = QTest.createTouchDevice(QPointingDevice.DeviceType.TouchScreen)

    def _at(self, x: float, y: float) -> QPoint:
        return self.widget.mapTo(self.widget.window(), QPointF(x, y).toPoint())

    def _touch(self) -> Any:
        return QTest.touchEvent(self.widget.window().windowHandle(), self.device)

    def press(self, x: float, y: float) -> None:
        self._touch().press(0, self._at(x, y)).commit()

    def move(self, x: float, y: float) -> None:
        self._touch().move(0, self._at(x, y)).commit()

    def release(self, x: float, y: float) -> None:
        self._touch().release(0, self._at(x, y)).commit()

    def stroke(self, points: list[tuple[float, float]]) -> None:
        self.press(*points[0])
        for point in points[1:]:
            self.move(*point)
        self.release(*points[-1])

    def tap(self, x: float, y: float) -> None:
        self.press(x, y)
        self.release(x, y)

    def write(self, strokes: Strokes) -> None:
        for stroke in strokes:
            self.stroke(stroke)
