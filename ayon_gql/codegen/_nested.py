"""Follow-up queries that complete nested connections (code generation side).

An operation may select a connection inside the nodes of another one, e.g.
``versions { edges { node { id representations(first: 100) { pageInfo {
hasNextPage endCursor } edges { ... } } } } }``.  The server answers only
the first page of each parent's nested connection.  For every such nested
connection this module writes, at generation time, a *follow-up plan*: a
query that reaches those parents again by id through the same owner object
(``project(name: $projectName) { versions(ids: [$id]) ... }``) and asks the
nested connection ``after:`` that parent's cursor.  AYON's cursors are per
parent, so each parent gets its own aliased copy; the text of one copy is a
template (``__N__`` stands for the parent's index) that the runtime
(:mod:`ayon_gql._nested`) repeats for as many parents as one request takes.

Why not the root connection filtered by parent ids (``project {
representations(versionIds: [...]) }``)?  It exists for some nested
connections only, and it knows no per-parent cursor: it would fetch every
parent's first page again.  Aliased copies work for any nested connection and
ask exactly the missing items.

Which nested connections qualify is decided in ``_nested_find``; the others
get a generation warning (:class:`NestedConnectionWarning`).

graphql-core is used here only: the plan is plain data in the generated
client, and the runtime never imports graphql-core.
"""

from __future__ import annotations

import ast
import copy
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graphql import (
    ArgumentNode,
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLSchema,
    IntValueNode,
    ListValueNode,
    NameNode,
    OperationDefinitionNode,
    SelectionSetNode,
    VariableNode,
    parse,
    print_ast,
    validate,
    visit,
)
from graphql.language import Visitor

from ayon_gql._errors import GenerationError
from ayon_gql._nested import PLACEHOLDER, follow_up_query
from ayon_gql.codegen._nested_find import Finder, Located, field_named

#: The keyword of generated ``get_*`` methods that turns completion off.
_KEYWORD = "complete_nested"


class NestedConnectionWarning(UserWarning):
    """A nested connection that generated code cannot complete."""


@dataclass
class _Names:
    """Variable and alias names of a plan, chosen not to clash with the operation's."""

    used: set[str]
    prefix: str = "nested"

    def __post_init__(self) -> None:
        while any(name.startswith(self.prefix) for name in self.used):
            self.prefix += "_"

    def __call__(self, role: str, per_parent: bool = False) -> str:
        base = f"{self.prefix}{role[:1].upper()}{role[1:]}"
        return base + PLACEHOLDER if per_parent else base


# -- building the follow-up text -----------------------------------------------


def _variable(name: str) -> VariableNode:
    return VariableNode(name=NameNode(value=name))


def _argument(name: str, value: Any) -> ArgumentNode:
    return ArgumentNode(name=NameNode(value=name), value=value)


def _bare(node: FieldNode) -> FieldNode:
    """The field with its arguments and directives, without alias or selection."""
    return FieldNode(
        name=node.name, arguments=node.arguments, directives=node.directives, alias=None
    )


def _selection(*fields: FieldNode) -> SelectionSetNode:
    return SelectionSetNode(selections=tuple(fields))


def _first_of(nested: FieldNode) -> tuple[int | None, str | None]:
    for argument in nested.arguments or ():
        if argument.name.value != "first":
            continue
        if isinstance(argument.value, IntValueNode):
            return int(argument.value.value), None
        if isinstance(argument.value, VariableNode):
            return None, argument.value.name.value
    return None, None


def _used_names(document_part: Any, kind: str) -> list[str]:
    """Variable names (``kind='variable'``) or fragment names used in an AST part."""
    names: list[str] = []

    class _Collect(Visitor):
        def enter_variable(self, node: VariableNode, *_: Any) -> None:
            if kind == "variable" and node.name.value not in names:
                names.append(node.name.value)

        def enter_fragment_spread(self, node: FragmentSpreadNode, *_: Any) -> None:
            if kind == "fragment" and node.name.value not in names:
                names.append(node.name.value)

    visit(document_part, _Collect())
    return names


def _fragments_used(node: Any, fragments: dict[str, FragmentDefinitionNode]) -> list[str]:
    pending, found = _used_names(node, "fragment"), []
    while pending:
        name = pending.pop(0)
        if name in found or name not in fragments:
            continue
        found.append(name)
        pending.extend(_used_names(fragments[name], "fragment"))
    return sorted(found)


