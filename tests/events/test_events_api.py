"""Events through the client: typed dispatch, get, update, delete, errors, the
generated ``iter_events`` with decoded summary and payload, and enroll."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta, timezone

import pytest

from ayon_gql import (
    AsyncAyonClient,
    AyonClient,
    DuplicateEventError,
    InvalidInputError,
    NotFoundError,
    RequestValidationError,
)
from ayon_gql.events import Event
from ayon_gql.testing import StandInServer

from .conftest import PROJECT


def test_dispatch_get_update_delete(client: AyonClient) -> None:
    events = client.events
    event_id = events.dispatch(
        "studio.render.done",
        project=PROJECT,
        summary={"frames": 120},
        payload={"files": ["a.exr"]},
        description="rendered",
        sender="farm-7",
        sender_type="farm",
    )
    event = events.get(event_id)
    assert isinstance(event, Event)
    assert (event.topic, event.project, event.sender, event.sender_type) == (
        "studio.render.done",
        PROJECT,
        "farm-7",
        "farm",
    )
    assert event.status == "finished" and event.user == "service" and event.hash == event_id
    assert event.summary == {"frames": 120} and event.payload == {"files": ["a.exr"]}
    assert event.created_at.tzinfo is not None
    events.update(event_id, status="failed", description="bad frames", retries=2, summary={"x": 1})
    changed = events.get(event_id)
    assert (changed.status, changed.description, changed.retries, changed.summary) == (
        "failed",
        "bad frames",
        2,
        {"x": 1},
    )
    assert changed.payload == {"files": ["a.exr"]}  # not given, not changed
    events.delete(event_id)
    with pytest.raises(NotFoundError):
        events.get(event_id)
    with pytest.raises(NotFoundError):
        events.update(event_id, status="finished")


def test_repeated_hash_raises_or_reuses(client: AyonClient) -> None:
    first = client.events.dispatch("studio.leech", event_hash="ftrack-123", summary={"v": 1})
    with pytest.raises(DuplicateEventError) as caught:
        client.events.dispatch("studio.leech", event_hash="ftrack-123")
    assert caught.value.status_code == 409 and caught.value.event_hash == "ftrack-123"
    assert "same hash" in str(caught.value) and "\n" not in str(caught.value)
    second = client.events.dispatch(
        "studio.leech", event_hash="ftrack-123", summary={"v": 2}, reuse=True
    )
    assert second != first
    assert client.events.get(second).summary == {"v": 2}
    with pytest.raises(NotFoundError):
        client.events.get(first)


def test_unstored_and_unfinished_events(client: AyonClient) -> None:
    volatile = client.events.dispatch("studio.ping", store=False)
    with pytest.raises(NotFoundError):
        client.events.get(volatile)
    pending = client.events.dispatch("studio.import", finished=False)
    assert client.events.get(pending).status == "pending"


def test_bad_input_is_refused_before_sending(client: AyonClient, server: StandInServer) -> None:
    server.clear_requests()
    with pytest.raises(InvalidInputError, match="not a valid topic"):
        client.events.dispatch("x!")
    with pytest.raises(InvalidInputError, match="status 'done'"):
        client.events.update("0" * 32, status="done")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="32 lowercase hex"):
        client.events.get("not-an-id")
    with pytest.raises(InvalidInputError, match="wildcards"):
        client.events.enroll("test.source", "test.*")
    with pytest.raises(InvalidInputError, match="between 0 and 100"):
        client.events.update("0" * 32, progress=120)
    assert server.requests == []


def test_server_validation_errors_are_typed(client: AyonClient) -> None:
    with pytest.raises(RequestValidationError) as caught:
        client.events.connection.request(
            "PATCH", "/api/events/" + "0" * 32, json={"status": "done"}, operation="raw"
        )
    assert caught.value.errors[0]["loc"] == ["body", "status"]


def test_iter_events_filters_and_decodes(client: AyonClient) -> None:
    before = datetime.now(timezone.utc) - timedelta(seconds=1)
    for index in range(4):
        client.events.dispatch(
            f"studio.step.{'a' if index % 2 else 'b'}",
            project=PROJECT,
            summary={"i": index},
            payload={"big": [index] * 3},
            finished=index != 3,
        )
    client.events.dispatch("studio.step.a", project="other_Project")
    found = list(client.iter_events(topics=["studio.step.*"], projects=[PROJECT], page_size=1))
    assert [e.summary_decoded for e in found] == [{"i": i} for i in range(4)]
    assert found[1].payload_decoded == {"big": [1, 1, 1]}
    only_a = client.iter_events(topics=["studio.step.a"], projects=[PROJECT])
    assert [e.summary_decoded["i"] for e in only_a] == [1, 3]
    pending = client.iter_events(statuses=["pending"], newer_than=before.isoformat())
    assert [e.summary_decoded["i"] for e in pending] == [3]
    assert list(client.iter_events(older_than=before.isoformat(), topics=["studio.*"])) == []


def test_enroll_returns_a_typed_job_or_none(client: AyonClient) -> None:
    assert client.events.enroll("studio.src", "studio.dst", sender="w1") is None
    source = client.events.dispatch("studio.src", summary={"path": "/a"}, payload={"p": 1})
    job = client.events.enroll("studio.src", "studio.dst", sender="w1", description="copying")
    assert job is not None
    assert job.depends_on == source and job.status == "pending" and job.sender == "w1"
    assert job.source().payload == {"p": 1}
    again = client.events.enroll("studio.src", "studio.dst", sender="w1")
    assert again is not None and again.id == job.id  # the same sender gets its job back
    assert client.events.enroll("studio.src", "studio.dst", sender="w2") is None
    stored = job.event()
    assert (stored.topic, stored.status, stored.description) == ("studio.dst", "pending", "copying")


def test_job_context_manager_finishes_or_fails(client: AyonClient) -> None:
    for name in ("ok", "bad"):
        client.events.dispatch("studio.src", summary={"name": name})
    job = client.events.enroll("studio.src", "studio.dst", sender="w1")
    assert job is not None
    with job:
        job.progress(50, "half way")
        assert client.events.get(job.id).status == "in_progress"
    assert client.events.get(job.id).status == "finished" and job.done
    failing = client.events.enroll("studio.src", "studio.dst", sender="w1", max_retries=0)
    assert failing is not None
    with pytest.raises(ValueError), failing:
        raise ValueError("no such\nfile")
    stored = client.events.get(failing.id)
    assert (stored.status, stored.description) == ("failed", "ValueError: no such file")
    # Failed with retries left: handed out again, once (max_retries=0 -> retries 0 <= 0).
    retried = client.events.enroll("studio.src", "studio.dst", sender="w9", max_retries=0)
    assert retried is not None and retried.id == failing.id
    assert client.events.get(retried.id).retries == 1
    retried.fail("again")
    assert client.events.enroll("studio.src", "studio.dst", sender="w9", max_retries=0) is None


def test_enroll_options_reach_the_server(client: AyonClient) -> None:
    client.events.dispatch("studio.src", sender_type="importer", summary={"kind": "plate"})
    client.events.dispatch("studio.src", summary={"kind": "plate"})
    client.events.dispatch("studio.src", summary={"kind": "audio"})
    ignoring = client.events.enroll(
        ["studio.src", "other.topic"],
        "studio.dst",
        sender="w1",
        ignore_sender_types=["importer"],
        filter={"conditions": [{"key": "summary/kind", "value": "audio"}]},
    )
    assert ignoring is not None
    assert client.events.get(ignoring.depends_on).summary == {"kind": "audio"}


def test_sequential_waits_for_the_older_source(client: AyonClient) -> None:
    for index in range(2):
        client.events.dispatch("studio.src", summary={"i": index})
    held = client.events.enroll("studio.src", "studio.dst", sender="w1", sequential=True)
    assert held is not None
    assert client.events.enroll("studio.src", "studio.dst", sender="w2", sequential=True) is None
    assert client.events.enroll("studio.src", "studio.dst", sender="w2") is not None
    held.finish()


def test_async_events(server: StandInServer) -> None:
    async def scenario() -> tuple[str, str, str]:
        async with AsyncAyonClient(server.url, api_key=server.api_key) as client:
            source = await client.events.dispatch("studio.src", summary={"n": 1})
            with pytest.raises(DuplicateEventError):
                await client.events.dispatch("studio.src", event_hash=source)
            job = await client.events.enroll("studio.src", "studio.dst", sender="aw")
            assert job is not None
            async with job:
                assert (await job.source()).summary == {"n": 1}
                await job.progress(10)
            await client.events.update(source, description="seen")
            stored = await client.events.get(job.id)
            described = (await client.events.get(source)).description or ""
            await client.events.delete(source)
            return stored.status, described, job.depends_on

    status, description, depends_on = asyncio.run(scenario())
    assert (status, description) == ("finished", "seen") and len(depends_on) == 32
