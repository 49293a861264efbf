"""What changed in the REST operations between two openapi snapshots.

Reported in the words of the generated code (``api.projects.get_project``,
``addons.studio_tools.check_frames``) as :class:`SchemaChange` entries, so
``schema diff`` and ``check`` print them like GraphQL changes.  Breaking:
an operation removed, a parameter removed or renamed, a parameter that
became required (or was added as required), a parameter, body or answer
whose type changed, a field of a body or answer model removed or retyped, a
model removed.  Dangerous: a parameter lost allowed values or its pattern
changed, a model field's constraints changed.  Code calling what was removed
or changed fails ``mypy`` once the package is regenerated.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ayon_gql.schema._diff import SchemaChange
from ayon_gql.schema._openapi import OpenApiSnapshot, root_model_names

__all__ = ["diff_rest", "snapshot_document"]

_CHANGE_PREFIX = "REST_"


def _specs(document: Mapping[str, Any], prefix: str) -> dict[str, Any]:
    """Operations by generated coordinate (``api.projects.get_project``)."""
    from ayon_gql.codegen._rest_operations import iter_operations
    from ayon_gql.codegen._rest_package import _identifier

    components = (document.get("components") or {}).get("schemas") or {}
    names = {name: name for name in components}
    out: dict[str, Any] = {}
    for spec in iter_operations(document.get("paths") or {}, names, "Other", components):
        group = prefix if prefix.startswith("addons.") else f"{prefix}.{_identifier(spec.group)}"
        out[f"{group}.{spec.name}"] = spec
    return out


def _change(kind: str, severity: str, where: str, text: str, field: str | None = None) -> Any:
    return SchemaChange(_CHANGE_PREFIX + kind, f"{where} {text}.", severity, where, field=field)


def _compare_params(where: str, old: Any, new: Any) -> list[SchemaChange]:
    changes: list[SchemaChange] = []
    old_params = {p.python_name: p for p in old.params}
    new_params = {p.python_name: p for p in new.params}
    removed = [n for n in old_params if n not in new_params]
    added = [n for n in new_params if n not in old_params]
    renamed: dict[str, str] = {}
    for name in list(removed):
        same_place = [
            n for n in added if new_params[n].location == old_params[name].location
        ]
        if len(removed) == 1 and len(same_place) == 1:
            renamed[name] = same_place[0]
    for name in removed:
        if name in renamed:
            text = f"parameter {name} was renamed to {renamed[name]}"
            changes.append(_change("PARAM_RENAMED", "breaking", where, text, name))
        else:
            text = f"parameter {name} was removed"
            changes.append(_change("PARAM_REMOVED", "breaking", where, text, name))
    for name in added:
        if name in renamed.values():
            continue
        if new_params[name].required:
            text = f"parameter {name} was added as required"
            changes.append(_change("REQUIRED_PARAM_ADDED", "breaking", where, text, name))
        else:
            changes.append(_change("PARAM_ADDED", "added", where, f"gained {name}", name))
    for name in set(old_params) & set(new_params):
        before, after = old_params[name], new_params[name]
        if after.required and not before.required:
            text = f"parameter {name} became required"
            changes.append(_change("PARAM_BECAME_REQUIRED", "breaking", where, text, name))
        if old.param_types[name] != new.param_types[name]:
            text = (
                f"parameter {name} changed type from {old.param_types[name]} "
                f"to {new.param_types[name]}"
            )
            changes.append(_change("PARAM_CHANGED_TYPE", "breaking", where, text, name))
        elif before.pattern != after.pattern:
            text = f"parameter {name} changed its pattern"
            changes.append(_change("PARAM_CONSTRAINT_CHANGED", "dangerous", where, text, name))
    return changes


def _compare_operation(where: str, old: Any, new: Any) -> list[SchemaChange]:
    changes = _compare_params(where, old, new)
    if (old.body_type, old.body_required) != (new.body_type, new.body_required):
        if new.body_type != old.body_type:
            text = f"body changed from {old.body_type} to {new.body_type}"
        else:
            text = "body became required"
        changes.append(_change("BODY_CHANGED", "breaking", where, text))
    if old.return_annotation != new.return_annotation:
        text = f"answer changed from {old.return_annotation} to {new.return_annotation}"
        changes.append(_change("ANSWER_CHANGED", "breaking", where, text))
    return changes


def _models(old: Mapping[str, Any], new: Mapping[str, Any], prefix: str) -> list[SchemaChange]:
    """Field changes of the body and answer models (the write models are diffed on their own)."""
    from ayon_gql.schema._write_diff import _compare_model

    skip = set(root_model_names()) if prefix == "api" else set()
    old_schemas = (old.get("components") or {}).get("schemas") or {}
    new_schemas = (new.get("components") or {}).get("schemas") or {}
    names = ({n: n for n in old_schemas}, {n: n for n in new_schemas})
    changes: list[SchemaChange] = []
    for name in sorted(set(old_schemas) - skip):
        model = f"{prefix}.{name}"
        if name not in new_schemas:
            changes.append(_change("MODEL_REMOVED", "breaking", model, "was removed"))
            continue
        for change in _compare_model(model, old_schemas[name], new_schemas[name], names):
            kind = _CHANGE_PREFIX + change.kind.removeprefix("WRITE_")
            changes.append(
                SchemaChange(kind, change.description, change.severity, model, field=change.field)
            )
    return changes


def snapshot_document(snapshot: OpenApiSnapshot) -> dict[str, Any]:
    """A loaded openapi snapshot as a document :func:`diff_rest` compares."""
    return {
        "paths": dict(snapshot.paths),
        "components": {"schemas": dict(snapshot.components or snapshot.schemas)},
    }


def diff_rest(
    old: Mapping[str, Any], new: Mapping[str, Any], *, prefix: str = "api"
) -> list[SchemaChange]:
    """Every REST change from ``old`` to ``new`` (openapi documents or snapshots).

    ``prefix`` is where the operations are in a generated package: ``api``
    for the server's, ``addons.<addon>`` for an addon's.
    """
    if not old.get("paths") or not new.get("paths"):
        return []
    before, after = _specs(old, prefix), _specs(new, prefix)
    changes: list[SchemaChange] = []
    for where in sorted(set(before) | set(after)):
        if where not in after:
            spec = before[where]
            text = f"({spec.method.upper()} {spec.path}) was removed"
            changes.append(_change("OPERATION_REMOVED", "breaking", where, text))
        elif where not in before:
            changes.append(_change("OPERATION_ADDED", "added", where, "was added"))
        else:
            changes += _compare_operation(where, before[where], after[where])
    return changes + _models(old, new, prefix)