def _plan(
    finder: Finder,
    owners: tuple[Located, ...],
    outer: Located,
    node: Located,
    nested: Located,
) -> dict[str, Any]:
    operation = finder.operation
    declared = {d.variable.name.value: d for d in operation.variable_definitions or ()}
    names = _Names(set(declared))
    first_name, id_name, after_name = names("first"), names("id", True), names("after", True)
    alias = names("parent", True)
    kept = [
        argument
        for argument in nested.node.arguments or ()
        if argument.name.value not in {"first", "after"}
    ]
    nested_field = copy.copy(nested.node)
    nested_field.arguments = (
        *kept,
        _argument("first", _variable(first_name)),
        _argument("after", _variable(after_name)),
    )
    parent_field = FieldNode(
        alias=NameNode(value=alias),
        name=outer.node.name,
        arguments=(_argument("ids", ListValueNode(values=(_variable(id_name),))),),
        directives=(),
        selection_set=_selection(
            FieldNode(
                name=NameNode(value="edges"),
                arguments=(),
                directives=(),
                selection_set=_selection(
                    FieldNode(
                        name=NameNode(value="node"),
                        arguments=(),
                        directives=(),
                        selection_set=_selection(
                            FieldNode(name=NameNode(value="id"), arguments=(), directives=()),
                            nested_field,
                        ),
                    )
                ),
            )
        ),
    )
    owner_fields = [_bare(owner.node) for owner in owners]
    used = [
        name for part in (*owner_fields, parent_field) for name in _used_names(part, "variable")
    ]
    kept_variables = [name for name in dict.fromkeys(used) if name in declared]
    fragment_names = _fragments_used(nested_field, finder.fragments)
    operation_name = f"{finder.name}Nested{_class_part(nested.keys[-1])}"
    declarations = [print_ast(declared[name]) for name in kept_variables]
    head = f"query {operation_name}(" + " ".join([*declarations, f"${first_name}: Int!"])
    opening = ") {" + "".join(f" {print_ast(owner)} {{" for owner in owner_fields)
    closing = " }" * (len(owner_fields) + 1)
    fragments_text = "".join("\n\n" + print_ast(finder.fragments[name]) for name in fragment_names)
    first, first_variable = _first_of(nested.node)
    default = declared[first_variable].default_value if first_variable in declared else None
    if isinstance(default, IntValueNode):
        first = int(default.value)  # used when the caller leaves the variable out
    page_info = field_named(finder.children(nested), "pageInfo")
    edges = field_named(finder.children(nested), "edges")
    assert page_info is not None and edges is not None
    page_info_children = finder.children(page_info)
    has_next = field_named(page_info_children, "hasNextPage")
    end_cursor = field_named(page_info_children, "endCursor")
    parent_id = field_named(finder.children(node), "id")
    assert has_next is not None and end_cursor is not None and parent_id is not None
    return {
        "operation": operation_name,
        "parents": node.keys,
        "id": parent_id.keys[-1],
        "connection": nested.keys[-1],
        "edges": edges.keys[-1],
        "page_info": page_info.keys[-1],
        "has_next_page": has_next.keys[-1],
        "end_cursor": end_cursor.keys[-1],
        "first": first,
        "first_variable": first_variable,
        "variables": tuple(kept_variables),
        "head": head,
        "declare": f" ${id_name}: String! ${after_name}: String",
        "open": opening,
        "parent": " " + " ".join(print_ast(parent_field).split()),
        "close": closing + fragments_text,
        "owner": tuple(owner.node.name.value for owner in owners),
        "alias": alias,
        "first_name": first_name,
        "id_name": id_name,
        "after_name": after_name,
    }


def _class_part(name: str) -> str:
    return name[:1].upper() + name[1:]


