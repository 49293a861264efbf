"""This package's clients: its operations on ayon-gql's connection.

Copied into the generated package by ``ayon-gql generate``.  ``AyonClient``
and ``AsyncAyonClient`` have the constructor, ``from_env``, ``login``,
``as_user``, ``execute``, ``rest``, errors, retries and pagination of
``ayon_gql.AyonClient`` (see ``ayon_gql.client``), with one typed method per
operation of this package; ``validate=True`` checks queries against the
schema snapshot shipped in this package.
"""

from functools import cached_property

from ayon_gql.client import AsyncAyonClientBase, AyonClientBase

from .addons import Addons, AsyncAddons
from .api import AsyncServerApi, ServerApi
from .client import AsyncOperations, Operations

__all__ = ["AsyncAyonClient", "AyonClient"]


class AyonClient(AyonClientBase, Operations):
    """Synchronous AYON client with one typed method per operation of this package."""

    schema_package = __package__
    schema_snapshot = "ayon.graphql"

    @cached_property
    def api(self) -> ServerApi:
        """Every operation of the server's REST API, by tag (``client.api.projects``)."""
        return ServerApi(self.connection)

    @cached_property
    def addons(self) -> Addons:
        """The endpoints of the addons this package was generated for (``client.addons``)."""
        return Addons(self.connection)


class AsyncAyonClient(AsyncAyonClientBase, AsyncOperations):
    """Asynchronous AYON client: the operations of :class:`AyonClient`, as coroutines."""

    schema_package = __package__
    schema_snapshot = "ayon.graphql"

    @cached_property
    def api(self) -> AsyncServerApi:
        """Every operation of the server's REST API, by tag, as coroutines."""
        return AsyncServerApi(self.connection)

    @cached_property
    def addons(self) -> AsyncAddons:
        """The endpoints of the addons this package was generated for, as coroutines."""
        return AsyncAddons(self.connection)
