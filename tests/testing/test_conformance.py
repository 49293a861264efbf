"""Replays every recorded exchange of the real AYON 1.16.0 server against the stand-in.

For each ``../shared/ayon-server/1.16.0/responses/*.json`` the same request
(method, path, params, body, kind of credentials) is sent to the stand-in and
the answer is compared with the recording: status code, key sets of every
object (recursively), list lengths and element shapes, JSON value types, and
the exact values of error bodies and ``pageInfo`` flags.  Where the two
disagree the real server is right.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from ayon_gql.testing import StandInServer

from .conftest import SHARED

RESPONSES = SHARED / "responses"
RECORDINGS = sorted(RESPONSES.glob("*.json")) if RESPONSES.is_dir() else []

# Recorded exchanges not replayed, with the reason.  Keep this empty or tiny.
SKIPPED: dict[str, str] = {}

# Exchanges whose recorded request carries no credentials marker but was sent
# with a wrong API key (the recording redacts it).
AUTH_OVERRIDES: dict[str, dict[str, str]] = {
    "rest-users-me-bad-key": {"X-Api-Key": "not-a-valid-key"},
}

# Sub-trees whose keys are free-form data (templates of a project anatomy, the
# addons of a bundle: the stand-in's production bundle also holds studio_tools):
# only the JSON type is compared there.
FREE_FORM: dict[str, set[str]] = {
    "rest-project": {"$.config.templates"},
    "rest-bundles": {f"$.bundles[{i}].addons" for i in range(2)},
    "rest-bundles-archived": {f"$.bundles[{i}].addons" for i in range(2)},
}

# The stand-in's production bundle also holds studio_tools, as the server's did
# for the rest/ session; responses/ were recorded before it was installed.  Its
# entries are left out of these answers before comparing (each entry's shape is
# the same as demo_pipeline's, which is compared).
LATER_ADDON = "studio_tools"
WITHOUT_LATER_ADDON = {
    "rest-addons",
    "rest-settings",
    "rest-settings-project",
    "rest-settings-addons",
}


def _without_later_addon(body: Any) -> Any:
    if not isinstance(body, dict):
        return body
    result = dict(body)
    if isinstance(result.get("addons"), list):
        result["addons"] = [a for a in result["addons"] if a.get("name") != LATER_ADDON]
    for key in ("settings", "versions"):
        if isinstance(result.get(key), dict):
            result[key] = {k: v for k, v in result[key].items() if k != LATER_ADDON}
    return result


# Keys whose values (not just types) must equal the recording.
EXACT_KEYS = {"hasNextPage", "hasPreviousPage"}
# In error answers every value must be equal, except these.
ERROR_FREE: set[str] = set()


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float"
    if isinstance(value, str):
        return "str"
    if isinstance(value, list):
        return "list"
    return "object"


def compare(
    rec: Any, ours: Any, where: str, problems: list[str], *, free: set[str], exact: bool
) -> None:
    """Append a description of every difference between ``rec`` and ``ours``."""
    if _kind(rec) != _kind(ours):
        problems.append(f"{where}: type {_kind(ours)} (ours) != {_kind(rec)} (recorded)")
        return
    if exact and not isinstance(rec, (dict, list)) and rec != ours:
        problems.append(f"{where}: value {ours!r} (ours) != {rec!r} (recorded)")
        return
    if where in free:
        return
    if isinstance(rec, dict):
        if set(rec) != set(ours):
            problems.append(
                f"{where}: keys only recorded {sorted(set(rec) - set(ours))}, "
                f"only ours {sorted(set(ours) - set(rec))}"
            )
        for key in sorted(set(rec) & set(ours)):
            sub_exact = (exact and key not in ERROR_FREE) or key in EXACT_KEYS
            compare(rec[key], ours[key], f"{where}.{key}", problems, free=free, exact=sub_exact)
    elif isinstance(rec, list):
        # Lists of objects (edges, files, ...) must have the recorded length;
        # lists of plain values (tags, assignees) are data and may differ.
        scalars = all(not isinstance(x, (dict, list)) for x in [*rec, *ours])
        if len(rec) != len(ours) and (exact or not scalars):
            problems.append(f"{where}: {len(ours)} items (ours) != {len(rec)} (recorded)")
        for i, (r, o) in enumerate(zip(rec, ours, strict=False)):
            compare(r, o, f"{where}[{i}]", problems, free=free, exact=exact)


def _replay(
    server: StandInServer, client: httpx.Client, name: str, request: dict[str, Any]
) -> httpx.Response:
    headers: dict[str, str] = {}
    auth = request.get("auth")
    if auth == "X-Api-Key":
        headers["X-Api-Key"] = server.api_key
    elif auth == "Bearer":
        headers["Authorization"] = f"Bearer {server.login('admin', 'admin')}"
    headers.update(AUTH_OVERRIDES.get(name, {}))
    kwargs: dict[str, Any] = {"headers": headers, "params": request.get("params")}
    if "json" in request:
        kwargs["json"] = request["json"]
    # send the path as recorded (no re-quoting of characters like "!")
    url = httpx.URL(server.url).copy_with(raw_path=request["path"].encode())
    return client.request(request["method"], url, **kwargs)


def _is_error(recorded: dict[str, Any]) -> bool:
    body = recorded.get("json")
    return recorded["status"] >= 400 or (isinstance(body, dict) and "errors" in body)


@pytest.fixture(scope="module")
def replay_client(standin: StandInServer) -> Any:
    with httpx.Client(timeout=30) as c:
        yield c


def test_recordings_present() -> None:
    if not RECORDINGS:
        pytest.skip(f"reference recordings not found at {RESPONSES}")
    covered = [p for p in RECORDINGS if p.stem not in SKIPPED]
    assert len(covered) >= 40
    assert set(SKIPPED) <= {p.stem for p in RECORDINGS}


@pytest.mark.parametrize("path", RECORDINGS, ids=[p.stem for p in RECORDINGS])
def test_exchange_conforms(path: Path, standin: StandInServer, replay_client: httpx.Client) -> None:
    if path.stem in SKIPPED:
        pytest.skip(SKIPPED[path.stem])
    standin.reset()
    exchange = json.loads(path.read_text(encoding="utf-8"))
    request, recorded = exchange["request"], exchange["response"]
    response = _replay(standin, replay_client, path.stem, request)
    assert response.status_code == recorded["status"], response.text
    if "text" in recorded:
        assert response.text == recorded["text"]
        return
    problems: list[str] = []
    ours = response.json()
    if path.stem in WITHOUT_LATER_ADDON:
        ours = _without_later_addon(ours)
    compare(
        recorded["json"],
        ours,
        "$",
        problems,
        free=FREE_FORM.get(path.stem, set()),
        exact=_is_error(recorded),
    )
    assert not problems, "\n".join(problems)
