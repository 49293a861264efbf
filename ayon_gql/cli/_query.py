"""``ayon-gql query``: run an ad-hoc GraphQL query, validated locally first.

The query is checked against a schema before anything is sent (``--schema``:
SDL, introspection JSON or a server URL; by default the project's snapshot,
else the one bundled with the client): errors come with file, line and
column and graphql-core's "Did you mean ...?" suggestions.  Fragments the
operation spreads are taken from the other ``-f`` files and from the
project's queries folder.  ``--var name=value`` values are typed by the
operation's variable definitions.  ``--all-pages`` follows the operation's
Relay connection, the one a generated ``iter_*`` method would page (the same
rules, :mod:`ayon_gql.schema._relay`), and prints one node per line.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ayon_gql._errors import InvalidInputError
from ayon_gql._pagination import DEFAULT_PAGE_SIZE
from ayon_gql.cli._common import add_connection_options, client_from_args, print_table

if TYPE_CHECKING:
    from graphql import (
        FragmentDefinitionNode,
        GraphQLSchema,
        OperationDefinitionNode,
        Source,
        TypeNode,
    )

    from ayon_gql._connection import Connection
    from ayon_gql._project import ProjectConfig

_TRUE = {"true", "1", "yes", "on"}
_FALSE = {"false", "0", "no", "off"}


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "query",
        help="run a GraphQL query, validated against the schema snapshot first",
        description="Run QUERY (or the operation in the files given with -f). The query is "
        "validated locally before anything is sent. Fragments it spreads come from the -f "
        "files and from the project's queries folder ([tool.ayon-gql]). Output is JSON, or a "
        "table on a terminal or with --table; with --all-pages, one JSON node per line "
        "(NDJSON). Exit status: 0 on success, 1 on any error.",
    )
    parser.add_argument("query", nargs="?", help="the GraphQL document ('-': standard input)")
    parser.add_argument(
        "-f",
        "--file",
        type=Path,
        action="append",
        default=[],
        help="a file with the operation or fragments it uses; repeatable",
    )
    parser.add_argument(
        "--var",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a variable, typed by its definition (Int, Float, Boolean, String; lists as "
        "a,b,c or JSON); repeatable",
    )
    parser.add_argument("--variables", help="all variables as a JSON object")
    parser.add_argument("--operation-name", help="the operation to run in a document with many")
    parser.add_argument(
        "--schema",
        help="schema to validate against: SDL file, introspection JSON or server URL "
        "(default: the project's snapshot, else the one bundled with the client)",
    )
    parser.add_argument(
        "--all-pages",
        action="store_true",
        help="follow the Relay connection that takes $after; print one node per line",
    )
    parser.add_argument(
        "--page-size",
        type=int,
        default=DEFAULT_PAGE_SIZE,
        help=f"$first per page with --all-pages (default: {DEFAULT_PAGE_SIZE}, the library's "
        "iter_* page size)",
    )
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--table", action="store_true", help="print a table")
    output.add_argument("--json", action="store_true", help="print JSON even on a terminal")
    add_connection_options(parser)
    parser.set_defaults(handler=_query)


# -- variables ------------------------------------------------------------------


def _named(type_node: TypeNode) -> tuple[str, bool]:
    """The named type and whether there is a list around it."""
    from graphql import ListTypeNode, NamedTypeNode, NonNullTypeNode

    is_list = False
    while not isinstance(type_node, NamedTypeNode):
        if isinstance(type_node, ListTypeNode):
            is_list = True
        assert isinstance(type_node, (ListTypeNode, NonNullTypeNode))
        type_node = type_node.type
    return type_node.name.value, is_list


def _scalar(name: str, type_name: str, text: str, schema: GraphQLSchema) -> Any:
    from graphql import GraphQLInputObjectType

    try:
        if type_name == "Int":
            return int(text)
        if type_name == "Float":
            return float(text)
    except ValueError:
        raise InvalidInputError(f"--var {name}: {text!r} is not a valid {type_name}") from None
    if type_name == "Boolean":
        lowered = text.lower()
        if lowered in _TRUE | _FALSE:
            return lowered in _TRUE
        raise InvalidInputError(f"--var {name}: {text!r} is not a valid Boolean (true/false)")
    if isinstance(schema.get_type(type_name), GraphQLInputObjectType):
        try:
            return json.loads(text)
        except ValueError:
            raise InvalidInputError(f"--var {name}: {type_name} needs a JSON object") from None
    return text


def parse_var(
    assignment: str, operation: OperationDefinitionNode, schema: GraphQLSchema
) -> tuple[str, Any]:
    """``name=value`` typed by the operation's definition of ``$name``."""
    from graphql.pyutils import did_you_mean, suggestion_list

    name, equals, text = assignment.partition("=")
    name = name.strip().lstrip("$")
    if not equals or not name:
        raise InvalidInputError(f"--var {assignment!r}: expected NAME=VALUE")
    definitions = {d.variable.name.value: d for d in operation.variable_definitions or ()}
    if name not in definitions:
        hint = did_you_mean(["$" + s for s in suggestion_list(name, list(definitions))])
        declared = ", ".join("$" + d for d in definitions) or "none"
        raise InvalidInputError(
            f"--var {name}: the operation declares no ${name} (declared: {declared}).{hint}"
        )
    type_name, is_list = _named(definitions[name].type)
    if not is_list:
        return name, _scalar(name, type_name, text, schema)
    stripped = text.strip()
    if stripped.startswith("["):
        try:
            return name, json.loads(stripped)
        except ValueError:
            raise InvalidInputError(f"--var {name}: invalid JSON list {text!r}") from None
    items = [item.strip() for item in text.split(",")] if stripped else []
    return name, [_scalar(name, type_name, item, schema) for item in items]


