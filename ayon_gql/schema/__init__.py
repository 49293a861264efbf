"""Schema tools: pull a server's schema as SDL, compare schemas, check operations.

These need the ``tools`` extra (graphql-core); the runtime client does not.
"""

from ayon_gql.schema._pull import (
    SchemaSnapshot,
    fetch_introspection,
    introspection_to_sdl,
    load_introspection_file,
    pull_schema,
)

__all__ = [
    "SchemaSnapshot",
    "fetch_introspection",
    "introspection_to_sdl",
    "load_introspection_file",
    "pull_schema",
]
