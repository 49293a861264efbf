"""The REST adapters reached as ``client.rest``: one namespace per concern.

>>> rest = client.rest
>>> rest.installers.list(platform="linux")
>>> rest.bundles.promote("studio_2026_02")
>>> rest.settings.studio("my_addon", "1.0.0", variant="staging")
>>> rest.server_version() >= (1, 16)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ayon_gql.rest._base import AsyncRunner, SyncRunner
from ayon_gql.rest._bundles import AsyncBundles, Bundles
from ayon_gql.rest._info import addons_call, attributes_call, info_call, version_of
from ayon_gql.rest._info_models import Attribute, ServerInfo
from ayon_gql.rest._installers import AsyncInstallers, Installers
from ayon_gql.rest._packages import AsyncDependencyPackages, DependencyPackages
from ayon_gql.rest._server_version import ServerVersion
from ayon_gql.rest._settings import AsyncSettings, Settings
from ayon_gql.rest._settings_models import Addon

if TYPE_CHECKING:
    from ayon_gql._connection import AsyncConnection, Connection

__all__ = ["AsyncRestAPI", "RestAPI"]


class RestAPI(SyncRunner):
    """Typed REST calls over a client's connection (shares its pool and retries).

    ``installers``, ``dependency_packages``, ``bundles`` and ``settings`` group
    the calls by concern; ``info()``, ``server_version()``, ``attributes()``
    and ``addons()`` are here directly.
    """

    def __init__(self, connection: Connection) -> None:
        super().__init__(connection)
        self.installers = Installers(connection)
        self.dependency_packages = DependencyPackages(connection)
        self.bundles = Bundles(connection)
        self.settings = Settings(connection)

    def __repr__(self) -> str:
        return f"RestAPI({self._connection.base_url!r})"

    def info(self, *, full: bool = False) -> ServerInfo:
        """``/api/info``: version, uptime, the calling user, attributes, sites."""
        return self._run(info_call(full))

    def server_version(self) -> ServerVersion:
        """The server's version, comparable (``>= (1, 16)``, ``>= "1.14.4"``)."""
        return version_of(self.info())

    def attributes(self) -> list[Attribute]:
        """The studio's attribute configuration (names, types, scopes, enums)."""
        return self._run(attributes_call())

    def addons(self, *, details: bool = False) -> list[Addon]:
        """Installed addons with their versions and production/staging versions."""
        return self._run(addons_call(details))


class AsyncRestAPI(AsyncRunner):
    """Async twin of :class:`RestAPI`."""

    def __init__(self, connection: AsyncConnection) -> None:
        super().__init__(connection)
        self.installers = AsyncInstallers(connection)
        self.dependency_packages = AsyncDependencyPackages(connection)
        self.bundles = AsyncBundles(connection)
        self.settings = AsyncSettings(connection)

    def __repr__(self) -> str:
        return f"AsyncRestAPI({self._connection.base_url!r})"

    async def info(self, *, full: bool = False) -> ServerInfo:
        """``/api/info``."""
        return await self._run(info_call(full))

    async def server_version(self) -> ServerVersion:
        """The server's version, comparable."""
        return version_of(await self.info())

    async def attributes(self) -> list[Attribute]:
        """The studio's attribute configuration."""
        return await self._run(attributes_call())

    async def addons(self, *, details: bool = False) -> list[Addon]:
        """Installed addons with their versions."""
        return await self._run(addons_call(details))
