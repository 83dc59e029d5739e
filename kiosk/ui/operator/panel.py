"""The operator panel, opened by a right PIN (``kiosk.ui.operator.pinpad``).

It shows what the operator needs at a glance (items by kind, broken files,
recent problems, uptime, whether films can play, or the safe mode and since
when) and offers its controls: volume, the Content page (``content.py``), reload
content, and exit (with a confirm step).  Everything it acts on is passed in as a callable; nothing
here opens a dialog, a menu or a file chooser.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.operator.confirm import ConfirmBox
from kiosk.ui.operator.kind_counts import KindCounts
from kiosk.ui.operator.labels import plain_label, set_color
from kiosk.ui.operator.report_page import report_button
from kiosk.ui.operator.usb import UsbOffer
from kiosk.ui.screen import Context, InnerScreen
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.buttons import Button
from kiosk.ui.widgets.scrolling import overflow

StatusFn = Callable[[], dict[str, Any]]


def _label(ctx: Context, key: str) -> str:
    """A string used as a row label: capitalised in English."""
    text = ctx.tr(key)
    return text[:1].upper() + text[1:] if ctx.lang == "en" else text


class Card(QWidget):
    """A paper-deep panel with rounded corners."""

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        path = QPainterPath()
        r = self.ctx.m.radius
        path.addRoundedRect(QRectF(self.rect()), r, r)
        p.fillPath(path, theme.PAPER_DEEP)


class Lines(QWidget):
    """A few lines of small text, each elided to the width; "and N more" past the limit."""

    def __init__(self, ctx: Context, max_lines: int = 3) -> None:
        super().__init__()
        self.ctx, self.max_lines = ctx, max_lines
        self.lines: list[str] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.refresh()

    def shown(self) -> list[str]:
        if len(self.lines) <= self.max_lines:
            return list(self.lines)
        rest = len(self.lines) - (self.max_lines - 1)
        more = self.ctx.trn("more_lines", rest)
        return [*self.lines[: self.max_lines - 1], more]

    def set_lines(self, lines: list[str]) -> None:
        self.lines = [" ".join(str(line).split()) for line in lines]
        self.refresh()

    def line_height(self) -> int:
        return round(self.ctx.m.caption().pixelSize() * 1.45)

    def refresh(self) -> None:
        self.setFixedHeight(len(self.shown()) * self.line_height() if self.lines else 0)
        self.setVisible(bool(self.lines))
        self.update()

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        font = self.ctx.m.caption()
        fm = QFontMetrics(font)
        p.setFont(font)
        p.setPen(theme.INK_SOFT)
        step = self.line_height()
        for i, line in enumerate(self.shown()):
            text = fm.elidedText(line, Qt.TextElideMode.ElideMiddle, self.width())
            p.drawText(
                QRectF(0, i * step, self.width(), step), int(Qt.AlignmentFlag.AlignVCenter), text
            )


class VolumeSlider(QWidget):
    """A large horizontal slider, 0–100, dragged or tapped anywhere along it."""

    valueChanged = Signal(int)

    def __init__(self, ctx: Context, value: int = 80) -> None:
        super().__init__()
        self.ctx = ctx
        self._value = max(0, min(100, value))
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.refresh()

    def value(self) -> int:
        return self._value

    def setValue(self, value: int) -> None:
        value = max(0, min(100, int(value)))
        if value != self._value:
            self._value = value
            self.update()
            self.valueChanged.emit(value)

    def refresh(self) -> None:
        m = self.ctx.m
        self.setFixedHeight(m.px(120))
        self.setMinimumWidth(m.px(320))
        self.update()

    def _track(self) -> tuple[float, float]:
        handle = self.ctx.m.px(64)
        return handle / 2, self.width() - handle / 2

    def value_at(self, x: float) -> int:
        left, right = self._track()
        if right <= left:
            return self._value
        return round(100 * min(1.0, max(0.0, (x - left) / (right - left))))

    def x_for(self, value: int) -> float:
        left, right = self._track()
        return left + (right - left) * value / 100

    def paintEvent(self, event) -> None:
        m = self.ctx.m
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        left, right = self._track()
        cy, h = self.height() / 2, m.px(12)
        empty = QColor(theme.INK)
        empty.setAlphaF(0.14)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(empty)
        p.drawRoundedRect(QRectF(left, cy - h / 2, right - left, h), h / 2, h / 2)
        x = self.x_for(self._value)
        p.setBrush(theme.INK)
        p.drawRoundedRect(QRectF(left, cy - h / 2, x - left, h), h / 2, h / 2)
        d = m.px(64)
        p.setBrush(theme.PAPER)
        p.setPen(QPen(theme.INK, max(2, m.px(3))))
        p.drawEllipse(QRectF(x - d / 2, cy - d / 2, d, d))

    def mousePressEvent(self, event) -> None:
        self.setValue(self.value_at(event.position().x()))

    def mouseMoveEvent(self, event) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self.setValue(self.value_at(event.position().x()))


class GlyphButton(Button):
    """A square button showing one large sign (− and + beside the volume slider)."""

    def refresh(self) -> None:
        super().refresh()
        self.setFont(self.ctx.m.font("sans", 48))


def local_time(utc_iso: str) -> str:
    """``2026-12-06T21:40:00.000+00:00`` as this machine's local ``2026-12-06 22:40``."""
    try:
        return datetime.fromisoformat(utc_iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return utc_iso


def format_uptime(ctx: Context, seconds: float) -> str:
    minutes = max(0, int(seconds)) // 60
    return ctx.tr("uptime_hm").format(h=minutes // 60, m=minutes % 60)


class OperatorScreen(InnerScreen):
    """Status at a glance, volume, reload content, exit (confirmed)."""

    name = "operator"

    def __init__(
        self,
        ctx: Context,
        status: StatusFn,
        set_volume: Callable[[int], None],
        reload: Callable[[], None],
        quit: Callable[[], None],
        *,
        volume: Callable[[], int] | None = None,
        now: Callable[[], float] = time.time,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self._status, self._set_volume, self._reload, self._quit = status, set_volume, reload, quit
        # The volume now: asked of ``volume`` if given, else the last one set here.
        self._last_volume = ctx.settings.playback.volume
        self._volume = volume or (lambda: self._last_volume)
        self._now = now
        self._reloaded_at: float | None = None
        # Back leaves the panel for the home screen, never to the PIN pad.
        self.back_button.clicked.disconnect()
        self.back_button.clicked.connect(ctx.nav.home)

        # ---- status card: title and total, counts by kind, then the health rows
        self.status_card = Card(ctx)
        card = QVBoxLayout(self.status_card)
        self.status_title = plain_label()
        self.total_label = plain_label()
        set_color(self.total_label, theme.INK_SOFT)
        self.total_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)
        title_row = QHBoxLayout()
        title_row.addWidget(self.status_title, 0, Qt.AlignmentFlag.AlignBottom)
        title_row.addWidget(self.total_label, 1, Qt.AlignmentFlag.AlignBottom)
        card.addLayout(title_row)
        self.kind_counts = KindCounts(ctx)
        self.count_labels, self.count_cells = self.kind_counts.labels, self.kind_counts.cells
        card.addWidget(self.kind_counts)
        self.rule = QWidget()
        self.rule.setAutoFillBackground(True)
        rule_pal = self.rule.palette()
        rule_color = QColor(theme.INK_SOFT)
        rule_color.setAlphaF(0.5)
        rule_pal.setColor(self.rule.backgroundRole(), rule_color)
        self.rule.setPalette(rule_pal)
        card.addWidget(self.rule)
        rows = QGridLayout()
        self.row_names: dict[str, QLabel] = {}
        self.row_values: dict[str, QLabel] = {}
        for r, key in enumerate(("uptime", "playback", "broken", "recent_errors")):
            name, value = plain_label(), plain_label()
            set_color(name, theme.INK_SOFT)
            value.setWordWrap(key == "playback")  # the only value that can be a sentence
            rows.addWidget(name, 2 * r, 0, Qt.AlignmentFlag.AlignTop)
            rows.addWidget(value, 2 * r, 1, Qt.AlignmentFlag.AlignTop)
            self.row_names[key], self.row_values[key] = name, value
        self.broken_lines = Lines(ctx)
        self.error_lines = Lines(ctx)
        rows.addWidget(self.broken_lines, 5, 0, 1, 2)
        rows.addWidget(self.error_lines, 7, 0, 1, 2)
        rows.setColumnStretch(1, 1)
        card.addLayout(rows)
        card.addStretch(1)
        self._card_layout, self._rows = card, rows

        # ---- controls
        controls = QWidget()
        box = QVBoxLayout(controls)
        box.setContentsMargins(0, 0, 0, 0)
        volume_row = QHBoxLayout()
        self.volume_title = plain_label()
        self.volume_value = plain_label()
        self.volume_value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        volume_row.addWidget(self.volume_title)
        volume_row.addWidget(self.volume_value, 1)
        self.slider = VolumeSlider(ctx, self._volume())
        self.slider.valueChanged.connect(self._volume_changed)
        self.quieter = GlyphButton(ctx, lambda: "−", min_size=QSize(96, 96))
        self.louder = GlyphButton(ctx, lambda: "+", min_size=QSize(96, 96))
        self.quieter.clicked.connect(lambda: self.slider.setValue(self.slider.value() - 5))
        self.louder.clicked.connect(lambda: self.slider.setValue(self.slider.value() + 5))
        slider_row = QHBoxLayout()
        slider_row.addWidget(self.quieter)
        slider_row.addWidget(self.slider, 1)
        slider_row.addWidget(self.louder)

        self.reload_button = Button(ctx, lambda: ctx.tr("reload"), min_size=QSize(420, 96))
        self.reload_button.clicked.connect(self.reload_content)
        self.reload_note = plain_label()
        set_color(self.reload_note, theme.INK_SOFT)

        self.exit_button = Button(ctx, lambda: ctx.tr("exit"), min_size=QSize(420, 96))
        self.exit_button.clicked.connect(self.ask_exit)
        self.confirm_box = ConfirmBox(
            ctx,
            lambda: ctx.tr("exit_confirm"),
            "exit_yes",
            self.exit_confirmed,
            self.exit_button.show,
        )
        self.exit_yes, self.exit_no = self.confirm_box.yes, self.confirm_box.no
        self.content_button = Button(ctx, lambda: ctx.tr("manage_button"), min_size=QSize(200, 96))
        self.content_button.clicked.connect(lambda: ctx.nav.go("content"))

        box.addLayout(volume_row)
        box.addLayout(slider_row)
        box.addSpacing(ctx.m.px(32))
        pages = QHBoxLayout()  # the pages behind the panel, side by side
        self.report_button = report_button(ctx)  # to the Report page (report_page.py)
        pages.addWidget(self.content_button)
        pages.addWidget(self.report_button)
        pages.addStretch(1)  # at the left, like the buttons below
        box.addLayout(pages)
        self.quiz_button = Button(ctx, lambda: ctx.tr("quiz_group"), min_size=QSize(200, 96))
        self.quiz_button.clicked.connect(lambda: ctx.nav.go("quiz_group"))  # a guide's contest
        ctx.visit.changed.connect(self.quiz_button.refresh)
        box.addWidget(self.quiz_button)
        self.pledge_button = Button(ctx, lambda: ctx.tr("pledge_panel"), min_size=QSize(200, 96))
        self.pledge_button.clicked.connect(lambda: ctx.nav.go("pledge_admin"))  # export, clear
        ctx.visit.changed.connect(self.pledge_button.refresh)
        pages.insertWidget(2, self.pledge_button)  # beside the content and report pages
        box.addWidget(self.reload_button)
        box.addWidget(self.reload_note)
        box.addSpacing(ctx.m.px(24))
        box.addWidget(UsbOffer(ctx))  # looks for a stick while the panel shows
        box.addSpacing(ctx.m.px(24))
        box.addWidget(self.exit_button)
        box.addWidget(self.confirm_box)
        box.addStretch(1)
        self._controls_box, self._slider_row = box, slider_row

        self.split = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.split.addWidget(self.status_card, 3)
        self.split.addWidget(controls, 2)
        page = QWidget()
        page.setLayout(self.split)
        self.split.setContentsMargins(0, 0, 0, 0)
        self.body.addWidget(overflow(page), 1)  # portrait with many problems: it scrolls

        self._timer = QTimer(self)
        self._timer.setInterval(5000)
        self._timer.timeout.connect(self.refresh)
        self.retranslate()
        self.refresh()

    def title(self) -> str:
        return self.ctx.tr("operator")

    # ------------------------------------------------------------ layout
    def retranslate(self) -> None:
        super().retranslate()
        if not hasattr(self, "split"):
            return
        self._fit_title()
        m, ctx = self.ctx.m, self.ctx
        self.split.setSpacing(m.px(64))
        pad = m.px(40)
        self._card_layout.setContentsMargins(pad, m.px(32), pad, pad)
        self._card_layout.setSpacing(m.px(16))
        self._rows.setHorizontalSpacing(m.px(32))
        self._rows.setVerticalSpacing(m.px(10))
        self.rule.setFixedHeight(1)
        self.status_title.setFont(m.section())
        self.status_title.setText(_label(ctx, "status"))
        self.kind_counts.retranslate()
        self.total_label.setFont(m.caption())
        for key, name in self.row_names.items():
            name.setFont(m.label())
            name.setText(_label(ctx, key))
            self.row_values[key].setFont(m.label())
        self.volume_title.setFont(m.section())
        self.volume_title.setText(ctx.tr("volume"))
        self.volume_value.setFont(m.font("serif", 44))
        self.reload_note.setFont(m.caption())
        self._controls_box.setSpacing(m.px(20))
        self._slider_row.setSpacing(m.gutter)
        for button in (self.quieter, self.louder, self.content_button, self.reload_button):
            button.refresh()
        self.exit_button.refresh()
        self.confirm_box.refresh()
        self.slider.refresh()
        self.broken_lines.refresh()
        self.error_lines.refresh()
        self._fill()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        portrait = self.height() > self.width()
        direction = (
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        if self.split.direction() != direction:
            self.split.setDirection(direction)
            # Portrait: the card takes the height it needs; the controls follow below it.
            self.split.setStretch(0, 0 if portrait else 3)
        self._fit_title()

    def _fit_title(self) -> None:
        """The screen title in the heading size, or the section size where that would clip."""
        m = self.ctx.m
        self.title_label.setFont(m.heading())
        others = (
            sum(b.width() for b in (self.back_button, self.large_button, self.lang_button))
            + 3 * self._header.spacing()
        )
        margins = self._outer.contentsMargins()
        room = self.width() - margins.left() - margins.right() - others
        if QFontMetrics(m.heading()).horizontalAdvance(self.title()) > room:
            self.title_label.setFont(m.section())

    # ------------------------------------------------------------ status
    def refresh(self) -> None:
        """Ask for the counts and the status again."""
        self._counts_now = self.ctx.library.counts()
        self._status_now = dict(self._status())
        self._fill()

    def _fill(self) -> None:
        if not hasattr(self, "_status_now"):
            return
        ctx, counts, status = self.ctx, self._counts_now, self._status_now
        self.kind_counts.fill(counts)
        total = sum(counts.values())
        self.total_label.setText(f"{ctx.tr('total')} {total} {ctx.tr('items')}")
        self.row_values["uptime"].setText(format_uptime(ctx, float(status.get("uptime_s", 0.0))))
        problem = status.get("films_problem")
        if status.get("safe_since"):  # the supervisor's safe mode: why and since when
            problem = ctx.tr("safe_mode_status").format(since=local_time(status["safe_since"]))
        film = self.row_values["playback"]
        film.setText(str(problem) if problem else ctx.tr("films_ok"))
        set_color(film, theme.SEAL if problem else theme.INK)
        broken = [str(b) for b in status.get("broken") or []]
        errors = [
            e.render(ctx.lang) if hasattr(e, "render") else str(e)
            for e in status.get("last_errors") or []
        ]
        if clock := status.get("clock_problem"):  # (strings key, values): the clock looks wrong
            errors.append(ctx.tr(clock[0]).format(**clock[1]))
        self.row_values["broken"].setText(str(len(broken)) if broken else ctx.tr("none"))
        set_color(self.row_values["broken"], theme.SEAL if broken else theme.INK)
        self.row_values["recent_errors"].setText("" if errors else ctx.tr("none"))
        self.broken_lines.set_lines(broken)
        self.error_lines.set_lines(errors[::-1])  # the newest first
        self.volume_value.setText(str(self.slider.value()))
        if self._reloaded_at is not None:
            stamp = time.strftime("%H:%M", time.localtime(self._reloaded_at))
            self.reload_note.setText(ctx.tr("reloaded").format(t=stamp))
        else:
            self.reload_note.setText("")

    # ------------------------------------------------------------ controls
    def _volume_changed(self, value: int) -> None:
        self.volume_value.setText(str(value))
        self._last_volume = value
        self._set_volume(value)

    def reload_content(self) -> None:
        self.cancel_exit()
        self._reload()
        self._reloaded_at = self._now()
        self.refresh()

    def ask_exit(self) -> None:
        self.exit_button.hide()
        self.confirm_box.ask()

    def cancel_exit(self) -> None:
        self.confirm_box.hide()
        self.exit_button.show()

    def exit_confirmed(self) -> None:
        self.exit_button.show()
        self._quit()

    # ------------------------------------------------------------ life cycle
    def enter(self, **args: Any) -> None:
        self.cancel_exit()
        self._reloaded_at = None
        self.slider.blockSignals(True)
        self.slider.setValue(self._volume())
        self.slider.blockSignals(False)
        self.refresh()
        self._timer.start()

    def leave(self) -> None:
        self._timer.stop()
        self.cancel_exit()

    def reset(self) -> None:
        self.leave()
