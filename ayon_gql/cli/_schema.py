"""``ayon-gql schema pull`` (save a server's schema as a deterministic SDL snapshot)
and ``ayon-gql schema diff`` (breaking and dangerous changes between two schemas)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ayon_gql._errors import InvalidInputError
from ayon_gql.cli._common import add_connection_options, client_from_args, print_json


def register(subparsers: Any) -> None:
    schema = subparsers.add_parser("schema", help="pull and compare GraphQL schemas")
    commands = schema.add_subparsers(dest="schema_command", metavar="SUBCOMMAND")
    schema.set_defaults(handler=lambda args: (schema.print_help(), 2)[1])

    pull = commands.add_parser(
        "pull",
        help="introspect a server (or read a saved introspection) and write SDL",
        description="Write the schema as sorted SDL with a header naming the server version "
        "and date, and the server's openapi.json as the openapi snapshot (every operation "
        "and component schema, structure only: the REST methods and the write models are "
        "generated from it). Descriptions are left "
        "out unless --descriptions is given. Inside a project with [tool.ayon-gql], the server "
        "defaults to its url (then $AYON_SERVER_URL) and the outputs to its snapshots. "
        "--from-file takes a saved introspection (writes the SDL) or a saved openapi.json "
        "(writes the openapi snapshot; an addon's saved openapi.json writes that addon's). "
        "From a server, each addon of [tool.ayon-gql] addons (default: the production "
        "bundle's) with endpoints gets {name}-{version}.openapi.json in the addons folder.",
    )
    source = pull.add_mutually_exclusive_group()
    source.add_argument(
        "--from-file",
        type=Path,
        help="saved introspection JSON or openapi.json instead of a live server",
    )
    add_connection_options(pull)
    pull.add_argument(
        "-o",
        "--output",
        type=Path,
        help="file to write (default: the project's schema snapshot, else standard output; "
        "'-' for standard output)",
    )
    pull.add_argument(
        "--openapi-output",
        type=Path,
        help="file for the openapi snapshot (default: the project's, else openapi.json beside "
        "--output; '-' for standard output)",
    )
    pull.add_argument(
        "--addons-dir",
        type=Path,
        help="folder for the addons' openapi snapshots (default: the project's addons_dir, "
        "else addons/ beside --output)",
    )
    pull.add_argument("--descriptions", action="store_true", help="keep descriptions")
    pull.add_argument(
        "--settings-structure-only",
        action="store_true",
        help="leave titles and descriptions out of the addon settings snapshots (kept by "
        "default: they become the settings models' docstrings)",
    )
    pull.add_argument("--server-version", help="version to name in the header")
    pull.set_defaults(handler=_pull)

    diff = commands.add_parser(
        "diff",
        help="breaking and dangerous changes between two schemas",
        description="Compare OLD and NEW (SDL files, introspection JSON files or server URLs) "
        "with graphql-core's find_breaking_changes / find_dangerous_changes, grouped by type; "
        "added types and fields are listed too. The write models are compared as well: "
        "between --openapi OLD NEW, or the servers' /openapi.json for URLs and the openapi.json "
        "beside schema files; OLD and NEW may also be openapi snapshots (or a server's "
        "openapi.json) themselves; their REST operations are compared too (operations, "
        "parameters, bodies and answers, as the generated client.api methods have them). "
        "Settings snapshots of two addon versions "
        "(schema/addons/NAME-VERSION.settings.json) as OLD and NEW, or --settings OLD NEW, "
        "compare addon settings: a field removed or retyped or a choice removed is breaking, "
        "a changed default dangerous. "
        "Exit status: 0 when nothing is breaking, 1 when something is, 2 when a schema "
        "cannot be read.",
    )
    diff.add_argument("old", help="the schema operations were written for (file or URL)")
    diff.add_argument("new", help="the schema to compare with (file or URL)")
    diff.add_argument(
        "--openapi",
        nargs=2,
        type=Path,
        metavar=("OLD", "NEW"),
        help="openapi snapshots whose write models to compare too",
    )
    diff.add_argument(
        "--settings",
        nargs=2,
        type=Path,
        metavar=("OLD", "NEW"),
        help="settings snapshots of two versions of an addon to compare too",
    )
    diff.add_argument("--json", action="store_true", help="machine-readable output")
    diff.add_argument("--no-added", action="store_true", help="leave out added types and fields")
    add_connection_options(diff)
    diff.set_defaults(handler=_diff)


def _pull(args: argparse.Namespace) -> int:
    from ayon_gql._project import find_project
    from ayon_gql.schema import pull_schema
    from ayon_gql.schema._openapi import OPENAPI_NAME, OpenApiSnapshot, pull_openapi

    project = find_project()
    output: Path | None = args.output
    if output is None and project is not None:
        output = project.schema
    elif output == Path("-"):
        output = None
    openapi_output: Path | None = args.openapi_output
    if openapi_output is None:
        if project is not None and args.output is None:
            openapi_output = project.openapi
        elif output is not None:
            openapi_output = output.with_name(OPENAPI_NAME)
    elif openapi_output == Path("-"):
        openapi_output = None
    if args.url is None and project is not None:
        args.url = project.url  # None: AYON_SERVER_URL
    openapi: OpenApiSnapshot | None = None
    settings_lines: list[str] = []
    addon_lines: list[str] = []
    addons_dir: Path | None = args.addons_dir
    if addons_dir is None:
        if project is not None and args.output is None:
            addons_dir = project.addons_folder
        elif output is not None:
            addons_dir = output.parent / "addons"
    if args.from_file is not None:
        if _is_addon_file(args.from_file):
            return _pull_addon_file(args.from_file, addons_dir, args.server_version)
        if _is_openapi_file(args.from_file):
            openapi = pull_openapi(from_file=args.from_file, server_version=args.server_version)
            _write_text(openapi.text(), openapi_output, openapi.server_version, openapi.source)
            return 0
        snapshot = pull_schema(
            from_file=args.from_file,
            descriptions=args.descriptions,
            server_version=args.server_version,
        )
    else:
        with client_from_args(args) as client:
            snapshot = pull_schema(
                connection=client.connection,
                descriptions=args.descriptions,
                server_version=args.server_version,
            )
            openapi = _pull_openapi_or_warn(client, snapshot.server_version)
            if addons_dir is not None:
                addon_lines = _pull_addons_or_warn(
                    client, project, addons_dir, snapshot.server_version
                )
            if project is not None and args.output is None:
                settings_lines = _pull_settings_or_warn(
                    client, project, snapshot.server_version, not args.settings_structure_only
                )
    _write_text(snapshot.sdl, output, snapshot.server_version, snapshot.source)
    if openapi is not None:
        if output is None and args.openapi_output is None:
            print("openapi snapshot not written (give --openapi-output)", file=sys.stderr)
        else:
            _write_text(openapi.text(), openapi_output, openapi.server_version, openapi.source)
    for line in [*addon_lines, *settings_lines]:
        print(line, file=sys.stderr)
    return 0


def _is_openapi_file(path: Path) -> bool:
    """Whether a ``--from-file`` is an openapi document (an unreadable one is not)."""
    from ayon_gql._errors import SchemaSourceError
    from ayon_gql.schema._openapi import is_openapi_document, read_json_document

    if path.suffix != ".json" or not path.is_file():
        return False
    try:
        return is_openapi_document(read_json_document(path))
    except SchemaSourceError:  # the introspection reader says what is wrong with it
        return False


def _is_addon_file(path: Path) -> bool:
    """Whether a ``--from-file`` is an addon's openapi document or snapshot."""
    from ayon_gql._errors import SchemaSourceError
    from ayon_gql.schema._api_document import addon_of_document
    from ayon_gql.schema._openapi import HEADER_KEY, read_json_document

    if path.suffix != ".json" or not path.is_file():
        return False
    try:
        document = read_json_document(path)
    except SchemaSourceError:
        return False
    header = document.get(HEADER_KEY)
    return (isinstance(header, dict) and "addon" in header) or (
        "openapi" in document and addon_of_document(document) is not None
    )


