"""Validate GraphQL operations locally, against a schema snapshot, before sending.

graphql-core's validation rules give messages with line and column and, for
misspelt fields, arguments and types, its own "Did you mean ...?" suggestions.
Variables are coerced against the operation's variable definitions too, so a
string passed for an ``Int`` is refused here instead of by the server.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from graphql import (
    DocumentNode,
    GraphQLError,
    GraphQLSchema,
    OperationDefinitionNode,
    Source,
    build_schema,
    parse,
    validate,
)
from graphql.execution.values import get_variable_values

from ayon_gql._errors import (
    InvalidInputError,
    QueryValidationError,
    SchemaSourceError,
    ValidationIssue,
)
from ayon_gql._snapshot import packaged_snapshot

BUNDLED_PACKAGE = "ayon_gql_generated"
BUNDLED_SNAPSHOT = "ayon.graphql"


def _issues(error: GraphQLError) -> list[ValidationIssue]:
    locations = error.locations or []
    if not locations:
        return [ValidationIssue(error.message)]
    first = locations[0]
    return [ValidationIssue(error.message, first.line, first.column)]


def bundled_schema_text() -> str:
    """The SDL snapshot shipped inside the generated package (missing: ``AyonError``)."""
    return packaged_snapshot(BUNDLED_PACKAGE, BUNDLED_SNAPSHOT).read_text(encoding="utf-8")


@functools.lru_cache(maxsize=8)
def _schema_from_file(path: str, mtime_ns: int) -> GraphQLSchema:
    from ayon_gql.schema._source import read_schema_file, schema_from_text

    return schema_from_text(read_schema_file(path), path)


@functools.lru_cache(maxsize=1)
def _bundled_schema() -> GraphQLSchema:
    return build_schema(bundled_schema_text())


def load_local_schema(schema_path: str | Path | None = None) -> GraphQLSchema:
    """Build (once, cached) the schema of an SDL or introspection JSON file, or of the
    bundled snapshot; a :class:`~ayon_gql.SchemaSourceError` when it cannot be read."""
    if schema_path is None:
        return _bundled_schema()
    path = Path(schema_path).resolve()
    try:
        modified = path.stat().st_mtime_ns
    except OSError as exc:
        reason = "file not found" if isinstance(exc, FileNotFoundError) else exc.strerror
        raise SchemaSourceError(f"cannot read schema {schema_path}: {reason}") from None
    return _schema_from_file(str(path), modified)


def parse_query(query: str, source_name: str = "query") -> DocumentNode:
    """Parse a query, turning a syntax error into :class:`QueryValidationError`."""
    try:
        return parse(Source(query, source_name))
    except GraphQLError as exc:
        raise QueryValidationError(_issues(exc), source_name=source_name) from None


def validate_document(schema: GraphQLSchema, document: DocumentNode) -> list[ValidationIssue]:
    """graphql-core's validation of a parsed document, as issues."""
    return [issue for error in validate(schema, document) for issue in _issues(error)]


def select_operation(document: DocumentNode, operation_name: str | None) -> OperationDefinitionNode:
    """The operation to run: the named one, or the only one."""
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if not operations:
        raise InvalidInputError("the document has no operation to run (only fragments?)")
    if operation_name is None:
        if len(operations) != 1:
            listed = ", ".join(o.name.value if o.name else "(anonymous)" for o in operations)
            raise InvalidInputError(
                f"the document has {len(operations)} operations ({listed}); name the one to run"
            )
        return operations[0]
    for operation in operations:
        if operation.name is not None and operation.name.value == operation_name:
            return operation
    names = [o.name.value for o in operations if o.name is not None]
    raise InvalidInputError(
        f"no operation named {operation_name!r} in the document (it has: {', '.join(names)})"
    )


def check_variable_values(
    schema: GraphQLSchema,
    operation: OperationDefinitionNode,
    variables: Mapping[str, Any],
) -> list[ValidationIssue]:
    """Coerce variables against the operation's definitions; the problems found."""
    result = get_variable_values(schema, operation.variable_definitions or (), dict(variables))
    if isinstance(result, dict):
        return []
    return [issue for error in result for issue in _issues(error)]


def validate_query(
    query: str,
    variables: Mapping[str, Any] | None = None,
    operation_name: str | None = None,
    *,
    schema: GraphQLSchema | None = None,
    source_name: str = "query",
) -> DocumentNode:
    """Validate ``query`` (and ``variables``) or raise :class:`QueryValidationError`.

    Returns the parsed document.  ``schema`` defaults to the bundled snapshot.
    """
    schema = schema or load_local_schema()
    document = parse_query(query, source_name)
    issues = validate_document(schema, document)
    if issues:
        raise QueryValidationError(issues, operation=operation_name, source_name=source_name)
    if variables is not None:
        operation = select_operation(document, operation_name)
        issues = check_variable_values(schema, operation, variables)
        if issues:
            raise QueryValidationError(issues, operation=operation_name, source_name=source_name)
    return document


class LocalValidator:
    """Validates queries against a local SDL schema before they are sent.

    ``schema_path=None`` uses the snapshot bundled with the generated client.
    The built schema is cached per file, and so is every query string that
    validated once (variables are still checked on every call).  Calling the
    validator raises :class:`QueryValidationError` or returns ``None``.
    """

    def __init__(self, schema_path: str | Path | None = None) -> None:
        self.schema_path = None if schema_path is None else str(schema_path)
        self._valid: dict[str, DocumentNode] = {}
        self._lock = threading.Lock()

    @property
    def schema(self) -> GraphQLSchema:
        """The schema queries are checked against."""
        return load_local_schema(self.schema_path)

    def __call__(
        self,
        query: str,
        variables: Mapping[str, Any] | None = None,
        operation_name: str | None = None,
    ) -> None:
        schema = self.schema
        document = self._valid.get(query)
        if document is None:
            document = validate_query(query, None, operation_name, schema=schema)
            with self._lock:
                self._valid[query] = document
        operation = select_operation(document, operation_name)
        issues = check_variable_values(schema, operation, variables or {})
        if issues:
            raise QueryValidationError(issues, operation=operation_name)

    def __repr__(self) -> str:
        return f"LocalValidator({self.schema_path or 'bundled snapshot'!r})"
