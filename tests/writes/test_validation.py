"""Invalid input is refused before anything reaches the server, with an
error naming the operation (position, entity type) and the field."""

from __future__ import annotations

import pytest
from ayon_gql_generated.write_models import (
    FolderCreate,
    ProductCreate,
    VersionAttrib,
    VersionCreate,
    VersionUpdate,
)

from ayon_gql import AyonClient, AyonError, InvalidInputError, WriteValidationError
from ayon_gql.testing import StandInServer
from tests.writes.conftest import PROJECT, commits

PRODUCT = "805a080700d145b289086d8af0cd1456"
VERSION = "c6abf3617e5a4aee8017b98f374388e6"


@pytest.mark.parametrize(
    ("build", "field", "words"),
    [
        (lambda: VersionCreate(product_id=PRODUCT, version="one"), "version", "valid integer"),
        (lambda: VersionCreate(product_id=PRODUCT, version=1, shot=1), "shot", "unknown field"),
        (
            lambda: VersionCreate(product_id=PRODUCT, version=1, attrib={"noSuchAttribute": 1}),
            "attrib.noSuchAttribute",
            "unknown field",
        ),
        (
            lambda: VersionCreate(product_id=PRODUCT, version=1, attrib={"frameStart": "early"}),
            "attrib.frameStart",
            "valid integer",
        ),
        (lambda: VersionAttrib(frame_start="early"), "frame_start", "valid integer"),
    ],
)
def test_models_refuse_what_the_server_would_refuse_or_drop(
    build: object, field: str, words: str
) -> None:
    with pytest.raises(WriteValidationError) as caught:
        build()  # type: ignore[operator]
    assert caught.value.field == field
    assert words in str(caught.value) and "\n" not in str(caught.value)
    assert isinstance(caught.value, AyonError)


def test_a_model_changed_after_building_is_refused_too() -> None:
    with pytest.raises(WriteValidationError, match="version"):
        VersionCreate(product_id=PRODUCT, version=1).version = "two"  # type: ignore[assignment]


def test_nothing_reaches_the_server(client: AyonClient, ayon_server: StandInServer) -> None:
    with client.operations(PROJECT) as ops:
        ops.create(FolderCreate(name="sh950", folder_type="Shot"))
        cases = [
            # a dashed UUID, refused as the server does, with the fix named
            (
                lambda: ops.update(
                    "a340f25f-67e6-456f-bbe9-beba33a1d93b", VersionUpdate(status="x")
                ),
                "entityId",
                "a340f25f67e6456fbbe9beba33a1d93b",
            ),
            # uppercase: the server stores lowercase and its REST paths refuse uppercase
            (
                lambda: ops.delete("folder", "C55BCDDFE42945379F09896ED6C04B74"),
                "entityId",
                "lowercase",
            ),
            # a reference that is not an id
            (
                lambda: ops.create(
                    ProductCreate.model_construct(
                        name="p", product_type="render", folder_id="sh010"
                    )
                ),
                "folderId",
                "sh010",
            ),
            (
                lambda: ops.create(VersionCreate(product_id=PRODUCT, version=1), id="not-an-id"),
                "id",
                "hex",
            ),
            # two operations on one entity
            (
                lambda: (
                    ops.update(VERSION, VersionUpdate(status="Approved")),
                    ops.delete("version", VERSION),
                ),
                "entityId",
                "operation 1",
            ),
            (lambda: ops.update(PRODUCT, VersionUpdate()), None, "sets no field"),
            (
                lambda: ops.update(PRODUCT, VersionCreate(product_id=PRODUCT, version=1)),
                None,
                "update model",
            ),  # type: ignore[arg-type]
            (lambda: ops.delete("shot", PRODUCT), "entityType", "unknown entity type"),  # type: ignore[arg-type]
        ]
        for attempt, field, words in cases:
            with pytest.raises(WriteValidationError) as caught:
                attempt()
            assert caught.value.field == field
            assert words in str(caught.value), str(caught.value)
            assert caught.value.position == len(ops)
        ops.discard()
    assert not commits(ayon_server)


def test_a_model_built_without_validation_is_checked_when_added(client: AyonClient) -> None:
    with client.operations(PROJECT) as ops:
        bad = VersionCreate.model_construct(product_id=PRODUCT, version="one")
        with pytest.raises(WriteValidationError) as caught:
            ops.create(bad)
        assert (caught.value.position, caught.value.entity_type) == (0, "version")
        assert str(caught.value).startswith("write: operation 0 VersionCreate: version:")


def test_sessions_refuse_bad_project_names_and_users(client: AyonClient) -> None:
    with pytest.raises(InvalidInputError, match="project name"):
        client.operations("demo Commercial")
    with pytest.raises(InvalidInputError, match="as_user"):
        client.operations(PROJECT, as_user="")
