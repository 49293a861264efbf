"""What ``check`` found: the report and its parts, as text and as JSON.

Locations are ``file:line:column`` relative to the project; every entry
names the operation (or unused fragment) it is about, so the summary can
list every operation that fails and the generated methods that run it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ayon_gql.schema._diff import SchemaChange, format_grouped


@dataclass(frozen=True)
class Location:
    """A place in a ``.graphql`` file (path relative to the project, 1-based)."""

    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True)
class OperationInfo:
    """An operation of ``queries/`` and the generated methods that run it."""

    name: str
    kind: str
    location: Location
    methods: tuple[str, ...]
    fragments: tuple[str, ...]


@dataclass(frozen=True)
class ValidationFailure:
    """A graphql-core validation error in one operation (or unused fragment)."""

    operation: str | None
    fragment: str | None
    message: str
    location: Location | None

    def __str__(self) -> str:
        where = f"{self.location}: " if self.location else ""
        what = self.operation or (f"fragment {self.fragment}" if self.fragment else "")
        inside = f" (in fragment {self.fragment})" if self.operation and self.fragment else ""
        return f"{where}{what}{inside}: {self.message}" if what else f"{where}{self.message}"


@dataclass(frozen=True)
class AffectedOperation:
    """Where an operation (or unused fragment) selects something a change touches."""

    operation: str | None
    fragment: str | None
    methods: tuple[str, ...]
    location: Location | None
    path: str
    fails_validation: bool

    def __str__(self) -> str:
        name = self.operation or f"fragment {self.fragment}"
        methods = f" -> {', '.join(self.methods)}" if self.methods else ""
        inside = f" (fragment {self.fragment})" if self.operation and self.fragment else ""
        where = f"{self.location}  " if self.location else ""
        return f"{name}{methods}  {where}{self.path}{inside}"


@dataclass(frozen=True)
class BreakingChange:
    """A schema change and the operations it affects (empty when none)."""

    change: SchemaChange
    affected: tuple[AffectedOperation, ...]

    @property
    def kind(self) -> str:
        return self.change.kind

    @property
    def description(self) -> str:
        return self.change.description

    @property
    def coordinate(self) -> str:
        return self.change.coordinate

    @property
    def operations(self) -> list[str]:
        """Names of the affected operations, sorted."""
        return sorted({a.operation for a in self.affected if a.operation})

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.change.to_dict(),
            "operations": self.operations,
            "affected": [_affected_dict(a) for a in self.affected],
        }


@dataclass(frozen=True)
class DeprecatedUsage:
    """An operation uses a deprecated field, argument or enum value."""

    coordinate: str
    reason: str
    usage: AffectedOperation

    def __str__(self) -> str:
        return f"{self.coordinate} is deprecated ({self.reason}): used by {self.usage}"


@dataclass
class CheckReport:
    """Result of :func:`check_operations`."""

    schema: str
    base: str
    queries: str
    strict: bool
    operations: list[OperationInfo] = field(default_factory=list)
    validation_errors: list[ValidationFailure] = field(default_factory=list)
    breaking: list[BreakingChange] = field(default_factory=list)
    dangerous: list[BreakingChange] = field(default_factory=list)
    deprecated: list[DeprecatedUsage] = field(default_factory=list)
    #: The openapi snapshots whose write models were compared (``base -> schema``), if any.
    write_models: str | None = None
    #: Write-model changes that break code using the generated ``write_models``.
    write_breaking: list[SchemaChange] = field(default_factory=list)
    write_dangerous: list[SchemaChange] = field(default_factory=list)
    #: Addon settings changes (``check --settings``): break code reading the settings models.
    settings_breaking: list[SchemaChange] = field(default_factory=list)
    settings_dangerous: list[SchemaChange] = field(default_factory=list)
    #: REST changes that break code calling the generated ``client.api`` methods.
    rest_breaking: list[SchemaChange] = field(default_factory=list)
    rest_dangerous: list[SchemaChange] = field(default_factory=list)

    @property
    def failing_operations(self) -> list[str]:
        """Operations that do not validate against the new schema."""
        return sorted({e.operation for e in self.validation_errors if e.operation})

    @property
    def failing_fragments(self) -> list[str]:
        """Fragments failing on their own: unused by any operation, or defined twice."""
        return sorted(
            {e.fragment for e in self.validation_errors if e.fragment and not e.operation}
        )

    @property
    def failing_files(self) -> list[str]:
        """Files with a problem that names no operation or fragment (e.g. unreadable)."""
        return sorted(
            {
                e.location.file
                for e in self.validation_errors
                if e.location and not (e.operation or e.fragment)
            }
        )

    def _blocking(self) -> tuple[list[str], list[str]]:
        """Operations and unused fragments that make the check fail."""
        operations = set(self.failing_operations) | set(self.affected_operations)
        fragments = set(self.failing_fragments)
        usages = [usage for change in self.affecting for usage in change.affected]
        if self.strict:
            usages += [d.usage for d in self.deprecated]
        for usage in usages:
            if usage.operation:
                operations.add(usage.operation)
            elif usage.fragment:
                fragments.add(usage.fragment)
        return sorted(operations), sorted(fragments)

    @property
    def affected_operations(self) -> list[str]:
        """Operations touched by a breaking change."""
        return sorted({name for change in self.breaking for name in change.operations})

    @property
    def affecting(self) -> list[BreakingChange]:
        """Breaking changes that touch at least one operation or fragment."""
        return [change for change in self.breaking if change.affected]

    @property
    def unrelated(self) -> list[BreakingChange]:
        """Breaking changes that touch nothing in ``queries/``."""
        return [change for change in self.breaking if not change.affected]

    @property
    def ok(self) -> bool:
        """Safe: everything validates, no breaking change touches an operation,
        and (with ``strict``) no deprecated schema element is used."""
        return not (
            self.validation_errors
            or self.affecting
            or self.write_breaking
            or self.settings_breaking
            or self.rest_breaking
            or (self.strict and self.deprecated)
        )

    @property
    def exit_code(self) -> int:
        """0 when :attr:`ok`, else 1."""
        return 0 if self.ok else 1

    def methods_of(self, operations: Iterable[str]) -> list[str]:
        """The generated methods of some operations."""
        wanted = set(operations)
        return sorted(m for info in self.operations if info.name in wanted for m in info.methods)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "schema": self.schema,
            "base": self.base,
            "queries": self.queries,
            "strict": self.strict,
            "ok": self.ok,
            "operations": len(self.operations),
            "failing_operations": self.failing_operations,
            "failing_fragments": self.failing_fragments,
            "failing_files": self.failing_files,
            "affected_operations": self.affected_operations,
            "affected_methods": self.methods_of(
                set(self.failing_operations) | set(self.affected_operations)
            ),
            "validation_errors": [_failure_dict(e) for e in self.validation_errors],
            "breaking": [c.to_dict() for c in self.affecting],
            "unrelated_breaking": [c.change.to_dict() for c in self.unrelated],
            "dangerous": [c.to_dict() for c in self.dangerous if c.affected],
            "write_models": self.write_models,
            "write_breaking": [c.to_dict() for c in self.write_breaking],
            "write_dangerous": [c.to_dict() for c in self.write_dangerous],
            "settings_breaking": [c.to_dict() for c in self.settings_breaking],
            "settings_dangerous": [c.to_dict() for c in self.settings_dangerous],
            "rest_breaking": [c.to_dict() for c in self.rest_breaking],
            "rest_dangerous": [c.to_dict() for c in self.rest_dangerous],
            "deprecated": [
                {
                    "coordinate": d.coordinate,
                    "reason": d.reason,
                    "severity": "error" if self.strict else "warning",
                    **_affected_dict(d.usage),
                }
                for d in self.deprecated
            ],
        }

    def format_text(self) -> str:
        """Human-readable report."""
        lines = [
            f"Checked {len(self.operations)} operations in {self.queries} against {self.schema}"
            f" (base: {self.base})",
        ]
        if self.validation_errors:
            lines += ["", f"Validation errors: {len(self.validation_errors)}"]
            lines += [f"  {error}" for error in self.validation_errors]
        if self.affecting:
            lines += ["", f"Breaking changes affecting operations: {len(self.affecting)}"]
            for change in self.affecting:
                lines.append(f"  {change.kind:<24} {change.description}")
                lines += [f"    {usage}" for usage in change.affected]
        if self.unrelated:
            lines += ["", f"Breaking changes that affect no operation: {len(self.unrelated)}"]
            lines += format_grouped(c.change for c in self.unrelated)
        touched = [c for c in self.dangerous if c.affected]
        if touched:
            lines += ["", f"Dangerous changes touching operations: {len(touched)}"]
            for change in touched:
                lines.append(f"  {change.kind:<24} {change.description}")
                lines += [f"    {usage}" for usage in change.affected]
        if self.write_breaking:
            lines += ["", f"Breaking changes in the write models: {len(self.write_breaking)}"]
            lines += format_grouped(self.write_breaking)
        if self.write_dangerous:
            lines += ["", f"Dangerous changes in the write models: {len(self.write_dangerous)}"]
            lines += format_grouped(self.write_dangerous)
        for changes, what in (
            (self.rest_breaking, "Breaking changes in the REST operations"),
            (self.rest_dangerous, "Dangerous changes in the REST operations"),
            (self.settings_breaking, "Breaking changes in the addon settings"),
            (self.settings_dangerous, "Dangerous changes in the addon settings"),
        ):
            if changes:
                lines += ["", f"{what}: {len(changes)}"]
                lines += format_grouped(changes)
        if self.deprecated:
            label = "errors (--strict)" if self.strict else "warnings"
            lines += ["", f"Deprecated schema elements in use, {label}: {len(self.deprecated)}"]
            lines += [f"  {usage}" for usage in self.deprecated]
        lines.append("")
        if self.ok:
            lines.append(f"OK: every operation is valid against {self.schema}")
            return "\n".join(lines)
        operations, fragments = self._blocking()
        if self.settings_breaking:
            lines.append(
                f"FAIL: addon settings changed: {len(self.settings_breaking)} breaking; "
                "regenerate and type-check the code that reads them"
            )
        if self.write_breaking:
            lines.append(
                f"FAIL: write models changed ({self.write_models}): "
                f"{len(self.write_breaking)} breaking; regenerate and type-check the code that "
                "writes"
            )
        addon_breaking = [c for c in self.rest_breaking if c.type_name.startswith("addons.")]
        server_breaking = len(self.rest_breaking) - len(addon_breaking)
        if server_breaking:
            lines.append(
                f"FAIL: REST operations changed ({self.write_models}): "
                f"{server_breaking} breaking; regenerate and type-check the code that "
                "calls client.api"
            )
        if addon_breaking:
            addons = sorted({c.type_name.split(".")[1] for c in addon_breaking})
            lines.append(
                f"FAIL: addon operations changed ({', '.join(addons)}): "
                f"{len(addon_breaking)} breaking; regenerate and type-check the code that "
                "calls client.addons"
            )
        if (self.write_breaking or self.rest_breaking or self.settings_breaking) and not (
            operations or fragments or self.failing_files
        ):
            return "\n".join(lines)
        lines.append(
            f"FAIL: {len(operations)} operation(s) affected: {', '.join(operations) or '-'}"
        )
        if operations:
            lines.append(
                f"      generated methods: {', '.join(self.methods_of(operations)) or '-'}"
            )
        if fragments:
            lines.append(f"      fragments: {', '.join(fragments)}")
        if self.failing_files:
            lines.append(f"      files: {', '.join(self.failing_files)}")
        return "\n".join(lines)


def _location_dict(location: Location | None) -> dict[str, Any]:
    if location is None:
        return {"file": None, "line": None, "column": None}
    return {"file": location.file, "line": location.line, "column": location.column}


def _failure_dict(error: ValidationFailure) -> dict[str, Any]:
    return {
        "operation": error.operation,
        "fragment": error.fragment,
        "message": error.message,
        **_location_dict(error.location),
    }


def _affected_dict(usage: AffectedOperation) -> dict[str, Any]:
    return {
        "operation": usage.operation,
        "fragment": usage.fragment,
        "methods": list(usage.methods),
        "path": usage.path,
        "fails_validation": usage.fails_validation,
        **_location_dict(usage.location),
    }
