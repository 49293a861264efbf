"""Every corpus operation runs against the stand-in: get_* and iter_*, sync and async."""

from __future__ import annotations

import asyncio
import importlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from ariadne_codegen.utils import process_name

from ayon_gql.schema._relay import iter_method_name
from ayon_gql.testing import StandInServer

from .conftest import PROJECT, GeneratedPackage, Ids, connected, connected_async, raw
from .test_corpus_generation import OPERATIONS

MISSING_ID = "0" * 32


def _count(server: StandInServer, field: str, arguments: str = "") -> int:
    """How many items a project connection has, in one plain request."""
    extra = f", {arguments}" if arguments else ""
    data = raw(
        server,
        f'{{ project(name: "{PROJECT}") {{ {field}(first: 1000000{extra}) '
        "{ edges { cursor } } } }",
    )
    return len(data["project"][field]["edges"])


@dataclass(frozen=True)
class Case:
    """How to call one operation, and what its results must show."""

    arguments: Callable[[Ids], dict[str, Any]]
    check: Callable[[Any, Ids], None] = lambda result, ids: None
    #: Items its iter_* must yield, counted with a plain request (None: no iter_*).
    items: Callable[[StandInServer, Ids], int] | None = None
    iter_arguments: Callable[[Ids], dict[str, Any]] = field(default=lambda ids: {})


def _project(ids: Ids) -> dict[str, Any]:
    return {"project_name": PROJECT}


def _check_version_texts(result: Any, ids: Ids) -> None:
    version = result.project.version
    assert version.id == ids.version_with_activities
    assert isinstance(version.data, str)  # the alias `data: name` holds the name ...
    assert not hasattr(version, "data_decoded")  # ... and has no decoded twin
    assert version.raw_data_decoded == json.loads(version.raw_data)
    assert isinstance(version.attribs_json_decoded, dict)


def _check_representation_texts(result: Any, ids: Ids) -> None:
    representation = result.project.representation
    assert representation.context_decoded == json.loads(representation.context)
    assert representation.template_context_decoded == representation.context_decoded
    assert representation.data_decoded == json.loads(representation.data)
    assert representation.traits_decoded is None or representation.traits is not None


def _check_project_config(result: Any, ids: Ids) -> None:
    project = result.project
    assert project.name == PROJECT
    assert project.config_decoded == json.loads(project.config)
    assert hasattr(project, "project_data_decoded")


def _check_user(result: Any, ids: Ids) -> None:
    assert result.user.name == ids.user
    assert result.user.access_groups_decoded == json.loads(result.user.access_groups)


def _check_link_ends(result: Any, ids: Ids) -> None:
    edges = result.project.links.edges
    assert edges
    for edge in edges:
        assert not hasattr(edge, "data_decoded")  # a JSON scalar, already decoded
        assert edge.output_node is None or isinstance(edge.output_node.all_attrib_decoded, dict)


def _check_linked_entities(result: Any, ids: Ids) -> None:
    edges = result.project.version.links.edges
    assert len(edges) == ids.links
    for edge in edges:
        # Each node is the class of its own type (here versions linked to versions).
        assert edge.node is not None and isinstance(edge.node.version, int)


def _check_folder_entity(result: Any, ids: Ids) -> None:
    # Fields of FolderBasics, EntityBasics and EntityTimes (allAttrib in both) merged.
    folder = result.project.folder
    assert folder.id == ids.folder and folder.name and folder.path
    assert folder.created_at.tzinfo is not None
    assert folder.all_attrib_decoded == json.loads(folder.all_attrib)


def _check_lower_folders(result: Any, ids: Ids) -> None:
    nodes = [edge.node for edge in result.project.my_folders.edges]
    assert nodes and all(node.folder_id and node.folder_name for node in nodes)


def _check_shaped(result: Any, ids: Ids) -> None:
    for edge in result.project.folders.edges:
        assert edge.node.path is None  # @skip(if: $skipPath) with the default true
        assert edge.node.tasks is None  # @include(if: $withTasks) with the default false


CASES: dict[str, Case] = {
    "get_version_texts": Case(
        lambda ids: {**_project(ids), "version_id": ids.version_with_activities},
        _check_version_texts,
    ),
    "get_project_config": Case(_project, _check_project_config),
    "get_representation_texts": Case(
        lambda ids: {**_project(ids), "representation_id": ids.representation},
        _check_representation_texts,
    ),
    "get_project_folder_pages": Case(_project, items=lambda s, ids: _count(s, "folders")),
    "get_folder_entity": Case(
        lambda ids: {**_project(ids), "folder_id": ids.folder}, _check_folder_entity
    ),
    "get_link_ends": Case(_project, _check_link_ends, items=lambda s, ids: _count(s, "links")),
    "get_lower_folders": Case(
        _project, _check_lower_folders, items=lambda s, ids: _count(s, "folders")
    ),
    "iter_project_names": Case(
        lambda ids: {},
        lambda result, ids: None,
        items=lambda s, ids: len(
            raw(s, "{ projects(first: 1000) { edges { cursor } } }")["projects"]["edges"]
        ),
    ),
    "get_user_v_2": Case(lambda ids: {"name": ids.user}, _check_user),
    "get_folders_with_product_sample": Case(
        _project,
        lambda result, ids: None,
        items=lambda s, ids: _count(s, "folders"),
    ),
    "get_version_activities": Case(
        lambda ids: {**_project(ids), "version_id": ids.version_with_activities},
        items=lambda s, ids: ids.activities,
    ),
    "get_user_pages": Case(
        lambda ids: {},
        items=lambda s, ids: len(
            raw(s, "{ users(first: 1000) { edges { cursor } } }")["users"]["edges"]
        ),
    ),
    "get_entity_list_items": Case(_project),
    "get_version_linked_entities": Case(
        lambda ids: {**_project(ids), "version_id": ids.version_with_links},
        _check_linked_entities,
        items=lambda s, ids: ids.links,
    ),
    "get_folders_required_cursor": Case(lambda ids: {**_project(ids), "after": ""}),
    "get_folders_without_end_cursor": Case(_project),
    "get_folders_cursorless_fragment": Case(_project),
    "get_folders_and_tasks_sharing_cursor": Case(_project),
    "get_folders_named_cursor": Case(_project),
    "get_version_activities_newest_first": Case(
        lambda ids: {**_project(ids), "version_id": ids.version_with_activities}
    ),
    "get_folders_shaped": Case(
        # ariadne-codegen makes a non-null variable an argument even with a default
        lambda ids: {**_project(ids), "skip_path": True},
        _check_shaped,
        items=lambda s, ids: _count(
            s, "folders", 'hasLinks: ANY, attributes: [{name: "resolutionWidth", values: ["1920"]}]'
        ),
    ),
    "get_version_statistics": Case(_project, items=lambda s, ids: _count(s, "versions")),
    "get_maybe_products": Case(
        lambda ids: {**_project(ids), "with_products": True},
        items=lambda s, ids: _count(s, "products"),
    ),
}


