"""Addon settings: studio, project and site values, overrides, schemas, bundle-wide views.

Mind the server's path parameters: studio settings live at
``/api/addons/{addon}/{addon_version}/settings``, project and site settings
at ``.../{version}/settings/{project}`` and ``.../{version}/siteSettings``;
the URLs are the same shape, only the names differ.
"""

from __future__ import annotations

from typing import Any

from ayon_gql.rest._base import (
    AsyncRunner,
    Call,
    SyncRunner,
    as_model,
    as_nothing,
    as_object,
    as_type,
    query_bool,
    segment,
)
from ayon_gql.rest._checks import check_name, check_project, check_segment, check_variant
from ayon_gql.rest._settings_models import AddonSettings, AllSettings, SettingsOverride

__all__ = ["AsyncSettings", "Settings"]

Overrides = dict[str, SettingsOverride]


def _addon_path(addon: str, version: str) -> str:
    name = segment(check_name(addon, "addon name"))
    return f"/api/addons/{name}/{segment(check_segment(version, 'addon version'))}"


def _site(site_id: str | None) -> str | None:
    return check_segment(site_id, "site id") if site_id is not None else None


def _user(as_user: str | None) -> str | None:
    return check_segment(as_user, "user name") if as_user is not None else None


class _Calls:
    """Request building for every settings read (shared by sync and async)."""

    @staticmethod
    def studio(addon: str, version: str, variant: str, as_user: str | None) -> Call[dict[str, Any]]:
        return Call(
            "GET",
            f"{_addon_path(addon, version)}/settings",
            as_object,
            params={"variant": check_variant(variant), "as": _user(as_user)},
            operation="studio settings",
        )

    @staticmethod
    def project(
        addon: str,
        version: str,
        project: str,
        variant: str,
        site_id: str | None,
        as_user: str | None,
    ) -> Call[dict[str, Any]]:
        path = f"{_addon_path(addon, version)}/settings/{segment(check_project(project))}"
        return Call(
            "GET",
            path,
            as_object,
            params={
                "variant": check_variant(variant),
                "site_id": _site(site_id),
                "as": _user(as_user),
            },
            operation="project settings",
            project_name=project,
        )

    @staticmethod
    def site(addon: str, version: str, site_id: str | None) -> Call[dict[str, Any]]:
        return Call(
            "GET",
            f"{_addon_path(addon, version)}/siteSettings",
            as_object,
            params={"site_id": _site(site_id)},
            operation="site settings",
        )

    @staticmethod
    def studio_overrides(addon: str, version: str, variant: str) -> Call[Overrides]:
        return Call(
            "GET",
            f"{_addon_path(addon, version)}/overrides",
            as_type(Overrides),
            params={"variant": check_variant(variant)},
            operation="studio overrides",
        )

    @staticmethod
    def project_overrides(
        addon: str, version: str, project: str, variant: str, site_id: str | None
    ) -> Call[Overrides]:
        path = f"{_addon_path(addon, version)}/overrides/{segment(check_project(project))}"
        return Call(
            "GET",
            path,
            as_type(Overrides),
            params={"variant": check_variant(variant), "site_id": _site(site_id)},
            operation="project overrides",
            project_name=project,
        )

    @staticmethod
    def schema(addon: str, version: str, variant: str, project: str | None) -> Call[dict[str, Any]]:
        path = f"{_addon_path(addon, version)}/schema"
        if project is not None:
            path += f"/{segment(check_project(project))}"
        return Call(
            "GET",
            path,
            as_object,
            params={"variant": check_variant(variant)},
            operation="settings schema",
            project_name=project,
        )

    @staticmethod
    def site_schema(addon: str, version: str) -> Call[dict[str, Any]]:
        return Call(
            "GET",
            f"{_addon_path(addon, version)}/siteSettings/schema",
            as_object,
            operation="site settings schema",
        )

    @staticmethod
    def set_studio(addon: str, version: str, values: dict[str, Any], variant: str) -> Call[None]:
        return Call(
            "POST",
            f"{_addon_path(addon, version)}/settings",
            as_nothing,
            params={"variant": check_variant(variant)},
            json=values,
            operation="save studio settings",
        )

    @staticmethod
    def set_project(
        addon: str, version: str, project: str, values: dict[str, Any], variant: str
    ) -> Call[None]:
        return Call(
            "POST",
            f"{_addon_path(addon, version)}/settings/{segment(check_project(project))}",
            as_nothing,
            params={"variant": check_variant(variant)},
            json=values,
            operation="save project settings",
            project_name=project,
        )

    @staticmethod
    def delete_overrides(addon: str, version: str, project: str | None, variant: str) -> Call[None]:
        path = f"{_addon_path(addon, version)}/overrides"
        if project is not None:
            path += f"/{segment(check_project(project))}"
        return Call(
            "DELETE",
            path,
            as_nothing,
            params={"variant": check_variant(variant)},
            idempotent=True,
            operation="remove studio overrides" if project is None else "remove project overrides",
            project_name=project,
        )

    @staticmethod
    def all(
        variant: str,
        project: str | None,
        site_id: str | None,
        bundle_name: str | None,
        summary: bool,
    ) -> Call[AllSettings]:
        return Call(
            "GET",
            "/api/settings",
            as_model(AllSettings),
            params={
                "variant": check_variant(variant),
                "project_name": check_project(project) if project is not None else None,
                "site_id": _site(site_id),
                "bundle_name": (
                    check_name(bundle_name, "bundle name") if bundle_name is not None else None
                ),
                "summary": query_bool(summary or None),
            },
            operation="all settings",
            project_name=project,
        )

    @staticmethod
    def by_addon(variant: str, project: str | None, site_id: str | None) -> Call[AddonSettings]:
        return Call(
            "GET",
            "/api/settings/addons",
            as_model(AddonSettings),
            params={
                "variant": check_variant(variant),
                "project": check_project(project) if project is not None else None,
                "site": _site(site_id),
            },
            operation="addon settings",
            project_name=project,
        )


