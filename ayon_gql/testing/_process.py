"""Run the stand-in server in a child process.

Benchmarks want the server out of the measuring process, as a real server
is: otherwise client and server share one interpreter lock and one garbage
collector, and each one's work shows up in the other's figures.
"""

from __future__ import annotations

import contextlib
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ayon_gql._errors import AyonError
from ayon_gql.testing._cost import RequestCost


@dataclass(frozen=True)
class ServerAddress:
    """Where a stand-in server in another process listens, and its API key."""

    url: str
    api_key: str


@contextlib.contextmanager
def standin_process(
    *,
    versions: int = 16_800,
    seed: int = 0,
    latency: float = 0.0,
    schema: str | Path | None = None,
    cost: RequestCost | None = None,
    timeout: float = 120.0,
) -> Iterator[ServerAddress]:
    """Start ``python -m ayon_gql.testing`` on a free port; stop it on exit.

    ``latency`` delays every answer by that many seconds (see ``serve_forever``);
    ``cost`` charges every GraphQL request server time (:class:`RequestCost`,
    e.g. ``RequestCost.ayon_1_16()``); ``schema`` is the schema file to serve.
    """
    arguments = ["--port", "0", "--versions", str(versions), "--seed", str(seed)]
    arguments += ["--latency", str(latency)]
    if schema is not None:
        arguments += ["--schema", str(Path(schema).resolve())]
    if cost is not None:
        arguments += ["--cost-per-request", repr(cost.per_request)]
        arguments += ["--cost-per-field", repr(cost.per_field)]
        arguments += ["--cost-per-operation", repr(cost.per_operation)]
        for name, weight in cost.field_weights.items():
            arguments += ["--cost-weight", f"{name}={weight!r}"]
    process = subprocess.Popen(
        [sys.executable, "-m", "ayon_gql.testing", *arguments], stdout=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None
        url = key = None
        deadline = time.monotonic() + timeout
        while (url is None or key is None) and time.monotonic() < deadline:
            line = process.stdout.readline()
            if not line:
                break
            if found := re.search(r"listening on (\S+)", line):
                url = found.group(1)
            if found := re.search(r"X-Api-Key\): (\S+)", line):
                key = found.group(1)
        if url is None or key is None:
            raise AyonError("the stand-in server process did not start")
        yield ServerAddress(url, key)
    finally:
        process.terminate()
        process.wait(timeout=10)
