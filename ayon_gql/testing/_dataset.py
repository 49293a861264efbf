"""Deterministic generator of an AYON-like production for the stand-in server.

Everything is derived from a seed, so two datasets built with the same
arguments are identical (same ids, names, timestamps and file bytes).  Nodes
are plain dicts with the camelCase keys of the GraphQL schema, so the
graphql-core default resolver can read them directly; keys starting with ``_``
are private bookkeeping and never exposed.

Projects are built lazily on first access (under a lock), so a dataset with a
large project costs nothing until that project is queried.
"""

from __future__ import annotations

import gc
import hashlib
import json
import random
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

Node = dict[str, Any]

DEMO_PROJECT = "demo_Commercial"
MEDIUM_PROJECT = "perf_Medium"
LARGE_PROJECT = "perf_Large"

ADMIN_PASSWORD = "admin"
SERVICE_USER = "service"
SERVER_VERSION = "1.16.0+DEVELOP"

_EMPTY: Node = {}
_BASE_TIME = datetime(2026, 1, 5, 9, 0, 0, tzinfo=timezone.utc)
_STATUSES = [
    "Not ready",
    "Ready to start",
    "In progress",
    "Pending review",
    "Approved",
    "On hold",
    "Omitted",
]
_VERSION_STATUSES = ["Pending review", "Approved", "On hold", "Omitted", "In progress"]
_ARTISTS = ["alice", "artist", "bob", "carol", "dave"]
_TAGS = ["important", "for reel"]


def iso(dt: datetime) -> str:
    """Format a datetime like the AYON server does (microseconds, ``+00:00``)."""
    return dt.astimezone(timezone.utc).isoformat(timespec="microseconds")


def _json(value: Any) -> str:
    """Compact JSON text, as AYON returns it in ``String`` fields."""
    return json.dumps(value, separators=(",", ":"), sort_keys=True)


def file_bytes(filename: str, size: int) -> bytes:
    """Deterministic pseudo-random content of ``size`` bytes for ``filename``."""
    out = bytearray()
    block = hashlib.sha256(filename.encode()).digest()
    while len(out) < size:
        out += block
        block = hashlib.sha256(block).digest()
    return bytes(out[:size])


# --------------------------------------------------------------------------- attributes


def _attr(
    name: str,
    position: int,
    scope: list[str],
    type_: str,
    title: str,
    *,
    default: Any = None,
    example: Any = None,
    description: str | None = None,
    inherit: bool = True,
    **extra: Any,
) -> Node:
    data: Node = {
        "default": default,
        "description": description,
        "enum": None,
        "enumResolver": None,
        "enumResolverSettings": None,
        "example": example,
        "ge": None,
        "gt": None,
        "inherit": inherit,
        "le": None,
        "lt": None,
        "maxItems": None,
        "maxLength": None,
        "minItems": None,
        "minLength": None,
        "regex": None,
        "title": title,
        "type": type_,
        "widget": None,
        "widgetSettings": None,
    }
    data.update(extra)
    return {"builtin": True, "data": data, "name": name, "position": position, "scope": scope}


def _priority_enum() -> list[Node]:
    items = [
        ("urgent", "Urgent", "priority_high", "#E57373"),
        ("high", "High", "arrow_upward", "#FFB74D"),
        ("normal", "Normal", "remove", "#90CAF9"),
        ("low", "Low", "arrow_downward", "#B0BEC5"),
    ]
    return [
        {
            "color": color,
            "description": None,
            "disabled": False,
            "disabledMessage": None,
            "fulltext": [value],
            "group": None,
            "icon": icon,
            "label": label,
            "shortName": None,
            "value": value,
        }
        for value, label, icon, color in items
    ]


def build_attributes() -> list[Node]:
    """The attribute configuration served at ``GET /api/attributes``.

    Names, types and scopes follow the schema's ``*AttribType`` objects; the
    texts are the stand-in's own.
    """
    media = ["project", "folder", "version", "representation", "task"]
    hier = ["project", "folder", "task"]
    rows: list[tuple[str, list[str], str, str, dict[str, Any]]] = [
        ("priority", hier, "string", "Priority", {"default": "normal", "enum": _priority_enum()}),
        (
            "fps",
            media,
            "float",
            "FPS",
            {"default": 25, "example": 25, "gt": 0, "description": "Frames per second"},
        ),
        (
            "resolutionWidth",
            media,
            "integer",
            "Width",
            {
                "default": 1920,
                "example": 1920,
                "gt": 0,
                "lt": 50000,
                "description": "Image width in pixels",
            },
        ),
        (
            "resolutionHeight",
            media,
            "integer",
            "Height",
            {
                "default": 1080,
                "example": 1080,
                "gt": 0,
                "lt": 50000,
                "description": "Image height in pixels",
            },
        ),
        ("pixelAspect", media, "float", "Pixel aspect", {"default": 1.0, "example": 1.0, "gt": 0}),
        ("clipIn", media, "integer", "Clip in", {"default": 1, "example": 1}),
        ("clipOut", media, "integer", "Clip out", {"default": 1, "example": 1}),
        ("frameStart", media, "integer", "First frame", {"default": 1001, "example": 1001}),
        ("frameEnd", media, "integer", "Last frame", {"default": 1001}),
        ("handleStart", media, "integer", "Head handle", {"default": 0}),
        ("handleEnd", media, "integer", "Tail handle", {"default": 0}),
        ("fullName", ["user"], "string", "Full name", {"example": "Sam Sample"}),
        ("email", ["user"], "string", "E-mail", {"example": "sam@studio.example"}),
        ("avatarUrl", ["user"], "string", "Avatar", {}),
        ("developerMode", ["user"], "boolean", "Developer mode", {"example": True}),
        ("productGroup", ["product"], "string", "Product group", {}),
        ("intent", ["version"], "string", "Intent", {}),
        ("machine", ["version"], "string", "Machine", {}),
        ("source", ["version"], "string", "Source", {}),
        ("comment", ["version"], "string", "Comment", {}),
        ("site", ["version"], "string", "Site", {"example": "render-node-7"}),
        ("families", ["version"], "list_of_strings", "Families", {}),
        ("colorSpace", ["version"], "string", "Colour space", {"example": "ACEScg"}),
        ("path", ["representation"], "string", "Path", {}),
        ("template", ["representation"], "string", "Template", {}),
        ("extension", ["representation", "workfile"], "string", "Extension", {}),
        (
            "startDate",
            hier,
            "datetime",
            "Start date",
            {"example": "2026-01-01T00:00:00+00:00", "description": "When work starts"},
        ),
        (
            "endDate",
            hier,
            "datetime",
            "End date",
            {"example": "2026-12-31T00:00:00+00:00", "description": "When work is due"},
        ),
        (
            "description",
            [*hier, "product", "version", "representation", "workfile"],
            "string",
            "Description",
            {
                "example": "Free text",
                "description": "Notes about the entity",
                "inherit": False,
                "widget": "markdown",
            },
        ),
        (
            "entityListCategory",
            ["list"],
            "string",
            "List category",
            {"example": "Dailies", "description": "Groups entity lists", "inherit": False},
        ),
    ]
    return [
        _attr(name, pos, scope, type_, title, **opts)
        for pos, (name, scope, type_, title, opts) in enumerate(rows)
    ]


