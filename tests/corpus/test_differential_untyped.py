"""What ``ayon-gql query`` prints and what nested completion returns equal the server's answer.

``ayon-gql query`` runs random operations (one seed of
:mod:`._random_operations`) and must print exactly the data the server sends
for the same text.  Nested completion fetches the rest of a nested
connection with follow-up requests; the completed result must equal the
answer to the same operation asking for the whole connection at once.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from graphql import build_schema

from ayon_gql import AyonClient
from ayon_gql.cli import main
from ayon_gql.testing import StandInServer

from ._differential import differences, raw_answer, reference_text, with_long_ids
from ._random_operations import RandomOperations
from .conftest import PROJECT, ROOT, SCHEMA

SEED = 7
OPERATIONS = 12


@pytest.fixture
def environment(ayon_standin: StandInServer, monkeypatch: pytest.MonkeyPatch) -> StandInServer:
    monkeypatch.setenv("AYON_SERVER_URL", ayon_standin.url)
    monkeypatch.setenv("AYON_API_KEY", ayon_standin.api_key)
    return ayon_standin


def test_query_command_prints_the_servers_answer(
    environment: StandInServer,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)  # no project: the bundled schema, no fragments folder
    schema = build_schema(SCHEMA.read_text(encoding="utf-8"))
    document, runs = RandomOperations(schema, SEED).document(OPERATIONS)
    assert len(runs) == OPERATIONS
    for operation, variable_sets in runs.items():
        text = reference_text(document, operation)
        for given in variable_sets:
            variables = with_long_ids(environment, text, given)
            status = main(["query", text, "--json", "--variables", json.dumps(variables)])
            printed = capsys.readouterr().out
            assert status == 0, operation
            assert json.loads(printed) == raw_answer(environment, text, variables), operation


def test_nested_completion_equals_the_whole_connection_at_once(environment: StandInServer) -> None:
    with AyonClient(environment.url, api_key=environment.api_key) as client:
        completed = client.get_latest_versions_with_representations(
            PROJECT, representations_first=1
        )
    written = "\n".join(
        path.read_text(encoding="utf-8") for path in sorted((ROOT / "queries").glob("*.graphql"))
    )
    text = reference_text(written, "GetLatestVersionsWithRepresentations")
    whole = raw_answer(environment, text, {"projectName": PROJECT, "representationsFirst": 100000})
    counts = [
        len(edge["node"]["representations"]["edges"])
        for edge in whole["project"]["versions"]["edges"]
    ]
    assert max(counts) > 1  # follow-ups were needed
    dumped = completed.model_dump(by_alias=True, exclude_unset=True)
    assert differences(dumped, whole) == []
