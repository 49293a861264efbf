# ruff: noqa: E501  (the table of command lines reads best one case per line)
"""No command prints a traceback for bad input.

Every command is run with missing files, unreadable schemas, invalid
operations, duplicate names, bad package names and an unreachable server (a
closed port on 127.0.0.1).  An error is one line, ``ayon-gql: error: ...`` on stderr, with
the command's documented exit status; ``check`` reports problems in the
queries as its report (exit 1) and ``query`` reports validation errors as
``file:line:column: message`` lines.  Nothing is left in the working folder
(which is ``init``'s project folder).  Most commands run in-process through
``ayon_gql.cli.main``; a few through the installed entry point.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from graphql import build_schema, introspection_from_schema

from ayon_gql.cli import main
from ayon_gql.testing import StandInServer
from tests.schema.conftest import PROJECT_ROOT, SNAPSHOT

ERROR = "ayon-gql: error: "


@dataclass(frozen=True)
class Case:
    """One command line, its exit status and what its output must contain.

    ``kind`` is ``error`` (one ``ayon-gql: error:`` line on stderr, after
    ``file:line:column`` lines when there are several problems; nothing on stdout), ``report`` (check's report on stdout) or ``lines`` (query's
    ``file:line:column: message`` lines on stderr).
    """

    argv: tuple[str, ...]
    status: int
    expect: str
    kind: str = "error"


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


@pytest.fixture(scope="module")
def closed_url() -> str:
    return f"http://127.0.0.1:{_closed_port()}"


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Bad input of every kind, in one folder."""
    root = tmp_path_factory.mktemp("bad-input")
    introspection = introspection_from_schema(build_schema(SNAPSHOT.read_text(encoding="utf-8")))
    (root / "introspection.json").write_text(json.dumps({"data": introspection}), encoding="utf-8")
    (root / "not-json.json").write_text("not json at all", encoding="utf-8")
    (root / "not-introspection.json").write_text('{"data": {"a": 1}}', encoding="utf-8")
    (root / "broken.graphql").write_text("type Query {\n  me: String\n", encoding="utf-8")
    (root / "no-query.graphql").write_text("schema { query: Missing }\n", encoding="utf-8")
    (root / "binary.graphql").write_bytes(b"\xff\xfe\x00\x01")
    (root / "a-folder").mkdir()
    (root / "empty").mkdir()
    (root / "empty" / "README.md").write_text("no operations here\n", encoding="utf-8")
    invalid = root / "invalid"
    invalid.mkdir()
    (invalid / "me.graphql").write_text("query GetMe { me { nmae } }\n", encoding="utf-8")
    duplicates = root / "duplicates"
    duplicates.mkdir()
    for name in ("a", "b"):
        (duplicates / f"{name}.graphql").write_text(
            "query GetMe { me { name } }\nfragment UserName on UserNode { name }\n",
            encoding="utf-8",
        )
    syntax = root / "syntax"
    syntax.mkdir()
    (syntax / "me.graphql").write_text("query GetMe {\n  me { name\n}\n", encoding="utf-8")
    (root / "uses-fragment.graphql").write_text(
        "query Named { me { ...UserName } }\n", encoding="utf-8"
    )
    (root / "user-name.graphql").write_text(
        "fragment UserName on UserNode { name }\n", encoding="utf-8"
    )
    (root / "syntax-error.graphql").write_text("query { me { name }\n", encoding="utf-8")
    # A project (both the new section and ariadne-codegen's, for generate) per problem.
    for name, queries in (("invalid", invalid), ("duplicates", duplicates), ("syntax", syntax)):
        project = root / f"project-{name}"
        project.mkdir()
        (project / "pyproject.toml").write_text(_pyproject(queries), encoding="utf-8")
    (root / "project-broken").mkdir()
    (root / "project-broken" / "pyproject.toml").write_text(
        '[tool.ayon-gql]\npackage = "x"\nschemas = "typo"\n', encoding="utf-8"
    )
    return root


def _pyproject(queries: Path) -> str:
    templates = PROJECT_ROOT / "ayon_gql" / "codegen" / "templates"
    return f"""
[tool.ayon-gql]
schema = "{SNAPSHOT.as_posix()}"
queries = "{queries.as_posix()}"
package = "studio_client"

[tool.ariadne-codegen]
schema_path = "{SNAPSHOT.as_posix()}"
queries_path = "{queries.as_posix()}"
target_package_name = "studio_client"
client_name = "Operations"
base_client_name = "BaseClient"
base_client_file_path = "{(templates / "base_client.py").as_posix()}"
plugins = ["ayon_gql.codegen.plugin.AyonPlugin"]
"""


