"""Typed REST adapters for the AYON server: installers, dependency packages,
bundles, settings, server info and attributes, with safe streaming transfers.

Reached as ``AyonClient(...).rest`` (sync) or ``AsyncAyonClient(...).rest``.
"""

from ayon_gql._errors import ChecksumMismatchError, TransferError
from ayon_gql.rest._api import AsyncRestAPI, RestAPI
from ayon_gql.rest._bundle_models import (
    AddonDevelopment,
    Bundle,
    BundleCheck,
    BundleIssue,
    BundleList,
)
from ayon_gql.rest._bundles import AsyncBundles, Bundles
from ayon_gql.rest._info_models import (
    Attribute,
    AttributeData,
    AttributeEnumItem,
    ReleaseInfo,
    ServerInfo,
    SiteInfo,
    UserInfo,
)
from ayon_gql.rest._installer_models import (
    DependencyPackage,
    FileSource,
    Installer,
    InstallResponse,
)
from ayon_gql.rest._installers import AsyncInstallers, Installers
from ayon_gql.rest._model_base import ChecksumAlgorithm, Platform, SourceType
from ayon_gql.rest._packages import AsyncDependencyPackages, DependencyPackages
from ayon_gql.rest._server_version import ServerVersion
from ayon_gql.rest._settings import AsyncSettings, Settings
from ayon_gql.rest._settings_models import (
    Addon,
    AddonSettings,
    AddonSettingsSummary,
    AddonVersionInfo,
    AllSettings,
    SettingsOverride,
)
from ayon_gql.rest._shortcuts import apost_comment, asite_roots, mention, post_comment, site_roots
from ayon_gql.rest._transfers import (
    DEFAULT_CHUNK_SIZE,
    ProgressCallback,
    file_checksum,
)

__all__ = [
    "DEFAULT_CHUNK_SIZE",
    "Addon",
    "AddonDevelopment",
    "AddonSettings",
    "AddonSettingsSummary",
    "AddonVersionInfo",
    "AllSettings",
    "AsyncBundles",
    "AsyncDependencyPackages",
    "AsyncInstallers",
    "AsyncRestAPI",
    "AsyncSettings",
    "Attribute",
    "AttributeData",
    "AttributeEnumItem",
    "Bundle",
    "BundleCheck",
    "BundleIssue",
    "BundleList",
    "Bundles",
    "ChecksumAlgorithm",
    "ChecksumMismatchError",
    "DependencyPackage",
    "DependencyPackages",
    "FileSource",
    "InstallResponse",
    "Installer",
    "Installers",
    "Platform",
    "ProgressCallback",
    "ReleaseInfo",
    "RestAPI",
    "ServerInfo",
    "ServerVersion",
    "Settings",
    "SettingsOverride",
    "SiteInfo",
    "SourceType",
    "TransferError",
    "UserInfo",
    "apost_comment",
    "asite_roots",
    "file_checksum",
    "mention",
    "post_comment",
    "site_roots",
]
