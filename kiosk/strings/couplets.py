"""Couplets and lantern riddles (kiosk/ui/programme/, the loop's couplet and riddle cards)."""

from __future__ import annotations

COUPLETS: dict[str, tuple[str, str]] = {
    # the home tile and the riddles screen
    "riddles": ("灯谜", "Lantern riddles"),
    "riddle_tap": ("轻触看谜底", "Tap for the answer"),
    "riddle_tap_again": ("再次轻触收起", "Tap again to hide it"),
    "riddle_answer": ("谜底：{answer}", "Answer: {answer}"),
    "riddle_answer_soon": ("谜底稍后揭晓", "The answer follows"),
    "riddle_traditional": ("传统灯谜", "A traditional riddle"),
    # kiosk.toml help
    "set_help_attract_couplet_s": ("每副对联展示的秒数", "Seconds each couplet shows"),
    "set_help_attract_riddle_s": (
        "每条灯谜展示的秒数（谜底在其 60% 时出现）",
        "Seconds each riddle shows (the answer appears at 60 % of it)",
    ),
}
