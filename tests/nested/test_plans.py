"""Follow-up plans made at generation time: which nested connections, and that they run."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest
from graphql import GraphQLSchema, build_schema

from ayon_gql import AyonClient, GenerationError
from ayon_gql.codegen._nested import NestedConnectionWarning, nested_plans
from ayon_gql.codegen._nested_client import NestedCompletion
from ayon_gql.testing import StandInServer
from tests.nested.conftest import PROJECT

SNAPSHOT = Path(__file__).resolve().parents[2] / "schema" / "ayon.graphql"

TASKS_UNDER_FOLDERS = """
query FoldersWithTasks($projectName: String!, $taskTypes: [String!], $first: Int) {
  project(name: $projectName) {
    folders(first: 1000) {
      edges {
        node {
          ...FolderId
          tasks(taskTypes: $taskTypes, first: $first) {
            pageInfo { ...More }
            edges { node { id name folderId } }
          }
        }
      }
    }
  }
}
fragment FolderId on FolderNode { id path }
fragment More on PageInfo { hasNextPage endCursor }
"""

ALIASED = """
query Aliased($projectName: String!) {
  p: project(name: $projectName) {
    vs: versions(first: 1000) {
      e: edges {
        n: node {
          id
          reps: representations(first: 1) {
            pi: pageInfo { more: hasNextPage end: endCursor }
            e: edges { n: node { rid: id } }
          }
        }
      }
    }
  }
}
"""


PAGE = "pageInfo { hasNextPage endCursor }"


@pytest.fixture(scope="module")
def schema() -> GraphQLSchema:
    return build_schema(SNAPSHOT.read_text(encoding="utf-8"))


def _run(client: AyonClient, text: str, plans: list[dict[str, Any]], **variables: Any) -> Any:
    values = {"projectName": PROJECT, **variables}
    name = text.split("query ", 1)[1].split("(", 1)[0]
    data = client.execute(text, values, name)
    return client.connection.complete_nested(data, plans, values, name)


def test_tasks_under_folders_are_completed(
    schema: GraphQLSchema, client: AyonClient, server: StandInServer
) -> None:
    plans, problems = nested_plans(TASKS_UNDER_FOLDERS, schema)
    assert problems == []
    assert [(p["parents"], p["connection"], p["variables"]) for p in plans] == [
        (("project", "folders", "edges", "node"), "tasks", ("projectName", "taskTypes"))
    ]
    assert "folders(ids: [$nestedId__N__])" in plans[0]["parent"]
    assert "fragment More on PageInfo" in plans[0]["close"]

    data = _run(client, TASKS_UNDER_FOLDERS, plans, first=1)

    project = server.dataset.project(PROJECT)
    assert project is not None
    got = {
        e["node"]["id"]: [t["node"]["id"] for t in e["node"]["tasks"]["edges"]]
        for e in data["project"]["folders"]["edges"]
    }
    assert got == {
        f["id"]: [t["id"] for t in project.tasks_by_folder.get(f["id"], [])]
        for f in project.folders
    }
    assert sum(len(tasks) > 1 for tasks in got.values()) >= 2


def test_filters_of_the_nested_connection_are_kept(
    schema: GraphQLSchema, client: AyonClient, server: StandInServer
) -> None:
    plans, _ = nested_plans(TASKS_UNDER_FOLDERS, schema)
    data = _run(client, TASKS_UNDER_FOLDERS, plans, first=1, taskTypes=["Animation"])
    project = server.dataset.project(PROJECT)
    assert project is not None
    for edge in data["project"]["folders"]["edges"]:
        expected = [
            t["id"]
            for t in project.tasks_by_folder.get(edge["node"]["id"], [])
            if t["taskType"] == "Animation"
        ]
        assert [t["node"]["id"] for t in edge["node"]["tasks"]["edges"]] == expected


def test_aliases_are_followed(
    schema: GraphQLSchema, client: AyonClient, server: StandInServer
) -> None:
    plans, problems = nested_plans(ALIASED, schema)
    assert problems == []
    plan = plans[0]
    assert (plan["parents"], plan["connection"], plan["page_info"], plan["has_next_page"]) == (
        ("p", "vs", "e", "n"),
        "reps",
        "pi",
        "more",
    )
    data = _run(client, ALIASED, plans)
    project = server.dataset.project(PROJECT)
    assert project is not None
    for edge in data["p"]["vs"]["e"]:
        node = edge["n"]
        assert [r["n"]["rid"] for r in node["reps"]["e"]] == [
            r["id"] for r in project.reps_by_version[node["id"]]
        ]
        assert node["reps"]["pi"]["more"] is False


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (
            "query A($p: String!) { project(name: $p) { versions { edges { node { id"
            " representations(first: 5) { edges { node { id } } } } } } } }",
            "A: nested connection project.versions.edges.node.representations selects no pageInfo",
        ),
        (
            "query C { projects { edges { node { name folders { pageInfo { hasNextPage endCursor }"
            " edges { node { id } } } } } } }",
            "Query.projects takes no ids argument",
        ),
        (
            "query D($p: String!) { project(name: $p) { folders { edges { node { id"
            f" tasks {{ {PAGE} edges {{ node {{ id"
            f" versions {{ {PAGE} edges {{ node {{ id }} }} }} }} }} }} }} }} }} }} }}",
            "D: nested connection project.folders.edges.node.tasks.edges.node.versions is not"
            " completed",
        ),
        (
            "query E($p: String!) { project(name: $p) { versions { edges { node { id"
            f" activities(last: 5) {{ {PAGE} edges {{ node {{ id: activityId }} }} }}"
            " } } } } }",
            "pages backwards",
        ),
    ],
)
def test_what_cannot_be_completed_is_named(schema: GraphQLSchema, text: str, problem: str) -> None:
    plans, problems = nested_plans(text, schema)
    assert any(problem in message for message in problems), problems
    if not text.startswith("query D"):
        assert plans == []


def test_operations_without_nested_connections_have_no_plans(schema: GraphQLSchema) -> None:
    text = "query F($p: String!) { project(name: $p) { folders { edges { node { id name } } } } }"
    assert nested_plans(text, schema) == ([], [])


def _method(text: str) -> ast.FunctionDef:
    source = (
        "def get_x(self, project_name: str, **kwargs: Any) -> X:\n"
        f"    query = gql({text!r})\n"
        "    response = self.execute(query=query, operation_name='X', variables={}, **kwargs)\n"
        "    return X.model_validate(self.get_data(response))\n"
    )
    function = ast.parse(source).body[0]
    assert isinstance(function, ast.FunctionDef)
    return function


def test_the_hook_adds_the_keyword_and_the_plans(schema: GraphQLSchema) -> None:
    hook = NestedCompletion(schema)
    method = hook.client_method(_method(TASKS_UNDER_FOLDERS))
    source = ast.unparse(method)
    assert "*, complete_nested: bool=True, **kwargs" in source
    assert "nested=_GET_X_NESTED if complete_nested else (), **kwargs)" in source
    module = ast.parse("import x\nclass Operations: pass\n")
    hook.add_constants(module)
    assert isinstance(module.body[1], ast.AnnAssign)
    code = hook.client_code(ast.unparse(module))
    namespace: dict[str, Any] = {"Any": Any}
    exec(compile(code.replace("import x\n", ""), "<plans>", "exec"), namespace)
    assert namespace["_GET_X_NESTED"] == tuple(hook.plans["_GET_X_NESTED"])
    assert namespace["_GET_X_NESTED"][0]["connection"] == "tasks"
    # Written a value per line: ariadne-codegen's string formatting takes
    # time that grows steeply with the length of a line.
    assert max(len(line) for line in code.splitlines()) <= 100


def test_the_hook_warns_and_leaves_the_method_alone(schema: GraphQLSchema) -> None:
    text = (
        "query X($p: String!) { project(name: $p) { versions { edges { node { id"
        " representations(first: 5) { edges { node { id } } } } } } } }"
    )
    before = ast.unparse(_method(text))
    with pytest.warns(NestedConnectionWarning, match="X: nested connection .* selects no pageInfo"):
        method = NestedCompletion(schema).client_method(_method(text))
    assert ast.unparse(method) == before


def test_a_variable_named_like_the_keyword_is_a_generation_error(schema: GraphQLSchema) -> None:
    method = _method(TASKS_UNDER_FOLDERS)
    method.args.args.append(ast.arg(arg="complete_nested"))
    with pytest.raises(GenerationError, match="get_x: an argument is called 'complete_nested'"):
        NestedCompletion(schema).client_method(method)
