"""The text a generated method sends: the operation as written, with its fragments."""

from __future__ import annotations

from graphql import build_schema, parse

from ayon_gql.codegen._wire_text import wire_text

from .test_typing_document import SCHEMA

DOCUMENT = parse(
    """
    query Q($p: String!) {
      project(name: $p) { tasks(first: 1) { edges { node { ...Common } } } }
    }
    fragment Common on BaseNode { id ...FolderBits }
    fragment FolderBits on FolderNode { folderType }
    fragment Unused on FolderNode { name }
    query Links($p: String!) {
      project(name: $p) { links(first: 1) { edges { outputNode { id } } } }
    }
    """
)


def test_every_fragment_used_directly_or_through_fragments_is_sent() -> None:
    schema = build_schema(SCHEMA.read_text(encoding="utf-8"))
    text = wire_text(schema, DOCUMENT, "Q")
    assert text is not None
    assert "fragment Common on BaseNode" in text and "fragment FolderBits on FolderNode" in text
    assert "Unused" not in text and "query Links" not in text
    assert "__typename" not in text


def test_typename_is_added_to_abstract_fields_only_when_classes_read_it() -> None:
    schema = build_schema(SCHEMA.read_text(encoding="utf-8"))
    text = wire_text(schema, DOCUMENT, "Links", include_typename=True)
    assert text is not None
    assert " ".join(text.split()).count("outputNode { __typename id }") == 1
    assert text.count("__typename") == 1
    assert wire_text(schema, DOCUMENT, "Missing") is None
