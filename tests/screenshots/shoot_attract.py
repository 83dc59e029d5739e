"""Screenshots of the attract loop, fullscreen under Xvfb, landscape and portrait.

    .venv/bin/python tests/screenshots/shoot_attract.py --data-dir DIR --out screenshots/attract

runs itself twice under ``xvfb-run`` (1920×1080 and 1080×1920) and writes, in
``OUT/landscape`` and ``OUT/portrait``:

    01-picture.png           a poster, letterboxed on night, caption faded in
    02-crossfade.png         halfway through the crossfade to a handscroll
    03-handscroll-pan.png    the handscroll halfway along its pan
    04-hanging-scroll.png    a hanging scroll (panned vertically, or fitted)
    05-aphorism-vertical.png a short aphorism set vertically on its card
    06-aphorism-long.png     a long aphorism set horizontally
    07-film.png              a film playing (libvlc in the X window)
    08a-film-to-picture-crossfade.png  halfway from the film's last frame to a picture
    08-after-film.png        the picture that followed the film
    09-placeholder.png       nothing playable: the exhibition's name, date and time
    10-no-vlc.png            a picture when films cannot play (the notice in the band)

DIR holds a catalogue (the demo one: ``kiosk --data-dir /tmp/attract-demo demo`` makes
``/tmp/attract-demo/demo``). Without ``--data-dir`` a small catalogue is built with
the test factories. ``--inner`` (used by the launcher) shoots on the current display.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE.parent))


SIZES = {"landscape": "1920x1080x24", "portrait": "1080x1920x24"}

# The works each shot wants, by key (demo catalogue), in loop order.
DEMO_KEYS = {
    "poster": "poster-si-zhi",
    "handscroll": "calligraphy-ai-lian-shuo-handscroll",
    "hanging": "calligraphy-zheng-qi-ge-hanging",
    "aphorism": "aphorism-si-zhi",
    "long": "aphorism-jie-zi-shu",
    "film": "film-si-zhi-que-jin",
    "after": "poster-ai-lian",
}


def launch(args: argparse.Namespace) -> int:
    out = Path(args.out)
    code = 0
    for name, screen in SIZES.items():
        cmd = [
            "xvfb-run",
            "-a",
            "-s",
            f"-screen 0 {screen}",
            sys.executable,
            str(Path(__file__).resolve()),
            "--inner",
            "--out",
            str(out / name),
        ]
        if args.data_dir:
            cmd += ["--data-dir", args.data_dir]
        runtime = tempfile.mkdtemp(prefix="runtime-")
        env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "XDG_RUNTIME_DIR": runtime}
        print("$", " ".join(cmd), flush=True)
        code = subprocess.run(cmd, env=env, cwd=REPO).returncode or code
    return code


def small_catalogue(root: Path) -> Path:
    """A catalogue like the demo's, made with the test factories (no demo media needed)."""
    from kiosk.catalog import Catalogue
    from kiosk.catalog.files import MediaStore
    from kiosk.ingest.importer import Importer
    from kiosk.paths import Paths

    from factories import make_image, make_video

    src = root / "content"
    make_image(src / "p.jpg", (2160, 3840), color=(168, 40, 30))
    make_image(src / "h.jpg", (12000, 1200), color=(233, 225, 208))
    make_image(src / "v.jpg", (1000, 4000), color=(233, 225, 208))
    make_image(src / "a.jpg", (3840, 2160), color=(94, 125, 106))
    make_video(src / "f.mp4", seconds=8.0, size=(1280, 720))
    rows = [
        ("poster-si-zhi", "poster", "p.jpg", "四知", "The Four Knows", "", ""),
        (
            "calligraphy-ai-lian-shuo-handscroll",
            "calligraphy",
            "h.jpg",
            "爱莲说（手卷）",
            "On the Love of the Lotus (handscroll)",
            "周敦颐",
            "",
        ),
        (
            "calligraphy-zheng-qi-ge-hanging",
            "calligraphy",
            "v.jpg",
            "正气歌（立轴）",
            "Song of the Righteous Spirit (hanging scroll)",
            "文天祥",
            "",
        ),
        (
            "aphorism-si-zhi",
            "aphorism",
            "",
            "天知，神知，我知，子知。何谓无知！",
            "Heaven knows, the spirits know, I know, and you know. How can you say no one knows?",
            "杨震",
            "《后汉书·杨震列传》",
        ),
        (
            "aphorism-jie-zi-shu",
            "aphorism",
            "",
            "夫君子之行，静以修身，俭以养德。非淡泊无以明志，非宁静无以致远。夫学须静也，才须学也。",
            "The conduct of a noble person is to cultivate himself through stillness and nourish "
            "his virtue through frugality.",
            "诸葛亮",
            "诸葛亮《诫子书》",
        ),
        ("film-si-zhi-que-jin", "film", "f.mp4", "四知 · 杨震拒金", "The Four Knows", "", ""),
        (
            "poster-ai-lian",
            "poster",
            "a.jpg",
            "出淤泥而不染",
            "Rising from the Mud Unstained",
            "",
            "",
        ),
    ]
    lines = ["key,kind,file,title_zh,title_en,author_zh,source_zh"]
    for row in rows:
        lines.append(",".join(f'"{v}"' for v in row))
    (src / "works.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    paths = Paths(root / "data")
    with Catalogue.open(paths.catalogue) as cat:
        report = Importer(cat, MediaStore.at(paths)).run([src])
        assert not report.rejected, report.rejected
    return paths.data_dir


def inner(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication, QWidget

    from kiosk.catalog import Catalogue
    from kiosk.catalog.files import MediaStore
    from kiosk.catalog.library import Library
    from kiosk.paths import Paths
    from kiosk.playback import PlaybackUnavailable, VlcEngine, default_options
    from kiosk.playlist import AttractPlaylist
    from kiosk.records import Recorder
    from kiosk.settings import Settings
    from kiosk.ui.attract.screen import AttractScreen
    from kiosk.ui.screen import Context, Visit
    from kiosk.ui.widgets import theme
    from kiosk.ui.widgets.images import ImageLoader

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication([])
    screen = app.primaryScreen()
    geometry = screen.geometry()
    data_dir = Path(args.data_dir) if args.data_dir else small_catalogue(Path(tempfile.mkdtemp()))
    paths = Paths(data_dir)
    catalogue = Catalogue.open(paths.catalogue, create=False)
    library = Library(catalogue, MediaStore.at(paths))
    settings = Settings().with_overrides(
        attract={
            "poster_s": 4.0,
            "calligraphy_s": 4.0,
            "aphorism_s": 3.0,
            "film_max_s": 6.0,
            "pan_px_per_s": 300.0,
            "pan_pause_s": 1.0,
        }
    )

    class Nav:
        def go(self, screen, **args):
            pass

        def back(self):
            pass

        def home(self):
            pass

    try:
        films, problem = VlcEngine([*default_options(), "--aout=dummy"]), None
    except PlaybackUnavailable as e:
        films, problem = None, str(e)

    def settle(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def shot(name: str) -> None:
        path = out / f"{name}.png"
        app.primaryScreen().grabWindow(0).save(str(path))
        print(path, flush=True)

    def make(films, problem) -> tuple[QWidget, AttractScreen]:
        ctx = Context(
            library,
            settings,
            Visit("zh", theme.Metrics.for_screen(geometry.width(), geometry.height())),
            ImageLoader(),
            Nav(),
            films,
            problem,
            Recorder(catalogue),
        )
        window = QWidget()
        window.setGeometry(geometry)
        attract = AttractScreen(ctx, window)
        attract.setGeometry(0, 0, geometry.width(), geometry.height())
        window.showFullScreen()
        return window, attract

    def only(keys: list[str]):
        def source(kinds, on=None):
            works = {w.key: w for w in library.works(list(kinds), on=on)}
            return [works[k] for k in keys if k in works]

        return source

    def wait_for(attract: AttractScreen, key: str, timeout_ms: int = 60000) -> None:
        loop = QEventLoop()
        seen = {"ok": False}

        def started(k: str, show: str) -> None:
            if k == key:
                seen["ok"] = True
                loop.quit()

        attract.item_started.connect(started)
        QTimer.singleShot(timeout_ms, loop.quit)
        loop.exec()
        attract.item_started.disconnect(started)
        if not seen["ok"]:
            raise SystemExit(f"{key} never showed")

    window, attract = make(films, problem)
    fade = settings.attract.crossfade_ms
    order = [
        DEMO_KEYS[k]
        for k in ("poster", "handscroll", "hanging", "aphorism", "long", "film", "after")
    ]
    attract.playlist = AttractPlaylist(
        only(order), settings.attract, kinds=("poster", "calligraphy", "aphorism", "film")
    )
    # one kind after another, in the order wanted
    attract.playlist._slots.sort(key=lambda s: order.index(s.key))
    settle(300)
    attract.enter()
    wait_for(attract, DEMO_KEYS["poster"])
    settle(fade + 1800)
    shot("01-picture")
    wait_for(attract, DEMO_KEYS["handscroll"])
    settle(fade // 2)
    shot("02-crossfade")
    visual = attract.layer.current
    if visual is not None and visual.pan is not None:
        half = visual.pause_s + visual.pan.distance / visual.px_per_s / 2
        settle(int(half * 1000) - fade // 2)
    shot("03-handscroll-pan")
    wait_for(attract, DEMO_KEYS["hanging"])
    settle(fade + 1500)
    shot("04-hanging-scroll")
    wait_for(attract, DEMO_KEYS["aphorism"])
    settle(fade + 300)
    shot("05-aphorism-vertical")
    wait_for(attract, DEMO_KEYS["long"])
    settle(fade + 300)
    shot("06-aphorism-long")
    if films is not None:
        wait_for(attract, DEMO_KEYS["film"])
        settle(3000)
        shot("07-film")
    wait_for(attract, DEMO_KEYS["after"])
    if films is not None:
        settle(fade // 2)
        shot("08a-film-to-picture-crossfade")
    settle(fade + 300)
    shot("08-after-film")
    for key in attract.playlist.order():
        attract.playlist.mark_broken(key, "screenshot of the placeholder")
    loop = QEventLoop()
    attract.placeholder_shown.connect(loop.quit)
    QTimer.singleShot(30000, loop.quit)
    loop.exec()
    settle(fade + 300)
    shot("09-placeholder")
    attract.leave()
    window.close()

    message = problem or (
        "Films cannot play: VLC (libvlc) is not installed. Install VLC 3 (Debian: apt install "
        "libvlc5 vlc-plugin-base vlc-plugin-video-output) and restart."
    )
    window, attract = make(None, message)
    attract.playlist = AttractPlaylist(only([DEMO_KEYS["after"]]), settings.attract)
    settle(300)
    attract.enter()
    wait_for(attract, DEMO_KEYS["after"])
    settle(fade + 1800)
    shot("10-no-vlc")
    attract.leave()
    window.close()
    if films is not None:
        films.close()
    print("platform", QGuiApplication.platformName(), geometry.width(), geometry.height())
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data-dir", help="data folder holding catalogue.sqlite")
    parser.add_argument("--out", required=True)
    parser.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    return inner(args) if args.inner else launch(args)


if __name__ == "__main__":
    sys.exit(main())