def _cases(files: Path, closed: str) -> Iterator[tuple[str, Case]]:
    f = {name: str(files / name) for name in (
        "missing.json", "missing.graphql", "not-json.json", "not-introspection.json",
        "broken.graphql", "no-query.graphql", "binary.graphql", "a-folder", "empty",
        "invalid", "duplicates", "syntax", "uses-fragment.graphql", "user-name.graphql",
        "syntax-error.graphql", "missing-folder",
    )}  # fmt: skip
    snapshot = str(SNAPSHOT)
    me = "query { me { name } }"
    table = [
        # schema pull: exit 1 on any error
        ("pull-missing-file", Case(("schema", "pull", "--from-file", f["missing.json"]), 1, "file not found")),
        ("pull-not-json", Case(("schema", "pull", "--from-file", f["not-json.json"]), 1, "not valid JSON")),
        ("pull-not-introspection", Case(("schema", "pull", "--from-file", f["not-introspection.json"]), 1, "__schema")),
        ("pull-unreachable", Case(("schema", "pull", "--url", closed), 1, "ConnectError")),
        ("pull-output-is-a-folder", Case(("schema", "pull", "--from-file", str(files / "introspection.json"), "-o", f["a-folder"]), 1, "cannot write")),
        # schema diff: exit 2 when a schema cannot be read
        ("diff-missing-file", Case(("schema", "diff", f["missing.graphql"], snapshot), 2, "missing.graphql: file not found")),
        ("diff-broken-sdl", Case(("schema", "diff", snapshot, f["broken.graphql"]), 2, "broken.graphql:3:1: Syntax Error")),
        ("diff-invalid-schema", Case(("schema", "diff", f["no-query.graphql"], snapshot), 2, "Unknown type 'Missing'")),
        ("diff-not-text", Case(("schema", "diff", f["binary.graphql"], snapshot), 2, "not a text file")),
        ("diff-a-folder", Case(("schema", "diff", f["a-folder"], snapshot), 2, "a-folder")),
        ("diff-not-json", Case(("schema", "diff", f["not-json.json"], snapshot), 2, "not-json.json")),
        ("diff-unreachable", Case(("schema", "diff", closed, snapshot), 2, closed)),
        # check: 2 when a schema or the queries cannot be read, 1 when an operation fails
        ("check-missing-schema", Case(("check", "--schema", f["missing.graphql"], "--queries", f["invalid"]), 2, "missing.graphql")),
        ("check-broken-schema", Case(("check", "--schema", f["broken.graphql"], "--queries", f["invalid"]), 2, "Syntax Error")),
        ("check-broken-base", Case(("check", "--base", f["not-introspection.json"], "--queries", f["invalid"]), 2, "__schema")),
        ("check-unreachable-schema", Case(("check", "--schema", closed, "--queries", f["invalid"]), 2, closed)),
        ("check-missing-queries", Case(("check", "--schema", snapshot, "--queries", f["missing-folder"]), 2, "queries folder not found")),
        ("check-empty-queries", Case(("check", "--schema", snapshot, "--queries", f["empty"]), 2, "nothing to check")),
        ("check-no-project", Case(("check", "--project", f["a-folder"]), 2, "no pyproject.toml")),
        ("check-broken-config", Case(("check", "--project", str(files / "project-broken")), 2, "unknown key(s)")),
        ("check-invalid-operation", Case(("check", "--schema", snapshot, "--queries", f["invalid"]), 1, "GetMe: Cannot query field 'nmae'", "report")),
        ("check-duplicate-names", Case(("check", "--schema", snapshot, "--queries", f["duplicates"]), 1, "There can be only one fragment named 'UserName'", "report")),
        ("check-syntax-error", Case(("check", "--schema", snapshot, "--queries", f["syntax"]), 1, "FAIL: 1 operation(s) affected: GetMe", "report")),
        # generate: exit 1
        ("generate-no-project", Case(("generate", "--project", f["a-folder"]), 1, "pyproject.toml")),
        ("generate-invalid-operation", Case(("generate", "--project", str(files / "project-invalid")), 1, "nmae")),
        ("generate-duplicate-names", Case(("generate", "--project", str(files / "project-duplicates")), 1, "GetMe")),
        ("generate-syntax-error", Case(("generate", "--project", str(files / "project-syntax")), 1, "me.graphql")),
        ("generate-missing-schema", Case(("generate", "--project", str(files / "project-invalid"), "--schema", f["missing.graphql"]), 1, "missing.graphql")),
        # init: exit 1, and nothing written in the project folder (the current one)
        ("init-bad-package-name", Case(("init", "9lives", "--schema", snapshot), 1, "package name '9lives' is not a Python identifier")),
        ("init-package-name-with-dash", Case(("init", "studio-ayon", "--schema", snapshot), 1, "package name 'studio-ayon' is not a Python identifier")),
        ("init-unreachable-url", Case(("init", "studio_ayon", "--url", closed), 1, f"cannot pull the schema from {closed}")),
        ("init-no-server", Case(("init", "studio_ayon"), 1, "pass --url URL (or set AYON_SERVER_URL) or --schema FILE")),
        ("init-missing-schema", Case(("init", "studio_ayon", "--schema", f["missing.graphql"]), 1, f"cannot read schema {f['missing.graphql']}")),
        ("init-schema-is-a-folder", Case(("init", "studio_ayon", "--schema", f["empty"]), 1, f"cannot read schema {f['empty']}")),
        ("init-not-a-schema", Case(("init", "studio_ayon", "--schema", f["not-introspection.json"]), 1, "is neither GraphQL SDL nor introspection JSON")),
        ("init-not-json", Case(("init", "studio_ayon", "--schema", f["not-json.json"]), 1, "is neither GraphQL SDL nor introspection JSON")),
        ("init-invalid-schema", Case(("init", "studio_ayon", "--schema", f["no-query.graphql"]), 1, "Unknown type 'Missing'")),
        ("init-url-and-schema", Case(("init", "studio_ayon", "--schema", snapshot, "--url", closed), 1, "either --url or --schema")),
        # query: exit 1
        ("query-missing-file", Case(("query", "-f", f["missing.graphql"]), 1, "missing.graphql: file not found")),
        ("query-missing-schema", Case(("query", "--schema", f["missing.graphql"], me), 1, "missing.graphql")),
        ("query-broken-schema", Case(("query", "--schema", f["broken.graphql"], me), 1, "Syntax Error")),
        ("query-unreachable-schema", Case(("query", "--schema", closed, me), 1, closed)),
        ("query-unreachable-server", Case(("query", me, "--url", closed), 1, "ConnectError")),
        ("query-invalid", Case(("query", "{ me { nmae } }"), 1, "<query>:1:8: Cannot query field 'nmae'", "lines")),
        ("query-syntax-error", Case(("query", "-f", f["syntax-error.graphql"]), 1, "syntax-error.graphql:2:1: Syntax Error", "lines")),
        ("query-unknown-fragment", Case(("query", "-f", f["uses-fragment.graphql"]), 1, "uses-fragment.graphql:1:23: Unknown fragment 'UserName'", "lines")),
        ("query-duplicate-fragments", Case(("query", "-f", f["user-name.graphql"], "-f", f["user-name.graphql"], "-f", f["uses-fragment.graphql"]), 1, "only one fragment named 'UserName'")),
        ("query-only-fragments", Case(("query", "-f", f["user-name.graphql"]), 1, "no operation")),
        ("query-bad-variables", Case(("query", me, "--variables", "{oops"), 1, "--variables is not valid JSON")),
        ("query-query-and-file", Case(("query", me, "-f", f["user-name.graphql"]), 1, "not both")),
        # REST commands: exit 1
        ("installers-unreachable", Case(("installers", "list", "--url", closed), 1, "ConnectError")),
        ("installers-upload-missing-file", Case(("installers", "upload", f["missing.json"], "--platform", "linux", "--version", "1.0.0", "--url", closed), 1, "missing.json")),
        ("installers-upload-a-folder", Case(("installers", "upload", f["a-folder"], "--platform", "linux", "--version", "1.0.0", "--url", closed), 1, "a-folder")),
        ("installers-download-unreachable", Case(("installers", "download", "x.sh", f["a-folder"], "--url", closed), 1, "ConnectError")),
        ("dependency-packages-unreachable", Case(("dependency-packages", "list", "--url", closed), 1, "ConnectError")),
        ("dependency-packages-bad-addon", Case(("dependency-packages", "upload", f["not-json.json"], "--platform", "linux", "--installer-version", "1.0.0", "--source-addon", "core", "--url", closed), 1, "NAME=VERSION")),
        ("bundles-unreachable", Case(("bundles", "list", "--url", closed), 1, "ConnectError")),
        ("bundles-check-not-json", Case(("bundles", "check", f["not-json.json"], "--url", closed), 1, "is not JSON")),
        ("settings-unreachable", Case(("settings", "core", "--url", closed), 1, "ConnectError")),
        # serve and demo: exit 1
        ("serve-bad-port", Case(("serve", "--port", "70000"), 1, "not a port number")),
        ("demo-unreachable", Case(("demo", "--url", closed), 1, "ConnectError")),
        ("demo-bad-project-name", Case(("demo", "--url", closed, "--project", "no such!"), 1, "invalid project name")),
    ]  # fmt: skip
    yield from table


