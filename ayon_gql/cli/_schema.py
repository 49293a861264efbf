"""``ayon-gql schema pull``: save a server's schema as a deterministic SDL snapshot."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ayon_gql.cli._common import add_connection_options, client_from_args


def register(subparsers: Any) -> None:
    schema = subparsers.add_parser("schema", help="pull and compare GraphQL schemas")
    commands = schema.add_subparsers(dest="schema_command", metavar="SUBCOMMAND")
    schema.set_defaults(handler=lambda args: (schema.print_help(), 2)[1])

    pull = commands.add_parser(
        "pull",
        help="introspect a server (or read a saved introspection) and write SDL",
        description="Write the schema as sorted SDL with a header naming the server version "
        "and date. Descriptions are left out unless --descriptions is given.",
    )
    source = pull.add_mutually_exclusive_group()
    source.add_argument(
        "--from-file", type=Path, help="saved introspection JSON instead of a live server"
    )
    add_connection_options(pull)
    pull.add_argument(
        "-o", "--output", type=Path, help="file to write (default: standard output)"
    )
    pull.add_argument("--descriptions", action="store_true", help="keep descriptions")
    pull.add_argument("--server-version", help="version to name in the header")
    pull.set_defaults(handler=_pull)


def _pull(args: argparse.Namespace) -> int:
    from ayon_gql.schema import pull_schema

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
    if args.output is None:
        sys.stdout.write(snapshot.sdl)
    else:
        snapshot.write(args.output)
        print(
            f"wrote {args.output} (AYON {snapshot.server_version or 'unknown version'}, "
            f"from {snapshot.source})",
            file=sys.stderr,
        )
    return 0
