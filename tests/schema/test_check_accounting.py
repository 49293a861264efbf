"""``check`` accounts for every definition: nothing skipped, nothing silently replaced."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ayon_gql import InvalidInputError
from ayon_gql.cli import main
from ayon_gql.schema import check_operations
from tests.schema.conftest import SNAPSHOT


def _folder(root: Path, files: dict[str, str]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def _check(folder: Path, schema: Path = SNAPSHOT) -> object:
    return check_operations(schema, base_schema=schema, queries_path=folder, project_root=None)


@pytest.fixture(autouse=True)
def _outside_any_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def test_operations_with_one_name_in_two_files_are_both_checked(tmp_path: Path) -> None:
    folder = _folder(
        tmp_path / "q",
        {
            "a.graphql": "query GetMe { me { name } }\n",
            "b.graphql": "# the second one is broken\nquery GetMe { me { nmae } }\n",
        },
    )
    report = check_operations(SNAPSHOT, queries_path=folder)
    assert [op.name for op in report.operations] == ["GetMe", "GetMe"]
    messages = [str(error) for error in report.validation_errors]
    assert (
        "q/b.graphql:2:7: GetMe: There can be only one operation named 'GetMe': "
        "defined at q/a.graphql:1:7 and at q/b.graphql:2:7." in messages
    )
    # The second definition is validated too: its own error is reported.
    assert "q/b.graphql:2:20: GetMe: Cannot query field 'nmae' on type 'UserNode'." in " ".join(
        messages
    )
    assert report.failing_operations == ["GetMe"]
    assert not report.ok


def test_a_fragment_defined_twice_is_an_error_naming_both_places(tmp_path: Path) -> None:
    folder = _folder(
        tmp_path / "q",
        {
            "a.graphql": "fragment Who on UserNode { name }\nquery GetMe { me { ...Who } }\n",
            "b.graphql": "fragment Who on UserNode { nmae }\n",
        },
    )
    report = check_operations(SNAPSHOT, queries_path=folder)
    [duplicate] = report.validation_errors
    assert duplicate.fragment == "Who" and duplicate.operation is None
    assert "q/a.graphql:1:10" in duplicate.message and "q/b.graphql:1:10" in duplicate.message
    assert report.failing_fragments == ["Who"]
    text = report.format_text()
    assert "FAIL: 0 operation(s) affected: -" in text
    assert "      fragments: Who" in text
    assert report.exit_code == 1


def test_anonymous_operations_are_validated_and_named_by_file_and_line(tmp_path: Path) -> None:
    folder = _folder(
        tmp_path / "q",
        {"anon.graphql": "{ me { name } }\n\nquery {\n  me { nmae }\n}\n"},
    )
    report = check_operations(SNAPSHOT, queries_path=folder)
    assert [op.name for op in report.operations] == [
        "anonymous query (q/anon.graphql:1)",
        "anonymous query (q/anon.graphql:3)",
    ]
    assert report.failing_operations == ["anonymous query (q/anon.graphql:3)"]
    assert str(report.validation_errors[0]).startswith(
        "q/anon.graphql:4:8: anonymous query (q/anon.graphql:3): Cannot query field 'nmae'"
    )
    assert report.operations[0].methods == ()  # no generated method for an anonymous one


def test_a_syntax_error_names_the_operations_of_its_file(tmp_path: Path) -> None:
    folder = _folder(
        tmp_path / "q",
        {
            "broken.graphql": (
                "query GetMe { me { name } }\n"
                "query GetUsers($n: Int) { users(first: $n) { edges { node { name } } } } }\n"
                "fragment Who on UserNode { name }\n"
            ),
            "fine.graphql": "query GetProjects { projects { edges { node { name } } } }\n",
        },
    )
    report = check_operations(SNAPSHOT, queries_path=folder)
    assert [op.name for op in report.operations] == ["GetMe", "GetUsers", "GetProjects"]
    assert report.failing_operations == ["GetMe", "GetUsers"]
    assert all("Syntax Error" in e.message for e in report.validation_errors)
    text = report.format_text()
    assert text.startswith("Checked 3 operations in q against")
    assert "FAIL: 2 operation(s) affected: GetMe, GetUsers" in text
    assert "generated methods: get_me, get_users" in text
    assert "fragments: Who" in text


def test_the_count_is_the_operations_in_the_files(tmp_path: Path) -> None:
    folder = _folder(
        tmp_path / "q",
        {
            "a.graphql": (
                "query A { me { name } }\n{ me { name } }\nfragment F on UserNode { name }\n"
            ),
            "sub/b.gql": "query B { me { ...F } }\nquery A2 { me { name } }\n",
            "notes.txt": "query NotGraphQL { me { name } }\n",
        },
    )
    report = check_operations(SNAPSHOT, queries_path=folder)
    assert len(report.operations) == 4
    assert report.ok
    assert report.format_text().startswith("Checked 4 operations")


@pytest.mark.parametrize("make", ["missing", "empty", "no-graphql-files"])
def test_no_queries_is_an_error(tmp_path: Path, make: str) -> None:
    folder = tmp_path / "q"
    if make != "missing":
        folder.mkdir()
    if make == "no-graphql-files":
        (folder / "README.md").write_text("nothing\n", encoding="utf-8")
    with pytest.raises(InvalidInputError, match=r"queries folder not found|nothing to check"):
        check_operations(SNAPSHOT, queries_path=folder)
    assert main(["check", "--schema", str(SNAPSHOT), "--queries", str(folder)]) == 2


def test_without_configuration_schema_and_queries_are_enough(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _folder(tmp_path / "q", {"me.graphql": "query GetMe { me { name } }\n"})
    assert main(["check", "--schema", str(SNAPSHOT), "--queries", str(folder)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Checked 1 operations in q against {SNAPSHOT}")
    assert main(["check"]) == 2
    assert "pass --queries" in capsys.readouterr().err
    # The bundled snapshot when no schema is given and no project configures one.
    assert main(["check", "--queries", str(folder), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["schema"] == "the bundled snapshot"


def test_inside_a_project_the_configured_schema_and_queries_are_the_defaults(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "studio"
    _folder(project / "graphql", {"me.graphql": "query GetMe { me { name isAdmin } }\n"})
    (project / "schema").mkdir()
    snapshot = SNAPSHOT.read_text(encoding="utf-8")
    assert "  isAdmin: Boolean!\n" in snapshot
    (project / "schema" / "studio.graphql").write_text(
        snapshot.replace("  isAdmin: Boolean!\n", "", 1), encoding="utf-8"
    )
    (project / "pyproject.toml").write_text(
        '[tool.ayon-gql]\nschema = "schema/studio.graphql"\nqueries = "graphql"\n'
        'package = "studio_ayon"\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(project / "graphql")  # found by searching upwards
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    assert out.startswith(
        "Checked 1 operations in graphql against schema/studio.graphql "
        "(base: schema/studio.graphql)"
    )
    assert "graphql/me.graphql:1:25: GetMe: Cannot query field 'isAdmin'" in out
    # --schema still wins over the configured one; the base stays the configured one.
    assert main(["check", "--schema", str(SNAPSHOT)]) == 0
    assert "(base: schema/studio.graphql)" in capsys.readouterr().out


def test_a_breaking_change_maps_to_each_operation_of_a_shared_name(tmp_path: Path) -> None:
    folder = _folder(
        tmp_path / "q",
        {
            "a.graphql": "query GetMe { me { name } }\n",
            "b.graphql": "query GetMe { me { name isAdmin } }\n",
        },
    )
    new = tmp_path / "new.graphql"
    new.write_text(
        SNAPSHOT.read_text(encoding="utf-8").replace("  isAdmin: Boolean!\n", "", 1),
        encoding="utf-8",
    )
    report = check_operations(new, base_schema=SNAPSHOT, queries_path=folder)
    change = next(c for c in report.affecting if c.coordinate == "UserNode.isAdmin")
    [usage] = change.affected
    assert (usage.operation, str(usage.location)) == ("GetMe", "q/b.graphql:1:25")
    assert "UserNode.isAdmin" not in {c.coordinate for c in report.unrelated}


def test_json_names_failing_fragments(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _folder(tmp_path / "q", {"f.graphql": "fragment Lonely on UserNode { nmae }\n"})
    assert main(["check", "--schema", str(SNAPSHOT), "--queries", str(folder), "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert (report["operations"], report["failing_fragments"]) == (0, ["Lonely"])


def test_an_unreadable_file_is_reported_not_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _folder(tmp_path / "q", {"me.graphql": "query GetMe { me { name } }\n"})
    (folder / "latin1.graphql").write_bytes(
        "# caf\xe9\nquery X { me { name } }\n".encode("latin-1")
    )
    assert main(["check", "--schema", str(SNAPSHOT), "--queries", str(folder)]) == 1
    out = capsys.readouterr().out
    assert "q/latin1.graphql:1:1: cannot read the file: not UTF-8 text" in out
    assert "      files: q/latin1.graphql" in out
