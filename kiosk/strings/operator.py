"""The operator's commands: kiosk import, check, search and set-pin (kiosk/cli.py, kiosk/pin.py,
kiosk/ingest/, kiosk/catalog/check.py). Column names in {col} are the operator's headings."""

from __future__ import annotations

OPERATOR: dict[str, tuple[str, str]] = {
    # lines
    "where_row": ("{sheet} 第{row}行", "{sheet} row {row}"),
    "problem_line": ("{where} {what}", "{where}: {what}"),
    "and_also": ("；", "; "),
    "list_sep": ("、", ", "),
    "quoted": ("“{s}”", "'{s}'"),
    "no_such": ("没有这个文件或文件夹", "no such file or folder"),
    "rejected_line": ("未导入：{line}", "rejected: {line}"),
    "note_line": ("提示：{line}", "note: {line}"),
    "import_summary": (
        "新增 {imported}，更新 {updated}，未变 {unchanged}，"
        "重复跳过 {duplicates}，未导入 {rejected}",
        "imported {imported}, updated {updated}, unchanged {unchanged}, "
        "skipped as duplicate {duplicates}, rejected {rejected}",
    ),
    "progress": ("导入中", "importing"),
    # sources on the command line
    "no_such_source": ("{path}：没有这个文件或文件夹", "{path}: no such file or folder"),
    "quote_path": (
        '“{path}”是一个路径，带空格的路径请加引号：kiosk import "{path}"',
        '“{path}” is one path with spaces; put it in quotes: kiosk import "{path}"',
    ),
    # sheets as a whole
    "sheet_unreadable": ("无法读取表格（{why}）", "cannot read the file ({why})"),
    "sheet_empty": ("表格是空的", "the sheet is empty"),
    "sheet_xls": (
        "这是旧版 Excel 97-2003（.xls）文件；请另存为 .xlsx 或 CSV",
        "this is an old Excel 97-2003 (.xls) file; save it as .xlsx or CSV",
    ),
    "sheet_binary": ("不是文本表格（内容是二进制数据）", "not a text spreadsheet (binary content)"),
    "sheet_encoding": (
        "无法识别文字编码（应为 UTF-8 或 GBK）",
        "text encoding not recognised (expected UTF-8 or GBK)",
    ),
    "sheet_fullwidth_commas": (
        "各列用全角逗号“，”分隔；请用半角逗号“,”，或在 Excel 中另存为 CSV",
        "columns are separated by full-width commas '，'; use ',' or save as CSV",
    ),
    "sheet_broken_csv": ("CSV 格式有误（{why}）", "broken CSV ({why})"),
    "sheet_bad_xlsx": ("不是可读的 .xlsx 工作簿（{why}）", "not a readable .xlsx workbook ({why})"),
    "sheet_no_worksheet": ("工作簿里没有填写内容的工作表", "the workbook has no filled worksheet"),
    "sheet_heading_twice": (
        "“{first}”和“{second}”是同一列，表头里出现了两次；请删去一列",
        "'{first}' and '{second}' are the same column, which appears twice in the heading; "
        "delete one",
    ),
    "sheet_no_headings": (
        "第一行没有可识别的列名（例如 编号、类型、文件、标题 / key, kind, file, title_zh）",
        "no known column headings in the first row (expected e.g. key, kind, file, "
        "title_zh / 编号, 类型, 文件, 标题)",
    ),
    "sheet_no_identity": (
        "表格至少需要“文件”列，或“编号”/“标题”列，才能说明每一行是什么",
        "the sheet needs at least a 'file' or a 'key'/'title_zh' column (文件, 编号, 标题) "
        "to say what each row is",
    ),
    "ignored_columns": ("未识别的列已忽略：{cols}", "ignored columns: {cols}"),
    "ignored_column_near": ("“{col}”（是不是“{near}”？）", "'{col}' (did you mean '{near}'?)"),
    # one value in a row
    "bad_kind": (
        "{col}：“{value}”不是已知的类型（可用 影片 海报 书法 照片 人物 地点 事件 格言 专题 地图）",
        "{col}: '{value}' is not a known kind (use film, poster, calligraphy, photo, person, "
        "place, event, aphorism, topic or map / 影片 海报 书法 照片 人物 地点 事件 格言 专题 地图)",
    ),
    "bad_key": (
        "{col}：“{value}”只能用英文字母、数字和“-”“_”“.”",
        "{col}: '{value}' may only use letters, digits, '-', '_' and '.'",
    ),
    "bad_year": (
        "{col}：“{value}”不是有效的年份（可写 1945、999-1062、公元前551-公元前479；没有公元0年）",
        "{col}: '{value}' is not a valid year or range of years (write e.g. 1945, 999-1062, "
        "公元前551-公元前479; there is no year 0)",
    ),
    "bad_date": (
        "{col}：“{value}”不是有效的日期（可写 2024-05-01、2024/5/1 或 2024年5月1日）",
        "{col}: '{value}' is not a valid date (write 2024-05-01, 2024/5/1 or 2024年5月1日)",
    ),
    "until_before_from": (
        "{until}“{b}”早于{since}“{a}”",
        "{until} '{b}' is before {since} '{a}'",
    ),
    "bad_schedule": ("{col}：“{value}”，{why}", "{col}: '{value}': {why}"),
    "bad_number": ("{col}：“{value}”不是数字", "{col}: '{value}' is not a number"),
    "out_of_range": (
        "{col}：{value} 超出范围（应在 {lo} 到 {hi} 之间）",
        "{col}: {value} is outside {lo}…{hi}",
    ),
    "bad_bool": (
        "{col}：“{value}”应为 是 或 否（也可写 yes/no、1/0）",
        "{col}: '{value}' is not yes/no (是/否, 1/0)",
    ),
    "bad_whole": (
        "{col}：“{value}”不是整数（请写 1、2、3 这样的整数）",
        "{col}: '{value}' is not a whole number (write 1, 2, 3 …)",
    ),
    "bounds_four": (
        "{col}：“{value}”不是四个数（请按 西,南,东,北 写经纬度，如 105,17,125,43）",
        "{col}: '{value}' is not four numbers "
        "(write west,south,east,north in degrees, e.g. 105,17,125,43)",
    ),
    "bounds_outside": (
        "{col}：{side} {n} 超出 -{limit}…{limit}",
        "{col}: {side} {n} is outside -{limit}…{limit}",
    ),
    "bounds_order": (
        "{col}：{low} {a} 必须小于 {high} {b}（请按 西,南,东,北 写，如 105,17,125,43）",
        "{col}: {low} {a} must be less than {high} {b} "
        "(write west,south,east,north in degrees, e.g. 105,17,125,43)",
    ),
    "kind_word_film": ("影片", "film"),
    "kind_word_poster": ("海报", "poster"),
    "kind_word_calligraphy": ("书法", "calligraphy"),
    "kind_word_photo": ("照片", "photo"),
    "kind_word_person": ("人物", "person"),
    "kind_word_place": ("地点", "place"),
    "kind_word_event": ("事件", "event"),
    "kind_word_aphorism": ("格言", "aphorism"),
    "kind_word_topic": ("专题", "topic"),
    "kind_word_map": ("地图", "map"),
    "kind_word_song": ("歌曲", "song"),
    "kind_word_case": ("案例", "case"),
    "kind_word_couplet": ("对联", "couplet"),
    "kind_word_riddle": ("灯谜", "riddle"),
    "kind_word_ticker": ("滚动字幕", "ticker line"),
    "kind_word_question": ("题目", "question"),
    "bad_style": (
        "{col}：“{value}”不是对联样式，请填写{styles}",
        "{col}: '{value}' is not a couplet style; write {styles}",
    ),
    "style_festival": ("festival（春联，红纸）", "festival (Spring Festival, red paper)"),
    "style_hall": ("hall（楹联）", "hall (a hall couplet)"),
    "kind_needs_column": ("{kind}须填写“{col}”列", "a {kind} needs the '{col}' column"),
    "kind_needs_either": (
        "{kind}须填写“{a}”或“{b}”列",
        "a {kind} needs the '{a}' or the '{b}' column",
    ),
    "style_only_couplets": ("{col}：只有对联才有样式", "{col}: only couplets have a style"),
    "side_west": ("西", "west"),
    "side_south": ("南", "south"),
    "side_east": ("东", "east"),
    "side_north": ("北", "north"),
    # a row as a whole
    "no_kind": (
        "没有类型：请在“类型”列写明这一行是什么（或放在以类型命名的工作表里）",
        "no kind: say what this row is in a 'kind' (类型) column, or in a worksheet named "
        "after the kind",
    ),
    "needs_file": (
        "{kind}需要文件：请在“文件”列填写",
        "a {kind} needs a file: fill in the 'file' (文件) column",
    ),
    "subtitles_only_films": ("{col}：只有影片才能有字幕", "{col}: only films have subtitles"),
    "no_title": ("没有标题：请填写“标题”列", "no title: fill in the 'title_zh' (标题) column"),
    "file_not_found": (
        "{col}：找不到“{value}”（文件应放在表格旁边，或写相对于表格的路径）",
        "{col}: '{value}' not found beside the sheet (put it beside the sheet, or give its "
        "path from there)",
    ),
    "file_not_found_near": (
        "{col}：找不到“{value}”；是不是 {near}？",
        "{col}: '{value}' not found beside the sheet; did you mean {near}?",
    ),
    "file_case_used": (
        "{col}：“{value}”按大小写不同的“{found}”导入",
        "{col}: '{value}' was imported as '{found}' (the letter case differs)",
    ),
    "key_twice": (
        "{col}“{key}”在 {other} 已经定义过，本行未导入（保留先读到的定义）",
        "{col} '{key}' is already defined at {other}; this row is left out (the first "
        "definition is kept)",
    ),
    "same_as_row": (
        "与 {other} 的类型和标题相同，像是同一条；若是两条不同的内容，请各填一个编号",
        "same kind and title as {other}, so it is the same item; if they differ, give each "
        "its own key (编号)",
    ),
    "links_unknown": (
        "{col}：没有编号为 {keys} 的条目（检查拼写，或在表格中加上这一行）",
        "{col}: no item with the key {keys} (check the spelling, or add that row)",
    ),
    "links_knock_on": (
        "{col}：{key} 未导入，因为 {other} 有问题（见上）；改好那一行即可",
        "{col}: {key} was not imported because {other} has a problem (see there); fixing "
        "that row is enough",
    ),
    "unused_map_columns": ("地图不使用这些列，已忽略：{cols}", "ignored for a map: {cols}"),
    "bounds_ignored": ("只有地图才有{col}，已忽略", "{col} ignored: only maps have bounds"),
    # a row's file
    "row_file": ("{col}“{name}”：{why}", "{col} '{name}': {why}"),
    "subtitles_file": ("字幕“{name}”：{why}", "subtitles '{name}': {why}"),
    "kind_needs": (
        "{kind}需要{need}，而“{name}”是{have}",
        "a {kind} needs {need}, but {name} is {have}",
    ),
    "only_image": ("{kind}只能配图片（如肖像）", "a {kind} can only have an image (a portrait)"),
    "a_video": ("视频", "a video"),
    "an_image": ("图片", "an image"),
    "cannot_read": ("无法读取“{name}”（{why}）", "cannot read {name} ({why})"),
    "same_file_as": ("与 {other} 是同一个文件，已跳过", "same file as {other}; skipped"),
    "already_in": ("已在展陈内容中", "already in the catalogue"),
    "kind_moved": (
        "文件已从“{old}”移到“{new}”文件夹：类型改为{new}",
        "moved from the {old} folder to the {new} folder: its kind is now {new}",
    ),
    "orphan_subtitles": (
        "字幕旁边没有同名的影片",
        "subtitles with no film of the same name beside them",
    ),
    # what a file holds (not an image / not a video: the content is …)
    "not_image": ("不是图片：内容是{what}", "not an image: the content is {what}"),
    "not_video": ("不是视频：内容是{what}", "not a video: the content is {what}"),
    "not_media": (
        "既不是图片也不是影片：内容是{what}",
        "not an image or a film: the content is {what}",
    ),
    "content_empty": ("空的", "empty"),
    "content_pdf": ("PDF 文档", "a PDF document"),
    "content_zip": ("ZIP 压缩包或 Office 文档", "a ZIP archive or Office document"),
    "content_old_office": ("旧版 Office 文档", "an old Office document"),
    "content_rar": ("RAR 压缩包", "a RAR archive"),
    "content_7z": ("7z 压缩包", "a 7z archive"),
    "content_rtf": ("RTF 文档", "an RTF document"),
    "content_mp3": ("MP3 音频", "MP3 audio"),
    "content_riff": ("RIFF 文件（WAV/AVI）", "a RIFF file (WAV/AVI)"),
    "content_matroska": ("Matroska/WebM 视频", "a Matroska/WebM video"),
    "content_exe": ("Windows 程序", "a Windows program"),
    "content_elf": ("Linux 程序", "a Linux program"),
    "content_heic": ("HEIC 照片", "a HEIC photo"),
    "content_avif": ("AVIF 图片（请导出为 JPEG）", "an AVIF image (export it as JPEG)"),
    "content_mp4": ("MP4/MOV 视频或音频", "an MP4/MOV video or audio file"),
    "content_text": ("文字", "text"),
    "content_unknown": ("无法识别的数据", "unknown data"),
    "content_image": ("图片", "an image"),
    # files
    "file_empty": ("空文件（0 字节）", "empty file (0 bytes)"),
    "file_cannot_open": ("无法打开文件：{why}", "cannot open the file: {why}"),
    "image_unsupported": (
        "不支持的图片格式：{format}（请用 JPEG、PNG、TIFF、WebP、GIF、BMP、HEIC 或 PDF）",
        "unsupported image type: {format} (use JPEG, PNG, TIFF, WebP, GIF, BMP, HEIC or PDF)",
    ),
    "image_too_large": (
        "图片太大：{pixels} 百万像素（上限 {limit}）",
        "image too large: {pixels} megapixels (limit {limit})",
    ),
    "image_bad_header": (
        "{format} 文件损坏或不完整：无法读取文件头",
        "damaged or truncated {format}: the header cannot be read",
    ),
    "image_implausible": (
        "图片尺寸不合理：{width}×{height} 像素",
        "implausible image size: {width}×{height} pixels",
    ),
    "image_truncated": (
        "{format} 文件不完整：图像还没结束文件就结束了（请重新复制）",
        "truncated {format}: the file ends before the image does",
    ),
    "image_damaged": (
        "{format} 文件已损坏：图像数据无法解码{detail}",
        "damaged {format}: the image data cannot be decoded{detail}",
    ),
    "image_no_memory": (
        "图片太大，内存不足以解码",
        "image too large to decode with the memory available",
    ),
    "image_colour_mode": ("不支持的颜色模式：{mode}", "unsupported colour mode: {mode}"),
    "video_audio_only": ("没有视频画面（只有声音）", "no video stream (audio only)"),
    "video_no_stream": ("没有视频画面", "no video stream"),
    "video_no_size": ("视频画面没有尺寸", "the video stream has no picture size"),
    "video_no_duration": (
        "时长未知：文件没有写明有多长",
        "unknown duration: the file does not say how long it is",
    ),
    "video_zero_duration": ("视频时长为 0 秒", "the video has no duration (0 s)"),
    "video_truncated": (
        "视频不完整：在 {reached} 秒处中断（共 {duration} 秒；请重新复制）",
        "truncated video: stops at {reached} s of {duration} s",
    ),
    "video_no_index": (
        "视频不完整或已损坏：缺少文件索引（请重新复制）",
        "truncated or damaged video: the file's index is missing (copy it again)",
    ),
    "video_damaged": ("视频已损坏：{why}", "damaged video: {why}"),
    "video_undecodable": (
        "视频无法解码（编码 {codec}）",
        "the video cannot be decoded (codec {codec})",
    ),
    "video_no_frame": ("视频没有一帧能解码", "no frame of the video can be decoded"),
    "srt_no_cues": (
        "没有找到字幕（应有 00:00:01,000 --> 00:00:03,000 这样的行）",
        "no subtitle cues found (expected lines like 00:00:01,000 --> 00:00:03,000)",
    ),
    "srt_encoding": (
        "无法按文字读取（字幕应为 UTF-8、UTF-16 或 GB18030/GBK）",
        "not readable as text (expected UTF-8, UTF-16 or GB18030/GBK subtitles)",
    ),
    "srt_bad_times": (
        "第{line}行：无法读取字幕时间：{text}",
        "line {line}: unreadable cue times: {text}",
    ),
    "srt_backwards": (
        "第{line}行：字幕结束早于开始（{start} --> {end}）",
        "line {line}: the cue ends before it starts ({start} --> {end})",
    ),
    # kiosk check
    "as_is": ("{s}", "{s}"),
    "database": ("数据库", "database"),
    "media_label": ("{name}（文件 {id}）", "{name} (media {id})"),
    "item_label": ("条目 {key}", "item {key}"),
    "map_label": ("地图 {key}", "map {key}"),
    "check_missing": ("保存的文件不见了（{path}）", "stored file missing ({path})"),
    "check_damaged": ("保存的文件已损坏（内容变了）", "stored file is damaged (content changed)"),
    "check_no_rendition": ("没有记录{role}版本", "no {role} rendition recorded"),
    "check_rendition_missing": ("{role}版本不见了（{path}）", "{role} rendition missing ({path})"),
    "tiles_manifest": ("缩放图块清单缺失或无法读取", "tile pyramid manifest missing or unreadable"),
    "tiles_level": (
        "缩放图块第 {level} 层只有 {present}/{needed} 块",
        "tile level {level} has {present} of {needed} tiles",
    ),
    "check_unused": ("已保存但没有条目或地图使用", "stored but used by no item or map"),
    "check_no_file": ("{kind}没有文件", "a {kind} without a file"),
    "check_map_not_image": ("文件不是图片", "its file is not an image"),
    "check_copies": (
        "{kind}“{title}”有 {n} 条（编号 {keys}），像是重复导入的副本",
        "{kind} '{title}' is there {n} times (keys {keys}): they look like accidental copies",
    ),
    "fix_database": (
        "从备份恢复展陈数据库，或把它移走后重新导入",
        "restore the catalogue from a backup, or move it aside and import again",
    ),
    "fix_reimport": (
        "用 kiosk import 重新导入原文件（会按内容找回）",
        "import the original file again with 'kiosk import' (it is restored by its content)",
    ),
    "fix_delete_reimport": ("删除它，然后{then}", "delete it, then {then}"),
    "fix_delete_folder_reimport": (
        "删除文件夹 {path}，然后{then}",
        "delete the folder {path}, then {then}",
    ),
    "fix_remake": (
        "对原文件再运行一次 kiosk import 即可重做",
        "run 'kiosk import' on the original again to remake it",
    ),
    "fix_nothing": (
        "无需处理（留着以备再次导入）",
        "nothing to do (kept in case it is imported again)",
    ),
    "fix_copies": (
        "要去掉多余的副本，请导入一个表格，每个副本一行：编号 {extra}，启用 否",
        "to hide the extra copies, import a sheet with one row for each: key (编号) {extra}, "
        "enabled (启用) no (否)",
    ),
    "what_to_do": ("    处理办法：{fix}", "    what to do: {fix}"),
    "error_line": ("问题：{line}", "error: {line}"),
    "info_line": ("提示：{line}", "info: {line}"),
    "check_ok": ("正常", "OK"),
    "check_problems": ("{n} 个问题", "{n} problems"),
    "check_summary": (
        "{items} 个条目，{maps} 幅地图，{media} 个保存的文件（校验 {hashed} 个）：{state}",
        "{items}, {maps}, {media} ({hashed} hashed): {state}",
    ),
    "n_items": ("{n}", "{n} items"),
    "n_maps": ("{n}", "{n} maps"),
    "n_stored": ("{n}", "{n} stored files"),
    # kiosk search
    "search_none_found": ("无结果", "no matches"),
    # kiosk set-pin
    "pin_prompt": ("新的管理员密码（{lo}–{hi} 位数字）：", "New operator PIN ({lo}–{hi} digits): "),
    "pin_again": ("请再输入一次：", "Type it again: "),
    "pin_differ": (
        "两次输入的密码不一样；密码没有改动",
        "the two PINs differ; nothing was changed",
    ),
    "pin_none_given": ("没有输入密码；密码没有改动", "no PIN given; nothing was changed"),
    "pin_error": ("错误：{why}；密码没有改动", "error: {why}; nothing was changed"),
    "pin_cannot_write": ("错误：无法写入 {path}：{why}", "error: cannot write {path}: {why}"),
    "pin_saved": ("管理员密码已保存到 {path}", "Operator PIN saved to {path}"),
    "pin_empty": ("密码是空的；请用 {lo}–{hi} 位数字", "the PIN is empty; use {lo}–{hi} digits"),
    "pin_not_digits": (
        "密码只能是数字 0–9，共 {lo}–{hi} 位",
        "the PIN may contain only digits 0–9, {lo}–{hi} of them",
    ),
    "pin_length": (
        "密码有 {n} 位；请用 {lo}–{hi} 位数字",
        "the PIN has {n} digits; use {lo}–{hi} digits",
    ),
}
