"""The stand-in's cost model: fields counted as by hand, charges as configured."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from ayon_gql import InvalidInputError
from ayon_gql.testing import (
    DEMO_PROJECT,
    LARGE_PROJECT,
    RequestCost,
    StandInServer,
    generate_dataset,
)
from ayon_gql.testing._foreground import cost_from_options

COST = RequestCost(per_request=0.002, per_field=1e-5, field_weights={"VersionNode.allAttrib": 8.0})


@pytest.fixture(scope="module")
def costly() -> Iterator[StandInServer]:
    with StandInServer(generate_dataset(versions=2_000), cost=COST) as server:
        yield server


def _run(server: StandInServer, query: str, **variables: Any) -> dict[str, Any]:
    server.reset()
    r = httpx.post(
        server.url + "/graphql",
        headers={"X-Api-Key": server.api_key},
        json={"query": query, "variables": variables, "operationName": "Q"},
    )
    body: dict[str, Any] = r.json()
    assert "errors" not in body, body
    return body


def test_fields_counted_as_by_hand(costly: StandInServer) -> None:
    query = """query Q($p: String!) { project(name: $p) { name
        versions(first: 3) { edges { node { id name allAttrib } } } } }"""
    _run(costly, query, p=DEMO_PROJECT)
    (charge,) = costly.charges
    # Query.project 1; ProjectNode name + versions 2; connection edges 1;
    # 3 edges x node 1; 3 versions x (id, name, allAttrib) 3.
    assert charge.fields == 1 + 2 + 1 + 3 + 9
    # allAttrib weighs 8 instead of 1 on each of the 3 versions
    assert charge.weighted_fields == 16 + 3 * 7
    assert charge.seconds == pytest.approx(0.002 + 37 * 1e-5)
    assert charge.operation_name == "Q"


def test_charge_reported_in_server_timing(costly: StandInServer) -> None:
    costly.reset()
    r = httpx.post(
        costly.url + "/graphql",
        headers={"X-Api-Key": costly.api_key},
        json={"query": "{ me { name } }"},
    )
    (charge,) = costly.charges
    assert charge.fields == 2
    assert r.headers["server-timing"] == (
        f'standin-cost;dur={charge.seconds * 1000:.3f};desc="2 fields, 2 weighted"'
    )


def test_nulls_lists_and_typename_count_once(costly: StandInServer) -> None:
    query = """query Q($p: String!) { project(name: $p) { __typename
        folders(first: 2) { edges { node { label tags attrib { fps } } } } } }"""
    _run(costly, query, p=DEMO_PROJECT)
    # 1 + (__typename, folders) 2 + edges 1 + 2 x node + 2 x (label, tags, attrib) + 2 x fps
    assert costly.charges[0].fields == 1 + 2 + 1 + 2 + 6 + 2


def test_cost_scales_with_the_page(costly: StandInServer) -> None:
    query = """query Q($p: String!, $n: Int!) { project(name: $p) {
        versions(first: $n) { edges { node { id allAttrib } } } } }"""
    charged = []
    for first in (100, 200, 400):
        _run(costly, query, p=LARGE_PROJECT, n=first)
        charged.append(costly.charges[0])
    per_version = 1 + 1 + 8.0  # node, id, allAttrib
    for first, charge in zip((100, 200, 400), charged, strict=True):
        assert charge.weighted_fields == 1 + 1 + 1 + first * per_version
        assert charge.seconds == pytest.approx(COST.per_request + charge.weighted_fields * 1e-5)
    assert charged[2].seconds - charged[1].seconds == pytest.approx(
        2 * (charged[1].seconds - charged[0].seconds)
    )


def test_invalid_request_charged_per_request_only(costly: StandInServer) -> None:
    costly.reset()
    httpx.post(
        costly.url + "/graphql",
        headers={"X-Api-Key": costly.api_key},
        json={"query": "{ nothing }"},
    )
    (charge,) = costly.charges
    assert (charge.fields, charge.seconds) == (0, COST.per_request)


def test_no_cost_model_no_charges(standin: StandInServer) -> None:
    standin.reset()
    httpx.post(
        standin.url + "/graphql",
        headers={"X-Api-Key": standin.api_key},
        json={"query": "{ me { name } }"},
    )
    assert standin.charges == []


def _units_per_node(server: StandInServer, connection: str, selection: str) -> float:
    """Weighted fields one node of ``connection`` adds, measured from two page sizes."""
    query = f"""query Q($p: String!, $n: Int!) {{ project(name: $p) {{
        {connection}(first: $n) {{ edges {{ node {{ {selection} }} }} }} }} }}"""
    totals = []
    for first in (50, 150):
        _run(server, query, p=LARGE_PROJECT, n=first)
        totals.append(server.charges[0].weighted_fields)
    return (totals[1] - totals[0]) / 100


VERSION_PLAIN = (
    "id name version productId taskId active author thumbnailId createdAt updatedAt data "
    "status tags"
)
VERSION_ATTRIB = (
    "attrib { clipIn clipOut colorSpace comment description families fps frameEnd frameStart "
    "handleEnd handleStart intent machine pixelAspect resolutionHeight resolutionWidth site "
    "source }"
)
REP_PLAIN = (
    "id name versionId context data traits active status tags createdAt updatedAt "
    "files { id name path size hash hashType }"
)
REP_ATTRIB = (
    "attrib { clipIn clipOut description extension fps frameEnd frameStart handleEnd "
    "handleStart path pixelAspect resolutionHeight resolutionWidth template }"
)


@pytest.mark.parametrize(
    ("connection", "selection", "count", "seconds"),
    [
        ("versions", VERSION_PLAIN, 16_009, 1.01),
        ("versions", VERSION_PLAIN + " allAttrib", 16_009, 1.39),
        ("versions", VERSION_PLAIN + " " + VERSION_ATTRIB, 16_009, 1.86),
        ("representations", REP_PLAIN, 29_803, 3.04),
        ("representations", REP_PLAIN + " allAttrib", 29_803, 3.89),
        ("representations", REP_PLAIN + " " + REP_ATTRIB, 29_803, 4.59),
    ],
)
def test_ayon_1_16_preset_matches_the_real_server(
    connection: str, selection: str, count: int, seconds: float
) -> None:
    preset = RequestCost.ayon_1_16()
    with StandInServer(generate_dataset(versions=500), cost=preset) as server:
        per_node = _units_per_node(server, connection, selection)
    predicted = preset.seconds(per_node * count)
    assert predicted == pytest.approx(seconds, rel=0.01)


def test_bad_cost_settings() -> None:
    with pytest.raises(InvalidInputError, match="per_field must be >= 0"):
        RequestCost(per_field=-1)
    with pytest.raises(InvalidInputError, match=r"keys are 'Type\.field' or 'Type'"):
        RequestCost(field_weights={"a.b.c": 1})
    with pytest.raises(InvalidInputError, match=r"TYPE\.FIELD=NUMBER"):
        cost_from_options(weights=["VersionNode.allAttrib"])
    with pytest.raises(InvalidInputError, match=r"TYPE\.FIELD=NUMBER"):
        cost_from_options(weights=["VersionNode.allAttrib=lots"])


def test_cost_from_options() -> None:
    assert cost_from_options() is None
    cost = cost_from_options(preset="ayon-1.16", per_request=0.5, weights=["UserNode=2"])
    assert cost is not None
    assert cost.per_request == 0.5
    assert cost.per_field == RequestCost.ayon_1_16().per_field
    assert cost.weight("UserNode", "name") == 2.0
    assert cost.weight("VersionNode", "allAttrib") > 1