def _pull_addon_file(path: Path, folder: Path | None, server_version: str | None) -> int:
    import dataclasses

    from ayon_gql.schema._addons import addon_snapshot_path
    from ayon_gql.schema._api_document import load_addon_snapshot

    snapshot = load_addon_snapshot(path)
    if server_version is not None:
        snapshot = dataclasses.replace(snapshot, server_version=server_version)
    target = addon_snapshot_path(folder, snapshot.addon, "openapi") if folder else None
    _write_text(snapshot.text(), target, f"addon {snapshot.addon}", snapshot.source)
    return 0


def _pull_addons_or_warn(
    client: Any, project: Any, folder: Path, version: str | None
) -> list[str]:
    """Each selected addon's openapi snapshot; lines saying what was done (or a warning)."""
    from ayon_gql._errors import AyonError
    from ayon_gql.schema._api_document import pull_addon_snapshots

    try:
        return pull_addon_snapshots(client.connection, project, folder, server_version=version)
    except AyonError as exc:
        return [f"warning: no addon snapshots: {exc}"]


def _pull_openapi_or_warn(client: Any, server_version: str | None) -> Any:
    """The server's write-model snapshot, or None with a warning line when it cannot be read."""
    from ayon_gql._errors import AyonError
    from ayon_gql.schema._openapi import pull_openapi

    try:
        return pull_openapi(connection=client.connection, server_version=server_version)
    except AyonError as exc:
        print(f"warning: no openapi snapshot (write models): {exc}", file=sys.stderr)
        return None


