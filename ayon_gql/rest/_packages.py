"""Dependency packages (``/api/desktop/dependencyPackages``): one per platform and bundle."""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING

from ayon_gql.rest._checks import check_enum
from ayon_gql.rest._installer_models import DependencyPackage
from ayon_gql.rest._installers import AsyncFiles, FileCalls, SyncFiles
from ayon_gql.rest._model_base import Platform

if TYPE_CHECKING:
    from ayon_gql._connection import AsyncConnection, Connection

__all__ = ["AsyncDependencyPackages", "DependencyPackages"]

PACKAGES = FileCalls(
    DependencyPackage, "/api/desktop/dependencyPackages", "packages", "dependency package"
)


def _only_platform(
    packages: builtins.list[DependencyPackage], platform: Platform | str | None
) -> builtins.list[DependencyPackage]:
    # The server has no filter for packages, so it is applied here.
    if platform is None:
        return packages
    wanted = check_enum(Platform, platform, "platform")
    return [package for package in packages if package.platform == wanted]


class DependencyPackages(SyncFiles[DependencyPackage]):
    """Dependency packages: upload with ``platform=``, ``installer_version=``,
    ``source_addons=``, ``python_modules=``; download verified like installers."""

    def __init__(self, connection: Connection) -> None:
        super().__init__(connection, PACKAGES)

    def list(self, *, platform: Platform | str | None = None) -> builtins.list[DependencyPackage]:
        """All dependency packages, optionally of one platform."""
        if platform is not None:
            check_enum(Platform, platform, "platform")
        return _only_platform(self._list(), platform)


class AsyncDependencyPackages(AsyncFiles[DependencyPackage]):
    """Async twin of :class:`DependencyPackages`."""

    def __init__(self, connection: AsyncConnection) -> None:
        super().__init__(connection, PACKAGES)

    async def list(
        self, *, platform: Platform | str | None = None
    ) -> builtins.list[DependencyPackage]:
        """All dependency packages, optionally of one platform."""
        if platform is not None:
            check_enum(Platform, platform, "platform")
        return _only_platform(await self._list(), platform)
