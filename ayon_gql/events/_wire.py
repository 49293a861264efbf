"""What the sync and async listeners share: the websocket URL and TLS from the
connection settings, the auth message, which messages a subscription wants,
de-duplication, backoff, and the catch-up query run after a reconnect."""

from __future__ import annotations

import json
import random
import ssl
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from datetime import datetime, timedelta
from typing import Any

from ayon_gql._connection_settings import ConnectionSettings
from ayon_gql._errors import AyonError, InvalidInputError, TransportError
from ayon_gql.events._models import EventMessage, utc

__all__ = [
    "CATCH_UP_QUERY",
    "WATERMARK_QUERY",
    "Backoff",
    "Seen",
    "Subscription",
    "ssl_context",
    "websocket_url",
]

#: Server messages that are not events.
_SERVER_TOPICS = ("heartbeat", "server.started", "server.restart_requested")

#: The events a listener missed while disconnected, oldest first.
CATCH_UP_QUERY = """
query CatchUpEvents($topics: [String!], $newerThan: String, $first: Int, $after: String) {
  events(topics: $topics, newerThan: $newerThan, first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node {
      id topic project user sender dependsOn status description summary createdAt updatedAt
    } }
  }
}
"""
CATCH_UP_PAGE = 500

#: The newest event when a listener starts: catch-ups read only what came after it.
WATERMARK_QUERY = """
query EventWatermark { events(last: 1) { edges { cursor node { createdAt } } } }
"""
#: How far before the last seen event the catch-up starts (clock steps, equal stamps).
CATCH_UP_MARGIN = timedelta(seconds=1)


def websocket_url(settings: ConnectionSettings) -> str:
    """``ws://host/ws`` (or ``wss://``) for the server the settings point at."""
    base = settings.base_url
    scheme, rest = base.split("://", 1)
    return f"{'wss' if scheme == 'https' else 'ws'}://{rest}/ws"


def ssl_context(settings: ConnectionSettings) -> ssl.SSLContext | None:
    """TLS for ``wss://`` with the same CA file / client certificate as HTTP."""
    if not settings.base_url.startswith("https://"):
        return None
    if settings.verify is False:
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    elif isinstance(settings.verify, str):
        context = ssl.create_default_context(cafile=settings.verify)
    else:
        context = ssl.create_default_context()
    if settings.cert:
        context.load_cert_chain(settings.cert)
    return context


def websocket_token(settings: ConnectionSettings) -> str:
    """The token the websocket's auth message carries (API key or session token)."""
    token = settings.api_key or settings.token
    if not token:
        raise InvalidInputError("listening needs credentials: an API key or a token")
    return token


def missing_library() -> AyonError:
    """The error when the websocket library is not installed."""
    return AyonError(
        "listening to live events needs the events extra: pip install 'ayon-gql[events]'"
    )


def websocket_errors() -> tuple[type[Exception], type[Exception]]:
    """The library's ``ConnectionClosed`` and ``WebSocketException``, or the extra to install."""
    try:
        from websockets.exceptions import ConnectionClosed, WebSocketException
    except ImportError:
        raise missing_library() from None
    return ConnectionClosed, WebSocketException


def fatal(exc: BaseException) -> AyonError | None:
    """The error to raise at once for a connect failure that retrying cannot mend
    (a refused handshake, a certificate that does not verify); ``None`` to retry."""
    if isinstance(exc, ssl.SSLCertVerificationError):
        return TransportError(
            f"event websocket: TLS certificate not verified ({exc.verify_message})",
            operation="listen",
        )
    status = getattr(getattr(exc, "response", None), "status_code", None)
    if isinstance(status, int) and 400 <= status < 500:
        return TransportError(
            f"event websocket: the server refused the connection (HTTP {status})",
            operation="listen",
        )
    return None


class Subscription:
    """Which events a listener wants: topic prefixes (``"*"``: all) and a project."""

    def __init__(self, topics: str | Sequence[str], project: str | None) -> None:
        chosen = [topics] if isinstance(topics, str) else list(topics)
        if not chosen:
            raise InvalidInputError("listen needs at least one topic prefix (or '*')")
        for topic in chosen:
            if not isinstance(topic, str) or not topic:
                raise InvalidInputError(f"topic prefix {topic!r} must be a non-empty string")
            if "*" in topic and topic != "*":
                raise InvalidInputError(
                    f"topic {topic!r}: the websocket takes plain prefixes "
                    "('entity.version.' or 'entity.version'), or '*' for everything"
                )
        self.topics = tuple(chosen)
        self.project = project

    def auth_message(self, token: str) -> str:
        """The first message on the socket."""
        message: dict[str, Any] = {"topic": "auth", "token": token, "subscribe": list(self.topics)}
        if self.project:
            message["project"] = self.project
        return json.dumps(message)

    def wants(self, topic: str, project: str | None) -> bool:
        """What the server would push to this subscription."""
        if "*" not in self.topics and not any(topic.startswith(t) for t in self.topics):
            return False
        return self.project is None or project is None or project == self.project

    def query_topics(self) -> list[str] | None:
        """The prefixes as ``events(topics:)`` wildcards (``None``: every topic)."""
        return None if "*" in self.topics else [f"{t}*" for t in self.topics]


