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
        "and date. Descriptions are left out unless --descriptions is given. Inside a project "
        "with [tool.ayon-gql], the server defaults to its url (then $AYON_SERVER_URL) and the "
        "output to its schema snapshot.",
    )
    source = pull.add_mutually_exclusive_group()
    source.add_argument(
        "--from-file", type=Path, help="saved introspection JSON instead of a live server"
    )
    add_connection_options(pull)
    pull.add_argument(
        "-o",
        "--output",
        type=Path,
        help="file to write (default: the project's schema snapshot, else standard output; "
        "'-' for standard output)",
    )
    pull.add_argument("--descriptions", action="store_true", help="keep descriptions")
    pull.add_argument("--server-version", help="version to name in the header")
    pull.set_defaults(handler=_pull)

    diff = commands.add_parser(
        "diff",
        help="breaking and dangerous changes between two schemas",
        description="Compare OLD and NEW (SDL files, introspection JSON files or server URLs) "
        "with graphql-core's find_breaking_changes / find_dangerous_changes, grouped by type; "
        "added types and fields are listed too. Exit status: 0 when nothing is breaking, "
        "1 when something is, 2 when a schema cannot be read.",
    )
    diff.add_argument("old", help="the schema operations were written for (file or URL)")
    diff.add_argument("new", help="the schema to compare with (file or URL)")
    diff.add_argument("--json", action="store_true", help="machine-readable output")
    diff.add_argument("--no-added", action="store_true", help="leave out added types and fields")
    add_connection_options(diff)
    diff.set_defaults(handler=_diff)


def _pull(args: argparse.Namespace) -> int:
    from ayon_gql._project import find_project
    from ayon_gql.schema import pull_schema

    project = find_project()
    output: Path | None = args.output
    if output is None and project is not None:
        output = project.schema
    elif output == Path("-"):
        output = None
    if args.url is None and project is not None:
        args.url = project.url  # None: AYON_SERVER_URL
    if args.from_file is not None:
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
    if output is None:
        sys.stdout.write(snapshot.sdl)
    else:
        try:
            snapshot.write(output)
        except OSError as exc:
            raise InvalidInputError(f"cannot write {output}: {exc.strerror or exc}") from None
        print(
            f"wrote {_shown(output)} (AYON {snapshot.server_version or 'unknown version'}, "
            f"from {snapshot.source})",
            file=sys.stderr,
        )
    return 0


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _diff(args: argparse.Namespace) -> int:
    from ayon_gql._errors import SchemaSourceError
    from ayon_gql.cli._common import fail
    from ayon_gql.schema import diff_schemas, load_schema

    try:
        old = load_schema(args.old, api_key=args.api_key, timeout=args.timeout)
        new = load_schema(args.new, api_key=args.api_key, timeout=args.timeout)
    except SchemaSourceError as exc:
        return fail(exc, status=2)
    difference = diff_schemas(old, new, old_label=args.old, new_label=args.new)
    if args.no_added:
        difference.added = []
    if args.json:
        print_json(difference.to_dict())
    else:
        print(difference.format_text(show_added=not args.no_added))
    return 1 if difference.is_breaking else 0
