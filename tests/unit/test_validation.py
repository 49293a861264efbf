"""Bad project names and ids are refused before anything is sent."""

from __future__ import annotations

import pytest

from ayon_gql import InvalidInputError
from ayon_gql._validation import check_entity_id, check_project_name, check_variables

GOOD_ID = "86d21552e6d311f1b86402fc00000001"


@pytest.mark.parametrize(
    "name", ["", "bad-name!", "with space", "dash-ed", "ünïcode", "semi;colon", "a/b", None, 42]
)
def test_bad_project_names(name: object) -> None:
    with pytest.raises(InvalidInputError, match="project name"):
        check_project_name(name)


@pytest.mark.parametrize("name", ["demo_Commercial", "A", "x_1_2"])
def test_good_project_names(name: str) -> None:
    assert check_project_name(name) == name


@pytest.mark.parametrize(
    "value",
    [
        "",
        GOOD_ID.upper(),
        GOOD_ID[:-1],
        GOOD_ID + "0",
        "86d21552-e6d3-11f1-b864-02fc00000001",
        "g" * 32,
        None,
        123,
    ],
)
def test_bad_entity_ids(value: object) -> None:
    with pytest.raises(InvalidInputError, match="32 lowercase"):
        check_entity_id(value)


def test_variables_are_checked_by_name() -> None:
    check_variables({"projectName": "demo", "ids": [GOOD_ID], "folderId": GOOD_ID, "name": "x!"})
    with pytest.raises(InvalidInputError, match=r"\$productIds"):
        check_variables({"productIds": [GOOD_ID, "nope"]}, operation="GetVersions")
    with pytest.raises(InvalidInputError, match="GetVersions"):
        check_variables({"projectName": "bad name"}, operation="GetVersions")
    check_variables({"ids": None, "projectName": None})
