"""ariadne-codegen plugin that shapes the generated AYON client.

ariadne-codegen writes one synchronous client class.  This plugin adds what
the AYON client needs on top of it, so nothing generated is edited by hand:

* an asynchronous twin of the client class (``AsyncOperations``), made from
  the synchronous one so the two can never drift apart;
* ``iter_<name>`` methods for every operation that returns a Relay connection
  and takes an ``$after`` variable: a generator (sync) and an async iterator
  (async) that yield typed nodes across all pages;
* ``<field>_decoded`` properties on result models for String fields that the
  server fills with JSON text (``data``, ``allAttrib``, ``config`` ...), so the
  raw text stays available and the decoded value is one attribute away;
* follow-up plans that complete nested connections (``_nested``): ``get_*``
  methods of operations that have them pass them to ``execute``.
"""

from __future__ import annotations

import ast
import copy
from dataclasses import dataclass
from typing import Any

from ariadne_codegen.plugins.base import Plugin
from ariadne_codegen.utils import str_to_snake_case
from graphql import ExecutableDefinitionNode, FragmentDefinitionNode, OperationDefinitionNode

from ayon_gql.codegen._nested import NestedCompletion
from ayon_gql.schema._relay import paginated_connection, response_key, selected_field

SYNC_CLASS = "Operations"
ASYNC_CLASS = "AsyncOperations"
ASYNC_BASE = "AsyncBaseClient"

#: String fields that AYON fills with JSON text.
JSON_TEXT_FIELDS = frozenset(
    {"data", "all_attrib", "config", "activity_data", "access_groups", "context", "traits"}
)

#: Arguments that are lists of entity ids; long ones are split into chunks.
_ID_LIST_SUFFIX = "ids"


@dataclass(frozen=True)
class _Connection:
    """Where the paginated connection sits in an operation's result.

    ``path`` leads from the result to the connection (snake_case attribute
    names); ``node_class`` is what one item is: the edge's ``node``, or the
    edge itself for connections whose edges carry the data (project links).
    """

    operation_name: str
    path: tuple[str, ...]
    node_class: str
    node_module: str


def _class_part(name: str) -> str:
    return name[:1].upper() + name[1:]


