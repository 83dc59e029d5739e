"""Writing a film out: its subtitles as SRT, its frames and sound as an H.264/AAC MP4."""

from __future__ import annotations

from pathlib import Path

import av
import numpy as np

from kiosk.demo.films.shots import FPS, Caption, Shot, compose
from kiosk.demo.films.sound import SAMPLE_RATE


def _ts(t: float) -> str:
    ms = round(t * 1000)
    return f"{ms // 3600000:02d}:{ms // 60000 % 60:02d}:{ms // 1000 % 60:02d},{ms % 1000:03d}"


def srt(shots: list[Shot]) -> str:
    caps = sorted(
        (Caption(s.start + c.start, s.start + c.end, c.text) for s in shots for c in s.captions),
        key=lambda c: c.start,
    )
    out = []
    for i, c in enumerate(caps, 1):
        out.append(f"{i}\n{_ts(c.start)} --> {_ts(c.end)}\n{c.text}\n")
    return "\n".join(out)


def encode(
    shots: list[Shot], duration: float, size: tuple[int, int], audio: np.ndarray, path: Path
) -> None:
    """Write an H.264/AAC MP4 with faststart to ``path``."""
    with av.open(str(path), "w", format="mp4", options={"movflags": "+faststart"}) as out:
        vs = out.add_stream("libx264", rate=FPS)
        vs.width, vs.height = size
        vs.pix_fmt = "yuv420p"
        vs.options = {"crf": "21", "preset": "veryfast", "tune": "stillimage"}
        ast = out.add_stream("aac", rate=SAMPLE_RATE, layout="stereo")
        ast.bit_rate = 128000
        n_frames = round(duration * FPS)
        apos = 0
        chunk = 1024
        for i in range(n_frames):
            img = compose(shots, i / FPS, size)
            frame = av.VideoFrame.from_image(img)
            frame.pts = i
            for pkt in vs.encode(frame):
                out.mux(pkt)
            # keep the sound a little ahead of the picture
            target = int((i + 1) / FPS * SAMPLE_RATE) + chunk
            while apos < min(target, audio.shape[1]):
                part = np.ascontiguousarray(audio[:, apos : apos + chunk])
                if part.shape[1] < chunk:
                    part = np.pad(part, ((0, 0), (0, chunk - part.shape[1])))
                af = av.AudioFrame.from_ndarray(part, format="fltp", layout="stereo")
                af.sample_rate = SAMPLE_RATE
                af.pts = apos
                for pkt in ast.encode(af):
                    out.mux(pkt)
                apos += chunk
        for pkt in vs.encode(None):
            out.mux(pkt)
        for pkt in ast.encode(None):
            out.mux(pkt)
