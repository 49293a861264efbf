"""Asynchronous base of the generated client.

Copied into the generated package by ariadne-codegen; see ``base_client``.
"""

from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence
from typing import Any, Protocol, TypeVar

from pydantic import BaseModel as PydanticBaseModel

from .base_client import parse_result, serialize_variables

_Model = TypeVar("_Model", bound=PydanticBaseModel)


class AsyncTransport(Protocol):
    """What the generated async client needs from a connection."""

    async def graphql(
        self,
        query: str,
        variables: dict[str, Any] | None = None,
        operation_name: str | None = None,
        **kwargs: Any,
    ) -> dict[str, Any]: ...

    async def complete_nested(
        self,
        data: dict[str, Any],
        nested: Sequence[Mapping[str, Any]],
        variables: Mapping[str, Any],
        operation_name: str | None = None,
        **kwargs: Any,
    ) -> dict[str, Any]: ...

    def paginate(
        self,
        fetch_page: Callable[[dict[str, Any]], Awaitable[Any]],
        arguments: dict[str, Any],
        *,
        operation_name: str,
        page_size: int | None,
        id_filters: tuple[str, ...],
    ) -> AsyncIterator[Any]: ...


class AsyncBaseClient:
    """Runs generated operations through an asynchronous transport."""

    def __init__(self, transport: AsyncTransport) -> None:
        self._transport = transport

    async def execute(
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
        data = await self._transport.graphql(query, values, operation_name, **kwargs)
        if nested:
            data = await self._transport.complete_nested(
                data, nested, values, operation_name, **kwargs
            )
        return data

    def get_data(self, response: dict[str, Any]) -> dict[str, Any]:
        """The transport already returns ``data``; kept for generated methods."""
        return response

    def _parse(self, model: type[_Model], data: dict[str, Any]) -> _Model:
        return parse_result(model, data)

    def _paginate(
        self,
        fetch_page: Callable[[dict[str, Any]], Awaitable[Any]],
        arguments: dict[str, Any],
        *,
        operation_name: str,
        page_size: int | None,
        id_filters: tuple[str, ...],
    ) -> AsyncIterator[Any]:
        return self._transport.paginate(
            fetch_page,
            arguments,
            operation_name=operation_name,
            page_size=page_size,
            id_filters=id_filters,
        )