def build_variables(
    assignments: Sequence[str],
    variables_json: str | None,
    operation: OperationDefinitionNode,
    schema: GraphQLSchema,
) -> dict[str, Any]:
    """``--variables`` first, then every ``--var`` on top."""
    variables: dict[str, Any] = {}
    if variables_json:
        try:
            loaded = json.loads(variables_json)
        except ValueError as exc:
            raise InvalidInputError(f"--variables is not valid JSON: {exc}") from None
        if not isinstance(loaded, dict):
            raise InvalidInputError("--variables must be a JSON object")
        variables.update(loaded)
    for assignment in assignments:
        name, value = parse_var(assignment, operation, schema)
        variables[name] = value
    return variables


# -- pagination -----------------------------------------------------------------


def connection_path(
    operation: OperationDefinitionNode,
    fragments: Sequence[FragmentDefinitionNode] = (),
    schema: GraphQLSchema | None = None,
) -> tuple[str, ...]:
    """Response keys down to the connection ``--all-pages`` follows.

    The connection generated ``iter_*`` methods page, decided by the same
    rules (:func:`ayon_gql.schema._relay.operation_paging`, with the
    operation's fragments and the schema); an operation those rules refuse
    is an error saying why.
    """
    from ayon_gql.schema._relay import AFTER_VARIABLE, operation_paging

    paging = operation_paging(operation, {f.name.value: f for f in fragments}, schema)
    if paging.connection is not None:
        return paging.connection.keys
    name = operation.name.value if operation.name else "the operation"
    if paging.problem is not None:
        raise InvalidInputError(f"--all-pages: {name} cannot be paged: {paging.problem}")
    raise InvalidInputError(
        f"--all-pages: {name} has no connection to follow: declare `${AFTER_VARIABLE}: String` "
        f"and `$first: Int`, pass them to the list to page (`after: ${AFTER_VARIABLE}`), and "
        "select pageInfo { hasNextPage endCursor }"
    )


def _descend(data: Any, path: Sequence[str]) -> Any:
    for key in path:
        if data is None:
            return None
        if not isinstance(data, Mapping):
            raise InvalidInputError(
                f"--all-pages: {'.'.join(path)} goes through a list; page one parent at a time"
            )
        data = data.get(key)
    return data


class _Edge:
    __slots__ = ("node",)

    def __init__(self, node: Any) -> None:
        self.node = node


class _PageInfo:
    __slots__ = ("end_cursor", "has_next_page")

    def __init__(self, info: Any) -> None:
        info = info if isinstance(info, Mapping) else {}
        self.has_next_page = bool(info.get("hasNextPage"))
        self.end_cursor = info.get("endCursor")


class _Page:
    """A connection of a plain answer, shaped as ``_pagination`` reads generated models."""

    __slots__ = ("edges", "page_info")

    def __init__(self, connection: Any) -> None:
        connection = connection if isinstance(connection, Mapping) else {}
        edges = connection.get("edges") or []
        self.edges = [_Edge(e.get("node", e) if isinstance(e, Mapping) else e) for e in edges]
        self.page_info = _PageInfo(connection.get("pageInfo"))


def iter_pages(
    connection: Connection,
    query: str,
    variables: dict[str, Any],
    operation_name: str | None,
    path: Sequence[str],
    *,
    page_size: int | None,
) -> Iterator[Any]:
    """Every node (or edge, when edges have no ``node``) across all pages, from the first.

    The same paging as the generated ``iter_*`` methods (``_pagination``):
    the exactly-full-last-page quirk, repeated cursors, one page read ahead.
    A ``first`` among the variables sets the page size.
    """
    from ayon_gql._pagination import iter_nodes

    def fetch_page(arguments: dict[str, Any]) -> _Page:
        return _Page(_descend(connection.graphql(query, arguments, operation_name), path))

    first = variables.get("first")
    size = first if isinstance(first, int) and not isinstance(first, bool) else page_size
    return iter_nodes(
        fetch_page,
        dict(variables),
        operation_name=operation_name or "query",
        page_size=size,
    )


