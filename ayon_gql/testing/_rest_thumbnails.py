"""Thumbnails and reviewables of the stand-in, answered as recorded in
``writes/write-thumbnail-*`` and ``writes/write-reviewable-*``.

Thumbnails are PNG or JPEG bodies (checked by their first bytes, as the
server's image decoder would); reviewables are videos or images the real
server probes with ffprobe.  The stand-in has no ffprobe: it recognises an
MP4/QuickTime container by its ``ftyp`` box and PNG/JPEG by their
signatures, reads a PNG's size, and refuses anything else as undecodable.
"""

from __future__ import annotations

import re
import struct
import threading
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ayon_gql.testing._rest_http import Request, Response, error, missing_field, validation_error
from ayon_gql.testing._write_changes import update
from ayon_gql.testing._write_entities import EntityWriter
from ayon_gql.testing._write_tx import Transaction, server_id

if TYPE_CHECKING:
    from ayon_gql.testing._dataset import Dataset
    from ayon_gql.testing._event_store import EventStore

__all__ = ["THUMBNAIL_ROUTES", "ThumbnailRoutes"]


def _png(width: int, height: int) -> bytes:
    """A valid, fully transparent RGBA PNG of the given size."""
    import binascii
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = binascii.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    rows = b"".join(b"\x00" + b"\x00" * 4 * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


#: What the server answers for an entity without a thumbnail: a blank image.
PLACEHOLDER = _png(1, 1)


def _image_type(data: bytes) -> str | None:
    if data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) >= 33:
        return "image/png"
    if data.startswith(b"\xff\xd8\xff") and len(data) >= 32:
        return "image/jpeg"
    return None


def _body(req: Request) -> bytes:
    body = req.body
    if isinstance(body, Path):
        return body.read_bytes()
    return body or b""


def _now() -> str:
    return datetime.now(timezone.utc).isoformat()


def _media_info(data: bytes, mimetype: str) -> dict[str, Any] | None:
    """What ffprobe would report, or None for a file it cannot decode."""
    if mimetype == "image/png" and _image_type(data) == "image/png":
        width, height = struct.unpack(">II", data[16:24])
        codec, brand, duration, still = "png", "", 0.0, True
    elif mimetype == "image/jpeg" and _image_type(data) == "image/jpeg":
        width = height = 0
        codec, brand, duration, still = "mjpeg", "", 0.0, True
    elif data[4:8] == b"ftyp" and len(data) > 64:
        width = height = 0
        codec, brand, duration, still = "h264", data[8:12].decode("latin-1"), 0.0, False
    else:
        return None
    return {
        "codec": codec,
        "duration": duration,
        "frameRate": 25.0,
        "height": height,
        "iframeOnly": still,
        "majorBrand": brand,
        "pixelFormat": "rgb24" if still else "yuv420p",
        "probeVersion": 1,
        "videoTrackIndex": 0,
        "width": width,
    }