def _method(name: str) -> str:
    return str(process_name(name, convert_to_snake_case=True))


def test_every_corpus_operation_has_a_case() -> None:
    assert {_method(o.name.value) for o in OPERATIONS if o.name} == set(CASES)


def test_every_generated_iterator_has_items_to_yield(corpus: GeneratedPackage) -> None:
    """Every iter_* the corpus client has is run below (and none that it lacks)."""
    client = corpus.client_module()
    for cls in (client.Operations, client.AsyncOperations):
        with_iterator = {m for m in CASES if hasattr(cls, iter_method_name(m))}
        assert with_iterator == {m for m, case in CASES.items() if case.items is not None}


@pytest.mark.parametrize("method", sorted(CASES))
def test_get_method_runs_sync_and_async(
    corpus: GeneratedPackage, ayon_server: StandInServer, ids: Ids, method: str
) -> None:
    case = CASES[method]
    with connected(corpus, ayon_server.url, ayon_server.api_key) as client:
        result = getattr(client, method)(**case.arguments(ids))
    case.check(result, ids)

    async def run() -> Any:
        async with connected_async(corpus, ayon_server.url, ayon_server.api_key) as client:
            return await getattr(client, method)(**case.arguments(ids))

    async_result = asyncio.run(run())
    case.check(async_result, ids)
    assert async_result == result


@pytest.mark.parametrize("method", sorted(m for m, c in CASES.items() if c.items is not None))
def test_iter_method_yields_every_item_sync_and_async(
    corpus: GeneratedPackage, ayon_server: StandInServer, ids: Ids, method: str
) -> None:
    case = CASES[method]
    assert case.items is not None
    expected = case.items(ayon_server, ids)
    assert expected > 0
    iterator = iter_method_name(method)
    arguments = case.arguments(ids)
    # A small page size, so that every iterator crosses pages.
    page_size = max(1, expected // 3)
    with connected(corpus, ayon_server.url, ayon_server.api_key) as client:
        items = list(getattr(client, iterator)(**arguments, page_size=page_size))

    async def run() -> list[Any]:
        async with connected_async(corpus, ayon_server.url, ayon_server.api_key) as client:
            return [
                item async for item in getattr(client, iterator)(**arguments, page_size=page_size)
            ]

    async_items = asyncio.run(run())
    assert len(items) == expected
    assert async_items == items
    assert len({item.model_dump_json() for item in items}) == expected  # no item twice


def test_iterator_through_a_null_parent_yields_nothing(
    corpus: GeneratedPackage, ayon_server: StandInServer
) -> None:
    with connected(corpus, ayon_server.url, ayon_server.api_key) as client:
        assert list(client.iter_version_activities(PROJECT, MISSING_ID)) == []


def test_iterator_of_a_skipped_connection_yields_nothing(
    corpus: GeneratedPackage, ayon_server: StandInServer
) -> None:
    with connected(corpus, ayon_server.url, ayon_server.api_key) as client:
        assert list(client.iter_maybe_products(PROJECT, False)) == []
        assert list(client.iter_maybe_products(PROJECT, True))


def test_input_objects_and_enums_as_arguments(
    corpus: GeneratedPackage, ayon_server: StandInServer
) -> None:
    corpus.client_module()  # puts the package on the path
    input_types = importlib.import_module(f"{corpus.name}.input_types")
    enums = importlib.import_module(f"{corpus.name}.enums")
    fps = input_types.AttributeFilterInput(name="fps", values=["25.0"])
    other_fps = input_types.AttributeFilterInput(name="fps", values=["24.0"])
    filters = 'hasLinks: ANY, attributes: [{name: "fps", values: ["25.0"]}]'
    expected = _count(ayon_server, "folders", filters)
    with connected(corpus, ayon_server.url, ayon_server.api_key) as client:
        folders = list(
            client.iter_folders_shaped(
                PROJECT, True, attributes=[fps], has_links=enums.HasLinksFilter.ANY
            )
        )
        assert len(folders) == expected > 0
        assert list(client.iter_folders_shaped(PROJECT, True, attributes=[other_fps])) == []
