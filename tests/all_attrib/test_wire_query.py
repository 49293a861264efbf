"""What goes on the wire: ``attrib { ... }`` asked as ``allAttrib`` where the schema offers it."""

from __future__ import annotations

from pathlib import Path

import pytest
from graphql import GraphQLSchema, build_schema, parse, print_ast, validate

from ayon_gql import AyonError
from ayon_gql._errors import GenerationError, ProjectConfigError
from ayon_gql.codegen import wire_query
from ayon_gql.codegen._all_attrib import AllAttribConfig, operation_override
from ayon_gql.codegen._all_attrib_plugin import AllAttribHooks
from tests.all_attrib.test_same_results import written_texts

SNAPSHOT = Path(__file__).resolve().parents[2] / "schema" / "ayon.graphql"


@pytest.fixture(scope="module")
def schema() -> GraphQLSchema:
    return build_schema(SNAPSHOT.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def schema_without_all_attrib() -> GraphQLSchema:
    text = SNAPSHOT.read_text(encoding="utf-8")
    assert "  allAttrib: String!\n" in text
    return build_schema(text.replace("  allAttrib: String!\n", ""))


@pytest.mark.parametrize("operation", sorted(written_texts()))
def test_stock_operations_change_only_their_attrib_lines(
    schema: GraphQLSchema, operation: str
) -> None:
    written = written_texts()[operation]
    wire = wire_query(written, schema)
    assert not validate(schema, parse(wire))
    assert print_ast(parse(wire)) == wire
    # Every line sent is a written line, or the attrib field asked as allAttrib.
    new_lines = set(wire.splitlines()) - set(written.splitlines())
    assert {line.strip() for line in new_lines} <= {"attrib: allAttrib"}
    if "attrib {" in written:
        assert "attrib {" not in wire and "attrib: allAttrib" in wire
        assert "AttribFields" not in wire  # fragments only attrib used are dropped
    else:
        assert wire == written


@pytest.mark.parametrize("operation", sorted(written_texts()))
def test_a_schema_without_all_attrib_gets_the_selection_as_written(
    schema_without_all_attrib: GraphQLSchema, operation: str
) -> None:
    written = written_texts()[operation]
    assert wire_query(written, schema_without_all_attrib) == written


def test_disabled_sends_the_text_as_written(schema: GraphQLSchema) -> None:
    written = written_texts()["GetVersions"]
    assert wire_query(written, schema, enabled=False) == written


VERSIONS = """query Q($p: String!, $x: Boolean!) {
  project(name: $p) {
    versions(latestOnly: $x) {
      edges {
        node {
          %s
        }
      }
    }
  }
}"""


@pytest.mark.parametrize(
    ("selection", "expected"),
    [
        ("attrib { fps }", "attrib: allAttrib"),
        ("a: attrib { fps f: frameStart __typename }", "a: allAttrib"),
        ("attrib { ... on VersionAttribType { fps } }", "attrib: allAttrib"),
        ("attrib { ... { fps } }", "attrib: allAttrib"),
        ("attrib @include(if: $x) { fps }", "attrib: allAttrib @include(if: $x)"),
        ("attrib { fps } allAttrib", "attrib: allAttrib\n          allAttrib"),
    ],
)
def test_flat_selections_are_replaced(schema: GraphQLSchema, selection: str, expected: str) -> None:
    written = print_ast(parse(VERSIONS % selection))
    wire = wire_query(written, schema)
    assert wire == print_ast(parse(VERSIONS % expected))


@pytest.mark.parametrize(
    "selection",
    [
        "attrib { fps @include(if: $x) }",
        "attrib { ... @skip(if: $x) { fps } }",
        # Merged with a replaced attrib, the result would not validate.
        "attrib { fps } ... on VersionNode { attrib { frameStart @skip(if: $x) } }",
    ],
)
def test_conditional_selections_are_sent_as_written(schema: GraphQLSchema, selection: str) -> None:
    written = print_ast(parse(VERSIONS % selection))
    assert wire_query(written, schema) == written


def test_nested_attrib_under_another_entity_is_replaced(schema: GraphQLSchema) -> None:
    written = print_ast(parse(VERSIONS % "product { id attrib { description } } attrib { fps }"))
    wire = wire_query(written, schema)
    assert wire.count("attrib: allAttrib") == 2
    assert not validate(schema, parse(wire))


def test_fragment_still_used_elsewhere_is_kept(schema: GraphQLSchema) -> None:
    text = (
        VERSIONS % "attrib { ...A } ... on VersionNode { b: attrib { ...A fps @include(if: $x) } }"
        + "\nfragment A on VersionAttribType { fps }"
    )
    written = print_ast(parse(text))
    wire = wire_query(written, schema)
    assert "attrib: allAttrib" in wire and "b: attrib {" in wire
    assert "fragment A on VersionAttribType" in wire
    assert not validate(schema, parse(wire))


def test_unparsable_text_is_a_generation_error(schema: GraphQLSchema) -> None:
    with pytest.raises(GenerationError, match="cannot rewrite attrib"):
        wire_query("query {", schema)


# -- opting out ----------------------------------------------------------------------------


def test_config_values() -> None:
    assert AllAttribConfig.from_config_dict({}) == AllAttribConfig()
    assert AllAttribConfig.from_config_dict({"tool": {"ayon-gql": {"all_attrib": False}}}) == (
        AllAttribConfig(enabled=False)
    )
    config = AllAttribConfig.from_value({"exclude": ["GetX"]})
    assert config.exclude == frozenset({"GetX"}) and config.enabled
    assert config.unknown_exclusions(["GetY"]) == ["GetX"]


@pytest.mark.parametrize("value", ["no", 0, {"exclude": "GetX"}, {"include": ["GetX"]}, None])
def test_bad_config_values_are_one_line_errors(value: object) -> None:
    with pytest.raises(ProjectConfigError) as caught:
        AllAttribConfig.from_value(value)
    assert isinstance(caught.value, AyonError)
    assert "all_attrib must be true, false or" in str(caught.value)
    assert "\n" not in str(caught.value)


def _operation(text: str) -> object:
    return next(d for d in parse(text).definitions if d.kind == "operation_definition")


PRAGMA_DOCUMENT = """# Versions.
fragment F on VersionNode { id }

# The studio wants the typed fields here.
# ayon-gql: all_attrib = %s
query GetX { __typename }
"""


def test_comment_above_an_operation_overrides_the_config() -> None:
    off = _operation(PRAGMA_DOCUMENT % "false")
    on = _operation(PRAGMA_DOCUMENT % "true")
    assert operation_override(off) is False  # type: ignore[arg-type]
    assert operation_override(on) is True  # type: ignore[arg-type]
    assert not AllAttribConfig().applies_to(off)  # type: ignore[arg-type]
    assert AllAttribConfig(enabled=False).applies_to(on)  # type: ignore[arg-type]
    plain = _operation("# just a comment\nquery GetX { __typename }")
    assert operation_override(plain) is None  # type: ignore[arg-type]
    assert not AllAttribConfig(exclude=frozenset({"GetX"})).applies_to(plain)  # type: ignore[arg-type]


def test_a_misspelt_comment_is_an_error() -> None:
    with pytest.raises(GenerationError, match="operation GetX: expected"):
        operation_override(_operation(PRAGMA_DOCUMENT % "off"))  # type: ignore[arg-type]


def test_excluding_an_unknown_operation_is_an_error(schema: GraphQLSchema) -> None:
    hooks = AllAttribHooks(
        schema, {"tool": {"ayon-gql": {"all_attrib": {"exclude": ["GetVersionz"]}}}}
    )
    written = written_texts()["GetVersions"]
    operation = _operation(written)
    assert hooks.wire_query(written, operation) != written  # type: ignore[arg-type]
    with pytest.raises(ProjectConfigError, match="exclude names no operation: GetVersionz"):
        hooks.check_exclusions()


def test_a_fragment_spread_twice_inside_attrib_is_replaced(schema: GraphQLSchema) -> None:
    text = VERSIONS % "attrib { ...A ...A fps }" + "\nfragment A on VersionAttribType { fps }"
    wire = wire_query(print_ast(parse(text)), schema)
    assert "attrib: allAttrib" in wire and "fragment A" not in wire
