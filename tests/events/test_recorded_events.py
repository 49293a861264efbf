"""The recorded ``writes/event-*`` exchanges of a real AYON 1.16 server, replayed
in their recorded order (``writes/ORDER``) against the stand-in: same status
codes, same answer shapes, same statuses, retries and descriptions.

Ids differ per run, so every id the server answers is mapped from the
recorded one to ours before the next request uses it.
"""

from __future__ import annotations

import json
import re
from typing import Any

import httpx

from ayon_gql.testing import StandInServer
from ayon_gql.testing._event_enroll import job_hash
from tests._shared import SERVER_1_16, require_shared

WRITES = SERVER_1_16 / "writes"
# Replayed elsewhere: the websocket transcripts (test_websocket.py) and the
# entity events of write operations (tests/writes/test_recorded_writes.py,
# which replays the write-* steps they follow).
NOT_REST = {
    "event-graphql-entity-events",
    "event-ws-transcript",
    "event-ws-glob-subscribe",
    "event-ws-bad-token",
}
_UNRECORDED = re.compile(r"^# not recorded: (\w+) (\S+(?: of the job \S+ returned>)?)\s*(.*)$")
_JOB_OF = re.compile(r"<id of the job (\S+) returned>")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")


def _steps() -> list[tuple[str, Any]]:
    """("file", stem) for recordings, ("call", (method, path, body)) for the unsaved requests."""
    steps: list[tuple[str, Any]] = []
    for line in (WRITES / "ORDER").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line:
            continue
        found = _UNRECORDED.match(line)
        if found:
            method, path, rest = found.groups()
            body = rest.split(" -> ")[0].strip()
            steps.append(
                ("call", (method, path, json.loads(body) if body.startswith("{") else None))
            )
        elif not line.startswith("#") and line.startswith("event-") and line not in NOT_REST:
            steps.append(("file", line))
    return steps


class Replay:
    """Sends recorded requests with recorded ids swapped for ours."""

    def __init__(self, server: StandInServer) -> None:
        self.http = httpx.Client(base_url=server.url, headers={"X-Api-Key": server.api_key})
        self.ids: dict[str, str] = {}
        self.answers: dict[str, Any] = {}

    def mapped(self, value: Any) -> Any:
        text = json.dumps(value)
        for recorded, ours in self.ids.items():
            text = text.replace(recorded, ours)
        return json.loads(text)

    def send(self, method: str, path: str, body: Any, headers: Any = None) -> httpx.Response:
        return self.http.request(
            method,
            self.mapped(path),
            json=self.mapped(body) if body is not None else None,
            headers=headers,
        )

    def learn(self, recorded: Any, ours: Any) -> None:
        if isinstance(recorded, dict) and isinstance(ours, dict) and "id" in recorded:
            known = self.ids.get(recorded["id"])
            assert known in (None, ours["id"]), "the same recorded job mapped to two of ours"
            self.ids[recorded["id"]] = ours["id"]


def _compare(name: str, recorded: dict[str, Any], ours: httpx.Response, replay: Replay) -> None:
    want = recorded["response"]
    assert ours.status_code == want["status"], (name, ours.text)
    if "json" not in want:
        assert ours.content == b"", name
        return
    expected, got = want["json"], ours.json()
    assert set(got) == set(expected), name
    if "errors" in expected:
        pick = [(e["loc"], e["type"], e.get("ctx")) for e in expected["errors"]]
        assert [(e["loc"], e["type"], e.get("ctx")) for e in got["errors"]] == pick, name
        return
    if "detail" in expected:
        assert got["detail"] == expected["detail"], name
        return
    same = ["topic", "project", "user", "sender", "senderType", "status", "retries"]
    same += ["description", "summary", "payload"]
    for key in same:
        if key in expected:
            assert got[key] == expected[key], (name, key)
    if "dependsOn" in expected:
        assert got["dependsOn"] == replay.mapped(expected["dependsOn"]), name
    if "hash" in expected and _HEX64.match(expected["hash"]):
        # A job's hash: sha256 of [target topic, source id] as compact JSON.
        target = expected.get("topic") or recorded["request"]["json"]["targetTopic"]
        assert expected["hash"] == job_hash(target, expected["dependsOn"]), name
        assert got["hash"] == job_hash(target, got["dependsOn"]), name
    elif "hash" in expected:
        assert got["hash"] == replay.mapped(expected["hash"]), name


def test_event_recordings_replay_with_the_same_answers(server: StandInServer) -> None:
    require_shared()
    replay = Replay(server)
    replay.http.get("/api/users/me")
    for kind, step in _steps():
        if kind == "call":
            method, path, body = step
            path = _JOB_OF.sub(lambda m: replay.answers[m.group(1)]["id"], path)
            assert replay.send(method, path, body).status_code < 300, step
            continue
        recorded = json.loads((WRITES / f"{step}.json").read_text(encoding="utf-8"))
        request = recorded["request"]
        ours = replay.send(
            request["method"], request["path"], request.get("json"), request.get("headers")
        )
        if step == "event-graphql":
            _compare_graphql(recorded, ours, replay)
            continue
        _compare(step, recorded, ours, replay)
        if ours.status_code == 200 and ours.content:
            replay.learn(recorded["response"]["json"], ours.json())
            replay.answers[step] = ours.json()


def _compare_graphql(recorded: dict[str, Any], ours: httpx.Response, replay: Replay) -> None:
    want = recorded["response"]["json"]["data"]["events"]
    got = ours.json()["data"]["events"]
    assert got["pageInfo"] == want["pageInfo"]
    keys = ["topic", "status", "retries", "description", "sender", "project", "user"]
    keys += ["summary", "payload"]

    def rows(edges: list[dict[str, Any]], mapped: bool) -> list[tuple[Any, ...]]:
        out = []
        for edge in edges:
            node = edge["node"]
            ids = (node["id"], node["dependsOn"])
            if mapped:
                ids = (replay.mapped(node["id"]), replay.mapped(node["dependsOn"]))
            out.append((*ids, *(node[k] for k in keys)))
        return out

    # Newest first, each with its cursor, in the recorded order.
    assert rows(got["edges"], mapped=False) == rows(want["edges"], mapped=True)
    assert all(edge["cursor"] for edge in got["edges"])


def test_unrecorded_steps_are_parsed() -> None:
    """The replay makes the requests between recordings too (or it would prove nothing)."""
    require_shared()
    calls = [step for kind, step in _steps() if kind == "call"]
    assert [(m, p.split("/")[-1][:12]) for m, p, _ in calls] == [
        ("PATCH", "<id of the j"),
        ("PATCH", "<id of the j"),
        ("PATCH", "<id of the j"),
        ("GET", "me"),
    ]
