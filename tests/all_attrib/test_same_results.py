"""Typed results are the same whether ``attrib`` travels as ``allAttrib`` or as written.

Each stock operation runs twice against the stand-in: once through the
generated method (the wire text asks ``attrib: allAttrib``), once with the
selection as written in ``queries/`` and the same variables, validated into
the same result class.  The two results must be equal field by field, over
the whole demo production and a generated one.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from graphql import (
    DocumentNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    OperationDefinitionNode,
    Visitor,
    parse,
    print_ast,
    visit,
)
from pydantic import BaseModel

from ayon_gql import AyonClient
from ayon_gql.codegen._all_attrib_models import VALIDATOR_NAME
from ayon_gql.testing import StandInServer, generate_dataset

QUERIES = Path(__file__).resolve().parents[2] / "queries"
PROJECTS = ("demo_Commercial", "perf_Large")


def _reachable(node: Any, fragments: dict[str, FragmentDefinitionNode]) -> set[str]:
    names: set[str] = set()

    class Spreads(Visitor):
        def enter_fragment_spread(self, spread: FragmentSpreadNode, *_: Any) -> None:
            if spread.name.value not in names:
                names.add(spread.name.value)
                visit(fragments[spread.name.value], self)

    visit(node, Spreads())
    return names


def written_texts(queries: Path = QUERIES) -> dict[str, str]:
    """Each operation of ``queries`` with the fragments it uses, as written."""
    source = "\n".join(p.read_text(encoding="utf-8") for p in sorted(queries.glob("*.graphql")))
    document = parse(source)
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    texts = {}
    for operation in document.definitions:
        if isinstance(operation, OperationDefinitionNode) and operation.name is not None:
            names = sorted(_reachable(operation, fragments))
            definitions = (operation, *(fragments[name] for name in names))
            texts[operation.name.value] = print_ast(DocumentNode(definitions=definitions))
    return texts


@pytest.fixture(scope="module")
def server() -> Iterator[StandInServer]:
    with StandInServer(generate_dataset(versions=2_500, medium_versions=300)) as running:
        yield running


@pytest.fixture(scope="module")
def client(server: StandInServer) -> Iterator[AyonClient]:
    with AyonClient(server.url, api_key=server.api_key) as created:
        yield created


def _both_ways(
    server: StandInServer, client: AyonClient, method: str, **arguments: Any
) -> tuple[BaseModel, BaseModel, dict[str, Any]]:
    """The typed result via the generated method, and via the written text."""
    server.clear_requests()
    typed = getattr(client, method)(**arguments)
    (sent,) = [r for r in server.requests if r.path == "/graphql"]
    operation = sent.json["operationName"]
    assert sent.json["query"] != written_texts()[operation]
    data = client.execute(written_texts()[operation], sent.json.get("variables"), operation)
    written = type(typed).model_validate(data)
    return typed, written, sent.json


def _fills_from_text(model: BaseModel) -> bool:
    return VALIDATOR_NAME in type(model).__pydantic_decorators__.model_validators


def _attrib_models(model: Any, path: str = "") -> Iterator[tuple[str, BaseModel]]:
    """Every ``attrib`` model inside a result, with where it is."""
    if isinstance(model, BaseModel):
        for name in type(model).model_fields:
            value = getattr(model, name)
            if isinstance(value, BaseModel) and (name == "attrib" or _fills_from_text(value)):
                yield f"{path}.attrib", value
            yield from _attrib_models(value, f"{path}.{name}")
    elif isinstance(model, list):
        for index, item in enumerate(model):
            yield from _attrib_models(item, f"{path}[{index}]")


def assert_same(typed: BaseModel, written: BaseModel) -> list[tuple[str, BaseModel]]:
    """Equal field by field (types included); returns the attrib models compared."""
    pairs = list(zip(_attrib_models(typed), _attrib_models(written), strict=True))
    for (where, left), (where_written, right) in pairs:
        assert where == where_written
        for name in type(left).model_fields:
            mine, theirs = getattr(left, name), getattr(right, name)
            assert (type(mine), mine) == (type(theirs), theirs), f"{where}.{name}"
    assert typed.model_dump() == written.model_dump()
    return [(where, left) for (where, left), _ in pairs]


def _values(models: list[tuple[str, BaseModel]]) -> list[Any]:
    return [getattr(m, n) for _, m in models for n in type(m).model_fields]


BIG = 1_000_000


@pytest.mark.parametrize("project", PROJECTS)
@pytest.mark.parametrize(
    "method",
    ["get_folders", "get_tasks", "get_products", "get_versions", "get_representations"],
)
def test_entity_lists_are_equal_both_ways(
    server: StandInServer, client: AyonClient, project: str, method: str
) -> None:
    typed, written, sent = _both_ways(server, client, method, project_name=project, first=BIG)
    assert "attrib: allAttrib" in sent["query"]
    models = assert_same(typed, written)
    assert len(models) > 100 or project == "demo_Commercial"
    values = _values(models)
    # Nulls (left out of allAttrib) and values both occur; the stand-in's
    # products have no attribute values and its representations no nulls.
    assert any(v is None for v in values) or method == "get_representations"
    assert any(v is not None for v in values) or method == "get_products"


@pytest.mark.parametrize("project", PROJECTS)
def test_nested_attrib_under_another_entity(
    server: StandInServer, client: AyonClient, project: str
) -> None:
    typed, written, sent = _both_ways(
        server, client, "get_latest_versions_with_representations", project_name=project, first=BIG
    )
    assert sent["query"].count("attrib: allAttrib") == 2
    models = assert_same(typed, written)
    assert any(".representations." in where for where, _ in models)


def test_inherited_values_reach_tasks(server: StandInServer, client: AyonClient) -> None:
    # The stand-in's tasks carry their folder's values, as AYON resolves them.
    edges = client.get_folders("demo_Commercial", first=BIG).project.folders.edges
    folders = {edge.node.id: edge.node for edge in edges}
    result = client.get_tasks("demo_Commercial", first=BIG)
    tasks = [edge.node for edge in result.project.tasks.edges]
    assert tasks
    for task in tasks:
        assert task.attrib.frame_start == folders[task.folder_id].attrib.frame_start
        assert task.attrib.fps is not None


@pytest.mark.parametrize(
    ("method", "arguments"),
    [
        ("get_project", {"project_name": "demo_Commercial"}),
        ("get_me", {}),
        ("get_users", {"first": BIG}),
        ("get_activities", {"project_name": "demo_Commercial", "first": BIG}),
    ],
)
def test_project_users_and_authors_are_equal_both_ways(
    server: StandInServer, client: AyonClient, method: str, arguments: dict[str, Any]
) -> None:
    typed, written, sent = _both_ways(server, client, method, **arguments)
    assert "attrib: allAttrib" in sent["query"]
    assert assert_same(typed, written)


def test_single_entities_with_their_own_all_attrib(
    server: StandInServer, client: AyonClient
) -> None:
    folder_id = client.get_folders("demo_Commercial", first=1).project.folders.edges[0].node.id
    typed, written, sent = _both_ways(
        server, client, "get_folder", project_name="demo_Commercial", folder_id=folder_id
    )
    assert "attrib: allAttrib" in sent["query"]
    assert re.search(r"^ +allAttrib$", sent["query"], re.MULTILINE)
    assert_same(typed, written)
    folder = typed.project.folder  # type: ignore[attr-defined]
    decoded = folder.all_attrib_decoded
    assert json.loads(folder.all_attrib) == decoded
    for name, field in type(folder.attrib).model_fields.items():
        assert (decoded.get(field.alias) is None) == (getattr(folder.attrib, name) is None)


def test_stand_in_all_attrib_has_the_recorded_shape(client: AyonClient) -> None:
    """Per folder of the recorded demo project: the same keys (nulls left out), compact text."""
    from tests._shared import recording

    recorded = {
        edge["node"]["path"]: edge["node"]["allAttrib"]
        for edge in recording("gql-folders-all")["response"]["json"]["data"]["project"]["folders"][
            "edges"
        ]
    }
    answer = client.execute(
        '{ project(name: "demo_Commercial") { folders(first: 1000) '
        "{ edges { node { path allAttrib } } } } }"
    )
    served = {
        e["node"]["path"]: e["node"]["allAttrib"] for e in answer["project"]["folders"]["edges"]
    }
    assert set(served) == set(recorded)
    for path, text in recorded.items():
        assert list(json.loads(served[path])) == list(json.loads(text)), path
        assert served[path] == json.dumps(json.loads(served[path]), separators=(",", ":"))
        assert text == json.dumps(json.loads(text), separators=(",", ":"))
