"""REST endpoints of the stand-in server.

Paths, payloads, status codes and error bodies follow the real server's
``openapi.json`` and recorded exchanges: validation errors are HTTP 400 with
``{"code", "detail", "errors", "path", "traceback"}``, missing things are 404
``{"code", "detail"}``.  Mutable state (installers, dependency packages and
their file bytes, bundles) lives in :class:`RestState` and can be reset.
"""

from __future__ import annotations

import contextlib
import copy
import hashlib
import json
import os
import re
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ayon_gql.testing._dataset import (
    SERVER_VERSION,
    Dataset,
    Node,
    file_bytes,
    iso,
)

PLATFORMS = ["windows", "linux", "darwin"]
_PROJECT_NAME_RX = re.compile(r"^[a-zA-Z0-9_]*$")
_FILENAME_RX = re.compile(r"^[\w\-+._]+$")
_BUNDLE_NAME_RX = re.compile(r"^[a-zA-Z0-9_]([a-zA-Z0-9_\.\-]*[a-zA-Z0-9_])?$")


@dataclass
class Response:
    """An HTTP answer: JSON (``body``), raw bytes (``raw``) or a file (``file``)."""

    status: int = 200
    body: Any = None
    raw: bytes | None = None
    file: Path | None = None
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str = "application/json"

    def payload(self) -> bytes:
        """The body bytes (files excluded)."""
        if self.raw is not None:
            return self.raw
        if self.body is None and self.status == 204:
            return b""
        return json.dumps(self.body, separators=(",", ":")).encode()


@dataclass
class Request:
    """What the REST handlers see of an HTTP request."""

    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    json: Any
    body: bytes | Path | None
    user: Node | None

    def param(self, name: str) -> str | None:
        values = self.query.get(name)
        return values[-1] if values else None


def error(status: int, detail: str) -> Response:
    """``{"code": status, "detail": detail}`` with that HTTP status."""
    return Response(status, {"code": status, "detail": detail})


def validation_error(method: str, path: str, errors: list[Node]) -> Response:
    """HTTP 400 in the real server's request-validation shape."""
    return Response(
        400,
        {
            "code": 400,
            "detail": f"Request validation error in [{method}] {path}",
            "errors": errors,
            "path": path,
            "traceback": "\n".join(f"{e['loc'][-1]}: {e['msg']}" for e in errors),
        },
    )


def _missing(where: str, name: str) -> Node:
    return {"loc": [where, name], "msg": "field required", "type": "value_error.missing"}


def _bad_enum(where: str, name: str, given: str, permitted: list[str]) -> Node:
    allowed = ", ".join(f"'{p}'" for p in permitted)
    return {
        "ctx": {"given": given, "permitted": permitted},
        "loc": [where, name],
        "msg": f"unexpected value; permitted: {allowed}",
        "type": "value_error.const",
    }


def _bad_regex(where: str, name: str, pattern: str) -> Node:
    return {
        "ctx": {"pattern": pattern},
        "loc": [where, name],
        "msg": f'string does not match regex "{pattern}"',
        "type": "value_error.str.regex",
    }


def _bad_bool(where: str, name: str) -> Node:
    return {
        "loc": [where, name],
        "msg": "value could not be parsed to a boolean",
        "type": "type_error.bool",
    }


def _parse_bool(value: str | None) -> bool | None:
    if value is None:
        return None
    low = value.lower()
    if low in ("1", "true", "yes", "on"):
        return True
    if low in ("0", "false", "no", "off"):
        return False
    raise ValueError(value)


