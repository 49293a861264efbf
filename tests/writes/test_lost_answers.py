"""A commit is never applied twice and never misreported: when its answer is
lost (the connection cut after the server committed, a 503 or 504 from a
proxy, a timeout), the client finds out what happened."""

from __future__ import annotations

import asyncio
import time

import pytest
from ayon_gql_generated.write_models import FolderCreate, VersionUpdate

from ayon_gql import AyonClient, CommitError, CommitOutcomeUnknownError
from ayon_gql.testing import StandInServer
from tests.writes.conftest import OPERATIONS_PATH, PROJECT, commits, existing


def _created_events(server: StandInServer, entity_id: str) -> int:
    return sum(
        1
        for e in server.events.all()
        if e["topic"] == "entity.folder.created" and e["summary"]["entityId"] == entity_id
    )


def _publish_folder(client: AyonClient, name: str, *, can_fail: bool = False) -> tuple[str, object]:
    with client.operations(PROJECT, can_fail=can_fail) as ops:
        folder_id = ops.create(FolderCreate(name=name, folder_type="Shot"))
    return folder_id, ops.result


def test_answer_cut_after_the_commit_is_settled_by_looking_up(
    client: AyonClient, ayon_server: StandInServer
) -> None:
    ayon_server.faults.drop(path=OPERATIONS_PATH, after_bytes=10)
    folder_id, result = _publish_folder(client, "sh960")
    assert result.success and result.settled_by == "lookup"  # type: ignore[attr-defined]
    assert len(commits(ayon_server)) == 1  # not sent again
    assert _created_events(ayon_server, folder_id) == 1


@pytest.mark.parametrize("status", [502, 504])
def test_a_proxy_error_after_the_commit_is_settled_by_looking_up(
    client: AyonClient, ayon_server: StandInServer, status: int
) -> None:
    ayon_server.faults.fail(status, path=OPERATIONS_PATH, served=True)
    folder_id, result = _publish_folder(client, f"sh96{status}")
    assert result.success and result.settled_by == "lookup"  # type: ignore[attr-defined]
    assert len(commits(ayon_server)) == 1
    assert _created_events(ayon_server, folder_id) == 1


def test_a_503_before_the_commit_is_sent_again_once(
    client: AyonClient, ayon_server: StandInServer
) -> None:
    ayon_server.faults.fail(503, path=OPERATIONS_PATH)
    folder_id, result = _publish_folder(client, "sh961")
    assert result.success and result.settled_by == "resend"  # type: ignore[attr-defined]
    assert len(commits(ayon_server)) == 2
    assert [n["id"] for n in existing(ayon_server, "folders", [folder_id])] == [folder_id]


def test_a_timeout_while_the_server_works_commits_once(
    ayon_server: StandInServer,
) -> None:
    # The server takes longer than the client waits: the client looks up (not
    # there yet), sends again; one of the two deliveries commits, the other is
    # refused on the client-made id.
    ayon_server.faults.delay(1.0, path=OPERATIONS_PATH)
    with AyonClient(ayon_server.url, api_key=ayon_server.api_key, timeout=0.3) as client:
        folder_id, result = _publish_folder(client, "sh962")
    assert result.success and result.settled_by in ("lookup", "resend")  # type: ignore[attr-defined]
    time.sleep(1.0)  # let the slow first delivery finish
    assert len(existing(ayon_server, "folders", [folder_id])) == 1
    assert _created_events(ayon_server, folder_id) == 1


def test_can_fail_commits_are_settled_operation_by_operation(
    client: AyonClient, ayon_server: StandInServer
) -> None:
    ayon_server.faults.drop(path=OPERATIONS_PATH, after_bytes=10)
    folder_id, result = _publish_folder(client, "sh963", can_fail=True)
    assert result.success and result.settled_by == "resend"  # type: ignore[attr-defined]
    # The resend was refused as a duplicate of our own id: that is the proof.
    resent = commits(ayon_server)
    assert len(resent) == 2 and resent[0].json == resent[1].json
    assert _created_events(ayon_server, folder_id) == 1


def test_deletes_are_settled_by_looking_their_entities_up(
    client: AyonClient, ayon_server: StandInServer
) -> None:
    version = next(client.iter_versions(PROJECT))
    folder_id, _ = _publish_folder(client, "sh964")
    ayon_server.faults.drop(path=OPERATIONS_PATH, after_bytes=10)
    with client.operations(PROJECT) as ops:
        ops.update(version.id, VersionUpdate(status="Omitted"))
        ops.delete("folder", folder_id)
    # The folder is gone: the lost request committed; its update is sent again.
    assert ops.result is not None and ops.result.success and ops.result.settled_by == "lookup"
    assert [op.status for op in ops.result.operations] == [204, 204]
    sent = [r.json["operations"] for r in commits(ayon_server)]
    assert [[op["type"] for op in body] for body in sent[-2:]] == [["update", "delete"], ["update"]]
    assert client.get_version(PROJECT, version.id).project.version.status == "Omitted"
    assert existing(ayon_server, "folders", [folder_id]) == []


def test_a_lost_refusal_is_not_reported_as_success(
    client: AyonClient, ayon_server: StandInServer
) -> None:
    # Deleting a folder that never existed fails; its answer lost, the client
    # must not take the missing folder for its own doing.
    folder_id, _ = _publish_folder(client, "sh967")
    ayon_server.faults.drop(path=OPERATIONS_PATH, after_bytes=10)
    with pytest.raises(CommitError) as caught, client.operations(PROJECT) as ops:
        ops.delete("folder", folder_id)
        ops.delete("folder", "62787ebfefd747b38b95979b0a06c920")
    assert caught.value.failed.position == 1 and caught.value.failed.status == 404
    assert caught.value.result.settled_by == "resend"
    assert len(existing(ayon_server, "folders", [folder_id])) == 1  # rolled back


def test_an_unreachable_server_leaves_the_outcome_open_and_says_so(
    ayon_server: StandInServer,
) -> None:
    ayon_server.faults.drop(path=OPERATIONS_PATH, after_bytes=10)
    ayon_server.faults.fail(503, times=100)
    with AyonClient(ayon_server.url, api_key=ayon_server.api_key, retries=1) as client:
        client.connection.settings = client.connection.settings.replace(backoff=0.01)
        with pytest.raises(CommitOutcomeUnknownError) as caught, client.operations(PROJECT) as ops:
            folder_id = ops.create(FolderCreate(name="sh965", folder_type="Shot"))
    assert caught.value.entity_ids == [folder_id]
    assert folder_id in str(caught.value) and "\n" not in str(caught.value)
    ayon_server.faults.reset()
    assert len(existing(ayon_server, "folders", [folder_id])) == 1  # it did commit


def test_the_async_session_settles_a_lost_answer_too(ayon_server: StandInServer) -> None:
    from ayon_gql import AsyncAyonClient

    ayon_server.faults.drop(path=OPERATIONS_PATH, after_bytes=10)

    async def publish() -> tuple[str, object]:
        async with AsyncAyonClient(ayon_server.url, api_key=ayon_server.api_key) as client:
            async with client.operations(PROJECT) as ops:
                folder_id = ops.create(FolderCreate(name="sh966", folder_type="Shot"))
            return folder_id, ops.result

    folder_id, result = asyncio.run(publish())
    assert result.success and result.settled_by == "lookup"  # type: ignore[attr-defined]
    assert len(commits(ayon_server)) == 1
    assert _created_events(ayon_server, folder_id) == 1
