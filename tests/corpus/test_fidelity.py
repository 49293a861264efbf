"""Each construct ariadne-codegen 0.19 typed wrongly, on its own, against the stand-in.

One operation per class of the issue (``tests/corpus/fidelity``): every
typed result, sync and async, equals the raw answer to the operation as
written, for every value of the variables that changes the answer.
"""

from __future__ import annotations

import asyncio
import inspect
from pathlib import Path
from typing import Any

import pytest

from ayon_gql.testing import StandInServer

from ._differential import (
    keyword_arguments,
    method_name,
    raw_answer,
    reference_text,
    typed_differences,
)
from .conftest import PROJECT, GeneratedPackage, Ids, connected, connected_async, generate_package

FIDELITY = Path(__file__).parent / "fidelity"
DOCUMENT = "\n".join(
    path.read_text(encoding="utf-8") for path in sorted(FIDELITY.glob("*.graphql"))
)


@pytest.fixture(scope="module")
def fidelity(tmp_path_factory: pytest.TempPathFactory) -> GeneratedPackage:
    return generate_package(FIDELITY, tmp_path_factory.mktemp("fidelity"), "ayon_fidelity_client")


def _run(
    package: GeneratedPackage, server: StandInServer, operation: str, variables: dict[str, Any]
) -> list[Any]:
    """The typed results of ``operation``, sync then async, each checked against the raw answer."""
    raw = raw_answer(server, reference_text(DOCUMENT, operation), variables)
    arguments = keyword_arguments(variables)
    with connected(package, server.url, server.api_key) as client:
        sync = getattr(client, method_name(operation))(**arguments)

    async def run_async() -> Any:
        async with connected_async(package, server.url, server.api_key) as client:
            return await getattr(client, method_name(operation))(**arguments)

    results = [sync, asyncio.run(run_async())]
    for result in results:
        assert typed_differences(result, raw) == []
    return results


@pytest.mark.parametrize("flag", [True, False])
def test_a_inline_fragment_without_type_condition(
    fidelity: GeneratedPackage, ayon_standin: StandInServer, flag: bool
) -> None:
    variables = {"projectName": PROJECT, "flag": flag}
    for result in _run(fidelity, ayon_standin, "FidelityUntypedInline", variables):
        assert (result.project.code is not None) is flag
        assert ("code" in result.project.model_fields_set) is flag


@pytest.mark.parametrize("operation", ["FidelitySkippedSpread", "FidelitySkippedInline"])
@pytest.mark.parametrize("flag", [True, False])
def test_b_skip_on_fragments_makes_their_fields_optional(
    fidelity: GeneratedPackage, ayon_standin: StandInServer, operation: str, flag: bool
) -> None:
    for result in _run(fidelity, ayon_standin, operation, {"projectName": PROJECT, "flag": flag}):
        assert (result.project.code is None) is flag


def test_c_keys_that_snake_case_alike_keep_their_own_values(
    fidelity: GeneratedPackage, ayon_standin: StandInServer
) -> None:
    for result in _run(fidelity, ayon_standin, "FidelityCollidingKeys", {"projectName": PROJECT}):
        project = result.project
        assert project.code != project.code_2 == PROJECT
        assert project.updated_at == project.updated_at_2
        node = project.products.edges[0].node
        assert node.folder.name and node.folder_2.id
        assert type(node.folder) is not type(node.folder_2)


def test_d_variable_with_default_is_optional(
    fidelity: GeneratedPackage, ayon_standin: StandInServer
) -> None:
    with connected(fidelity, ayon_standin.url, ayon_standin.api_key) as client:
        method = client.fidelity_variable_default
        assert inspect.signature(method).parameters["project_name"].default is not inspect._empty
        assert method().project.name == PROJECT
        assert method(project_name=PROJECT).project.name == PROJECT
    _run(fidelity, ayon_standin, "FidelityVariableDefault", {})


def test_e_fragments_spread_in_fragments_are_sent(
    fidelity: GeneratedPackage, ayon_standin: StandInServer
) -> None:
    for result in _run(fidelity, ayon_standin, "FidelityNestedSpreads", {"projectName": PROJECT}):
        assert result.project.folders.edges[0].node.folder_type


def test_f_nested_inline_fragments_keep_their_fields(
    fidelity: GeneratedPackage, ayon_standin: StandInServer
) -> None:
    for result in _run(fidelity, ayon_standin, "FidelityNestedInline", {"projectName": PROJECT}):
        node = result.project.versions.edges[0].node
        assert isinstance(node.version, int) and node.name


def test_g_sub_fields_of_a_field_selected_twice_merge(
    fidelity: GeneratedPackage, ayon_standin: StandInServer
) -> None:
    for result in _run(fidelity, ayon_standin, "FidelityMergedFields", {"projectName": PROJECT}):
        for edge in result.project.folders.edges:
            assert {"clipIn", "fps"} <= set(edge.node.attrib.model_dump(by_alias=True))
            if edge.node.parent is not None:
                assert edge.node.parent.id and edge.node.parent.name


def test_h_interface_fragment_spread_in_two_kinds_of_place(
    fidelity: GeneratedPackage, ayon_standin: StandInServer, ids: Ids
) -> None:
    variables = {"projectName": PROJECT, "versionId": ids.version_with_links}
    for result in _run(fidelity, ayon_standin, "FidelityInterfaceFragment", variables):
        assert result.project.version.id == ids.version_with_links


@pytest.mark.parametrize("flag", [True, False])
def test_g_conditional_sub_fields_of_a_merged_attrib(
    fidelity: GeneratedPackage, ayon_standin: StandInServer, flag: bool
) -> None:
    variables = {"projectName": PROJECT, "flag": flag}
    for result in _run(fidelity, ayon_standin, "FidelityConditionalAttrib", variables):
        assert ("fps" in result.project.attrib.model_fields_set) is not flag


def test_h_interface_fragment_beside_fields_of_one_type(
    fidelity: GeneratedPackage, ayon_standin: StandInServer
) -> None:
    variables = {"projectName": PROJECT}
    for result in _run(fidelity, ayon_standin, "FidelityInterfaceFragmentBeside", variables):
        nodes = [edge.output_node for edge in result.project.links.edges]
        assert all(node.id for node in nodes)
        assert any(hasattr(node, "version") for node in nodes)


@pytest.mark.parametrize("flag", [True, False])
def test_c_an_attribute_is_never_named_like_another_key(
    fidelity: GeneratedPackage, ayon_standin: StandInServer, flag: bool
) -> None:
    variables = {"projectName": PROJECT, "flag": flag}
    for result in _run(fidelity, ayon_standin, "FidelityCollidingKeysOnInterface", variables):
        assert result.project.links.edges
