"""The REST families recorded on a real AYON 1.16.0 server (``rest/``), replayed
in their order against a fresh stand-in: same statuses, same answer shapes,
same values where the two servers hold the same data, same errors.

The recordings are one session (``rest/ORDER``).  Ids the real server made
(operation, activity, list item ids) differ per run: they are mapped from the
recorded answer to the stand-in's as they appear and substituted in the later
requests.  Where the recorded server held other data than the stand-in's
generated production (the demo project's folders, the users, the built-in
anatomy's template list), answers are compared by shape (``_SHAPE``) plus the
values that must agree.  Recordings left out are listed in ``_LEFT_OUT``
with the reason.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from ayon_gql.testing import StandInServer, _openapi_doc
from ayon_gql.testing._rest_unserved import operation_table
from tests._replay import assert_like, learn_ids, mapped
from tests._shared import SERVER_1_16, require_shared

REST = SERVER_1_16 / "rest"
# Values that differ per run by nature.
_VOLATILE = {"createdAt", "updatedAt", "timestamp"}
# Values compared by type only: the stand-in's service user has another full
# name, and the real server redacted stored password hashes.
_BY_TYPE = ("fullName", "data.password")
# Recordings left out of the replay, with the reason.
_LEFT_OUT = {
    "addon-settings-schema": "the stand-in's own titles and description; the structure is "
    "compared in tests/settings/test_standin_replay.py",
}
# Recordings compared by shape: key sets down to ``depth`` (lists by their
# items), the values at ``paths`` exactly, and the lengths of lists of objects
# when ``lengths``.
_SAME_ANATOMY = ("entity_naming", "folder_types", "link_types", "roots", "statuses", "tags")
_SHAPE: dict[str, tuple[int, tuple[str, ...], bool]] = {
    # the built-in anatomy: the recorded server had more publish templates and
    # other task type short names and product base types
    "project-anatomy-preset-default": (3, _SAME_ANATOMY, False),
    "project-get": (2, ("name", "code", "library", "active", "attrib.fps"), False),
    "project-anatomy": (3, (*_SAME_ANATOMY, "attributes.fps", "attributes.resolutionWidth"), False),
    # the recorded server had two users; the stand-in has seven
    "user-list-graphql": (9, (), False),
    # the recorded demo project has other folders than the generated one
    "addon-endpoint-summary": (3, ("projectName", "status"), False),
    "addon-endpoint-summary-filtered": (3, ("projectName", "status"), False),
    "addon-endpoint-raw": (3, ("project",), True),
}


def _order() -> list[str]:
    lines = (REST / "ORDER").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def _assert_like(recorded: Any, actual: Any, where: str, ids: dict[str, str]) -> None:
    assert_like(
        recorded,
        actual,
        where,
        ids,
        volatile=_VOLATILE,
        by_type=_BY_TYPE,
        json_texts={"activityData"},
    )


def _assert_shape(recorded: Any, actual: Any, where: str, depth: int, lengths: bool) -> None:
    """Same key sets down to ``depth`` and the same JSON types below."""
    if isinstance(recorded, dict):
        assert isinstance(actual, dict), where
        if depth <= 0:
            return
        assert set(actual) == set(recorded), f"{where}: {sorted(set(actual) ^ set(recorded))}"
        for key, value in recorded.items():
            _assert_shape(value, actual[key], f"{where}.{key}", depth - 1, lengths)
    elif isinstance(recorded, list):
        assert isinstance(actual, list), where
        if lengths and recorded and isinstance(recorded[0], dict):
            assert len(actual) == len(recorded), f"{where}: {len(actual)} != {len(recorded)}"
        for item in recorded[:1]:
            assert actual, f"{where}: empty"
            for other in actual:
                _assert_shape(item, other, f"{where}[]", depth, lengths)
    elif recorded is not None and not (
        isinstance(recorded, (int, float)) and isinstance(actual, (int, float))
    ):
        assert type(actual) is type(recorded), f"{where}: {actual!r} vs {recorded!r}"


def _at(value: Any, path: str) -> Any:
    for key in path.split("."):
        value = value[key]
    return value


def _send(server: StandInServer, request: dict[str, Any], ids: dict[str, str]) -> httpx.Response:
    headers = dict(request.get("headers") or {})
    headers["X-Api-Key"] = server.api_key
    options: dict[str, Any] = {"params": request.get("params"), "headers": headers}
    if "json" in request:
        options["json"] = json.loads(mapped(json.dumps(request["json"]), ids))
    return httpx.request(
        request["method"], server.url + mapped(request["path"], ids), timeout=30, **options
    )


def _strip_texts(value: Any) -> Any:
    """An openapi document without its prose (what the project may ship) and without
    ``deprecated: false`` (which says nothing)."""
    if isinstance(value, dict):
        return {
            k: _strip_texts(v)
            for k, v in value.items()
            if not (
                k in ("description", "summary", "title", "example", "examples")
                and isinstance(v, str)
            )
            and not (k == "deprecated" and v is False)
        }
    if isinstance(value, list):
        return [_strip_texts(v) for v in value]
    return value


@pytest.fixture
def addon_document(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Any]]:
    """The studio_tools document the stand-in serves: the shipped snapshot, or,
    where the stock package ships none yet, the recording's structure."""
    require_shared()
    recorded = json.loads(
        (REST / "addon-studio_tools-1.0.0-openapi.json").read_text(encoding="utf-8")
    )
    shipped = _openapi_doc.addon_openapi_document("studio_tools", "1.0.0")
    if shipped is None:
        derived = _strip_texts(recorded)
        monkeypatch.setattr(
            _openapi_doc,
            "addon_openapi_document",
            lambda name, version: derived if (name, version) == ("studio_tools", "1.0.0") else None,
        )
        monkeypatch.setattr(
            "ayon_gql.testing._rest_studio_tools.addon_openapi_document",
            _openapi_doc.addon_openapi_document,
        )
    yield recorded