# --------------------------------------------------------------------------- users


def _build_users(seed: int) -> tuple[list[Node], dict[str, str], dict[str, str]]:
    """Users sorted by name, the password table and the API key table."""
    rng = random.Random(f"users:{seed}")
    projects = {DEMO_PROJECT: ["artist"], LARGE_PROJECT: ["artist"], MEDIUM_PROJECT: ["artist"]}
    people = [
        ("admin", "Ada Admin", True, False, False),
        ("alice", "Alice Archer", False, False, False),
        ("artist", "Art Ist", False, False, False),
        ("bob", "Bob Baker", False, False, False),
        ("carol", "Carol Chen", False, True, False),
        ("dave", "Dave Dunn", False, False, False),
        (SERVICE_USER, "Service account", True, False, True),
    ]
    users: list[Node] = []
    passwords: dict[str, str] = {"admin": ADMIN_PASSWORD}
    api_keys: dict[str, str] = {}
    created = iso(_BASE_TIME - timedelta(days=30))
    for name, full, is_admin, is_manager, is_service in people:
        groups = {} if (is_admin or is_manager) else projects
        key = None
        if is_service:
            key = f"{rng.getrandbits(128):032x}"
            api_keys[key] = name
        elif name != "admin":
            passwords[name] = f"{name}-pass"
        users.append(
            {
                "__typename": "UserNode",
                "name": name,
                "active": True,
                "createdAt": created,
                "updatedAt": created,
                "accessGroups": _json(groups),
                "defaultAccessGroups": [] if is_admin or is_service else ["artist"],
                "isAdmin": is_admin,
                "isManager": is_manager,
                "isService": is_service,
                "isGuest": False,
                "isDeveloper": False,
                "isStagingAllowed": is_admin,
                "inviteSentAt": None,
                "inviteAcceptedAt": None,
                "hasPassword": name in passwords,
                "disablePasswordLogin": False,
                "userPool": None,
                "apiKeyPreview": f"{key[:4]}***{key[-4:]}" if key else None,
                "deleted": False,
                "attrib": {
                    "fullName": full,
                    "email": None if is_service else f"{name}@studio.example",
                    "avatarUrl": None,
                    "developerMode": None,
                },
                "allAttrib": _json({"fullName": full}),
                "_accessGroups": groups,
                "_apiKey": key,
            }
        )
    return users, passwords, api_keys


# --------------------------------------------------------------------------- projects


@dataclass
class ProjectData:
    """All entities of one project plus the lookup indexes the resolvers use."""

    name: str
    code: str
    node: Node
    rest: Node
    folders: list[Node] = field(default_factory=list)
    tasks: list[Node] = field(default_factory=list)
    products: list[Node] = field(default_factory=list)
    versions: list[Node] = field(default_factory=list)
    representations: list[Node] = field(default_factory=list)
    activities: list[Node] = field(default_factory=list)
    links: list[Node] = field(default_factory=list)
    by_id: dict[str, Node] = field(default_factory=dict)
    children: dict[str | None, list[Node]] = field(default_factory=dict)
    tasks_by_folder: dict[str, list[Node]] = field(default_factory=dict)
    products_by_folder: dict[str, list[Node]] = field(default_factory=dict)
    versions_by_product: dict[str, list[Node]] = field(default_factory=dict)
    versions_by_task: dict[str, list[Node]] = field(default_factory=dict)
    reps_by_version: dict[str, list[Node]] = field(default_factory=dict)
    activities_by_entity: dict[str, list[Node]] = field(default_factory=dict)
    links_by_entity: dict[str, list[tuple[Node, str]]] = field(default_factory=dict)
    folder_by_path: dict[str, Node] = field(default_factory=dict)


_FOLDER_TYPES = [
    ("Folder", "folder", ""),
    ("Library", "category", "lib"),
    ("Asset", "smart_toy", ""),
    ("Episode", "live_tv", "ep"),
    ("Sequence", "theaters", "sq"),
    ("Shot", "movie", "sh"),
]
_TASK_TYPES = [
    ("Generic", "task_alt", "gen", "#5c6c79"),
    ("Art", "palette", "art", "#b03a3a"),
    ("Modeling", "language", "mdl", "#e05252"),
    ("Texture", "brush", "tex", "#d04848"),
    ("Lookdev", "ev_shadow", "look", "#4a9a50"),
    ("Rigging", "construction", "rig", "#20a8bb"),
    ("Edit", "imagesearch_roller", "edit", "#3a4098"),
    ("Layout", "nature_people", "lay", "#2a5fb0"),
    ("Setdress", "scene", "dress", "#206860"),
    ("Animation", "directions_run", "anim", "#3a9cee"),
    ("FX", "fireplace", "fx", "#a040c0"),
    ("Lighting", "highlight", "lgt", "#8030b0"),
    ("Paint", "video_stable", "paint", "#35783a"),
    ("Compositing", "layers", "comp", "#6530a0"),
    ("Roto", "gesture", "roto", "#2070b0"),
    ("Matchmove", "switch_video", "mm", "#207878"),
]
_PRODUCT_BASE_TYPES = [
    ("image", "image"),
    ("render", "photo_library"),
    ("review", "rate_review"),
    ("plate", "camera_roll"),
    ("camera", "videocam"),
    ("model", "language"),
    ("texture", "texture"),
    ("look", "ev_shadow"),
    ("rig", "accessibility"),
    ("animation", "directions_run"),
    ("cache", "animation"),
    ("layout", "nature_people"),
    ("setdress", "forest"),
    ("groom", "content_cut"),
    ("matchmove", "switch_video"),
    ("vdbcache", "local_fire_department"),
    ("lightrig", "wb_incandescent"),
    ("lut", "opacity"),
    ("workfile", "home_repair_service"),
]
PRODUCT_TYPES: list[Node] = [
    {"name": name, "icon": icon, "color": "#cccccc"} for name, icon in _PRODUCT_BASE_TYPES
]
_STATUS_DEFS = [
    ("Not ready", "NRD", "fiber_new", "#3d444f", "not_started", ["folder", "product", "task"]),
    ("Ready to start", "RDY", "timer", "#bababa", "not_started", ["folder", "task"]),
    ("In progress", "PRG", "play_arrow", "#5bb8f5", "in_progress", ["folder", "task"]),
    (
        "Pending review",
        "RVW",
        "visibility",
        "#ffcd19",
        "in_progress",
        ["folder", "version", "task"],
    ),
    ("Approved", "APP", "task_alt", "#08f094", "done", ["folder", "product", "version", "task"]),
    ("On hold", "HLD", "back_hand", "#fa6e46", "blocked", ["folder", "task"]),
    (
        "Omitted",
        "OMT",
        "block",
        "#cb1a1a",
        "blocked",
        ["folder", "product", "version", "representation", "task"],
    ),
]
_LINK_TYPES = [
    ("generative", "version", "version", "#4070e0"),
    ("breakdown", "folder", "folder", "#70e070"),
    ("reference", "version", "version", "#e04080"),
    ("template", "folder", "folder", "#f0f020"),
]
_REPR_BY_TYPE = {
    "model": ["abc", "ma"],
    "look": ["ma", "json"],
    "rig": ["ma"],
    "animation": ["abc", "ma"],
    "layout": ["ma", "usd"],
    "render": ["exr", "jpg", "mov"],
    "plate": ["exr"],
    "review": ["mp4", "jpg"],
    "workfile": ["ma"],
}


