"""``iter_<name>`` methods: every item of an operation's connection, across all pages.

Which connection is paged, and whether paging is sound at all, is decided
once, in :mod:`ayon_gql.schema._relay` (shared with ``check`` and ``query
--all-pages``).  An operation that looks paginated but cannot be paged gets
a :class:`GenerationWarning` naming it and saying why, and no method.

The route from an operation's result to its connection (attribute names,
which steps may be None) and the class of one item are read from the result
classes ariadne-codegen generated, never derived here.
"""

from __future__ import annotations

import ast
import copy
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from graphql import GraphQLSchema, OperationDefinitionNode

from ayon_gql.codegen._document import Documents
from ayon_gql.codegen._result_classes import Annotation, ResultClasses
from ayon_gql.schema._relay import (
    AFTER_VARIABLE,
    FIRST_VARIABLE,
    PAGE_SIZE_PARAMETER,
    RelayConnection,
    iter_method_name,
    iter_method_paging,
)

#: What ``fetch_page`` returns when a parent on the way to the connection is
#: null (or skipped): a page without items.
_NO_PAGE = "_NO_PAGE"
_NO_PAGE_SOURCE = (
    f"{_NO_PAGE} = SimpleNamespace(edges=(), "
    "page_info=SimpleNamespace(has_next_page=False, end_cursor=None))"
)

#: The iterator's own parameter (operations with a variable of that name get no iterator).
_PAGE_SIZE = PAGE_SIZE_PARAMETER


class GenerationWarning(UserWarning):
    """Generation left something out that an operation seems to ask for, and says why."""


@dataclass(frozen=True)
class PagedOperation:
    """An operation that gets an ``iter_*`` method, and its connection."""

    operation_name: str
    method_name: str
    connection: RelayConnection

    @property
    def iter_name(self) -> str:
        return iter_method_name(self.method_name)


@dataclass(frozen=True)
class _Route:
    """How to get from an operation's result to its connection, and what an item is."""

    steps: tuple[tuple[str, bool], ...]  # (attribute, may be None)
    item_type: str
    imports: dict[str, set[str]] = field(default_factory=dict)

    @property
    def may_be_none(self) -> bool:
        return any(optional for _, optional in self.steps)


def _warn(
    operation_name: str, method_name: str, reason: str, where: tuple[Path, int] | None
) -> None:
    """Warn about one operation, at its ``.graphql`` file and line when known."""
    message = f"{operation_name}: no {iter_method_name(method_name)}(): {reason}"
    if where is None:
        warnings.warn(message, GenerationWarning, stacklevel=3)
    else:
        warnings.warn_explicit(message, GenerationWarning, str(where[0]), where[1])


