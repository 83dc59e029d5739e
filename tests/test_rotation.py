"""--rotate: reading xrandr's answer, the commands sent, undoing on exit, and a real X server
that cannot rotate (Xvfb) giving one clear sentence while the kiosk runs on."""

from __future__ import annotations

import subprocess

import pytest

from kiosk.rotation import current_rotation, rotate

from needs import needs

QUERY = """Screen 0: minimum 320 x 200, current 1080 x 1920, maximum 16384 x 16384
HDMI-1 connected primary 1080x1920+0+0 left (normal left inverted right x axis y axis) 598mm x 336mm
   1920x1080     60.00*+  50.00
DP-1 connected 1920x1080+1080+0 (normal left inverted right x axis y axis) 527mm x 296mm
   1920x1080     60.00*+
DP-2 disconnected (normal left inverted right x axis y axis)
HDMI-2 connected inverted (normal left inverted right x axis y axis) 0mm x 0mm
screen connected 1920x1080+0+0 0mm x 0mm
"""


def test_current_rotation_is_read_from_the_query():
    assert current_rotation(QUERY, "HDMI-1") == 270
    assert current_rotation(QUERY, "DP-1") == 0
    assert current_rotation(QUERY, "HDMI-2") == 180
    assert current_rotation(QUERY, "screen") == 0  # Xvfb's way of saying it
    assert current_rotation(QUERY, "DP-2") is None  # not connected
    assert current_rotation(QUERY, "VGA-1") is None


class Xrandr:
    """A stand-in for the xrandr program: answers the query, records the commands."""

    def __init__(self, query: str, fail: str | None = None) -> None:
        self.query, self.fail, self.calls = query, fail, []

    def __call__(self, argv: list[str]) -> subprocess.CompletedProcess:
        self.calls.append(argv)
        if argv[1:] == ["--query"]:
            return subprocess.CompletedProcess(argv, 0, self.query, "")
        if self.fail:
            return subprocess.CompletedProcess(argv, 1, "", self.fail)
        return subprocess.CompletedProcess(argv, 0, "", "")


def test_rotating_sends_the_clockwise_name_and_exit_turns_it_back():
    xrandr = Xrandr(QUERY)
    rotation, problem = rotate(90, "DP-1", "xcb", run=xrandr)
    assert problem is None
    assert xrandr.calls[-1] == ["xrandr", "--output", "DP-1", "--rotate", "right"]
    rotation.restore()
    assert xrandr.calls[-1] == ["xrandr", "--output", "DP-1", "--rotate", "normal"]


def test_an_output_already_turned_is_left_alone():
    xrandr = Xrandr(QUERY)
    rotation, problem = rotate(270, "HDMI-1", "xcb", run=xrandr)
    assert problem is None and xrandr.calls == [["xrandr", "--query"]]
    rotation.restore()
    assert xrandr.calls == [["xrandr", "--query"]]


@pytest.mark.parametrize(
    ("degrees", "output", "platform", "fail", "words"),
    [
        (90, "DP-1", "wayland", None, "only on X11"),
        (90, "VGA-9", "xcb", None, "does not list the output"),
        (
            90,
            "DP-1",
            "xcb",
            'xrandr: output DP-1 cannot use rotation "right"',
            "cannot use rotation",
        ),
        (45, "DP-1", "xcb", None, "not one of"),
    ],
)
def test_problems_are_one_sentence(degrees, output, platform, fail, words):
    rotation, problem = rotate(degrees, output, platform, run=Xrandr(QUERY, fail))
    assert rotation is None
    assert words in problem and "\n" not in problem


@pytest.mark.x11
def test_a_real_x_server_that_cannot_rotate_says_so():
    """Under pytest-xvfb: Xvfb lists its output but refuses rotation, in its own words."""
    needs("xrandr")
    query = subprocess.run(["xrandr", "--query"], capture_output=True, text=True).stdout
    output = next(line.split()[0] for line in query.splitlines() if " connected" in line)
    rotation, problem = rotate(90, output, "xcb")
    after = subprocess.run(["xrandr", "--query"], capture_output=True, text=True).stdout
    if rotation is not None:  # a server that can rotate: turn it back
        rotation.restore()
        pytest.skip("this X server can rotate")
    assert "cannot be turned 90°" in problem and "display settings" in problem
    assert query == after