def _project_attrib() -> Node:
    return {
        "priority": "normal",
        "fps": 25.0,
        "resolutionWidth": 1920,
        "resolutionHeight": 1080,
        "pixelAspect": 1.0,
        "clipIn": 1,
        "clipOut": 1,
        "frameStart": 1001,
        "frameEnd": 1100,
        "handleStart": 0,
        "handleEnd": 0,
        "startDate": "2026-01-05T00:00:00+00:00",
        "endDate": "2026-06-30T00:00:00+00:00",
        "description": None,
    }


def _project_config(code: str) -> Node:
    publish_dir = (
        "{root[work]}/{project[name]}/{hierarchy}/{folder[name]}/publish/"
        "{product[type]}/{product[name]}/{@version}"
    )
    return {
        "entityNaming": {},
        "productBaseTypes": {
            "default": {"color": "#cccccc", "icon": "deployed_code"},
            "definitions": [
                {"color": "#cccccc", "icon": icon, "name": name}
                for name, icon in _PRODUCT_BASE_TYPES
            ],
        },
        "roots": {
            "work": {
                "darwin": "/Volumes/projects",
                "linux": "/mnt/projects",
                "windows": "P:/projects",
            }
        },
        "templates": {
            "common": {
                "frame": "{frame:0>{@frame_padding}}",
                "frame_padding": 4,
                "version": "v{version:0>{@version_padding}}",
                "version_padding": 3,
            },
            "publish": {
                "default": {
                    "directory": publish_dir,
                    "file": f"{code}_{{folder[name]}}_{{product[name]}}_{{@version}}.{{ext}}",
                }
            },
            "work": {
                "default": {
                    "directory": "{root[work]}/{project[name]}/{hierarchy}/{folder[name]}/work",
                    "file": "{project[code]}_{folder[name]}_{task[name]}_{@version}.{ext}",
                }
            },
        },
    }


@dataclass
class _ProjectSpec:
    name: str
    code: str
    kind: str  # "demo" or "generated"
    versions: int
    created: datetime
    description: str


def _project_meta(spec: _ProjectSpec) -> tuple[Node, Node]:
    """The ``ProjectNode`` dict and the REST project body, cheap to build eagerly."""
    created = iso(spec.created)
    updated = iso(spec.created + timedelta(seconds=1))
    attrib = _project_attrib()
    attrib["description"] = spec.description
    config = _project_config(spec.code)
    node: Node = {
        "__typename": "ProjectNode",
        "name": spec.name,
        "projectName": spec.name,
        "label": None,
        "code": spec.code,
        "color": None,
        "projectFolder": None,
        "data": "{}",
        "config": _json(config),
        "active": True,
        "library": False,
        "skeleton": False,
        "thumbnail": None,
        "bundle": {"production": None, "staging": None},
        "createdAt": created,
        "updatedAt": updated,
        "attrib": attrib,
        "allAttrib": _json({k: v for k, v in attrib.items() if v is not None}),
        "taskTypes": [
            {"name": n, "icon": i, "shortName": s, "color": c} for n, i, s, c in _TASK_TYPES
        ],
        "folderTypes": [
            {"name": n, "icon": i, "shortName": s, "color": "#cccccc"} for n, i, s in _FOLDER_TYPES
        ],
        "linkTypes": [
            {
                "name": f"{lt}|{i}|{o}",
                "linkType": lt,
                "inputType": i,
                "outputType": o,
                "color": c,
                "style": "solid",
            }
            for lt, i, o, c in _LINK_TYPES
        ],
        "productBaseTypes": [
            {"name": n, "icon": i, "color": "#cccccc"} for n, i in _PRODUCT_BASE_TYPES
        ],
        "statuses": [
            {"name": n, "shortName": s, "icon": i, "color": c, "state": st, "scope": sc}
            for n, s, i, c, st, sc in _STATUS_DEFS
        ],
        "tags": [
            {"name": "important", "color": "#ff2450"},
            {"name": "for reel", "color": "#5be1c6"},
        ],
    }
    rest: Node = {
        "active": True,
        "attrib": {k: v for k, v in attrib.items() if v is not None},
        "code": spec.code,
        "config": config,
        "createdAt": created,
        "data": {},
        "folderTypes": [
            {"color": "#cccccc", "icon": i, "name": n, "shortName": s} for n, i, s in _FOLDER_TYPES
        ],
        "library": False,
        "linkTypes": [
            {
                "data": {"color": c, "style": "solid"},
                "inputType": i,
                "linkType": lt,
                "name": f"{lt}|{i}|{o}",
                "outputType": o,
            }
            for lt, i, o, c in _LINK_TYPES
        ],
        "name": spec.name,
        "ownAttrib": sorted(k for k, v in attrib.items() if v is not None),
        "statuses": [
            {"color": c, "icon": i, "name": n, "scope": sc, "shortName": s, "state": st}
            for n, s, i, c, st, sc in _STATUS_DEFS
        ],
        "tags": [
            {"color": "#ff2450", "name": "important"},
            {"color": "#5be1c6", "name": "for reel"},
        ],
        "taskTypes": [
            {"color": c, "icon": i, "name": n, "shortName": s} for n, i, s, c in _TASK_TYPES
        ],
        "updatedAt": updated,
    }
    node["productTypes"] = PRODUCT_TYPES
    return node, rest


