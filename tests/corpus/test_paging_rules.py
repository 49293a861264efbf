"""The one definition of paging (``ayon_gql.schema._relay``), rule by rule."""

from __future__ import annotations

import pytest
from graphql import (
    FragmentDefinitionNode,
    GraphQLSchema,
    OperationDefinitionNode,
    build_schema,
    parse,
)

from ayon_gql.schema._relay import Paging, generated_method_names, operation_paging

from .conftest import GeneratedPackage
from .test_corpus_generation import FRAGMENTS, OPERATIONS, SCHEMA_OBJECT

# A small schema with what AYON's lacks: an interface-typed field outside a list.
SMALL = build_schema(
    """
    interface Entity { id: ID! }
    type Folder implements Entity {
      id: ID!
      children(first: Int, after: String): FolderConnection!
    }
    type FolderConnection { edges: [FolderEdge!]! pageInfo: PageInfo! }
    type FolderEdge { node: Folder! }
    type PageInfo { hasNextPage: Boolean! endCursor: String }
    type Query { entity(id: ID!): Entity root: Folder roots: [Folder!]! }
    """
)

CHILDREN = (
    "children(first: $first, after: $after) "
    "{ pageInfo { hasNextPage endCursor } edges { node { id } } }"
)
VARIABLES = "($first: Int, $after: String)"


def _paging(text: str, schema: GraphQLSchema | None = SMALL, *, fragments: bool = True) -> Paging:
    document = parse(text)
    operation = next(d for d in document.definitions if isinstance(d, OperationDefinitionNode))
    found = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
    return operation_paging(operation, found if fragments else None, schema)


def test_connection_behind_a_narrowing_type_condition_is_not_paged() -> None:
    paging = _paging(f"query Q{VARIABLES} {{ entity(id: 1) {{ ... on Folder {{ {CHILDREN} }} }} }}")
    assert paging.connection is None
    assert paging.problem is not None and "type condition `... on Folder`" in paging.problem


def test_type_conditions_on_the_same_type_or_its_interfaces_are_fine() -> None:
    same = _paging(f"query Q{VARIABLES} {{ root {{ ... on Folder {{ {CHILDREN} }} }} }}")
    assert same.connection is not None and same.connection.keys == ("root", "children")
    spread = _paging(
        f"query Q{VARIABLES} {{ root {{ ...F }} }} "
        f"fragment F on Entity {{ id ... on Folder {{ {CHILDREN} }} }}"
    )
    assert spread.connection is not None


def test_list_is_found_by_the_schema_and_without_it_by_relay_shape() -> None:
    text = f"query Q{VARIABLES} {{ roots {{ {CHILDREN} }} }}"
    assert "inside the list roots" in str(_paging(text).problem)
    # Without a schema only `edges` is known to be a list.
    assert _paging(text, None).connection is not None
    nested = (
        f"query Q{VARIABLES} "
        f"{{ root {{ children(first: 2) {{ edges {{ node {{ {CHILDREN} }} }} }} }} }}"
    )
    assert "inside the list root.children.edges" in str(_paging(nested, None).problem)


@pytest.mark.parametrize(
    ("page_info", "reason"),
    [
        ("info: pageInfo { hasNextPage endCursor }", "selects pageInfo under an alias"),
        ("pageInfo { hasNextPage cursor: endCursor }", "selects endCursor under an alias"),
        ("pageInfo { hasNextPage endCursor @include(if: $x) }", "endCursor under @include/@skip"),
        ("pageInfo @skip(if: $x) { hasNextPage endCursor }", "pageInfo under @include/@skip"),
        ("pageInfo { endCursor }", "selects no hasNextPage"),
    ],
)
def test_pager_must_read_page_info_as_it_is(page_info: str, reason: str) -> None:
    paging = _paging(
        f"query Q($first: Int, $after: String, $x: Boolean!) "
        f"{{ root {{ children(first: $first, after: $after) "
        f"{{ {page_info} edges {{ node {{ id }} }} }} }} }}"
    )
    assert paging.connection is None
    assert reason in str(paging.problem)


def test_page_info_in_a_fragment_is_read_through_it() -> None:
    text = (
        f"query Q{VARIABLES} {{ root {{ children(first: $first, after: $after) "
        "{ pageInfo { ...P } edges { node { id } } } } } "
        "fragment P on PageInfo { hasNextPage }"
    )
    assert "pageInfo selects no endCursor" in str(_paging(text).problem)
    # A caller without the fragments trusts the spread.
    assert _paging(text, fragments=False).connection is not None


def test_operation_without_cursor_variable_is_not_paginated() -> None:
    paging = _paging("query Q { root { children(first: 5) { edges { node { id } } } } }")
    assert paging == Paging()
    assert not paging.looks_paginated


def test_missing_first_is_a_reason() -> None:
    paging = _paging(
        f"query Q($after: String) {{ root {{ {CHILDREN.replace('first: $first, ', '')} }} }}"
    )
    assert "declares no $first" in str(paging.problem)


def test_generated_method_names_agree_with_the_generated_corpus(corpus: GeneratedPackage) -> None:
    client = corpus.client_module().Operations
    for operation in OPERATIONS:
        names = generated_method_names(operation, FRAGMENTS, SCHEMA_OBJECT)
        assert names and all(callable(getattr(client, name)) for name in names)
        paged = operation_paging(operation, FRAGMENTS, SCHEMA_OBJECT).connection is not None
        assert len(names) == (2 if paged else 1)
