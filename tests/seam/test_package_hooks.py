"""The plugin hooks that tie a generated package to the runtime seam."""

from __future__ import annotations

import pytest

from ayon_gql import GenerationError
from ayon_gql.codegen._package import adapt_client_template, share_unset
from tests.seam.conftest import TEMPLATES

BASE_MODEL = """from pydantic import BaseModel as PydanticBaseModel


class UnsetType:
    def __bool__(self) -> bool:
        return False


UNSET = UnsetType()


class BaseModel(PydanticBaseModel):
    pass
"""


def test_base_model_takes_unset_from_the_runtime() -> None:
    shared = share_unset(BASE_MODEL)
    assert "class UnsetType" not in shared and "UNSET = " not in shared
    namespace: dict[str, object] = {}
    exec(compile(shared, "base_model.py", "exec"), namespace)
    from ayon_gql.client import UNSET, UnsetType

    assert namespace["UNSET"] is UNSET and namespace["UnsetType"] is UnsetType
    assert "class BaseModel(PydanticBaseModel)" in shared


def test_other_files_pass_through_and_half_a_sentinel_is_refused() -> None:
    schema = "type Query { unsetType: String }\n"
    assert share_unset(schema) == schema
    assert share_unset("x = 1\n") == "x = 1\n"
    with pytest.raises(GenerationError, match="only part of UnsetType/UNSET"):
        share_unset("class UnsetType:\n    pass\n")


def test_the_client_template_follows_the_configuration() -> None:
    template = (TEMPLATES / "ayon_client.py").read_text(encoding="utf-8")
    section = {
        "client_file_name": "operations",
        "files_to_include": ["a.py", "schema/studio.graphql"],
    }
    adapted = adapt_client_template(template, {"tool": {"ariadne-codegen": section}})
    assert "from .operations import AsyncOperations, Operations" in adapted
    assert adapted.count('schema_snapshot = "studio.graphql"') == 2
    # Without exactly one schema among the copied files the default name stays.
    plain = adapt_client_template(template, {"tool": {"ariadne-codegen": {}}})
    assert plain.count('schema_snapshot = "ayon.graphql"') == 2
    assert adapt_client_template("x = 1\n", {}) == "x = 1\n"
