"""The GraphQL envelope: the POST an operation becomes, and the ``data`` (or
the errors) its answer holds."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from ayon_gql._errors import AyonError, GraphQLError, GraphQLErrorDetail, GraphQLNotFoundError
from ayon_gql._http import HttpCall
from ayon_gql._validation import check_variables

if TYPE_CHECKING:
    import httpx

__all__ = ["Validator", "graphql_answer", "graphql_call", "graphql_data"]

Validator = Callable[[str, Mapping[str, Any], "str | None"], None]
"""Checks a query and its variables before sending: ``(query, variables, operation_name)``."""


def graphql_call(
    query: str,
    variables: Mapping[str, Any] | None,
    operation_name: str | None,
    options: Mapping[str, Any],
    validator: Validator | None,
) -> HttpCall:
    """Check the variables (and the query, with a validator) and build the POST."""
    values = dict(variables or {})
    check_variables(values, operation=operation_name)
    if validator is not None:
        validator(query, values, operation_name)
    payload: dict[str, Any] = {"query": query, "variables": values}
    if operation_name:
        payload["operationName"] = operation_name
    return HttpCall(
        "POST",
        "/graphql",
        json=payload,
        headers=options.get("headers"),
        timeout=options.get("timeout"),
        idempotent=True,  # AYON's GraphQL API has no mutations
        operation=operation_name,
        project_name=_project_of(values),
    )


def graphql_answer(call: HttpCall, response: httpx.Response) -> dict[str, Any]:
    """The ``data`` of the answer to ``call``, or the error it reports."""
    try:
        body = _decode_json(response.content)
    except ValueError as exc:
        raise AyonError(
            f"the server's answer is not JSON (HTTP {response.status_code})",
            operation=call.operation,
            project_name=call.project_name,
        ) from exc
    return graphql_data(body, operation=call.operation, project_name=call.project_name)


def graphql_data(
    payload: Any, *, operation: str | None, project_name: str | None
) -> dict[str, Any]:
    """``data`` of a GraphQL answer, or the error its ``errors`` describe."""
    if not isinstance(payload, Mapping) or not ("data" in payload or "errors" in payload):
        raise AyonError(
            "the server's answer is not a GraphQL response",
            operation=operation,
            project_name=project_name,
        )
    errors = payload.get("errors")
    if errors:
        details = [GraphQLErrorDetail(entry) for entry in errors if isinstance(entry, Mapping)]
        kind = GraphQLNotFoundError if any(d.status == 404 for d in details) else GraphQLError
        raise kind(
            details, data=payload.get("data"), operation=operation, project_name=project_name
        )
    data = payload.get("data")
    if not isinstance(data, dict):
        raise AyonError("the server sent no data", operation=operation, project_name=project_name)
    return data


def _decode_json(content: bytes) -> Any:
    """Decode a JSON body with pydantic-core's parser (faster than ``json``, and
    already loaded with pydantic); repeated keys and short strings are shared."""
    from pydantic_core import from_json

    return from_json(content, cache_strings=True)


def _project_of(variables: Mapping[str, Any]) -> str | None:
    value = variables.get("projectName")
    return value if isinstance(value, str) else None