class _Builder:
    """Creates entities in creation order, keeping ids, clocks and indexes."""

    def __init__(self, spec: _ProjectSpec, seed: int, meta: tuple[Node, Node]) -> None:
        self.spec = spec
        self.rng = random.Random(f"{seed}:{spec.name}")
        self.clock = spec.created
        self.counters: dict[str, int] = {}
        self.p = ProjectData(name=spec.name, code=spec.code, node=meta[0], rest=meta[1])

    # -- helpers
    def new_id(self) -> str:
        return f"{self.rng.getrandbits(128):032x}"

    def tick(self, weight: float = 13.0) -> str:
        """Advance the production's clock by ``weight`` tenths of a minute.

        Entities are created one after another, minutes apart, so a large
        project spans weeks, as a real one does.
        """
        self.clock += timedelta(seconds=6 * weight)
        return iso(self.clock)

    def order(self, kind: str) -> int:
        n = self.counters.get(kind, 0) + 1
        self.counters[kind] = n
        return n

    def _base(self, typename: str, kind: str, name: str, created: str, attrib: Node) -> Node:
        return {
            "__typename": typename,
            "projectName": self.spec.name,
            "id": self.new_id(),
            "name": name,
            "active": True,
            "createdAt": created,
            "updatedAt": created,
            "attrib": attrib,
            "type": kind,
            "_order": self.order(kind),
        }

    # -- entities
    def folder(
        self,
        parent: Node | None,
        name: str,
        folder_type: str,
        *,
        label: str | None = None,
        status: str = "Not ready",
        tags: list[str] | None = None,
        frames: tuple[int, int] | None = None,
    ) -> Node:
        p = self.p
        attrib = dict(parent["attrib"]) if parent else _project_attrib()
        attrib.pop("description", None)
        own: list[str] = []
        if frames is not None:
            attrib["frameStart"], attrib["frameEnd"] = frames
            attrib["handleStart"] = attrib["handleEnd"] = 8
            attrib["clipIn"] = 86400
            attrib["clipOut"] = 86400 + frames[1] - frames[0]
            own = ["clipIn", "clipOut", "frameEnd", "frameStart", "handleEnd", "handleStart"]
        node = self._base("FolderNode", "folder", name, self.tick(20), attrib)
        path = f"{parent['path']}/{name}" if parent else f"/{name}"
        node.update(
            {
                "label": label,
                "folderType": folder_type,
                "parentId": parent["id"] if parent else None,
                "path": path,
                "status": status,
                "tags": tags or [],
                "ownAttrib": own,
                "childCount": 0,
                "hasChildren": False,
                "taskCount": 0,
                "hasTasks": False,
                "productCount": 0,
                "hasProducts": False,
                "hasVersions": False,
                "totalFolderCount": 0,
                "totalTaskCount": 0,
                "totalProductCount": 0,
                "totalVersionCount": 0,
            }
        )
        p.folders.append(node)
        p.by_id[node["id"]] = node
        p.folder_by_path[path] = node
        p.children.setdefault(node["parentId"], []).append(node)
        if parent is not None:
            parent["childCount"] += 1
            parent["hasChildren"] = True
        return node

    def task(
        self,
        folder: Node,
        name: str,
        task_type: str,
        assignees: list[str],
        *,
        status: str,
        tags: list[str] | None = None,
    ) -> Node:
        p = self.p
        attrib = {k: v for k, v in folder["attrib"].items() if k not in ("clipIn", "clipOut")}
        node = self._base("TaskNode", "task", name, self.tick(13), attrib)
        node.update(
            {
                "label": None,
                "taskType": task_type,
                "assignees": assignees,
                "folderId": folder["id"],
                "status": status,
                "tags": tags or [],
                "path": f"{folder['path']}/{name}",
            }
        )
        p.tasks.append(node)
        p.by_id[node["id"]] = node
        p.tasks_by_folder.setdefault(folder["id"], []).append(node)
        folder["taskCount"] += 1
        folder["hasTasks"] = True
        return node

    def product(self, folder: Node, name: str, product_type: str, *, status: str) -> Node:
        p = self.p
        node = self._base("ProductNode", "product", name, self.tick(8), _EMPTY)
        node.update(
            {
                "folderId": folder["id"],
                "productType": product_type,
                "productBaseType": product_type,
                "status": status,
                "tags": [],
                "path": f"{folder['path']}/{name}",
                "_folder": folder,
            }
        )
        p.products.append(node)
        p.by_id[node["id"]] = node
        p.products_by_folder.setdefault(folder["id"], []).append(node)
        p.versions_by_product[node["id"]] = []
        folder["productCount"] += 1
        folder["hasProducts"] = True
        return node

    def version(
        self,
        product: Node,
        number: int,
        task: Node | None,
        author: str,
        *,
        status: str,
        frames: tuple[int, int] | None = None,
        tags: list[str] | None = None,
    ) -> Node:
        p = self.p
        hero = number < 0
        name = "hero" if hero else f"v{number:03d}"
        attrib: Node = {"comment": f"{name} publish"}
        if frames:
            attrib["frameStart"], attrib["frameEnd"] = frames
        node = self._base("VersionNode", "version", name, self.tick(27), attrib)
        thumb = self.new_id()
        node.update(
            {
                "version": number,
                "productId": product["id"],
                "status": status,
                "tags": tags or [],
                "taskId": task["id"] if task else None,
                "thumbnailId": thumb,
                "thumbnailHash": thumb[:6],
                "author": author,
                "path": f"{product['path']}/{name}",
                "heroVersionId": None,
                "isLatest": False,
                "isLatestDone": False,
                "_product": product,
            }
        )
        p.versions.append(node)
        p.by_id[node["id"]] = node
        p.versions_by_product[product["id"]].append(node)
        if task is not None:
            p.versions_by_task.setdefault(task["id"], []).append(node)
        p.reps_by_version[node["id"]] = []
        return node

    def representation(self, version: Node, ext: str, *, status: str = "Omitted") -> Node:
        p = self.p
        product = version["_product"]
        fname = f"{product['name']}_{version['name']}.{ext}"
        fpath = (
            f"{{root[work]}}/{self.spec.name}{product['_folder']['path']}/publish/"
            f"{product['productType']}/{product['name']}/{version['name']}/{fname}"
        )
        attrib = {"path": fpath, "template": "{root[work]}/...", "extension": ext}
        node = self._base("RepresentationNode", "representation", ext, self.tick(3), attrib)
        node["versionId"] = version["id"]
        node["status"] = status
        node["path"] = fpath
        node["_version"] = version
        node["files"] = [
            {
                "id": self.new_id(),
                "name": fname,
                "path": fpath,
                "hash": f"{self.rng.getrandbits(128):032x}",
                "hashType": "md5",
                "size": str(self.rng.randint(100_000, 900_000_000)),
            }
        ]
        p.representations.append(node)
        p.by_id[node["id"]] = node
        p.reps_by_version[version["id"]].append(node)
        return node

    def activity(
        self,
        entity: Node,
        activity_type: str,
        author: str,
        *,
        body: str = "",
        extra: Node | None = None,
        tags: list[str] | None = None,
    ) -> Node:
        p = self.p
        created = self.tick(4)
        node: Node = {
            "__typename": "ActivityNode",
            "projectName": self.spec.name,
            "referenceId": self.new_id(),
            "activityId": self.new_id(),
            "referenceType": "origin",
            "activityType": activity_type,
            "entityType": entity["type"],
            "entityId": entity["id"],
            "entityName": entity["name"],
            "entityPath": entity.get("path"),
            "createdAt": created,
            "updatedAt": created,
            "creationOrder": self.order("activity"),
            "body": body,
            "tags": tags or [],
            "active": True,
            "_entity": entity,
            "_author": author,
            "_extra": extra,
        }
        p.activities.append(node)
        p.activities_by_entity.setdefault(entity["id"], []).append(node)
        return node

    def link(self, link_type: str, inp: Node, out: Node, author: str) -> Node:
        p = self.p
        node: Node = {
            "id": self.new_id(),
            "projectName": self.spec.name,
            "linkType": f"{link_type}|{inp['type']}|{out['type']}",
            "inputType": inp["type"],
            "outputType": out["type"],
            "inputId": inp["id"],
            "outputId": out["id"],
            "name": None,
            "author": author,
            "createdAt": self.tick(2),
            "data": {"author": author},
            "_order": self.order("link"),
        }
        p.links.append(node)
        p.links_by_entity.setdefault(inp["id"], []).append((node, "out"))
        p.links_by_entity.setdefault(out["id"], []).append((node, "in"))
        return node

    # -- finishing
    def finish(self) -> ProjectData:
        p = self.p
        for product in p.products:
            versions = p.versions_by_product[product["id"]]
            normal = [v for v in versions if v["version"] > 0]
            if normal:
                latest = max(normal, key=lambda v: v["version"])
                latest["isLatest"] = True
                done = [v for v in normal if v["status"] == "Approved"]
                if done:
                    max(done, key=lambda v: v["version"])["isLatestDone"] = True
            folder = product["_folder"]
            if versions:
                folder["hasVersions"] = True
        # subtree totals, children are always created after their parents
        for folder in reversed(p.folders):
            folder["totalFolderCount"] += folder["childCount"]
            folder["totalTaskCount"] += folder["taskCount"]
            folder["totalProductCount"] += folder["productCount"]
            folder["totalVersionCount"] += sum(
                len(p.versions_by_product[pr["id"]])
                for pr in p.products_by_folder.get(folder["id"], [])
            )
            parent = p.by_id.get(folder["parentId"]) if folder["parentId"] else None
            if parent is not None:
                for key in (
                    "totalFolderCount",
                    "totalTaskCount",
                    "totalProductCount",
                    "totalVersionCount",
                ):
                    parent[key] += folder[key]
        p.node["usedTags"] = sorted(
            {t for coll in (p.folders, p.tasks, p.versions) for n in coll for t in n["tags"]}
        )
        return p


