"""``ayon-gql check``: are the operations in ``queries/`` safe against a schema?"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ayon_gql.cli._common import add_connection_options


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "check",
        help="validate queries/ against a schema and map breaking changes to operations",
        description="Validate every operation in queries/ against NEW (default: the schema "
        "snapshot) and map each breaking change between the base schema (default: the "
        "snapshot) and NEW to the operations, fragments, file:line, field path and generated "
        "methods it affects. Deprecated fields used are warnings (errors with --strict). "
        "Exit status: 0 when safe, 1 when an operation is affected, 2 when a schema cannot "
        "be read.",
    )
    parser.add_argument(
        "--schema", help="the new schema: SDL file, introspection JSON or server URL"
    )
    parser.add_argument(
        "--base", help="the schema the operations were written for (default: the snapshot)"
    )
    parser.add_argument("--queries", type=Path, help="operations folder (default: configured)")
    parser.add_argument("--project", type=Path, help="project folder (default: search upwards)")
    parser.add_argument("--strict", action="store_true", help="deprecated fields are errors")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    add_connection_options(parser)
    parser.set_defaults(handler=_check)


def _source(value: str | None) -> str | Path | None:
    from ayon_gql.schema._diff import is_url

    if value is None or is_url(value):
        return value
    return Path(value)


def _check(args: argparse.Namespace) -> int:
    from graphql import GraphQLError, GraphQLSchema

    from ayon_gql.cli._common import print_json
    from ayon_gql.schema import check_operations, load_schema

    schemas: list[GraphQLSchema | str | Path | None] = []
    try:
        for value in (args.schema, args.base):
            source = _source(value)
            if isinstance(source, str):  # a URL: introspect once, with our options
                schemas.append(load_schema(source, api_key=args.api_key, timeout=args.timeout))
            else:
                schemas.append(source)
        report = check_operations(
            schemas[0],
            base_schema=schemas[1],
            queries_path=args.queries,
            project_root=args.project,
            strict=args.strict,
        )
    except (OSError, ValueError, GraphQLError) as exc:
        print(f"ayon-gql check: {exc}", file=sys.stderr)
        return 2
    for value, index in ((args.schema, 0), (args.base, 1)):
        if isinstance(schemas[index], GraphQLSchema):
            if index == 0:
                report.schema = value
            else:
                report.base = value
    if args.json:
        print_json(report.to_dict())
    else:
        print(report.format_text())
    return report.exit_code
