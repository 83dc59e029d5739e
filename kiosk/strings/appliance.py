"""Running unattended: start on boot (kiosk install / uninstall, kiosk/install/) and the
supervisor's safe mode (kiosk/supervisor/)."""

from __future__ import annotations

APPLIANCE: dict[str, tuple[str, str]] = {
    "inst_wrote": ("已写入：{path}", "wrote {path}"),
    "inst_removed": ("已删除：{path}", "removed {path}"),
    "inst_kept_dir": ("保留了非空文件夹：{path}", "kept {path}: it is not empty"),
    "inst_systemd": (
        "开机后，登录图形桌面时由 systemd 用户服务启动展陈，崩溃或无响应时自动重启。",
        "At boot the systemd user service starts the kiosk with the graphical session and "
        "restarts it after a crash or hang.",
    ),
    "inst_autostart": (
        "本机没有用户级 systemd：登录桌面时由自动启动项启动展陈。",
        "No user systemd here: the desktop's autostart entry starts the kiosk at login.",
    ),
    "inst_session": (
        "已添加“清风展陈专用会话”：只运行展陈，没有桌面、面板和快捷键。",
        "Added the “Qingfeng Kiosk session”: only the kiosk, no desktop, panel or shortcuts.",
    ),
    "inst_windows": (
        "已在任务计划程序中登记“{name}”：登录时启动，失败后每分钟重启。",
        "Registered the Task Scheduler task “{name}”: starts at logon, restarted every "
        "minute after a failure.",
    ),
    "inst_autologin": (
        "还有一步需要您以 root 身份完成：让用户 {user} 开机自动登录{into}。",
        "One step is yours to do, as root: log user {user} in automatically{into}.",
    ),
    "inst_and": ("、", ", "),  # between the lines of a configuration file, in a sentence
    "inst_into_session": ("到“清风展陈专用会话”", " into the Qingfeng Kiosk session"),
    "inst_lightdm": (
        "  LightDM：在 /etc/lightdm/lightdm.conf.d/50-qingfeng.conf 写入 [Seat:*]、"
        "autologin-user={user}{session}",
        "  LightDM: in /etc/lightdm/lightdm.conf.d/50-qingfeng.conf put [Seat:*], "
        "autologin-user={user}{session}",
    ),
    "inst_gdm": (
        "  GDM：在 /etc/gdm3/daemon.conf（Ubuntu 为 custom.conf）的 [daemon] 中写入 "
        "AutomaticLoginEnable=true、AutomaticLogin={user}{session}",
        "  GDM: in /etc/gdm3/daemon.conf (custom.conf on Ubuntu) under [daemon] put "
        "AutomaticLoginEnable=true, AutomaticLogin={user}{session}",
    ),
    "inst_gdm_session": (
        "；会话写在 /var/lib/AccountsService/users/{user} 的 [User] 中：XSession={name}",
        "; the session goes in /var/lib/AccountsService/users/{user} under [User]: XSession={name}",
    ),
    "inst_sddm": (
        "  SDDM：在 /etc/sddm.conf.d/50-qingfeng.conf 写入 [Autologin]、User={user}{session}",
        "  SDDM: in /etc/sddm.conf.d/50-qingfeng.conf put [Autologin], User={user}{session}",
    ),
    "inst_need_root": (
        "专用会话要写入 {path}，需要 root：请运行 sudo {command}；未安装任何内容",
        "the kiosk session goes into {path}, which needs root: run sudo {command}; "
        "nothing was installed",
    ),
    "inst_root_only_session": (
        "以 root 身份只能安装专用会话（--session）；开机启动请以展陈用户身份运行 kiosk install",
        "as root only the kiosk session (--session) is installed; run kiosk install as the "
        "kiosk user for the start on boot",
    ),
    "inst_no_pin_tty": (
        "尚未设置管理员密码，且没有终端可以询问：请先运行 kiosk set-pin；未安装任何内容",
        "no operator PIN is set and there is no terminal to ask for one: run kiosk set-pin "
        "first; nothing was installed",
    ),
    "inst_ask_pin": (
        "尚未设置管理员密码；没有密码就无法进入管理面板。",
        "No operator PIN is set; without one the operator panel cannot be reached.",
    ),
    "inst_exists": (
        "{path} 已存在，且不是 kiosk install 写入的：请先移走它；未安装任何内容",
        "{path} is already there and was not written by kiosk install: move it away first; "
        "nothing was installed",
    ),
    "inst_failed": ("无法写入 {path}：{error}", "cannot write {path}: {error}"),
    "inst_nothing": (
        "没有找到 kiosk install 的安装记录（{path}）",
        "nothing installed by kiosk install here (no {path})",
    ),
    "inst_uninstalled": (
        "已取消开机自动启动；数据、设置和密码都保留。",
        "Start on boot removed; the data, settings and PIN stay.",
    ),
    "chk_ok": ("正常：{what}", "ok: {what}"),
    "chk_missing": ("缺少：{path}", "missing: {path}"),
    "chk_changed": ("安装后被改动：{path}", "changed since install: {path}"),
    "chk_no_command": ("找不到启动程序：{path}", "the kiosk program is gone: {path}"),
    "chk_no_pin": ("尚未设置管理员密码：运行 kiosk set-pin", "no operator PIN: run kiosk set-pin"),
    "chk_verify": ("systemd-analyze verify 报告问题：{line}", "systemd-analyze verify: {line}"),
    "chk_no_analyze": (
        "本机没有 systemd-analyze，未做 systemd 校验",
        "systemd-analyze is not here: the unit was not verified by systemd",
    ),
    "chk_task": ("任务计划程序中没有“{name}”", "Task Scheduler has no task “{name}”"),
    "chk_summary_ok": ("开机自动启动：正常", "Start on boot: OK"),
    "chk_summary_bad": ("开机自动启动：{n} 个问题", "Start on boot: {n} problem(s)"),
    "films_safe_mode": (
        "影片暂停播放，请稍后再来观看。",
        "Films are paused for now; please come back later.",
    ),
    "safe_mode_band": (
        "安全模式：多次崩溃后暂停影片。",
        "Safe mode: films are off after repeated crashes.",
    ),
    "safe_mode_status": (
        "安全模式（自 {since} 起）：多次崩溃，只放图片，不放影片",
        "Safe mode since {since}: repeated crashes; stills only, no films",
    ),
    # opening hours: the closed screen (kiosk/ui/closed/) and the clock check
    "closed_title": ("闭馆", "Closed"),
    "closed_opens_today": ("今天 {t} 开馆", "Opens today at {t}"),
    "closed_opens_tomorrow": ("明天 {t} 开馆", "Opens tomorrow at {t}"),
    "closed_opens_on": ("{date} {t} 开馆", "Opens on {date} at {t}"),
    "closed_opens_never": ("暂无开馆安排", "No opening is scheduled"),
    "closed_date": ("{month}月{day}日（{weekday}）", "{weekday} {day} {month}"),
    "closed_weekdays": ("周一 周二 周三 周四 周五 周六 周日", "Mon Tue Wed Thu Fri Sat Sun"),
    "closed_months": (
        "1 2 3 4 5 6 7 8 9 10 11 12",
        "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec",
    ),
    "closed_today_hours": ("今日开放时间：{bands}", "Open today: {bands}"),
    "closed_today_none": ("今日闭馆", "Closed all day today"),
    "closed_touch": ("触摸屏幕，查看今日开放时间", "Touch to see today's opening hours"),
    "clock_early": (
        "时钟可能不准：现在显示 {now}，早于本版本的发布日期 {release}",
        "The clock looks wrong: it says {now}, before this release's date {release}",
    ),
    "clock_jump": (
        "时钟可能不准：从 {before} 跳到了 {now}",
        "The clock looks wrong: it jumped from {before} to {now}",
    ),
    # Settings (kiosk.toml): one line per problem, the default used.
    "set_prefix": ("设置：", "settings: "),
    "set_unreadable": (
        "{file}：无法读取（{error}），全部使用默认设置",
        "{file}: cannot read it ({error}); using the defaults",
    ),
    "set_unknown_section": (
        "{file}：没有 [{section}] 这一部分，已忽略",
        "{file}: unknown section [{section}] ignored",
    ),
    "set_unknown_key": ("{where}：没有这项设置，已忽略", "{where}: unknown setting ignored"),
    "set_wrong_type": (
        "{where}：应为{expected}，写的是 {value!r}；使用默认值",
        "{where}: expected {expected}, got {value!r}; using the default",
    ),
    "set_type_bool": ("true 或 false", "true or false"),
    "set_type_number": ("数字", "a number"),
    "set_type_int": ("整数", "a whole number"),
    "set_type_text": ('带引号的文字（"…"）', 'text in quotes ("…")'),
    "set_type_list": ('文字列表（["…", "…"]）', 'a list of texts (["…", "…"])'),
    "set_range": (
        "{where}：应在 {low} 到 {high} 之间；使用默认值",
        "{where}: must be from {low} to {high}; using the default",
    ),
    "set_one_of": (
        "{where}：应为以下之一：{values}；使用默认值",
        "{where}: must be one of {values}; using the default",
    ),
    "set_checked": ("{file} {told}；使用默认值", "{file} {told}; using the default"),
}