def _publish(
    b: _Builder,
    product: Node,
    count: int,
    task: Node | None,
    authors: list[str],
    *,
    frames: tuple[int, int] | None = None,
    reps: list[str],
    hero: bool = False,
    watchers: bool = True,
    comments: bool = True,
) -> list[Node]:
    """Publish ``count`` versions of ``product`` with representations and activity."""
    made: list[Node] = []
    for number in range(1, count + 1):
        author = authors[(number - 1) % len(authors)]
        status = b.rng.choice(_VERSION_STATUSES)
        v = b.version(product, number, task, author, status=status, frames=frames)
        for ext in reps:
            b.representation(v, ext)
        if watchers:
            b.activity(v, "watch", SERVICE_USER, extra={"watcher": SERVICE_USER})
            b.activity(v, "watch", author, extra={"watcher": author})
        folder = product["_folder"]
        b.activity(
            v,
            "version.publish",
            author,
            body=f"Published [{v['name']}](version:{v['id']})",
            extra={
                "context": {
                    "folderId": folder["id"],
                    "folderLabel": folder["label"],
                    "folderName": folder["name"],
                    "folderPath": folder["path"].lstrip("/"),
                    "productId": product["id"],
                    "productName": product["name"],
                    "productType": product["productType"],
                    "taskId": task["id"] if task else None,
                    "taskLabel": None,
                    "taskName": task["name"] if task else None,
                    "taskType": task["taskType"] if task else None,
                }
            },
        )
        if comments and b.rng.random() < 0.3:
            reviewer = b.rng.choice(_ARTISTS)
            b.activity(v, "comment", reviewer, body=f"Notes on {v['name']}: looks good to me.")
        if comments and b.rng.random() < 0.2:
            new = b.rng.choice(_VERSION_STATUSES)
            b.activity(
                v,
                "status.change",
                b.rng.choice(_ARTISTS),
                body=f"Changed status from {status} to {new}",
                extra={"oldValue": status, "newValue": new},
            )
        made.append(v)
    if hero and made:
        src = made[-1]
        h = b.version(
            product,
            -src["version"],
            task,
            src["author"] or "admin",
            status="Approved",
            frames=frames,
        )
        for ext in reps:
            b.representation(h, ext)
        src["heroVersionId"] = h["id"]
        h["heroVersionId"] = h["id"]
        h["featuredVersionType"] = "hero"
        made.append(h)
    return made


