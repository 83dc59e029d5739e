"""The rules ticker (issue 13): how its passes are reported."""

from __future__ import annotations

TICKER: dict[str, tuple[str, str]] = {
    "rep_ticker": ("滚动字幕", "Rules ticker"),
    "rep_ticker_passes": ("完整滚过次数", "Whole passes"),
    "rep_ticker_cut": ("中途中断次数", "Passes cut short"),
    "rep_ticker_note": (
        "每条字幕从屏幕右侧进入到左侧离开计为一次；滚动字幕不计入上方的轮播展示次数。",
        "A line entering at the right and leaving at the left is one pass; ticker passes "
        "are not counted among the loop's showings above.",
    ),
}
