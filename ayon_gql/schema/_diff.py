"""Compare two schemas: breaking, dangerous and added, grouped by type.

Breaking and dangerous changes come from graphql-core's own
``find_breaking_changes`` / ``find_dangerous_changes``; each is given the
schema coordinate it is about (``Type``, ``Type.field``,
``Type.field(arg:)``, ``Enum.VALUE``) so it can be matched to operations.
Additions (new types and fields, which those functions do not report) are
listed as well, since they are what a server upgrade brings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from graphql import (
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLSchema,
    find_breaking_changes,
    find_dangerous_changes,
)
from graphql.type import introspection_types

# Schemas are read by one loader for every command; re-exported here for callers.
from ayon_gql.schema._source import is_url, load_schema, schema_from_text

__all__ = [
    "SchemaChange",
    "SchemaDiff",
    "diff_schemas",
    "format_grouped",
    "is_url",
    "load_schema",
    "schema_from_text",
]

_NAME = r"[_A-Za-z][_0-9A-Za-z]*"

#: How each kind of change names what it is about, in graphql-core's wording.
_PATTERNS: dict[str, str] = {
    "TYPE_REMOVED": rf"^(?:Standard scalar )?(?P<type>{_NAME}) was removed",
    "TYPE_CHANGED_KIND": rf"^(?P<type>{_NAME}) changed from",
    "REQUIRED_INPUT_FIELD_ADDED": rf"field (?P<field>{_NAME}) on input type (?P<type>{_NAME})",
    "OPTIONAL_INPUT_FIELD_ADDED": rf"field (?P<field>{_NAME}) on input type (?P<type>{_NAME})",
    "FIELD_REMOVED": rf"^(?P<type>{_NAME})\.(?P<field>{_NAME}) was removed",
    "FIELD_CHANGED_KIND": rf"^(?P<type>{_NAME})\.(?P<field>{_NAME}) changed type",
    "TYPE_ADDED_TO_UNION": rf"^(?P<member>{_NAME}) was added to union type (?P<type>{_NAME})",
    "TYPE_REMOVED_FROM_UNION": rf"^(?P<member>{_NAME}) was removed from union type "
    rf"(?P<type>{_NAME})",
    "VALUE_ADDED_TO_ENUM": rf"^(?P<member>{_NAME}) was added to enum type (?P<type>{_NAME})",
    "VALUE_REMOVED_FROM_ENUM": rf"^(?P<member>{_NAME}) was removed from enum type "
    rf"(?P<type>{_NAME})",
    "IMPLEMENTED_INTERFACE_ADDED": rf"^(?P<member>{_NAME}) added to interfaces implemented by "
    rf"(?P<type>{_NAME})",
    "IMPLEMENTED_INTERFACE_REMOVED": rf"^(?P<type>{_NAME}) no longer implements interface "
    rf"(?P<member>{_NAME})",
    "ARG_REMOVED": rf"^(?P<type>{_NAME})\.(?P<field>{_NAME}) arg (?P<arg>{_NAME}) ",
    "ARG_CHANGED_KIND": rf"^(?P<type>{_NAME})\.(?P<field>{_NAME}) arg (?P<arg>{_NAME}) ",
    "ARG_DEFAULT_VALUE_CHANGE": rf"^(?P<type>{_NAME})\.(?P<field>{_NAME}) arg (?P<arg>{_NAME}) ",
    "REQUIRED_ARG_ADDED": rf"arg (?P<arg>{_NAME}) on (?P<type>{_NAME})\.(?P<field>{_NAME})",
    "OPTIONAL_ARG_ADDED": rf"arg (?P<arg>{_NAME}) on (?P<type>{_NAME})\.(?P<field>{_NAME})",
    "DIRECTIVE_REMOVED": rf"^(?P<directive>{_NAME}) was removed",
    "DIRECTIVE_ARG_REMOVED": rf"^(?P<arg>{_NAME}) was removed from (?P<directive>{_NAME})",
    "REQUIRED_DIRECTIVE_ARG_ADDED": rf"arg (?P<arg>{_NAME}) on directive (?P<directive>{_NAME})",
    "DIRECTIVE_REPEATABLE_REMOVED": rf"from (?P<directive>{_NAME})",
    "DIRECTIVE_LOCATION_REMOVED": rf"^(?P<member>{_NAME}) was removed from "
    rf"(?P<directive>{_NAME})",
}


@dataclass(frozen=True)
class SchemaChange:
    """One difference between two schemas, with the coordinate it is about."""

    kind: str
    description: str
    severity: str  # "breaking", "dangerous" or "added"
    type_name: str
    field: str | None = None
    argument: str | None = None
    member: str | None = None  # enum value, union member or interface

    @property
    def coordinate(self) -> str:
        """``Type``, ``Type.field``, ``Type.field(arg:)``, ``Enum.VALUE`` or ``@directive``."""
        if self.field and self.argument:
            return f"{self.type_name}.{self.field}({self.argument}:)"
        if self.field:
            return f"{self.type_name}.{self.field}"
        if self.kind.endswith("ENUM") and self.member:
            return f"{self.type_name}.{self.member}"
        if self.argument:
            return f"{self.type_name}({self.argument}:)"
        return self.type_name

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form, coordinate included."""
        return {**asdict(self), "coordinate": self.coordinate}


