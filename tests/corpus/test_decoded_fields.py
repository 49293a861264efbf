"""The JSON text fields the decoded twins follow are real String fields of AYON's schema."""

from __future__ import annotations

from graphql import GraphQLNonNull, GraphQLObjectType, GraphQLString

from ayon_gql.codegen._decoded import JSON_TEXT_FIELDS, is_json_text
from ayon_gql.codegen._document import Coordinate

from .test_corpus_generation import SCHEMA_OBJECT


def _string_fields() -> set[str]:
    found = set()
    for type_ in SCHEMA_OBJECT.type_map.values():
        if isinstance(type_, GraphQLObjectType) and not type_.name.startswith("__"):
            for name, field in type_.fields.items():
                inner = field.type.of_type if isinstance(field.type, GraphQLNonNull) else field.type
                if inner is GraphQLString:
                    found.add(f"{type_.name}.{name}")
    return found


def test_every_listed_coordinate_is_a_string_field_of_the_snapshot() -> None:
    assert set(JSON_TEXT_FIELDS) <= _string_fields()


def test_every_all_attrib_is_json_text_and_names_alone_decide_nothing() -> None:
    strings = _string_fields()
    all_attrib = {c for c in strings if c.endswith(".allAttrib")}
    assert len(all_attrib) >= 8
    assert all(is_json_text(Coordinate(*c.split("."))) for c in all_attrib)
    # `data` and `status` exist on many types; only the listed ones are JSON text.
    assert is_json_text(Coordinate("VersionNode", "data"))
    assert not is_json_text(Coordinate("VersionNode", "status"))
    assert not is_json_text(Coordinate("ProjectLinkEdge", "data"))  # a JSON scalar already
    assert not is_json_text(Coordinate("VersionNode", "name"))
