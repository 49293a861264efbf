"""Follow-ups ask ``attrib`` as ``allAttrib`` on the wire and fill the same typed models.

``RepresentationFields`` selects ``attrib { ...RepresentationAttribFields }``;
the generated operation sends it as ``attrib: allAttrib`` (one JSON text the
typed model is filled from).  The children a follow-up brings must be asked
the same way and come back as the same typed ``attrib`` models, and
``iter_*`` must complete the parents of every page, not only the first.
"""

from __future__ import annotations

import asyncio
from typing import Any

from ayon_gql_generated.fragments import RepresentationFieldsAttrib
from graphql import FieldNode, parse, visit
from graphql.language import Visitor

from ayon_gql import AsyncAyonClient, AyonClient
from ayon_gql.testing import StandInServer
from tests.nested.conftest import PROJECT, expected_children, graphql_bodies

OPERATION = "GetLatestVersionsWithRepresentations"


class _Fields(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str | None, str, bool]] = []  # alias, name, has a selection

    def enter_field(self, node: FieldNode, *_: object) -> None:
        alias = node.alias.value if node.alias else None
        self.found.append((alias, node.name.value, node.selection_set is not None))


def _fields(query: str) -> list[tuple[str | None, str, bool]]:
    collector = _Fields()
    visit(parse(query), collector)
    return collector.found


def _assert_asks_all_attrib(body: dict[str, Any]) -> None:
    query = body["query"]
    assert isinstance(query, str)
    fields = _fields(query)
    assert ("attrib", "allAttrib", False) in fields
    assert not any(name == "attrib" for _, name, _ in fields), query


def _stored_attrib(server: StandInServer) -> dict[str, dict[str, Any]]:
    project = server.dataset.project(PROJECT)
    assert project is not None
    return {rep["id"]: dict(rep.get("attrib") or {}) for rep in project.representations}


def _assert_typed(representation: Any, stored: dict[str, dict[str, Any]]) -> None:
    attrib = representation.attrib
    assert isinstance(attrib, RepresentationFieldsAttrib)
    expected = stored[representation.id]
    assert expected  # the stand-in's representations all have attributes
    assert attrib.path == expected.get("path")
    assert attrib.extension == expected.get("extension")
    assert attrib.template == expected.get("template")


def test_follow_ups_ask_all_attrib_and_fill_the_typed_models(
    client: AyonClient, server: StandInServer
) -> None:
    stored = _stored_attrib(server)
    result = client.get_latest_versions_with_representations(PROJECT, representations_first=1)

    bodies = graphql_bodies(server)
    follow_ups = [b for b in bodies if b.get("operationName") != OPERATION]
    assert len(bodies) - len(follow_ups) == 1 and follow_ups
    for body in bodies:  # the operation and every follow-up
        _assert_asks_all_attrib(body)
    completed = 0
    for edge in result.project.versions.edges:
        representations = [r.node for r in edge.node.representations.edges]
        completed += len(representations) - 1  # all but the first came from follow-ups
        for representation in representations:
            _assert_typed(representation, stored)
    assert completed > 0


def test_async_follow_ups_fill_the_same_typed_models(server: StandInServer) -> None:
    stored = _stored_attrib(server)

    async def run() -> Any:
        async with AsyncAyonClient(server.url, api_key=server.api_key) as client:
            return await client.get_latest_versions_with_representations(
                PROJECT, representations_first=1
            )

    result = asyncio.run(run())
    for body in graphql_bodies(server):
        _assert_asks_all_attrib(body)
    for edge in result.project.versions.edges:
        assert len(edge.node.representations.edges) == len(expected_children(server)[edge.node.id])
        for representation in edge.node.representations.edges:
            _assert_typed(representation.node, stored)


def test_iter_completes_the_parents_of_every_page(
    client: AyonClient, server: StandInServer
) -> None:
    expected = expected_children(server)
    stored = _stored_attrib(server)
    page_size = 4
    assert len(expected) > 2 * page_size  # several pages of versions

    versions = list(
        client.iter_latest_versions_with_representations(
            PROJECT, representations_first=1, page_size=page_size
        )
    )

    assert {v.id: [e.node.id for e in v.representations.edges] for v in versions} == expected
    assert all(not v.representations.page_info.has_next_page for v in versions)
    for version in versions:
        for edge in version.representations.edges:
            _assert_typed(edge.node, stored)
    # Follow-ups were sent after each page that had incomplete parents, not
    # only after the first: a page request comes after some follow-up.
    names = [body.get("operationName") for body in graphql_bodies(server)]
    pages = [index for index, name in enumerate(names) if name == OPERATION]
    assert len(pages) > 2
    assert any(name != OPERATION for name in names[pages[1] :])
