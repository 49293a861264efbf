"""Models of desktop installers and dependency packages (``/api/desktop/...``)."""

from __future__ import annotations

from pydantic import Field

from ayon_gql.rest._model_base import ChecksumAlgorithm, Platform, RestModel, SourceType

__all__ = ["DependencyPackage", "FileSource", "InstallResponse", "Installer"]


class FileSource(RestModel):
    """One place a file can be downloaded from (``server`` or an ``http`` URL)."""

    type: SourceType
    url: str | None = None


class _DesktopFile(RestModel):
    """Fields shared by installers and dependency packages."""

    filename: str
    platform: Platform
    size: int | None = None
    checksum: str | None = None
    checksum_algorithm: ChecksumAlgorithm | None = None
    sources: list[FileSource] = Field(default_factory=list)
    python_version: str | None = None
    distro_short: str | None = None
    python_modules: dict[str, str | dict[str, str]] = Field(default_factory=dict)


class Installer(_DesktopFile):
    """A desktop launcher installer (``/api/desktop/installers``)."""

    version: str
    runtime_python_modules: dict[str, str] = Field(default_factory=dict)


class DependencyPackage(_DesktopFile):
    """A dependency package of a bundle (``/api/desktop/dependencyPackages``)."""

    installer_version: str
    source_addons: dict[str, str] = Field(default_factory=dict)


class InstallResponse(RestModel):
    """Answer to creating an installer or package: the event tracking it, if any."""

    event_id: str | None = None
