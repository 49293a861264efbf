"""Optional where GraphQL says optional: variables with defaults, a skipped ``__typename``.

ariadne-codegen 0.19 makes every non-null variable a required parameter, but
GraphQL lets a caller leave out any variable that has a default
(``$projectName: String! = "demo_Commercial"``): the server uses the default.
Such a parameter becomes ``Union[T, UnsetType] = UNSET``; an unset variable
is left out of the request.  ariadne-codegen also types ``__typename`` as its
``Literal`` whatever its directives; under ``@skip``/``@include`` it may be
absent and gets ``Optional`` with a ``None`` default like any other field.
"""

from __future__ import annotations

import ast

from graphql import FieldNode, NonNullTypeNode, VariableDefinitionNode

_UNSET = "UNSET"
_UNSET_TYPE = "UnsetType"


def optional_defaults(
    arguments: ast.arguments, variable_definitions: tuple[VariableDefinitionNode, ...]
) -> ast.arguments:
    """Move required parameters of variables with defaults among the optional ones."""
    required = [d for d in variable_definitions if isinstance(d.type, NonNullTypeNode)]
    first_optional = len(arguments.args) - len(arguments.defaults)
    positional = arguments.args[1:first_optional]  # after self
    if len(positional) != len(required):  # not the shape ariadne-codegen writes
        return arguments
    moved = [arg for arg, d in zip(positional, required, strict=True) if d.default_value]
    if not moved:
        return arguments
    for arg in moved:
        assert arg.annotation is not None
        arg.annotation = ast.Subscript(
            value=ast.Name(id="Union", ctx=ast.Load()),
            slice=ast.Tuple(
                elts=[arg.annotation, ast.Name(id=_UNSET_TYPE, ctx=ast.Load())], ctx=ast.Load()
            ),
            ctx=ast.Load(),
        )
    kept = [arg for arg in positional if arg not in moved]
    optional = arguments.args[first_optional:]
    arguments.args = [arguments.args[0], *kept, *moved, *optional]
    arguments.defaults = [ast.Name(id=_UNSET, ctx=ast.Load()) for _ in [*moved, *optional]]
    return arguments


def optional_typename(implementation: ast.AnnAssign, field: FieldNode) -> ast.AnnAssign:
    """``Optional[Literal[...]] = None`` for a conditional ``__typename``."""
    conditional = any(d.name.value in {"skip", "include"} for d in field.directives or ())
    if field.name.value != "__typename" or not conditional:
        return implementation
    implementation.annotation = ast.Subscript(
        value=ast.Name(id="Optional", ctx=ast.Load()),
        slice=implementation.annotation,
        ctx=ast.Load(),
    )
    value = implementation.value
    if isinstance(value, ast.Call):
        value.keywords = [k for k in value.keywords if k.arg != "default"]
        value.keywords.append(ast.keyword(arg="default", value=ast.Constant(value=None)))
    else:
        implementation.value = ast.Constant(value=None)
    return implementation
