"""Kinetic scrolling the same way everywhere: drag to scroll, flick to coast, no bounce
(VISUAL.md: no bounce), no scroll bars; and the brief darkening of a pressed row."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QFrame,
    QListView,
    QScrollArea,
    QScroller,
    QScrollerProperties,
    QWidget,
)

from kiosk.ui.widgets import theme


def kinetic(area: QAbstractScrollArea) -> None:
    """Touch scrolling on ``area``'s viewport, stopping hard at the ends."""
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    no_overshoot(area.viewport())


def overflow(content: QWidget) -> QScrollArea:
    """``content`` in a scroll area that shows a scroll bar only when it does not fit (a
    panel page in portrait, large text): on the page's own ground, no frame, no flicking
    (its sliders and buttons keep every drag)."""
    area = QScrollArea()
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidgetResizable(True)
    area.setWidget(content)
    area.viewport().setAutoFillBackground(False)
    content.setAutoFillBackground(False)
    return area


def no_overshoot(viewport: QWidget) -> None:
    QScroller.grabGesture(viewport, QScroller.ScrollerGestureType.LeftMouseButtonGesture)
    scroller = QScroller.scroller(viewport)
    props = scroller.scrollerProperties()
    off = QScrollerProperties.OvershootPolicy.OvershootAlwaysOff
    props.setScrollMetric(QScrollerProperties.ScrollMetric.VerticalOvershootPolicy, off)
    props.setScrollMetric(QScrollerProperties.ScrollMetric.HorizontalOvershootPolicy, off)
    scroller.setScrollerProperties(props)


def kinetic_list(view: QListView) -> QListView:
    """A list view that scrolls per pixel, kinetically, without bars or selection."""
    kinetic(view)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    view.setStyleSheet(f"QListView {{ background: {theme.PAPER.name()}; }}")
    return view


def kinetic_area(*, resizable: bool = True, parent: QWidget | None = None) -> QScrollArea:
    """A scroll area on paper for a widget of content (a page, a strip of buttons)."""
    area = QScrollArea(parent)
    area.setWidgetResizable(resizable)
    kinetic(area)
    area.setStyleSheet(
        f"QScrollArea, QScrollArea > QWidget > QWidget {{ background: {theme.PAPER.name()}; }}"
    )
    return area


def press_feedback(owner: Any, view: QListView, accept=lambda index: True) -> None:
    """Darken the pressed row for a moment (``owner.pressed_row``; the delegate paints it)."""

    def released() -> None:
        owner.pressed_row = None
        view.viewport().update()

    def pressed(index: QModelIndex) -> None:
        if accept(index):
            owner.pressed_row = index.row()
            view.viewport().update()
            QTimer.singleShot(180, view, released)  # not after the view is gone

    owner.pressed_row = None
    view.pressed.connect(pressed)
