"""The asynchronous twin of the generated client class.

ariadne-codegen writes one synchronous class; ``AsyncOperations`` is made
from it, method by method, so the two can never drift apart.
"""

from __future__ import annotations

import ast
import copy

#: The base class of the async twin (``ayon_gql/codegen/templates/async_base_client.py``).
ASYNC_BASE = "AsyncBaseClient"


def make_async_class(sync_class: ast.ClassDef, name: str) -> ast.ClassDef:
    """A copy of ``sync_class`` whose public methods are coroutines awaiting ``execute``."""
    async_class = copy.deepcopy(sync_class)
    async_class.name = name
    async_class.bases = [ast.Name(id=ASYNC_BASE, ctx=ast.Load())]
    body: list[ast.stmt] = []
    for node in async_class.body:
        if isinstance(node, ast.FunctionDef) and not node.name.startswith("_"):
            body.append(_to_async(node))
        else:
            body.append(node)
    async_class.body = body
    return async_class


def import_async_base(module: ast.Module) -> None:
    """``from .async_base_client import AsyncBaseClient``, next to the sync base's import."""
    index = next(
        i
        for i, node in enumerate(module.body)
        if isinstance(node, ast.ImportFrom) and node.module == "base_client"
    )
    module.body.insert(
        index,
        ast.ImportFrom(module="async_base_client", names=[ast.alias(name=ASYNC_BASE)], level=1),
    )


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
