"""``ayon-gql generate --check``: the committed client equals fresh codegen output."""

from __future__ import annotations

import filecmp
import shutil
from pathlib import Path

import pytest

from ayon_gql.codegen import MANIFEST_NAME, generate
from tests.schema.conftest import PROJECT_ROOT


@pytest.fixture(scope="module")
def generated_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("generated") / "generated"
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(PROJECT_ROOT / "generated", target, ignore=ignore)
    return target


def test_committed_client_is_up_to_date() -> None:
    result = generate(PROJECT_ROOT, check=True)
    assert result.up_to_date, (result.changed, result.added, result.removed)
    assert "client.py" in result.files


def test_a_modified_copy_drifts(generated_copy: Path) -> None:
    target = generated_copy
    (target / "get_versions.py").write_text("# edited by hand\n", encoding="utf-8")
    (target / "get_me.py").unlink()
    (target / "stale_operation.py").write_text("", encoding="utf-8")
    with (target / MANIFEST_NAME).open("a", encoding="utf-8") as manifest:
        manifest.write("stale_operation.py\n")  # as if an earlier run had written it
    (target / "studio_helpers.py").write_text("# hand-written\n", encoding="utf-8")

    result = generate(PROJECT_ROOT, check=True, target=target)
    assert not result.up_to_date
    assert result.added == ["get_me.py"]
    assert result.changed == ["_ayon_gql_files.txt", "get_versions.py"]
    assert result.removed == ["stale_operation.py"]
    assert result.foreign == ["studio_helpers.py"]
    assert (target / "get_versions.py").read_text() == "# edited by hand\n"  # check writes nothing

    generate(PROJECT_ROOT, target=target)  # regenerating repairs the copy
    committed = PROJECT_ROOT / "generated"
    for name in result.files:
        assert filecmp.cmp(target / name, committed / name, shallow=False), name
    assert not (target / "stale_operation.py").exists()
    assert (target / "studio_helpers.py").read_text() == "# hand-written\n"
