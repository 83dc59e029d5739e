"""Guard against Qt binding releases that corrupt reference counts (PySide6 6.12.0 did:
every signal emit lost a reference to True and every void call one to None, and Python
aborted after a few thousand — minutes into a kiosk's day)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget


class _Emitter(QObject):
    fired = Signal(int)


def test_emits_and_void_calls_keep_reference_counts(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    emitter, timer = _Emitter(), QTimer()
    before = [sys.getrefcount(x) for x in (None, True, False)]
    for i in range(2000):
        emitter.fired.emit(i)
        widget.update()
        timer.start(1000)
        timer.stop()
        widget.setVisible(False)
    after = [sys.getrefcount(x) for x in (None, True, False)]
    # The bug lost one reference per call: thousands here. Allow small noise.
    assert all(abs(a - b) < 50 for a, b in zip(after, before, strict=True)), (before, after)