def nested_plans(
    operation_text: str, schema: GraphQLSchema
) -> tuple[list[dict[str, Any]], list[str]]:
    """Follow-up plans for an operation's nested connections, and warnings.

    ``operation_text`` is the operation with the fragments it uses, as
    ariadne-codegen puts it into the client.  Each plan's text is validated
    against ``schema`` for two parents; a plan that does not validate is
    dropped with a warning rather than generated broken.
    """
    document: DocumentNode = parse(operation_text)
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    plans: list[dict[str, Any]] = []
    problems: list[str] = []
    for operation in operations:
        finder = Finder(operation, fragments, schema)
        finder.run()
        problems.extend(finder.problems)
        seen: set[tuple[str, ...]] = set()
        for owners, outer, node, nested in finder.found:
            if nested.keys in seen:
                continue
            seen.add(nested.keys)
            plan = _plan(finder, owners, outer, node, nested)
            errors = validate(schema, parse(follow_up_query(plan, 2)))
            if errors:
                problems.append(
                    f"{finder.name}: nested connection {'.'.join(nested.keys)} is not completed:"
                    f" its follow-up query does not validate ({errors[0].message})"
                )
                continue
            plans.append(plan)
    return plans, problems


# -- client hooks ----------------------------------------------------------------


def _operation_text(method_def: ast.FunctionDef | ast.AsyncFunctionDef) -> str | None:
    """The operation text ariadne-codegen put into ``query = gql(...)``."""
    for statement in method_def.body:
        if (
            isinstance(statement, ast.Assign)
            and isinstance(statement.targets[0], ast.Name)
            and statement.targets[0].id == "query"
            and isinstance(statement.value, ast.Call)
            and statement.value.args
        ):
            argument: Any = statement.value.args[0]
            parts = argument if isinstance(argument, list) else [argument]
            return "".join(
                part.value
                for part in parts
                if isinstance(part, ast.Constant) and isinstance(part.value, str)
            )
    return None


class NestedCompletion:
    """Adds follow-up plans to generated ``get_*`` methods (called by the plugin).

    Each method whose operation has completable nested connections gains a
    keyword ``complete_nested: bool = True`` and passes its plans to
    ``execute(..., nested=...)``; the plans become module constants
    ``_<METHOD>_NESTED`` next to the operations' text.
    """

    def __init__(self, schema: GraphQLSchema) -> None:
        self.schema = schema
        self.plans: dict[str, list[dict[str, Any]]] = {}

    def client_method(
        self,
        method_def: ast.FunctionDef | ast.AsyncFunctionDef,
        where: tuple[Path, int] | None = None,
    ) -> ast.FunctionDef | ast.AsyncFunctionDef:
        """Add the plans to ``method_def``; warn (at ``where``, the operation's
        ``.graphql`` file and line, when known) about connections it cannot complete."""
        text = _operation_text(method_def)
        if text is None:
            return method_def
        plans, problems = nested_plans(text, self.schema)
        for problem in problems:
            if where is None:
                warnings.warn(problem, NestedConnectionWarning, stacklevel=2)
            else:
                warnings.warn_explicit(problem, NestedConnectionWarning, str(where[0]), where[1])
        if not plans:
            return method_def
        taken = {arg.arg for arg in [*method_def.args.args, *method_def.args.kwonlyargs]}
        if _KEYWORD in taken:
            raise GenerationError(
                f"{method_def.name}: an argument is called {_KEYWORD!r}, the keyword that"
                " completes nested connections; rename the operation's variable"
            )
        constant = f"_{method_def.name.upper()}_NESTED"
        self.plans[constant] = plans
        method_def.args.kwonlyargs.append(
            ast.arg(arg=_KEYWORD, annotation=ast.Name(id="bool", ctx=ast.Load()))
        )
        method_def.args.kw_defaults.append(ast.Constant(value=True))
        for call in ast.walk(method_def):
            if (
                isinstance(call, ast.Call)
                and isinstance(call.func, ast.Attribute)
                and call.func.attr == "execute"
            ):
                choice = ast.parse(f"{constant} if {_KEYWORD} else ()", mode="eval").body
                index = next(
                    (i for i, keyword in enumerate(call.keywords) if keyword.arg is None),
                    len(call.keywords),
                )
                call.keywords.insert(index, ast.keyword(arg="nested", value=choice))
        return method_def

    def add_constants(self, module: ast.Module) -> None:
        """Put the plans before the first class of the client module."""
        if not self.plans:
            return
        index = next(i for i, node in enumerate(module.body) if isinstance(node, ast.ClassDef))
        constants = [
            ast.parse(f"{name}: tuple[dict[str, Any], ...] = {tuple(plans)!r}").body[0]
            for name, plans in sorted(self.plans.items())
        ]
        module.body[index:index] = constants
