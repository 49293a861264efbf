"""``/api/addons`` and ``/api/settings``: every served addon's settings at every
level, from its schema, its defaults and the stored overrides."""

from __future__ import annotations

import copy
import re
from typing import Any

from ayon_gql.testing._dataset import Node
from ayon_gql.testing._rest_http import (
    PROJECT_NAME_RX,
    VARIANTS,
    Request,
    Response,
    bad_enum,
    bad_regex,
    error,
    validation_error,
)
from ayon_gql.testing._rest_state import RestRoutes

__all__ = ["ADDON_ROUTES", "AddonRoutes"]

_SITE_KINDS = {bool: "boolean", int: "integer", float: "number", str: "string"}


class AddonRoutes(RestRoutes):
    """Addons, their settings, schemas and overrides; saving and resetting overrides."""

    def _addon(self, name: str, version: str) -> Node | Response:
        versions = {v for (n, v) in self.dataset.addons if n == name}
        if not versions:
            return error(404, f"Addon {name} does not exist")
        if version not in versions:
            return error(404, f"Addon {name} version {version} does not exist")
        return self.dataset.addons[(name, version)]

    @staticmethod
    def _key(addon: Node) -> tuple[str, str]:
        return addon["name"], addon["version"]

    def addons(self, req: Request, m: re.Match[str]) -> Response:
        prod = self._bundle_for("production") or {}
        staging = self._bundle_for("staging") or {}
        found: dict[str, Node] = {}
        for (name, version), addon in sorted(self.dataset.addons.items()):
            entry = found.setdefault(
                name,
                {
                    "addonType": addon["addonType"],
                    "description": "",
                    "name": name,
                    "productionVersion": prod.get("addons", {}).get(name),
                    "projectCanOverrideAddonVersion": False,
                    "stagingVersion": staging.get("addons", {}).get(name),
                    "system": False,
                    "title": addon["title"],
                    "versions": {},
                },
            )
            entry["versions"][version] = {
                "frontendScopes": {},
                "hasSettings": True,
                "hasSiteSettings": bool(addon.get("siteSchema")),
                "isBroken": False,
                "projectCanOverrideAddonVersion": False,
            }
        return Response(200, {"addons": list(found.values())})

    @staticmethod
    def _variant(req: Request) -> str | Response:
        """The ``variant`` query parameter (``production`` when not given), or the
        server's answer to one it does not know."""
        variant = req.param("variant") or "production"
        if variant not in VARIANTS:
            bad = bad_enum("query", "variant", variant, VARIANTS)
            return validation_error(req.method, req.path, [bad])
        return variant

    def _target(
        self, req: Request, m: re.Match[str], with_project: bool
    ) -> tuple[Node, str, str | None] | Response:
        """The addon, the variant and (for project routes) a checked project name."""
        found = self._addon(m.group("addon"), m.group("version"))
        if isinstance(found, Response):
            return found
        variant = self._variant(req)
        if isinstance(variant, Response):
            return variant
        if not with_project:
            return found, variant, None
        project = m.group("project")
        if not PROJECT_NAME_RX.match(project):
            return validation_error(
                req.method, req.path, [bad_regex("path", "project_name", PROJECT_NAME_RX.pattern)]
            )
        if not self.dataset.has_project(project):
            return error(404, f"Project {project} not found")
        return found, variant, project

    def addon_schema(self, req: Request, m: re.Match[str]) -> Response:
        found = self._target(req, m, False)
        return (
            found
            if isinstance(found, Response)
            else Response(200, copy.deepcopy(found[0]["schema"]))
        )

    def addon_project_schema(self, req: Request, m: re.Match[str]) -> Response:
        found = self._target(req, m, True)
        return (
            found
            if isinstance(found, Response)
            else Response(200, copy.deepcopy(found[0]["schema"]))
        )

    def addon_settings(self, req: Request, m: re.Match[str]) -> Response:
        found = self._target(req, m, False)
        if isinstance(found, Response):
            return found
        addon, variant, _ = found
        return Response(200, self.state.settings.studio_settings(self._key(addon), variant))

    def addon_project_settings(self, req: Request, m: re.Match[str]) -> Response:
        found = self._target(req, m, True)
        if isinstance(found, Response):
            return found
        addon, variant, project = found
        assert project is not None
        settings = self.state.settings.project_settings(self._key(addon), variant, project)
        return Response(200, settings)

    def addon_overrides(self, req: Request, m: re.Match[str]) -> Response:
        found = self._target(req, m, False)
        if isinstance(found, Response):
            return found
        addon, variant, _ = found
        return Response(200, self.state.settings.overrides(self._key(addon), variant, None))

    def addon_project_overrides(self, req: Request, m: re.Match[str]) -> Response:
        found = self._target(req, m, True)
        if isinstance(found, Response):
            return found
        addon, variant, project = found
        return Response(200, self.state.settings.overrides(self._key(addon), variant, project))

    def _save(self, req: Request, m: re.Match[str], with_project: bool) -> Response:
        found = self._target(req, m, with_project)
        if isinstance(found, Response):
            return found
        addon, variant, project = found
        if not isinstance(req.json, dict):
            return error(400, "Invalid settings")
        errors = self.state.settings.save(self._key(addon), variant, project, req.json)
        if errors:
            return Response(400, {"code": 400, "detail": "Invalid settings", "errors": errors})
        return Response(204)

    def addon_settings_save(self, req: Request, m: re.Match[str]) -> Response:
        return self._save(req, m, False)

    def addon_project_settings_save(self, req: Request, m: re.Match[str]) -> Response:
        return self._save(req, m, True)

    def _remove(self, req: Request, m: re.Match[str], with_project: bool) -> Response:
        found = self._target(req, m, with_project)
        if isinstance(found, Response):
            return found
        addon, variant, project = found
        self.state.settings.remove(self._key(addon), variant, project)
        return Response(204)

    def addon_overrides_delete(self, req: Request, m: re.Match[str]) -> Response:
        return self._remove(req, m, False)

    def addon_project_overrides_delete(self, req: Request, m: re.Match[str]) -> Response:
        return self._remove(req, m, True)

    def addon_site_schema(self, req: Request, m: re.Match[str]) -> Response:
        """The site settings schema ({} for an addon without site settings)."""
        found = self._addon(m.group("addon"), m.group("version"))
        if isinstance(found, Response):
            return found
        return Response(200, copy.deepcopy(found.get("siteSchema") or {}))

    def addon_site_settings(self, req: Request, m: re.Match[str]) -> Response:
        found = self._addon(m.group("addon"), m.group("version"))
        if isinstance(found, Response):
            return found
        return Response(200, copy.deepcopy(found.get("site") or {}))

    def _bundle_addons(self, bundle: Node | None) -> list[Node]:
        if not bundle:
            return []
        return [
            self.dataset.addons[(name, version)]
            for name, version in sorted(bundle.get("addons", {}).items())
            if (name, version) in self.dataset.addons
        ]

    def settings(self, req: Request, m: re.Match[str]) -> Response:
        variant = self._variant(req)
        if isinstance(variant, Response):
            return variant
        project = req.param("project_name")
        if project is not None and not self.dataset.has_project(project):
            return error(404, f"Project {project} not found")
        bundle_name = req.param("bundle_name")
        if bundle_name is not None:
            with self.state.lock:
                bundle = copy.deepcopy(self.state.bundles.get(bundle_name))
            if bundle is None:
                return error(404, f"Bundle {bundle_name} not found")
        else:
            bundle = self._bundle_for(variant)
        store = self.state.settings
        items: list[Node] = []
        for addon in self._bundle_addons(bundle):
            key = self._key(addon)
            item: Node = {
                "hasProjectSettings": True,
                "hasProjectSiteSettings": False,
                "hasSettings": True,
                "hasSiteSettings": bool(addon.get("siteSchema")),
                "hasStudioOverrides": bool(store.studio.get((*key, variant))),
                "isBroken": False,
                "isProjectBundle": False,
                "name": addon["name"],
                "settings": store.studio_settings(key, variant),
                "siteSettings": {},
                "title": addon["title"],
                "version": addon["version"],
            }
            if project is not None:
                item["hasProjectOverrides"] = bool(store.project.get((*key, variant, project)))
                item["settings"] = store.project_settings(key, variant, project)
            if req.param("site_id"):
                item["siteSettings"] = copy.deepcopy(addon.get("site") or {})
            items.append(item)
        body: Node = {
            "addons": items,
            "bundleName": bundle["name"] if bundle else None,
            "inheritedAddons": [],
        }
        if project is not None:
            body["projectName"] = project
        return Response(200, body)

    def settings_addons(self, req: Request, m: re.Match[str]) -> Response:
        variant = self._variant(req)
        if isinstance(variant, Response):
            return variant
        project = req.param("project")
        store = self.state.settings
        settings: dict[str, Any] = {}
        versions: dict[str, str] = {}
        for addon in self._bundle_addons(self._bundle_for(variant)):
            key = self._key(addon)
            settings[addon["name"]] = (
                store.project_settings(key, variant, project)
                if project
                else store.studio_settings(key, variant)
            )
            versions[addon["name"]] = addon["version"]
        return Response(200, {"settings": settings, "versions": versions})