class ThumbnailRoutes:
    """Thumbnail and reviewable endpoints (mixed into ``RestApi``)."""

    dataset: Dataset
    events: EventStore
    write_lock: threading.RLock
    touched: set[str]
    #: (project, thumbnail id) -> (bytes, content type, stored at)
    thumbnails: dict[tuple[str, str], tuple[bytes, str, str]]
    #: version id -> the reviewables uploaded to it
    reviewables: dict[str, list[dict[str, Any]]]

    def _store_thumbnail(self, req: Request, project: str) -> tuple[Response | None, str]:
        kind = req.headers.get("content-type")
        if not kind:
            return error(400, "Thumbnail content type is required"), ""
        if kind not in ("image/png", "image/jpeg"):
            return error(415, "Thumbnail must be in png or jpeg format"), ""
        data = _body(req)
        if _image_type(data) != kind:
            return error(415, "Invalid image format"), ""
        thumbnail_id = server_id()
        with self.write_lock:
            self.thumbnails[(project, thumbnail_id)] = (data, kind, _now())
        return None, thumbnail_id

    def thumbnail_create(self, req: Request, m: re.Match[str]) -> Response:
        project = m.group("project")
        if self.dataset.project(project) is None:
            return error(404, f"Project {project} not found")
        failure, thumbnail_id = self._store_thumbnail(req, project)
        if failure is not None:
            return failure
        return Response(200, {"affectedEntities": [], "id": thumbnail_id})

    def entity_thumbnail_create(self, req: Request, m: re.Match[str]) -> Response:
        project_name, kind, entity_id = m.group("project"), m.group("kind"), m.group("id")
        project = self.dataset.project(project_name)
        node = project.by_id.get(entity_id) if project else None
        if project is None or node is None or node["type"] != kind:
            return error(404, f"{kind.capitalize()} {entity_id} not found")
        failure, thumbnail_id = self._store_thumbnail(req, project_name)
        if failure is not None:
            return failure
        assert req.user is not None
        with self.write_lock:
            self.touched.add(project_name)
            tx = Transaction()
            update(
                EntityWriter(project, req.user["name"]),
                tx,
                kind,
                entity_id,
                {"thumbnailId": thumbnail_id},
            )
        affected = [node]
        if kind == "version":
            product = node["_product"]
            affected.append(product["_folder"])
            if node.get("taskId") and node["taskId"] in project.by_id:
                affected.append(project.by_id[node["taskId"]])
        return Response(
            200,
            {
                "affectedEntities": [
                    {
                        "entityId": n["id"],
                        "entityType": n["type"],
                        "thumbnailHash": thumbnail_id[:6],
                        "thumbnailId": None,
                    }
                    for n in affected
                ],
                "id": thumbnail_id,
            },
        )

    def _thumbnail_answer(
        self, project: str, thumbnail_id: str | None, immutable: bool
    ) -> Response | None:
        stored = self.thumbnails.get((project, thumbnail_id or ""))
        if stored is None:
            return None
        data, kind, at = stored
        headers = {"x-thumbnail-id": str(thumbnail_id)}
        if immutable:
            headers["cache-control"] = "public, max-age=31536000, immutable"
        else:
            headers.update({"cache-control": "max-age=3600", "x-thumbnail-time": at})
        return Response(200, raw=data, content_type=kind, headers=headers)

    def thumbnail_get(self, req: Request, m: re.Match[str]) -> Response:
        found = self._thumbnail_answer(m.group("project"), m.group("id"), immutable=False)
        return found or error(404, "Thumbnail not found")

    def entity_thumbnail_get(self, req: Request, m: re.Match[str]) -> Response:
        project_name, kind, entity_id = m.group("project"), m.group("kind"), m.group("id")
        project = self.dataset.project(project_name)
        node = project.by_id.get(entity_id) if project else None
        if node is None or node["type"] != kind:
            return error(404, f"{kind.capitalize()} {entity_id} not found")
        found = self._thumbnail_answer(project_name, node.get("thumbnailId"), immutable=True)
        if found is not None:
            return found
        if req.param("placeholder") == "none":
            return error(404, "No thumbnail available")
        return Response(
            200,
            raw=PLACEHOLDER,
            content_type="image/png",
            headers={"cache-control": "public, max-age=3600"},
        )

    # ------------------------------------------------------------------ reviewables
    def reviewable_upload(self, req: Request, m: re.Match[str]) -> Response:
        project_name, version_id = m.group("project"), m.group("id")
        filename = req.headers.get("x-file-name")
        if not filename:
            return validation_error(req.method, req.path, [missing_field("header", "x-file-name")])
        project = self.dataset.project(project_name)
        version = project.by_id.get(version_id) if project else None
        if project is None or version is None or version["type"] != "version":
            return error(404, f"Version {version_id} not found")
        mimetype = req.headers.get("content-type", "")
        if not (mimetype.startswith(("video/", "image/")) or mimetype == "application/mxf"):
            return error(400, "Only videos and images are supported for reviewables now")
        data = _body(req)
        media = _media_info(data, mimetype)
        if media is None:
            return error(400, "Failed to extract media info")
        assert req.user is not None
        user = req.user
        now = _now()
        reviewable = {
            "activityId": server_id(),
            "author": {"fullName": user["attrib"].get("fullName"), "name": user["name"]},
            "availability": "ready" if mimetype.startswith("image/") else "conversionRecommended",
            "createdAt": now,
            "createdFrom": None,
            "fileId": server_id(),
            "filename": filename,
            "label": req.param("label"),
            "mediaInfo": media,
            "mimetype": mimetype,
            "processing": None,
            "updatedAt": now,
        }
        with self.write_lock:
            self.touched.add(project_name)
            self.reviewables.setdefault(version["id"], []).append(reviewable)
        self.events.emit(
            "activity.created",
            project=project_name,
            user=user["name"],
            description="Created reviewable activity",
            summary={"activity_id": reviewable["activityId"], "activity_type": "reviewable"},
        )
        self.events.emit(
            "reviewable.created",
            project=project_name,
            user=user["name"],
            description=f"Reviewable '{filename}' uploaded",
            summary={
                "activityId": reviewable["activityId"],
                "fileId": reviewable["fileId"],
                "filename": filename,
                "label": reviewable["label"],
                "mimetype": mimetype,
                "productId": version["productId"],
                "size": len(data),
                "versionId": version["id"],
            },
        )
        return Response(200, reviewable)

    def _version_reviewables(self, version: dict[str, Any]) -> dict[str, Any]:
        product = version["_product"]
        return {
            "attrib": {k: v for k, v in version["attrib"].items() if v is not None},
            "id": version["id"],
            "name": version["name"],
            "productId": product["id"],
            "productName": product["name"],
            "productType": product["productType"],
            "reviewables": list(self.reviewables.get(version["id"], [])),
            "status": version["status"],
            "version": str(version["version"]),
        }

    def reviewables_list(self, req: Request, m: re.Match[str]) -> Response:
        project_name, kind, entity_id = m.group("project"), m.group("kind"), m.group("id")
        project = self.dataset.project(project_name)
        node = project.by_id.get(entity_id) if project else None
        if project is None or node is None or node["type"] != kind:
            return error(404, f"{kind.capitalize()} {entity_id} not found")
        if kind == "version":
            return Response(200, self._version_reviewables(node))
        if kind == "product":
            versions = project.versions_by_product.get(node["id"], [])
        elif kind == "task":
            versions = project.versions_by_task.get(node["id"], [])
        else:
            versions = [
                v
                for product in project.products_by_folder.get(node["id"], [])
                for v in project.versions_by_product.get(product["id"], [])
            ]
        return Response(200, [self._version_reviewables(v) for v in versions])


_PROJECT = r"/api/projects/(?P<project>[^/]+)"
_ENTITY = r"(?P<kind>folder|task|version|workfile)s/(?P<id>[^/]+)"
THUMBNAIL_ROUTES = [
    ("POST", rf"{_PROJECT}/thumbnails", ThumbnailRoutes.thumbnail_create),
    ("GET", rf"{_PROJECT}/thumbnails/(?P<id>[^/]+)", ThumbnailRoutes.thumbnail_get),
    ("POST", rf"{_PROJECT}/{_ENTITY}/thumbnail", ThumbnailRoutes.entity_thumbnail_create),
    ("GET", rf"{_PROJECT}/{_ENTITY}/thumbnail", ThumbnailRoutes.entity_thumbnail_get),
    (
        "POST",
        rf"{_PROJECT}/versions/(?P<id>[^/]+)/reviewables",
        ThumbnailRoutes.reviewable_upload,
    ),
    (
        "GET",
        rf"{_PROJECT}/(?P<kind>folder|product|task|version)s/(?P<id>[^/]+)/reviewables",
        ThumbnailRoutes.reviewables_list,
    ),
]
