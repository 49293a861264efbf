"""Addon settings as the server keeps them, for any addon: its JSON schema, its
defaults and the stored overrides (studio, per project), with the server's
rules for saving (only what differs is stored), listing overrides and
validating ("Invalid settings" errors in pydantic v1's words)."""

from __future__ import annotations

import copy
import threading
from typing import Any

from ayon_gql.testing._nodes import Node

__all__ = ["SettingsStore", "apply_overrides", "extract_overrides", "list_overrides"]

_ROOT_SCOPE = ["studio", "project"]
_FORM_DEFAULT_SCOPE = ["project", "studio"]


def _resolve(schema: Node, node: Node) -> Node:
    """A property's own schema with ``$ref`` / ``allOf: [$ref]`` followed."""
    if "$ref" in node:
        return _resolve(schema, schema["definitions"][node["$ref"].rsplit("/", 1)[-1]])
    if "allOf" in node and len(node["allOf"]) == 1:
        return _resolve(schema, node["allOf"][0])
    return node


def _is_model(schema: Node, prop: Node) -> Node | None:
    target = _resolve(schema, prop)
    return target if "properties" in target else None


def _fill(schema: Node, model: Node, values: Node, defaults: Node) -> Node:
    """``model(**values)``: every field, from ``values`` or the defaults."""
    result: Node = {}
    for name, prop in model["properties"].items():
        sub = _is_model(schema, prop)
        given = values.get(name) if isinstance(values, dict) else None
        default = defaults.get(name) if isinstance(defaults, dict) else None
        if sub is not None:
            result[name] = _fill(
                schema, sub, given if isinstance(given, dict) else {}, default or {}
            )
        elif name in values:
            result[name] = _fill_items(schema, prop, copy.deepcopy(values[name]))
        else:
            result[name] = copy.deepcopy(default)
    return result


def _fill_items(schema: Node, prop: Node, value: Any) -> Any:
    items = prop.get("items")
    item_model = _is_model(schema, items) if isinstance(items, dict) else None
    if item_model is not None and isinstance(value, list):
        own = {k: p.get("default") for k, p in item_model["properties"].items()}
        return [_fill(schema, item_model, v, own) if isinstance(v, dict) else v for v in value]
    if prop.get("type") == "number" and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value


def _type_error(kind: str, value: Any) -> tuple[str, str] | None:
    checks: dict[str, tuple[Any, str, str]] = {
        "integer": (int, "type_error.integer", "value is not a valid integer"),
        "number": ((int, float), "type_error.float", "value is not a valid float"),
        "string": (str, "type_error.str", "str type expected"),
        "boolean": (bool, "type_error.bool", "value could not be parsed to a boolean"),
        "array": (list, "type_error.list", "value is not a valid list"),
        "object": (dict, "type_error.dict", "value is not a valid dict"),
    }
    if kind not in checks:
        return None
    types, code, msg = checks[kind]
    bad_bool = isinstance(value, bool) and kind in ("integer", "number")
    return (code, msg) if bad_bool or not isinstance(value, types) else None


