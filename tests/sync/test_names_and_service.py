"""Entity names from the server's own rule; a service's identity from its environment;
the asynchronous hierarchy."""

from __future__ import annotations

import asyncio
import json
import re
from typing import Any

import pytest
from ayon_gql_generated.settings.demo_pipeline import DemoPipelineSettings
from ayon_gql_generated.settings.studio_tools import StudioToolsSettings

from ayon_gql import AsyncAyonClient, AyonClient, InvalidInputError
from ayon_gql.sync import (
    SERVICE_VARIABLES,
    AsyncHierarchy,
    NameRule,
    ServiceIdentity,
    connect_async_service,
    connect_service,
    entity_name,
    name_rule,
)
from ayon_gql.testing import StandInServer
from tests._shared import SERVER_1_16, require_shared

PROJECT = "demo_Commercial"


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("Shot 010 / Comp", "Shot_010_Comp"),
        ("  Séquence d'été  ", "Sequence_d_ete"),
        ("--edit.v2--", "edit.v2"),
        ("a  &  b", "a_b"),
        ("_x_", "_x_"),
    ],
)
def test_entity_name_follows_the_servers_rule(label: str, name: str) -> None:
    assert entity_name(label) == name
    assert re.fullmatch(name_rule().pattern, name)


def test_the_rule_is_the_recorded_servers() -> None:
    require_shared()
    served = json.loads((SERVER_1_16 / "openapi.json").read_text())
    recorded = served["components"]["schemas"]["FolderPostModel"]["properties"]["name"]["pattern"]
    assert name_rule().pattern == recorded


def test_another_rule_gives_other_names() -> None:
    lower_dashed = NameRule(r"^[a-z0-9]([a-z0-9\-]*[a-z0-9])?$")
    assert lower_dashed.name_for("Shot 010_Comp", lower=True) == "shot-010-comp"
    assert entity_name("Shot 10", lower=True, separator=".") == "shot.10"
    for nothing in ("", "  ", "%%%"):
        with pytest.raises(InvalidInputError, match="no entity name"):
            entity_name(nothing)
    with pytest.raises(InvalidInputError, match="separator"):
        entity_name("a b", separator=" ")


def _environment(server: StandInServer) -> dict[str, str]:
    return {
        "AYON_SERVER_URL": server.url,
        "AYON_API_KEY": server.api_key,
        "AYON_ADDON_NAME": "demo_pipeline",
        "AYON_ADDON_VERSION": "1.0.0",
        "AYON_SERVICE_NAME": "processor",
    }


def test_missing_service_variables_are_named_at_once() -> None:
    with pytest.raises(InvalidInputError) as missing:
        ServiceIdentity.from_env({"AYON_SERVER_URL": "http://x", "AYON_ADDON_NAME": ""})
    message = str(missing.value)
    assert "AYON_SERVER_URL" not in message
    for name in SERVICE_VARIABLES[1:]:
        assert name in message
    assert "\n" not in message


def test_a_service_gets_its_client_sender_and_settings(ayon_server: StandInServer) -> None:
    environment = _environment(ayon_server)
    with connect_service(environ=environment) as service:
        assert isinstance(service.client, AyonClient)
        assert (service.addon_name, service.addon_version) == ("demo_pipeline", "1.0.0")
        assert (service.sender, service.sender_type) == ("processor", "demo_pipeline")
        assert ayon_server.api_key not in repr(service)
        expected = service.client.rest.settings.studio("demo_pipeline", "1.0.0")
        typed = service.settings()
        assert isinstance(typed, DemoPipelineSettings)
        assert typed.model_dump(by_alias=True) == expected and expected
        assert service.settings(DemoPipelineSettings) == typed
        project = service.settings(DemoPipelineSettings, project=PROJECT)
        raw_project = service.client.rest.settings.project("demo_pipeline", "1.0.0", PROJECT)
        assert project.model_dump(by_alias=True) == raw_project
        with pytest.raises(InvalidInputError, match="no StudioToolsSettings settings model"):
            service.settings(StudioToolsSettings)
        before = len(ayon_server.events.all())
        tree = service.client.load_hierarchy(PROJECT)
        tree.create_folder("svc", folder_type="Folder")
        tree.commit()
    event = ayon_server.events.all()[before]
    assert (event["topic"], event["sender"], event["senderType"]) == (
        "entity.folder.created",
        "processor",
        "demo_pipeline",
    )


def test_the_async_twins(ayon_server: StandInServer) -> None:
    async def run() -> dict[str, Any]:
        service = connect_async_service(environ=_environment(ayon_server), sender_type="tracker")
        async with service:
            assert isinstance(service.client, AsyncAyonClient)
            settings = await service.settings(DemoPipelineSettings)
            tree = await service.client.load_hierarchy(PROJECT)
            assert isinstance(tree, AsyncHierarchy)
            made = tree.create_folder("async_top", folder_type="Folder", attrib={"fps": 30})
            tree.create_task(made, "comp", task_type="Compositing")
            result = await tree.commit()
            again = await service.client.load_hierarchy(PROJECT, root="/async_top")
            return {
                "settings": settings,
                "created": result.created,
                "ids": [made.id, made.tasks[0].id],
                "reloaded": [(f.path, f.attrib.fps) for f in again.folders()],
                "empty": (await tree.commit()).operations,
            }

    seen = asyncio.run(run())
    assert isinstance(seen["settings"], DemoPipelineSettings)
    assert seen["created"] == seen["ids"]
    assert seen["reloaded"] == [("/async_top", 30.0)]
    assert seen["empty"] == []