def _same_structure(recorded: dict[str, Any], served: dict[str, Any]) -> None:
    """Paths, methods, operationIds, parameters and schemas as recorded, prose aside."""
    assert _strip_texts(served["paths"]) == _strip_texts(recorded["paths"])
    assert _strip_texts(served["components"]) == _strip_texts(recorded["components"])


def test_recorded_rest_session_replays_with_the_same_answers(
    ayon_server: StandInServer, addon_document: dict[str, Any]
) -> None:
    ids: dict[str, str] = {}
    replayed: list[str] = []
    for name in _order():
        if name in _LEFT_OUT:
            continue
        exchange = json.loads((REST / f"{name}.json").read_text(encoding="utf-8"))
        recorded = exchange["response"]
        answer = _send(ayon_server, exchange["request"], ids)
        assert answer.status_code == recorded["status"], f"{name}: {answer.text[:300]}"
        content_type = recorded.get("headers", {}).get("content-type")
        if content_type and "json" in recorded:
            assert answer.headers.get("content-type") == content_type, name
        if "json" in recorded:
            actual = answer.json()
            if name == "addon-openapi":
                _same_structure(recorded["json"], actual)
            elif name in _SHAPE:
                depth, paths, lengths = _SHAPE[name]
                _assert_shape(recorded["json"], actual, name, depth, lengths)
                for path in paths:
                    assert _at(actual, path) == _at(recorded["json"], path), f"{name}: {path}"
            else:
                learn_ids(recorded["json"], actual, ids)
                _assert_like(recorded["json"], actual, name, ids)
        else:
            assert answer.content == b"", f"{name}: {answer.text[:200]}"
        replayed.append(name)
    assert len(replayed) + len(_LEFT_OUT) == len(_order())
    assert len(replayed) > 60


def test_the_left_out_recordings_exist(addon_document: dict[str, Any]) -> None:
    """What the replay leaves out is named in ORDER (a renamed recording shows here)."""
    assert set(_LEFT_OUT) <= set(_order())
    assert Path(REST / "ORDER").is_file()


def test_every_documented_operation_the_stand_in_lacks_answers_501(
    ayon_server: StandInServer,
) -> None:
    """With the server's document loaded, an unserved operation is a 501 naming it;
    an undocumented path stays a 404."""
    require_shared()
    document = json.loads((SERVER_1_16 / "openapi.json").read_text(encoding="utf-8"))
    ayon_server.rest.documented_operations = operation_table([("", document["paths"])])
    try:
        headers = {"X-Api-Key": ayon_server.api_key}
        answer = httpx.get(f"{ayon_server.url}/api/users/admin/sessions", headers=headers)
        assert answer.status_code == 501
        assert answer.json() == {
            "code": 501,
            "detail": "The AYON stand-in does not implement get_user_sessions "
            "(GET /api/users/{user_name}/sessions)",
        }
        assert httpx.get(f"{ayon_server.url}/api/users", headers=headers).status_code == 404
        served = httpx.get(f"{ayon_server.url}/api/secrets", headers=headers)
        assert served.status_code == 200
    finally:
        ayon_server.rest.documented_operations = None