def _validate(schema: Node, prop: Node, value: Any, loc: list[Any], out: list[Node]) -> None:
    model = _is_model(schema, prop)
    if model is not None:
        if not isinstance(value, dict):
            out.append({"loc": loc, "msg": "value is not a valid dict", "type": "type_error.dict"})
            return
        for name, sub in model["properties"].items():
            if name in value and not (value[name] is None and "default" not in sub):
                _validate(schema, sub, value[name], [*loc, name], out)
        return
    kind = prop.get("type")
    if isinstance(kind, str) and (bad := _type_error(kind, value)) is not None:
        out.append({"loc": loc, "msg": bad[1], "type": bad[0]})
        return
    enum = prop.get("enum")
    # labelled choices (an enum_resolver) and choices their own default is not one of
    # are strings to the addon's model: only the others are checked
    checked = not prop.get("enumLabels") and (
        "default" not in prop or prop["default"] in (enum or [])
    )
    if enum is not None and checked and value not in enum:
        permitted = ", ".join(repr(v) for v in enum)
        out.append(
            {
                "ctx": {"given": value, "permitted": list(enum)},
                "loc": loc,
                "msg": f"unexpected value; permitted: {permitted}",
                "type": "value_error.const",
            }
        )
        return
    for key, code, words in (
        ("minimum", "not_ge", "greater than or equal to"),
        ("maximum", "not_le", "less than or equal to"),
        ("exclusiveMinimum", "not_gt", "greater than"),
        ("exclusiveMaximum", "not_lt", "less than"),
    ):
        limit = prop.get(key)
        if limit is None or not isinstance(value, int | float):
            continue
        ok = {
            "not_ge": value >= limit,
            "not_le": value <= limit,
            "not_gt": value > limit,
            "not_lt": value < limit,
        }[code]
        if not ok:
            out.append(
                {
                    "ctx": {"limit_value": limit},
                    "loc": loc,
                    "msg": f"ensure this value is {words} {limit}",
                    "type": f"value_error.number.{code}",
                }
            )
    items = prop.get("items")
    if kind == "array" and isinstance(items, dict) and isinstance(value, list):
        if prop.get("enumLabels"):  # filled by an enum_resolver: any string is stored
            items = {k: v for k, v in items.items() if k != "enum"}
        for i, item in enumerate(value):
            _validate(schema, items, item, [*loc, i], out)


def validate(schema: Node, values: Node) -> list[Node]:
    """The errors the server's model would raise for ``values`` (empty when valid)."""
    out: list[Node] = []
    _validate(schema, schema, values, [], out)
    for error in out:
        error["loc"] = [str(part) if not isinstance(part, int) else part for part in error["loc"]]
    return out


def apply_overrides(schema: Node, model: Node, base: Node, overrides: Node) -> Node:
    """``base`` with ``overrides`` applied field by field (the stored shape)."""
    result: Node = {}
    for name, prop in model["properties"].items():
        sub = _is_model(schema, prop)
        if sub is not None:
            result[name] = apply_overrides(
                schema, sub, base.get(name) or {}, overrides.get(name) or {}
            )
        elif name in overrides:
            # the server builds its model from the result: list items get their defaults
            result[name] = _fill_items(schema, prop, copy.deepcopy(overrides[name]))
        else:
            result[name] = copy.deepcopy(base.get(name))
    return result


def extract_overrides(schema: Node, model: Node, original: Node, new: Node, existing: Node) -> Node:
    """What to store: fields that differ from ``original`` or were overridden before."""
    result: Node = {}
    for name, prop in model["properties"].items():
        old, fresh = original.get(name), new.get(name)
        sub = _is_model(schema, prop)
        if sub is not None and not sub.get("isgroup"):
            if old != fresh or name in existing:
                result[name] = extract_overrides(
                    schema, sub, old or {}, fresh or {}, existing.get(name) or {}
                )
        elif old != fresh or name in existing:
            result[name] = copy.deepcopy(fresh)
    return result


def _scope(prop: Node, inherited: list[str] | None) -> list[str] | None:
    scope = prop.get("scope")
    if isinstance(scope, list) and scope != _FORM_DEFAULT_SCOPE:
        return list(scope)
    return copy.copy(inherited)


