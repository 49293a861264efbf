"""The stand-in's ``/ws`` against the recorded websocket transcripts of a real
AYON 1.16 server: auth without reply, prefix subscriptions, the project
filter, message shapes (no payload), heartbeats, a bad token closed."""

from __future__ import annotations

import json
import secrets
import threading
import time
from typing import Any

import httpx
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import ClientConnection, connect

from ayon_gql.testing import StandInServer
from tests._shared import SERVER_1_16, require_shared

from .conftest import HEARTBEAT


def _recording(name: str) -> dict[str, Any]:
    require_shared()
    path = SERVER_1_16 / "writes" / f"{name}.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _collect(socket: ClientConnection, seconds: float) -> tuple[list[dict[str, Any]], Any]:
    """Messages until ``seconds`` pass or the server closes; and the close code."""
    messages: list[dict[str, Any]] = []
    deadline = time.monotonic() + seconds
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            return messages, None
        try:
            messages.append(json.loads(socket.recv(timeout=left)))
        except TimeoutError:
            return messages, None
        except ConnectionClosed as closed:
            return messages, closed.rcvd.code if closed.rcvd else None


def _replay(name: str, server: StandInServer, token: str | None = None) -> tuple[list[Any], Any]:
    """Connect, send the recorded auth message, make the recorded REST calls.
    A write operation among them updates the recorded version, so the scratch
    project and its hierarchy are first made as the recording session made them."""
    recorded = _recording(name)["request"]
    http = httpx.Client(base_url=server.url, headers={"X-Api-Key": server.api_key})
    http.get("/api/users/me")  # the recording made this call before listening too
    if any(c["path"].endswith("/operations") for c in recorded["restCallsWhileListening"]):
        for setup in ("write-project-create", "write-ops-create-hierarchy"):
            request = _recording(setup)["request"]
            made = http.request(request["method"], request["path"], json=request["json"])
            assert made.status_code == _recording(setup)["response"]["status"]
    auth = dict(recorded["sent"][0])
    auth["token"] = token or server.api_key
    # The PATCH names the first dispatched event by its recorded id.
    patched = [c["path"].rsplit("/", 1)[-1] for c in recorded["restCallsWhileListening"]]
    first_id = next(p for p in patched if len(p) == 32)
    ids: dict[str, str] = {}
    with connect(server.url.replace("http", "ws", 1) + "/ws") as socket:
        socket.send(json.dumps(auth))
        time.sleep(0.05)
        for call in recorded["restCallsWhileListening"]:
            path = call["path"]
            for old, new in ids.items():
                path = path.replace(old, new)
            answer = http.request(call["method"], path, json=call["json"])
            assert answer.status_code == call["status"]
            if call["method"] == "POST" and not ids:
                ids[first_id] = answer.json()["id"]
        return _collect(socket, 3 * HEARTBEAT + 0.1)


def _shape(message: dict[str, Any]) -> tuple[Any, ...]:
    return (
        message["topic"],
        message.get("project"),
        message.get("status"),
        message.get("description"),
        message.get("progress"),
        tuple(sorted(message)),
    )


def test_transcript_prefixes_project_filter_shapes_and_heartbeats(server: StandInServer) -> None:
    messages, closed = _replay("event-ws-transcript", server)
    want = _recording("event-ws-transcript")["response"]["messages"]
    events = [m for m in messages if m["topic"] != "heartbeat"]
    recorded_events = [m for m in want if m["topic"] != "heartbeat"]
    assert {m["topic"] for m in recorded_events} > {"test.ws.hello", "entity.version.tags_changed"}
    assert [_shape(m) for m in events] == [_shape(m) for m in recorded_events]
    assert "payload" not in events[0]
    # New events name no timezone; the update message ("half way") has +00:00 and no store.
    updated = next(m for m in events if m["description"] == "half way")
    assert "+" not in events[0]["createdAt"] and updated["createdAt"].endswith("+00:00")
    assert "store" not in updated and "store" in events[0]
    beats = [m for m in messages if m["topic"] == "heartbeat"]
    assert beats and all(m == {"topic": "heartbeat"} for m in beats)
    assert closed is None


def test_glob_subscription_matches_nothing_but_heartbeats(server: StandInServer) -> None:
    messages, closed = _replay("event-ws-glob-subscribe", server)
    recorded = _recording("event-ws-glob-subscribe")["response"]["messages"]
    assert {json.dumps(m) for m in recorded} == {'{"topic": "heartbeat"}'}
    assert messages and all(m == {"topic": "heartbeat"} for m in messages)
    assert closed is None


def test_bad_token_gets_nothing_and_is_closed(server: StandInServer) -> None:
    recorded = _recording("event-ws-bad-token")["response"]
    assert recorded["messages"] == [] and "code 1000" in recorded["closed"]
    messages, closed = _replay("event-ws-bad-token", server, token=secrets.token_hex(32))
    assert messages == []
    assert closed == 1000


def test_api_key_unused_on_rest_is_not_a_token() -> None:
    """As on the real server, a key becomes a websocket token once used on REST."""
    with StandInServer() as fresh:
        fresh.websocket.auth_timeout = 0.3
        url = fresh.url.replace("http", "ws", 1) + "/ws"
        auth = {"topic": "auth", "token": fresh.api_key, "subscribe": ["*"]}
        with connect(url) as socket:
            socket.send(json.dumps(auth))
            _, closed = _collect(socket, 2)
        assert closed == 1000
        httpx.get(fresh.url + "/api/users/me", headers={"X-Api-Key": fresh.api_key})
        with connect(url) as socket:
            socket.send(json.dumps(auth))
            sent = threading.Timer(
                0.05,
                lambda: httpx.post(
                    fresh.url + "/api/events",
                    json={"topic": "test.after", "store": False},
                    headers={"X-Api-Key": fresh.api_key},
                ),
            )
            sent.start()
            messages, closed = _collect(socket, 0.6)
            sent.join()
        assert closed is None
        assert [m["topic"] for m in messages] == ["test.after"]