class Settings(SyncRunner):
    """Read addon settings.  ``variant`` is ``production``, ``staging`` or a dev
    bundle name; anything else is refused before sending."""

    def studio(
        self,
        addon: str,
        version: str,
        *,
        variant: str = "production",
        as_user: str | None = None,
    ) -> dict[str, Any]:
        """Studio settings of one addon version."""
        return self._run(_Calls.studio(addon, version, variant, as_user))

    def project(
        self,
        addon: str,
        version: str,
        project: str,
        *,
        variant: str = "production",
        site_id: str | None = None,
        as_user: str | None = None,
    ) -> dict[str, Any]:
        """Project settings (site overrides applied when ``site_id`` is given)."""
        return self._run(_Calls.project(addon, version, project, variant, site_id, as_user))

    def site(self, addon: str, version: str, *, site_id: str | None = None) -> dict[str, Any]:
        """Site settings of one addon version (the connection's site when not given)."""
        return self._run(_Calls.site(addon, version, site_id))

    def studio_overrides(
        self, addon: str, version: str, *, variant: str = "production"
    ) -> Overrides:
        """Which studio values are overridden, keyed like ``root_default_fps``."""
        return self._run(_Calls.studio_overrides(addon, version, variant))

    def project_overrides(
        self,
        addon: str,
        version: str,
        project: str,
        *,
        variant: str = "production",
        site_id: str | None = None,
    ) -> Overrides:
        """Which project values are overridden."""
        return self._run(_Calls.project_overrides(addon, version, project, variant, site_id))

    def schema(
        self,
        addon: str,
        version: str,
        *,
        variant: str = "production",
        project: str | None = None,
    ) -> dict[str, Any]:
        """JSON schema of the studio (or project) settings."""
        return self._run(_Calls.schema(addon, version, variant, project))

    def site_schema(self, addon: str, version: str) -> dict[str, Any]:
        """JSON schema of the site settings."""
        return self._run(_Calls.site_schema(addon, version))

    def set_studio(
        self, addon: str, version: str, values: dict[str, Any], *, variant: str = "production"
    ) -> None:
        """Save studio settings: the server stores what differs from the defaults as
        overrides.  Fields left out of ``values`` count as their defaults (the
        typed ``client.settings`` merges a partial onto the current values first)."""
        self._run(_Calls.set_studio(addon, version, values, variant))

    def set_project(
        self,
        addon: str,
        version: str,
        project: str,
        values: dict[str, Any],
        *,
        variant: str = "production",
    ) -> None:
        """Save project settings (stored as project overrides); see :meth:`set_studio`."""
        self._run(_Calls.set_project(addon, version, project, values, variant))

    def delete_studio_overrides(
        self, addon: str, version: str, *, variant: str = "production"
    ) -> None:
        """Remove every studio override: the studio values become the defaults again."""
        self._run(_Calls.delete_overrides(addon, version, None, variant))

    def delete_project_overrides(
        self, addon: str, version: str, project: str, *, variant: str = "production"
    ) -> None:
        """Remove every override of one project: it reads the studio values again."""
        self._run(_Calls.delete_overrides(addon, version, project, variant))

    def all(
        self,
        *,
        variant: str = "production",
        project: str | None = None,
        site_id: str | None = None,
        bundle_name: str | None = None,
        summary: bool = False,
    ) -> AllSettings:
        """Every addon of the variant's bundle with its settings (``/api/settings``)."""
        return self._run(_Calls.all(variant, project, site_id, bundle_name, summary))

    def by_addon(
        self,
        *,
        variant: str = "production",
        project: str | None = None,
        site_id: str | None = None,
    ) -> AddonSettings:
        """Settings and versions keyed by addon name (``/api/settings/addons``)."""
        return self._run(_Calls.by_addon(variant, project, site_id))