def list_overrides(
    schema: Node,
    model: Node,
    settings: Node,
    override: Node,
    level: str,
    crumbs: list[str] | None = None,
    in_group: list[str] | None = None,
    scope: list[str] | None = None,
) -> Node:
    """The overrides answer: one entry per overridden value, keyed like ``root_a_b``."""
    result: Node = {}
    crumbs = crumbs or []
    root = "root_" + "_".join(crumbs) if crumbs else "root"
    for name, prop in model["properties"].items():
        child = settings.get(name)
        path, chcrumbs = f"{root}_{name}", [*crumbs, name]
        own = _scope(prop, scope)
        if own is None and root == "root":
            own = list(_ROOT_SCOPE)
        sub = _is_model(schema, prop)
        entry: Node = {"inGroup": in_group, "level": level, "path": chcrumbs, "scope": own}
        if sub is not None:
            group = bool(sub.get("isgroup"))
            if name in override:
                result[path] = {**entry, "type": "group" if group else "branch"}
            result.update(
                list_overrides(
                    schema,
                    sub,
                    child or {},
                    override.get(name) or {},
                    level,
                    chcrumbs,
                    chcrumbs if group else in_group,
                    own,
                )
            )
        elif isinstance(child, list):
            if name not in override:
                continue
            result[path] = {**entry, "type": "list"}
            items = prop.get("items") or {}
            item_model = _is_model(schema, items) if isinstance(items, dict) else None
            for i, item in enumerate(child):
                if item_model is not None and isinstance(item, dict):
                    stored = override[name][i] if i < len(override[name]) else {}
                    result.update(
                        list_overrides(
                            schema,
                            item_model,
                            item,
                            stored,
                            level,
                            [*chcrumbs, str(i)],
                            in_group or chcrumbs,
                            own,
                        )
                    )
                else:
                    result[f"{path}_{i}"] = {
                        "inGroup": in_group or chcrumbs,
                        "level": "default",
                        "path": [*chcrumbs, str(i)],
                        "scope": own,
                        "value": item,
                    }
        elif name in override:
            result[path] = {**entry, "value": override[name]}
    return result


class SettingsStore:
    """Stored overrides of every addon version the stand-in serves; resettable."""

    def __init__(self, addons: dict[tuple[str, str], Node]) -> None:
        self.addons = addons
        self.lock = threading.RLock()
        self.studio: dict[tuple[str, str, str], Node] = {}
        self.project: dict[tuple[str, str, str, str], Node] = {}
        self.reset()

    def reset(self) -> None:
        """Back to each addon's initial overrides."""
        with self.lock:
            self.studio, self.project = {}, {}
            for key, addon in self.addons.items():
                for variant in ("production", "staging"):
                    self.studio[(*key, variant)] = copy.deepcopy(addon.get("studioOverrides", {}))
                    for project, stored in addon.get("projectOverrides", {}).items():
                        self.project[(*key, variant, project)] = copy.deepcopy(stored)

    def studio_settings(self, key: tuple[str, str], variant: str) -> Node:
        addon = self.addons[key]
        schema = addon["schema"]
        stored = self.studio.get((*key, variant), {})
        return apply_overrides(schema, schema, addon["defaults"], stored)

    def project_settings(self, key: tuple[str, str], variant: str, project: str) -> Node:
        schema = self.addons[key]["schema"]
        studio = self.studio_settings(key, variant)
        stored = self.project.get((*key, variant, project), {})
        return apply_overrides(schema, schema, studio, stored)

    def save(
        self, key: tuple[str, str], variant: str, project: str | None, payload: Node
    ) -> list[Node]:
        """Store ``payload`` as the server does; the validation errors (then nothing is stored)."""
        addon = self.addons[key]
        schema = addon["schema"]
        errors = validate(schema, payload)
        if errors:
            return errors
        new = _fill(schema, schema, payload, addon["defaults"])
        with self.lock:
            if project is None:
                original = self.studio_settings(key, variant)
                existing = self.studio.get((*key, variant), {})
                self.studio[(*key, variant)] = extract_overrides(
                    schema, schema, original, new, existing
                )
            else:
                original = self.project_settings(key, variant, project)
                existing = self.project.get((*key, variant, project), {})
                self.project[(*key, variant, project)] = extract_overrides(
                    schema, schema, original, new, existing
                )
        return []

    def remove(self, key: tuple[str, str], variant: str, project: str | None) -> None:
        with self.lock:
            if project is None:
                self.studio.pop((*key, variant), None)
            else:
                self.project.pop((*key, variant, project), None)

    def overrides(self, key: tuple[str, str], variant: str, project: str | None) -> Node:
        schema = self.addons[key]["schema"]
        studio = self.studio_settings(key, variant)
        result = list_overrides(
            schema, schema, studio, self.studio.get((*key, variant), {}), "studio"
        )
        if project is not None:
            settings = self.project_settings(key, variant, project)
            stored = self.project.get((*key, variant, project), {})
            result.update(list_overrides(schema, schema, settings, stored, "project"))
        return result