def _build_demo(spec: _ProjectSpec, seed: int, meta: tuple[Node, Node]) -> ProjectData:
    """The small project: same shape and sizes as the reference recordings.

    21 folders in 3 levels, 31 tasks, 43 products, 108 versions and 202
    representations, plus activities and links.
    """
    b = _Builder(spec, seed, meta)
    assets = b.folder(None, "assets", "Folder", label="Assets")
    groups = {
        "characters": (["hero", "villain", "sidekick"], ["model", "look", "rig"]),
        "props": (["sword", "shield", "lamp"], ["model", "look"]),
        "environments": (["city", "forest"], ["model", "look"]),
    }
    asset_folders: list[tuple[Node, list[str]]] = []
    for gname, (names, types) in groups.items():
        g = b.folder(
            assets,
            gname,
            "Folder",
            label=gname.capitalize(),
            status=b.rng.choice(["Not ready", "In progress"]),
        )
        for name in names:
            f = b.folder(g, name, "Asset", status=b.rng.choice(_STATUSES[:5]))
            asset_folders.append((f, types))
    shots_root = b.folder(None, "shots", "Folder", label="Shots")
    shot_folders: list[Node] = []
    for sq in ("sq010", "sq020"):
        s = b.folder(shots_root, sq, "Sequence", status=b.rng.choice(_STATUSES[:5]))
        for sh in ("sh0010", "sh0020", "sh0030"):
            length = b.rng.randint(40, 240)
            shot_folders.append(
                b.folder(
                    s,
                    f"{sq}_{sh}",
                    "Shot",
                    status=b.rng.choice(_STATUSES[:5]),
                    frames=(1001, 1001 + length),
                )
            )
    task_of: dict[tuple[str, str], Node] = {}
    type_task = {
        "model": ("modeling", "Modeling"),
        "look": ("lookdev", "Lookdev"),
        "rig": ("rigging", "Rigging"),
    }
    for folder, types in asset_folders:
        for t in types:
            tname, ttype = type_task[t]
            assignees = b.rng.sample(_ARTISTS, b.rng.randint(1, 2))
            task_of[(folder["id"], t)] = b.task(
                folder,
                tname,
                ttype,
                assignees,
                status=b.rng.choice(_STATUSES),
                tags=["important"] if b.rng.random() < 0.3 else [],
            )
    for folder in shot_folders:
        for tname, ttype in (("animation", "Animation"), ("compositing", "Compositing")):
            task_of[(folder["id"], tname)] = b.task(
                folder,
                tname,
                ttype,
                b.rng.sample(_ARTISTS, b.rng.randint(1, 2)),
                status=b.rng.choice(_STATUSES),
            )
    # products: 19 asset products + 24 shot products = 43
    plan: list[tuple[Node, Node | None, list[str], tuple[int, int] | None, bool]] = []
    for folder, types in asset_folders:
        for t in types:
            pr = b.product(folder, f"{t}Main", t, status="Not ready")
            task = task_of[(folder["id"], t)]
            plan.append((pr, task, _REPR_BY_TYPE[t], None, False))
    for folder in shot_folders:
        frames = (folder["attrib"]["frameStart"], folder["attrib"]["frameEnd"])
        for t, tname in (
            ("animation", "animation"),
            ("layout", "animation"),
            ("render", "compositing"),
            ("review", "compositing"),
        ):
            pr = b.product(folder, f"{t}Main", t, status=b.rng.choice(["Not ready", "Approved"]))
            plan.append(
                (pr, task_of[(folder["id"], tname)], _REPR_BY_TYPE[t], frames, t == "render")
            )
    # version counts: fixed start (as recorded), the rest drawn then fitted to 108 versions
    counts = [1, 4, 1] + [b.rng.randint(1, 4) for _ in plan[3:]]
    hero_count = sum(1 for item in plan if item[4])
    _fit(counts, 108 - hero_count, b.rng, lo=1, hi=6, frozen=3)
    made: list[Node] = []
    for (prod, ptask, reps, pframes, hero), count in zip(plan, counts, strict=True):
        assignees = ptask["assignees"] if ptask else _ARTISTS
        made += _publish(b, prod, count, ptask, assignees, frames=pframes, reps=reps, hero=hero)
    _fit_representations(b, 202)
    _demo_links(b, shot_folders, asset_folders)
    return b.finish()


def _fit(
    counts: list[int], total: int, rng: random.Random, *, lo: int, hi: int, frozen: int = 0
) -> None:
    """Adjust ``counts`` in place (keeping the first ``frozen``) so they sum to ``total``."""
    idx = list(range(frozen, len(counts)))
    if not idx:
        return
    while sum(counts) > total:
        i = rng.choice(idx)
        if counts[i] > lo:
            counts[i] -= 1
    while sum(counts) < total:
        i = rng.choice(idx)
        if counts[i] < hi:
            counts[i] += 1


def _fit_representations(b: _Builder, total: int) -> None:
    """Drop trailing extra representations until the project has exactly ``total``."""
    p = b.p
    i = len(p.versions) - 1
    while len(p.representations) > total and i >= 0:
        v = p.versions[i]
        reps = p.reps_by_version[v["id"]]
        if len(reps) > 1:
            victim = reps.pop()
            p.representations.remove(victim)
            del p.by_id[victim["id"]]
        i -= 1
    # renumber so cursors stay dense and in creation order
    for n, rep in enumerate(p.representations, start=1):
        rep["_order"] = n


def _demo_links(b: _Builder, shots: list[Node], assets: list[tuple[Node, list[str]]]) -> None:
    p = b.p
    rigs = [
        v
        for f, _ in assets
        for pr in p.products_by_folder.get(f["id"], [])
        if pr["productType"] == "rig"
        for v in p.versions_by_product[pr["id"]]
        if v["isLatest"] or v is p.versions_by_product[pr["id"]][-1]
    ]
    asset_nodes = [f for f, _ in assets]
    for shot in shots:
        for asset in b.rng.sample(asset_nodes, 2):
            b.link("breakdown", asset, shot, "admin")
        for pr in p.products_by_folder.get(shot["id"], []):
            if pr["productType"] != "animation":
                continue
            for v in p.versions_by_product[pr["id"]]:
                if rigs:
                    b.link("generative", b.rng.choice(rigs[1:] or rigs), v, v["author"])