_IDS = [name for name, _ in _cases(Path("/x"), "http://127.0.0.1:1")]


def _assert_outcome(case: Case, status: int, out: str, err: str) -> None:
    shown = f"\nstdout:\n{out}\nstderr:\n{err}"
    assert "Traceback" not in out + err, shown
    assert status == case.status, shown
    if case.kind == "error":
        # One error line; several problems are listed before it as file:line:column lines.
        *located, last = err.strip().splitlines()
        assert last.startswith(ERROR), shown
        assert all(":" in line and not line.startswith(ERROR) for line in located), shown
        assert case.expect in err, shown
        assert out == "", shown
    elif case.kind == "report":
        assert case.expect in out, shown
        assert err == "", shown
    else:
        assert case.expect in err, shown
        assert all(":" in line and not line.startswith(ERROR) for line in err.splitlines()), shown


@pytest.fixture
def quiet_environment(monkeypatch: pytest.MonkeyPatch, files: Path) -> None:
    """No server from the environment, no retries, outside any project."""
    for name in ("AYON_SERVER_URL", "AYON_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AYON_SERVER_RETRIES", "0")
    monkeypatch.chdir(files / "a-folder")


@pytest.mark.parametrize("name", _IDS)
@pytest.mark.usefixtures("quiet_environment")
def test_bad_input_gets_one_line_and_the_documented_status(
    name: str, files: Path, closed_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    case = dict(_cases(files, closed_url))[name]
    status = main(list(case.argv))
    out, err = capsys.readouterr()
    _assert_outcome(case, status, out, err)
    # No command leaves anything in the working folder on bad input (init's project folder).
    assert list((files / "a-folder").iterdir()) == []


@pytest.mark.parametrize(
    ("argv", "expect"),
    [
        (("schema", "pull"), "no server URL"),
        (("query", "query { me { name } }"), "no server URL"),
        (("installers", "list"), "no server URL"),
    ],
)
@pytest.mark.usefixtures("quiet_environment")
def test_no_server_configured(
    argv: tuple[str, ...], expect: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(list(argv))
    out, err = capsys.readouterr()
    _assert_outcome(Case(argv, 1, expect), status, out, err)


@pytest.mark.usefixtures("quiet_environment")
def test_serve_on_a_busy_port(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = str(busy.getsockname()[1])
        status = main(["serve", "--port", port, "--versions", "10"])
    out, err = capsys.readouterr()
    _assert_outcome(Case((), 1, f"cannot serve on 127.0.0.1:{port}"), status, out, err)


@pytest.mark.parametrize(
    ("argv", "expect"),
    [
        (("bundles", "show", "no_such_bundle"), "no_such_bundle"),
        (("settings", "no_such_addon"), "no_such_addon"),
        (("installers", "download", "no-such-installer.sh"), "no-such-installer.sh"),
        (("query", 'query { project(name: "no_such_project") { name } }'), "Project not found"),
    ],
)
def test_what_the_server_refuses(
    argv: tuple[str, ...],
    expect: str,
    ayon_server: StandInServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("AYON_SERVER_URL", ayon_server.url)
    monkeypatch.setenv("AYON_API_KEY", ayon_server.api_key)
    monkeypatch.chdir(tmp_path)
    status = main(list(argv))
    out, err = capsys.readouterr()
    _assert_outcome(Case(argv, 1, expect), status, out, err)
    assert list(tmp_path.iterdir()) == []  # nothing left behind


def test_argument_errors_are_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["check", "--no-such-option"])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "usage: ayon-gql" in err and "unrecognized arguments: --no-such-option" in err
    assert "Traceback" not in err


def _entry_point() -> list[str]:
    script = Path(sys.executable).with_name("ayon-gql")
    return [str(script)] if script.exists() else [sys.executable, "-m", "ayon_gql"]


@pytest.mark.parametrize(
    "name", ["query-missing-file", "check-empty-queries", "diff-broken-sdl", "init-not-a-schema"]
)
def test_the_installed_command(name: str, files: Path, closed_url: str) -> None:
    case = dict(_cases(files, closed_url))[name]
    environment = {k: v for k, v in os.environ.items() if not k.startswith("AYON_")}
    done = subprocess.run(
        [*_entry_point(), *case.argv],
        capture_output=True,
        text=True,
        cwd=files / "a-folder",
        env=environment,
        timeout=120,
    )
    _assert_outcome(case, done.returncode, done.stdout, done.stderr)
    assert list((files / "a-folder").iterdir()) == []
