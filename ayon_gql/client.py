"""The runtime seam that generated client packages build on (public API).

A package written by ``ayon-gql generate`` (ayon-gql's own
``ayon_gql_generated`` or a studio's ``studio_ayon``) builds on what is
here; the runtime never imports a generated package (``ayon_gql.AyonClient``
is resolved lazily from the stock one).  What the
package holds, and what it takes from here:

* ``base_model.UNSET`` is :data:`UNSET`, the one "not given" default of every
  optional argument in every generated package, so operations of several
  packages combine in one class and unset variables are never sent;
* ``BaseClient`` / ``AsyncBaseClient`` subclass :class:`OperationsBase` /
  :class:`AsyncOperationsBase`, which run operations through a
  :class:`SyncTransport` / :class:`AsyncTransport` (a :class:`Connection`);
* ``AyonClient`` / ``AsyncAyonClient`` are
  ``class AyonClient(AyonClientBase, Operations)`` with ``schema_package``
  naming the package, and are exported from its ``__init__``::

      from studio_ayon import AyonClient

      with AyonClient.from_env(validate=True) as client:
          for version in client.iter_versions("my_project"):
              ...

* ``settings/`` holds one :class:`SettingsModel` subclass per addon (and per
  site-settings schema) and ``Settings`` / ``AsyncSettings``, subclasses of
  :class:`SettingsCatalog` / :class:`AsyncSettingsCatalog` with one
  :class:`AddonSettings` property per addon (``client.settings``).

REST: ``client.api.<group>.<operation>(...)`` (the server's operations by
tag) and ``client.addons.<addon>.<operation>(...)`` are generated
:class:`ApiGroup` / :class:`AsyncApiGroup` subclasses held by
:class:`ApiNamespace` subclasses; each method runs its
:class:`ApiOperation` description, and request bodies and answers are
:class:`ApiModel` subclasses.

Combining packages by hand works the same way:
``class Pipeline(studio_ayon.AyonClient, other_pkg.Operations): ...``.
"""

from typing import TYPE_CHECKING, Any

from ayon_gql._api_namespace import ApiNamespace
from ayon_gql._client import AsyncAyonClientBase, AyonClientBase
from ayon_gql._connection import AsyncConnection, Connection
from ayon_gql._connection_settings import ConnectionSettings
from ayon_gql._operations import (
    UNSET,
    AsyncOperationsBase,
    AsyncTransport,
    OperationsBase,
    SyncTransport,
    UnsetType,
    parse_result,
    serialize_variables,
)
from ayon_gql._snapshot import packaged_snapshot
from ayon_gql._write_models import (
    ENTITY_TYPES,
    EntityCreate,
    EntityType,
    EntityUpdate,
    WriteModel,
)
from ayon_gql.settings import (
    AddonSettings,
    AddonSettingsSpec,
    AsyncAddonSettings,
    AsyncSettingsCatalog,
    NoSettings,
    SettingsCatalog,
    SettingsModel,
)

__all__ = [
    "ENTITY_TYPES",
    "UNSET",
    "AddonSettings",
    "AddonSettingsSpec",
    "ApiGroup",
    "ApiModel",
    "ApiNamespace",
    "ApiOperation",
    "ApiParam",
    "AsyncAddonSettings",
    "AsyncApiGroup",
    "AsyncAyonClientBase",
    "AsyncConnection",
    "AsyncOperationsBase",
    "AsyncSettingsCatalog",
    "AsyncTransport",
    "AyonClientBase",
    "Connection",
    "ConnectionSettings",
    "DownloadTarget",
    "EntityCreate",
    "EntityType",
    "EntityUpdate",
    "NoSettings",
    "OperationsBase",
    "ProgressCallback",
    "SettingsCatalog",
    "SettingsModel",
    "SyncTransport",
    "UnsetType",
    "UploadData",
    "WriteModel",
    "packaged_snapshot",
    "parse_result",
    "serialize_variables",
]

if TYPE_CHECKING:
    from ayon_gql._api_groups import (
        ApiGroup,
        AsyncApiGroup,
        DownloadTarget,
        ProgressCallback,
        UploadData,
    )
    from ayon_gql._api_model import ApiModel
    from ayon_gql._api_operation import ApiOperation, ApiParam

# The REST runtime loads with the first REST group a client uses, not with the package.
_LAZY = {
    "ApiGroup": "ayon_gql._api_groups",
    "AsyncApiGroup": "ayon_gql._api_groups",
    "DownloadTarget": "ayon_gql._api_groups",
    "ProgressCallback": "ayon_gql._api_groups",
    "UploadData": "ayon_gql._api_groups",
    "ApiModel": "ayon_gql._api_model",
    "ApiOperation": "ayon_gql._api_operation",
    "ApiParam": "ayon_gql._api_operation",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
