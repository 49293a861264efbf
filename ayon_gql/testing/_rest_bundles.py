"""``/api/bundles``: list, create, change, check, promote and delete bundles."""

from __future__ import annotations

import copy
import re
from datetime import datetime, timezone
from typing import Any

from ayon_gql.testing._dataset import Node
from ayon_gql.testing._nodes import iso
from ayon_gql.testing._rest_http import (
    BUNDLE_NAME_RX,
    Request,
    Response,
    bad_bool,
    bad_enum,
    bad_regex,
    error,
    missing_field,
    parse_bool,
    validation_error,
)
from ayon_gql.testing._rest_state import RestRoutes


def iso_now() -> str:
    """Current time in the server's timestamp format."""
    return iso(datetime.now(timezone.utc))


class BundleRoutes(RestRoutes):
    """Bundles."""

    def bundles(self, req: Request, m: re.Match[str]) -> Response:
        try:
            archived = parse_bool(req.param("archived")) or False
        except ValueError:
            return validation_error(req.method, req.path, [bad_bool("query", "archived")])
        with self.state.lock:
            rows = [
                copy.deepcopy(b)
                for b in self.state.bundles.values()
                if archived or not b.get("isArchived")
            ]
        rows.sort(key=lambda b: str(b["createdAt"]), reverse=True)
        prod = next((b["name"] for b in rows if b.get("isProduction")), None)
        staging = next((b["name"] for b in rows if b.get("isStaging")), None)
        return Response(
            200,
            {
                "bundles": rows,
                "devBundles": [b["name"] for b in rows if b.get("isDev")],
                "productionBundle": prod,
                "stagingBundle": staging,
            },
        )

    def _bundle_errors(self, body: Any) -> list[Node]:
        if not isinstance(body, dict):
            return [missing_field("body", "name")]
        errors = []
        if "name" not in body:
            errors.append(missing_field("body", "name"))
        elif not BUNDLE_NAME_RX.match(str(body["name"])):
            errors.append(bad_regex("body", "name", BUNDLE_NAME_RX.pattern))
        return errors

    def bundle_create(self, req: Request, m: re.Match[str]) -> Response:
        errors = self._bundle_errors(req.json)
        if errors:
            return validation_error(req.method, req.path, errors)
        body: Node = req.json
        name = str(body["name"])
        with self.state.lock:
            if name in self.state.bundles:
                return error(409, f"Bundle {name} already exists")
            bundle: Node = {
                "activeUser": body.get("activeUser"),
                "addonDevelopment": body.get("addonDevelopment") or {},
                "addons": body.get("addons") or {},
                "createdAt": body.get("createdAt") or iso_now(),
                "dependencyPackages": body.get("dependencyPackages") or {},
                "installerVersion": body.get("installerVersion"),
                "isArchived": bool(body.get("isArchived", False)),
                "isDev": bool(body.get("isDev", False)),
                "isProduction": bool(body.get("isProduction", False)),
                "isProject": bool(body.get("isProject", False)),
                "isStaging": bool(body.get("isStaging", False)),
                "name": name,
            }
            self._make_exclusive(bundle)
            self.state.bundles[name] = bundle
        return Response(201, {})

    def _make_exclusive(self, bundle: Node) -> None:
        for flag in ("isProduction", "isStaging"):
            if bundle.get(flag):
                for other in self.state.bundles.values():
                    if other is not bundle:
                        other[flag] = False

    def bundle_patch(self, req: Request, m: re.Match[str]) -> Response:
        name = m.group("name")
        body = req.json
        if not isinstance(body, dict):
            return validation_error(req.method, req.path, [missing_field("body", "body")])
        allowed = {
            "addons",
            "installerVersion",
            "dependencyPackages",
            "isProduction",
            "isStaging",
            "isArchived",
            "isDev",
            "activeUser",
            "addonDevelopment",
        }
        with self.state.lock:
            bundle = self.state.bundles.get(name)
            if bundle is None:
                return error(404, f"Bundle {name} not found")
            for key, value in body.items():
                if key in allowed:
                    if key == "dependencyPackages" and isinstance(value, dict):
                        merged = dict(bundle.get("dependencyPackages") or {})
                        merged.update(value)
                        value = {k: v for k, v in merged.items() if v is not None}
                    bundle[key] = value
            self._make_exclusive(bundle)
        return Response(204)

    def bundle_delete(self, req: Request, m: re.Match[str]) -> Response:
        with self.state.lock:
            self.state.bundles.pop(m.group("name"), None)
        return Response(204)

    def bundle_check(self, req: Request, m: re.Match[str]) -> Response:
        errors = self._bundle_errors(req.json)
        if errors:
            return validation_error(req.method, req.path, errors)
        body: Node = req.json
        issues = []
        for name, version in (body.get("addons") or {}).items():
            if version is None:
                continue
            if (name, version) not in self.dataset.addons:
                issues.append(
                    {
                        "severity": "error",
                        "addon": name,
                        "message": f"Addon {name} {version} is not installed",
                    }
                )
        with self.state.lock:
            packages = set(self.state.packages)
            installers = {i.get("version") for i in self.state.installers.values()}
        for platform, filename in (body.get("dependencyPackages") or {}).items():
            if filename and filename not in packages:
                issues.append(
                    {
                        "severity": "warning",
                        "message": f"Dependency package {filename} for {platform} does not exist",
                    }
                )
        version = body.get("installerVersion")
        if version and version not in installers:
            issues.append(
                {"severity": "error", "message": f"Installer version {version} does not exist"}
            )
        return Response(
            200, {"issues": issues, "success": not any(i["severity"] == "error" for i in issues)}
        )

    def bundle_action(self, req: Request, m: re.Match[str]) -> Response:
        """``{"action": "promote"}``: make the bundle the production bundle."""
        body = req.json
        action = body.get("action") if isinstance(body, dict) else None
        if action is None:
            return validation_error(req.method, req.path, [missing_field("body", "action")])
        if action != "promote":
            return validation_error(
                req.method, req.path, [bad_enum("body", "action", str(action), ["promote"])]
            )
        with self.state.lock:
            bundle = self.state.bundles.get(m.group("name"))
            if bundle is None:
                return error(404, f"Bundle {m.group('name')} not found")
            bundle["isProduction"] = True
            self._make_exclusive(bundle)
        return Response(201, {})
