"""The attract loop: works from the catalogue, one after another, while nobody touches the kiosk.

Layers (bottom to top), all children of the screen:

- ``FilmStage`` (two native video surfaces, from ``kiosk.playback``) over the
  stage area, only when libvlc is available;
- ``PictureLayer`` (``layer.py``), a native widget over the same area that
  paints pictures, aphorism cards and the placeholder on night, crossfading; it
  is hidden while a film plays (``films.py`` hands over between the two);
- ``CaptionBand`` (``band.py``), a plain widget below the stage (never over
  the video): caption, the breathing "touch to explore" line, and, when films
  cannot play, one calm line saying why;
- ``TickerBand`` (``kiosk.ui.widgets.ticker``), the rules ticker along the very
  bottom, below the caption band, while ticker lines are valid. Like the caption
  band it never lies over the video: the stage ends above both, so a film's
  subtitles (drawn by VLC into the video) stay clear of them.

The screen lays these out and offers the public API; ``AttractLoop``
(``loop.py``) sequences the items, ``Showings`` (``showings.py``) records what
was shown, ``Preparer`` (``prepare.py``) makes the next item ready, ``Slides``
(``slides.py``) renders aphorism cards and the placeholder.

Public API: ``AttractScreen(ctx, parent=None, *, speed=1.0, decode_timeout_s=8,
now=datetime.now, start_at=None)`` (``start_at=(key, after)``: begin at that item,
or the one after it, as after a restart) with ``enter()``, ``leave()``, ``reset()``,
``reload()``, ``broken_items()``, ``set_volume()``; signals ``item_started(key, show)``,
``item_ended(key, outcome, reason)``, ``placeholder_shown()``; ``playlist``,
``current_key``, ``showing_placeholder``, ``speed``, ``stage``, ``layer``, ``band``,
``ticker``.

Taps are the window's business: it leaves the loop (calling ``leave()``) on
the first touch. For the operator panel: ``broken_items()`` (what is skipped
today and why), ``reload()`` (read the catalogue again, forgive broken works),
``set_volume()`` (films' volume when the loop plays sound).
``speed`` (tests, previews) divides every duration of the loop; films still
play at their own pace.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QRect, QSize, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QWidget

from kiosk.playlist import AttractPlaylist
from kiosk.ticker import TickerLines
from kiosk.ui.attract.band import CaptionBand
from kiosk.ui.attract.layer import PictureLayer
from kiosk.ui.attract.loop import AttractLoop
from kiosk.ui.attract.pace import Pace
from kiosk.ui.screen import Context, Screen
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.ticker import TickerBand

#: A picture is not decoded within this time: it is skipped as unreadable.
DECODE_TIMEOUT_S = 8.0


class AttractScreen(Screen):
    """Fullscreen attract loop; see the module docstring."""

    name = "attract"

    #: (key, how it is shown: "picture" | "aphorism" | "film") when an item becomes visible
    item_started = Signal(str, str)
    #: (key, outcome, reason) when an item's showing is recorded
    item_ended = Signal(str, str, str)
    placeholder_shown = Signal()

    def __init__(
        self,
        ctx: Context,
        parent: QWidget | None = None,
        *,
        speed: float = 1.0,
        decode_timeout_s: float = DECODE_TIMEOUT_S,
        now: Callable[[], datetime] = datetime.now,
        start_at: tuple[str, bool] | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        pal = self.palette()
        pal.setColor(QPalette.ColorRole.Window, theme.NIGHT)
        self.setPalette(pal)

        self.stage = None
        if ctx.films is not None:
            from kiosk.playback import FilmStage  # the module that talks to libvlc

            self.stage = FilmStage(ctx.films, self)
        self.layer = PictureLayer(self)
        # above the stage by creation order (raise_() is not needed, nor supported offscreen)
        self.band = CaptionBand(ctx, self)
        # Operator-readable problems, one calm line (English reads without CJK fonts).
        self.band.notice = " ".join(p for p in (ctx.fonts_problem, ctx.films_problem) if p)
        lines = TickerLines(ctx.library.works, ctx.settings.ticker.languages, now=now)
        self.ticker = TickerBand(lines, ctx.settings.ticker, ctx, records=ctx.records, parent=self)
        self.ticker.shown_changed.connect(self._relayout)

        self.pace = Pace(ctx, max(speed, 1e-3))
        self.loop = AttractLoop(
            ctx,
            self.layer,
            self.band,
            self.stage,
            self.pace,
            decode_timeout_ms=int(decode_timeout_s * 1000),
            now=now,
            start_at=start_at,
            parent=self,
        )
        self.loop.shows.item_started.connect(self.item_started)
        self.loop.shows.item_ended.connect(self.item_ended)
        self.loop.placeholder_shown.connect(self.placeholder_shown)
        self._layout_children()

    # ----------------------------------------------------------------- state
    @property
    def playlist(self) -> AttractPlaylist | None:
        return self.loop.playlist

    @playlist.setter
    def playlist(self, playlist: AttractPlaylist | None) -> None:
        self.loop.playlist = playlist

    @property
    def speed(self) -> float:
        return self.pace.speed

    @speed.setter
    def speed(self, speed: float) -> None:
        self.pace.speed = speed

    @property
    def showing_placeholder(self) -> bool:
        return self.loop.showing_placeholder

    @property
    def current_key(self) -> str | None:
        return self.loop.shows.key

    # ------------------------------------------------------------ screen API
    def enter(self, **args: Any) -> None:
        if self.loop.active:
            return
        self.loop.enter()
        self.ticker.start()
        self._layout_children()
        self.loop.go()

    def leave(self) -> None:
        if self.loop.active:
            self.loop.leave()  # first: the stage growing into the band's room redoes nothing
            self.ticker.stop("kiosk stopped" if self.ctx.stopping else "visitor touched the screen")

    def reset(self) -> None:
        """Nothing of the visitor's to forget here."""

    def retranslate(self) -> None:
        self._relayout()
        self.ticker.refresh()
        self.band.update()

    def reload(self) -> None:
        """Read the catalogue again now (operator's "reload"); broken works get another try."""
        self.loop.reload()

    def broken_items(self) -> list[str]:
        """What the loop skips today and why, one line each (operator panel)."""
        if self.playlist is None:
            return []
        titles = {s.key: s.item.get("title_zh") or "" for s in self.playlist.slots}
        return [
            f"{titles.get(key) or key} [{key}]: {reason}"
            for key, reason in self.playlist.broken.items()
        ]

    def set_volume(self, volume: int) -> None:
        """Volume of the loop's films (heard only when ``attract.audio`` is on)."""
        self.loop.films.set_volume(volume)

    # -------------------------------------------------------------- geometry
    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._relayout()

    def _relayout(self) -> None:
        old = QSize(self.layer.size())
        self._layout_children()
        if self.layer.size() != old and self.loop.active:
            self.loop.resized()

    def _layout_children(self) -> None:
        w, h = self.width(), self.height()
        ticker_h = self.ticker.band_height()
        band_h = min(self.band.band_height(w), h // 3)
        stage = QRect(0, 0, w, max(1, h - band_h - ticker_h))
        self.layer.setGeometry(stage)
        if self.stage is not None:
            self.stage.setGeometry(stage)
        self.band.setGeometry(0, stage.height(), w, h - ticker_h - stage.height())
        if ticker_h:
            self.ticker.setGeometry(0, h - ticker_h, w, ticker_h)

    def stage_size(self) -> QSize:
        return self.layer.size()
