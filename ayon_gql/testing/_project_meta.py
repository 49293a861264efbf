"""Project-level data: anatomy (types, statuses, tags), configuration and attributes.

Cheap to build, so every project's ``ProjectNode`` and REST body exist
before its entities are generated.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from ayon_gql.testing._nodes import Node, iso, json_text

FOLDER_TYPES = [
    ("Folder", "folder", ""),
    ("Library", "category", "lib"),
    ("Asset", "smart_toy", ""),
    ("Episode", "live_tv", "ep"),
    ("Sequence", "theaters", "sq"),
    ("Shot", "movie", "sh"),
]
TASK_TYPES = [
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
PRODUCT_BASE_TYPES = [
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
    {"name": name, "icon": icon, "color": "#cccccc"} for name, icon in PRODUCT_BASE_TYPES
]
STATUS_DEFS = [
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
LINK_TYPES = [
    ("generative", "version", "version", "#3f67de"),
    ("breakdown", "folder", "folder", "#6edd72"),
    ("reference", "version", "version", "#d94383"),
    ("template", "folder", "folder", "#fff824"),
]


def project_attrib() -> Node:
    """The project-level attribute values every project starts with."""
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
                for name, icon in PRODUCT_BASE_TYPES
            ],
        },
        "roots": {
            "work": {
                "darwin": "/Volumes/projects",
                "linux": "/mnt/share/projects",
                "windows": "C:/projects",
            }
        },
        "templates": {
            "common": {
                "frame": "{frame:0>{@frame_padding}}",
                "frame_padding": 4,
                "version": "v{version:0>{@version_padding}}",
                "version_padding": 3,
            },
            "hero": {
                "default": {
                    "directory": publish_dir.replace("{@version}", "hero"),
                    "file": f"{code}_{{folder[name]}}_{{product[name]}}_hero.{{ext}}",
                }
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
class ProjectSpec:
    """What a project is built from: name, code, kind, size, creation time."""

    name: str
    code: str
    kind: str  # "demo" or "generated"
    versions: int
    created: datetime
    description: str


def project_meta(spec: ProjectSpec) -> tuple[Node, Node]:
    """The ``ProjectNode`` dict and the REST project body, cheap to build eagerly."""
    created = iso(spec.created)
    updated = iso(spec.created + timedelta(seconds=1))
    attrib = project_attrib()
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
        "config": json_text(config),
        "active": True,
        "library": False,
        "skeleton": False,
        "thumbnail": None,
        "bundle": {"production": None, "staging": None},
        "createdAt": created,
        "updatedAt": updated,
        "attrib": attrib,
        "allAttrib": json_text({k: v for k, v in attrib.items() if v is not None}),
        "taskTypes": [
            {"name": n, "icon": i, "shortName": s, "color": c} for n, i, s, c in TASK_TYPES
        ],
        "folderTypes": [
            {"name": n, "icon": i, "shortName": s, "color": "#cccccc"} for n, i, s in FOLDER_TYPES
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
            for lt, i, o, c in LINK_TYPES
        ],
        "productBaseTypes": [
            {"name": n, "icon": i, "color": "#cccccc"} for n, i in PRODUCT_BASE_TYPES
        ],
        "statuses": [
            {"name": n, "shortName": s, "icon": i, "color": c, "state": st, "scope": sc}
            for n, s, i, c, st, sc in STATUS_DEFS
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
            {"color": "#cccccc", "icon": i, "name": n, "shortName": s} for n, i, s in FOLDER_TYPES
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
            for lt, i, o, c in LINK_TYPES
        ],
        "name": spec.name,
        "ownAttrib": sorted(k for k, v in attrib.items() if v is not None),
        "statuses": [
            {"color": c, "icon": i, "name": n, "scope": sc, "shortName": s, "state": st}
            for n, s, i, c, st, sc in STATUS_DEFS
        ],
        "tags": [
            {"color": "#ff2450", "name": "important"},
            {"color": "#5be1c6", "name": "for reel"},
        ],
        "taskTypes": [
            {"color": c, "icon": i, "name": n, "shortName": s} for n, i, s, c in TASK_TYPES
        ],
        "updatedAt": updated,
    }
    node["productTypes"] = PRODUCT_TYPES
    return node, rest
