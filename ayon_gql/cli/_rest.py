"""REST sub-commands: ``installers``, ``dependency-packages``, ``bundles``, ``settings``.

Readable tables by default, ``--json`` for scripts.  Transfers show a plain
progress line on stderr (``--quiet`` hides it); downloads are verified and
atomic, so a failed one leaves nothing behind.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from ayon_gql._errors import InvalidInputError
from ayon_gql.cli._common import add_connection_options, client_from_args, print_json, print_table

if TYPE_CHECKING:
    from ayon_gql.rest import Bundle, DependencyPackage, Installer, RestAPI
    from ayon_gql.rest._installers import SyncFiles

_PLATFORMS = ("windows", "linux", "darwin")
_ALGORITHMS = ("md5", "sha1", "sha256")


# -- progress -------------------------------------------------------------------------


class _ProgressBar:
    """``label  42.0%  84.0/200.0 MB  310 MB/s`` on one stderr line.

    Redrawn at most ten times a second on a terminal; elsewhere (logs, CI)
    only the final line is written.
    """

    def __init__(self, label: str, stream: TextIO | None = None) -> None:
        self._label = label
        self._stream = stream or sys.stderr
        self._live = bool(getattr(self._stream, "isatty", lambda: False)())
        self._started = time.monotonic()
        self._drawn = 0.0
        self._last: tuple[int, int | None] = (0, None)
        self._started_transfer = False

    def __call__(self, done: int, total: int | None) -> None:
        self._started_transfer = True
        if done == 0 or done < self._last[0]:  # (re)started: measure the rate from here
            self._started = time.monotonic()
        self._last = (done, total)
        now = time.monotonic()
        if self._live and (now - self._drawn >= 0.1 or done == total):
            self._drawn = now
            self._stream.write("\r" + self._line(done, total))
            self._stream.flush()

    def _line(self, done: int, total: int | None) -> str:
        elapsed = max(time.monotonic() - self._started, 1e-6)
        rate = done / elapsed / 1e6
        if total:
            share = f"{100 * done / total:5.1f}%  {done / 1e6:.1f}/{total / 1e6:.1f} MB"
        else:
            share = f"{done / 1e6:.1f} MB"
        return f"{self._label}  {share}  {rate:.0f} MB/s"

    def close(self) -> None:
        """End the line (prints the final state when not on a terminal); nothing
        when the transfer never started (e.g. refused before sending)."""
        if not self._started_transfer:
            return
        done, total = self._last
        if self._live:
            self._stream.write("\n")
        else:
            self._stream.write(self._line(done, total) + "\n")
        self._stream.flush()


class _NoProgress:
    def __call__(self, done: int, total: int | None) -> None:
        return None

    def close(self) -> None:
        return None


def _progress(args: argparse.Namespace, label: str) -> _ProgressBar | _NoProgress:
    return _NoProgress() if args.quiet else _ProgressBar(label)


# -- registration ------------------------------------------------------------------


def register(subparsers: Any) -> None:
    """Add the REST sub-commands to ``ayon-gql``."""
    _register_files(subparsers, "installers", "desktop launcher installers")
    _register_files(subparsers, "dependency-packages", "dependency packages of bundles")
    _register_bundles(subparsers)
    _register_settings(subparsers)


def _leaf(group: Any, name: str, help_text: str, handler: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = group.add_parser(name, help=help_text, description=help_text)
    add_connection_options(parser)
    parser.set_defaults(handler=handler)
    return parser


def _json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")


def _register_files(subparsers: Any, command: str, what: str) -> None:
    top = subparsers.add_parser(command, help=f"list, upload and download {what}")
    group = top.add_subparsers(dest="action", metavar="ACTION", required=True)
    packages = command == "dependency-packages"

    listing = _leaf(group, "list", f"list {what}", _files_list)
    listing.add_argument("--platform", choices=_PLATFORMS)
    if not packages:
        listing.add_argument("--version", dest="filter_version", help="only this version")
        listing.add_argument(
            "--variant",
            choices=("production", "staging"),
            help="only the installer the production or staging bundle uses",
        )
    _json_flag(listing)

    upload = _leaf(
        group, "upload", "hash a file, register its metadata and upload it", _files_upload
    )
    upload.add_argument("file", type=Path)
    upload.add_argument("--platform", choices=_PLATFORMS, required=True)
    if packages:
        upload.add_argument("--installer-version", required=True)
        upload.add_argument(
            "--source-addon",
            action="append",
            default=[],
            metavar="NAME=VERSION",
            help="an addon the package was built for; repeatable",
        )
    else:
        upload.add_argument(
            "--version", dest="installer_version", required=True, help="the launcher version"
        )
    upload.add_argument("--python-version")
    upload.add_argument("--filename", help="name on the server (default: the file's name)")
    upload.add_argument("--checksum-algorithm", choices=_ALGORITHMS, default="sha256")
    upload.add_argument("--force", action="store_true", help="replace an existing file")
    upload.add_argument("--quiet", action="store_true", help="no progress line")
    _json_flag(upload)

    download = _leaf(group, "download", "download a file (verified, atomic)", _files_download)
    download.add_argument("filename")
    download.add_argument(
        "destination",
        nargs="?",
        default=".",
        help="a folder or a file path (default: current folder)",
    )
    download.add_argument(
        "--no-verify", action="store_true", help="skip the size and checksum check"
    )
    download.add_argument("--quiet", action="store_true", help="no progress line")
    top.set_defaults(kind=command)
    for parser in (listing, upload, download):
        parser.set_defaults(kind=command)


def _register_bundles(subparsers: Any) -> None:
    top = subparsers.add_parser("bundles", help="list, show, check and promote bundles")
    group = top.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = _leaf(group, "list", "list bundles and their stage", _bundles_list)
    listing.add_argument("--archived", action="store_true", help="include archived bundles")
    _json_flag(listing)
    show = _leaf(group, "show", "show one bundle", _bundles_show)
    show.add_argument("name")
    _json_flag(show)
    check = _leaf(
        group,
        "check",
        "pre-flight check of a bundle (an existing one by name, or a JSON definition file); "
        "exit status 1 when it has errors",
        _bundles_check,
    )
    check.add_argument("bundle", help="bundle name or path to a JSON file")
    _json_flag(check)
    promote = _leaf(
        group, "promote", "make a bundle the production (or staging) one", _bundles_promote
    )
    promote.add_argument("name")
    promote.add_argument("--to", choices=("production", "staging"), default="production")
    promote.add_argument(
        "--copy-settings",
        action="store_true",
        help="use the server's promote action, which also copies staging settings to production",
    )


def _register_settings(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "settings",
        help="show the settings of an addon",
        description="Settings of ADDON: studio settings, project settings with --project, "
        "site settings with --site. Without --version the version in the variant's bundle "
        "is used.",
    )
    parser.add_argument("addon")
    parser.add_argument("--version", dest="addon_version", help="addon version")
    parser.add_argument("--project")
    parser.add_argument(
        "--variant", default="production", help="production (default), staging or a dev bundle name"
    )
    parser.add_argument("--site", help="site id")
    _json_flag(parser)
    add_connection_options(parser)
    parser.set_defaults(handler=_settings)


# -- helpers ---------------------------------------------------------------------------


def _rest(args: argparse.Namespace) -> tuple[Any, RestAPI]:
    client = client_from_args(args)
    return client, client.rest


def _collection(rest: RestAPI, kind: str) -> SyncFiles[Any]:
    return rest.dependency_packages if kind == "dependency-packages" else rest.installers


def _dump(value: Any) -> Any:
    if isinstance(value, list):
        return [_dump(item) for item in value]
    if isinstance(value, dict):
        return {key: _dump(item) for key, item in value.items()}
    dump = getattr(value, "model_dump", None)
    return dump(by_alias=True, mode="json", exclude_unset=True) if dump else value


def _size(value: int | None) -> str:
    if value is None:
        return ""
    if value < 1000:
        return f"{value} B"
    amount = float(value)
    units = ["KB", "MB", "GB", "TB"]
    amount /= 1000
    while amount >= 1000 and len(units) > 1:
        amount /= 1000
        units.pop(0)
    return f"{amount:.1f} {units[0]}"


def _checksum(item: Installer | DependencyPackage) -> str:
    if not item.checksum:
        return ""
    algorithm = item.checksum_algorithm.value if item.checksum_algorithm else "?"
    return f"{algorithm}:{item.checksum[:12]}"


def _pairs(text: Sequence[str], what: str) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for item in text:
        name, sep, value = item.partition("=")
        if not sep or not name or not value:
            raise InvalidInputError(f"{what} must be NAME=VERSION, got {item!r}")
        pairs[name] = value
    return pairs


def _flatten(value: Any, prefix: str = "") -> Iterator[tuple[str, str]]:
    """Nested settings as ``a.b.c  value`` rows."""
    if isinstance(value, Mapping) and value:
        for key, item in value.items():
            yield from _flatten(item, f"{prefix}.{key}" if prefix else str(key))
    else:
        yield prefix, json.dumps(value, ensure_ascii=False)


# -- handlers ---------------------------------------------------------------------------


def _files_list(args: argparse.Namespace) -> int:
    client, rest = _rest(args)
    with client:
        if args.kind == "dependency-packages":
            items: list[Any] = rest.dependency_packages.list(platform=args.platform)
        else:
            items = rest.installers.list(
                version=args.filter_version, platform=args.platform, variant=args.variant
            )
    if args.json:
        print_json(_dump(items))
        return 0
    if args.kind == "dependency-packages":
        rows = [
            (
                i.filename,
                i.platform.value,
                i.installer_version,
                _size(i.size),
                _checksum(i),
                ", ".join(f"{k} {v}" for k, v in i.source_addons.items()),
            )
            for i in items
        ]
        print_table(rows, ["FILENAME", "PLATFORM", "INSTALLER", "SIZE", "CHECKSUM", "ADDONS"])
    else:
        rows = [
            (i.filename, i.platform.value, i.version, _size(i.size), _checksum(i), i.python_version)
            for i in items
        ]
        print_table(rows, ["FILENAME", "PLATFORM", "VERSION", "SIZE", "CHECKSUM", "PYTHON"])
    return 0


def _files_upload(args: argparse.Namespace) -> int:
    fields: dict[str, Any] = {"platform": args.platform}
    if args.kind == "dependency-packages":
        fields["installer_version"] = args.installer_version
        fields["source_addons"] = _pairs(args.source_addon, "--source-addon")
    else:
        fields["version"] = args.installer_version
    if args.python_version:
        fields["python_version"] = args.python_version
    if args.filename:
        fields["filename"] = args.filename
    client, rest = _rest(args)
    bar = _progress(args, f"upload {args.filename or args.file.name}")
    with client:
        try:
            item = _collection(rest, args.kind).upload(
                args.file,
                force=args.force,
                checksum_algorithm=args.checksum_algorithm,
                progress=bar,
                **fields,
            )
        finally:
            bar.close()
    if args.json:
        print_json(_dump(item))
    else:
        print(f"uploaded {item.filename} ({_size(item.size)}, {_checksum(item)})")
    return 0


def _files_download(args: argparse.Namespace) -> int:
    client, rest = _rest(args)
    bar = _progress(args, f"download {args.filename}")
    with client:
        try:
            target = _collection(rest, args.kind).download(
                args.filename, args.destination, verify=not args.no_verify, progress=bar
            )
        finally:
            bar.close()
    print(target)
    return 0


def _stage(bundle: Bundle) -> str:
    stage = bundle.stage or ""
    return f"{stage} (archived)" if bundle.is_archived else stage


def _bundles_list(args: argparse.Namespace) -> int:
    client, rest = _rest(args)
    with client:
        bundles = rest.bundles.list(archived=args.archived)
    if args.json:
        print_json(_dump(bundles))
        return 0
    rows = [
        (
            b.name,
            _stage(b),
            b.installer_version,
            ", ".join(f"{name} {version}" for name, version in b.addons.items()),
            b.created_at.isoformat(timespec="seconds") if b.created_at else "",
        )
        for b in bundles.bundles
    ]
    print_table(rows, ["NAME", "STAGE", "INSTALLER", "ADDONS", "CREATED"])
    return 0


def _bundles_show(args: argparse.Namespace) -> int:
    client, rest = _rest(args)
    with client:
        bundle = rest.bundles.get(args.name)
    if args.json:
        print_json(_dump(bundle))
        return 0
    print_table(
        [
            ("name", bundle.name),
            ("stage", _stage(bundle)),
            ("installer", bundle.installer_version),
            ("created", bundle.created_at.isoformat() if bundle.created_at else None),
            ("active user", bundle.active_user),
        ],
        ["FIELD", "VALUE"],
    )
    print()
    print_table(sorted(bundle.addons.items()), ["ADDON", "VERSION"])
    print()
    print_table(sorted(bundle.dependency_packages.items()), ["PLATFORM", "DEPENDENCY PACKAGE"])
    return 0


def _bundles_check(args: argparse.Namespace) -> int:
    client, rest = _rest(args)
    source = Path(args.bundle)
    with client:
        if source.suffix == ".json" and source.is_file():
            try:
                definition: Any = json.loads(source.read_text(encoding="utf-8"))
            except ValueError as exc:
                raise InvalidInputError(f"{source} is not JSON: {exc}") from None
        else:
            definition = rest.bundles.get(args.bundle)
        result = rest.bundles.check(definition)
    if args.json:
        print_json(_dump(result))
    elif result.issues:
        print_table(
            [(i.severity, i.addon or "", i.message) for i in result.issues],
            ["SEVERITY", "ADDON", "MESSAGE"],
        )
    else:
        print("no issues")
    return 0 if result.success else 1


def _bundles_promote(args: argparse.Namespace) -> int:
    client, rest = _rest(args)
    with client:
        rest.bundles.promote(args.name, to=args.to, copy_settings=args.copy_settings)
    print(f"{args.name} is now the {args.to} bundle")
    return 0


def _settings(args: argparse.Namespace) -> int:
    client, rest = _rest(args)
    with client:
        if args.addon_version is None:
            view = rest.settings.all(variant=args.variant, project=args.project, site_id=args.site)
            entry = view.get(args.addon)
            if entry is None:
                raise InvalidInputError(
                    f"addon {args.addon!r} is not in bundle {view.bundle_name!r} "
                    f"({args.variant}); pass --version to read another version"
                )
            version = entry.version
            values = dict(entry.settings)
            if args.site and not args.project:
                values = dict(entry.site_settings) or rest.settings.site(
                    args.addon, version, site_id=args.site
                )
        else:
            version = args.addon_version
            if args.project:
                values = rest.settings.project(
                    args.addon, version, args.project, variant=args.variant, site_id=args.site
                )
            elif args.site:
                values = rest.settings.site(args.addon, version, site_id=args.site)
            else:
                values = rest.settings.studio(args.addon, version, variant=args.variant)
    if args.json:
        print_json(values)
        return 0
    scope = (
        f"project {args.project}"
        if args.project
        else (f"site {args.site}" if args.site else "studio")
    )
    print(f"{args.addon} {version}, {scope}, {args.variant}")
    print_table(list(_flatten(values)), ["SETTING", "VALUE"])
    return 0
