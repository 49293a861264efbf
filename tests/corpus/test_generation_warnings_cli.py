"""``ayon-gql generate`` and ``init`` print each generation warning as one line on stderr.

``file:line: warning: message`` (the file as the user typed it, relative to
the working folder), nothing of Python's warning format; the library API
keeps raising the warnings through :mod:`warnings`.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from ayon_gql.cli import main
from ayon_gql.codegen import generate
from ayon_gql.codegen._nested import NestedConnectionWarning
from ayon_gql.codegen.plugin import GenerationWarning

from .conftest import SCHEMA

#: Line 1: a comment; line 3: an operation that cannot be paged (non-null cursor);
#: line 12: one whose nested connection has no pageInfo (it would be cut).
OPERATIONS = """\
# Two operations generation warns about.

query GetFoldersRequiredCursor($projectName: String!, $first: Int, $after: String!) {
  project(name: $projectName) {
    folders(first: $first, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { id } }
    }
  }
}

query GetFoldersWithTasks($projectName: String!, $first: Int, $after: String) {
  project(name: $projectName) {
    folders(first: $first, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { id tasks(first: 5) { edges { node { id } } } } }
    }
  }
}
"""

EXPECTED = [
    "queries/folders.graphql:3: warning: GetFoldersRequiredCursor: "
    "no iter_folders_required_cursor(): $after is non-null, ",
    "queries/folders.graphql:12: warning: GetFoldersWithTasks: "
    "nested connection project.folders.edges.node.tasks selects no pageInfo ",
]


def _project(root: Path, package: str) -> None:
    root.mkdir(parents=True, exist_ok=True)
    (root / "pyproject.toml").write_text(
        f'[tool.ayon-gql]\nschema = "{SCHEMA.as_posix()}"\nqueries = "queries"\n'
        f'package = "{package}"\n',
        encoding="utf-8",
    )
    (root / "queries").mkdir()
    (root / "queries" / "folders.graphql").write_text(OPERATIONS, encoding="utf-8")


def _assert_one_line_each(err: str) -> None:
    lines = [line for line in err.splitlines() if ": warning: " in line]
    assert len(lines) == len(EXPECTED), err
    for line, start in zip(lines, EXPECTED, strict=True):
        assert line.startswith(start), line
    assert "Warning" not in err  # no category names ...
    assert "warnings.warn" not in err and ".py:" not in err  # ... nor Python source lines
    assert len(err.splitlines()) == len(EXPECTED)  # nothing else on stderr


def test_generate_prints_each_warning_on_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _project(tmp_path, "ayon_warned_client")
    monkeypatch.chdir(tmp_path)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # none escapes as a Python warning
        assert main(["generate"]) == 0
    _assert_one_line_each(capsys.readouterr().err)
    assert (tmp_path / "ayon_warned_client" / "client.py").is_file()

    # --check generates too, and says the same.
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert main(["generate", "--check"]) == 0
    _assert_one_line_each(capsys.readouterr().err)


def test_init_prints_each_warning_on_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "studio"
    _project(root, "ayon_init_warned")
    (root / "pyproject.toml").write_text("[project]\nname = 'studio'\n", encoding="utf-8")
    monkeypatch.chdir(root)
    monkeypatch.delenv("AYON_SERVER_URL", raising=False)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert main(["init", "ayon_init_warned", "--schema", str(SCHEMA)]) == 0
    _assert_one_line_each(capsys.readouterr().err)
    assert (root / "ayon_init_warned" / "client.py").is_file()


def test_the_library_still_warns_through_the_warnings_module(tmp_path: Path) -> None:
    _project(tmp_path, "ayon_api_warned")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        generate(tmp_path)
    found = [
        (w.category, Path(w.filename).name, w.lineno)
        for w in caught
        if issubclass(w.category, (GenerationWarning, NestedConnectionWarning))
    ]
    assert found == [
        (GenerationWarning, "folders.graphql", 3),
        (NestedConnectionWarning, "folders.graphql", 12),
    ]


def test_a_failing_generation_prints_only_its_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _project(tmp_path, "ayon_refused_client")
    package = tmp_path / "ayon_refused_client"
    package.mkdir()
    (package / "client.py").write_text("# the studio's own\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["generate"]) == 1
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith("ayon-gql: error: ") and "client.py" in line
