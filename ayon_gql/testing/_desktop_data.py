"""Initial REST-side data: desktop installers, dependency packages and bundles."""

from __future__ import annotations

import hashlib
from datetime import timedelta

from ayon_gql.testing._nodes import BASE_TIME, Node, file_bytes, iso
from ayon_gql.testing._studio_tools import with_studio_tools


def installers() -> list[Node]:
    """The desktop installers, one per platform, with their checksums."""
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


def packages() -> list[Node]:
    """The dependency packages of the demo bundle, one per platform."""
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


def bundles() -> list[Node]:
    """The production bundle and a staging bundle."""
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
                "addons": (with_studio_tools if prod else dict)({"demo_pipeline": "1.0.0"}),
                "createdAt": iso(BASE_TIME - timedelta(days=2) + timedelta(minutes=minute)),
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
