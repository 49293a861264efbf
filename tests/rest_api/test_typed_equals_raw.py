"""Typed equals raw: every GET operation the stand-in serves, through the generated method
and as one raw request, gives the same JSON (the typed result dumped by alias)."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import httpx
from ayon_gql_generated import AyonClient
from pydantic import TypeAdapter

from ayon_gql._api_operation import python_identifier
from ayon_gql.codegen._rest_package import _identifier
from ayon_gql.testing import DEMO_PROJECT, StandInServer

ROOT = Path(__file__).resolve().parents[2]
#: (operationId, group, path, path parameters in path order)
_Get = tuple[str, str, str, list[str]]
_ENTITY_QUERY = """
query Ids($name: String!) {
  project(name: $name) {
    folders(first: 1) { edges { node { id } } }
    tasks(first: 1) { edges { node { id } } }
    products(first: 1) { edges { node { id } } }
    versions(first: 1) { edges { node { id } } }
    representations(first: 1) { edges { node { id } } }
  }
}
"""


def _normalised(value: Any) -> Any:
    """JSON with timestamps as instants (the server writes ``+00:00``, pydantic ``Z``)."""
    if isinstance(value, dict):
        return {key: _normalised(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_normalised(item) for item in value]
    if isinstance(value, str) and re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d", value):
        try:
            return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return value
    return value


def _path_values(client: AyonClient, server: StandInServer) -> dict[str, str]:
    data = client.execute(_ENTITY_QUERY, {"name": DEMO_PROJECT})["project"]
    values = {
        "project_name": DEMO_PROJECT,
        "user_name": "admin",
        "addon_name": "demo_pipeline",
        "addon_version": "1.0.0",
        "version": "1.0.0",
        "bundle_name": client.api.bundles.list_bundles().production_bundle or "",
    }
    for kind in ("folder", "task", "product", "version", "representation"):
        edges = data[f"{kind}s"]["edges"]
        if edges:
            values[f"{kind}_id"] = edges[0]["node"]["id"]
    # What the reads below need and the stand-in starts without: made through the API.
    client.api.system.save_secret("typed_raw", {"name": "typed_raw", "value": "s3cr3t"})
    values["secret_name"] = "typed_raw"
    listed = client.api.entity_lists.create_entity_list(
        DEMO_PROJECT, {"entity_type": "version", "label": "Typed dailies"}
    )
    values["entity_list_id"] = listed.id
    presets = client.api.anatomy.get_anatomy_presets().presets or []
    if presets:
        values["preset_name"] = presets[0].name
    return values


def _get_operations(document: dict[str, Any], group: str | None) -> list[_Get]:
    found = []
    for path, item in document["paths"].items():
        op = item.get("get")
        if op is None:
            continue
        params = [p["name"] for p in op.get("parameters", []) if p["in"] == "path"]
        order = re.findall(r"\{([^}]+)\}", path)
        params.sort(key=order.index)
        found.append((op["operationId"], group or _identifier(op["tags"][0]), path, params))
    return found


def _all_get_operations() -> list[_Get]:
    server = json.loads((ROOT / "schema" / "openapi.json").read_text(encoding="utf-8"))
    addon = ROOT / "schema" / "addons" / "studio_tools-1.0.0.openapi.json"
    addon_document = json.loads(addon.read_text(encoding="utf-8"))
    return _get_operations(server, None) + _get_operations(addon_document, "studio_tools")


def test_every_served_get_operation_gives_the_raw_answer_typed(
    ayon_server: StandInServer,
) -> None:
    compared: list[str] = []
    with AyonClient(ayon_server.url, api_key=ayon_server.api_key) as client:
        values = _path_values(client, ayon_server)
        raw = httpx.Client(base_url=ayon_server.url, headers={"x-api-key": ayon_server.api_key})
        for operation_id, group, path, params in _all_get_operations():
            if any(name not in values for name in params):
                continue
            url = path.format(**{name: values[name] for name in params})
            answer = raw.get(url)
            if answer.status_code != 200 or "json" not in answer.headers.get("content-type", ""):
                continue  # not served by the stand-in (501, 404) or not JSON (a file)
            namespace = client.addons if group == "studio_tools" else client.api
            method = getattr(getattr(namespace, group), python_identifier(operation_id))
            typed = method(*(values[name] for name in params))
            description = method.__globals__["_" + python_identifier(operation_id).upper()]
            if description.result is not None:
                adapter: TypeAdapter[Any] = TypeAdapter(description.result)
                dumped = adapter.dump_python(typed, by_alias=True, exclude_unset=True, mode="json")
            else:
                dumped = typed
            assert _normalised(dumped) == _normalised(answer.json()), operation_id
            compared.append(operation_id)
        raw.close()
    print(f"typed == raw for {len(compared)} GET operations: {sorted(compared)}")
    # The families every stand-in serves are among them (more as the stand-in grows).
    assert {
        "get_site_info",
        "list_bundles",
        "get_project",
        "list_installers",
        "get_secret",
        "get_entity_list",
        "get_summary",
        "list_bookmarks",
        "raw_export",
    } <= set(compared)
