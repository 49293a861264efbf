"""Live listening: typed messages, the project filter, heartbeats, reconnects
with catch-up (nothing missed, nothing twice), sync and async."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable

import pytest

from ayon_gql import AsyncAyonClient, AyonClient, InvalidInputError
from ayon_gql.events import EventListener, EventMessage
from ayon_gql.testing import StandInServer

from .conftest import PROJECT


def _read_in_thread(listener: EventListener) -> tuple[list[EventMessage], threading.Thread]:
    got: list[EventMessage] = []

    def run() -> None:
        for message in listener:
            got.append(message)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return got, thread


def _wait_for(condition: Callable[[], bool], seconds: float = 5.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.01)


def test_typed_messages_with_project_filter_and_updates(client: AyonClient) -> None:
    with client.events.listen("test.", project=PROJECT, heartbeat_timeout=1.0) as listener:
        listener.start()
        got, thread = _read_in_thread(listener)
        time.sleep(0.3)  # a heartbeat came: the subscription is confirmed, all below is live
        mine = client.events.dispatch("test.mine", project=PROJECT, summary={"n": 1})
        client.events.dispatch("test.other", project="other_Project")
        client.events.dispatch("test.global", store=False)
        client.events.dispatch("elsewhere.topic", project=PROJECT)
        client.events.update(mine, status="in_progress", progress=40, description="half")
        _wait_for(lambda: len(got) == 3)
        # Heartbeats every 0.2 s keep a quiet socket open: no reconnect.
        time.sleep(0.5)
        assert listener.reconnects == 0
    thread.join(2)
    assert [(m.topic, m.status) for m in got] == [
        ("test.mine", "finished"),
        ("test.global", "finished"),
        ("test.mine", "in_progress"),
    ]
    first, _, update = got
    assert first.id == mine == update.id
    assert first.summary == {"n": 1} and first.store is True and not first.caught_up
    assert update.progress == 40.0 and update.description == "half"
    assert first.created_at.tzinfo is not None and update.created_at == first.created_at
    assert not hasattr(first, "payload")


def test_silent_socket_is_reopened(client: AyonClient, server: StandInServer) -> None:
    server.websocket.heartbeat_interval = 5.0
    with client.events.listen("test.", heartbeat_timeout=0.2) as listener:
        listener.start()
        got, thread = _read_in_thread(listener)
        _wait_for(lambda: listener.reconnects >= 1)
        client.events.dispatch("test.after")
        _wait_for(lambda: len(got) == 1)
    thread.join(2)
    assert got[0].topic == "test.after"


def _dispatch_while_dropping(client: AyonClient, server: StandInServer, count: int) -> list[str]:
    sent = []
    for index in range(count):
        sent.append(client.events.dispatch("test.stream", summary={"i": index}))
        if index % 10 == 5:
            server.websocket.drop_all()
    return sent


def test_no_event_missed_or_repeated_across_dropped_sockets(
    client: AyonClient, server: StandInServer
) -> None:
    client.events.dispatch("test.stream", summary={"before": True})  # not wanted: before start
    with client.events.listen("test.", heartbeat_timeout=1.0, reconnect_delay=0.01) as listener:
        listener.start()
        got, thread = _read_in_thread(listener)
        sent = _dispatch_while_dropping(client, server, 40)
        _wait_for(lambda: len(got) >= len(sent))
        time.sleep(0.2)  # anything repeated would arrive now
    thread.join(2)
    assert [m.id for m in got] == sent
    assert listener.reconnects >= 3
    assert any(m.caught_up for m in got) and any(not m.caught_up for m in got)


def test_event_dispatched_while_the_server_takes_the_subscription_is_not_missed(
    client: AyonClient, server: StandInServer
) -> None:
    """The first catch-up runs before a slow server has taken the new
    subscription; what is dispatched in between comes from the second one."""
    with client.events.listen("test.", heartbeat_timeout=2.0, reconnect_delay=0.01) as listener:
        listener.start()
        got, thread = _read_in_thread(listener)
        server.websocket.auth_delay = 0.4
        server.websocket.drop_all()
        _wait_for(lambda: listener.reconnects == 1)
        time.sleep(0.15)
        gap = client.events.dispatch("test.gap")
        _wait_for(lambda: len(got) == 1)
        time.sleep(0.3)
    thread.join(2)
    assert [m.id for m in got] == [gap]
    assert got[0].caught_up


def test_nothing_dispatched_after_start_is_missed_on_a_slow_server(
    client: AyonClient, server: StandInServer
) -> None:
    server.websocket.auth_delay = 0.3
    with client.events.listen("test.", heartbeat_timeout=2.0) as listener:
        listener.start()
        first = client.events.dispatch("test.early")  # before the server took the auth
        assert next(listener).id == first


def test_async_listener_catches_up_after_a_drop(server: StandInServer) -> None:
    async def scenario() -> tuple[list[str], list[str], int]:
        async with AsyncAyonClient(server.url, api_key=server.api_key) as client:
            listener = client.events.listen("test.", heartbeat_timeout=1.0, reconnect_delay=0.01)
            await listener.start()
            sent = [await client.events.dispatch("test.async", summary={"i": 0})]
            got = [(await listener.__anext__()).id]
            server.websocket.drop_all()
            sent += [await client.events.dispatch("test.async", summary={"i": i}) for i in (1, 2)]
            got += [(await listener.__anext__()).id for _ in (1, 2)]
            sent.append(await client.events.dispatch("test.async", summary={"i": 3}))
            got.append((await listener.__anext__()).id)
            reconnects = listener.reconnects
            await listener.aclose()
            return sent, got, reconnects

    sent, got, reconnects = asyncio.run(scenario())
    assert got == sent
    assert reconnects == 1


def test_unreachable_server_raises_after_bounded_reconnects(server: StandInServer) -> None:
    with AyonClient(server.url, api_key=server.api_key) as client:
        listener = client.events.listen(
            "test.", heartbeat_timeout=0.2, reconnect_delay=0.01, max_reconnects=2
        )
        listener.start()
        client.connection.settings = client.connection.settings.replace(
            base_url="http://127.0.0.1:9", retries=0
        )
        server.websocket.drop_all()
        from ayon_gql import TransportError

        with pytest.raises(TransportError, match="unreachable after 2 reconnects"):
            next(listener)


def test_bad_listen_arguments_are_refused_before_connecting(client: AyonClient) -> None:
    with pytest.raises(InvalidInputError, match="plain prefixes"):
        client.events.listen("test.*")
    with pytest.raises(InvalidInputError, match="at least one"):
        client.events.listen([])


def test_websocket_url_and_tls_follow_the_connection_settings() -> None:
    import ssl

    from ayon_gql import ConnectionSettings
    from ayon_gql.events._wire import ssl_context, websocket_url

    plain = ConnectionSettings("http://ayon.local:5000/", api_key="k")
    assert websocket_url(plain) == "ws://ayon.local:5000/ws" and ssl_context(plain) is None
    secure = ConnectionSettings("https://ayon.example.com", api_key="k")
    assert websocket_url(secure) == "wss://ayon.example.com/ws"
    context = ssl_context(secure)
    assert context is not None and context.verify_mode == ssl.CERT_REQUIRED
    unverified = ssl_context(secure.replace(verify=False))
    assert unverified is not None and unverified.verify_mode == ssl.CERT_NONE
    listener = AyonClient("http://ayon.local", api_key="secret-key").events.listen("entity.")
    assert "secret-key" not in repr(listener)


def test_a_refused_handshake_is_raised_and_an_unavailable_one_retried(
    client: AyonClient, server: StandInServer
) -> None:
    from ayon_gql import TransportError

    server.faults.fail(503, path="/ws", times=2)
    with client.events.listen("test.", reconnect_delay=0.01) as listener:
        listener.start()  # two 503 answers, then connected
        client.events.dispatch("test.after")
        assert next(listener).topic == "test.after"
    server.faults.fail(403, path="/ws")
    refused = client.events.listen("test.", reconnect_delay=0.01)
    with pytest.raises(TransportError, match=r"refused the connection \(HTTP 403\)"):
        refused.start()
