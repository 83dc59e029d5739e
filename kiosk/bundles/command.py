"""``kiosk keygen``, ``kiosk bundle`` and ``kiosk trust``, and the bundles among the
sources of ``kiosk import``; told in the operator's language."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

from kiosk import settings as settings_mod
from kiosk.paths import Paths
from kiosk.strings import Refused, text

EXIT_OK, EXIT_PROBLEMS = 0, 1

Progress = Callable[[int, int, str], None]


def _language(args: argparse.Namespace, paths: Paths) -> str:
    return getattr(args, "lang", None) or settings_mod.operator_language(
        paths.config_file, os.environ
    )


def _said_os_errors(command: Callable[[argparse.Namespace, Paths], int]):
    """A file that cannot be read or written is the operator's to fix: one line."""

    def run(args: argparse.Namespace, paths: Paths) -> int:
        try:
            return command(args, paths)
        except OSError as e:
            raise Refused("file_problem", path=e.filename or "", why=e.strerror or e) from None

    return run


@_said_os_errors
def cmd_keygen(args: argparse.Namespace, paths: Paths) -> int:
    # Each command loads what it needs when it runs: the parser is built by every kiosk
    # process, the window and its supervisor too.
    from kiosk.bundles.keys import write_pair

    lang = _language(args, paths)
    secret, secret_file, public_file = write_pair(Path(args.dir))
    for key, values in (
        ("keygen_made", {"key_id": secret.public.key_id}),
        ("keygen_secret", {"path": secret_file}),
        ("keygen_public", {"path": public_file}),
    ):
        print(text(key, **values).render(lang))
    return EXIT_OK


@_said_os_errors
def cmd_bundle(args: argparse.Namespace, paths: Paths) -> int:
    from kiosk.bundles.keys import read_secret
    from kiosk.bundles.pack import make_bundle

    lang = _language(args, paths)
    secret = read_secret(Path(args.key))
    out = Path(args.output)
    manifest = make_bundle(
        [Path(s) for s in args.sources],
        secret,
        out,
        full=args.full,
        version=args.version,
        progress=args.progress(lang),
    )
    said = text(
        "bundle_made",
        name=out.name,
        n=len(manifest.files),
        mb=f"{manifest.total_bytes / 1024**2:,.1f}",
        version=manifest.version,
        key_id=manifest.key_id,
        full=text("bundle_full") if manifest.full else "",
    )
    print(said.render(lang))
    return EXIT_OK


@_said_os_errors
def cmd_trust(args: argparse.Namespace, paths: Paths) -> int:
    from kiosk.bundles.keys import Keyring, read_public

    lang = _language(args, paths)
    key = read_public(Path(args.file))
    path = Keyring(paths.trusted_keys).add(key)
    print(text("trust_added", key_id=key.key_id, path=path).render(lang))
    return EXIT_OK


def import_bundles(
    sources: list[Path], paths: Paths, lang: str, *, force: bool, progress: Progress
) -> tuple[list[Path], int]:
    """Apply the bundles among ``sources``, each printed as it went; the other sources
    (none when ``[content] require_signed`` refuses them, one line each) and the exit
    status so far."""
    from kiosk.bundles.apply import apply_bundle
    from kiosk.bundles.marker import is_bundle

    content = settings_mod.load(paths.config_file)[0].content
    bundles = [s for s in sources if s.is_file() and is_bundle(s)]
    others = [s for s in sources if s not in bundles]
    code = EXIT_OK
    if others and content.require_signed:
        for source in others:
            print(text("require_signed_refused", name=source.name).render(lang), file=sys.stderr)
        others, code = [], EXIT_PROBLEMS
    for bundle in bundles:
        result = apply_bundle(paths, bundle, content, force=force, progress=progress)
        for line in result.lines(lang):
            print(line)
        code = max(code, result.exit_code)
    return others, code


def add_commands(sub, add_lang: Callable[[argparse.ArgumentParser], None], progress) -> None:
    """The three commands, on the ``kiosk`` parser's subcommands; ``progress(lang)`` makes
    the progress bar of a terminal."""
    p = sub.add_parser(
        "keygen",
        help="make a key pair for signing content bundles / 生成签名密钥",
        description="Make an Ed25519 key pair in DIR: a secret key (qingfeng-ID.secret, "
        "readable by you only: keep it at the office, never on a kiosk) and a public key "
        "(qingfeng-ID.pub, for kiosk trust on each kiosk). / 生成签名密钥对。",
    )
    p.add_argument("dir", metavar="DIR", help="folder for the two key files")
    add_lang(p)
    p.set_defaults(func=cmd_keygen)

    p = sub.add_parser(
        "bundle",
        help="pack and sign content for many kiosks / 制作签名内容包",
        description="Pack folders, media files, sheets and subtitles (what kiosk import "
        "takes) into one signed bundle file: kiosks that trust the key apply it with kiosk "
        "import, all of it or nothing. / 把内容打包并签名。",
    )
    p.add_argument("sources", nargs="+", metavar="SOURCE", help="folder, media file or sheet")
    p.add_argument("--key", required=True, metavar="SECRET", help="the secret key file")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="the bundle to write")
    p.add_argument(
        "--full",
        action="store_true",
        help="the bundle is all of this key's content: on each kiosk, items earlier bundles "
        "of the key brought and this one does not hold are hidden (not deleted)",
    )
    p.add_argument(
        "--version",
        type=int,
        metavar="N",
        help="the bundle's version (default: the time now, YYYYMMDDhhmmss); kiosks refuse "
        "a version not newer than the last one of the same key",
    )
    add_lang(p)
    p.set_defaults(func=cmd_bundle, progress=progress)

    p = sub.add_parser(
        "trust",
        help="accept bundles signed with this public key / 信任签名公钥",
        description="Copy a public key file (made by kiosk keygen) into this kiosk's trusted "
        "keys: bundles signed with its secret key are accepted by kiosk import. / 信任公钥。",
    )
    p.add_argument("file", metavar="PUBLIC_KEY_FILE", help="the .pub file")
    add_lang(p)
    p.set_defaults(func=cmd_trust)