class AyonPlugin(Plugin):
    """Adds the async client, ``iter_*`` methods and decoded JSON text properties."""

    def __init__(self, schema: Any, config_dict: dict[str, Any]) -> None:
        super().__init__(schema, config_dict)
        self._connections: dict[str, _Connection] = {}
        self._nested = NestedCompletion(schema)

    # -- client -----------------------------------------------------------

    def generate_client_method(
        self,
        method_def: ast.FunctionDef | ast.AsyncFunctionDef,
        operation_definition: OperationDefinitionNode,
    ) -> ast.FunctionDef | ast.AsyncFunctionDef:
        method_def = self._nested.client_method(method_def)
        fields = paginated_connection(operation_definition)
        if fields is None or operation_definition.name is None:
            return method_def
        operation_name = operation_definition.name.value
        keys = tuple(response_key(field) for field in fields)
        edges = selected_field(fields[-1].selection_set, "edges")
        assert edges is not None
        if selected_field(edges.selection_set, "node") is None:
            # Connections whose edges carry the data themselves (project links).
            node_class = operation_name + "".join(_class_part(k) for k in keys) + "Edges"
        else:
            node_class = operation_name + "".join(_class_part(k) for k in keys) + "EdgesNode"
        self._connections[method_def.name] = _Connection(
            operation_name=operation_name,
            path=tuple(str_to_snake_case(key) for key in keys),
            node_class=node_class,
            node_module=str_to_snake_case(operation_name),
        )
        return method_def

    def generate_client_module(self, module: ast.Module) -> ast.Module:
        sync_class = next(
            node
            for node in module.body
            if isinstance(node, ast.ClassDef) and node.name == SYNC_CLASS
        )
        _parse_through_base(sync_class)
        # One copy of each operation's text, shared by both client classes.
        module.body[module.body.index(sync_class) : module.body.index(sync_class)] = _hoist_queries(
            sync_class
        )
        self._nested.add_constants(module)
        async_class = self._make_async_class(sync_class)
        for name, connection in sorted(self._connections.items()):
            method = next(
                node
                for node in sync_class.body
                if isinstance(node, ast.FunctionDef) and node.name == name
            )
            sync_class.body.append(self._iter_method(method, connection, is_async=False))
            async_class.body.append(self._iter_method(method, connection, is_async=True))
        module.body.append(async_class)
        self._add_client_imports(module)
        return ast.fix_missing_locations(module)

    def generate_init_import(self, import_: ast.ImportFrom) -> ast.ImportFrom:
        if import_.module == "client" and any(a.name == SYNC_CLASS for a in import_.names):
            import_.names.append(ast.alias(name=ASYNC_CLASS))
        return import_

    def _make_async_class(self, sync_class: ast.ClassDef) -> ast.ClassDef:
        async_class = copy.deepcopy(sync_class)
        async_class.name = ASYNC_CLASS
        async_class.bases = [ast.Name(id=ASYNC_BASE, ctx=ast.Load())]
        body: list[ast.stmt] = []
        for node in async_class.body:
            if isinstance(node, ast.FunctionDef) and not node.name.startswith("_"):
                body.append(_to_async(node))
            else:
                body.append(node)
        async_class.body = body
        return async_class

    def _iter_method(
        self, method: ast.FunctionDef, connection: _Connection, *, is_async: bool
    ) -> ast.FunctionDef:
        """Build ``iter_<name>`` from the ``get_<name>`` method's signature."""
        public = method.name.removeprefix("get_")
        arguments = [arg for arg in method.args.args[1:] if arg.arg not in {"first", "after"}]
        names = [arg.arg for arg in arguments]
        id_filters = tuple(n for n in names if n == "ids" or n.endswith("_" + _ID_LIST_SUFFIX))
        attribute_path = "".join(f".{key}" for key in connection.path)
        iterator = "AsyncIterator" if is_async else "Iterator"
        call = f"self.{method.name}(**arguments, **kwargs)"
        fetch = (
            f"async def fetch_page(arguments: dict[str, Any]) -> Any:\n"
            f"        return (await {call}){attribute_path}\n"
            if is_async
            else f"def fetch_page(arguments: dict[str, Any]) -> Any:\n"
            f"        return {call}{attribute_path}\n"
        )
        kind = "an async iterator" if is_async else "a generator"
        source = (
            f"def iter_{public}(self, page_size: Optional[int] = None, **kwargs: Any)"
            f' -> "{iterator}[{connection.node_class}]":\n'
            f'    """Every item of ``{connection.operation_name}`` across all pages, as {kind}.\n\n'
            f"    ``page_size`` sets ``first`` for each request; long id filters are\n"
            f'    split into chunks.  Other arguments are those of ``{method.name}``.\n    """\n\n'
            f"    {fetch}\n"
            f"    arguments: dict[str, Any] = {{"
            + ", ".join(f'"{name}": {name}' for name in names)
            + "}\n"
            f"    return self._paginate(fetch_page, arguments,"
            f' operation_name="{connection.operation_name}", page_size=page_size,'
            f" id_filters={id_filters!r})\n"
        )
        function = ast.parse(source).body[0]
        assert isinstance(function, ast.FunctionDef)
        # Keep the exact annotations and defaults of the get_ method.
        positional = [copy.deepcopy(arg) for arg in arguments]
        missing = len(method.args.args) - len(method.args.defaults)
        defaults_all: list[ast.expr | None] = [None] * missing + list(method.args.defaults)
        by_name = dict(zip((a.arg for a in method.args.args), defaults_all, strict=True))
        defaults: list[ast.expr] = [
            copy.deepcopy(default)
            for default in (by_name[a.arg] for a in positional)
            if default is not None
        ]
        function.args.args = [function.args.args[0], *positional, function.args.args[1]]
        function.args.defaults = [*defaults, *function.args.defaults]
        return function

    def _add_client_imports(self, module: ast.Module) -> None:
        node_imports: dict[str, list[str]] = {}
        for connection in self._connections.values():
            node_imports.setdefault(connection.node_module, []).append(connection.node_class)
        type_checking = next(
            node
            for node in module.body
            if isinstance(node, ast.If)
            and isinstance(node.test, ast.Name)
            and node.test.id == "TYPE_CHECKING"
        )
        type_checking.body.append(
            ast.ImportFrom(
                module="collections.abc",
                names=[ast.alias(name="AsyncIterator"), ast.alias(name="Iterator")],
                level=0,
            )
        )
        for module_name, classes in sorted(node_imports.items()):
            type_checking.body.append(
                ast.ImportFrom(
                    module=module_name,
                    names=[ast.alias(name=name) for name in sorted(set(classes))],
                    level=1,
                )
            )
        index = next(
            i
            for i, node in enumerate(module.body)
            if isinstance(node, ast.ImportFrom) and node.module == "base_client"
        )
        module.body.insert(
            index,
            ast.ImportFrom(module="async_base_client", names=[ast.alias(name=ASYNC_BASE)], level=1),
        )

    # -- result models ----------------------------------------------------

    def generate_result_types_module(
        self, module: ast.Module, operation_definition: ExecutableDefinitionNode
    ) -> ast.Module:
        return _add_decoded_properties(module)

    def generate_fragments_module(
        self,
        module: ast.Module,
        fragments_definitions: dict[str, FragmentDefinitionNode] | None = None,
    ) -> ast.Module:
        return _add_decoded_properties(module)


