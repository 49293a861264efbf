"""``post_comment`` (mentions filed on the mentioned feeds) and ``site_roots`` (this machine)."""

from __future__ import annotations

import asyncio
from itertools import islice

import pytest

from ayon_gql import AsyncAyonClient, AyonClient, InvalidInputError
from ayon_gql.rest import apost_comment, asite_roots, mention, post_comment, site_roots
from ayon_gql.rest._shortcuts import this_platform
from ayon_gql.testing import DEMO_PROJECT, StandInServer

_FEED = """
query Feed($project: String!, $ids: [String!]) {
  project(name: $project) { versions(ids: $ids) { edges { node {
    activities(first: 20) { edges { node { activityId referenceType body } } }
  } } } }
}
"""


def _feed(client: AyonClient, version_id: str) -> list[dict[str, str]]:
    answer = client.execute(_FEED, {"project": DEMO_PROJECT, "ids": [version_id]})
    edges = answer["project"]["versions"]["edges"][0]["node"]["activities"]["edges"]
    return [edge["node"] for edge in edges]


def test_a_comment_with_mentions_is_filed_on_the_mentioned_entity(
    ayon_server: StandInServer,
) -> None:
    with AyonClient(ayon_server.url, api_key=ayon_server.api_key) as client:
        first, second = islice(client.iter_versions(DEMO_PROJECT), 2)
        activity = post_comment(
            client, DEMO_PROJECT, "version", first.id, "Look",
            users=["admin"], entities={second.id: ("version", "v002")},
        )  # fmt: skip
        expected = f"Look @[admin](user:admin) [v002](version:{second.id})"
        origin = [a for a in _feed(client, first.id) if a["activityId"] == activity]
        mentioned = [a for a in _feed(client, second.id) if a["activityId"] == activity]
        assert [(a["referenceType"], a["body"]) for a in origin] == [("origin", expected)]
        assert [(a["referenceType"], a["body"]) for a in mentioned] == [("mention", expected)]


def test_bad_comments_fail_before_sending(ayon_server: StandInServer) -> None:
    with AyonClient(ayon_server.url, api_key=ayon_server.api_key) as client:
        ayon_server.clear_requests()
        with pytest.raises(InvalidInputError, match="needs text or mentions"):
            post_comment(client, DEMO_PROJECT, "version", "0" * 32, "  ")
        with pytest.raises(InvalidInputError, match="entity_type must be one of"):
            post_comment(client, DEMO_PROJECT, "shot", "0" * 32, "x")
        with pytest.raises(InvalidInputError, match="does not match"):
            post_comment(client, DEMO_PROJECT, "version", "nope", "x")
        assert ayon_server.requests == []
    assert mention("bob", "Bob") == "@[Bob](user:bob)"


def test_site_roots_follow_this_machines_site(
    ayon_server: StandInServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    with AyonClient(ayon_server.url, api_key=ayon_server.api_key) as client:
        client.api.projects.set_project_roots_overrides(DEMO_PROJECT, "farm", {"work": "/farm"})
        monkeypatch.delenv("AYON_SITE_ID", raising=False)
        default = site_roots(client, DEMO_PROJECT)
        assert ayon_server.requests[-1].query == {"platform": [this_platform()]}
        monkeypatch.setenv("AYON_SITE_ID", "farm")
        assert site_roots(client, DEMO_PROJECT) == {"work": "/farm"}
        assert ayon_server.requests[-1].headers["x-ayon-site-id"] == "farm"
        assert site_roots(client, DEMO_PROJECT, site_id="other") == default

    async def run() -> tuple[dict[str, str], str]:
        async with AsyncAyonClient(ayon_server.url, api_key=ayon_server.api_key) as client:
            versions = client.api.versions
            assert versions is client.api.versions  # one group object per client
            roots = await asite_roots(client, DEMO_PROJECT)
            first = await client.get_versions(DEMO_PROJECT, first=1)
            node = first.project.versions.edges[0].node
            made = await apost_comment(client, DEMO_PROJECT, "version", node.id, "async")
            return roots, made

    roots, made = asyncio.run(run())
    assert roots == {"work": "/farm"} and len(made) == 32
