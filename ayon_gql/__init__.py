"""ayon-gql: a typed, validated GraphQL client for the AYON pipeline server.

>>> from ayon_gql import AyonClient
>>> with AyonClient("https://ayon.example.com", api_key="...") as client:
...     for version in client.iter_versions("my_project", latest_only=True):
...         print(version.name, version.created_at)
"""

from ayon_gql._client import AsyncAyonClient, AyonClient
from ayon_gql._connection import ConnectionSettings
from ayon_gql._errors import (
    AuthenticationError,
    AyonError,
    ChecksumMismatchError,
    GenerationError,
    GraphQLError,
    GraphQLErrorDetail,
    GraphQLNotFoundError,
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
    TransferError,
    TransportError,
    ValidationIssue,
)
from ayon_gql._pagination import DEFAULT_PAGE_SIZE
from ayon_gql._version import __version__

__all__ = [
    "DEFAULT_PAGE_SIZE",
    "AsyncAyonClient",
    "AuthenticationError",
    "AyonClient",
    "AyonError",
    "ChecksumMismatchError",
    "ConnectionSettings",
    "GenerationError",
    "GraphQLError",
    "GraphQLErrorDetail",
    "GraphQLNotFoundError",
    "HTTPStatusError",
    "InvalidInputError",
    "NotFoundError",
    "PaginationError",
    "PermissionDeniedError",
    "ProjectConfigError",
    "QueryValidationError",
    "RequestValidationError",
    "SchemaSourceError",
    "ServerError",
    "TransferError",
    "TransportError",
    "ValidationIssue",
    "__version__",
]
