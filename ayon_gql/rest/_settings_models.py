"""Models of addons and their settings (``/api/addons``, ``/api/settings``)."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from ayon_gql.rest._model_base import RestModel

__all__ = [
    "Addon",
    "AddonSettings",
    "AddonSettingsSummary",
    "AddonVersionInfo",
    "AllSettings",
    "SettingsOverride",
]


class AddonVersionInfo(RestModel):
    """What the server knows about one installed version of an addon."""

    has_settings: bool = False
    has_site_settings: bool = False
    frontend_scopes: dict[str, Any] = Field(default_factory=dict)
    client_pyproject: dict[str, Any] | None = None
    client_source_info: list[dict[str, Any]] | None = None
    services: dict[str, Any] | None = None
    is_broken: bool = False
    reason: dict[str, str] | None = None
    project_can_override_addon_version: bool = False


class Addon(RestModel):
    """One addon of ``GET /api/addons`` with its installed versions."""

    name: str
    title: str | None = None
    description: str | None = None
    addon_type: str | None = None
    production_version: str | None = None
    staging_version: str | None = None
    system: bool = False
    project_can_override_addon_version: bool = False
    versions: dict[str, AddonVersionInfo] = Field(default_factory=dict)


class SettingsOverride(RestModel):
    """One overridden value in an overrides answer (where and at which level)."""

    path: list[str] = Field(default_factory=list)
    level: str | None = None
    value: Any = None
    scope: list[str] = Field(default_factory=list)
    in_group: Any = None


class AddonSettingsSummary(RestModel):
    """One addon of the bundle-wide settings view (``GET /api/settings``)."""

    name: str
    version: str
    title: str | None = None
    has_settings: bool = False
    has_project_settings: bool = False
    has_project_site_settings: bool = False
    has_site_settings: bool = False
    has_studio_overrides: bool | None = None
    has_project_overrides: bool | None = None
    has_project_site_overrides: bool | None = None
    settings: dict[str, Any] = Field(default_factory=dict)
    site_settings: dict[str, Any] = Field(default_factory=dict)
    is_broken: bool = False
    reason: dict[str, str] | None = None
    is_project_bundle: bool = False


class AllSettings(RestModel):
    """Answer of ``GET /api/settings``: every addon of a bundle with its settings."""

    bundle_name: str
    project_name: str | None = None
    addons: list[AddonSettingsSummary] = Field(default_factory=list)
    inherited_addons: list[str] = Field(default_factory=list)

    def get(self, addon_name: str) -> AddonSettingsSummary | None:
        """The entry of one addon, or None when the bundle does not contain it."""
        return next((addon for addon in self.addons if addon.name == addon_name), None)


class AddonSettings(RestModel):
    """Answer of ``GET /api/settings/addons``: settings and versions by addon name."""

    settings: dict[str, dict[str, Any]] = Field(default_factory=dict)
    versions: dict[str, str] = Field(default_factory=dict)
