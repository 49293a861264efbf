"""The typing document: selections merged per response key, as the server merges them."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from graphql import GraphQLSchema, build_schema, parse, print_ast

from ayon_gql.codegen._field_names import FieldNames
from ayon_gql.codegen._normalize import typing_document

SCHEMA = Path(__file__).parents[2] / "schema" / "ayon.graphql"


@cache
def _schema() -> GraphQLSchema:
    return build_schema(SCHEMA.read_text(encoding="utf-8"))


def _typed(text: str) -> str:
    """The typing document of ``text``, printed on one line per definition."""
    document = typing_document(_schema(), parse(text))
    return "\n".join(" ".join(print_ast(d).split()) for d in document.definitions)


def test_untyped_inline_fragment_carries_its_directive_onto_its_fields() -> None:
    typed = _typed(
        "query Q($p: String!, $f: Boolean!) {"
        " project(name: $p) { name ... @include(if: $f) { code } } }"
    )
    assert "project(name: $p) { name code @include(if: $f) }" in typed


def test_skipped_spread_is_merged_and_its_fields_conditional() -> None:
    typed = _typed(
        "query Q($p: String!, $f: Boolean!) { project(name: $p) { name ...C @skip(if: $f) } }"
        " fragment C on ProjectNode { code }"
    )
    assert "{ name code @skip(if: $f) }" in typed
    assert "fragment C on ProjectNode { code }" in typed


def test_a_field_present_under_any_condition_stays_required() -> None:
    typed = _typed(
        "query Q($p: String!, $f: Boolean!) { project(name: $p) {"
        " code @include(if: $f) ... { code } name @include(if: true) label @skip(if: true) } }"
    )
    assert "project(name: $p) { code name }" in typed


def test_sub_fields_merge_across_fragments_and_nested_inline_fragments() -> None:
    typed = _typed(
        "query Q($p: String!) { project(name: $p) { folders(first: 1) { edges { node {"
        " attrib { clipIn } ...F ... on BaseNode { name ... on FolderNode { label } } } } } } }"
        " fragment F on FolderNode { attrib { fps } }"
    )
    assert "node { attrib { clipIn fps } name label }" in typed


def test_spread_on_its_own_type_stays_a_spread() -> None:
    typed = _typed(
        "query Q($p: String!) { project(name: $p) { folders(first: 1) { edges { node {"
        " ...F id } } } } } fragment F on FolderNode { name }"
    )
    assert "node { ...F id }" in typed


def test_interface_selection_splits_per_type_where_the_answers_differ() -> None:
    typed = _typed(
        "query Q($p: String!) { project(name: $p) { links(first: 1) { edges { outputNode {"
        " id parent: id ... on VersionNode { version } ... on FolderNode { id } } } } } }"
    )
    assert "outputNode { id parent: id ... on VersionNode { version } }" in typed


def test_keys_that_snake_case_alike_get_distinct_attributes() -> None:
    document = parse(
        print_ast(
            typing_document(
                _schema(),
                parse(
                    "query Q($p: String!) { project(name: $p) {"
                    " code_: name code updated_at: updatedAt updatedAt } }"
                ),
            )
        )
    )
    names = FieldNames(document).names
    assert sorted(names.values()) == ["code", "code_2", "project", "updated_at", "updated_at_2"]
