"""Schema tools: pull a server's schema as SDL (and its write models as the openapi
snapshot), compare schemas, check operations, validate ad-hoc queries and build
them with gql's DSL.

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
from ayon_gql.schema._openapi import OpenApiSnapshot, load_openapi_snapshot, pull_openapi
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
from ayon_gql.schema._write_diff import diff_write_models

__all__ = [
    "AffectedOperation",
    "BreakingChange",
    "CheckReport",
    "DeprecatedUsage",
    "LocalValidator",
    "Location",
    "OpenApiSnapshot",
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
    "diff_write_models",
    "fetch_introspection",
    "generated_methods",
    "introspection_to_sdl",
    "load_introspection_file",
    "load_local_schema",
    "load_openapi_snapshot",
    "load_schema",
    "pull_openapi",
    "pull_schema",
    "query_builder",
    "to_query_string",
    "validate_query",
]