def rest_user(user: Node) -> Node:
    """A user in the REST shape of ``/api/users/me`` and the login answer."""
    data: Node = {
        "accessGroups": user["_accessGroups"],
        "defaultAccessGroups": user["defaultAccessGroups"],
    }
    if user["isService"]:
        data["apiKey"] = hashlib.sha256((user["_apiKey"] or "").encode()).hexdigest()
        data["apiKeyPreview"] = user["apiKeyPreview"]
        data["isService"] = True
        attrib: Node = {"fullName": user["attrib"]["fullName"]}
        own = ["fullName", "email", "avatarUrl", "developerMode"]
        level: int | None = 900
    else:
        if user["isAdmin"]:
            data["isAdmin"] = True
        if user["isManager"]:
            data["isManager"] = True
        salt = hashlib.sha256(user["name"].encode()).hexdigest()[:32]
        data["password"] = f"{salt}:{hashlib.sha256(salt.encode()).hexdigest()}"
        attrib = dict(user["attrib"])
        own = ["email", "fullName"]
        level = None
    return {
        "active": user["active"],
        "attrib": attrib,
        "createdAt": user["createdAt"],
        "data": data,
        "name": user["name"],
        "ownAttrib": own,
        "uiExposureLevel": level,
        "updatedAt": user["updatedAt"],
    }


class _Blob:
    """File content held in memory, or in a temporary file when large."""

    def __init__(self, data: bytes | None = None, path: Path | None = None) -> None:
        self.data = data
        self.path = path

    @property
    def size(self) -> int:
        if self.path is not None:
            return self.path.stat().st_size
        return len(self.data or b"")

    def md5(self) -> str:
        h = hashlib.md5()
        if self.path is not None:
            with self.path.open("rb") as fh:
                for chunk in iter(lambda: fh.read(1 << 20), b""):
                    h.update(chunk)
        else:
            h.update(self.data or b"")
        return h.hexdigest()

    def discard(self) -> None:
        if self.path is not None:
            self.path.unlink(missing_ok=True)
            self.path = None


class RestState:
    """Installers, dependency packages (with file bytes) and bundles; resettable."""

    def __init__(self, dataset: Dataset) -> None:
        self._dataset = dataset
        self.lock = threading.RLock()
        self.tmpdir = Path(tempfile.mkdtemp(prefix="ayon-standin-"))
        self.installers: dict[str, Node] = {}
        self.packages: dict[str, Node] = {}
        self.blobs: dict[tuple[str, str], _Blob] = {}
        self.bundles: dict[str, Node] = {}
        self.reset()

    def reset(self) -> None:
        """Back to the dataset's initial installers, packages and bundles."""
        with self.lock:
            for blob in self.blobs.values():
                blob.discard()
            self.blobs = {}
            self.installers = {i["filename"]: copy.deepcopy(i) for i in self._dataset.installers}
            self.packages = {p["filename"]: copy.deepcopy(p) for p in self._dataset.packages}
            for kind, table in (
                ("installers", self.installers),
                ("dependencyPackages", self.packages),
            ):
                for name, meta in table.items():
                    self.blobs[(kind, name)] = _Blob(file_bytes(name, int(meta["size"])))
            self.bundles = {b["name"]: copy.deepcopy(b) for b in self._dataset.bundles}

    def close(self) -> None:
        with self.lock:
            for blob in self.blobs.values():
                blob.discard()
            self.blobs = {}
        with contextlib.suppress(OSError):
            os.rmdir(self.tmpdir)


Handler = Callable[["RestApi", Request, re.Match[str]], Response]


