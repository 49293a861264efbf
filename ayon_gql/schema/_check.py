"""Check the project's operations against a (new) schema.

Every operation in ``queries/`` is validated with graphql-core against the
new schema, each on its own together with the fragments it uses, so an
error inside a shared fragment is reported for every operation using it.
Breaking changes between the base schema (what the operations were written
for, by default the snapshot) and the new schema are matched to what the
operations select: operation, fragment, file, line, field path and the
generated client methods (``get_x`` / ``iter_x``) that would be affected.
Deprecated fields, arguments and enum values still used are warnings, or
errors with ``strict``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graphql import (
    ArgumentNode,
    DirectiveNode,
    DocumentNode,
    EnumValueNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLEnumType,
    GraphQLError,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLList,
    GraphQLNamedType,
    GraphQLNonNull,
    GraphQLSchema,
    InlineFragmentNode,
    ListTypeNode,
    ListValueNode,
    Node,
    NonNullTypeNode,
    ObjectValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    Source,
    TypeNode,
    ValueNode,
    get_named_type,
    parse,
    specified_rules,
    validate,
)
from graphql.validation import NoUnusedFragmentsRule

from ayon_gql.schema._diff import SchemaChange, diff_schemas, format_grouped, load_schema
from ayon_gql.schema._relay import generated_method_names

_Definition = OperationDefinitionNode | FragmentDefinitionNode


# -- the report ---------------------------------------------------------------


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

    @property
    def failing_operations(self) -> list[str]:
        """Operations that do not validate against the new schema."""
        return sorted({e.operation for e in self.validation_errors if e.operation})

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
        return not (self.validation_errors or self.affecting or (self.strict and self.deprecated))

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
            "affected_operations": self.affected_operations,
            "affected_methods": self.methods_of(
                set(self.failing_operations) | set(self.affected_operations)
            ),
            "validation_errors": [_failure_dict(e) for e in self.validation_errors],
            "breaking": [c.to_dict() for c in self.affecting],
            "unrelated_breaking": [c.change.to_dict() for c in self.unrelated],
            "dangerous": [c.to_dict() for c in self.dangerous if c.affected],
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
        if self.deprecated:
            label = "errors (--strict)" if self.strict else "warnings"
            lines += ["", f"Deprecated schema elements in use, {label}: {len(self.deprecated)}"]
            lines += [f"  {usage}" for usage in self.deprecated]
        lines.append("")
        broken = sorted(set(self.failing_operations) | set(self.affected_operations))
        if self.ok:
            lines.append("OK: every operation is valid against the new schema")
        elif broken:
            lines.append(
                f"FAIL: {len(broken)} operation(s) affected: {', '.join(broken)}"
                f"\n      generated methods: {', '.join(self.methods_of(broken))}"
            )
        else:
            lines.append("FAIL: see above")
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


# -- reading queries/ ---------------------------------------------------------


@dataclass
class _Queries:
    root: Path
    operations: dict[str, OperationDefinitionNode] = field(default_factory=dict)
    fragments: dict[str, FragmentDefinitionNode] = field(default_factory=dict)
    documents: list[DocumentNode] = field(default_factory=list)
    syntax_errors: list[ValidationFailure] = field(default_factory=list)


_EXTENSIONS = (".graphql", ".graphqls", ".gql")


def _read_queries(queries_path: Path, relative_to: Path) -> _Queries:
    found = _Queries(root=queries_path)
    files = (
        [queries_path]
        if queries_path.is_file()
        else sorted(p for p in queries_path.rglob("*") if p.suffix in _EXTENSIONS)
    )
    for path in files:
        try:
            name = path.resolve().relative_to(relative_to.resolve()).as_posix()
        except ValueError:
            name = str(path)
        try:
            document = parse(Source(path.read_text(encoding="utf-8"), name))
        except GraphQLError as exc:
            found.syntax_errors.append(
                ValidationFailure(None, None, exc.message, _error_location(exc))
            )
            continue
        found.documents.append(document)
        for definition in document.definitions:
            if isinstance(definition, OperationDefinitionNode) and definition.name:
                found.operations[definition.name.value] = definition
            elif isinstance(definition, FragmentDefinitionNode):
                found.fragments[definition.name.value] = definition
    return found


def _location(node: Node | None) -> Location | None:
    if node is None or node.loc is None:
        return None
    source = node.loc.source
    where = source.get_location(node.loc.start)
    return Location(source.name, where.line, where.column)


def _error_location(error: GraphQLError) -> Location | None:
    if error.nodes:
        return _location(error.nodes[0])
    if error.source is not None and error.locations:
        first = error.locations[0]
        return Location(error.source.name, first.line, first.column)
    return None


def _spreads(selection_set: SelectionSetNode | None) -> Iterator[str]:
    if selection_set is None:
        return
    for selection in selection_set.selections:
        if isinstance(selection, FragmentSpreadNode):
            yield selection.name.value
        else:
            yield from _spreads(getattr(selection, "selection_set", None))


def _fragments_used(
    definition: _Definition, fragments: dict[str, FragmentDefinitionNode]
) -> list[str]:
    """Names of the fragments ``definition`` uses, transitively, in first-use order."""
    seen: list[str] = []
    pending = list(_spreads(definition.selection_set))
    while pending:
        name = pending.pop(0)
        if name in seen:
            continue
        seen.append(name)
        if name in fragments:
            pending.extend(_spreads(fragments[name].selection_set))
    return seen


def generated_methods(operation: OperationDefinitionNode) -> tuple[str, ...]:
    """``get_x`` for operation ``GetX``, plus ``iter_x`` when it pages with ``$after``."""
    return generated_method_names(operation)


# -- walking what operations select -------------------------------------------


@dataclass(frozen=True)
class _Usage:
    """One schema element an operation refers to."""

    kind: str  # field, arg, value, input_field, type, directive
    type_name: str
    node: Node
    path: str
    fragment: str | None
    field: str | None = None
    argument: str | None = None
    member: str | None = None
    origin: str = ""  # for types: variable, output, condition
    arguments: frozenset[str] = frozenset()


class _Walker:
    """Collects the usages of one operation (or fragment), through its fragments."""

    def __init__(self, schema: GraphQLSchema, fragments: dict[str, FragmentDefinitionNode]) -> None:
        self.schema = schema
        self.fragments = fragments
        self.usages: list[_Usage] = []

    def walk(self, definition: _Definition) -> list[_Usage]:
        root: GraphQLNamedType | None
        if isinstance(definition, OperationDefinitionNode):
            root = self.schema.get_root_type(definition.operation)
            fragment = None
            for variable in definition.variable_definitions or ():
                self._type_ref(variable.type, variable, "", None)
                self._directives(variable.directives, "", None)
        else:
            root = self.schema.get_type(definition.type_condition.name.value)
            fragment = definition.name.value
            self._add(
                "type",
                definition.type_condition.name.value,
                definition,
                "",
                fragment,
                origin="condition",
            )
        self._directives(definition.directives, "", fragment)
        if root is not None:
            self._selections(definition.selection_set, root, "", fragment, frozenset())
        return self.usages

    def _add(
        self, kind: str, type_name: str, node: Node, path: str, fragment: str | None, **extra: Any
    ) -> None:
        self.usages.append(_Usage(kind, type_name, node, path, fragment, **extra))

    def _type_ref(self, type_node: TypeNode, node: Node, path: str, fragment: str | None) -> None:
        while isinstance(type_node, (ListTypeNode, NonNullTypeNode)):
            type_node = type_node.type
        self._add("type", type_node.name.value, node, path, fragment, origin="variable")  # type: ignore[attr-defined]

    def _directives(
        self, directives: Sequence[DirectiveNode] | None, path: str, fragment: str | None
    ) -> None:
        for directive in directives or ():
            name = "@" + directive.name.value
            self._add("directive", name, directive, path, fragment)
            for argument in directive.arguments or ():
                self._add("arg", name, argument, path, fragment, argument=argument.name.value)

    def _selections(
        self,
        selection_set: SelectionSetNode | None,
        parent: GraphQLNamedType,
        path: str,
        fragment: str | None,
        visiting: frozenset[str],
    ) -> None:
        if selection_set is None:
            return
        for selection in selection_set.selections:
            self._directives(selection.directives, path, fragment)
            if isinstance(selection, FieldNode):
                self._field(selection, parent, path, fragment, visiting)
            elif isinstance(selection, InlineFragmentNode):
                target = parent
                if selection.type_condition is not None:
                    name = selection.type_condition.name.value
                    self._add("type", name, selection, path, fragment, origin="condition")
                    target = self.schema.get_type(name) or parent
                self._selections(selection.selection_set, target, path, fragment, visiting)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                definition = self.fragments.get(name)
                if definition is None or name in visiting:
                    continue
                condition = definition.type_condition.name.value
                self._add("type", condition, selection, path, name, origin="condition")
                target = self.schema.get_type(condition) or parent
                self._selections(definition.selection_set, target, path, name, visiting | {name})

    def _field(
        self,
        node: FieldNode,
        parent: GraphQLNamedType,
        path: str,
        fragment: str | None,
        visiting: frozenset[str],
    ) -> None:
        name = node.name.value
        key = node.alias.value if node.alias else name
        here = f"{path}.{key}" if path else key
        if name.startswith("__"):
            return
        arguments = frozenset(arg.name.value for arg in node.arguments or ())
        self._add("field", parent.name, node, here, fragment, field=name, arguments=arguments)
        fields = getattr(parent, "fields", None) or {}
        definition = fields.get(name)
        for argument in node.arguments or ():
            self._argument(argument, parent.name, name, definition, here, fragment)
        if definition is None:
            return
        named = get_named_type(definition.type)
        self._add("type", named.name, node, here, fragment, origin="output")
        self._selections(node.selection_set, named, here, fragment, visiting)

    def _argument(
        self,
        node: ArgumentNode,
        type_name: str,
        field_name: str,
        definition: Any,
        path: str,
        fragment: str | None,
    ) -> None:
        name = node.name.value
        self._add("arg", type_name, node, path, fragment, field=field_name, argument=name)
        arg_def = (definition.args if definition is not None else {}).get(name)
        if arg_def is not None:
            self._value(node.value, arg_def.type, path, fragment)

    def _value(
        self, node: ValueNode, type_: GraphQLInputType, path: str, fragment: str | None
    ) -> None:
        nullable = type_.of_type if isinstance(type_, GraphQLNonNull) else type_
        if isinstance(node, ListValueNode) and isinstance(nullable, GraphQLList):
            for item in node.values:
                self._value(item, nullable.of_type, path, fragment)
        elif isinstance(node, EnumValueNode) and isinstance(nullable, GraphQLEnumType):
            self._add("value", nullable.name, node, path, fragment, member=node.value)
        elif isinstance(node, ObjectValueNode) and isinstance(nullable, GraphQLInputObjectType):
            self._add("type", nullable.name, node, path, fragment, origin="input")
            for entry in node.fields:
                input_field = nullable.fields.get(entry.name.value)
                self._add(
                    "input_field", nullable.name, entry, path, fragment, field=entry.name.value
                )
                if input_field is not None:
                    self._value(entry.value, input_field.type, path, fragment)


def _matches(change: SchemaChange, usage: _Usage, base: GraphQLSchema) -> bool:
    """Whether ``usage`` (walked on the base schema) is touched by ``change``."""
    kind, name = change.kind, change.type_name
    if name.startswith("@"):
        if change.argument or kind == "DIRECTIVE_ARG_REMOVED":
            return (
                usage.kind == "arg"
                and usage.type_name == name
                and (kind != "DIRECTIVE_ARG_REMOVED" or usage.argument == change.argument)
            )
        return usage.kind == "directive" and usage.type_name == name
    if kind in ("TYPE_REMOVED", "TYPE_CHANGED_KIND"):
        return usage.kind == "type" and usage.type_name == name
    if kind in ("FIELD_REMOVED", "FIELD_CHANGED_KIND"):
        if isinstance(base.get_type(name), GraphQLInputObjectType):
            return usage.type_name == name and (
                (usage.kind == "input_field" and usage.field == change.field)
                or (usage.kind == "type" and usage.origin == "variable")
            )
        return usage.kind == "field" and usage.type_name == name and usage.field == change.field
    if kind in ("ARG_REMOVED", "ARG_CHANGED_KIND"):
        return usage.kind == "arg" and (usage.type_name, usage.field, usage.argument) == (
            name,
            change.field,
            change.argument,
        )
    if kind in ("REQUIRED_ARG_ADDED", "ARG_DEFAULT_VALUE_CHANGE"):
        return (
            usage.kind == "field"
            and (usage.type_name, usage.field) == (name, change.field)
            and change.argument not in usage.arguments
        )
    if kind in ("REQUIRED_INPUT_FIELD_ADDED", "TYPE_ADDED_TO_UNION"):
        return usage.kind == "type" and usage.type_name == name and usage.origin != "condition"
    if kind == "VALUE_REMOVED_FROM_ENUM":
        return usage.type_name == name and (
            (usage.kind == "value" and usage.member == change.member)
            or (usage.kind == "type" and usage.origin == "variable")
        )
    if kind == "VALUE_ADDED_TO_ENUM":
        return usage.kind == "type" and usage.type_name == name and usage.origin == "output"
    if kind in ("TYPE_REMOVED_FROM_UNION", "IMPLEMENTED_INTERFACE_REMOVED"):
        return (
            usage.kind == "type"
            and usage.origin == "condition"
            and usage.type_name in (name, change.member)
        )
    return False


# -- the check ----------------------------------------------------------------


def _project_paths(
    project_root: Path | None,
    schema: GraphQLSchema | str | Path | None,
    queries_path: str | Path | None,
) -> tuple[Path, Path, GraphQLSchema | str | Path]:
    """Project root, queries folder and snapshot from ``[tool.ayon-gql]``.

    Outside a project, an explicit schema and queries folder are enough: the
    schema is then its own base (validation, no breaking changes).
    """
    from ayon_gql._errors import ProjectConfigError
    from ayon_gql._project import find_project, load_project

    project = find_project() if project_root is None else load_project(project_root)
    if project is not None:
        return project.root, project.queries, project.schema
    if schema is None or queries_path is None:
        raise ProjectConfigError(
            "no pyproject.toml with a [tool.ayon-gql] section here or above:"
            " pass both the schema and the queries folder"
        )
    return Path.cwd(), Path(queries_path), schema


def _schema_and_label(
    value: GraphQLSchema | str | Path | None, default: GraphQLSchema | str | Path, root: Path
) -> tuple[GraphQLSchema, str]:
    source = default if value is None else value
    if isinstance(source, GraphQLSchema):
        return source, "<schema>"
    label = str(source)
    if isinstance(source, Path):
        try:
            label = source.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            label = str(source)
    return load_schema(source), label


def _validate_definition(
    schema: GraphQLSchema,
    definition: _Definition,
    fragments: dict[str, FragmentDefinitionNode],
) -> list[tuple[GraphQLError, list[_Definition]]]:
    used = [fragments[name] for name in _fragments_used(definition, fragments) if name in fragments]
    definitions: list[_Definition] = [definition, *used]
    rules = None
    if isinstance(definition, FragmentDefinitionNode):
        rules = [rule for rule in specified_rules if rule is not NoUnusedFragmentsRule]
    errors = validate(schema, DocumentNode(definitions=definitions), rules)
    return [(error, definitions) for error in errors]


def _enclosing_fragment(node: Node | None, definitions: Sequence[_Definition]) -> str | None:
    if node is None or node.loc is None:
        return None
    for definition in definitions:
        loc = definition.loc
        if (
            isinstance(definition, FragmentDefinitionNode)
            and loc is not None
            and loc.source is node.loc.source
            and loc.start <= node.loc.start < loc.end
        ):
            return definition.name.value
    return None


def check_operations(
    schema: GraphQLSchema | str | Path | None = None,
    *,
    base_schema: GraphQLSchema | str | Path | None = None,
    queries_path: str | Path | None = None,
    project_root: str | Path | None = None,
    strict: bool = False,
) -> CheckReport:
    """Check every operation of ``queries/`` against ``schema``.

    ``schema`` (the new one) and ``base_schema`` (what the operations were
    written for) are schema objects, SDL or introspection JSON files, or
    server URLs; both default to the project's snapshot.  ``queries_path``
    defaults to the project's ``queries_path``.
    """
    root, default_queries, snapshot = _project_paths(
        Path(project_root) if project_root is not None else None, schema, queries_path
    )
    new, new_label = _schema_and_label(schema, snapshot, root)
    old, old_label = _schema_and_label(base_schema, snapshot, root)
    folder = Path(queries_path) if queries_path is not None else default_queries
    queries = _read_queries(folder, root)
    try:
        queries_label = folder.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        queries_label = str(folder)
    report = CheckReport(schema=new_label, base=old_label, queries=queries_label, strict=strict)
    report.validation_errors.extend(queries.syntax_errors)

    used_fragments: set[str] = set()
    methods: dict[str, tuple[str, ...]] = {}
    for name, operation in queries.operations.items():
        fragments = _fragments_used(operation, queries.fragments)
        used_fragments.update(fragments)
        methods[name] = generated_methods(operation)
        report.operations.append(
            OperationInfo(
                name=name,
                kind=operation.operation.value,
                location=_location(operation) or Location(queries_label, 0, 0),
                methods=methods[name],
                fragments=tuple(fragments),
            )
        )

    # Each operation alone, with its fragments; unused fragments on their own.
    units: list[tuple[str | None, _Definition]] = list(queries.operations.items())
    units += [
        (None, definition)
        for name, definition in queries.fragments.items()
        if name not in used_fragments
    ]
    for operation_name, definition in units:
        for error, definitions in _validate_definition(new, definition, queries.fragments):
            node = error.nodes[0] if error.nodes else None
            fragment = _enclosing_fragment(node, definitions)
            if operation_name is None and fragment is None:
                fragment = definition.name.value if definition.name else None
            report.validation_errors.append(
                ValidationFailure(operation_name, fragment, error.message, _error_location(error))
            )
    failing = set(report.failing_operations)

    walked = [_Walker(old, queries.fragments).walk(definition) for _, definition in units]

    def affected_by(change: SchemaChange) -> tuple[AffectedOperation, ...]:
        found: dict[tuple[Any, ...], AffectedOperation] = {}
        for (operation_name, definition), usages in zip(units, walked, strict=True):
            for usage in usages:
                if _matches(change, usage, old):
                    entry = _affected(operation_name, definition, usage, methods, failing)
                    found.setdefault(
                        (entry.operation, entry.fragment, entry.location, entry.path), entry
                    )
        return tuple(found.values())

    difference = diff_schemas(old, new, old_label=old_label, new_label=new_label)
    report.breaking = [BreakingChange(c, affected_by(c)) for c in difference.breaking]
    report.dangerous = [BreakingChange(c, affected_by(c)) for c in difference.dangerous]
    report.deprecated = _deprecations(new, units, queries.fragments, methods, failing)
    return report


def _affected(
    operation_name: str | None,
    definition: _Definition,
    usage: _Usage,
    methods: dict[str, tuple[str, ...]],
    failing: set[str],
) -> AffectedOperation:
    fragment = usage.fragment
    if (
        operation_name is None
        and fragment is None
        and isinstance(definition, FragmentDefinitionNode)
    ):
        fragment = definition.name.value
    return AffectedOperation(
        operation=operation_name,
        fragment=fragment,
        methods=methods.get(operation_name or "", ()),
        location=_location(usage.node),
        path=usage.path or "(operation)",
        fails_validation=operation_name in failing,
    )


def _deprecation_of(usage: _Usage, schema: GraphQLSchema) -> tuple[str, str] | None:
    """Coordinate and reason when ``usage`` refers to something deprecated."""
    named = schema.get_type(usage.type_name)
    if usage.kind == "field" and usage.field:
        definition = (getattr(named, "fields", None) or {}).get(usage.field)
        reason = getattr(definition, "deprecation_reason", None)
        if reason is not None:
            return f"{usage.type_name}.{usage.field}", reason
    elif usage.kind == "arg" and usage.field and usage.argument:
        definition = (getattr(named, "fields", None) or {}).get(usage.field)
        argument = (getattr(definition, "args", None) or {}).get(usage.argument)
        reason = getattr(argument, "deprecation_reason", None)
        if reason is not None:
            return f"{usage.type_name}.{usage.field}({usage.argument}:)", reason
    elif usage.kind == "value" and isinstance(named, GraphQLEnumType) and usage.member:
        value = named.values.get(usage.member)
        if value is not None and value.deprecation_reason is not None:
            return f"{usage.type_name}.{usage.member}", value.deprecation_reason
    elif usage.kind == "input_field" and isinstance(named, GraphQLInputObjectType):
        input_field = named.fields.get(usage.field or "")
        if input_field is not None and input_field.deprecation_reason is not None:
            return f"{usage.type_name}.{usage.field}", input_field.deprecation_reason
    return None


def _deprecations(
    schema: GraphQLSchema,
    units: list[tuple[str | None, _Definition]],
    fragments: dict[str, FragmentDefinitionNode],
    methods: dict[str, tuple[str, ...]],
    failing: set[str],
) -> list[DeprecatedUsage]:
    found: list[DeprecatedUsage] = []
    for operation_name, definition in units:
        for usage in _Walker(schema, fragments).walk(definition):
            deprecation = _deprecation_of(usage, schema)
            if deprecation is not None:
                coordinate, reason = deprecation
                found.append(
                    DeprecatedUsage(
                        coordinate,
                        reason,
                        _affected(operation_name, definition, usage, methods, failing),
                    )
                )
    return found
