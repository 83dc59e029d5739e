"""Strings of the pledge signature wall: the kind, the visitor's screens, the export's PDF,
the ``kiosk pledges`` command, the operator panel and the report."""

from __future__ import annotations

PLEDGE: dict[str, tuple[str, str]] = {
    # the kind (sheets, content page)
    "kind_word_pledge": ("承诺书", "pledge text"),
    "kind_pledge": ("承诺书", "Pledge text"),
    "pledge": ("承诺书", "Pledge texts"),
    "pledge_too_long": (
        "“{col}”有 {n} 个字，承诺书每栏最多 {limit} 个字，请删减后重新导入",
        "'{col}' has {n} characters; a pledge text holds at most {limit} per column: shorten it "
        "and import again",
    ),
    # the visitor's screens (kiosk/ui/pledge/)
    "pledges": ("廉洁承诺", "Integrity pledge"),
    "pledge_sign_hint": ("请用手指在此签名", "Sign here with your finger"),
    "pledge_undo": ("撤销一笔", "Undo stroke"),
    "pledge_clear": ("重写", "Start again"),
    "pledge_confirm": ("确认签名", "Sign the pledge"),
    "pledge_no_name": (
        "无需留下姓名，签名只保存在本机。",
        "No name is asked; the signature stays on this machine.",
    ),
    "pledge_one_point": (
        "这好像只是轻轻一点。请用手指写下您的签名，再点“确认签名”。",
        "That looks like a single touch. Please write your signature with your finger, then "
        "tap “Sign the pledge”.",
    ),
    "pledge_too_small": (
        "签名有点小，请在签名区写得大一些，再点“确认签名”。",
        "The signature is rather small. Please write it larger on the pad, then tap “Sign the "
        "pledge”.",
    ),
    "pledge_empty": ("请先在签名区签名。", "Please sign on the pad first."),
    "pledge_saving": ("正在保存签名……", "Saving your signature…"),
    "pledge_wall": ("签名墙", "Pledge wall"),
    "pledge_wall_count": ("已有 {n} 人签名承诺", "{n} people have signed"),
    "pledge_wall_none": (
        "还没有人签名。成为第一个签名承诺的人吧。",
        "No one has signed yet. Be the first to sign the pledge.",
    ),
    "pledge_to_wall": ("查看签名墙", "See the wall"),
    "pledge_sign_too": ("我也签名", "Sign the pledge"),
    "pledge_thanks": ("感谢您的承诺！", "Thank you for your pledge!"),
    # the month's PDF (kiosk/pledge/export.py)
    "pledge_pdf_title": ("廉洁承诺签名", "Integrity pledge signatures"),
    "pledge_pdf_count": ("{month} 共 {n} 人签名承诺", "{n} signatures in {month}"),
    "pledge_pdf_none": ("本月没有签名。", "No signatures this month."),
    # kiosk pledges (kiosk/pledge/command.py)
    "pledges_bad_month": (
        "月份“{month}”无法识别，请写成 YYYY-MM，例如 2026-11",
        "'{month}' is not a month; write YYYY-MM, e.g. 2026-11",
    ),
    "pledges_exported": (
        "已将 {month} 的 {n} 个签名导出到 {path}",
        "Wrote {month}'s {n} signatures to {path}",
    ),
    "pledges_need_yes": (
        "{month} 有 {n} 个签名。清除后无法恢复：请先导出，确认后加上 --yes 再运行",
        "{month} has {n} signatures. Clearing cannot be undone: export them first, then run "
        "again with --yes",
    ),
    "pledges_cleared": ("已清除 {month} 的 {n} 个签名", "Cleared {month}'s {n} signatures"),
    # the operator panel (kiosk/ui/pledge/panel.py)
    "pledge_panel": ("签名墙", "Pledge wall"),
    "pledge_panel_month": ("{month}：{n} 个签名", "{month}: {n} signatures"),
    "pledge_export": ("导出 PDF", "Export PDF"),
    "pledge_clear_month": ("清除签名", "Clear them"),
    "pledge_clear_ask": (
        "确定清除 {month} 的 {n} 个签名吗？清除后无法恢复，请先导出。",
        "Clear {month}'s {n} signatures? This cannot be undone: export them first.",
    ),
    "pledge_exported_to": ("已导出到 {path}", "Exported to {path}"),
    "pledge_export_failed": ("导出失败：{why}", "The export failed: {why}"),
    # settings (the loop's card)
    "set_help_attract_pledge_s": (
        "签名墙在轮播中展示的秒数（[pledge] in_loop 开启时）",
        "Seconds the signature wall shows in the loop (when [pledge] in_loop is on)",
    ),
    # the monthly report
    "pledge_rep_figures": ("廉洁承诺签名", "Pledge signatures"),
    "pledge_rep_signed": ("本期签名承诺人数", "People who signed the pledge in the period"),
    "pledge_rep_note": (
        "签名墙上本期的签名人数（不记录姓名）；"
        "签名本身可在该展陈机上按月导出为 PDF（kiosk pledges export）",
        "Signatures on the pledge wall in the period (no names are kept); the signatures "
        "themselves export month by month as a PDF on the kiosk itself: kiosk pledges export",
    ),
}