class RestApi:
    """Routes REST requests to handlers; authentication is done by the server."""

    def __init__(self, dataset: Dataset, started: float | None = None) -> None:
        self.dataset = dataset
        self.state = RestState(dataset)
        self.started = started if started is not None else time.monotonic()
        self._routes: list[tuple[str, re.Pattern[str], Handler]] = []
        for method, pattern, handler in _ROUTES:
            self._routes.append((method, re.compile(f"^{pattern}$"), handler))

    def dispatch(self, req: Request) -> Response:
        """Serve ``req``; unknown paths and methods are 404 like on the real server."""
        for method, rx, handler in self._routes:
            if method != req.method:
                continue
            m = rx.match(req.path)
            if m is not None:
                return handler(self, req, m)
        return error(404, f"API endpoint {req.path} not found")

    # ------------------------------------------------------------------ info & users
    def info(self, req: Request, m: re.Match[str]) -> Response:
        uptime = float(round(time.monotonic() - self.started))
        if req.user is None:
            return Response(
                200,
                {
                    "disableFeedback": True,
                    "offlineMode": True,
                    "uptime": uptime,
                    "version": SERVER_VERSION,
                },
            )
        attributes = []
        for attr in self.dataset.attributes:
            data = {k: v for k, v in attr["data"].items() if v is not None}
            if "enum" in data:
                data["enum"] = [{k: v for k, v in e.items() if v is not None} for e in data["enum"]]
            attributes.append({**attr, "data": data})
        user = rest_user(req.user)
        user.pop("uiExposureLevel", None)
        return Response(
            200,
            {
                "attributes": attributes,
                "disableChangelog": True,
                "disableFeedback": True,
                "extras": "",
                "frontendFlags": [],
                "offlineMode": True,
                "sites": [],
                "ssoOptions": [],
                "uptime": uptime,
                "user": user,
                "version": SERVER_VERSION,
            },
        )

    def users_me(self, req: Request, m: re.Match[str]) -> Response:
        assert req.user is not None
        return Response(200, rest_user(req.user))

    def attributes(self, req: Request, m: re.Match[str]) -> Response:
        return Response(200, {"attributes": copy.deepcopy(self.dataset.attributes)})

    # ------------------------------------------------------------------ projects
    def projects(self, req: Request, m: re.Match[str]) -> Response:
        rows = []
        for name in self.dataset.project_names():
            rest = self.dataset.project_rest(name)
            assert rest is not None
            rows.append(
                {
                    "active": rest["active"],
                    "code": rest["code"],
                    "color": None,
                    "createdAt": rest["createdAt"],
                    "label": None,
                    "library": rest["library"],
                    "name": name,
                    "pinned": False,
                    "projectFolder": None,
                    "skeleton": False,
                    "updatedAt": rest["updatedAt"],
                }
            )
        errors = []
        flags: dict[str, bool | None] = {}
        for flag in ("library", "active", "desc"):
            try:
                flags[flag] = _parse_bool(req.param(flag))
            except ValueError:
                errors.append(_bad_bool("query", flag))
        order = req.param("order")
        if order is not None and order not in ("name", "createdAt", "updatedAt"):
            errors.append(_bad_enum("query", "order", order, ["name", "createdAt", "updatedAt"]))
        if errors:
            return validation_error(req.method, req.path, errors)
        if flags["library"] is not None:
            rows = [r for r in rows if r["library"] == flags["library"]]
        if flags["active"] is not None:
            rows = [r for r in rows if r["active"] == flags["active"]]
        needle = req.param("name")
        if needle:
            rows = [r for r in rows if needle.lower() in r["name"].lower()]
        if order:
            rows.sort(key=lambda r: str(r[order]), reverse=bool(flags["desc"]))
        total = len(rows)
        length = req.param("length")
        if length and length.isdigit():
            page = max(1, int(req.param("page") or "1"))
            rows = rows[(page - 1) * int(length) : page * int(length)]
        return Response(
            200,
            {
                "count": total,
                "detail": f"Showing {len(rows)} of {total} projects",
                "projects": rows,
            },
        )

    def project(self, req: Request, m: re.Match[str]) -> Response:
        name = m.group("name")
        if not _PROJECT_NAME_RX.match(name):
            return validation_error(
                req.method, req.path, [_bad_regex("path", "project_name", _PROJECT_NAME_RX.pattern)]
            )
        rest = self.dataset.project_rest(name)
        if rest is None:
            return error(404, f"Project {name} not found")
        return Response(200, copy.deepcopy(rest))

    # ------------------------------------------------------------------ desktop files
    def _table(self, kind: str) -> dict[str, Node]:
        return self.state.installers if kind == "installers" else self.state.packages

    def files_list(self, req: Request, m: re.Match[str]) -> Response:
        kind = m.group("kind")
        errors = []
        platform = req.param("platform")
        variant = req.param("variant")
        if kind == "installers":
            if platform is not None and platform not in PLATFORMS:
                errors.append(_bad_enum("query", "platform", platform, PLATFORMS))
            if variant is not None and variant not in ("production", "staging"):
                errors.append(_bad_enum("query", "variant", variant, ["production", "staging"]))
        if errors:
            return validation_error(req.method, req.path, errors)
        with self.state.lock:
            rows = [copy.deepcopy(r) for r in self._table(kind).values()]
        if kind == "installers":
            version = req.param("version")
            if version is not None:
                rows = [r for r in rows if r.get("version") == version]
            if platform is not None:
                rows = [r for r in rows if r["platform"] == platform]
            if variant is not None:
                bundle = self._bundle_for(variant)
                if bundle is not None:
                    rows = [r for r in rows if r.get("version") == bundle.get("installerVersion")]
            return Response(200, {"installers": rows})
        return Response(200, {"packages": rows})

    def _bundle_for(self, variant: str) -> Node | None:
        key = "isProduction" if variant == "production" else "isStaging"
        with self.state.lock:
            for b in self.state.bundles.values():
                if b.get(key):
                    return b
        return None

    def files_create(self, req: Request, m: re.Match[str]) -> Response:
        kind = m.group("kind")
        body = req.json
        if not isinstance(body, dict):
            return validation_error(req.method, req.path, [_missing("body", "body")])
        required = [
            "filename",
            "platform",
            "version" if kind == "installers" else "installerVersion",
        ]
        errors = [_missing("body", k) for k in required if k not in body]
        if "filename" in body and not _FILENAME_RX.match(str(body["filename"])):
            errors.append(_bad_regex("body", "filename", _FILENAME_RX.pattern))
        if "platform" in body and body["platform"] not in PLATFORMS:
            errors.append(_bad_enum("body", "platform", str(body["platform"]), PLATFORMS))
        if errors:
            return validation_error(req.method, req.path, errors)
        force = req.param("force") in ("true", "1") or req.param("overwrite") in ("true", "1")
        filename = str(body["filename"])
        with self.state.lock:
            table = self._table(kind)
            if filename in table and not force:
                return error(409, f"{filename} already exists")
            meta = {k: v for k, v in body.items() if v is not None}
            meta.setdefault("sources", [])
            blob = self.state.blobs.get((kind, filename))
            if blob is not None:
                meta["size"] = blob.size
                meta["checksum"] = blob.md5()
                meta["checksumAlgorithm"] = "md5"
            table[filename] = meta
        return Response(201, {"eventId": None})

    def files_download(self, req: Request, m: re.Match[str]) -> Response:
        kind, filename = m.group("kind"), m.group("filename")
        with self.state.lock:
            blob = self.state.blobs.get((kind, filename))
            if blob is None or filename not in self._table(kind):
                return error(404, "File not found")
            headers = {"Content-Disposition": f'attachment; filename="{filename}"'}
            if blob.path is not None:
                return Response(
                    200, file=blob.path, headers=headers, content_type="application/octet-stream"
                )
            return Response(
                200, raw=blob.data, headers=headers, content_type="application/octet-stream"
            )

    def files_upload(self, req: Request, m: re.Match[str]) -> Response:
        kind, filename = m.group("kind"), m.group("filename")
        if not _FILENAME_RX.match(filename):
            return validation_error(
                req.method, req.path, [_bad_regex("path", "filename", _FILENAME_RX.pattern)]
            )
        with self.state.lock:
            table = self._table(kind)
            if filename not in table:
                if isinstance(req.body, Path):
                    req.body.unlink(missing_ok=True)
                return error(404, f"No such {kind[:-1]} metadata: {filename}")
            old = self.state.blobs.pop((kind, filename), None)
            if old is not None:
                old.discard()
            if isinstance(req.body, Path):
                blob = _Blob(path=req.body)
            else:
                blob = _Blob(data=req.body or b"")
            self.state.blobs[(kind, filename)] = blob
            meta = table[filename]
            meta["size"] = blob.size
            meta["checksum"] = blob.md5()
            meta["checksumAlgorithm"] = "md5"
            sources = [s for s in meta.get("sources", []) if s.get("type") != "server"]
            meta["sources"] = [{"type": "server"}, *sources]
        return Response(204)

    def files_patch(self, req: Request, m: re.Match[str]) -> Response:
        kind, filename = m.group("kind"), m.group("filename")
        body = req.json
        if not isinstance(body, dict):
            return validation_error(req.method, req.path, [_missing("body", "body")])
        sources = body.get("sources")
        if sources is not None:
            bad = [
                i
                for i, s in enumerate(sources)
                if not isinstance(s, dict) or s.get("type") not in ("server", "http")
            ]
            if bad:
                return validation_error(
                    req.method,
                    req.path,
                    [_bad_enum("body", "type", str(sources[i]), ["server", "http"]) for i in bad],
                )
        with self.state.lock:
            meta = self._table(kind).get(filename)
            if meta is None:
                return error(404, "File not found")
            if sources is not None:
                meta["sources"] = sources
        return Response(204)

    def files_delete(self, req: Request, m: re.Match[str]) -> Response:
        kind, filename = m.group("kind"), m.group("filename")
        with self.state.lock:
            meta = self._table(kind).pop(filename, None)
            blob = self.state.blobs.pop((kind, filename), None)
            if blob is not None:
                blob.discard()
        if meta is None:
            return error(404, "File not found")
        return Response(204)

    # ------------------------------------------------------------------ bundles
    def bundles(self, req: Request, m: re.Match[str]) -> Response:
        try:
            archived = _parse_bool(req.param("archived")) or False
        except ValueError:
            return validation_error(req.method, req.path, [_bad_bool("query", "archived")])
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
            return [_missing("body", "name")]
        errors = []
        if "name" not in body:
            errors.append(_missing("body", "name"))
        elif not _BUNDLE_NAME_RX.match(str(body["name"])):
            errors.append(_bad_regex("body", "name", _BUNDLE_NAME_RX.pattern))
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
            return validation_error(req.method, req.path, [_missing("body", "body")])
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
        addon = self.dataset.addon
        issues = []
        for name, version in (body.get("addons") or {}).items():
            if version is None:
                continue
            if name != addon["name"] or version != addon["version"]:
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

    # ------------------------------------------------------------------ addons & settings
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

    def _project_addon(self, req: Request, m: re.Match[str]) -> Node | Response:
        """The addon and a checked ``project`` path parameter, or the error answer."""
        found = self._addon(m.group("addon"), m.group("version"))
        if isinstance(found, Response):
            return found
        project = m.group("project")
        if not _PROJECT_NAME_RX.match(project):
            return validation_error(
                req.method, req.path, [_bad_regex("path", "project_name", _PROJECT_NAME_RX.pattern)]
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

    def bundle_action(self, req: Request, m: re.Match[str]) -> Response:
        """``{"action": "promote"}``: make the bundle the production bundle."""
        body = req.json
        action = body.get("action") if isinstance(body, dict) else None
        if action is None:
            return validation_error(req.method, req.path, [_missing("body", "action")])
        if action != "promote":
            return validation_error(
                req.method, req.path, [_bad_enum("body", "action", str(action), ["promote"])]
            )
        with self.state.lock:
            bundle = self.state.bundles.get(m.group("name"))
            if bundle is None:
                return error(404, f"Bundle {m.group('name')} not found")
            bundle["isProduction"] = True
            self._make_exclusive(bundle)
        return Response(201, {})

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
        variant = req.param("variant") or "production"
        if variant not in ("production", "staging"):
            return validation_error(
                req.method,
                req.path,
                [_bad_enum("query", "variant", variant, ["production", "staging"])],
            )
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
        variant = req.param("variant") or "production"
        if variant not in ("production", "staging"):
            return validation_error(
                req.method,
                req.path,
                [_bad_enum("query", "variant", variant, ["production", "staging"])],
            )
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


def iso_now() -> str:
    """Current time in the server's timestamp format."""
    from datetime import datetime, timezone

    return iso(datetime.now(timezone.utc))


_KIND = r"(?P<kind>installers|dependencyPackages)"
_FILE = r"(?P<filename>[^/]+)"
_ADDON = r"/api/addons/(?P<addon>[^/]+)/(?P<version>[^/]+)"
_ROUTES: list[tuple[str, str, Handler]] = [
    ("GET", r"/api/info", RestApi.info),
    ("GET", r"/api/users/me", RestApi.users_me),
    ("GET", r"/api/attributes", RestApi.attributes),
    ("GET", r"/api/projects", RestApi.projects),
    ("GET", r"/api/projects/(?P<name>[^/]+)", RestApi.project),
    ("GET", rf"/api/desktop/{_KIND}", RestApi.files_list),
    ("POST", rf"/api/desktop/{_KIND}", RestApi.files_create),
    ("GET", rf"/api/desktop/{_KIND}/{_FILE}", RestApi.files_download),
    ("PUT", rf"/api/desktop/{_KIND}/{_FILE}", RestApi.files_upload),
    ("PATCH", rf"/api/desktop/{_KIND}/{_FILE}", RestApi.files_patch),
    ("DELETE", rf"/api/desktop/{_KIND}/{_FILE}", RestApi.files_delete),
    ("GET", r"/api/bundles", RestApi.bundles),
    ("POST", r"/api/bundles", RestApi.bundle_create),
    ("POST", r"/api/bundles/check", RestApi.bundle_check),
    ("PATCH", r"/api/bundles/(?P<name>[^/]+)", RestApi.bundle_patch),
    ("POST", r"/api/bundles/(?P<name>[^/]+)", RestApi.bundle_action),
    ("DELETE", r"/api/bundles/(?P<name>[^/]+)", RestApi.bundle_delete),
    ("GET", r"/api/addons", RestApi.addons),
    ("GET", rf"{_ADDON}/settings", RestApi.addon_settings),
    ("GET", rf"{_ADDON}/schema", RestApi.addon_schema),
    ("GET", rf"{_ADDON}/overrides", RestApi.addon_overrides),
    ("GET", rf"{_ADDON}/overrides/(?P<project>[^/]+)", RestApi.addon_project_overrides),
    ("GET", rf"{_ADDON}/schema/(?P<project>[^/]+)", RestApi.addon_project_schema),
    ("GET", rf"{_ADDON}/siteSettings/schema", RestApi.addon_site_schema),
    ("GET", rf"{_ADDON}/settings/(?P<project>[^/]+)", RestApi.addon_project_settings),
    ("GET", rf"{_ADDON}/siteSettings", RestApi.addon_site_settings),
    ("GET", r"/api/settings", RestApi.settings),
    ("GET", r"/api/settings/addons", RestApi.settings_addons),
]

# Paths served without credentials.
PUBLIC_PATHS = frozenset({"/api/info", "/api/auth/login"})


def upload_target(method: str, path: str) -> bool:
    """True for requests whose body is file content (streamed to disk when large)."""
    return method == "PUT" and re.match(rf"^/api/desktop/{_KIND}/{_FILE}$", path) is not None


__all__ = [
    "PUBLIC_PATHS",
    "Request",
    "Response",
    "RestApi",
    "error",
    "rest_user",
    "upload_target",
    "validation_error",
]
