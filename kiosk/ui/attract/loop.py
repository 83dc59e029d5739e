"""The attract loop's driver: which item shows next, when, and for how long.

While one item shows, the next is made ready (``Preparer``). At the item's end
the catalogue is checked for changes (an import while the kiosk runs rebuilds
the playlist), and the prepared item takes over: pictures and cards (aphorisms,
couplets, riddles — whose answer ``RiddleReveal`` fades in later) crossfade, a
film cuts in (``FilmHandover``), a film follows a film by ``FilmStage.swap``. A
file that is missing, corrupt or ends far too early is recorded as failed, marked
broken in the playlist and skipped; when nothing is playable a calm placeholder
(the exhibition's name, the date and time) shows until something is.

Every item shown is recorded (``Showings``); a film whose end libvlc never
reported is left when it has run well past its known length (``Pace.film_timer``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from kiosk.playlist import AttractPlaylist, Slot
from kiosk.ui.attract.band import CaptionBand
from kiosk.ui.attract.films import FilmHandover
from kiosk.ui.attract.layer import PictureLayer, Visual
from kiosk.ui.attract.pace import Pace
from kiosk.ui.attract.prepare import Preparer, Upcoming
from kiosk.ui.attract.reveal import RiddleReveal
from kiosk.ui.attract.showings import Showings
from kiosk.ui.attract.slides import CARDS, Slides
from kiosk.ui.attract.songs import SongShow
from kiosk.ui.screen import Context

log = logging.getLogger(__name__)

#: How often the placeholder looks for playable works again (seconds).
PLACEHOLDER_POLL_S = 2.0


def _playlist(
    ctx: Context, films_play: bool, songs: SongShow, now: Callable[[], datetime]
) -> AttractPlaylist:
    """The running order of the kinds the settings ask for that can play here (films need
    the stage; songs need sound in the loop)."""
    attract, pledge = ctx.settings.attract, ctx.settings.pledge
    kinds = songs.playable([k for k in attract.kinds if k != "film" or films_play])
    kinds = [k for k in kinds if k != "pledge"] + ["pledge"] * (pledge.enabled and pledge.in_loop)
    return AttractPlaylist(ctx.library.works, attract, kinds=kinds, now=now)


class AttractLoop(QObject):
    """Sequences the items of the loop on ``layer``, ``band`` and ``stage``; see the module."""

    placeholder_shown = Signal()

    def __init__(
        self,
        ctx: Context,
        layer: PictureLayer,
        band: CaptionBand,
        stage: Any,  # kiosk.playback.FilmStage, or None when films cannot play
        pace: Pace,
        *,
        decode_timeout_ms: int,
        now: Callable[[], datetime],
        start_at: tuple[str, bool] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.layer, self.band, self.stage, self.pace = ctx, layer, band, stage, pace
        self._now = now
        self.slides = Slides(ctx, layer, now)
        self.shows = Showings(ctx, band, pace, parent=self)
        self.reveal = RiddleReveal(self.shows, layer, self.slides, pace, parent=self)
        self.films = FilmHandover(ctx, stage, layer, in_use=self._film_in_use)
        self.songs = SongShow(ctx, layer, self.slides.canvas, lambda: self.films.volume, self)
        self.prep = Preparer(
            ctx,
            stage,
            self.slides,
            pace,
            decode_timeout_ms=decode_timeout_ms,
            defer=self._defer,
            on_ready=self._upcoming_ready,
            on_failed=self._upcoming_failed,
            current_player=self.shows.player,
            songs=self.songs,
            parent=self,
        )
        _listen(self, [*(stage.players if stage is not None else ()), *self.songs.players])

        self.playlist: AttractPlaylist | None = None
        self._start_at = start_at  # (key, after): where the first playlist begins (a restart)
        self.active = False
        self._epoch = 0  # bumped by leave(): late callbacks of an earlier run are dropped
        self._want_advance = False
        self._placeholder = False
        self._placeholder_minute = ""

        self._item_timer = QTimer(self)
        self._item_timer.setSingleShot(True)
        self._item_timer.setTimerType(Qt.TimerType.PreciseTimer)  # coarse ones fire 5 % early
        self._item_timer.timeout.connect(self._item_done)
        self._poll_timer = QTimer(self)
        self._poll_timer.setInterval(int(PLACEHOLDER_POLL_S * 1000 / pace.speed))
        self._poll_timer.timeout.connect(self._poll_placeholder)

    # ------------------------------------------------------------- life cycle
    def enter(self) -> None:
        self.active = True
        self._epoch += 1
        if self.playlist is None:
            self.playlist = _playlist(self.ctx, self.stage is not None, self.songs, self._now)
            self.ctx.library.changed(self)  # the playlist was just read: start from here
            if self._start_at is not None:
                key, after = self._start_at
                if self.playlist.start_at(key, after=after):
                    log.info("the attract loop resumes at %s%s", key, " (after it)" * after)
                self._start_at = None
        elif self.ctx.library.changed(self):
            self.playlist.rebuild()
        self.films.apply_audio()
        self.band.start()

    def go(self) -> None:
        """Show the layer and begin with the next item (after ``enter``)."""
        if not self.layer.isVisible():
            self.layer.show()
        self._want_advance = True
        self._try_go()

    def leave(self) -> None:
        self.active = False
        self._epoch += 1
        self._item_timer.stop()
        self.prep.stop_waiting()
        self._poll_timer.stop()
        self.band.stop()
        self.layer.stop()
        reason = "kiosk stopped" if self.ctx.stopping else "visitor touched the screen"
        self.shows.end("skipped", reason)
        self.shows.current = None
        self._want_advance = False
        self._placeholder = False
        self.prep.forget()  # made ready again on return (films are stopped below)
        self.films.stop()
        self.songs.stop()

    def reload(self) -> None:
        if self.playlist is None:
            return
        self.playlist.rebuild()
        self.prep.drop()
        if self.active:
            self._defer(self._try_go if self._want_advance else self._prefetch)

    def resized(self) -> None:
        """The layer got its real size after the loop began: redo what was made for the old."""
        up = self.prep.upcoming
        if up is not None and up.player is None:
            self.prep.drop()
            if self._want_advance:
                self._defer(self._try_go)
            else:
                self._prefetch_after_fade()
        if self._placeholder:
            self.layer.replace_current(Visual(self.slides.placeholder()))
        elif self.shows.current is not None and not self.films.on_screen:
            slot = self.shows.current.slot
            if slot.show in CARDS:
                self.layer.replace_current(Visual(self.reveal.card(slot)))

    @property
    def showing_placeholder(self) -> bool:
        return self._placeholder

    # ------------------------------------------------------------- sequencing
    def _defer(self, fn: Callable[[], None]) -> None:
        epoch = self._epoch
        QTimer.singleShot(0, self, lambda: fn() if epoch == self._epoch else None)

    def _item_done(self) -> None:
        if not self.active:
            return
        current = self.shows.current
        if current is not None and current.player is not None and not current.ended:
            self.shows.film_time_up()
        self._want_advance = True
        self._try_go()

    def _try_go(self) -> None:
        """At an item boundary: take the next item if it is ready (else wait for it)."""
        if not self.active or not self._want_advance or self.playlist is None:
            return
        if self.ctx.library.changed(self):
            log.info("the catalogue changed: the attract loop reads it again")
            self.playlist.rebuild()
        wanted = self.playlist.peek()
        up = self.prep.upcoming
        if up is not None and (wanted is None or wanted.key != up.slot.key):
            self.prep.drop()
        if wanted is None:
            self._show_placeholder()
            return
        if self.prep.upcoming is None:
            self._prefetch()
            if self.prep.upcoming is None:  # failed at once; the next try is deferred
                return
        if self.prep.upcoming.ready:
            self._go()

    def _go(self) -> None:
        up = self.prep.upcoming
        assert self.playlist is not None and up is not None
        slot = self.playlist.next()
        if slot is None or slot.key != up.slot.key:  # the playlist moved meanwhile
            self.prep.drop()
            self._defer(self._try_go)
            return
        self.prep.forget()
        self._want_advance = False
        self._placeholder = False
        self._poll_timer.stop()
        self.shows.end("completed")
        self.songs.stop()  # a song ends where the next item begins
        if slot.show == "film":
            self.shows.current = None
            # The prepared film waits, paused on its first frame, on the surface below the
            # layer: it starts and the layer is hidden at once — a cut, never a dip to night.
            self.layer.stop()
            self._start_film(up)
        else:
            self._to_visual(up)

    def _to_visual(self, up: Upcoming) -> None:
        slot = up.slot
        assert up.visual is not None
        self.films.show_visual(up.visual, self.pace.fade_ms)
        song = self.songs.start(slot) if slot.show == "song" else None
        self.shows.begin(slot, player=song)
        ms = self.songs.timer_ms(slot) if song else self.pace.shown_ms(slot, up.visual)
        self._item_timer.start(ms)
        self._prefetch_after_fade()

    def _start_film(self, up: Upcoming) -> None:
        from kiosk.playback import PlayerState

        stage = self.stage
        if stage is None or up.player is None or up.player.state != PlayerState.READY:
            self._record_failure(up.slot, "film was not ready to start")
            self._want_advance = True
            self._defer(self._try_go)
            return
        if stage.standby is not up.player:  # cannot happen unless reused meanwhile
            self._record_failure(up.slot, "film player was taken by another film")
            self._want_advance = True
            self._defer(self._try_go)
            return
        self.films.cut_to_film()
        current = self.shows.begin(up.slot, player=up.player)
        timer = self.pace.film_timer(up.slot)
        if timer is not None:
            ms, current.cut_at = timer
            self._item_timer.start(ms)
        self._prefetch_after_fade()

    # --------------------------------------------------------------- the next
    def _prefetch_after_fade(self) -> None:
        """Prepare the next item once the transition is over (rendering would stall it)."""
        epoch = self._epoch
        QTimer.singleShot(
            self.pace.fade_ms + 100,
            self,
            lambda: self._prefetch() if epoch == self._epoch else None,
        )

    def _prefetch(self) -> None:
        """Make the next item ready while the current one shows."""
        if not self.active or self.prep.upcoming is not None or self.playlist is None:
            return
        slot = self.playlist.peek()
        if slot is None:
            if self._want_advance:
                self._show_placeholder()
            return
        self.prep.prepare(slot)

    def _upcoming_ready(self) -> None:
        if self._want_advance:
            self._defer(self._try_go)

    def _upcoming_failed(self, slot: Slot, reason: str) -> None:
        self._record_failure(slot, reason)
        self._defer(self._prefetch if not self._want_advance else self._try_go)

    # ------------------------------------------------------------ film events
    def _film_in_use(self, player: Any) -> bool:
        return player is self.prep.player() or player is self.shows.player()

    def _film_started(self, player: Any) -> None:
        if player is self.shows.player():
            self.films.film_started()

    def _film_failed(self, player: Any, reason: str) -> None:
        up = self.prep.upcoming
        if up is not None and up.player is player:
            self.prep.fail(up, reason)
            return
        current = self.shows.current
        if current is not None and current.player is player:
            self._item_timer.stop()
            if self.playlist is not None:
                self.playlist.mark_broken(current.slot.key, reason)
            self.shows.end("failed", reason)
            self.shows.current = None
            self._item_done()

    def _film_ended(self, player: Any, completed: bool, reason: str) -> None:
        if completed and player is self.shows.player():
            self._item_timer.stop()
            self.shows.end("completed")  # its last frame may wait for the next item
            self._item_done()

    def _record_failure(self, slot: Slot, reason: str) -> None:
        log.warning("attract loop skips %s: %s", slot.key, reason)
        if self.playlist is not None:
            self.playlist.mark_broken(slot.key, reason)
        self.shows.failed(slot, reason)

    # ------------------------------------------------------------ placeholder
    def _show_placeholder(self) -> None:
        if self._placeholder:
            return
        self._item_timer.stop()
        self.shows.end("completed")
        self.shows.current = None
        self._placeholder = True
        self._want_advance = True
        self.band.set_caption("", "", 0, 0)
        self._placeholder_minute = self._now().strftime("%Y-%m-%d %H:%M")
        self.films.show_visual(Visual(self.slides.placeholder()), self.pace.fade_ms)
        self._poll_timer.start()
        self.placeholder_shown.emit()

    def _poll_placeholder(self) -> None:
        if not self.active or not self._placeholder:
            self._poll_timer.stop()
            return
        minute = self._now().strftime("%Y-%m-%d %H:%M")
        if minute != self._placeholder_minute:
            self._placeholder_minute = minute
            self.layer.replace_current(Visual(self.slides.placeholder()))
        if self.playlist is not None and self.ctx.library.changed(self):
            self.playlist.rebuild()
        if self.playlist is not None and self.playlist.peek() is not None:
            self._try_go()


def _listen(loop: AttractLoop, players: list[Any]) -> None:
    """The loop follows its films' players, and its song's (which ends and fails like a
    film's, but is never prepared nor on the stage)."""
    for player in players:
        player.ready.connect(lambda p=player: loop.prep.film_ready(p))
        player.failed.connect(lambda reason, p=player: loop._film_failed(p, reason))
        player.ended.connect(lambda done, why, p=player: loop._film_ended(p, done, why))
        player.started.connect(lambda p=player: loop._film_started(p))