_ADDON = r"/api/addons/(?P<addon>[^/]+)/(?P<version>[^/]+)"
_PROJECT = r"(?P<project>[^/]+)"

ADDON_ROUTES = [
    ("GET", r"/api/addons", AddonRoutes.addons),
    ("GET", rf"{_ADDON}/settings", AddonRoutes.addon_settings),
    ("POST", rf"{_ADDON}/settings", AddonRoutes.addon_settings_save),
    ("GET", rf"{_ADDON}/schema", AddonRoutes.addon_schema),
    ("GET", rf"{_ADDON}/overrides", AddonRoutes.addon_overrides),
    ("DELETE", rf"{_ADDON}/overrides", AddonRoutes.addon_overrides_delete),
    ("GET", rf"{_ADDON}/overrides/{_PROJECT}", AddonRoutes.addon_project_overrides),
    ("DELETE", rf"{_ADDON}/overrides/{_PROJECT}", AddonRoutes.addon_project_overrides_delete),
    ("GET", rf"{_ADDON}/schema/{_PROJECT}", AddonRoutes.addon_project_schema),
    ("GET", rf"{_ADDON}/siteSettings/schema", AddonRoutes.addon_site_schema),
    ("GET", rf"{_ADDON}/settings/{_PROJECT}", AddonRoutes.addon_project_settings),
    ("POST", rf"{_ADDON}/settings/{_PROJECT}", AddonRoutes.addon_project_settings_save),
    ("GET", rf"{_ADDON}/siteSettings", AddonRoutes.addon_site_settings),
    ("GET", r"/api/settings", AddonRoutes.settings),
    ("GET", r"/api/settings/addons", AddonRoutes.settings_addons),
]
