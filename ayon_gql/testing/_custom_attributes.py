"""Deterministic values for attributes the stock dataset does not fill.

A studio's schema declares its own attributes (``shotCode: String`` on
folders and versions, say).  Every entity of a scope that declares one gets a
value derived only from the attribute's name and the entity's path, so
datasets stay reproducible, and the values show the same shapes as built-in
attributes:

* folders at even depth (``/assets``, ``/assets/characters/hero``) own a
  value; the others inherit their parent's (listed in ``ownAttrib`` or not);
* tasks inherit their folder's value when folders have the attribute, and
  own one otherwise;
* products, versions, representations and workfiles own a value, except
  every fifth one (by creation order), which leaves it unset (null);
* the project and users own a value.

Strings read ``<entity name>.<attribute>`` (``sq010_sh0010.shotCode``); enums
take one of their values;
numbers, booleans, dates and lists are drawn from a hash of the same.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from ayon_gql.testing._attributes import AttributeTypes, enum_values
from ayon_gql.testing._builder import ProjectData
from ayon_gql.testing._nodes import BASE_TIME, Node, iso


def custom_value(name: str, kind: str, key: str) -> Any:
    """The value of attribute ``name`` (AYON type ``kind``) for the entity at ``key``."""
    leaf = key.rstrip("/").rsplit("/", 1)[-1] or key
    number = int(hashlib.sha256(f"{name}:{key}".encode()).hexdigest()[:8], 16)
    choices = enum_values(kind)
    if choices:
        return choices[number % len(choices)]
    values: dict[str, Any] = {
        "integer": number % 1000,
        "float": (number % 100_000) / 100,
        "boolean": number % 2 == 0,
        "datetime": iso(BASE_TIME + timedelta(hours=number % 5000)),
        "list_of_strings": [f"{leaf}.{name}"],
        "list_of_integers": [number % 100],
        "list_of_numbers": [(number % 10_000) / 100],
        "list_of_any": [f"{leaf}.{name}"],
        "dict": {"value": f"{leaf}.{name}"},
    }
    return values.get(kind, f"{leaf}.{name}")


def _key(node: Node) -> str:
    return str(node.get("path") or node.get("name") or node.get("id"))


def _own(node: Node, names: dict[str, str]) -> None:
    key = _key(node)
    node["attrib"] = {
        **node["attrib"],
        **{n: custom_value(n, k, key) for n, k in names.items() if n not in node["attrib"]},
    }


def fill_node(node: Node, scope: str, custom: AttributeTypes) -> None:
    """Give a single node (the project, a user) a value for each custom attribute."""
    names = dict(custom.get(scope, {}))
    if names:
        _own(node, names)


def _fill_folders(project: ProjectData, names: dict[str, str]) -> None:
    depth: dict[str, int] = {}
    for folder in project.folders:  # parents are always created before their children
        parent_id = folder["parentId"]
        depth[folder["id"]] = depth[parent_id] + 1 if parent_id else 0
        attrib = dict(folder["attrib"])
        if depth[folder["id"]] % 2 == 0:
            key = _key(folder)
            own = [n for n in names if n not in attrib]
            attrib.update({n: custom_value(n, names[n], key) for n in own})
            folder["ownAttrib"] = sorted({*folder.get("ownAttrib", ()), *own})
        else:
            parent_attrib = project.by_id[parent_id]["attrib"]
            attrib.update({n: parent_attrib.get(n) for n in names if n not in attrib})
        folder["attrib"] = attrib


def _fill_tasks(project: ProjectData, names: dict[str, str], folder_names: Iterable[str]) -> None:
    inherited = set(folder_names)
    for task in project.tasks:
        folder_attrib = project.by_id[task["folderId"]]["attrib"]
        attrib = dict(task["attrib"])
        for name, kind in names.items():
            if name in attrib:
                continue
            attrib[name] = (
                folder_attrib.get(name)
                if name in inherited
                else custom_value(name, kind, _key(task))
            )
        task["attrib"] = attrib


def _fill_leaves(nodes: list[Node], names: dict[str, str]) -> None:
    for node in nodes:
        if node["_order"] % 5 == 0:
            node["attrib"] = {
                **node["attrib"],
                **{n: None for n in names if n not in node["attrib"]},
            }
        else:
            _own(node, names)


def fill_project(project: ProjectData, custom: AttributeTypes) -> None:
    """Give every entity of ``project`` its values for the custom attributes."""
    folder_names = dict(custom.get("folder", {}))
    if folder_names:
        _fill_folders(project, folder_names)
    if custom.get("task"):
        _fill_tasks(project, dict(custom["task"]), folder_names)
    for scope, nodes in (
        ("product", project.products),
        ("version", project.versions),
        ("representation", project.representations),
    ):
        if custom.get(scope):
            _fill_leaves(nodes, dict(custom[scope]))
