"""A stand-in server whose demo project has some versions with many representations."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

import pytest

from ayon_gql import AyonClient
from ayon_gql.testing import DEMO_PROJECT, ProjectData, StandInServer, generate_dataset

PROJECT = DEMO_PROJECT

#: Extra representations given to three latest versions of the demo project.
EXTRA = (5, 40, 130)


def add_representations(project: ProjectData, version_id: str, count: int) -> None:
    """Give a version ``count`` more representations (copies of its first one)."""
    template = project.reps_by_version[version_id][0]
    order = max(rep["_order"] for rep in project.representations)
    for index in range(count):
        order += 1
        rep_id = hashlib.md5(f"{version_id}/{index}".encode()).hexdigest()
        rep = dict(template, id=rep_id, name=f"extra{index:04d}", _order=order)
        project.representations.append(rep)
        project.by_id[rep_id] = rep
        project.reps_by_version[version_id].append(rep)


def latest_versions(project: ProjectData) -> list[str]:
    return [version["id"] for version in project.versions if version.get("isLatest")]


@pytest.fixture(scope="module")
def nested_server() -> Iterator[StandInServer]:
    """One server per module, its demo project with a few crowded versions."""
    with StandInServer(generate_dataset()) as server:
        project = server.dataset.project(PROJECT)
        assert project is not None
        for version_id, count in zip(latest_versions(project)[3::7], EXTRA, strict=False):
            add_representations(project, version_id, count)
        yield server


@pytest.fixture
def server(nested_server: StandInServer) -> StandInServer:
    nested_server.reset()
    return nested_server


@pytest.fixture
def client(server: StandInServer) -> Iterator[AyonClient]:
    with AyonClient(server.url, api_key=server.api_key) as created:
        yield created


def expected_children(server: StandInServer) -> dict[str, list[str]]:
    """Each latest version's representation ids, in the server's order: the oracle."""
    project = server.dataset.project(PROJECT)
    assert project is not None
    return {
        version_id: [rep["id"] for rep in project.reps_by_version[version_id]]
        for version_id in latest_versions(project)
    }


def graphql_bodies(server: StandInServer) -> list[dict[str, object]]:
    return [r.json for r in server.requests if r.path == "/graphql" and isinstance(r.json, dict)]
