"""Server information, attribute configuration and the installed addons."""

from __future__ import annotations

from ayon_gql._errors import AyonError
from ayon_gql.rest._base import Call, as_model, as_type, query_bool
from ayon_gql.rest._info_models import Attribute, ServerInfo
from ayon_gql.rest._server_version import ServerVersion
from ayon_gql.rest._settings_models import Addon

__all__ = ["addons_call", "attributes_call", "info_call", "version_of"]


def info_call(full: bool = False) -> Call[ServerInfo]:
    """``GET /api/info`` (works without credentials, with fewer fields)."""
    return Call(
        "GET",
        "/api/info",
        as_model(ServerInfo),
        params={"full": query_bool(full or None)},
        idempotent=True,
        operation="server info",
    )


def attributes_call() -> Call[list[Attribute]]:
    """``GET /api/attributes``: the studio's attribute configuration."""
    return Call(
        "GET",
        "/api/attributes",
        as_type(list[Attribute], "attributes"),
        operation="list attributes",
    )


def addons_call(details: bool = False) -> Call[list[Addon]]:
    """``GET /api/addons``: installed addons and their versions."""
    return Call(
        "GET",
        "/api/addons",
        as_type(list[Addon], "addons"),
        params={"details": query_bool(details or None)},
        operation="list addons",
    )


def version_of(info: ServerInfo) -> ServerVersion:
    """The parsed version of an info answer; an error when the server sent none."""
    version = info.server_version
    if version is None:
        raise AyonError("the server did not report its version", operation="server info")
    return version
