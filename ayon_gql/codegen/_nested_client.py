"""The client-module side of nested completion (called by the plugin).

Adds the ``complete_nested`` keyword and the follow-up plans of
:mod:`._nested` to generated methods, and writes the plans as module
constants a value per line.
"""

from __future__ import annotations

import ast
import pprint
import textwrap
import warnings
from pathlib import Path
from typing import Any

from graphql import GraphQLSchema

from ayon_gql._errors import GenerationError
from ayon_gql.codegen._nested import NestedConnectionWarning, completion_plans

#: The keyword of generated ``get_*`` methods that turns completion off.
_KEYWORD = "complete_nested"


def _query_call(method_def: ast.FunctionDef | ast.AsyncFunctionDef) -> ast.Call | None:
    """The ``gql(...)`` call of ``query = gql(...)`` in a generated method."""
    for statement in method_def.body:
        if (
            isinstance(statement, ast.Assign)
            and isinstance(statement.targets[0], ast.Name)
            and statement.targets[0].id == "query"
            and isinstance(statement.value, ast.Call)
        ):
            return statement.value
    return None


def _operation_text(method_def: ast.FunctionDef | ast.AsyncFunctionDef) -> str | None:
    """The operation text ariadne-codegen put into ``query = gql(...)``."""
    call = _query_call(method_def)
    if call is None or not call.args:
        return None
    argument: Any = call.args[0]
    parts = argument if isinstance(argument, list) else [argument]
    return "".join(
        part.value
        for part in parts
        if isinstance(part, ast.Constant) and isinstance(part.value, str)
    )


def _set_operation_text(method_def: ast.FunctionDef | ast.AsyncFunctionDef, text: str) -> None:
    """Replace the text of ``query = gql(...)`` with ``text``, a string per line as
    ariadne-codegen writes it."""
    call = _query_call(method_def)
    if call is not None:
        lines = [ast.Constant(value=line + "\n") for line in text.splitlines()]
        # ariadne-codegen's own shape: a plain list of constants as the argument.
        call.args = [lines]  # type: ignore[list-item]


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
        sent, plans, problems = completion_plans(text, self.schema)
        if sent != text:
            _set_operation_text(method_def, sent)
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
        """Put placeholders for the plans before the first class of the client module.

        The plans themselves are written into the formatted code by
        :meth:`client_code`: as one expression they would be one long line,
        and ariadne-codegen's formatting of multi-line strings takes time
        that grows steeply with a line's length.
        """
        if not self.plans:
            return
        index = next(i for i, node in enumerate(module.body) if isinstance(node, ast.ClassDef))
        constants = [
            ast.parse(_placeholder(name)).body[0] for name in sorted(self.plans)
        ]
        module.body[index:index] = constants

    def client_code(self, code: str) -> str:
        """The formatted client module with each plan constant written out, a line per value."""
        for name, plans in sorted(self.plans.items()):
            placeholder = _placeholder(name)
            if placeholder not in code:
                raise GenerationError(f"{name}: the nested-completion plans lost their place")
            written = "".join(
                textwrap.indent(pprint.pformat(plan, width=_WIDTH - 4, sort_dicts=False), "    ")
                + ",\n"
                for plan in plans
            )
            code = code.replace(placeholder, f"{_annotated(name)} = (\n{written})", 1)
        return code


#: Line width of the written plans (the generated code's, ruff's default 88 and more).
_WIDTH = 99


def _annotated(name: str) -> str:
    return f"{name}: tuple[dict[str, Any], ...]"


def _placeholder(name: str) -> str:
    return f"{_annotated(name)} = ()"