def parse_message(text: str | bytes) -> EventMessage | None:
    """An event from one websocket message; ``None`` for heartbeats and server notices."""
    try:
        data = json.loads(text)
    except ValueError:
        return None
    if not isinstance(data, dict) or data.get("topic") in _SERVER_TOPICS or "id" not in data:
        return None
    try:
        return EventMessage.model_validate(data)
    except ValueError as exc:
        import logging

        logging.getLogger("ayon_gql.events").warning(
            "websocket message %s (%s) skipped: not an event as expected: %s",
            data.get("id"),
            data.get("topic"),
            " ".join(str(exc).split()),
        )
        return None


def message_from_node(node: dict[str, Any]) -> EventMessage:
    """An event read through the ``events`` query, as a message."""
    summary = node.get("summary")
    return EventMessage.model_validate(
        {
            **node,
            "summary": json.loads(summary) if isinstance(summary, str) and summary else {},
            "store": True,
            "caught_up": True,
        }
    )


def watermark(data: dict[str, Any]) -> tuple[str | None, datetime | None]:
    """The cursor and ``createdAt`` of the newest event (``None``s: no events yet)."""
    edges = (data.get("events") or {}).get("edges") or []
    if not edges:
        return None, None
    created = edges[0].get("node", {}).get("createdAt")
    return edges[0].get("cursor"), (utc(created) if isinstance(created, str) else None)


def catch_up_variables(
    subscription: Subscription, since: datetime, after: str | None
) -> dict[str, Any]:
    """Variables of :data:`CATCH_UP_QUERY` for one page."""
    return {
        "topics": subscription.query_topics(),
        "newerThan": (since - CATCH_UP_MARGIN).isoformat(),
        "first": CATCH_UP_PAGE,
        "after": after,
    }


def catch_up_page(
    data: dict[str, Any], subscription: Subscription
) -> tuple[list[EventMessage], str | None]:
    """The wanted events of one page, and the cursor of the next (``None``: done)."""
    connection = data.get("events") or {}
    found = []
    for edge in connection.get("edges") or []:
        node = edge.get("node") or {}
        if subscription.wants(str(node.get("topic", "")), node.get("project")):
            found.append(message_from_node(node))
    info = connection.get("pageInfo") or {}
    more = bool(info.get("hasNextPage")) and bool(found or connection.get("edges"))
    return found, (info.get("endCursor") if more else None)


class Seen:
    """What was yielded, so that no event comes twice across a reconnect, none
    goes back to an older state, and the newest ``createdAt`` seen, where a
    catch-up starts.

    Live messages are not dropped as repeats of each other (the server sends
    each change once, and a change may differ only in ``progress``), but a
    live message older than the state already yielded for its event (a
    catch-up read the event after that change) is.  An event read by a
    catch-up is skipped when its state (status, description) was already
    yielded, and a live message repeating what a catch-up yielded is skipped
    once.
    """

    def __init__(self, since: datetime, limit: int = 20_000) -> None:
        self._state: OrderedDict[str, tuple[str, str | None, datetime]] = OrderedDict()
        self._caught: dict[str, tuple[str, str | None]] = {}
        self._limit = limit
        self.newest = since

    def _remember(self, message: EventMessage) -> None:
        self._state[message.id] = (message.status, message.description, message.updated_at)
        self._state.move_to_end(message.id)
        if len(self._state) > self._limit:
            self._state.popitem(last=False)
        if message.created_at > self.newest:
            self.newest = message.created_at

    def live(self, message: EventMessage) -> bool:
        """True when a pushed message is to be yielded."""
        state = (message.status, message.description)
        if self._caught.get(message.id) == state:
            del self._caught[message.id]
            return False
        known = self._state.get(message.id)
        if known is not None and message.updated_at < known[2]:
            return False
        self._remember(message)
        return True

    def new_catch_up(self) -> None:
        """Forget what the previous catch-up yielded (its overlap with live messages is over)."""
        self._caught.clear()

    def caught_up(self, message: EventMessage) -> bool:
        """True when an event read by a catch-up is to be yielded."""
        state = (message.status, message.description)
        known = self._state.get(message.id)
        if known is not None and (known[:2] == state or message.updated_at <= known[2]):
            return False
        self._remember(message)
        self._caught[message.id] = state
        if len(self._caught) > self._limit:
            self._caught.pop(next(iter(self._caught)))
        return True


class Backoff:
    """Reconnect delays: ``first``, doubling up to ``limit``, with jitter; reset on success."""

    def __init__(self, first: float = 0.1, limit: float = 10.0) -> None:
        self.first = first
        self.limit = limit
        self._attempt = 0

    def reset(self) -> None:
        self._attempt = 0

    @property
    def attempts(self) -> int:
        return self._attempt

    def next_delay(self) -> float:
        delay = min(self.limit, self.first * (2**self._attempt))
        self._attempt += 1
        return float(delay * (0.75 + random.random() / 4))

    def __iter__(self) -> Iterator[float]:
        while True:
            yield self.next_delay()
