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

from ayon_gql._api_groups import (
    ApiGroup,
    ApiNamespace,
    AsyncApiGroup,
    DownloadTarget,
    ProgressCallback,
)
from ayon_gql._api_operation import ApiOperation, ApiParam
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

__all__ = [
    "ENTITY_TYPES",
    "UNSET",
    "ApiGroup",
    "ApiModel",
    "ApiNamespace",
    "ApiOperation",
    "ApiParam",
    "AsyncApiGroup",
    "AsyncAyonClientBase",
    "AsyncConnection",
    "AsyncOperationsBase",
    "AsyncTransport",
    "AyonClientBase",
    "Connection",
    "ConnectionSettings",
    "DownloadTarget",
    "EntityCreate",
    "EntityType",
    "EntityUpdate",
    "OperationsBase",
    "ProgressCallback",
    "SyncTransport",
    "UnsetType",
    "WriteModel",
    "packaged_snapshot",
    "parse_result",
    "serialize_variables",
]

if TYPE_CHECKING:
    from ayon_gql._api_model import ApiModel


def __getattr__(name: str) -> Any:
    # ApiModel is a pydantic model class: made when a package's REST models are first imported.
    if name == "ApiModel":
        from ayon_gql._api_model import ApiModel

        return ApiModel
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