class AsyncSettings(AsyncRunner):
    """Async twin of :class:`Settings`."""

    async def studio(
        self,
        addon: str,
        version: str,
        *,
        variant: str = "production",
        as_user: str | None = None,
    ) -> dict[str, Any]:
        """Studio settings of one addon version."""
        return await self._run(_Calls.studio(addon, version, variant, as_user))

    async def project(
        self,
        addon: str,
        version: str,
        project: str,
        *,
        variant: str = "production",
        site_id: str | None = None,
        as_user: str | None = None,
    ) -> dict[str, Any]:
        """Project settings."""
        return await self._run(_Calls.project(addon, version, project, variant, site_id, as_user))

    async def site(self, addon: str, version: str, *, site_id: str | None = None) -> dict[str, Any]:
        """Site settings of one addon version."""
        return await self._run(_Calls.site(addon, version, site_id))

    async def studio_overrides(
        self, addon: str, version: str, *, variant: str = "production"
    ) -> Overrides:
        """Which studio values are overridden."""
        return await self._run(_Calls.studio_overrides(addon, version, variant))

    async def project_overrides(
        self,
        addon: str,
        version: str,
        project: str,
        *,
        variant: str = "production",
        site_id: str | None = None,
    ) -> Overrides:
        """Which project values are overridden."""
        return await self._run(_Calls.project_overrides(addon, version, project, variant, site_id))

    async def schema(
        self,
        addon: str,
        version: str,
        *,
        variant: str = "production",
        project: str | None = None,
    ) -> dict[str, Any]:
        """JSON schema of the studio (or project) settings."""
        return await self._run(_Calls.schema(addon, version, variant, project))

    async def site_schema(self, addon: str, version: str) -> dict[str, Any]:
        """JSON schema of the site settings."""
        return await self._run(_Calls.site_schema(addon, version))

    async def set_studio(
        self, addon: str, version: str, values: dict[str, Any], *, variant: str = "production"
    ) -> None:
        """Save studio settings (stored as studio overrides)."""
        await self._run(_Calls.set_studio(addon, version, values, variant))

    async def set_project(
        self,
        addon: str,
        version: str,
        project: str,
        values: dict[str, Any],
        *,
        variant: str = "production",
    ) -> None:
        """Save project settings (stored as project overrides)."""
        await self._run(_Calls.set_project(addon, version, project, values, variant))

    async def delete_studio_overrides(
        self, addon: str, version: str, *, variant: str = "production"
    ) -> None:
        """Remove every studio override."""
        await self._run(_Calls.delete_overrides(addon, version, None, variant))

    async def delete_project_overrides(
        self, addon: str, version: str, project: str, *, variant: str = "production"
    ) -> None:
        """Remove every override of one project."""
        await self._run(_Calls.delete_overrides(addon, version, project, variant))

    async def all(
        self,
        *,
        variant: str = "production",
        project: str | None = None,
        site_id: str | None = None,
        bundle_name: str | None = None,
        summary: bool = False,
    ) -> AllSettings:
        """Every addon of the variant's bundle with its settings."""
        return await self._run(_Calls.all(variant, project, site_id, bundle_name, summary))

    async def by_addon(
        self,
        *,
        variant: str = "production",
        project: str | None = None,
        site_id: str | None = None,
    ) -> AddonSettings:
        """Settings and versions keyed by addon name."""
        return await self._run(_Calls.by_addon(variant, project, site_id))
