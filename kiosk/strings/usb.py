"""The USB stick in the operator panel (kiosk/ui/operator/usb*.py) and the records it takes
away (kiosk/usb/export.py): their headings, sheet names and values."""

from __future__ import annotations

USB: dict[str, tuple[str, str]] = {
    # the offer in the panel
    "usb_none": ("插入U盘，可从U盘导入内容或导出记录", "Plug in a USB stick to import or export"),
    "usb_offer": ("已插入U盘：{label}", "USB stick: {label}"),
    "usb_import": ("从U盘导入", "Import from USB"),
    "usb_export": ("导出记录", "Export records"),
    # the USB page
    "usb_title": ("U盘 · {label}", "USB stick · {label}"),
    "usb_reading": ("正在读取U盘……", "Reading the stick…"),
    "usb_holds": ("U盘里有", "On the stick"),
    "usb_unsorted": ("其他文件", "Other files"),
    "usb_unsorted_note": (
        "不在类别文件夹（如“海报”“影片”）里的文件，按内容导入为影片或图片",
        "Files outside a kind folder (posters, films …) become films or photos by their content",
    ),
    "usb_subtitles": ("字幕", "Subtitles"),
    "usb_sheets": ("表格", "Sheets"),
    "usb_bundles": ("内容包", "Bundles"),
    "usb_named": ("{what}：{names}", "{what}: {names}"),
    "usb_total": ("共 {files} 个文件，{size}", "Files in all: {files}, {size}"),
    "usb_empty": (
        "U盘里没有可以导入的内容（图片、影片、表格或内容包）。",
        "The stick holds nothing to import (pictures, films, sheets or bundles).",
    ),
    "usb_confirm_note": (
        "每个文件都会检查；有问题的文件不导入，逐条列出。全部检查完才一次写入，在此之前展陈内容不变。",
        "Every file is checked; files with a problem are left out and listed. Everything is "
        "written at once at the end; until then the exhibition is unchanged.",
    ),
    "usb_import_go": ("导入这些内容", "Import these"),
    "usb_importing": ("正在导入：第 {done} 个，共 {total} 个", "Importing {done} of {total}"),
    "usb_keep_in": ("导入完成前请不要拔出U盘。", "Keep the stick in until the import is done."),
    "usb_writing": ("正在写入展陈内容……", "Writing to the exhibition…"),
    "usb_done": ("导入完成，展陈内容已更新。", "Import finished; the exhibition is updated."),
    "usb_done_rejected": (
        "导入完成，展陈内容已更新。没有导入的文件逐条列在结果里。",
        "Import finished; the exhibition is updated. The files left out are listed.",
    ),
    "usb_results": ("导入结果", "Import results"),
    "usb_removed": (
        "U盘在导入过程中被拔出：本次导入已全部取消，展陈内容没有改变。",
        "The stick was pulled out during the import: nothing was imported and the "
        "exhibition is unchanged.",
    ),
    "usb_gone": ("U盘已拔出。", "The stick was pulled out."),
    "usb_unreadable": ("无法读取U盘：{why}", "Cannot read the stick: {why}"),
    "usb_import_failed": (
        "导入没有完成：{why}。展陈内容没有改变。",
        "The import did not finish: {why}. The exhibition is unchanged.",
    ),
    "usb_exporting": ("正在导出记录……", "Exporting records…"),
    "usb_exported": (
        "上月和本月的报告及记录已写入U盘。",
        "Last month's and this month's reports and records are on the stick.",
    ),
    "usb_can_remove": ("现在可以拔出U盘。", "You can pull the stick out now."),
    "usb_export_failed": ("记录没有写完：{why}", "The records were not written: {why}"),
    "usb_export_removed": (
        "U盘在写入时被拔出，记录没有写完。",
        "The stick was pulled out while writing; the records are incomplete.",
    ),
    # exported records: the folder on the stick
    "usb_records_folder": ("清风展陈记录_{kiosk}_{date}", "Qingfeng records_{kiosk}_{date}"),
}