def _build_generated(
    spec: _ProjectSpec,
    seed: int,
    meta: tuple[Node, Node],
    versions_per_product: tuple[int, int],
    hero_share: float,
) -> ProjectData:
    """A production of ``spec.versions`` versions: assets plus episodes/sequences/shots."""
    b = _Builder(spec, seed, meta)
    lo, hi = versions_per_product
    avg = (lo + hi) / 2
    products_needed = max(4, round(spec.versions / avg))
    asset_products = max(3, products_needed // 5)
    n_assets = max(1, asset_products // 3)
    n_shots = max(1, -(-(products_needed - n_assets * 3) // 4))
    assets_root = b.folder(None, "assets", "Folder", label="Assets")
    kinds = ["characters", "props", "environments", "vehicles"]
    groups = {k: b.folder(assets_root, k, "Folder", label=k.capitalize()) for k in kinds}
    plan: list[tuple[Node, Node | None, list[str], tuple[int, int] | None, bool]] = []
    for i in range(n_assets):
        kind = kinds[i % len(kinds)]
        f = b.folder(groups[kind], f"{kind[:-1]}{i:04d}", "Asset", status=b.rng.choice(_STATUSES))
        for t, tname, ttype in (
            ("model", "modeling", "Modeling"),
            ("look", "lookdev", "Lookdev"),
            ("rig", "rigging", "Rigging"),
        ):
            task = b.task(
                f,
                tname,
                ttype,
                b.rng.sample(_ARTISTS, b.rng.randint(1, 2)),
                status=b.rng.choice(_STATUSES),
            )
            pr = b.product(f, f"{t}Main", t, status="Not ready")
            plan.append((pr, task, _REPR_BY_TYPE[t][:2], None, b.rng.random() < hero_share))
    episodes = b.folder(None, "episodes", "Folder", label="Episodes")
    per_seq, per_ep = 20, 5
    made_shots = 0
    ep_i = 0
    while made_shots < n_shots:
        ep_i += 1
        ep = b.folder(episodes, f"ep{ep_i:02d}", "Episode", status=b.rng.choice(_STATUSES))
        for sq_i in range(1, per_ep + 1):
            if made_shots >= n_shots:
                break
            sq = b.folder(
                ep, f"ep{ep_i:02d}_sq{sq_i * 10:03d}", "Sequence", status=b.rng.choice(_STATUSES)
            )
            for sh_i in range(1, per_seq + 1):
                if made_shots >= n_shots:
                    break
                made_shots += 1
                length = b.rng.randint(24, 300)
                frames = (1001, 1001 + length)
                shot = b.folder(
                    sq,
                    f"{sq['name']}_sh{sh_i * 10:04d}",
                    "Shot",
                    status=b.rng.choice(_STATUSES),
                    frames=frames,
                    tags=["for reel"] if b.rng.random() < 0.1 else None,
                )
                anim = b.task(
                    shot,
                    "animation",
                    "Animation",
                    b.rng.sample(_ARTISTS, 1),
                    status=b.rng.choice(_STATUSES),
                )
                comp = b.task(
                    shot,
                    "compositing",
                    "Compositing",
                    b.rng.sample(_ARTISTS, 1),
                    status=b.rng.choice(_STATUSES),
                )
                for t, task in (
                    ("animation", anim),
                    ("layout", anim),
                    ("render", comp),
                    ("review", comp),
                ):
                    pr = b.product(shot, f"{t}Main", t, status="Not ready")
                    plan.append(
                        (
                            pr,
                            task,
                            _REPR_BY_TYPE[t][:2],
                            frames,
                            t == "render" and b.rng.random() < hero_share * 2,
                        )
                    )
    heroes = sum(1 for item in plan if item[4])
    counts = [b.rng.randint(lo, hi) for _ in plan]
    _fit(counts, max(len(plan) * lo, spec.versions - heroes), b.rng, lo=lo, hi=hi)
    if sum(counts) + heroes > spec.versions:
        # tiny targets: trim whole products from the end
        while plan and sum(counts) + heroes > spec.versions:
            dropped = plan.pop()
            heroes -= 1 if dropped[4] else 0
            counts.pop()
    for (prod, ptask, reps, pframes, hero), count in zip(plan, counts, strict=True):
        authors = ptask["assignees"] if ptask else _ARTISTS
        _publish(
            b, prod, count, ptask, authors, frames=pframes, reps=reps, hero=hero, watchers=False
        )
    return b.finish()


# --------------------------------------------------------------------------- REST data


def _installers() -> list[Node]:
    out = []
    for platform, ext, size in (
        ("linux", "sh", 2304),
        ("darwin", "dmg", 2368),
        ("windows", "exe", 2432),
    ):
        filename = f"AYON-1.2.3-{platform}-setup.{ext}"
        out.append(
            {
                "checksum": hashlib.md5(file_bytes(filename, size)).hexdigest(),
                "checksumAlgorithm": "md5",
                "filename": filename,
                "platform": platform,
                "pythonModules": {"pydantic": "2.9.2", "requests": "2.32.3"},
                "pythonVersion": "3.11.9",
                "runtimePythonModules": {"PySide6": "6.7.1"},
                "size": size,
                "sources": [{"type": "server"}],
                "version": "1.2.3",
            }
        )
    return out


def _packages() -> list[Node]:
    out = []
    for platform, size in (("windows", 2368), ("linux", 2240), ("darwin", 2304)):
        filename = f"demo_bundle_2026_01-{platform}-deps.zip"
        out.append(
            {
                "checksum": hashlib.md5(file_bytes(filename, size)).hexdigest(),
                "checksumAlgorithm": "md5",
                "filename": filename,
                "installerVersion": "1.2.3",
                "platform": platform,
                "pythonModules": {"opentimelineio": "0.17.0"},
                "pythonVersion": "3.11.9",
                "size": size,
                "sourceAddons": {"demo_pipeline": "1.0.0"},
                "sources": [{"type": "server"}],
            }
        )
    return out


def _bundles() -> list[Node]:
    deps = {p: f"demo_bundle_2026_01-{p}-deps.zip" for p in ("darwin", "linux", "windows")}
    out = []
    for name, prod, staging, minute in (
        ("demo_bundle_2026_02_staging", False, True, 2),
        ("demo_bundle_2026_01", True, False, 1),
    ):
        out.append(
            {
                "activeUser": None,
                "addonDevelopment": {},
                "addons": {"demo_pipeline": "1.0.0"},
                "createdAt": iso(_BASE_TIME - timedelta(days=2) + timedelta(minutes=minute)),
                "dependencyPackages": dict(deps),
                "installerVersion": "1.2.3",
                "isArchived": False,
                "isDev": False,
                "isProduction": prod,
                "isProject": False,
                "isStaging": staging,
                "name": name,
            }
        )
    return out


def _addon() -> Node:
    """The one addon, ``demo_pipeline 1.0.0``, with its settings at every level."""
    defaults = {
        "default_fps": 25.0,
        "publish": {"burnin": False, "enabled": True, "review_formats": ["mp4", "mov"]},
        "studio_name": "Stand-in Studio",
    }
    studio = json.loads(json.dumps(defaults))
    studio["default_fps"] = 24.0
    studio["studio_name"] = "Stand-in Studio Ltd."
    project = json.loads(json.dumps(studio))
    project["default_fps"] = 25.0
    project["publish"]["burnin"] = True
    schema = {
        "definitions": {
            "PublishSettings": {
                "isgroup": False,
                "properties": {
                    "burnin": {
                        "default": False,
                        "disabled": False,
                        "scope": ["studio", "project"],
                        "title": "Burn-ins",
                        "type": "boolean",
                    },
                    "enabled": {
                        "default": True,
                        "disabled": False,
                        "scope": ["project", "studio"],
                        "title": "Publishing on",
                        "type": "boolean",
                    },
                    "review_formats": {
                        "disabled": False,
                        "items": {"type": "string"},
                        "scope": ["project", "studio"],
                        "title": "Review files",
                        "type": "array",
                    },
                },
                "type": "object",
            }
        },
        "isgroup": False,
        "properties": {
            "default_fps": {
                "default": 25.0,
                "disabled": False,
                "scope": ["project", "studio"],
                "title": "Frame rate",
                "type": "number",
            },
            "publish": {
                "allOf": [{"$ref": "#/definitions/PublishSettings"}],
                "disabled": False,
                "scope": ["project", "studio"],
                "title": "Publishing",
            },
            "studio_name": {
                "default": "Stand-in Studio",
                "disabled": False,
                "scope": ["project", "studio"],
                "title": "Studio",
                "type": "string",
            },
        },
        "title": "Demo Pipeline 1.0.0",
        "type": "object",
    }
    overrides = {
        "root_default_fps": {
            "inGroup": None,
            "level": "studio",
            "path": ["default_fps"],
            "scope": ["studio", "project"],
            "value": 24.0,
        },
        "root_studio_name": {
            "inGroup": None,
            "level": "studio",
            "path": ["studio_name"],
            "scope": ["studio", "project"],
            "value": "Stand-in Studio Ltd.",
        },
    }
    return {
        "name": "demo_pipeline",
        "title": "Demo Pipeline",
        "version": "1.0.0",
        "addonType": "pipeline",
        "defaults": defaults,
        "studio": studio,
        "project": {DEMO_PROJECT: project},
        "site": {"local_cache_dir": "~/ayon-cache", "max_cache_gb": 50},
        "schema": schema,
        "overrides": overrides,
    }


# --------------------------------------------------------------------------- dataset


class Dataset:
    """Users, projects (built lazily) and REST-side data of one stand-in server."""

    def __init__(
        self,
        *,
        seed: int = 0,
        versions: int = 16_800,
        medium_versions: int = 1_200,
        versions_per_product: tuple[int, int] = (1, 6),
        hero_share: float = 0.1,
        extra_projects: dict[str, int] | None = None,
    ) -> None:
        self.seed = seed
        self.versions_per_product = versions_per_product
        self.hero_share = hero_share
        self.users, self.passwords, self.api_keys = _build_users(seed)
        self.users_by_name = {u["name"]: u for u in self.users}
        self.attributes = build_attributes()
        self.installers = _installers()
        self.packages = _packages()
        self.bundles = _bundles()
        self.addon = _addon()
        specs = [
            _ProjectSpec(
                DEMO_PROJECT, "demoComm", "demo", 108, _BASE_TIME, "Stand-in demo project (small)"
            ),
            _ProjectSpec(
                MEDIUM_PROJECT,
                "perfMed",
                "generated",
                medium_versions,
                _BASE_TIME + timedelta(days=1),
                "Stand-in project (medium)",
            ),
            _ProjectSpec(
                LARGE_PROJECT,
                "perfLarge",
                "generated",
                versions,
                _BASE_TIME + timedelta(days=2),
                "Stand-in project (large)",
            ),
        ]
        for i, (name, count) in enumerate(sorted((extra_projects or {}).items())):
            specs.append(
                _ProjectSpec(
                    name,
                    f"x{i}{name[:6]}",
                    "generated",
                    count,
                    _BASE_TIME + timedelta(days=3 + i),
                    f"Extra project {name}",
                )
            )
        self._specs = {s.name: s for s in sorted(specs, key=lambda s: s.name)}
        self._meta = {name: _project_meta(spec) for name, spec in self._specs.items()}
        self._projects: dict[str, ProjectData] = {}
        self._lock = threading.Lock()

    @property
    def service_api_key(self) -> str:
        """The API key of the service user ``service``."""
        return next(k for k, v in self.api_keys.items() if v == SERVICE_USER)

    def project_names(self) -> list[str]:
        """All project names, sorted (the order the server lists them in)."""
        return list(self._specs)

    def has_project(self, name: str) -> bool:
        return name in self._specs

    def project(self, name: str) -> ProjectData | None:
        """The project called ``name`` (built on first access), or None."""
        found = self._projects.get(name)
        if found is not None:
            return found
        spec = self._specs.get(name)
        if spec is None:
            return None
        with self._lock:
            found = self._projects.get(name)
            if found is None:
                found = self._build(spec)
                self._projects[name] = found
        return found

    def project_node(self, name: str) -> Node | None:
        """The ``ProjectNode`` dict of a project, without building its entities."""
        meta = self._meta.get(name)
        return meta[0] if meta else None

    def project_rest(self, name: str) -> Node | None:
        """The REST body of ``GET /api/projects/{name}``, without building entities."""
        meta = self._meta.get(name)
        return meta[1] if meta else None

    def project_name_by_code(self, code: str) -> str | None:
        for spec in self._specs.values():
            if spec.code == code:
                return spec.name
        return None

    def build_all(self) -> None:
        """Build every project now (instead of on first access)."""
        for name in self._specs:
            self.project(name)

    def _build(self, spec: _ProjectSpec) -> ProjectData:
        # Building allocates hundreds of thousands of small dicts; the cyclic
        # collector would rescan them all repeatedly, so pause it meanwhile.
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            meta = self._meta[spec.name]
            if spec.kind == "demo":
                return _build_demo(spec, self.seed, meta)
            return _build_generated(
                spec, self.seed, meta, self.versions_per_product, self.hero_share
            )
        finally:
            # The dataset lives as long as the server: move it out of the
            # collector's sight, or every later collection (one per few hundred
            # allocations while a large answer is built) walks all of it again.
            gc.collect()
            gc.freeze()
            if was_enabled:
                gc.enable()


def generate_dataset(
    *,
    seed: int = 0,
    versions: int = 16_800,
    medium_versions: int = 1_200,
    versions_per_product: tuple[int, int] = (1, 6),
    hero_share: float = 0.1,
    extra_projects: dict[str, int] | None = None,
    eager: bool = False,
) -> Dataset:
    """Build a deterministic dataset.

    ``demo_Commercial`` always has the shape of the reference recordings;
    ``perf_Large`` has exactly ``versions`` versions and ``perf_Medium``
    ``medium_versions``.  ``extra_projects`` maps further project names to
    version counts.  With ``eager`` every project is built immediately.
    """
    ds = Dataset(
        seed=seed,
        versions=versions,
        medium_versions=medium_versions,
        versions_per_product=versions_per_product,
        hero_share=hero_share,
        extra_projects=extra_projects,
    )
    if eager:
        ds.build_all()
    return ds


ProjectFilter = Callable[[Node], bool]
