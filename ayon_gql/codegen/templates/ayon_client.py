"""This package's clients: its operations on ayon-gql's connection.

Copied into the generated package by ``ayon-gql generate``.  ``AyonClient``
and ``AsyncAyonClient`` have the constructor, ``from_env``, ``login``,
``as_user``, ``execute``, ``rest``, errors, retries and pagination of
``ayon_gql.AyonClient`` (see ``ayon_gql.client``), with one typed method per
operation of this package and typed addon settings (``settings``);
``validate=True`` checks queries against the schema snapshot shipped in
this package.
"""

from typing import TYPE_CHECKING

from ayon_gql.client import AsyncAyonClientBase, AyonClientBase

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


class AsyncAyonClient(AsyncAyonClientBase, AsyncOperations):
    """Asynchronous AYON client: the operations of :class:`AyonClient`, as coroutines."""

    schema_package = __package__
    schema_snapshot = "ayon.graphql"

    @property
    def settings(self) -> "AsyncSettings":
        """Typed addon settings, async: ``await client.settings.<addon>.studio()``."""
        from .settings import AsyncSettings

        return AsyncSettings(self.rest.settings)
