"""The ``studio_tools`` addon the stand-in serves beside ``demo_pipeline``: its
name and version, and its registration in the production bundle (the one
place it is registered).  Its endpoints are in ``_rest_studio_tools``."""

from __future__ import annotations

from ayon_gql.testing._nodes import Node

__all__ = ["STUDIO_TOOLS", "STUDIO_TOOLS_NAME", "STUDIO_TOOLS_VERSION", "with_studio_tools"]

STUDIO_TOOLS_NAME = "studio_tools"
STUDIO_TOOLS_VERSION = "1.0.0"
#: (name, version) of the addon, as the production bundle lists it.
STUDIO_TOOLS = (STUDIO_TOOLS_NAME, STUDIO_TOOLS_VERSION)


def with_studio_tools(addons: Node) -> Node:
    """A bundle's ``addons`` with ``studio_tools`` added (the production bundle's)."""
    return {**addons, STUDIO_TOOLS_NAME: STUDIO_TOOLS_VERSION}
