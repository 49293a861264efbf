"""Server information, attribute configuration and the installed addons."""

from __future__ import annotations

from ayon_gql._errors import AyonError
from ayon_gql.rest._base import Call, as_model, as_type
from ayon_gql.rest._endpoints import GET_ATTRIBUTE_LIST, GET_SITE_INFO, LIST_ADDONS, endpoint_call
from ayon_gql.rest._info_models import Attribute, ServerInfo
from ayon_gql.rest._server_version import ServerVersion
from ayon_gql.rest._settings_models import Addon

__all__ = ["addons_call", "attributes_call", "info_call", "version_of"]


def info_call(full: bool = False) -> Call[ServerInfo]:
    """``GET /api/info`` (works without credentials, with fewer fields)."""
    return endpoint_call(
        GET_SITE_INFO, as_model(ServerInfo), full=full or None, idempotent=True,
        operation="server info",
    )  # fmt: skip


def attributes_call() -> Call[list[Attribute]]:
    """``GET /api/attributes``: the studio's attribute configuration."""
    return endpoint_call(
        GET_ATTRIBUTE_LIST, as_type(list[Attribute], "attributes"), operation="list attributes"
    )


def addons_call(details: bool = False) -> Call[list[Addon]]:
    """``GET /api/addons``: installed addons and their versions."""
    return endpoint_call(
        LIST_ADDONS, as_type(list[Addon], "addons"), details=details or None,
        operation="list addons",
    )  # fmt: skip


def version_of(info: ServerInfo) -> ServerVersion:
    """The parsed version of an info answer; an error when the server sent none."""
    version = info.server_version
    if version is None:
        raise AyonError("the server did not report its version", operation="server info")
    return version
