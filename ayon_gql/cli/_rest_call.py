"""``ayon-gql rest call OPERATION_ID``: any operation of the server or an addon, by its id.

The operation is looked up in the project's openapi snapshots (the server's
and each addon's), or in ``--openapi FILE``; its parameters are checked
against the snapshot before anything is sent, exactly as the generated
methods check them, and the answer is printed as JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ayon_gql._errors import InvalidInputError
from ayon_gql.cli._common import add_connection_options, client_from_args, print_json


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "call",
        help="call any operation of the server or an addon by its operationId",
        description="Call the operation OPERATION_ID of the server's openapi snapshot or an "
        "addon's (the project's, or --openapi FILE). Parameters are given as --param "
        "NAME=VALUE (the server's name or the Python one) and checked against the snapshot "
        "before sending; --body FILE is the JSON body ('-' for standard input). The answer "
        "is printed as JSON; --output FILE streams it to a file instead (downloads).",
    )
    parser.add_argument("operation_id", metavar="OPERATION_ID")
    parser.add_argument(
        "--param",
        "-p",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a path, query or header parameter (repeat for more)",
    )
    parser.add_argument(
        "--body",
        type=Path,
        help="JSON file with the request body ('-': stdin); for an upload, the file to send",
    )
    parser.add_argument(
        "--openapi",
        type=Path,
        action="append",
        help="openapi snapshot(s) or openapi.json to look the operation up in "
        "(default: the project's server and addon snapshots; outside a project, those "
        "of ayon-gql's own generated package)",
    )
    parser.add_argument("--output", "-o", type=Path, help="write the answer to this file")
    add_connection_options(parser)
    parser.set_defaults(handler=_call)


def _documents(files: list[Path] | None) -> dict[str, dict[str, Any]]:
    from ayon_gql._project import find_project
    from ayon_gql.schema._openapi import read_json_document

    if not files:
        project = find_project()
        if project is None:
            files = _stock_snapshots()
        else:
            files = [project.openapi]
            if project.addons_folder.is_dir():
                files += sorted(project.addons_folder.glob("*.openapi.json"))
    documents: dict[str, dict[str, Any]] = {}
    for path in files:
        if not path.is_file():
            raise InvalidInputError(f"no openapi snapshot at {path} (`ayon-gql schema pull`)")
        documents[path.name] = read_json_document(path)
    return documents


def _stock_snapshots() -> list[Path]:
    """Outside a project: the snapshots shipped in ayon-gql's own generated package."""
    from importlib import resources

    try:
        package = resources.files("ayon_gql_generated")
    except ModuleNotFoundError:
        package = None
    if not isinstance(package, Path) or not (package / "openapi.json").is_file():
        raise InvalidInputError(
            "no openapi snapshot: run inside a project with [tool.ayon-gql] or give --openapi"
        )
    return [package / "openapi.json", *sorted((package / "addons").glob("*.openapi.json"))]


def _value(kind: str, text: str, name: str) -> Any:
    try:
        if kind == "integer":
            return int(text)
        if kind == "number":
            return float(text)
    except ValueError:
        article = "an" if kind == "integer" else "a"
        raise InvalidInputError(
            f"--param {name}: expected {article} {kind}, got {text!r}"
        ) from None
    if kind == "boolean":
        if text.lower() not in ("true", "false"):
            raise InvalidInputError(f"--param {name}: expected true or false, got {text!r}")
        return text.lower() == "true"
    if kind == "array":
        return [item for item in text.split(",") if item]
    return text


def _arguments(operation: Any, given: list[str]) -> dict[str, Any]:
    params: Mapping[str, Any] = {p.name: p for p in operation.params} | {
        p.python_name: p for p in operation.params
    }
    arguments: dict[str, Any] = {}
    for item in given:
        name, sep, text = item.partition("=")
        if not sep:
            raise InvalidInputError(f"--param {item!r}: expected NAME=VALUE")
        param = params.get(name)
        if param is None:
            known = ", ".join(p.name for p in operation.params) or "none"
            raise InvalidInputError(
                f"{operation.operation_id} has no parameter {name!r} (parameters: {known})"
            )
        value = _value(param.kind, text, name)
        if param.kind == "array" and param.python_name in arguments:
            value = [*arguments[param.python_name], *value]
        arguments[param.python_name] = value
    return arguments


def _body(path: Path | None) -> Any:
    if path is None:
        return None
    try:
        text = sys.stdin.read() if str(path) == "-" else path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InvalidInputError(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        return json.loads(text)
    except ValueError as exc:
        raise InvalidInputError(f"--body {path}: not valid JSON: {exc}") from None


def _call(args: argparse.Namespace) -> int:
    from ayon_gql._api_groups import ApiGroup
    from ayon_gql._api_operation import operation_call
    from ayon_gql.codegen._rest_operations import untyped_operation

    _source, operation = untyped_operation(_documents(args.openapi), args.operation_id)
    arguments = _arguments(operation, args.param)
    if operation.raw_body:  # an upload: --body FILE is sent as it is
        if args.body is None or str(args.body) == "-":
            raise InvalidInputError(f"{operation.operation_id} uploads a file: give --body FILE")
        body = None
        if not args.body.is_file():
            raise InvalidInputError(f"cannot read {args.body}: no such file")
    else:
        body = _body(args.body)
    operation_call(operation, arguments, body)  # every check, before connecting
    with client_from_args(args) as client:
        group = ApiGroup(client.connection)
        if operation.raw_body:
            answer = group._upload(operation, arguments, args.body, None)
        elif args.output is not None and operation.method == "GET":
            group._download(operation, arguments, args.output, None)
            print(f"wrote {args.output}", file=sys.stderr)
            return 0
        else:
            answer = group._call(operation, arguments, body)
    if isinstance(answer, bytes):
        if args.output is None:
            raise InvalidInputError(
                f"{operation.operation_id} answered {len(answer)} bytes that are not JSON; "
                "give --output FILE"
            )
        args.output.write_bytes(answer)
        return 0
    if args.output is not None:
        args.output.write_text(json.dumps(answer, indent=2) + "\n", encoding="utf-8")
        return 0
    if answer is not None:
        print_json(answer)
    return 0
