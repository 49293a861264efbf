"""The typed result of a generated method against the raw answer to the same text.

The raw side never goes through ayon-gql's code generation: the operation
and the fragments it uses are cut from the ``.graphql`` text with
graphql-core's own ``separate_operations`` and posted as they are.  The
typed side is ``model_dump(by_alias=True, exclude_unset=True)``: a key the
server left out (``@skip``) is unset, not ``None``.
"""

from __future__ import annotations

import datetime
import enum
from typing import Any

import httpx
from ariadne_codegen.utils import process_name
from graphql import parse, print_ast
from graphql.utilities import separate_operations
from pydantic import BaseModel

from ayon_gql.testing import StandInServer

_TYPENAME = "__typename"


def reference_text(document: str, operation: str) -> str:
    """``operation`` and every fragment it uses, cut from ``document`` as written."""
    return print_ast(separate_operations(parse(document))[operation])


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
