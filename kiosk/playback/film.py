"""A player's states, what it has seen of the film it holds, and the verdicts drawn from it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path


class PlayerState(StrEnum):
    IDLE = "idle"  # nothing loaded
    LOADED = "loaded"  # load()ed, not playing
    PREPARING = "preparing"  # prepare()d, waiting for the first frame
    READY = "ready"  # paused on the first frame, waiting for start()
    PLAYING = "playing"
    PAUSED = "paused"
    ENDED = "ended"  # played to the end; last frame held
    FAILED = "failed"


def early_end_slack(length: float) -> float:
    """How far short of its length a film may end and still count as complete."""
    return min(max(1.0, 0.05 * length), 5.0)


@dataclass
class Film:
    """One film from ``load()``/``prepare()`` to ``stop()``: its files and libvlc's reports."""

    path: Path | None = None
    subtitles: Path | None = None
    expected: float | None = None  # known length in seconds (e.g. from the catalogue)
    seen_playing: bool = False
    seen_vout: bool = False
    seen_time: bool = False  # playback time advanced past 0
    has_started: bool = False  # ``started`` was emitted
    audio_off: bool = False  # prepared with :no-audio; start() turns it back on
    audio_only: bool = False
    # libvlc reports our pauses and play-and-pause's pause at the end alike: count ours.
    pauses_requested: int = 0
    awaiting_ready: bool = False  # prepare() asked for the pause on the first frame
    started_from_ready: bool = False
    length_ms: float = 0.0
    last_time_ms: float = 0.0
    tail_slack: float = 0.0  # more room for an early end (sound: kiosk.playback.song)

    def end_failure(self, played: float, length: float) -> str | None:
        """Why an end after ``played`` of ``length`` seconds is a failure, or None."""
        if not (self.seen_vout or self.seen_time) and played == 0:
            return "file is not a playable film"
        if length > 0 and played < length - early_end_slack(length) - self.tail_slack:
            return f"ended after {played:.1f} s of {length:.1f} s"
        return None
