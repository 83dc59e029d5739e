"""What each setting in kiosk.toml means: the comments of the example file
(``kiosk.settings.example_toml``), in the operator's language.

``set_help_<section>`` introduces a section, ``set_help_<section>_<key>`` a setting.
"""

SETTINGS_HELP: dict[str, tuple[str, str]] = {
    "set_help_title": (
        "清风展陈的设置。删除一行即恢复该项的默认值；改动在下次启动时生效。",
        "Qingfeng Kiosk settings. Delete a line to use its default; changes apply at the "
        "next start.",
    ),
    "set_help_exhibition": ("展览", "The exhibition"),
    "set_help_exhibition_name_zh": ("展览的中文名称", "The exhibition's name in Chinese"),
    "set_help_exhibition_name_en": ("展览的英文名称", "The exhibition's name in English"),
    "set_help_exhibition_default_language": (
        "默认语言：zh（中文）或 en（英文）；无人操作时回到此语言",
        "Default language: zh or en; the kiosk returns to it when idle",
    ),
    "set_help_exhibition_kiosk_name": (
        "本机在报告和记录文件中的名称；留空则用电脑名",
        "This kiosk's name in reports and record files; empty: the computer's name",
    ),
    "set_help_exhibition_time_zone": (
        '报告所用的时区，如 "Asia/Shanghai"；留空则用本机设置',
        'Time zone for reports, e.g. "Asia/Shanghai"; empty: the machine\'s',
    ),
    "set_help_attract": ("待机轮播", "The attract loop"),
    "set_help_attract_poster_s": ("每张海报展示的秒数", "Seconds each poster shows"),
    "set_help_attract_calligraphy_s": ("每幅书法展示的秒数", "Seconds each calligraphy shows"),
    "set_help_attract_photo_s": ("每张照片展示的秒数", "Seconds each photo shows"),
    "set_help_attract_aphorism_s": ("每条格言展示的秒数", "Seconds each saying shows"),
    "set_help_attract_film_max_s": (
        "轮播中影片最多播放的秒数；0 表示播完",
        "Longest a film plays in the loop, in seconds; 0 plays it to the end",
    ),
    "set_help_attract_crossfade_ms": ("画面交叉淡化的毫秒数", "Crossfade between items, in ms"),
    "set_help_attract_pan_px_per_s": (
        "长卷平移的速度（每秒像素）",
        "Speed of panning across long scrolls (pixels per second)",
    ),
    "set_help_attract_pan_pause_s": (
        "长卷平移前后停留的秒数",
        "Pause before and after panning a scroll, in seconds",
    ),
    "set_help_attract_audio": (
        "轮播中的影片是否有声音：true 或 false",
        "Sound of films in the loop: true or false",
    ),
    "set_help_attract_kinds": (
        "轮播哪些类型：poster 海报、calligraphy 书法、aphorism 格言、film 影片、photo 照片、"
        "couplet 对联、riddle 灯谜、song 歌曲（仅在开启声音时）、case 警示案例（默认不轮播）",
        "Which kinds the loop shows: poster, calligraphy, aphorism, film, photo, couplet, "
        "riddle, song (only with sound on), case (warning cases: off unless listed)",
    ),
    "set_help_touch": ("触摸", "Touch"),
    "set_help_touch_idle_timeout_s": (
        "无人触摸多少秒后回到待机轮播",
        "Seconds without a touch before the loop returns",
    ),
    "set_help_playback": ("播放", "Playback"),
    "set_help_playback_volume": ("音量，0 到 100", "Volume, 0 to 100"),
    "set_help_playback_vlc_options": (
        'VLC 选项，空表示默认；某些机器可用 ["--vout=gl", "--avcodec-hw=any"]',
        "libvlc options, empty for the defaults; some machines want "
        '["--vout=gl", "--avcodec-hw=any"]',
    ),
    "set_help_display": ("显示", "Display"),
    "set_help_display_screen": ("在第几块屏幕上显示（从 0 开始）", "Which screen to use (from 0)"),
    "set_help_display_rotate": (
        "画面旋转角度：0、90、180 或 270（竖屏用 90 或 270）",
        "Rotation: 0, 90, 180 or 270 (90 or 270 for a portrait screen)",
    ),
    "set_help_display_windowed": (
        "以窗口而非全屏运行（仅用于调试）",
        "Run in a window instead of full screen (for testing only)",
    ),
    "set_help_display_picture_cache_mb": (
        "图片缓存（MB）；0 为自动：内存的 1/48，在 48 到 256 之间（2 GB 内存的机器为 48）",
        "Picture cache in MB; 0 is automatic: 1/48 of the memory, 48 to 256 (48 on a 2 GB machine)",
    ),
    "set_help_operator": ("管理面板", "The operator panel"),
    "set_help_operator_corner_hold_s": (
        "按住左上角多少秒打开密码键盘",
        "Seconds to hold the top-left corner to open the PIN pad",
    ),
    "set_help_operator_max_tries": (
        "密码可以输错的次数，之后暂时锁定",
        "Wrong PINs allowed before the pad locks for a while",
    ),
    "set_help_operator_lockout_s": ("锁定的秒数", "Seconds the pad stays locked"),
    "set_help_hours": (
        '开放时间。每天写 "closed"（闭馆）或时段，如 "09:00-12:00, 14:00-17:30"；'
        '"18:00-02:00" 跨过午夜',
        'Opening hours. Each day "closed" or bands such as "09:00-12:00, 14:00-17:30"; '
        '"18:00-02:00" runs past midnight',
    ),
    "set_help_hours_mon": ("星期一", "Monday"),
    "set_help_hours_tue": ("星期二", "Tuesday"),
    "set_help_hours_wed": ("星期三", "Wednesday"),
    "set_help_hours_thu": ("星期四", "Thursday"),
    "set_help_hours_fri": ("星期五", "Friday"),
    "set_help_hours_sat": ("星期六", "Saturday"),
    "set_help_hours_sun": ("星期日", "Sunday"),
    "set_help_hours_closed": (
        '闭馆日期，如 ["2027-02-06"]',
        'Closed dates, e.g. ["2027-02-06"]',
    ),
    "set_help_hours_open": (
        '额外开放的日期，可带时段，如 ["2027-02-08 09:00-12:00"]',
        'Extra open dates, optionally with bands, e.g. ["2027-02-08 09:00-12:00"]',
    ),
    "set_help_hours_closed_festivals": (
        '节日闭馆，如 ["春节+0..2"]：春节当天及之后两天',
        'Closed for festivals, e.g. ["春节+0..2"]: Spring Festival and the two days after',
    ),
    "set_help_hours_outside": (
        '闭馆时："screen-off" 关闭屏幕、"closed-screen" 显示闭馆画面、"play" 照常播放',
        'While closed: "screen-off", "closed-screen" (a calm closed screen) or "play"',
    ),
    "set_help_supervisor": (
        "守护进程：崩溃或无响应时自动重启展示程序",
        "The supervisor, which restarts the kiosk after a crash or hang",
    ),
    "set_help_supervisor_hang_s": (
        "多少秒没有心跳即视为无响应并重启",
        "Seconds without a heartbeat before the kiosk counts as hung and is restarted",
    ),
    "set_help_supervisor_start_timeout_s": (
        "启动后多少秒仍无画面即视为无响应",
        "Seconds after a start without a first frame before it counts as hung",
    ),
    "set_help_supervisor_safe_after_crashes": (
        "在下面的时间窗口内崩溃多少次后进入安全模式（只放静态画面）",
        "Crashes within the window below before safe mode (stills only, no films)",
    ),
    "set_help_supervisor_crash_window_s": ("上述时间窗口（秒）", "That window, in seconds"),
    "set_help_supervisor_safe_mode_s": (
        "安全模式持续的秒数，之后再试影片",
        "Seconds in safe mode before films are tried again",
    ),
    "set_help_content": ("内容来源", "Where content comes from"),
    "set_help_content_usb_folders": (
        '固定的U盘挂载目录，如 ["/mnt/usb"]；/media 和 /run/media 下的U盘会自动找到',
        'Fixed USB stick mount points, e.g. ["/mnt/usb"]; sticks below /media and /run/media '
        "are found without this",
    ),
    "set_help_content_trusted_keys": (
        "接受其签名内容包的公钥文件（另见 kiosk trust）",
        "Public key files whose signed bundles this kiosk accepts (see also kiosk trust)",
    ),
    "set_help_content_require_signed": (
        "true：只接受签名内容包，不接受文件夹和表格（用于多台联网管理）",
        "true: accept only signed bundles, never folders or sheets (for fleets)",
    ),
    "set_help_content_watch_folder": (
        "监视的文件夹：到达的签名内容包会自动导入（如 Syncthing 的只接收文件夹）；留空则不监视",
        "A folder watched for signed bundles, each imported once it has arrived (e.g. "
        "Syncthing's receive-only folder); empty: none",
    ),
    "set_help_content_records_folder": (
        "每小时把本机记录写入此文件夹，每天一个文件（如 Syncthing 的只发送文件夹）；留空则不写",
        "A folder the kiosk writes its records to every hour, one file per day (e.g. "
        "Syncthing's send-only folder); empty: none",
    ),
    "set_help_quiz": ("知识竞答", "The knowledge quiz"),
    "set_help_quiz_enabled": (
        "首页是否显示“知识竞答”（题库中有题目时）：true 或 false",
        "Whether the home screen offers the quiz (when there are questions): true or false",
    ),
    "set_help_quiz_questions_per_round": (
        "观众每轮答几道题（1 到 50）",
        "Questions in a visitor's round (1 to 50)",
    ),
    "set_help_quiz_teams": (
        "讲解员团体赛开始时的队数（2 到 4，开始前还可更改）",
        "Teams in a guide's group contest at first (2 to 4; the guide can change it)",
    ),
    "set_help_quiz_group_idle_s": (
        "团体赛无人触摸多少秒后才回到待机轮播（各队口头作答，讲解员只偶尔点屏）",
        "Seconds without a touch before a group contest gives way to the loop (teams answer "
        "aloud; the guide taps only now and then)",
    ),
    "set_help_ticker": ("滚动字幕", "The rules ticker"),
    "set_help_ticker_enabled": (
        "有当前有效的字幕时，在待机轮播底部滚动显示：true 或 false",
        "Scroll the valid ticker lines along the bottom of the loop: true or false",
    ),
    "set_help_ticker_speed": (
        "滚动速度（1080p 下每秒像素，随屏幕缩放），40 到 800；200 约为每秒六个字",
        "Scrolling speed in pixels per second at 1080p (scaled with the screen), 40 to 800; "
        "200 is about six characters a second",
    ),
    "set_help_ticker_on_home": (
        "首页底部也显示滚动字幕：true 或 false",
        "Show the ticker along the bottom of the home screen too: true or false",
    ),
    "set_help_ticker_languages": (
        "字幕语言：zh（中文）、en（英文）或 both（每条先中文后英文）",
        "Ticker languages: zh, en, or both (each line in Chinese, then English)",
    ),
    "set_help_pledge": ("廉洁承诺签名墙", "The pledge signature wall"),
    "set_help_pledge_enabled": (
        "首页是否显示“廉洁承诺”（已导入承诺书时）：true 或 false",
        "Whether the home screen offers the pledge (when a pledge text is imported): true or false",
    ),
    "set_help_pledge_in_loop": (
        "待机轮播中是否展示签名墙（尚无签名时展示邀请）：true 或 false",
        "Whether the attract loop shows the signature wall (an invitation while nobody has "
        "signed yet): true or false",
    ),
    "set_help_pledge_keep": (
        "最多保留多少个签名（100 到 1000000）；超出时删除最早的签名，请按月导出",
        "How many signatures are kept (100 to 1,000,000); beyond, the oldest are dropped: "
        "export each month",
    ),
}
