"""``generate``: ownership of the package folder and operation errors with locations."""

from __future__ import annotations

from pathlib import Path

import pytest

from ayon_gql import GenerationError
from ayon_gql.cli import main
from ayon_gql.codegen import MANIFEST_NAME, generate, read_manifest
from tests.codegen.conftest import tree


def test_first_run_writes_the_package_and_its_manifest(
    studio: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["generate", "--project", str(studio)]) == 0
    out = capsys.readouterr().out
    package = studio / "studio_ayon"
    written = tree(package)
    assert f"generated {len(written)} files" in out
    assert "missing" not in out and "new:" not in out
    assert {"client.py", "get_project_folders.py", "get_user_names.py", "ayon.graphql"} <= set(
        written
    )
    assert read_manifest(package) == set(written)
    assert written["ayon.graphql"] == (studio / "schema" / "ayon.graphql").read_bytes()

    assert main(["generate", "--check", "--project", str(studio)]) == 0
    assert "up to date" in capsys.readouterr().out


def test_a_hand_written_module_survives_and_own_stale_files_go(studio: Path) -> None:
    package = studio / "studio_ayon"
    generate(studio)
    (package / "helpers.py").write_text("# the studio's own\n", encoding="utf-8")
    (package / "data").mkdir()
    (package / "data" / "shots.json").write_text("{}", encoding="utf-8")
    (studio / "queries" / "users.graphql").unlink()

    result = generate(studio)
    assert result.removed == ["get_user_names.py"]
    assert result.foreign == ["data/shots.json", "helpers.py"]
    assert not (package / "get_user_names.py").exists()
    assert (package / "helpers.py").read_text(encoding="utf-8") == "# the studio's own\n"
    assert (package / "data" / "shots.json").is_file()
    assert "get_user_names.py" not in (read_manifest(package) or set())
    assert generate(studio, check=True).up_to_date


def test_a_generated_file_never_replaces_a_foreign_one(
    studio: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    package = studio / "studio_ayon"
    package.mkdir()
    (package / "client.py").write_text("# hand-written client\n", encoding="utf-8")
    before = tree(studio)

    assert main(["generate", "--project", str(studio)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("ayon-gql: error: ")
    assert "did not write" in err and "client.py" in err and "nothing was changed" in err
    assert "Traceback" not in err
    assert tree(studio) == before


def test_check_writes_nothing(studio: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["generate", "--check", "--project", str(studio)]) == 1
    assert "has not been generated yet" in capsys.readouterr().err
    assert not (studio / "studio_ayon").exists()


def test_a_manifest_pointing_outside_the_package_is_refused(studio: Path) -> None:
    generate(studio)
    manifest = studio / "studio_ayon" / MANIFEST_NAME
    manifest.write_text("../pyproject.toml\n", encoding="utf-8")
    with pytest.raises(GenerationError, match="not a file inside the package"):
        generate(studio)
    assert (studio / "pyproject.toml").is_file()


def _generate_error(studio: Path) -> str:
    with pytest.raises(GenerationError) as caught:
        generate(studio)
    assert not (studio / "studio_ayon").exists()
    # One line; several problems come as file:line:column lines in ``details``.
    assert "\n" not in str(caught.value)
    return "\n".join((str(caught.value), *caught.value.details))


def test_an_invalid_field_is_reported_at_its_location(studio: Path) -> None:
    path = studio / "queries" / "folders.graphql"
    path.write_text(path.read_text().replace("          updatedAt\n", "          shotCode\n"))
    message = _generate_error(studio)
    assert message.startswith(
        "queries/folders.graphql:12:11: GetProjectFolders: Cannot query field 'shotCode'"
    )


def test_duplicate_operation_names_are_reported(studio: Path) -> None:
    (studio / "queries" / "more.graphql").write_text(
        "# again\nquery GetUserNames {\n  me {\n    name\n  }\n}\n", encoding="utf-8"
    )
    message = _generate_error(studio)
    assert (
        "queries/users.graphql:1:7: GetUserNames: "
        "There can be only one operation named 'GetUserNames'." in message
    )


def test_syntax_errors_and_bad_schemas_are_reported(
    studio: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (studio / "queries" / "broken.graphql").write_text("query {\n  me {\n", encoding="utf-8")
    assert main(["generate", "--project", str(studio)]) == 1
    err = capsys.readouterr().err
    assert "queries/broken.graphql:3:1: Syntax Error" in err
    assert "Traceback" not in err

    (studio / "queries" / "broken.graphql").unlink()
    (studio / "schema" / "ayon.graphql").write_text("type Query {\n  x: Nope\n}\n")
    message = _generate_error(studio)
    assert "schema/ayon.graphql" in message and "Nope" in message


def test_the_project_folder_itself_is_no_target(studio: Path) -> None:
    pyproject = studio / "pyproject.toml"
    pyproject.write_text(pyproject.read_text() + 'package_dir = "."\n', encoding="utf-8")
    before = tree(studio)
    with pytest.raises(GenerationError, match="needs a folder of its own"):
        generate(studio)
    assert tree(studio) == before
