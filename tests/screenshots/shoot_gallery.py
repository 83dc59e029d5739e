"""Screenshots of the galleries: the grid, a work fitted, deep zoom into a handscroll, the text.

    xvfb-run -s "-screen 0 1920x1080x24" .venv/bin/python tests/screenshots/shoot_gallery.py \\
        --data-dir DIR --out screenshots/gallery/landscape
    xvfb-run -s "-screen 0 1080x1920x24" ... --out screenshots/gallery/portrait

DIR holds a catalogue with calligraphy (e.g. the demo one, made by
``kiosk --data-dir /tmp/gallery-demo demo``: DIR is then /tmp/gallery-demo/demo).
Prints each PNG's path and the paint times of the zoom view while zooming.
"""

from __future__ import annotations

import statistics

from PySide6.QtCore import QPointF

from kiosk.ui.gallery.screen import GalleryScreen

from harness import arguments, open_kiosk


def main() -> None:
    parser = arguments(__doc__)
    args = parser.parse_args()
    kiosk = open_kiosk(args.data_dir, args.out, {"gallery": GalleryScreen})
    window, shot = kiosk.window, kiosk.shot
    kiosk.waits.append(
        lambda: window.screens["gallery"].loader.wait() if "gallery" in window.screens else None
    )

    for lang in ("zh", "en"):
        window.ctx.visit.set_lang(lang)
        window.home()
        window.go("gallery", kind="calligraphy")
        gallery: GalleryScreen = window.screens["gallery"]
        shot(f"grid-calligraphy-{lang}")
        plain = next(i for i, w in enumerate(gallery.works) if w.tiles is None)
        gallery.open_work(plain)
        shot(f"work-fitted-{lang}")
        gallery.toggle_caption()
        shot(f"work-caption-{lang}")
        gallery.toggle_caption()
        gallery.go_back()
        scroll = next(
            i for i, w in enumerate(gallery.works) if w.tiles and w.tiles.width > w.tiles.height
        )
        gallery.open_work(scroll)
        shot(f"handscroll-fitted-{lang}")
        zoom = gallery.zoom
        zoom.paint_ms.clear()
        anchor = QPointF(zoom.width() * 0.62, zoom.height() / 2)
        while zoom.scale() < 1.0:  # as a pinch would: many small steps, one paint each
            zoom.zoom_by(1.05, anchor)
            zoom.repaint()
            kiosk.app.processEvents()
        times = sorted(zoom.paint_ms)
        print(
            f"zoom paint ms: median {statistics.median(times):.1f}, "
            f"p95 {times[int(len(times) * 0.95)]:.1f}, max {times[-1]:.1f} ({len(times)} frames)"
        )
        size = zoom.image_size()
        zoom.center_on(QPointF(size.width() * 0.57, size.height() * 0.45))
        shot(f"handscroll-zoomed-{lang}")
        gallery.toggle_caption()
        shot(f"handscroll-caption-{lang}")
        gallery.go_back()
        window.back()
        window.go("gallery", kind="poster")
        shot(f"grid-posters-{lang}")
        window.back()
    window.ctx.visit.set_lang("zh")
    window.ctx.visit.set_large(True)
    window.go("gallery", kind="calligraphy")
    shot("grid-large-text")
    gallery = window.screens["gallery"]
    gallery.open_work(1)
    gallery.toggle_caption()
    shot("work-caption-large-text")
    window.shutdown()


if __name__ == "__main__":
    main()
