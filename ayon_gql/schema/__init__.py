"""Schema tools: pull a server's schema as SDL, compare schemas, check operations,
validate ad-hoc queries and build them with gql's DSL.

These need the ``tools`` extra (graphql-core, gql); the runtime client does not.
"""

from ayon_gql._errors import QueryValidationError, ValidationIssue
from ayon_gql.schema._check import (
    AffectedOperation,
    BreakingChange,
    CheckReport,
    DeprecatedUsage,
    Location,
    OperationInfo,
    ValidationFailure,
    check_operations,
    generated_methods,
)
from ayon_gql.schema._diff import SchemaChange, SchemaDiff, diff_schemas
from ayon_gql.schema._dsl import build_query, query_builder, to_query_string
from ayon_gql.schema._pull import (
    SchemaSnapshot,
    fetch_introspection,
    introspection_to_sdl,
    load_introspection_file,
    pull_schema,
)
from ayon_gql.schema._source import load_schema
from ayon_gql.schema._validate import (
    LocalValidator,
    load_local_schema,
    validate_query,
)

__all__ = [
    "AffectedOperation",
    "BreakingChange",
    "CheckReport",
    "DeprecatedUsage",
    "LocalValidator",
    "Location",
    "OperationInfo",
    "QueryValidationError",
    "SchemaChange",
    "SchemaDiff",
    "SchemaSnapshot",
    "ValidationFailure",
    "ValidationIssue",
    "build_query",
    "check_operations",
    "diff_schemas",
    "fetch_introspection",
    "generated_methods",
    "introspection_to_sdl",
    "load_introspection_file",
    "load_local_schema",
    "load_schema",
    "pull_schema",
    "query_builder",
    "to_query_string",
    "validate_query",
]