# -- output ---------------------------------------------------------------------


def _rows(data: Any) -> list[Any]:
    """The list inside an answer: through single keys, connections' edges/nodes."""
    while isinstance(data, Mapping):
        if isinstance(data.get("edges"), list):
            return [e.get("node", e) if isinstance(e, Mapping) else e for e in data["edges"]]
        if len(data) != 1:
            return [data]
        data = next(iter(data.values()))
    return data if isinstance(data, list) else [data]


def _flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    if isinstance(value, Mapping):
        flat: dict[str, Any] = {}
        for key, item in value.items():
            flat.update(_flatten(item, f"{prefix}{key}."))
        return flat
    if isinstance(value, list):
        return {prefix.rstrip("."): json.dumps(value, default=str)}
    return {prefix.rstrip(".") or "value": value}


def print_rows(rows: Sequence[Any]) -> None:
    """A table with one column per (flattened) key."""
    flat = [_flatten(row) for row in rows]
    headers: list[str] = []
    for row in flat:
        headers += [key for key in row if key not in headers]
    if not headers:
        print("(no rows)")
        return
    print_table([[row.get(h) for h in headers] for row in flat], headers)


# -- the command ----------------------------------------------------------------


def _sources(args: argparse.Namespace) -> list[Source]:
    """The documents given: the QUERY argument (or standard input) or the -f files."""
    from graphql import Source

    if (args.query is None) == (not args.file):
        raise InvalidInputError("give a query or -f FILE (one or more), not both")
    if args.query is not None:
        text: str = args.query
        return [Source(sys.stdin.read(), "<stdin>") if text == "-" else Source(text, "<query>")]
    sources = []
    for path in args.file:
        try:
            sources.append(Source(path.read_text(encoding="utf-8"), str(path)))
        except FileNotFoundError:
            raise InvalidInputError(f"-f {path}: file not found") from None
        except UnicodeDecodeError:
            raise InvalidInputError(f"-f {path}: not UTF-8 text") from None
        except OSError as exc:
            raise InvalidInputError(f"-f {path}: cannot read: {exc.strerror or exc}") from None
    return sources


def _schema(args: argparse.Namespace, project: ProjectConfig | None) -> GraphQLSchema:
    """``--schema`` (any source), else the project's snapshot, else the bundled one."""
    from ayon_gql.schema._source import load_schema
    from ayon_gql.schema._validate import load_local_schema

    if args.schema is not None:
        return load_schema(args.schema, api_key=args.api_key, timeout=args.timeout)
    if project is not None:
        return load_schema(project.schema)
    return load_local_schema()


def _query(args: argparse.Namespace) -> int:
    from ayon_gql._errors import QueryValidationError
    from ayon_gql._project import find_project
    from ayon_gql.schema._document import assemble_operation
    from ayon_gql.schema._validate import check_variable_values

    sources = _sources(args)
    project = find_project()
    schema = _schema(args, project)
    try:
        assembled = assemble_operation(
            sources,
            args.operation_name,
            fragment_folder=project.queries if project and project.queries.is_dir() else None,
            relative_to=project.root if project else None,
        )
        problems = assembled.validation_errors(schema)
        if problems:
            for problem in problems:
                print(problem, file=sys.stderr)
            return 1
        operation = assembled.operation
        source_name = operation.loc.source.name if operation.loc else "<query>"
        if operation.operation.value != "query":
            raise InvalidInputError("only queries can be run (AYON writes go through REST)")
        variables = build_variables(args.var, args.variables, operation, schema)
        path = connection_path(operation, assembled.fragments, schema) if args.all_pages else ()
        declared = {d.variable.name.value for d in operation.variable_definitions or ()}
        page_size = args.page_size if "first" in declared else None
        if args.all_pages and page_size is not None:
            variables.setdefault("first", page_size)
        issues = check_variable_values(schema, operation, variables)
        if issues:
            raise QueryValidationError(issues, source_name=source_name)
    except QueryValidationError as exc:
        where = exc.source_name or "<query>"
        for issue in exc.errors:
            print(f"{where}:{issue}", file=sys.stderr)
        return 1
    name = assembled.name or args.operation_name
    text = assembled.text
    table = args.table or (not args.json and sys.stdout.isatty())
    with client_from_args(args) as client:
        if args.all_pages:
            nodes = iter_pages(client.connection, text, variables, name, path, page_size=page_size)
            if table:
                print_rows(list(nodes))
            else:
                for node in nodes:
                    sys.stdout.write(json.dumps(node, default=str, ensure_ascii=False) + "\n")
            return 0
        data = client.connection.graphql(text, variables, name)
    if table:
        print_rows(_rows(data))
    else:
        json.dump(data, sys.stdout, indent=2, default=str, ensure_ascii=False)
        sys.stdout.write("\n")
    return 0