def _change(kind: str, description: str, severity: str) -> SchemaChange:
    pattern = _PATTERNS.get(kind)
    found = re.search(pattern, description) if pattern else None
    parts = found.groupdict() if found else {}
    if parts.get("directive"):
        type_name = "@" + parts["directive"]
    else:
        type_name = parts.get("type") or description.split(" ", 1)[0].rstrip(".")
    return SchemaChange(
        kind=kind,
        description=description,
        severity=severity,
        type_name=type_name,
        field=parts.get("field"),
        argument=parts.get("arg"),
        member=parts.get("member"),
    )


_FieldHolder = GraphQLObjectType | GraphQLInterfaceType | GraphQLInputObjectType


def _additions(old: GraphQLSchema, new: GraphQLSchema) -> list[SchemaChange]:
    changes: list[SchemaChange] = []
    for name, new_type in sorted(new.type_map.items()):
        if name.startswith("__") or name in introspection_types:
            continue
        old_type = old.type_map.get(name)
        if old_type is None:
            changes.append(SchemaChange("TYPE_ADDED", f"{name} was added.", "added", name))
            continue
        if isinstance(new_type, _FieldHolder) and isinstance(old_type, type(new_type)):
            for field_name in sorted(set(new_type.fields) - set(old_type.fields)):
                changes.append(
                    SchemaChange(
                        "FIELD_ADDED",
                        f"{name}.{field_name} was added.",
                        "added",
                        name,
                        field=field_name,
                    )
                )
    return changes


@dataclass
class SchemaDiff:
    """Differences from ``old`` to ``new``."""

    old: str
    new: str
    breaking: list[SchemaChange] = field(default_factory=list)
    dangerous: list[SchemaChange] = field(default_factory=list)
    added: list[SchemaChange] = field(default_factory=list)

    @property
    def is_breaking(self) -> bool:
        """True when an operation (or a write) valid against ``old`` may fail against ``new``."""
        return bool(self.breaking)

    def add(self, changes: Iterable[SchemaChange]) -> None:
        """File more changes (e.g. the write models') under their severity."""
        lists = {"breaking": self.breaking, "dangerous": self.dangerous, "added": self.added}
        for change in changes:
            lists[change.severity].append(change)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "old": self.old,
            "new": self.new,
            "breaking": [change.to_dict() for change in self.breaking],
            "dangerous": [change.to_dict() for change in self.dangerous],
            "added": [change.to_dict() for change in self.added],
        }

    def format_text(self, *, show_added: bool = True) -> str:
        """Human-readable report grouped by type."""
        lines = [f"Schema changes from {self.old} to {self.new}", ""]
        sections = [("Breaking", self.breaking), ("Dangerous", self.dangerous)]
        if show_added:
            sections.append(("Added", self.added))
        for title, changes in sections:
            lines.append(f"{title} changes: {len(changes)}")
            lines.extend(format_grouped(changes))
            lines.append("")
        writes = any(c.kind.startswith("WRITE_") for c in self.breaking)
        what = "operations or writes" if writes else "operations"
        verdict = (
            f"{len(self.breaking)} breaking change(s): {what} may fail on the new schema"
            if self.breaking
            else "no breaking changes"
        )
        lines.append(verdict)
        return "\n".join(lines)


def format_grouped(changes: Iterable[SchemaChange], indent: str = "  ") -> list[str]:
    """Changes as text lines, one block per type, in type order."""
    groups: dict[str, list[SchemaChange]] = {}
    for change in changes:
        groups.setdefault(change.type_name, []).append(change)
    lines: list[str] = []
    for type_name in sorted(groups):
        lines.append(f"{indent}{type_name}")
        for change in groups[type_name]:
            lines.append(f"{indent}  {change.kind:<28} {change.description}")
    return lines


def diff_schemas(
    old: GraphQLSchema,
    new: GraphQLSchema,
    *,
    old_label: str = "old",
    new_label: str = "new",
) -> SchemaDiff:
    """Breaking, dangerous and added changes from ``old`` to ``new``."""
    return SchemaDiff(
        old=old_label,
        new=new_label,
        breaking=[
            _change(c.type.name, c.description, "breaking") for c in find_breaking_changes(old, new)
        ],
        dangerous=[
            _change(c.type.name, c.description, "dangerous")
            for c in find_dangerous_changes(old, new)
        ],
        added=_additions(old, new),
    )
