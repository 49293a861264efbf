"""This package's clients: its operations on ayon-gql's connection.

Copied into the generated package by ``ayon-gql generate``.  ``AyonClient``
and ``AsyncAyonClient`` have the constructor, ``from_env``, ``login``,
``as_user``, ``execute``, ``rest``, errors, retries and pagination of
``ayon_gql.AyonClient`` (see ``ayon_gql.client``), with one typed method per
operation of this package; ``validate=True`` checks queries against the
schema snapshot shipped in this package.
"""

from ayon_gql.client import AsyncAyonClientBase, AyonClientBase

from .client import AsyncOperations, Operations

__all__ = ["AsyncAyonClient", "AyonClient"]


class AyonClient(AyonClientBase, Operations):
    """Synchronous AYON client with one typed method per operation of this package."""

    schema_package = __package__
    schema_snapshot = "ayon.graphql"


class AsyncAyonClient(AsyncAyonClientBase, AsyncOperations):
    """Asynchronous AYON client: the operations of :class:`AyonClient`, as coroutines."""

    schema_package = __package__
    schema_snapshot = "ayon.graphql"
