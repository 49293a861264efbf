"""Small rewrites of the generated client class that concern both twins.

* results are validated through the base client's ``_parse`` (collector
  paused, see ``parse_result`` in the base client template);
* each operation's text is one module constant, shared by the sync and the
  async class instead of a copy in each method.
"""

from __future__ import annotations

import ast


def find_class(module: ast.Module, name: str) -> ast.ClassDef:
    """The class called ``name`` in a generated module."""
    return next(
        node for node in module.body if isinstance(node, ast.ClassDef) and node.name == name
    )


def parse_through_base(client_class: ast.ClassDef) -> None:
    """``return X.model_validate(data)`` -> ``return self._parse(X, data)``.

    Runs after ariadne's forward-references plugin, which looks for
    ``model_validate`` to place its imports.
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


def hoist_queries(module: ast.Module, client_class: ast.ClassDef) -> None:
    """Move ``query = gql(...)`` out of each method into a module constant before the class."""
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
    index = module.body.index(client_class)
    module.body[index:index] = constants
