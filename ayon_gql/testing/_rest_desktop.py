"""``/api/desktop/installers`` and ``/api/desktop/dependencyPackages``: metadata and file bytes."""

from __future__ import annotations

import copy
import re
from pathlib import Path

from ayon_gql.testing._dataset import Node
from ayon_gql.testing._rest_http import (
    FILENAME_RX,
    PLATFORMS,
    VARIANTS,
    Request,
    Response,
    bad_enum,
    bad_regex,
    error,
    missing_field,
    validation_error,
)
from ayon_gql.testing._rest_state import Blob, RestRoutes


class DesktopFileRoutes(RestRoutes):
    """Desktop installers and dependency packages."""

    def _table(self, kind: str) -> dict[str, Node]:
        return self.state.installers if kind == "installers" else self.state.packages

    def files_list(self, req: Request, m: re.Match[str]) -> Response:
        kind = m.group("kind")
        errors = []
        platform = req.param("platform")
        variant = req.param("variant")
        if kind == "installers":
            if platform is not None and platform not in PLATFORMS:
                errors.append(bad_enum("query", "platform", platform, PLATFORMS))
            if variant is not None and variant not in VARIANTS:
                errors.append(bad_enum("query", "variant", variant, VARIANTS))
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

    def files_create(self, req: Request, m: re.Match[str]) -> Response:
        kind = m.group("kind")
        body = req.json
        if not isinstance(body, dict):
            return validation_error(req.method, req.path, [missing_field("body", "body")])
        required = [
            "filename",
            "platform",
            "version" if kind == "installers" else "installerVersion",
        ]
        errors = [missing_field("body", k) for k in required if k not in body]
        if "filename" in body and not FILENAME_RX.match(str(body["filename"])):
            errors.append(bad_regex("body", "filename", FILENAME_RX.pattern))
        if "platform" in body and body["platform"] not in PLATFORMS:
            errors.append(bad_enum("body", "platform", str(body["platform"]), PLATFORMS))
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
        if not FILENAME_RX.match(filename):
            return validation_error(
                req.method, req.path, [bad_regex("path", "filename", FILENAME_RX.pattern)]
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
            body = req.body
            blob = Blob(path=body) if isinstance(body, Path) else Blob(data=body or b"")
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
            return validation_error(req.method, req.path, [missing_field("body", "body")])
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
                    [bad_enum("body", "type", str(sources[i]), ["server", "http"]) for i in bad],
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
