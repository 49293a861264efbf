"""What changes in an addon's settings between two versions, as :class:`SchemaChange`.

Both schemas are read as the generated models see them (see
:mod:`ayon_gql.codegen._settings_schema`): a field removed or retyped and a
choice removed are breaking (code reading them no longer type-checks, stored
values no longer fit), a changed default is dangerous (what unset settings
read changes), an added field or choice is listed as added.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ayon_gql.codegen._settings_schema import normalize_settings_schema
from ayon_gql.schema._diff import SchemaChange
from ayon_gql.schema._settings_snapshot import SettingsSnapshot

__all__ = ["diff_settings", "diff_settings_folders", "is_settings_snapshot"]

_MISSING = object()


def _resolve(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    if "$ref" in node:
        name = str(node["$ref"]).rsplit("/", 1)[-1]
        return _resolve(schema, schema.get("definitions", schema.get("$defs", {})).get(name, {}))
    if "allOf" in node and len(node["allOf"]) == 1:
        return _resolve(schema, {**node["allOf"][0]})
    return node


def _shape(schema: dict[str, Any], node: dict[str, Any]) -> str:
    """The type a field has in the generated model, as text."""
    node = _resolve(schema, node)
    if "properties" in node:
        return "object"
    if "anyOf" in node:
        return " | ".join(sorted(_shape(schema, sub) for sub in node["anyOf"]))
    kind = node.get("type", "any")
    text = " | ".join(sorted(kind)) if isinstance(kind, list) else str(kind)
    if "array" in text and isinstance(node.get("items"), dict):
        text = text.replace("array", f"list[{_shape(schema, node['items'])}]")
    return text


def _walk(
    old_schema: dict[str, Any],
    new_schema: dict[str, Any],
    old: dict[str, Any],
    new: dict[str, Any],
    path: list[str],
    label: str,
    out: list[SchemaChange],
) -> None:
    def change(kind: str, severity: str, where: list[str], text: str) -> None:
        dotted = ".".join(where)
        out.append(SchemaChange(kind, f"{dotted} {text}.", severity, label, field=dotted))

    old_props = _resolve(old_schema, old).get("properties", {})
    new_props = _resolve(new_schema, new).get("properties", {})
    for name in sorted(set(old_props) | set(new_props)):
        where = [*path, name]
        if name not in new_props:
            change("SETTING_REMOVED", "breaking", where, "was removed")
            continue
        if name not in old_props:
            change("SETTING_ADDED", "added", where, "was added")
            continue
        before, after = old_props[name], new_props[name]
        old_shape, new_shape = _shape(old_schema, before), _shape(new_schema, after)
        if old_shape != new_shape:
            change(
                "SETTING_TYPE_CHANGED",
                "breaking",
                where,
                f"changed from {old_shape} to {new_shape}",
            )
            continue
        old_r, new_r = _resolve(old_schema, before), _resolve(new_schema, after)
        if old_shape == "object":
            _walk(old_schema, new_schema, old_r, new_r, where, label, out)
            continue
        if old_shape.startswith("list[object"):
            _walk(
                old_schema, new_schema, old_r["items"], new_r["items"], [*where, "[]"], label, out
            )
        for o, n, suffix in ((old_r, new_r, ""), (old_r.get("items"), new_r.get("items"), "[]")):
            if not isinstance(o, dict) or not isinstance(n, dict):
                continue
            removed = [v for v in o.get("enum") or [] if v not in (n.get("enum") or [])]
            if removed and n.get("enum") is not None:
                shown = ", ".join(repr(v) for v in removed)
                what = "items no longer allow" if suffix else "no longer allows"
                change("SETTING_CHOICE_REMOVED", "breaking", where, f"{what} {shown}")
        old_default, new_default = before.get("default", _MISSING), after.get("default", _MISSING)
        if old_default != new_default:
            shown = "none" if new_default is _MISSING else repr(new_default)
            change("SETTING_DEFAULT_CHANGED", "dangerous", where, f"default changed to {shown}")


def is_settings_snapshot(path: str) -> bool:
    """Whether ``path`` is a readable settings snapshot file."""
    from ayon_gql._errors import AyonError
    from ayon_gql.schema._settings_snapshot import load_settings_snapshot

    if path.startswith(("http://", "https://")):
        return False
    try:
        load_settings_snapshot(path)
    except AyonError:
        return False
    return True


def diff_settings(old: SettingsSnapshot, new: SettingsSnapshot) -> list[SchemaChange]:
    """The changes from one addon version's settings schema to another's."""
    label = f"{new.addon.name} {new.kind} ({old.addon.version} -> {new.addon.version})"
    old_schema = normalize_settings_schema(old.schema, keep_text=False)
    new_schema = normalize_settings_schema(new.schema, keep_text=False)
    out: list[SchemaChange] = []
    _walk(old_schema, new_schema, old_schema, new_schema, [], label, out)
    return out


def diff_settings_folders(base: Path, new: Path) -> list[SchemaChange]:
    """Changes from each addon's snapshot in ``base`` to the same addon's in ``new``
    (addons only one folder has are left out: nothing of theirs can break)."""
    from ayon_gql.schema._settings_snapshot import find_settings_snapshots

    olds = {(s.addon.name, s.kind): s for s in find_settings_snapshots(base)}
    changes: list[SchemaChange] = []
    for snapshot in find_settings_snapshots(new):
        old = olds.get((snapshot.addon.name, snapshot.kind))
        if old is not None:
            changes.extend(diff_settings(old, snapshot))
    return changes