def _parse_through_base(client_class: ast.ClassDef) -> None:
    """``return X.model_validate(data)`` -> ``return self._parse(X, data)``.

    The base client's ``_parse`` validates with the garbage collector paused
    (see ``parse_result``).  Runs after ariadne's forward-references plugin,
    which looks for ``model_validate`` to place its imports.
    """
    for method in client_class.body:
        if not isinstance(method, ast.FunctionDef):
            continue
        for statement in method.body:
            if not isinstance(statement, ast.Return):
                continue
            value = statement.value
            if (
                isinstance(value, ast.Call)
                and isinstance(value.func, ast.Attribute)
                and value.func.attr == "model_validate"
            ):
                statement.value = ast.Call(
                    func=ast.Attribute(
                        value=ast.Name(id="self", ctx=ast.Load()), attr="_parse", ctx=ast.Load()
                    ),
                    args=[value.func.value, *value.args],
                    keywords=[],
                )


def _hoist_queries(client_class: ast.ClassDef) -> list[ast.stmt]:
    """Move ``query = gql(...)`` out of each method into a module constant."""
    constants: list[ast.stmt] = []
    for method in client_class.body:
        if not isinstance(method, ast.FunctionDef):
            continue
        for statement in method.body:
            if (
                isinstance(statement, ast.Assign)
                and len(statement.targets) == 1
                and isinstance(statement.targets[0], ast.Name)
                and statement.targets[0].id == "query"
                and isinstance(statement.value, ast.Call)
            ):
                name = f"_{method.name.upper()}_QUERY"
                constants.append(
                    ast.Assign(
                        targets=[ast.Name(id=name, ctx=ast.Store())],
                        value=statement.value,
                        lineno=0,
                    )
                )
                statement.value = ast.Name(id=name, ctx=ast.Load())
    return constants


def _to_async(method: ast.FunctionDef) -> ast.AsyncFunctionDef:
    """Turn a generated ``get_*`` method into a coroutine awaiting ``execute``."""

    class _AwaitExecute(ast.NodeTransformer):
        def visit_Call(self, node: ast.Call) -> ast.AST:
            self.generic_visit(node)
            func = node.func
            if (
                isinstance(func, ast.Attribute)
                and func.attr == "execute"
                and isinstance(func.value, ast.Name)
                and func.value.id == "self"
            ):
                return ast.Await(value=node)
            return node

    transformed = _AwaitExecute().visit(copy.deepcopy(method))
    assert isinstance(transformed, ast.FunctionDef)
    # Same fields on every Python version (``type_params`` only exists on 3.12+).
    async_def = ast.AsyncFunctionDef(
        **{name: getattr(transformed, name) for name in transformed._fields}
    )
    return ast.copy_location(async_def, transformed)


def _is_str_annotation(annotation: ast.expr | None) -> bool:
    text = ast.unparse(annotation) if annotation is not None else ""
    return text in {"str", "Optional[str]", "str | None"}


def _add_decoded_properties(module: ast.Module) -> ast.Module:
    """Add ``<field>_decoded`` to models whose JSON text fields are selected."""
    changed = False
    for node in module.body:
        if not isinstance(node, ast.ClassDef):
            continue
        for statement in list(node.body):
            if (
                isinstance(statement, ast.AnnAssign)
                and isinstance(statement.target, ast.Name)
                and statement.target.id in JSON_TEXT_FIELDS
                and _is_str_annotation(statement.annotation)
            ):
                field = statement.target.id
                source = (
                    "@cached_property\n"
                    f"def {field}_decoded(self) -> Any:\n"
                    f'    """``{field}`` decoded from the JSON text the server sends (None stays'
                    ' None)."""\n'
                    f"    return None if self.{field} is None else json.loads(self.{field})\n"
                )
                node.body.append(ast.parse(source).body[0])
                if len(node.body) > 1 and isinstance(node.body[0], ast.Pass):
                    node.body.pop(0)
                changed = True
    if changed:
        module.body[0:0] = [
            ast.Import(names=[ast.alias(name="json")]),
            ast.ImportFrom(module="functools", names=[ast.alias(name="cached_property")], level=0),
            ast.ImportFrom(module="typing", names=[ast.alias(name="Any")], level=0),
        ]
    return ast.fix_missing_locations(module)