class IterMethods:
    """Decides which operations are paged and adds their ``iter_*`` methods."""

    def __init__(self, schema: GraphQLSchema, documents: Documents, classes: ResultClasses):
        self._schema = schema
        self._documents = documents
        self._classes = classes
        self._planned: dict[str, PagedOperation] = {}
        self._routes: dict[str, _Route] = {}
        self._positions: dict[str, tuple[Path, int] | None] = {}

    @property
    def planned(self) -> list[PagedOperation]:
        """Operations that get an ``iter_*`` method, by method name."""
        return [self._planned[name] for name in sorted(self._planned)]

    def plan(
        self, method_def: ast.FunctionDef | ast.AsyncFunctionDef, operation: OperationDefinitionNode
    ) -> None:
        """Record ``operation`` for an ``iter_*`` method, or warn why it gets none."""
        if operation.name is None:
            return
        name = operation.name.value
        document = self._documents.of(operation)
        where = document.position(operation)
        self._positions[method_def.name] = where
        paging = iter_method_paging(operation, document.fragments, self._schema)
        if paging.problem is not None:
            _warn(name, method_def.name, paging.problem, where)
        elif paging.connection is not None:
            arguments = {arg.arg for arg in method_def.args.args}
            missing = {AFTER_VARIABLE, FIRST_VARIABLE} - arguments
            if missing:
                reason = f"{method_def.name}() has no {sorted(missing)} argument"
                _warn(name, method_def.name, reason, where)
                return
            self._planned[method_def.name] = PagedOperation(
                name, method_def.name, paging.connection
            )

    def resolve(self, client_class: ast.ClassDef) -> None:
        """Find each planned connection in the generated classes; warn where one is missing."""
        methods = {
            node.name: node for node in client_class.body if isinstance(node, ast.FunctionDef)
        }
        for paged in self.planned:
            method = methods.get(paged.method_name)
            route, problem = (
                self._route(paged, method) if method else (None, "no get method was generated")
            )
            if route is None:
                where = self._positions.get(paged.method_name)
                _warn(paged.operation_name, paged.method_name, problem or "unknown", where)
                del self._planned[paged.method_name]
            else:
                self._routes[paged.method_name] = route

    def _route(
        self, paged: PagedOperation, method: ast.FunctionDef
    ) -> tuple[_Route | None, str | None]:
        classes = self._classes
        if method.returns is None:
            return None, f"{method.name}() has no return annotation"
        current = Annotation.of(method.returns)
        steps: list[tuple[str, bool]] = []
        for path_field in paged.connection.path:
            names = current.class_names
            attribute = classes.attribute(path_field)
            shown = ".".join(paged.connection.keys[: len(steps) + 1])
            if len(names) != 1 or current.list_element is not None or attribute is None:
                return None, f"cannot follow {shown} in the generated classes"
            member = classes.member(names[0], attribute)
            if member is None:
                return None, f"the generated class {names[0]} has no attribute {attribute}"
            steps.append((attribute, member.annotation.optional))
            current = member.annotation
        connection = current.class_names
        edges = classes.member(connection[0], "edges") if len(connection) == 1 else None
        edge = edges.annotation.list_element if edges else None
        if edge is None:
            return None, "the generated connection class has no list of edges"
        item = edge
        if paged.connection.edges_have_node:
            edge_classes = edge.class_names
            node = classes.member(edge_classes[0], "node") if len(edge_classes) == 1 else None
            if node is None:
                return None, "the generated edge class has no node"
            item = Annotation(node.annotation.expression, node.annotation.optional or edge.optional)
        imports: dict[str, set[str]] = {}
        for class_name in item.class_names:
            home = classes.home(class_name)
            if home is None:
                return None, f"cannot find the generated class {class_name}"
            imports.setdefault(home, set()).add(class_name)
        return _Route(tuple(steps), item.render(), imports), None

    def add_methods(self, sync_class: ast.ClassDef, async_class: ast.ClassDef) -> None:
        """Append each ``iter_*`` method (a generator, an async iterator) to the two classes."""
        methods = {node.name: node for node in sync_class.body if isinstance(node, ast.FunctionDef)}
        for paged in self.planned:
            route = self._routes.get(paged.method_name)
            method = methods.get(paged.method_name)
            if route is None or method is None:
                continue
            sync_class.body.append(_iter_method(method, paged, route, is_async=False))
            async_class.body.append(_iter_method(method, paged, route, is_async=True))

    def add_imports(self, module: ast.Module, before: ast.stmt) -> None:
        """Imports (and the empty page) the ``iter_*`` methods need, in the client module."""
        if not self._routes:
            return
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
        by_module: dict[str, set[str]] = {}
        for route in self._routes.values():
            for module_name, names in route.imports.items():
                by_module.setdefault(module_name, set()).update(names)
        for module_name, names in sorted(by_module.items()):
            type_checking.body.append(
                ast.ImportFrom(
                    module=module_name,
                    names=[ast.alias(name=name) for name in sorted(names)],
                    level=1,
                )
            )
        if any(route.may_be_none for route in self._routes.values()):
            module.body.insert(
                0,
                ast.ImportFrom(module="types", names=[ast.alias(name="SimpleNamespace")], level=0),
            )
            module.body.insert(module.body.index(before), ast.parse(_NO_PAGE_SOURCE).body[0])


def _fetch_page_source(method_name: str, steps: Iterable[tuple[str, bool]], is_async: bool) -> str:
    """``fetch_page``: one request, and the connection in its result (or an empty page)."""
    call = f"self.{method_name}(**page_arguments, **kwargs)"
    expression = f"(await {call})" if is_async else call
    body: list[str] = []
    temporaries = 0
    for attribute, optional in steps:
        expression = f"{expression}.{attribute}"
        if optional:
            temporaries += 1
            name = f"_step{temporaries}"
            body += [f"{name} = {expression}", f"if {name} is None:", f"    return {_NO_PAGE}"]
            expression = name
    body.append(f"return {expression}")
    prefix = "async def" if is_async else "def"
    lines = [f"{prefix} _fetch_page(page_arguments: dict[str, Any]) -> Any:"]
    lines += [f"    {line}" for line in body]
    return "\n".join(lines)


def _iter_method(
    method: ast.FunctionDef, paged: PagedOperation, route: _Route, *, is_async: bool
) -> ast.FunctionDef:
    """Build ``iter_<name>`` from the ``get_<name>`` method's signature."""
    arguments = [
        arg for arg in method.args.args[1:] if arg.arg not in {FIRST_VARIABLE, AFTER_VARIABLE}
    ]
    names = [arg.arg for arg in arguments]
    iterator = "AsyncIterator" if is_async else "Iterator"
    kind = "an async iterator" if is_async else "a generator"
    fetch = _fetch_page_source(method.name, route.steps, is_async).replace("\n", "\n    ")
    source = (
        f"def {paged.iter_name}(self, {_PAGE_SIZE}: Optional[int] = None, **kwargs: Any)"
        f' -> "{iterator}[{route.item_type}]":\n'
        f'    """Every item of ``{paged.operation_name}`` across all pages, as {kind}.\n\n'
        f"    ``{_PAGE_SIZE}`` sets ``first`` for each request; the items come in the\n"
        f"    server's order.  Other arguments are those of ``{method.name}``.\n"
        '    """\n\n'
        f"    {fetch}\n\n"
        f"    _arguments: dict[str, Any] = {{"
        + ", ".join(f'"{name}": {name}' for name in names)
        + "}\n"
        f"    return self._paginate(_fetch_page, _arguments,"
        f' operation_name="{paged.operation_name}", page_size={_PAGE_SIZE})\n'
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
