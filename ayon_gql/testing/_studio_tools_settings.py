"""The settings of ``studio_tools 1.0.0`` as the stand-in serves them: schema
(with AYON's extensions, as a real server adds them) and defaults.  The addon's
registration in the production bundle is in ``_studio_tools``."""

from __future__ import annotations

from typing import Any

from ayon_gql.testing._nodes import Node
from ayon_gql.testing._studio_tools import STUDIO_TOOLS

_SCOPE = ["project", "studio"]

_TASK_TYPES = [
    "Generic",
    "Art",
    "Modeling",
    "Texture",
    "Lookdev",
    "Rigging",
    "Edit",
    "Layout",
    "Setdress",
    "Animation",
    "FX",
    "Lighting",
    "Paint",
    "Compositing",
    "Roto",
    "Matchmove",
]


def _field(title: str, kind: str | None, default: Any = None, **extra: Any) -> Node:
    field: Node = {"disabled": False, "scope": list(_SCOPE), "title": title}
    if kind is not None:
        field["type"] = kind
    if default is not None:
        field["default"] = default
    field.update(extra)
    return field


def _schema() -> Node:
    """The settings schema, with AYON's extensions as a real server adds them.

    Properties are in the order the addon's models declare them, which is the
    order the server validates (and lists "Invalid settings" errors) in; the
    server's JSON answer sorts keys, which a dict comparison does not see.
    """
    review_preset = {
        "isgroup": False,
        "layout": "compact",
        "properties": {
            "name": _field("Preset", "string", ""),
            "codec": _field("Video codec", "string", "h264", enum=["h264", "prores", "dnxhd"]),
            "width": _field("Width (px)", "integer", 1920, maximum=8192, minimum=16),
            "height": _field("Height (px)", "integer", 1080, maximum=8192, minimum=16),
            "burnin": _field("Burn-ins on", "boolean", True),
        },
        "type": "object",
    }
    env_var = {
        "isgroup": False,
        "layout": "compact",
        "properties": {
            "name": _field("Variable", "string", ""),
            "value": _field("Set to", "string", ""),
        },
        "type": "object",
    }
    sync = {
        "isgroup": False,
        "properties": {
            "enabled": _field("Sync on", "boolean", False),
            "interval_s": _field("Every (seconds)", "number", 30.0, exclusiveMinimum=0),
            "task_types": _field(
                "Task types synced",
                "array",
                enumLabels={name: name for name in sorted(_TASK_TYPES)},
                items={"enum": list(_TASK_TYPES), "type": "string"},
                uniqueItems=True,
            ),
            "api_secret": _field("Tracker key (secret)", "string", ""),
        },
        "type": "object",
    }
    return {
        "definitions": {"EnvVar": env_var, "ReviewPreset": review_preset, "SyncSettings": sync},
        "description": "Stand-in studio tools: review presets, environment and tracker sync.",
        "isgroup": False,
        "properties": {
            "render_farm": _field("Farm", "string", "local", enum=["deadline", "tractor", "local"]),
            "max_threads": _field("Threads", "integer", 8, maximum=256, minimum=1),
            "review_presets": _field(
                "Review outputs", "array", items={"$ref": "#/definitions/ReviewPreset"}
            ),
            "environment": _field("Environment", "array", items={"$ref": "#/definitions/EnvVar"}),
            "sync": _field("Tracker", None, allOf=[{"$ref": "#/definitions/SyncSettings"}]),
            "notes": _field("Notes", "string"),
        },
        "title": "Studio Tools 1.0.0",
        "type": "object",
    }


def studio_tools_addon() -> Node:
    """``studio_tools 1.0.0``: settings schema, defaults, no overrides stored yet."""
    name, version = STUDIO_TOOLS
    return {
        "name": name,
        "title": "Studio Tools",
        "version": version,
        "addonType": "server",
        "schema": _schema(),
        "defaults": {
            "environment": [],
            "max_threads": 8,
            "notes": None,
            "render_farm": "local",
            "review_presets": [
                {"burnin": True, "codec": "h264", "height": 1080, "name": "default", "width": 1920}
            ],
            "sync": {"api_secret": "", "enabled": False, "interval_s": 30.0, "task_types": []},
        },
        "studioOverrides": {},
        "projectOverrides": {},
        "site": {},
        "siteSchema": None,
    }
