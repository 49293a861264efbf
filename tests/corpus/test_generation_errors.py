"""Operations whose generated names would collide are refused, naming both sides."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from ayon_gql import GenerationError

from .conftest import generate_package

FOLDERS = """
query GetFolders($projectName: String!, $first: Int, $after: String) {
  project(name: $projectName) {
    folders(first: $first, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { id } }
    }
  }
}
"""


def _generate(tmp_path: Path, text: str) -> None:
    queries = tmp_path / "queries"
    queries.mkdir()
    (queries / "operations.graphql").write_text(text, encoding="utf-8")
    generate_package(queries, tmp_path / "out")


def _refused(tmp_path: Path, text: str) -> str:
    with pytest.raises(GenerationError) as refused:
        _generate(tmp_path, text)
    message = str(refused.value)
    assert "\n" not in message
    assert not (tmp_path / "out" / "ayon_corpus_client").exists()
    return message


def test_operation_named_like_a_generated_iterator_is_refused(tmp_path: Path) -> None:
    message = _refused(
        tmp_path, FOLDERS + "query IterFolders { projects { edges { node { name } } } }"
    )
    assert "IterFolders" in message and "GetFolders" in message
    assert "iter_folders()" in message


def test_two_operations_with_the_same_iterator_are_refused(tmp_path: Path) -> None:
    other = FOLDERS.replace("GetFolders", "Folders")
    message = _refused(tmp_path, FOLDERS + other)
    assert "GetFolders" in message and "Folders " in message
    assert "iter_folders()" in message


def test_operation_replacing_a_base_client_method_is_refused(tmp_path: Path) -> None:
    message = _refused(tmp_path, "query GetData { me { name } }")
    assert "GetData" in message and "get_data()" in message


def test_alias_taking_a_decoded_twins_name_is_refused(tmp_path: Path) -> None:
    message = _refused(
        tmp_path,
        "query GetVersionData($p: String!, $v: String!) "
        "{ project(name: $p) { version(id: $v) { data data_decoded: name } } }",
    )
    assert "GetVersionData" in message and "data_decoded" in message


def test_variable_named_like_the_page_size_parameter_gets_no_iterator(tmp_path: Path) -> None:
    text = FOLDERS.replace("$first: Int,", "$first: Int, $pageSize: Int,").replace(
        "folders(first: $first", "folders(last: $pageSize, first: $first"
    )
    queries = tmp_path / "queries"
    queries.mkdir()
    (queries / "operations.graphql").write_text(text, encoding="utf-8")
    package = generate_package(queries, tmp_path / "out", "ayon_page_size_client")
    assert len(package.warnings) == 1
    assert package.warnings[0].startswith("GetFolders: no iter_folders(): ")
    assert "page_size" in package.warnings[0]
    assert not hasattr(package.client_module().Operations, "iter_folders")


def test_fragment_merged_in_one_place_and_subclassed_in_another(tmp_path: Path) -> None:
    # EntityFields is merged into the folder's class (a fragment on the interface
    # spread on an object type), while the link's output node (typed by the
    # interface) subclasses it: its class is written all the same.
    queries = tmp_path / "queries"
    queries.mkdir()
    (queries / "operations.graphql").write_text(
        """
        query GetFolderFields($p: String!, $id: String!) {
          project(name: $p) { folder(id: $id) { ...EntityFields } }
        }
        query GetLinkOutputs($p: String!) {
          project(name: $p) { links(first: 5) { edges { outputNode { ...EntityFields } } } }
        }
        fragment EntityFields on BaseNode { id name }
        """,
        encoding="utf-8",
    )
    package = generate_package(queries, tmp_path / "out", "ayon_entity_fields_client")
    package.client_module()  # importable, and its folder on sys.path
    fragments = importlib.import_module(f"{package.name}.fragments")
    outputs = importlib.import_module(f"{package.name}.get_link_outputs")
    node = outputs.GetLinkOutputsProjectLinksEdgesOutputNode
    assert issubclass(node, fragments.EntityFields)
