"""The addons the stand-in serves, with their settings at every level."""

from __future__ import annotations

import json

from ayon_gql.testing._nodes import DEMO_PROJECT, Node


def demo_addon() -> Node:
    """The one addon, ``demo_pipeline 1.0.0``, with its settings at every level."""
    defaults = {
        "default_fps": 25.0,
        "publish": {"burnin": False, "enabled": True, "review_formats": ["mp4", "mov"]},
        "studio_name": "Stand-in Studio",
    }
    studio_overrides = {"default_fps": 24.0, "studio_name": "Stand-in Studio Ltd."}
    project_overrides = {"default_fps": 25.0, "publish": {"burnin": True}}
    studio = json.loads(json.dumps(defaults))
    studio.update(studio_overrides)
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
        "studioOverrides": studio_overrides,
        "projectOverrides": {DEMO_PROJECT: project_overrides},
        "siteSchema": {
            "properties": {
                "local_cache_dir": {"title": "Cache folder", "type": "string"},
                "max_cache_gb": {"title": "Cache size (GB)", "type": "integer"},
            },
            "title": "Demo Pipeline site settings",
            "type": "object",
        },
    }


def stand_in_addons() -> dict[tuple[str, str], Node]:
    """Every addon version the stand-in serves, by ``(name, version)``."""
    from ayon_gql.testing._studio_tools_settings import studio_tools_addon

    addons = [demo_addon(), studio_tools_addon()]
    return {(addon["name"], addon["version"]): addon for addon in addons}
