"""``ayon-gql init PACKAGE``: set up a studio's project for its own typed client."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ayon_gql.cli._common import add_connection_options, client_from_args

if TYPE_CHECKING:
    from ayon_gql._project import ProjectConfig


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "init",
        help="set up a project: [tool.ayon-gql], schema snapshot, queries, generated package",
        description="In a project folder: add a [tool.ayon-gql] section to pyproject.toml "
        "(creating the file if needed; other sections are not touched), write the schema "
        "snapshot (pulled from --url or AYON_SERVER_URL, or read from --schema FILE: SDL or "
        "introspection JSON) and the openapi snapshot the write models are made from (pulled "
        "too, or read from --openapi FILE or the openapi.json beside --schema), the settings "
        "schemas of the server's addons (schema/addons; --stock without a server: ayon-gql's "
        "own), create the queries folder with a starter operation (--stock: a copy of "
        "ayon-gql's own operations), write .graphqlrc.yml for editors and generate "
        "the package. Whatever exists already is left alone, so running it again is safe.",
    )
    parser.add_argument("package", help="import name of the generated package, e.g. studio_ayon")
    parser.add_argument(
        "--schema",
        type=Path,
        metavar="FILE",
        help="SDL or introspection JSON file instead of a server",
    )
    parser.add_argument(
        "--openapi",
        type=Path,
        metavar="FILE",
        help="the server's openapi.json (or an openapi snapshot) for the write models "
        "(default: openapi.json beside --schema, else pulled from the server)",
    )
    parser.add_argument(
        "--stock",
        action="store_true",
        help="start from a copy of ayon-gql's own operations (and addon settings snapshots)",
    )
    parser.add_argument("--project", type=Path, help="project folder (default: current folder)")
    add_connection_options(parser)
    parser.set_defaults(handler=_init)


def _init(args: argparse.Namespace) -> int:
    from ayon_gql._errors import InvalidInputError, TransportError
    from ayon_gql.cli._generate import generation_warnings_as_lines
    from ayon_gql.codegen._scaffold import init_project

    if args.schema is not None and args.url is not None:
        raise InvalidInputError("pass either --url or --schema, not both")
    server = args.url or os.environ.get("AYON_SERVER_URL")

    def fetch_schema() -> str:
        from ayon_gql.schema import pull_schema

        try:
            with client_from_args(args) as client:
                return pull_schema(connection=client.connection).sdl
        except TransportError as exc:
            raise TransportError(f"cannot pull the schema from {server}: {exc.message}") from None

    def fetch_openapi() -> str | None:
        from ayon_gql._errors import AyonError
        from ayon_gql.schema._openapi import pull_openapi

        try:
            with client_from_args(args) as client:
                text = pull_openapi(connection=client.connection).text()
                _pull_addons(client, args.project or Path.cwd())
                return text
        except AyonError as exc:
            print(f"warning: no openapi snapshot (write models): {exc}", file=sys.stderr)
            return None

    def fetch_addon_settings(project: ProjectConfig) -> list[Path]:
        from ayon_gql._errors import AyonError
        from ayon_gql.schema._settings_snapshot import pull_project_settings

        try:
            with client_from_args(args) as client:
                return pull_project_settings(client.connection, project, server_version=None)
        except AyonError as exc:
            print(f"warning: no addon settings snapshots: {exc}", file=sys.stderr)
            return []

    with generation_warnings_as_lines():
        report = init_project(
            args.project or Path.cwd(),
            args.package,
            schema_file=args.schema,
            fetch_schema=fetch_schema if args.schema is None and server else None,
            url=args.url,
            stock=args.stock,
            openapi_file=args.openapi,
            fetch_openapi=fetch_openapi if args.schema is None and server else None,
            fetch_addon_settings=(fetch_addon_settings if args.schema is None and server else None),
        )
    for path, what in report.created:
        print(f"created    {path}: {what}")
    for path, why in report.kept:
        print(f"left alone {path}: {why}")
    root = report.project.root
    generation = report.generation
    if generation is not None:
        target = _relative(generation.target, root)
        changed = len(generation.changed) + len(generation.added) + len(generation.removed)
        state = f"{changed} files written" if changed else "up to date"
        print(f"generated  {target}: package {report.project.package} ({state})")
        for note in generation.notes:
            print(f"note       {target}: {note}")
        for name in generation.foreign:
            print(f"left alone {target}/{name}: not written by ayon-gql")
    queries = _relative(report.project.queries, root)
    print(
        f"next: add operations to {queries}/, run `ayon-gql generate`, "
        f"then `from {report.project.package} import ...`"
    )
    return 0


def _pull_addons(client: Any, root: Path) -> None:
    """The openapi snapshots of the addons the new project uses (the production
    bundle's, or those its existing ``[tool.ayon-gql] addons`` names)."""
    from ayon_gql._errors import AyonError
    from ayon_gql._project import DEFAULT_ADDONS_DIR, find_project
    from ayon_gql.schema._api_document import pull_addon_snapshots

    try:
        project = find_project(root)
        if project is not None and project.root != root.resolve():
            project = None
        folder = project.addons_folder if project else root.resolve() / DEFAULT_ADDONS_DIR
        version = client.connection.server_version()
        lines = pull_addon_snapshots(client.connection, project, folder, server_version=version)
        for line in lines:
            print(line, file=sys.stderr)
    except AyonError as exc:
        print(f"warning: no addon snapshots: {exc}", file=sys.stderr)


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)
