"""The native widget a player renders into."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QWidget

from kiosk.playback import x11

NIGHT = "#14120F"


def paint_night(widget: QWidget) -> None:
    """Fill ``widget``'s background with night."""
    widget.setAutoFillBackground(True)
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(NIGHT))
    widget.setPalette(palette)


class VideoSurface(QWidget):
    """A native, night-coloured widget that one FilmPlayer renders into.

    Mouse and touch events on it reach Qt (VLC is told not to take them) and
    propagate to the parent like any widget's. Qt content meant to appear above
    a surface must itself be a native widget, or the surface must be hidden.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_NativeWindow)
        paint_night(self)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def native_handle(self) -> int:
        """The native window id (creates the native window if need be)."""
        return int(self.winId())

    def clear_foreign_backgrounds(self) -> int:
        """On X11, stop windows VLC created inside this one from painting black."""
        if QGuiApplication.platformName() != "xcb":
            return 0
        return x11.clear_child_backgrounds(self.native_handle())
