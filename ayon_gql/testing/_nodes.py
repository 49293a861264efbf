"""Shared building blocks of the stand-in's data: node dicts, names, times, JSON, file bytes.

Nodes are plain dicts with the camelCase keys of the GraphQL schema, so the
graphql-core default resolver can read them directly; keys starting with ``_``
are private bookkeeping and never exposed.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, timezone
from typing import Any

Node = dict[str, Any]

DEMO_PROJECT = "demo_Commercial"
MEDIUM_PROJECT = "perf_Medium"
LARGE_PROJECT = "perf_Large"

ADMIN_PASSWORD = "admin"
SERVICE_USER = "service"
SERVER_VERSION = "1.16.0+DEVELOP"

EMPTY: Node = {}
BASE_TIME = datetime(2026, 1, 5, 9, 0, 0, tzinfo=timezone.utc)
STATUSES = [
    "Not ready",
    "Ready to start",
    "In progress",
    "Pending review",
    "Approved",
    "On hold",
    "Omitted",
]
VERSION_STATUSES = ["Pending review", "Approved", "On hold", "Omitted", "In progress"]
ARTISTS = ["alice", "artist", "bob", "carol", "dave"]
_TAGS = ["important", "for reel"]


def iso(dt: datetime) -> str:
    """Format a datetime like the AYON server does (microseconds, ``+00:00``)."""
    return dt.astimezone(timezone.utc).isoformat(timespec="microseconds")


def json_text(value: Any) -> str:
    """Compact JSON text, as AYON returns it in ``String`` fields."""
    return json.dumps(value, separators=(",", ":"), sort_keys=True)


def file_bytes(filename: str, size: int) -> bytes:
    """Deterministic pseudo-random content of ``size`` bytes for ``filename``."""
    out = bytearray()
    block = hashlib.sha256(filename.encode()).digest()
    while len(out) < size:
        out += block
        block = hashlib.sha256(block).digest()
    return bytes(out[:size])
