"""Check a project's operations against a (new) schema.

Every operation in the queries folder is validated with graphql-core against
the new schema, each on its own together with the fragments it uses, so an
error inside a shared fragment is reported for every operation using it;
fragments no operation uses are validated on their own.  Nothing is skipped:
anonymous operations are checked too, and duplicate names, syntax errors and
unreadable files are reported with the operations they concern
(:mod:`._definitions`).  Breaking changes between the base schema (what the
operations were written for) and the new schema are matched to what the
operations select (:mod:`._usage`): operation, fragment, file, line, field
path and the generated client methods (``get_x`` / ``iter_x``, decided as code
generation decides them, on the base schema) affected.
Deprecated fields, arguments and enum values still used are warnings, or
errors with ``strict``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from graphql import (
    DocumentNode,
    FragmentDefinitionNode,
    GraphQLError,
    GraphQLSchema,
    Node,
    OperationDefinitionNode,
    specified_rules,
    validate,
)
from graphql.validation import NoUnusedFragmentsRule

from ayon_gql._errors import InvalidInputError
from ayon_gql._project import ProjectConfig, find_project, load_project
from ayon_gql.schema._check_report import (
    AffectedOperation,
    BreakingChange,
    CheckReport,
    DeprecatedUsage,
    Location,
    OperationInfo,
    ValidationFailure,
)
from ayon_gql.schema._definitions import (
    error_location,
    fragments_used,
    location_of,
    read_query_folder,
)
from ayon_gql.schema._diff import SchemaChange, diff_schemas
from ayon_gql.schema._openapi import OpenApiSnapshot
from ayon_gql.schema._relay import generated_method_names
from ayon_gql.schema._source import load_schema
from ayon_gql.schema._usage import Definition, Usage, Walker, deprecation_of, matches

__all__ = [
    "AffectedOperation",
    "BreakingChange",
    "CheckReport",
    "DeprecatedUsage",
    "Location",
    "OperationInfo",
    "ValidationFailure",
    "check_operations",
    "generated_methods",
    "validate_definition",
]

#: What a schema is shown as when none was given and no project configures one.
BUNDLED_LABEL = "the bundled snapshot"


def generated_methods(
    operation: OperationDefinitionNode,
    fragments: dict[str, FragmentDefinitionNode] | None = None,
    schema: GraphQLSchema | None = None,
) -> tuple[str, ...]:
    """``get_x`` for operation ``GetX``, plus ``iter_x`` when code generation writes one.

    With the fragments the operation may spread and the schema the client is
    generated from, the verdict is code generation's own
    (:func:`~ayon_gql.schema._relay.iter_method_paging`).
    """
    return generated_method_names(operation, fragments, schema)


def _methods_by_name(name: str) -> tuple[str, ...]:
    """The method an operation of this name would get (its text did not parse)."""
    from ariadne_codegen.utils import str_to_snake_case

    return (str(str_to_snake_case(name)),) if name.isidentifier() else ()


def _shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def _schema_and_label(value: GraphQLSchema | str | Path, root: Path) -> tuple[GraphQLSchema, str]:
    if isinstance(value, GraphQLSchema):
        return value, "<schema>"
    label = _shown(value, root) if isinstance(value, Path) else str(value)
    return load_schema(value), label


def _bundled() -> tuple[GraphQLSchema, str]:
    from ayon_gql.schema._validate import load_local_schema

    return load_local_schema(), BUNDLED_LABEL


def validate_definition(
    schema: GraphQLSchema,
    definition: Definition,
    fragments: dict[str, FragmentDefinitionNode],
) -> list[GraphQLError]:
    """graphql-core's errors for one operation (or fragment) with the fragments it uses,
    validated alone; a fragment on its own is not faulted for being unused."""
    used = [fragments[name] for name in fragments_used(definition, fragments) if name in fragments]
    rules = None
    if isinstance(definition, FragmentDefinitionNode):
        rules = [rule for rule in specified_rules if rule is not NoUnusedFragmentsRule]
    return validate(schema, DocumentNode(definitions=[definition, *used]), rules)


def _enclosing_fragment(
    node: Node | None, fragments: Sequence[FragmentDefinitionNode]
) -> str | None:
    if node is None or node.loc is None:
        return None
    for definition in fragments:
        loc = definition.loc
        if (
            loc is not None
            and loc.source is node.loc.source
            and loc.start <= node.loc.start < loc.end
        ):
            return definition.name.value
    return None


def _project(project_root: str | Path | None) -> ProjectConfig | None:
    return load_project(Path(project_root)) if project_root is not None else find_project()


def check_operations(
    schema: GraphQLSchema | str | Path | None = None,
    *,
    base_schema: GraphQLSchema | str | Path | None = None,
    queries_path: str | Path | None = None,
    project_root: str | Path | None = None,
    strict: bool = False,
    openapi: str | Path | OpenApiSnapshot | None = None,
    base_openapi: str | Path | OpenApiSnapshot | None = None,
) -> CheckReport:
    """Check every operation of the queries folder against ``schema``.

    ``schema`` (the new one) and ``base_schema`` (what the operations were
    written for) are schema objects, SDL or introspection JSON files, or
    server URLs.  Defaults come from the project's ``[tool.ayon-gql]``
    (``project_root``, or the nearest one upwards): its schema for both and
    its queries folder.  Without a project, ``schema`` defaults to the
    bundled snapshot, ``base_schema`` to ``schema`` (validation only, no
    breaking changes) and ``queries_path`` must be given.

    Raises :class:`~ayon_gql.SchemaSourceError` when a schema cannot be read
    and :class:`~ayon_gql.InvalidInputError` when the queries folder is
    missing or holds no ``.graphql`` file.

    The write models are compared too, between ``base_openapi`` and
    ``openapi`` (openapi snapshots, files or loaded); each defaults to the
    ``openapi.json`` beside its schema file, and to the project's openapi
    snapshot when its schema is the project's.  Their breaking changes fail the check, since
    code using the regenerated ``write_models`` may no longer type-check.
    """
    project = _project(project_root)
    root = project.root if project is not None else Path.cwd()
    if queries_path is None:
        if project is None:
            raise InvalidInputError(
                "no queries folder: pass --queries (queries_path=) or configure "
                "`queries` in [tool.ayon-gql] of pyproject.toml"
            )
        queries_path = project.queries
    folder_path = Path(queries_path)
    queries = read_query_folder(folder_path, root)
    if schema is None:
        new, new_label = (
            _schema_and_label(project.schema, root) if project is not None else _bundled()
        )
    else:
        new, new_label = _schema_and_label(schema, root)
    if base_schema is not None:
        old, old_label = _schema_and_label(base_schema, root)
    elif project is not None:
        old, old_label = _schema_and_label(project.schema, root)
    else:
        old, old_label = new, new_label
    report = CheckReport(
        schema=new_label, base=old_label, queries=_shown(folder_path, root), strict=strict
    )
    report.validation_errors.extend(queries.problems)

    used_fragments: set[str] = set()
    methods: dict[str, tuple[str, ...]] = {}
    units: list[tuple[str | None, Definition]] = []
    for operation in queries.operations:
        if operation.node is None:
            names = _methods_by_name(operation.name)
            used: list[str] = []
        else:
            names = generated_methods(operation.node, queries.fragments, old)
            used = fragments_used(operation.node, queries.fragments)
            units.append((operation.name, operation.node))
        used_fragments.update(used)
        methods[operation.name] = methods.get(operation.name, ()) + names
        report.operations.append(
            OperationInfo(
                name=operation.name,
                kind=operation.kind,
                location=operation.location,
                methods=names,
                fragments=tuple(used),
            )
        )
    # Fragments that no operation uses are validated on their own.
    units += [
        (None, definition)
        for name, definition in queries.fragments.items()
        if name not in used_fragments
    ]
    fragment_nodes = list(queries.fragments.values())
    for operation_name, definition in units:
        for error in validate_definition(new, definition, queries.fragments):
            node = error.nodes[0] if error.nodes else None
            fragment = _enclosing_fragment(node, fragment_nodes)
            if operation_name is None and fragment is None:
                fragment = definition.name.value if definition.name else None
            report.validation_errors.append(
                ValidationFailure(operation_name, fragment, error.message, error_location(error))
            )
    failing = set(report.failing_operations)

    walked = [Walker(old, queries.fragments).walk(definition) for _, definition in units]

    def affected_by(change: SchemaChange) -> tuple[AffectedOperation, ...]:
        found: dict[tuple[Any, ...], AffectedOperation] = {}
        for (operation_name, definition), usages in zip(units, walked, strict=True):
            for usage in usages:
                if matches(change, usage, old):
                    entry = _affected(operation_name, definition, usage, methods, failing)
                    found.setdefault(
                        (entry.operation, entry.fragment, entry.location, entry.path), entry
                    )
        return tuple(found.values())

    difference = diff_schemas(old, new, old_label=old_label, new_label=new_label)
    report.breaking = [BreakingChange(c, affected_by(c)) for c in difference.breaking]
    report.dangerous = [BreakingChange(c, affected_by(c)) for c in difference.dangerous]
    report.deprecated = _deprecations(new, units, queries.fragments, methods, failing)
    _compare_write_models(
        report,
        _openapi_of(openapi, schema, project),
        _openapi_of(base_openapi, base_schema, project),
        root,
    )
    return report


def _openapi_of(
    explicit: str | Path | OpenApiSnapshot | None, schema: object, project: ProjectConfig | None
) -> Path | OpenApiSnapshot | None:
    """The openapi snapshot that goes with a schema argument (see :func:`check_operations`)."""
    from ayon_gql.schema._write_diff import beside

    if isinstance(explicit, OpenApiSnapshot):
        return explicit
    if explicit is not None:
        return Path(explicit)
    if isinstance(schema, (str, Path)):
        return beside(schema)
    if schema is None and project is not None and project.openapi.is_file():
        return project.openapi
    return None


def _compare_write_models(
    report: CheckReport,
    new: Path | OpenApiSnapshot | None,
    old: Path | OpenApiSnapshot | None,
    root: Path,
) -> None:
    from ayon_gql.schema._openapi import load_openapi_snapshot
    from ayon_gql.schema._rest_diff import diff_rest, snapshot_document
    from ayon_gql.schema._write_diff import diff_write_models

    if new is None or old is None:
        return
    if isinstance(new, Path) and isinstance(old, Path) and new.resolve() == old.resolve():
        return

    def loaded(source: Path | OpenApiSnapshot) -> OpenApiSnapshot:
        return source if isinstance(source, OpenApiSnapshot) else load_openapi_snapshot(source)

    def shown(source: Path | OpenApiSnapshot) -> str:
        return source.source if isinstance(source, OpenApiSnapshot) else _shown(source, root)

    before, after = loaded(old), loaded(new)
    changes = diff_write_models(before, after)
    report.write_models = f"{shown(old)} -> {shown(new)}"
    report.write_breaking = [c for c in changes if c.severity == "breaking"]
    report.write_dangerous = [c for c in changes if c.severity == "dangerous"]
    rest = diff_rest(snapshot_document(before), snapshot_document(after))
    report.rest_breaking = [c for c in rest if c.severity == "breaking"]
    report.rest_dangerous = [c for c in rest if c.severity == "dangerous"]


def _affected(
    operation_name: str | None,
    definition: Definition,
    usage: Usage,
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
        location=location_of(usage.node),
        path=usage.path or "(operation)",
        fails_validation=operation_name in failing,
    )


def _deprecations(
    schema: GraphQLSchema,
    units: list[tuple[str | None, Definition]],
    fragments: dict[str, FragmentDefinitionNode],
    methods: dict[str, tuple[str, ...]],
    failing: set[str],
) -> list[DeprecatedUsage]:
    found: list[DeprecatedUsage] = []
    for operation_name, definition in units:
        for usage in Walker(schema, fragments).walk(definition):
            deprecation = deprecation_of(usage, schema)
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
