"""``ayon-gql check``: are a project's operations safe against a schema?

Inside a project (``[tool.ayon-gql]`` in ``pyproject.toml``) the configured
schema and queries folder are the defaults; ``--schema S --queries DIR``
needs no configuration at all.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ayon_gql._errors import AyonError
from ayon_gql.cli._common import add_connection_options, fail


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "check",
        help="validate the queries against a schema and map breaking changes to operations",
        description="Validate every operation and fragment of the queries folder against "
        "--schema and map each breaking change between --base and --schema to the operations, "
        "fragments, file:line, field path and generated methods it affects. Inside a project "
        "([tool.ayon-gql] in pyproject.toml) both schemas default to its snapshot and the "
        "folder to its queries; elsewhere --queries is needed, --schema defaults to the "
        "bundled snapshot and --base to --schema. Deprecated fields used are warnings (errors "
        "with --strict). The write models are compared too (--base-openapi to --openapi, each "
        "defaulting to a server's /openapi.json, the openapi.json beside its schema or the "
        "project's); their breaking "
        "changes fail the check. --settings DIR compares the addon settings snapshots there "
        "with the project's (--base-settings, default its addons_dir), addon by addon; a "
        "setting removed or retyped or a choice removed fails the check. "
        "--addons DIR compares the addon openapi snapshots there (NAME-VERSION.openapi.json) "
        "with the project's (--base-addons, default its addons_dir), addon by addon; with a "
        "server URL as --schema they are compared with the openapi.json of the addon versions "
        "its production bundle runs (an addon it dropped loses every operation). An addon "
        "operation removed or changed fails the check, as the server's REST changes do. "
        "Exit status: 0 when safe, 1 when an operation or fragment fails, "
        "2 when a schema or the queries cannot be read (or there are none).",
    )
    parser.add_argument(
        "--schema", help="the new schema: SDL file, introspection JSON or server URL"
    )
    parser.add_argument(
        "--base",
        help="the schema the operations were written for (default: the project's snapshot)",
    )
    parser.add_argument(
        "--queries",
        type=Path,
        help="folder (or file) of operations and fragments (default: configured)",
    )
    parser.add_argument(
        "--project", type=Path, help="project folder with [tool.ayon-gql] (default: search upwards)"
    )
    parser.add_argument(
        "--openapi",
        type=Path,
        help="the new openapi snapshot, for the write models (default: beside --schema)",
    )
    parser.add_argument(
        "--base-openapi",
        type=Path,
        help="the openapi snapshot the code was written for (default: the project's)",
    )
    parser.add_argument(
        "--settings",
        type=Path,
        help="folder of newer addon settings snapshots (NAME-VERSION.settings.json) to compare",
    )
    parser.add_argument(
        "--base-settings",
        type=Path,
        help="folder of the settings snapshots the code was written for (default: the project's)",
    )
    parser.add_argument(
        "--addons",
        type=Path,
        help="folder of newer addon openapi snapshots (NAME-VERSION.openapi.json) to compare",
    )
    parser.add_argument(
        "--base-addons",
        type=Path,
        help="folder of the addon openapi snapshots the code was written for "
        "(default: the project's)",
    )
    parser.add_argument("--strict", action="store_true", help="deprecated fields are errors")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    add_connection_options(parser)
    parser.set_defaults(handler=_check)


def _source(value: str | None) -> str | Path | None:
    from ayon_gql.schema._diff import is_url

    if value is None or is_url(value):
        return value
    return Path(value)


def _server_write_models(url: str, args: argparse.Namespace) -> Any:
    """A server's write-model snapshot, or None with a warning line when it has none."""
    from ayon_gql.schema._openapi import load_write_models

    try:
        return load_write_models(url, api_key=args.api_key, timeout=args.timeout)
    except AyonError as exc:
        print(f"warning: write models not compared: {exc}", file=sys.stderr)
        return None


def _add_settings_changes(report: Any, args: argparse.Namespace) -> None:
    """File the settings changes from the base snapshots to ``--settings`` in ``report``."""
    from ayon_gql._errors import ProjectConfigError
    from ayon_gql._project import find_project
    from ayon_gql.schema._settings_diff import diff_settings_folders

    base = args.base_settings
    if base is None:
        project = find_project(args.project)
        if project is None:
            raise ProjectConfigError("--settings needs --base-settings outside a project")
        base = project.addons_folder
    lists = {"breaking": report.settings_breaking, "dangerous": report.settings_dangerous}
    for change in diff_settings_folders(base, args.settings):
        if change.severity in lists:
            lists[change.severity].append(change)


def _project_addons(args: argparse.Namespace, given: Path | None) -> Path | None:
    """``given``, else the project's addons folder (None outside a project)."""
    from ayon_gql._project import find_project

    if given is not None:
        return given
    project = find_project(args.project)
    if project is None:
        return None
    return project.addons_folder


def _add_addon_changes(report: Any, args: argparse.Namespace, server: str | None) -> None:
    """File the addon REST changes (``--addons`` folder, or the server's bundle) in ``report``."""
    from ayon_gql._errors import ProjectConfigError
    from ayon_gql.schema._addon_rest_diff import diff_addon_folders, diff_addons_with_server

    base = _project_addons(args, args.base_addons)
    if args.addons is not None:
        if base is None:
            raise ProjectConfigError("--addons needs --base-addons outside a project")
        changes = diff_addon_folders(base, args.addons)
    elif server is not None and base is not None:
        from ayon_gql._connection import Connection
        from ayon_gql._connection_settings import ConnectionSettings

        connection = Connection(
            ConnectionSettings.from_env(base_url=server, api_key=args.api_key, timeout=args.timeout)
        )
        try:
            changes = diff_addons_with_server(base, connection)
        except AyonError as exc:
            print(f"warning: addon operations not compared: {exc}", file=sys.stderr)
            return
        finally:
            connection.close()
    else:
        return
    lists = {"breaking": report.rest_breaking, "dangerous": report.rest_dangerous}
    for change in changes:
        if change.severity in lists:
            lists[change.severity].append(change)


def _check(args: argparse.Namespace) -> int:
    from graphql import GraphQLSchema

    from ayon_gql.cli._common import print_json
    from ayon_gql.schema import check_operations, load_schema

    schemas: list[GraphQLSchema | str | Path | None] = []
    # A server's write models come with its schema, from its /openapi.json.
    openapi: list[Any] = [args.openapi, args.base_openapi]
    try:
        for index, value in enumerate((args.schema, args.base)):
            source = _source(value)
            if isinstance(source, str):  # a URL: introspect once, with our options
                schemas.append(load_schema(source, api_key=args.api_key, timeout=args.timeout))
                if openapi[index] is None:
                    openapi[index] = _server_write_models(source, args)
            else:
                schemas.append(source)
        report = check_operations(
            schemas[0],
            base_schema=schemas[1],
            queries_path=args.queries,
            project_root=args.project,
            strict=args.strict,
            openapi=openapi[0],
            base_openapi=openapi[1],
        )
        if args.settings is not None:
            _add_settings_changes(report, args)
        server = args.schema if isinstance(_source(args.schema), str) else None
        _add_addon_changes(report, args, server)
    except AyonError as exc:  # a schema or the queries cannot be read, a bad configuration
        return fail(exc, status=2)
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
