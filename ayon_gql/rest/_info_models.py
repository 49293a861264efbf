"""Models of ``/api/info`` and ``/api/attributes``: the server, the calling user,
sites and the studio's attribute configuration."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from ayon_gql.rest._model_base import Platform, RestModel, Timestamp
from ayon_gql.rest._server_version import ServerVersion

__all__ = [
    "Attribute",
    "AttributeData",
    "AttributeEnumItem",
    "ReleaseInfo",
    "ServerInfo",
    "SiteInfo",
    "UserInfo",
]


class AttributeEnumItem(RestModel):
    """One allowed value of an enumerated attribute."""

    value: str | int | float | bool
    label: str
    description: str | None = None
    fulltext: list[str] | None = None
    group: str | None = None
    icon: str | dict[str, Any] | None = None
    color: str | None = None
    short_name: str | None = None
    disabled: bool = False
    disabled_message: str | None = None


class AttributeData(RestModel):
    """Type, constraints and presentation of an attribute."""

    type: str = "string"
    title: str | None = None
    description: str | None = None
    example: Any = None
    default: Any = None
    gt: int | float | None = None
    ge: int | float | None = None
    lt: int | float | None = None
    le: int | float | None = None
    min_length: int | None = None
    max_length: int | None = None
    min_items: int | None = None
    max_items: int | None = None
    regex: str | None = None
    enum: list[AttributeEnumItem] | None = None
    enum_resolver: str | None = None
    enum_resolver_settings: dict[str, Any] | None = None
    inherit: bool = True
    widget: str | None = None
    widget_settings: dict[str, Any] | None = None


class Attribute(RestModel):
    """One attribute of the studio's configuration (``GET /api/attributes``)."""

    name: str
    position: int
    scope: list[str] = Field(default_factory=list)
    data: AttributeData
    builtin: bool = False


class UserInfo(RestModel):
    """The calling user as ``/api/info`` describes it.

    ``data`` may hold an API key (or its preview): it is kept out of ``repr``.
    """

    name: str
    ui_exposure_level: int | None = None
    attrib: dict[str, Any] = Field(default_factory=dict)
    data: dict[str, Any] = Field(default_factory=dict, repr=False)
    active: bool = True
    own_attrib: list[str] = Field(default_factory=list)
    created_at: Timestamp | None = None
    updated_at: Timestamp | None = None


class ReleaseInfo(RestModel):
    """Build information of the server release."""

    version: str | None = None
    build_date: str | None = None
    build_time: str | None = None
    frontend_branch: str | None = None
    backend_branch: str | None = None
    frontend_commit: str | None = None
    backend_commit: str | None = None


class SiteInfo(RestModel):
    """A site (a workstation running the launcher) known to the server."""

    id: str
    platform: Platform | None = None
    hostname: str | None = None
    version: str | None = None
    users: list[str] = Field(default_factory=list)


class ServerInfo(RestModel):
    """Answer of ``GET /api/info`` (reduced when called without credentials)."""

    version: str | None = None
    uptime: float | None = None
    motd: str | None = None
    login_page_background: str | None = None
    login_page_brand: str | None = None
    release_info: ReleaseInfo | None = None
    no_admin_user: bool | None = None
    onboarding: bool | None = None
    hide_password_auth: bool | None = None
    password_recovery_available: bool | None = None
    user: UserInfo | None = None
    attributes: list[Attribute] | None = None
    sites: list[SiteInfo] | None = None
    sso_options: list[dict[str, Any]] | None = None
    frontend_flags: list[str] | None = None
    extras: str | None = None
    disable_changelog: bool | None = None
    disable_feedback: bool | None = None
    offline_mode: bool | None = None

    @property
    def server_version(self) -> ServerVersion | None:
        """``version`` parsed for comparison, or None when the server sent none."""
        return ServerVersion.parse(self.version) if self.version else None
