"""Synchronous base of the generated client.

Copied into the generated package by ariadne-codegen.  It knows nothing about
HTTP: every operation goes through a *transport* (``ayon_gql``'s connection),
so the generated package depends on pydantic only and can be regenerated
without touching the runtime.
"""

import gc
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, Protocol, TypeVar

from pydantic import BaseModel as PydanticBaseModel

from .base_model import UNSET


class SyncTransport(Protocol):
    """What the generated client needs from a connection."""

    def graphql(
        self,
        query: str,
        variables: dict[str, Any] | None = None,
        operation_name: str | None = None,
        **kwargs: Any,
    ) -> dict[str, Any]: ...

    def complete_nested(
        self,
        data: dict[str, Any],
        nested: Sequence[Mapping[str, Any]],
        variables: Mapping[str, Any],
        operation_name: str | None = None,
        **kwargs: Any,
    ) -> dict[str, Any]: ...

    def paginate(
        self,
        fetch_page: Callable[[dict[str, Any]], Any],
        arguments: dict[str, Any],
        *,
        operation_name: str,
        page_size: int | None,
        id_filters: tuple[str, ...],
    ) -> Iterator[Any]: ...


_Model = TypeVar("_Model", bound=PydanticBaseModel)


def parse_result(model: type[_Model], data: dict[str, Any]) -> _Model:
    """Validate an operation's ``data`` into its result model.

    The cyclic garbage collector is paused meanwhile: validation allocates
    many objects and no reference cycles, and on large results the
    collector's repeated passes cost several times the validation itself.
    """
    if not gc.isenabled():
        return model.model_validate(data)
    gc.disable()
    try:
        return model.model_validate(data)
    finally:
        gc.enable()


def serialize_variables(variables: dict[str, Any] | None) -> dict[str, Any]:
    """Drop unset variables and turn input models into plain JSON values."""
    if not variables:
        return {}
    return {key: _serialize_value(value) for key, value in variables.items() if value is not UNSET}


def _serialize_value(value: Any) -> Any:
    if isinstance(value, PydanticBaseModel):
        return value.model_dump(by_alias=True, exclude_unset=True, mode="json")
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_serialize_value(item) for item in value]
    return value


class BaseClient:
    """Runs generated operations through a synchronous transport."""

    def __init__(self, transport: SyncTransport) -> None:
        self._transport = transport

    def execute(
        self,
        query: str,
        variables: dict[str, Any] | None = None,
        operation_name: str | None = None,
        *,
        nested: Sequence[Mapping[str, Any]] = (),
        **kwargs: Any,
    ) -> dict[str, Any]:
        """Run an operation and return its ``data``; errors raise.

        ``nested``: the operation's follow-up plans (generated); nested
        connections with more items are then filled in before returning.
        """
        values = serialize_variables(variables)
        data = self._transport.graphql(query, values, operation_name, **kwargs)
        if nested:
            data = self._transport.complete_nested(data, nested, values, operation_name, **kwargs)
        return data

    def get_data(self, response: dict[str, Any]) -> dict[str, Any]:
        """The transport already returns ``data``; kept for generated methods."""
        return response

    def _parse(self, model: type[_Model], data: dict[str, Any]) -> _Model:
        return parse_result(model, data)

    def _paginate(
        self,
        fetch_page: Callable[[dict[str, Any]], Any],
        arguments: dict[str, Any],
        *,
        operation_name: str,
        page_size: int | None,
        id_filters: tuple[str, ...],
    ) -> Iterator[Any]:
        return self._transport.paginate(
            fetch_page,
            arguments,
            operation_name=operation_name,
            page_size=page_size,
            id_filters=id_filters,
        )
