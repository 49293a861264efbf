"""This package's clients: its operations on ayon-gql's connection.

Copied into the generated package by ``ayon-gql generate``.  ``AyonClient``
and ``AsyncAyonClient`` have the constructor, ``from_env``, ``login``,
``as_user``, ``execute``, ``rest``, errors, retries and pagination of
``ayon_gql.AyonClient`` (see ``ayon_gql.client``), with one typed method per
operation of this package and typed addon settings (``settings``);
``validate=True`` checks queries against the schema snapshot shipped in
this package.
"""

from functools import cached_property
from typing import TYPE_CHECKING

from ayon_gql.client import AsyncAyonClientBase, AyonClientBase

from .addons import Addons, AsyncAddons
from .api import AsyncServerApi, ServerApi
from .client import AsyncOperations, Operations

if TYPE_CHECKING:  # imported when first used: settings models load on demand
    from .settings import AsyncSettings, Settings

__all__ = ["AsyncAyonClient", "AyonClient"]


class AyonClient(AyonClientBase, Operations):
    """Synchronous AYON client with one typed method per operation of this package."""

    schema_package = __package__
    schema_snapshot = "ayon.graphql"

    @property
    def settings(self) -> "Settings":
        """Typed addon settings: ``client.settings.<addon>.studio()``, ``.project(name)``,
        ``.update_studio(...)``; ``client.settings.all()`` for a whole bundle."""
        from .settings import Settings

        return Settings(self.rest.settings)

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

    @property
    def settings(self) -> "AsyncSettings":
        """Typed addon settings, async: ``await client.settings.<addon>.studio()``."""
        from .settings import AsyncSettings

        return AsyncSettings(self.rest.settings)

    @cached_property
    def api(self) -> AsyncServerApi:
        """Every operation of the server's REST API, by tag, as coroutines."""
        return AsyncServerApi(self.connection)

    @cached_property
    def addons(self) -> AsyncAddons:
        """The endpoints of the addons this package was generated for, as coroutines."""
        return AsyncAddons(self.connection)
