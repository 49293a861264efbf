"""The typed result of a generated method against the raw answer to the same text.

The raw side never goes through ayon-gql's code generation: the operation
and the fragments it uses are cut from the ``.graphql`` text with
graphql-core's own ``separate_operations`` and posted as they are.  The
typed side is ``model_dump(by_alias=True, exclude_unset=True)``: a key the
server left out (``@skip``) is unset, not ``None``.
"""

from __future__ import annotations

import copy
import datetime
import enum
import functools
import re
from typing import Any

import httpx
from ariadne_codegen.utils import process_name
from graphql import (
    ArgumentNode,
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    parse,
    print_ast,
)
from graphql.utilities import separate_operations
from pydantic import BaseModel

from ayon_gql.testing import StandInServer

_TYPENAME = "__typename"


@functools.lru_cache(maxsize=2)
def _separated(document: str) -> dict[str, DocumentNode]:
    return separate_operations(parse(document))


def reference_text(document: str, operation: str) -> str:
    """``operation`` and every fragment it uses, cut from ``document`` as written."""
    return print_ast(_separated(document)[operation])


def method_name(operation: str) -> str:
    """The generated method of ``operation`` (ariadne-codegen's own spelling)."""
    return process_name(operation, convert_to_snake_case=True)


def keyword_arguments(variables: dict[str, Any]) -> dict[str, Any]:
    """GraphQL variables as the generated method's keyword arguments."""
    return {process_name(name, convert_to_snake_case=True): v for name, v in variables.items()}


def raw_answer(server: StandInServer, text: str, variables: dict[str, Any]) -> Any:
    """The data the server answers for ``text``; errors fail the test."""
    answer = httpx.post(
        f"{server.url}/graphql",
        json={"query": text, "variables": variables},
        headers={"X-Api-Key": server.api_key},
        timeout=30,
    )
    answer.raise_for_status()
    body = answer.json()
    assert not body.get("errors"), body
    return body["data"]


def differences(typed: Any, raw: Any, path: str = "") -> list[str]:
    """Where ``typed`` (a dump) and ``raw`` (JSON) differ; empty when they agree.

    ``__typename`` the classes asked for on their own is not in the raw answer
    and is ignored there; every other key must match both ways.
    """
    if isinstance(typed, dict) and isinstance(raw, dict):
        found: list[str] = []
        keys = set(typed) | set(raw)
        for key in sorted(keys):
            if key not in raw and key == _TYPENAME:
                continue
            if key not in typed or key not in raw:
                side = "typed" if key not in raw else "raw"
                found.append(f"{path}.{key}: only in the {side} result")
                continue
            found.extend(differences(typed[key], raw[key], f"{path}.{key}"))
        return found
    if isinstance(typed, list) and isinstance(raw, list):
        if len(typed) != len(raw):
            return [f"{path}: {len(typed)} typed items, {len(raw)} raw"]
        return [
            d
            for i, (t, r) in enumerate(zip(typed, raw, strict=True))
            for d in differences(t, r, f"{path}[{i}]")
        ]
    if isinstance(typed, enum.Enum):
        typed = typed.value
    if isinstance(typed, datetime.datetime) and isinstance(raw, str):
        raw = datetime.datetime.fromisoformat(raw.replace("Z", "+00:00"))
    if typed != raw or (type(typed) is bool and type(raw) is not bool):
        return [f"{path}: typed {typed!r}, raw {raw!r}"]
    return []


def typed_differences(result: BaseModel, raw: Any) -> list[str]:
    """Where a typed result and the raw answer differ."""
    return differences(result.model_dump(by_alias=True, exclude_unset=True), raw)


# -- every way a user reads ---------------------------------------------------

#: ``first`` of a nested connection in the reference request: more than any parent has.
RAISED_FIRST = 10000
#: Ids the server does not have, put in the middle of a long id filter.
_UNKNOWN_IDS = tuple(f"{index:032x}" for index in range(2001))


def _inlined(selection_set: SelectionSetNode | None, fragments: dict[str, Any]) -> Any:
    """``selection_set`` with every fragment spread written out as an inline fragment."""
    if selection_set is None:
        return None
    selections: list[Any] = []
    selection: Any
    for selection in selection_set.selections:
        if isinstance(selection, FragmentSpreadNode):
            fragment = fragments[selection.name.value]
            selections.append(
                InlineFragmentNode(
                    type_condition=fragment.type_condition,
                    directives=selection.directives,
                    selection_set=_inlined(fragment.selection_set, fragments),
                )
            )
            continue
        inner = copy.copy(selection)
        inner.selection_set = _inlined(selection.selection_set, fragments)
        selections.append(inner)
    return SelectionSetNode(selections=tuple(selections))


def _raise_first(selection_set: Any, path: tuple[str, ...], raised: set[tuple[str, ...]]) -> None:
    for selection in selection_set.selections if selection_set else ():
        here = path
        if isinstance(selection, FieldNode):
            here = (*path, selection.alias.value if selection.alias else selection.name.value)
            if here in raised:
                selection.arguments = tuple(
                    ArgumentNode(name=a.name, value=IntValueNode(value=str(RAISED_FIRST)))
                    if a.name.value == "first" and isinstance(a.value, IntValueNode)
                    else a
                    for a in selection.arguments or ()
                )
        _raise_first(selection.selection_set, here, raised)


def raised_text(text: str, completed: set[tuple[str, ...]]) -> str:
    """``text`` with the literal ``first`` of every connection at a ``completed`` path raised.

    Fragments are written out inline first, so that a fragment spread at a
    completed and at another path is raised at the completed one only.
    """
    document = parse(text)
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    operation = next(d for d in document.definitions if isinstance(d, OperationDefinitionNode))
    operation = copy.copy(operation)
    operation.selection_set = _inlined(operation.selection_set, fragments)
    _raise_first(operation.selection_set, (), completed)
    return print_ast(operation)


def completed_paths(client_module: Any, method: str) -> set[tuple[str, ...]]:
    """Response-key paths of the nested connections ``method`` completes (its plans)."""
    plans = getattr(client_module, f"_{method.upper()}_NESTED", ())
    return {(*plan["parents"], plan["connection"]) for plan in plans}


_LISTED: dict[tuple[str, str], list[str]] = {}


def long_ids(server: StandInServer, project: str, field: str) -> list[str]:
    """An id filter longer than 2,000 ids holding six of ``field``'s ids out of order:
    the later ones first, then ids the server does not have, then the earlier ones."""
    if (server.url, field) not in _LISTED:
        text = f'{{ project(name: "{project}") {{ {field}(first: 10000) {{ edges {{ node {{ id'
        text += " } } } } }"
        edges = raw_answer(server, text, {})["project"][field]["edges"]
        _LISTED[(server.url, field)] = [edge["node"]["id"] for edge in edges]
    listed = _LISTED[(server.url, field)]
    known = listed[:: max(1, len(listed) // 6)][:6]
    half = len(known) // 2
    return [*known[half:], *_UNKNOWN_IDS, *known[:half]]


def with_long_ids(server: StandInServer, text: str, variables: dict[str, Any]) -> dict[str, Any]:
    """``variables`` with the paged connection's long id filter filled in (see
    ``_random_operations.LONG_IDS``)."""
    from ._random_operations import LONG_IDS, PAGED_KEY

    if variables.get("ids") != LONG_IDS:
        return variables
    paged = re.search(rf"{PAGED_KEY}: (\w+)\(", text)
    assert paged is not None, text
    return {**variables, "ids": long_ids(server, "demo_Commercial", paged.group(1))}
