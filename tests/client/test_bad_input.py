"""Malformed input gets the documented error and, where it can be caught locally,
nothing is sent: each case runs against the stand-in and checks its request log."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from ayon_gql import AyonClient, InvalidInputError, QueryValidationError
from ayon_gql.testing import StandInServer
from tests.client.conftest import PROJECT

GOOD = "86d21552e6d311f1b86402fc00000001"

BAD_PROJECT_NAMES = [
    "", "bad name", "bad-name", "bad.name", "bad/name", "bad!", "dëmo", "x;drop", "a\nb", " lead",
]  # fmt: skip
BAD_IDS = [
    "", "short", GOOD.upper(), GOOD[:-1], GOOD + "0", "86d21552-e6d3-11f1-b864-02fc00000001",
    "z" * 32, " " + GOOD[1:], GOOD[:-1] + "G", "0x" + GOOD[2:],
]  # fmt: skip

Call = Callable[[AyonClient], Any]

CASES: list[tuple[str, Call, type[Exception]]] = []
for name in BAD_PROJECT_NAMES:
    CASES.append((f"project {name!r}", lambda c, n=name: c.get_project(n), InvalidInputError))
    CASES.append(
        (f"iter_versions project {name!r}", lambda c, n=name: list(c.iter_versions(n)),
         InvalidInputError)
    )  # fmt: skip
for bad in BAD_IDS:
    CASES.append(
        (f"folder id {bad!r}", lambda c, b=bad: c.get_folder(PROJECT, b), InvalidInputError)
    )
    CASES.append(
        (f"product_ids filter {bad!r}",
         lambda c, b=bad: list(c.iter_versions(PROJECT, product_ids=[GOOD, b])), InvalidInputError)
    )  # fmt: skip
CASES += [
    ("version id", lambda c: c.get_version(PROJECT, "v001"), InvalidInputError),
    ("representation id", lambda c: c.get_representation(PROJECT, "1" * 31), InvalidInputError),
    ("task id", lambda c: c.get_task(PROJECT, "TASK"), InvalidInputError),
    ("entity_ids filter", lambda c: list(c.iter_activities(PROJECT, entity_ids=["x"])),
     InvalidInputError),
    ("activity_ids filter", lambda c: list(c.iter_activities(PROJECT, activity_ids=["?"])),
     InvalidInputError),
    ("folder_ids filter", lambda c: list(c.iter_tasks(PROJECT, folder_ids=[GOOD, ""])),
     InvalidInputError),
    ("version_ids filter", lambda c: list(c.iter_representations(PROJECT, version_ids=["a"])),
     InvalidInputError),
    ("page size 0", lambda c: list(c.iter_folders(PROJECT, page_size=0)), InvalidInputError),
    ("page size -5", lambda c: list(c.iter_folders(PROJECT, page_size=-5)), InvalidInputError),
    ("page size text", lambda c: list(c.iter_folders(PROJECT, page_size="10")),
     InvalidInputError),
    # Ad-hoc queries, validated against the bundled snapshot before sending.
    ("unknown field", lambda c: c.execute("{ projects { edges { node { nme } } } }"),
     QueryValidationError),
    ("syntax error", lambda c: c.execute("{ projects { edges { node { name }"),
     QueryValidationError),
    ("unknown argument", lambda c: c.execute('{ project(title: "x") { name } }'),
     QueryValidationError),
    ("undeclared variable", lambda c: c.execute("{ project(name: $p) { name } }"),
     QueryValidationError),
    ("variable of the wrong type",
     lambda c: c.execute("query Q($p: String!) { project(name: $p) { name } }", {"p": 42}),
     QueryValidationError),
    ("missing required variable",
     lambda c: c.execute("query Q($p: String!) { project(name: $p) { name } }", {}),
     QueryValidationError),
    ("bad list variable",
     lambda c: c.execute(
         "query Q($p: String!, $v: [Int!]) { project(name: $p) { versions(versions: $v) "
         "{ edges { node { id } } } } }", {"p": PROJECT, "v": ["one"]}),
     QueryValidationError),
    # REST: platforms, variants, names and enums are checked before sending.
    ("installer platform", lambda c: c.rest.installers.list(platform="amiga"), InvalidInputError),
    ("installer platform case", lambda c: c.rest.installers.list(platform="Linux!"),
     InvalidInputError),
    ("package platform", lambda c: c.rest.dependency_packages.list(platform="beos"),
     InvalidInputError),
    ("installer variant", lambda c: c.rest.installers.list(variant="prod"), InvalidInputError),
    ("settings variant", lambda c: c.rest.settings.studio("demo_pipeline", "1.0.0",
                                                          variant="bad variant!"),
     InvalidInputError),
    ("settings project", lambda c: c.rest.settings.project("demo_pipeline", "1.0.0", "bad-name"),
     InvalidInputError),
    ("installer file name", lambda c: c.rest.installers.delete("../etc/passwd"),
     InvalidInputError),
    ("package file name", lambda c: c.rest.dependency_packages.delete("a/b.zip"),
     InvalidInputError),
    ("bundle promote target", lambda c: c.rest.bundles.promote("demo", to="qa"),
     InvalidInputError),
]  # fmt: skip


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 50


@pytest.mark.parametrize(("call", "error"), [(c, e) for _, c, e in CASES],
                         ids=[name for name, _, _ in CASES])  # fmt: skip
def test_bad_input_is_refused_before_sending(
    ayon_server: StandInServer, call: Call, error: type[Exception]
) -> None:
    client = AyonClient(ayon_server.url, api_key=ayon_server.api_key, validate=True)
    with client, pytest.raises(error) as caught:
        call(client)
    assert str(caught.value)
    assert ayon_server.requests == []


def test_server_side_validation_errors_still_come_back_typed(ayon_server: StandInServer) -> None:
    """What only the server can judge (unknown project) is a typed error, not a crash."""
    from ayon_gql import GraphQLNotFoundError

    client = AyonClient(ayon_server.url, api_key=ayon_server.api_key, validate=True)
    with client, pytest.raises(GraphQLNotFoundError):
        client.get_project("no_such_project")
    assert len(ayon_server.requests) == 1
