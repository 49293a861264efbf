"""ayon-gql: a typed, validated GraphQL client for the AYON pipeline server.

>>> from ayon_gql import AyonClient
>>> with AyonClient("https://ayon.example.com", api_key="...") as client:
...     for version in client.iter_versions("my_project", latest_only=True):
...         print(version.name, version.created_at)

``AyonClient`` and ``AsyncAyonClient`` are the clients of the stock generated
package (``ayon_gql_generated``), imported on first use: the runtime never
imports a generated package at import time, so generated packages can build
on ``ayon_gql.client`` whichever is imported first.
"""

from typing import TYPE_CHECKING, Any

from ayon_gql._connection_settings import ConnectionSettings
from ayon_gql._errors import (
    AuthenticationError,
    AyonError,
    ChecksumMismatchError,
    CommitError,
    CommitOutcomeUnknownError,
    DuplicateEventError,
    GenerationError,
    GraphQLError,
    GraphQLErrorDetail,
    GraphQLNotFoundError,
    HierarchyConflictError,
    HTTPStatusError,
    InvalidInputError,
    NotFoundError,
    PaginationError,
    PermissionDeniedError,
    ProjectConfigError,
    QueryValidationError,
    RequestValidationError,
    SchemaSourceError,
    ServerError,
    SettingsValidationError,
    TransferError,
    TransportError,
    ValidationIssue,
    WriteValidationError,
)
from ayon_gql._operations import UNSET
from ayon_gql._pagination import DEFAULT_PAGE_SIZE
from ayon_gql._version import __version__

if TYPE_CHECKING:
    from ayon_gql_generated import AsyncAyonClient, AyonClient

#: Names served by the stock generated package, imported on first access.
_STOCK_CLIENTS = frozenset({"AsyncAyonClient", "AyonClient"})


def __getattr__(name: str) -> Any:
    """``AyonClient`` / ``AsyncAyonClient``: the stock package's, imported on first use."""
    if name in _STOCK_CLIENTS:
        import ayon_gql_generated

        value = getattr(ayon_gql_generated, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | _STOCK_CLIENTS)


__all__ = [
    "DEFAULT_PAGE_SIZE",
    "UNSET",
    "AsyncAyonClient",
    "AuthenticationError",
    "AyonClient",
    "AyonError",
    "ChecksumMismatchError",
    "CommitError",
    "CommitOutcomeUnknownError",
    "ConnectionSettings",
    "DuplicateEventError",
    "GenerationError",
    "GraphQLError",
    "GraphQLErrorDetail",
    "GraphQLNotFoundError",
    "HTTPStatusError",
    "HierarchyConflictError",
    "InvalidInputError",
    "NotFoundError",
    "PaginationError",
    "PermissionDeniedError",
    "ProjectConfigError",
    "QueryValidationError",
    "RequestValidationError",
    "SchemaSourceError",
    "ServerError",
    "SettingsValidationError",
    "TransferError",
    "TransportError",
    "ValidationIssue",
    "WriteValidationError",
    "__version__",
]
