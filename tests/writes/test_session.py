"""The write session against the stand-in: one request per commit, typed
results, all or nothing, ``can_fail``, ``as_user``, deletes, the async twin."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from ayon_gql_generated.write_models import (
    FolderAttrib,
    FolderCreate,
    ProductCreate,
    RepresentationAttrib,
    RepresentationCreate,
    RepresentationFile,
    TaskCreate,
    VersionAttrib,
    VersionCreate,
    VersionUpdate,
)

from ayon_gql import AsyncAyonClient, AyonClient, CommitError, PermissionDeniedError
from ayon_gql.client import WriteModel
from ayon_gql.testing import StandInServer
from tests.writes.conftest import PROJECT, a_folder_id, commits, existing

ID_CHARS = set("0123456789abcdef")


def _same(model: WriteModel, read: Any) -> None:
    """Every field the model set reads back equal (``attrib`` and ``files`` field by field)."""
    for name, value in model.model_dump(exclude_unset=True).items():
        if name == "attrib":
            for key, item in value.items():
                assert getattr(read.attrib, key) == item, (name, key)
        elif name == "data":
            assert json.loads(read.data) == value
        elif name == "files":
            got = [(f.id, f.name, f.path, int(f.size), f.hash) for f in read.files]
            assert got == [(f["id"], f["name"], f["path"], f["size"], f["hash"]) for f in value]
        elif name != "id":
            assert getattr(read, name) == value, name


def test_hierarchy_in_one_commit_reads_back_field_by_field(
    client: AyonClient, ayon_server: StandInServer
) -> None:
    folder = FolderCreate(
        name="sh900",
        label="SH900",
        folder_type="Shot",
        status="In progress",
        tags=["important"],
        attrib=FolderAttrib(frame_start=1001, frame_end=1050, fps=25.0),
        data={"shotgridId": 42},
    )
    with client.operations(PROJECT) as ops:
        folder_id = ops.create(folder)
        task = TaskCreate(
            name="compositing", task_type="Compositing", folder_id=folder_id, assignees=["admin"]
        )
        task_id = ops.create(task)
        product = ProductCreate(name="renderCompMain", product_type="render", folder_id=folder_id)
        product_id = ops.create(product)
        version = VersionCreate(
            product_id=product_id,
            version=1,
            task_id=task_id,
            status="Pending review",
            tags=["important"],
            attrib=VersionAttrib(frame_start=1001, frame_end=1050, comment="first publish"),
            data={"source": "farm"},
        )
        version_id = ops.create(version)
        representation = RepresentationCreate(
            name="exr",
            version_id=version_id,
            attrib=RepresentationAttrib(extension="exr", path="/renders/sh900.####.exr"),
            files=[
                RepresentationFile(
                    id="7e9943e8f95641d1b4a945b157b8d8cd",
                    name="sh900.1001.exr",
                    path="/renders/sh900.1001.exr",
                    size=123,
                    hash="sh900.1001.exr|123",
                )
            ],
            data={"context": {"ext": "exr"}},
        )
        representation_id = ops.create(representation)
        assert len(ops) == 5 and not commits(ayon_server)  # nothing sent yet

    assert len(commits(ayon_server)) == 1  # one commit, one request
    result = ops.result
    assert result is not None and result.success and result.settled_by == "answer"
    assert [op.status for op in result.operations] == [201] * 5
    assert result.created == [folder_id, task_id, product_id, version_id, representation_id]
    assert all(len(i) == 32 and set(i) <= ID_CHARS for i in result.created)

    _same(folder, client.get_folder(PROJECT, folder_id).project.folder)
    _same(task, client.get_task(PROJECT, task_id).project.task)
    _same(product, client.get_product(PROJECT, product_id).project.product)
    read_version = client.get_version(PROJECT, version_id).project.version
    _same(version, read_version)
    assert read_version.author == "service" and read_version.is_latest
    _same(
        representation, client.get_representation(PROJECT, representation_id).project.representation
    )


def test_updates_send_only_the_fields_set(client: AyonClient, ayon_server: StandInServer) -> None:
    version = next(client.iter_versions(PROJECT))
    with client.operations(PROJECT) as ops:
        ops.update(
            version.id, VersionUpdate(status="Approved", attrib=VersionAttrib(frame_end=1200))
        )
    sent = commits(ayon_server)[0].json["operations"]
    assert sent == [
        {
            "type": "update",
            "entityType": "version",
            "entityId": version.id,
            "data": {"status": "Approved", "attrib": {"frameEnd": 1200}},
        }
    ]
    read = client.get_version(PROJECT, version.id).project.version
    assert (read.status, read.attrib.frame_end) == ("Approved", 1200)
    assert read.attrib.comment == version.attrib.comment  # merged key by key, not replaced
    topics = [e["topic"] for e in ayon_server.events.all()]
    assert topics[:2] == ["entity.version.status_changed", "entity.version.attrib_changed"]


def test_an_exception_in_the_block_sends_nothing(
    client: AyonClient, ayon_server: StandInServer
) -> None:
    with pytest.raises(RuntimeError), client.operations(PROJECT) as ops:
        ops.create(FolderCreate(name="never"))
        raise RuntimeError("publish aborted")
    assert not commits(ayon_server) and len(ops) == 0


def test_a_failure_rolls_everything_back_and_names_the_operation(
    client: AyonClient, ayon_server: StandInServer
) -> None:
    missing_folder = "62787ebfefd747b38b95979b0a06c920"
    with pytest.raises(CommitError) as caught, client.operations(PROJECT) as ops:
        folder_id = ops.create(FolderCreate(name="sh901", folder_type="Shot"))
        product_id = ops.create(
            ProductCreate(name="plate", product_type="plate", folder_id=folder_id)
        )
        orphan = ops.create(
            ProductCreate(name="orphan", product_type="render", folder_id=missing_folder)
        )
        ops.create(VersionCreate(product_id=product_id, version=1))
    error = caught.value
    failed = error.failed
    assert (failed.position, failed.entity_type, failed.entity_id) == (2, "product", orphan)
    assert (failed.status, failed.error_code) == (409, "foreign-key-violation")
    assert "62787ebf-efd7-47b3-8b95-979b0a06c920" in failed.detail
    assert "operation 2 (create product" in str(error) and "nothing was committed" in str(error)
    # Like the server, the earlier operations are listed as successful, the later not attempted.
    assert [op.success for op in error.result.operations] == [True, True, False, False]
    assert error.result.operations[3].status is None
    assert existing(ayon_server, "folders", [folder_id]) == []
    assert existing(ayon_server, "products", [product_id]) == []
    assert not [e for e in ayon_server.events.all() if e["topic"].startswith("entity.")]


def test_can_fail_commits_what_it_can(client: AyonClient, ayon_server: StandInServer) -> None:
    with client.operations(PROJECT, can_fail=True) as ops:
        folder_id = ops.create(FolderCreate(name="sh902", folder_type="Shot"))
        ops.create(ProductCreate(name="orphan", product_type="render", folder_id="0" * 32))
        product_id = ops.create(
            ProductCreate(name="renderMain", product_type="render", folder_id=folder_id)
        )
        ops.create(ProductCreate(name="RENDERmain", product_type="render", folder_id=folder_id))
    result = ops.result
    assert result is not None and not result.success
    assert [(op.position, op.error_code) for op in result.failed] == [
        (1, "foreign-key-violation"),
        (3, "unique-violation"),
    ]
    assert result.created == [folder_id, product_id]
    assert [n["id"] for n in existing(ayon_server, "products", [product_id])] == [product_id]


def test_as_user_acts_as_that_user(client: AyonClient, ayon_server: StandInServer) -> None:
    product = next(client.iter_products(PROJECT))
    with client.operations(PROJECT, as_user="admin") as ops:
        version_id = ops.create(VersionCreate(product_id=product.id, version=500))
    assert commits(ayon_server)[0].json["operations"][0]["asUser"] == "admin"
    assert client.get_version(PROJECT, version_id).project.version.author == "admin"
    created = [e for e in ayon_server.events.all() if e["topic"] == "entity.version.created"]
    assert [e["user"] for e in created] == ["admin"]

    admin = AyonClient(ayon_server.url, token=ayon_server.login("admin", "admin"))
    with (
        admin,
        pytest.raises(PermissionDeniedError),
        admin.operations(PROJECT, as_user="service") as ops,
    ):
        ops.update(version_id, VersionUpdate(status="Approved"))


def test_deletes_with_children_need_force(client: AyonClient, ayon_server: StandInServer) -> None:
    with client.operations(PROJECT) as ops:
        folder_id = ops.create(FolderCreate(name="sh903", folder_type="Shot"))
        task_id = ops.create(TaskCreate(name="comp", task_type="Compositing", folder_id=folder_id))
    with pytest.raises(CommitError) as caught, client.operations(PROJECT) as ops:
        ops.delete("folder", folder_id)
    assert caught.value.failed.error_code == "delete-folder-with-children"
    with client.operations(PROJECT) as ops:
        ops.delete("folder", folder_id, force=True)
    assert ops.result is not None and ops.result.operations[0].status == 204
    assert existing(ayon_server, "tasks", [task_id]) == []
    deleted = [e["topic"] for e in ayon_server.events.all() if e["topic"].endswith(".deleted")]
    assert deleted == ["entity.folder.deleted"]


def test_the_async_session_commits_on_leaving_the_block(ayon_server: StandInServer) -> None:
    async def publish() -> tuple[str, Any]:
        async with AsyncAyonClient(ayon_server.url, api_key=ayon_server.api_key) as client:
            folder = await client.get_folder(PROJECT, a_folder_id_sync(ayon_server))
            assert folder.project.folder is not None
            async with client.operations(PROJECT) as ops:
                product_id = ops.create(
                    ProductCreate(
                        name="asyncMain", product_type="render", folder_id=folder.project.folder.id
                    )
                )
                version_id = ops.create(VersionCreate(product_id=product_id, version=1))
            read = await client.get_version(PROJECT, version_id)
            return version_id, read.project.version

    version_id, read = asyncio.run(publish())
    assert read is not None and read.id == version_id and read.name == "v001"
    assert len(commits(ayon_server)) == 1


def a_folder_id_sync(server: StandInServer) -> str:
    with AyonClient(server.url, api_key=server.api_key) as client:
        return a_folder_id(client)


def test_ten_thousand_operations_are_one_request_and_one_transaction(
    client: AyonClient, ayon_server: StandInServer
) -> None:
    with client.operations(PROJECT) as ops:
        parent = ops.create(FolderCreate(name="sq990", folder_type="Sequence"))
        for n in range(9_999):
            ops.create(FolderCreate(name=f"sh{n:05d}", folder_type="Shot", parent_id=parent))
    assert len(commits(ayon_server)) == 1
    assert ops.result is not None and len(ops.result) == 10_000 and ops.result.success
    assert client.get_folder(PROJECT, parent).project.folder.child_count == 9_999


def test_an_explicit_commit_at_the_end_keeps_its_result(
    client: AyonClient, ayon_server: StandInServer
) -> None:
    with client.operations(PROJECT) as ops:
        folder_id = ops.create(FolderCreate(name="sh904", folder_type="Shot"))
        committed = ops.commit()
    assert ops.result is committed and committed.created == [folder_id]
    assert len(commits(ayon_server)) == 1  # nothing left, nothing sent at the end
