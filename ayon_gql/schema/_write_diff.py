"""What changed in the write models between two openapi snapshots.

Reported in the words of the generated code (``VersionAttrib``,
``VersionCreate``) with the server's field names, as :class:`SchemaChange`
entries so ``schema diff`` and ``check`` print them like GraphQL changes.
Breaking: a model or field removed, a field's Python type changed, an enum
value removed, a create field that became (or was added as) required.
Dangerous: a constraint changed (pattern, bounds).  Added: new models,
optional fields, enum values.  Code that used what was removed or changed
fails ``mypy`` once the package is regenerated.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ayon_gql.schema._diff import SchemaChange
from ayon_gql.schema._openapi import (
    OPENAPI_NAME,
    OpenApiSnapshot,
    is_openapi_document,
    load_write_models,
    read_json_document,
)
from ayon_gql.schema._openapi_types import CONSTRAINTS, annotation, class_name, python_name


def _unconstrained(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: _unconstrained(v) for k, v in node.items() if k not in CONSTRAINTS}
    if isinstance(node, list):
        return [_unconstrained(item) for item in node]
    return node


def _enum(node: Any) -> list[Any] | None:
    if isinstance(node, dict) and isinstance(node.get("enum"), list):
        return list(node["enum"])
    return None


def _change(kind: str, severity: str, model: str, wire: str | None, text: str) -> SchemaChange:
    """A change described as ``VersionAttrib.shotCode (shot_code) <text>.``."""
    where = model
    if wire is not None:
        name = python_name(wire)
        where = f"{model}.{wire}" + ("" if name == wire else f" ({name})")
    return SchemaChange(kind, f"{where} {text}.", severity, model, field=wire)


def _compare_field(
    model: str,
    wire: str,
    old: Any,
    new: Any,
    names: tuple[Mapping[str, str], Mapping[str, str]],
) -> list[SchemaChange]:
    old_enum, new_enum = _enum(old), _enum(new)
    if old_enum is not None and new_enum is not None:
        removed = [v for v in old_enum if v not in new_enum]
        added = [v for v in new_enum if v not in old_enum]
        changes = [
            _change("WRITE_VALUE_REMOVED", "breaking", model, wire, f"lost the value {v!r}")
            for v in removed
        ]
        changes += [
            _change("WRITE_VALUE_ADDED", "added", model, wire, f"gained the value {v!r}")
            for v in added
        ]
        return changes
    old_type = annotation(_unconstrained(old), names[0])
    new_type = annotation(_unconstrained(new), names[1])
    if old_type != new_type:
        text = f"changed type from {_shown(old_type)} to {_shown(new_type)}"
        return [_change("WRITE_FIELD_CHANGED_TYPE", "breaking", model, wire, text)]
    if annotation(old, names[0]) != annotation(new, names[1]):
        text = "changed its constraints"
        return [_change("WRITE_FIELD_CONSTRAINT_CHANGED", "dangerous", model, wire, text)]
    return []


def _shown(type_: str) -> str:
    return type_.replace("_t.", "").replace("_dt.", "datetime.").replace("_pd.", "")


def _compare_model(
    model: str,
    old: Mapping[str, Any],
    new: Mapping[str, Any],
    names: tuple[Mapping[str, str], Mapping[str, str]],
) -> list[SchemaChange]:
    old_props: Mapping[str, Any] = old.get("properties") or {}
    new_props: Mapping[str, Any] = new.get("properties") or {}
    old_required = set(old.get("required") or [])
    new_required = set(new.get("required") or [])
    changes: list[SchemaChange] = []
    for wire in old_props:
        if wire not in new_props:
            text = "was removed"
            changes.append(_change("WRITE_FIELD_REMOVED", "breaking", model, wire, text))
            continue
        changes += _compare_field(model, wire, old_props[wire], new_props[wire], names)
        if wire in new_required and wire not in old_required:
            text = "became required"
            changes.append(_change("WRITE_FIELD_BECAME_REQUIRED", "breaking", model, wire, text))
    for wire in new_props:
        if wire in old_props:
            continue
        if wire in new_required:
            text = "was added as a required field"
            changes.append(_change("WRITE_REQUIRED_FIELD_ADDED", "breaking", model, wire, text))
        else:
            text = "was added"
            changes.append(_change("WRITE_FIELD_ADDED", "added", model, wire, text))
    return changes


def diff_write_models(old: OpenApiSnapshot, new: OpenApiSnapshot) -> list[SchemaChange]:
    """Every change from ``old`` to ``new``, models in name order."""
    names = (
        {name: class_name(name) for name in old.schemas},
        {name: class_name(name) for name in new.schemas},
    )
    changes: list[SchemaChange] = []
    for schema_name in sorted(set(old.schemas) | set(new.schemas)):
        model = class_name(schema_name)
        if schema_name not in new.schemas:
            changes.append(_change("WRITE_MODEL_REMOVED", "breaking", model, None, "was removed"))
        elif schema_name not in old.schemas:
            changes.append(_change("WRITE_MODEL_ADDED", "added", model, None, "was added"))
        else:
            changes += _compare_model(
                model, old.schemas[schema_name], new.schemas[schema_name], names
            )
    return changes


@dataclass(frozen=True)
class WriteModelSources:
    """The two openapi snapshots to compare (files or server URLs), and whether they are
    all there is to compare."""

    old: str | Path
    new: str | Path
    #: True when the compared sources themselves are openapi documents (no GraphQL schemas).
    whole: bool = False

    def load(
        self, *, api_key: str | None = None, timeout: float | None = None
    ) -> tuple[OpenApiSnapshot, OpenApiSnapshot]:
        """Both snapshots (a :class:`~ayon_gql.SchemaSourceError` when one cannot be read)."""
        return (
            load_write_models(self.old, api_key=api_key, timeout=timeout),
            load_write_models(self.new, api_key=api_key, timeout=timeout),
        )


def _is_url(source: str | Path) -> bool:
    return str(source).startswith(("http://", "https://"))


def _openapi_file(source: str | Path) -> bool:
    path = Path(source)
    if _is_url(source) or path.suffix != ".json" or not path.is_file():
        return False
    return is_openapi_document(read_json_document(path))


def beside(schema: str | Path) -> Path | None:
    """The ``openapi.json`` beside a schema file, if there is one."""
    if _is_url(schema):
        return None
    candidate = Path(schema).with_name(OPENAPI_NAME)
    return candidate if Path(schema).is_file() and candidate.is_file() else None


def openapi_for(schema: str | Path) -> str | Path | None:
    """Where the write models that go with a schema source are: a server's, or beside a file."""
    return str(schema) if _is_url(schema) else beside(schema)


def write_model_sources(
    old: str | Path, new: str | Path, explicit: Sequence[Path] | None = None
) -> WriteModelSources | None:
    """Which openapi snapshots ``schema diff OLD NEW`` compares, if any.

    ``explicit`` (``--openapi OLD NEW``) wins; else OLD and NEW themselves when
    both are openapi documents; else for each a server URL's ``/openapi.json``
    or the ``openapi.json`` beside a schema file, when both have one.
    """
    if explicit:
        return WriteModelSources(Path(explicit[0]), Path(explicit[1]))
    if _openapi_file(old) and _openapi_file(new):
        return WriteModelSources(Path(old), Path(new), whole=True)
    old_models, new_models = openapi_for(old), openapi_for(new)
    if old_models is None or new_models is None or old_models == new_models:
        return None
    return WriteModelSources(old_models, new_models)
