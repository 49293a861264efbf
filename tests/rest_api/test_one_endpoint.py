"""The hand-written REST adapter and the generated methods mean the same endpoints."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ayon_gql import AyonClient, InvalidInputError
from ayon_gql.rest._endpoints import ENDPOINTS
from ayon_gql.testing import StandInServer

ROOT = Path(__file__).resolve().parents[2]


def _snapshot_operations() -> dict[str, tuple[str, str, dict[str, str]]]:
    document = json.loads((ROOT / "schema" / "openapi.json").read_text(encoding="utf-8"))
    found: dict[str, tuple[str, str, dict[str, str]]] = {}
    for path, item in document["paths"].items():
        for method, op in item.items():
            params = {p["name"]: p["in"] for p in op.get("parameters", [])}
            found[op["operationId"]] = (method.upper(), path, params)
    return found


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda e: e.operation_id)
def test_each_hand_written_endpoint_is_the_servers_operation(endpoint: object) -> None:
    operations = _snapshot_operations()
    op_id = endpoint.operation_id
    assert op_id in operations
    method, path, params = operations[op_id]
    assert (endpoint.method, endpoint.path) == (method, path)
    for param in endpoint.params:
        assert params.get(param.name) == param.location


def test_the_adapter_sends_through_the_same_runner_and_checks(ayon_server: StandInServer) -> None:
    with AyonClient(ayon_server.url, api_key=ayon_server.api_key) as client:
        typed = client.api.bundles.list_bundles(archived=True)
        friendly = client.rest.bundles.list(archived=True)
        assert [b.name for b in typed.bundles] == [b.name for b in friendly.bundles]
        sent = [(r.method, r.path, r.query) for r in ayon_server.requests[-2:]]
        assert sent[0] == sent[1] == ("GET", "/api/bundles", {"archived": ["true"]})
        with pytest.raises(InvalidInputError, match="invalid bundle name"):
            client.rest.bundles.delete("../x")
