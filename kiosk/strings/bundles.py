"""Signed content bundles: kiosk keygen, bundle, trust, and bundles given to kiosk import
(kiosk/bundles/). {name} is the bundle's file name, {path} a file's path inside it."""

from __future__ import annotations

BUNDLES: dict[str, tuple[str, str]] = {
    # keys
    "keygen_made": (
        "已生成签名密钥对，密钥编号 {key_id}",
        "made a signing key pair, key id {key_id}",
    ),
    "keygen_secret": (
        "私钥：{path}（只有您能读取；请保存在办公室，不要放到展陈机上，也不要放进内容包）",
        "secret key: {path} (readable by you only; keep it at the office, never on a kiosk "
        "or in a bundle)",
    ),
    "keygen_public": (
        "公钥：{path}（复制到每台展陈机，运行 kiosk trust 该文件）",
        "public key: {path} (copy it to each kiosk and run kiosk trust with it)",
    ),
    "key_not_secret": (
        "{name} 不是私钥文件（私钥文件名以 .secret 结尾）",
        "{name} is not a secret key file (its name ends in .secret)",
    ),
    "key_not_public": (
        "{name} 不是公钥文件（公钥文件名以 .pub 结尾）",
        "{name} is not a public key file (its name ends in .pub)",
    ),
    "key_unreadable": (
        "无法读取密钥文件 {name}（{why}）",
        "cannot read the key file {name} ({why})",
    ),
    "key_not_a_key": (
        "{name} 不是 kiosk keygen 生成的密钥文件",
        "{name} is not a key file made by kiosk keygen",
    ),
    "trust_added": (
        "已信任密钥 {key_id}：用它签名的内容包可以导入（已复制到 {path}）",
        "trusted key {key_id}: bundles signed with it are accepted (copied to {path})",
    ),
    "file_problem": ("{path}：{why}", "{path}: {why}"),
    # making a bundle
    "bundle_made": (
        "已写入 {name}：{n} 个文件，{mb} MB，版本 {version}，密钥 {key_id}{full}",
        "wrote {name}: {n} files, {mb} MB, version {version}, key {key_id}{full}",
    ),
    "bundle_full": ("，完整内容包", ", full"),
    "bundle_nothing": ("来源里没有可以打包的文件", "the sources hold no file to pack"),
    "bundle_source_unsafe": ("无法打包：{why}", "cannot pack it: {why}"),
    "bundle_source_twice": (
        "“{name}”和“{other}”只差大小写，在 Windows 上是同一个文件；请改名",
        "'{name}' and '{other}' differ only in letter case: one file on Windows; rename one",
    ),
    "bundle_secret_key_in_sources": (
        "来源中有私钥文件 {name}：私钥绝不能放进内容包，请把它移出来源文件夹",
        "the sources hold the secret key {name}: a secret key never goes into a bundle; "
        "move it out of the sources",
    ),
    # a bundle refused: "{name}: {why}", nothing changed
    "bundle_refused": ("{name}：{why}", "{name}: {why}"),
    "bundle_unreadable": ("无法读取（{why}）", "cannot read it ({why})"),
    "bundle_damaged": (
        "内容包不完整或已损坏（{why}）；请重新复制",
        "the bundle is incomplete or damaged ({why}); copy it again",
    ),
    "bundle_not_bundle": ("不是清风展陈内容包", "not a Qingfeng Kiosk bundle"),
    "bundle_missing_part": ("内容包缺少 {part}", "the bundle lacks its {part}"),
    "bundle_bad_manifest": ("内容包的清单无法读取", "the bundle's manifest cannot be read"),
    "bundle_untrusted": (
        "签名密钥（{key_id}）未被本机信任",
        "signed by a key this kiosk does not trust ({key_id})",
    ),
    "bundle_bad_signature": (
        "签名不符：内容包在签名后被改动过",
        "the signature does not match: the bundle was changed after signing",
    ),
    "bundle_file_changed": (
        "{path} 与签名清单不符：内容包在签名后被改动过",
        "{path} does not match the signed manifest: the bundle was changed after signing",
    ),
    "bundle_extra_file": (
        "{path} 不在签名清单中：内容包在签名后被改动过",
        "{path} is not in the signed manifest: the bundle was changed after signing",
    ),
    "bundle_file_missing": (
        "缺少签名清单中的 {path}",
        "{path}, listed in the signed manifest, is missing",
    ),
    "bundle_older": (
        "版本 {version} 比本机 {day} 应用的版本 {last} 旧；如确需退回旧版本，请加 --force",
        "version {version} is older than version {last}, applied here on {day}; to go back "
        "to it on purpose, add --force",
    ),
    "bundle_same": (
        "版本 {version} 已于 {day} 应用过；如要再次应用，请加 --force",
        "version {version} was already applied here on {day}; to apply it again, add --force",
    ),
    "bundle_rows_refused": (
        "其中 {n} 处有问题（见上），整个内容包未导入，没有做任何更改",
        "{n} of its rows or files could not be imported (above), so none of it was applied; "
        "nothing changed",
    ),
    "bundle_outside": (
        "{col}：“{value}”不在内容包里",
        "{col}: '{value}' is not inside the bundle",
    ),
    "bundle_applied": (
        "{name}：已应用（密钥 {key_id}，版本 {version}{full}）：新增 {imported}，更新 {updated}，"
        "未变 {unchanged}，重复跳过 {duplicates}，隐藏 {hidden}",
        "{name}: applied (key {key_id}, version {version}{full}): imported {imported}, "
        "updated {updated}, unchanged {unchanged}, skipped as duplicate {duplicates}, "
        "hidden {hidden}",
    ),
    "require_signed_refused": (
        "{name}：本机只接受签名内容包（kiosk.toml 中 [content] require_signed = true），未导入",
        "{name}: this kiosk accepts signed bundles only ([content] require_signed = true in "
        "kiosk.toml); not imported",
    ),
    # hostile archives
    "hostile_absolute": ("“{name}”是绝对路径", "'{name}' is an absolute path"),
    "hostile_drive": ("“{name}”带有盘符", "'{name}' names a drive"),
    "hostile_parent": (
        "“{name}”试图跳出所在文件夹（..）",
        "'{name}' climbs out of its folder (..)",
    ),
    "hostile_name": ("“{name}”不是可用的文件名", "'{name}' is not a usable file name"),
    "hostile_link": ("“{name}”是链接", "'{name}' is a link"),
    "hostile_special": ("“{name}”不是普通文件", "'{name}' is not a plain file"),
    "hostile_duplicate": (
        "“{name}”出现了两次（不计大小写）",
        "'{name}' is there twice (letter case aside)",
    ),
    "hostile_method": (
        "“{name}”用了内容包不用的压缩或加密方式",
        "'{name}' uses a compression or encryption bundles do not use",
    ),
    "hostile_ratio": (
        "“{name}”解压后超过压缩大小的 {limit} 倍（疑似压缩炸弹）",
        "'{name}' would unpack to over {limit} times its packed size (a zip bomb)",
    ),
    "hostile_too_many": ("文件超过 {limit} 个", "more than {limit} files"),
    "hostile_too_big": (
        "解压后 {size}，超过上限 {limit}",
        "unpacks to {size}, more than the limit of {limit}",
    ),
}