def _pull_settings_or_warn(
    client: Any, project: Any, server_version: str | None, keep_texts: bool
) -> list[str]:
    """Write the project's addon settings snapshots; the lines to report (a warning
    when they cannot be read)."""
    from ayon_gql._errors import AyonError
    from ayon_gql.schema._settings_snapshot import pull_project_settings

    try:
        written = pull_project_settings(
            client.connection, project, server_version=server_version, keep_texts=keep_texts
        )
    except AyonError as exc:
        return [f"warning: no addon settings snapshots: {exc}"]
    except OSError as exc:
        raise InvalidInputError(f"cannot write addon settings snapshots: {exc}") from None
    return [f"wrote {_shown(path)} (addon settings schema)" for path in written]


def _write_text(text: str, output: Path | None, version: str | None, source: str) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise InvalidInputError(f"cannot write {output}: {exc.strerror or exc}") from None
    what = f"AYON {version or 'unknown version'}"
    if version and version.startswith("addon "):
        what = version
    print(f"wrote {_shown(output)} ({what}, from {source})", file=sys.stderr)


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _diff(args: argparse.Namespace) -> int:
    from ayon_gql._errors import SchemaSourceError
    from ayon_gql.cli._common import fail
    from ayon_gql.schema import SchemaDiff, diff_schemas, load_schema
    from ayon_gql.schema._addon_rest_diff import diff_addon_rest, is_addon_openapi_snapshot
    from ayon_gql.schema._api_document import load_addon_snapshot
    from ayon_gql.schema._rest_diff import diff_rest, snapshot_document
    from ayon_gql.schema._settings_diff import diff_settings, is_settings_snapshot
    from ayon_gql.schema._settings_snapshot import load_settings_snapshot
    from ayon_gql.schema._write_diff import diff_write_models, write_model_sources

    try:
        if args.settings is None and args.openapi is None and all(
            is_addon_openapi_snapshot(str(path)) for path in (args.old, args.new)
        ):
            difference = SchemaDiff(old=args.old, new=args.new)
            before, after = (load_addon_snapshot(path) for path in (args.old, args.new))
            difference.add(diff_addon_rest(before, after))
            return _print_diff(difference, args)
        only_settings = args.settings is None and all(
            is_settings_snapshot(str(path)) for path in (args.old, args.new)
        )
        settings = (args.old, args.new) if only_settings else args.settings
        openapi = None if only_settings else write_model_sources(args.old, args.new, args.openapi)
        if only_settings or (openapi is not None and openapi.whole):
            difference = SchemaDiff(old=args.old, new=args.new)
        else:
            old = load_schema(args.old, api_key=args.api_key, timeout=args.timeout)
            new = load_schema(args.new, api_key=args.api_key, timeout=args.timeout)
            difference = diff_schemas(old, new, old_label=args.old, new_label=args.new)
        if openapi is not None:
            models = openapi.load(api_key=args.api_key, timeout=args.timeout)
            difference.add(diff_write_models(*models))
            difference.add(diff_rest(*(snapshot_document(m) for m in models)))
        if settings is not None:
            old_settings, new_settings = (load_settings_snapshot(p) for p in settings)
            difference.add(diff_settings(old_settings, new_settings))
    except SchemaSourceError as exc:
        return fail(exc, status=2)
    return _print_diff(difference, args)


def _print_diff(difference: Any, args: argparse.Namespace) -> int:
    """Print a diff as text or JSON; 1 when it has breaking changes."""
    if args.no_added:
        difference.added = []
    if args.json:
        print_json(difference.to_dict())
    else:
        print(difference.format_text(show_added=not args.no_added))
    return 1 if difference.is_breaking else 0
