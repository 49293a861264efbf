"""Build queries in Python with gql's DSL, bound to the schema snapshot.

Selecting a field or argument the schema does not have fails while the
query is built (``AttributeError`` / ``KeyError`` from gql), not on the server::

    ds = query_builder()
    request = dsl_gql(DSLQuery(ds.Query.projects(first=5).select(
        ds.ProjectsConnection.edges.select(
            ds.ProjectEdge.node.select(ds.ProjectNode.name)))))
    client.execute(to_query_string(request))
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from graphql import DocumentNode, print_ast

from ayon_gql.schema._validate import load_local_schema

if TYPE_CHECKING:
    from gql import GraphQLRequest
    from gql.dsl import DSLSchema, DSLSelectable


def query_builder(schema_path: str | Path | None = None) -> DSLSchema:
    """A ``gql.dsl.DSLSchema`` for the snapshot (or the SDL file at ``schema_path``)."""
    from gql.dsl import DSLSchema

    return DSLSchema(load_local_schema(schema_path))


def to_query_string(request: GraphQLRequest | DocumentNode) -> str:
    """The text of a ``dsl_gql(...)`` result, ready for ``client.execute(...)``."""
    document = request if isinstance(request, DocumentNode) else request.document
    return print_ast(document)


def build_query(*fields: DSLSelectable, operation_name: str | None = None) -> str:
    """Shorthand: ``to_query_string(dsl_gql(DSLQuery(*fields)))`` with an optional name."""
    from gql.dsl import DSLQuery, dsl_gql

    operation = DSLQuery(*fields)
    request = dsl_gql(**{operation_name: operation}) if operation_name else dsl_gql(operation)
    return to_query_string(request)
