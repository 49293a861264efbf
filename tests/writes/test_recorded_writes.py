"""The recorded writes of a real AYON 1.16.0 server, replayed in their order
against the stand-in: same statuses, same answer shapes, same errors, and the
same ``entity.*`` events.

The recordings are one session (``writes/ORDER``); ids the server made
(operation, thumbnail, activity ids) differ per run, so they are mapped from
the recorded answer to the stand-in's as they appear and substituted in the
later requests.
"""

from __future__ import annotations

import json
import re
import struct
import zlib
from pathlib import Path
from typing import Any

import httpx

from ayon_gql.testing import StandInServer
from tests._replay import assert_like, learn_ids, mapped
from tests._shared import SERVER_1_16, require_shared

WRITES = SERVER_1_16 / "writes"
_BODY_NOTE = re.compile(r"^<(\d+) bytes of (.+)>$")
# Values that differ per run by nature.
_VOLATILE = {"createdAt", "updatedAt", "x-thumbnail-time"}
# Values only compared by type: the stand-in does not probe media, hashes
# thumbnails its own way, and names the service user as the main recordings do.
_BY_TYPE = (
    "mediaInfo.codec",
    "mediaInfo.width",
    "mediaInfo.height",
    "mediaInfo.duration",
    "mediaInfo.majorBrand",
    "thumbnailHash",
    "author.fullName",
)


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 64, 36, 8, 2, 0, 0, 0)
    rows = zlib.compress(b"".join(b"\x00" + b"\x10" * 192 for _ in range(36)))
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", rows) + chunk(b"IEND", b"")
    )


def _body(name: str, note: str) -> bytes:
    """Content like the recorded upload's: valid unless the recording is about a bad file."""
    match = _BODY_NOTE.match(note)
    assert match, note
    size, kind = int(match.group(1)), match.group(2)
    if "not-an-image" in name or "undecodable" in name:
        return b"\x13\x37" * (size // 2)
    if kind == "image/png":
        return _png()
    if kind == "video/mp4":
        return struct.pack(">I", 32) + b"ftypisom" + b"\x00" * (size - 12)
    return b"GIF89a" + b"\x00" * (size - 6) if kind == "image/gif" else b"%" * size


def _assert_like(recorded: Any, actual: Any, where: str, ids: dict[str, str]) -> None:
    assert_like(recorded, actual, where, ids, volatile=_VOLATILE, by_type=_BY_TYPE)


def _send(
    server: StandInServer, name: str, request: dict[str, Any], ids: dict[str, str], token: str
) -> httpx.Response:
    headers = dict(request.get("headers") or {})
    if request.get("auth") == "X-Api-Key":
        headers["X-Api-Key"] = server.api_key
    elif "Authorization" in headers:
        headers["Authorization"] = f"Bearer {token}"
    options: dict[str, Any] = {"params": request.get("params"), "headers": headers}
    if "json" in request:
        options["json"] = json.loads(mapped(json.dumps(request["json"]), ids))
    elif "body" in request:
        options["content"] = _body(name, request["body"])
    return httpx.request(
        request["method"], server.url + mapped(request["path"], ids), timeout=30, **options
    )


def _order() -> list[str]:
    lines = (WRITES / "ORDER").read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.startswith("write-")]


def test_recorded_writes_replay_with_the_same_answers(ayon_server: StandInServer) -> None:
    require_shared()
    ids: dict[str, str] = {}
    token = ayon_server.login("admin", "admin")
    replayed = 0
    for name in _order():
        exchange = json.loads((WRITES / f"{name}.json").read_text(encoding="utf-8"))
        recorded = exchange["response"]
        answer = _send(ayon_server, name, exchange["request"], ids, token)
        assert answer.status_code == recorded["status"], f"{name}: {answer.text[:300]}"
        assert answer.headers.get("content-type") == recorded["headers"].get("content-type"), name
        for header in ("x-thumbnail-id", "cache-control"):
            if header in recorded["headers"]:
                assert header in answer.headers, f"{name}: {header}"
                learn_ids(recorded["headers"][header], answer.headers[header], ids)
        if "json" in recorded:
            learn_ids(recorded["json"], answer.json(), ids)
            _assert_like(recorded["json"], answer.json(), name, ids)
        replayed += 1
    assert replayed == len(_order()) > 40

    # The entity events the real server emitted for the same writes.
    events = json.loads((WRITES / "event-graphql-entity-events.json").read_text(encoding="utf-8"))
    expected = sorted(
        (edge["node"]["topic"], edge["node"]["description"], edge["node"]["user"])
        for edge in events["response"]["json"]["data"]["events"]["edges"]
        if edge["node"]["topic"].startswith("entity.")
    )
    emitted = sorted(
        (e["topic"], e["description"], e["user"])
        for e in ayon_server.events.all()
        if e["topic"].startswith("entity.") and e["project"] == "rec_Writes"
    )
    assert emitted == expected


def test_the_recordings_are_where_the_replay_expects_them() -> None:
    require_shared()
    assert Path(WRITES / "ORDER").is_file()
