"""``/api/addons`` and ``/api/settings``: the demo addon's settings at every level."""

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


class AddonRoutes(RestRoutes):
    """Addons, their settings, schemas and overrides."""

    def _addon(self, name: str, version: str) -> Node | Response:
        addon = self.dataset.addon
        if name != addon["name"]:
            return error(404, f"Addon {name} does not exist")
        if version != addon["version"]:
            return error(404, f"Addon {name} version {version} does not exist")
        return addon

    def addons(self, req: Request, m: re.Match[str]) -> Response:
        addon = self.dataset.addon
        prod = self._bundle_for("production")
        staging = self._bundle_for("staging")
        return Response(
            200,
            {
                "addons": [
                    {
                        "addonType": addon["addonType"],
                        "description": "",
                        "name": addon["name"],
                        "productionVersion": (prod or {}).get("addons", {}).get(addon["name"]),
                        "projectCanOverrideAddonVersion": False,
                        "stagingVersion": (staging or {}).get("addons", {}).get(addon["name"]),
                        "system": False,
                        "title": addon["title"],
                        "versions": {
                            addon["version"]: {
                                "frontendScopes": {},
                                "hasSettings": True,
                                "hasSiteSettings": True,
                                "isBroken": False,
                                "projectCanOverrideAddonVersion": False,
                            }
                        },
                    }
                ]
            },
        )

    def _addon_part(self, m: re.Match[str], key: str) -> Response:
        """One part of an addon version's settings data (or the error answer)."""
        found = self._addon(m.group("addon"), m.group("version"))
        if isinstance(found, Response):
            return found
        return Response(200, copy.deepcopy(found[key]))

    def addon_settings(self, req: Request, m: re.Match[str]) -> Response:
        return self._addon_part(m, "studio")

    def addon_schema(self, req: Request, m: re.Match[str]) -> Response:
        return self._addon_part(m, "schema")

    @staticmethod
    def _variant(req: Request) -> str | Response:
        """The ``variant`` query parameter (``production`` when not given), or the
        server's answer to one it does not know."""
        variant = req.param("variant") or "production"
        if variant not in VARIANTS:
            bad = bad_enum("query", "variant", variant, VARIANTS)
            return validation_error(req.method, req.path, [bad])
        return variant

    def _project_addon(self, req: Request, m: re.Match[str]) -> Node | Response:
        """The addon and a checked ``project`` path parameter, or the error answer."""
        found = self._addon(m.group("addon"), m.group("version"))
        if isinstance(found, Response):
            return found
        project = m.group("project")
        if not PROJECT_NAME_RX.match(project):
            return validation_error(
                req.method, req.path, [bad_regex("path", "project_name", PROJECT_NAME_RX.pattern)]
            )
        if not self.dataset.has_project(project):
            return error(404, f"Project {project} not found")
        return found

    def addon_project_schema(self, req: Request, m: re.Match[str]) -> Response:
        found = self._project_addon(req, m)
        return found if isinstance(found, Response) else self._addon_part(m, "schema")

    def addon_project_overrides(self, req: Request, m: re.Match[str]) -> Response:
        """Studio overrides plus a ``project`` entry for each value the project changes."""
        found = self._project_addon(req, m)
        if isinstance(found, Response):
            return found
        overrides: Node = copy.deepcopy(found["overrides"])
        project = found["project"].get(m.group("project"))
        for path, value in _leaves(project or {}):
            if _value_at(found["studio"], path) != value:
                overrides["root_" + "_".join(path)] = {
                    "inGroup": None,
                    "level": "project",
                    "path": list(path),
                    "scope": ["project"],
                    "value": value,
                }
        return Response(200, overrides)

    def addon_site_schema(self, req: Request, m: re.Match[str]) -> Response:
        """A JSON schema of the site settings, derived from their values."""
        found = self._addon(m.group("addon"), m.group("version"))
        if isinstance(found, Response):
            return found
        kinds = {bool: "boolean", int: "integer", float: "number", str: "string"}
        properties = {
            key: {"title": key.replace("_", " ").capitalize(), "type": kinds.get(type(v), "object")}
            for key, v in found["site"].items()
        }
        title = f"{found['title']} site settings"
        return Response(200, {"title": title, "type": "object", "properties": properties})

    def addon_overrides(self, req: Request, m: re.Match[str]) -> Response:
        return self._addon_part(m, "overrides")

    def addon_project_settings(self, req: Request, m: re.Match[str]) -> Response:
        found = self._project_addon(req, m)
        if isinstance(found, Response):
            return found
        project = m.group("project")
        return Response(200, copy.deepcopy(found["project"].get(project, found["studio"])))

    def addon_site_settings(self, req: Request, m: re.Match[str]) -> Response:
        return self._addon_part(m, "site")

    def settings(self, req: Request, m: re.Match[str]) -> Response:
        variant = self._variant(req)
        if isinstance(variant, Response):
            return variant
        project = req.param("project_name")
        if project is not None and not self.dataset.has_project(project):
            return error(404, f"Project {project} not found")
        bundle = self._bundle_for(variant)
        addon = self.dataset.addon
        item: Node = {
            "hasProjectSettings": True,
            "hasProjectSiteSettings": False,
            "hasSettings": True,
            "hasSiteSettings": True,
            "hasStudioOverrides": True,
            "isBroken": False,
            "isProjectBundle": False,
            "name": addon["name"],
            "settings": copy.deepcopy(addon["studio"]),
            "siteSettings": {},
            "title": addon["title"],
            "version": addon["version"],
        }
        body: Node = {
            "addons": [item] if bundle else [],
            "bundleName": bundle["name"] if bundle else None,
            "inheritedAddons": [],
        }
        if project is not None:
            item["hasProjectOverrides"] = project in addon["project"]
            item["settings"] = copy.deepcopy(addon["project"].get(project, addon["studio"]))
            body["projectName"] = project
        if req.param("site_id"):
            item["siteSettings"] = copy.deepcopy(addon["site"])
        return Response(200, body)

    def settings_addons(self, req: Request, m: re.Match[str]) -> Response:
        variant = self._variant(req)
        if isinstance(variant, Response):
            return variant
        addon = self.dataset.addon
        project = req.param("project")
        settings = addon["project"].get(project, addon["studio"]) if project else addon["studio"]
        return Response(
            200,
            {
                "settings": {addon["name"]: copy.deepcopy(settings)},
                "versions": {addon["name"]: addon["version"]},
            },
        )


def _leaves(value: Node, prefix: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], Any]]:
    """(path, value) of every non-dict value in nested settings."""
    found: list[tuple[tuple[str, ...], Any]] = []
    for key, item in value.items():
        if isinstance(item, dict):
            found.extend(_leaves(item, (*prefix, key)))
        else:
            found.append(((*prefix, key), item))
    return found


def _value_at(value: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        if not isinstance(value, dict) or key not in value:
            return None
        value = value[key]
    return value
