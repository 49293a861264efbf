"""Project anatomy: the built-in preset ``_``, a project's anatomy, and a project
deployed from one.

The anatomy is the snake_case, list-shaped form of a project's configuration
(``GET /api/anatomy/presets/_``, ``GET /api/projects/{p}/anatomy``): types
and statuses carry ``original_name``, roots and templates are lists of named
entries.  The stand-in's projects are built from the same constants, so the
preset and the projects agree, as on a real server.
"""

from __future__ import annotations

import copy
from typing import Any

from ayon_gql.testing._nodes import BASE_TIME, Node, json_text
from ayon_gql.testing._project_meta import ProjectSpec, project_attrib, project_meta

__all__ = ["apply_anatomy", "default_anatomy", "project_anatomy"]

_NAMING = {"capitalization": "lower", "separator": "_"}
_NO_DEFAULT = ("description", "startDate", "endDate")
_TEMPLATE_GROUPS = ("delivery", "hero", "others", "publish", "staging", "work")


def _named(items: list[Node]) -> list[Node]:
    return [{**item, "original_name": item["name"]} for item in items]


def project_anatomy(node: Node, rest: Node) -> Node:
    """A project's anatomy, from its ``ProjectNode`` dict and REST body."""
    config = rest["config"]
    templates: Node = dict(config["templates"].get("common", {}))
    for group in _TEMPLATE_GROUPS:
        entries = config["templates"].get(group, {})
        templates[group] = [{"name": name, **value} for name, value in entries.items()]
    return {
        "attributes": {key: node["attrib"].get(key) for key in project_attrib()},
        "entity_naming": {**_NAMING, **config.get("entityNaming", {})},
        "folder_types": _named(copy.deepcopy(rest["folderTypes"])),
        "link_types": [
            {
                "color": lt["data"].get("color"),
                "input_type": lt["inputType"],
                "link_type": lt["linkType"],
                "output_type": lt["outputType"],
                "style": lt["data"].get("style", "solid"),
            }
            for lt in rest["linkTypes"]
        ],
        "product_base_types": copy.deepcopy(config["productBaseTypes"]),
        "roots": [{"name": name, **paths} for name, paths in config["roots"].items()],
        "statuses": _named(copy.deepcopy(rest["statuses"])),
        "tags": _named(copy.deepcopy(rest["tags"])),
        "task_types": _named(copy.deepcopy(rest["taskTypes"])),
        "templates": templates,
    }


def default_anatomy() -> Node:
    """The built-in anatomy preset ``_``: what a project deployed without one gets."""
    node, rest = project_meta(ProjectSpec("_", "_", "empty", 0, BASE_TIME, ""))
    anatomy = project_anatomy(node, rest)
    for key in _NO_DEFAULT:
        anatomy["attributes"][key] = None
    return anatomy


def _plain(items: Any, keys: tuple[str, ...]) -> list[Node]:
    return [{k: item[k] for k in keys if k in item} for item in items or []]


def apply_anatomy(node: Node, rest: Node, anatomy: Node) -> None:
    """Make a project's ``ProjectNode`` dict and REST body follow ``anatomy``."""
    attrib = {k: v for k, v in (anatomy.get("attributes") or {}).items()}
    node["attrib"].update(attrib)
    node["allAttrib"] = json_text({k: v for k, v in node["attrib"].items() if v is not None})
    rest["attrib"] = {k: v for k, v in node["attrib"].items() if v is not None}
    rest["ownAttrib"] = sorted(rest["attrib"])
    config = rest["config"]
    if anatomy.get("roots"):
        config["roots"] = {
            r["name"]: {p: r[p] for p in ("darwin", "linux", "windows") if p in r}
            for r in anatomy["roots"]
        }
    if isinstance(anatomy.get("templates"), dict):
        templates = anatomy["templates"]
        common = {k: v for k, v in templates.items() if k not in _TEMPLATE_GROUPS}
        config["templates"] = {"common": common}
        for group in _TEMPLATE_GROUPS:
            entries = {
                t["name"]: {k: v for k, v in t.items() if k != "name"}
                for t in templates.get(group) or []
            }
            if entries:
                config["templates"][group] = entries
    if isinstance(anatomy.get("product_base_types"), dict):
        config["productBaseTypes"] = copy.deepcopy(anatomy["product_base_types"])
    kinds = {
        "folder_types": ("folderTypes", ("color", "icon", "name", "shortName")),
        "task_types": ("taskTypes", ("color", "icon", "name", "shortName")),
        "statuses": ("statuses", ("color", "icon", "name", "scope", "shortName", "state")),
        "tags": ("tags", ("color", "name")),
    }
    for key, (field, keys) in kinds.items():
        if anatomy.get(key):
            rest[field] = _plain(anatomy[key], keys)
            node[field] = copy.deepcopy(rest[field])
    if anatomy.get("link_types"):
        rest["linkTypes"] = []
        for lt in anatomy["link_types"]:
            name = f"{lt['link_type']}|{lt['input_type']}|{lt['output_type']}"
            data = {"color": lt.get("color"), "style": lt.get("style", "solid")}
            rest["linkTypes"].append(
                {
                    "data": data,
                    "inputType": lt["input_type"],
                    "linkType": lt["link_type"],
                    "name": name,
                    "outputType": lt["output_type"],
                }
            )
        node["linkTypes"] = [link_type_node(lt) for lt in rest["linkTypes"]]
    node["config"] = json_text(config)


def link_type_node(rest_link_type: Node) -> Node:
    """A link type of the REST body in the ``ProjectNode.linkTypes`` shape."""
    return {
        "name": rest_link_type["name"],
        "linkType": rest_link_type["linkType"],
        "inputType": rest_link_type["inputType"],
        "outputType": rest_link_type["outputType"],
        "color": rest_link_type["data"].get("color"),
        "style": rest_link_type["data"].get("style", "solid"),
    }
