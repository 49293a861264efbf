"""The one addon the stand-in serves, with its settings at every level."""

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
