"""pytest fixtures for the stand-in server (registered as the ``ayon_gql`` plugin).

* ``ayon_standin`` (session scope): one running stand-in server with the
  default dataset, shared by the whole test session.
* ``ayon_server`` (function scope): the same server, reset before each test
  (faults disarmed, request log cleared, REST state and entity data restored).

The server serves the schema of the project pytest runs in: the ``schema``
of ``[tool.ayon-gql]`` in the ``pyproject.toml`` at or above pytest's
rootdir.  Another schema is chosen with the ``--ayon-schema PATH`` option or
the ``ayon_schema`` ini key (relative to the ini file); with none of these
the stock snapshot shipped with ayon-gql is served.

The project's generated package is importable in its tests: the folder that
holds it goes on ``sys.path`` (as ``python -m pytest`` would do for the
current folder), so a plain ``pytest`` in the project finds it too.

pytest loads this module in every project that has ayon-gql installed, so it
imports the stand-in (which needs the ``tools`` extra) only when a test asks
for one of the fixtures.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from ayon_gql.testing import StandInServer

#: The command-line option and the ini key that choose the served schema.
SCHEMA_OPTION = "--ayon-schema"
SCHEMA_INI = "ayon_schema"


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("ayon-gql", "ayon-gql stand-in server")
    group.addoption(
        SCHEMA_OPTION,
        dest="ayon_schema",
        metavar="PATH",
        default=None,
        help="schema the ayon_standin/ayon_server fixtures serve (SDL or introspection JSON; "
        "default: the project's [tool.ayon-gql] schema, else the stock snapshot)",
    )
    parser.addini(
        SCHEMA_INI,
        help="schema the ayon-gql stand-in fixtures serve, relative to the ini file "
        "(default: the project's [tool.ayon-gql] schema, else the stock snapshot)",
        default="",
    )


def pytest_configure(config: pytest.Config) -> None:
    """Make the project's generated package importable (see the module docstring)."""
    import sys

    from ayon_gql._errors import AyonError
    from ayon_gql._project import find_project

    try:
        project = find_project(config.rootpath)
    except AyonError:
        return  # reported by the fixtures, if a test uses them
    if project is None or project.package_dir.name != project.package:
        return
    folder = str(project.package_dir.parent)
    if folder not in sys.path:
        sys.path.insert(0, folder)


def served_schema(config: pytest.Config) -> Path | None:
    """The schema the fixtures serve: option, ini key, project configuration; None for stock."""
    from ayon_gql._errors import AyonError
    from ayon_gql._project import find_project

    option = config.getoption("ayon_schema")
    if option:
        return (config.invocation_params.dir / str(option)).resolve()
    ini = str(config.getini(SCHEMA_INI) or "").strip()
    if ini:
        base = config.inipath.parent if config.inipath is not None else config.rootpath
        return (base / ini).resolve()
    try:
        project = find_project(config.rootpath)
    except AyonError as exc:
        problem = f"ayon-gql: {exc}"
    else:
        return project.schema if project is not None else None
    pytest.fail(problem, pytrace=False)


@pytest.fixture(scope="session")
def ayon_standin(pytestconfig: pytest.Config) -> Iterator[StandInServer]:
    """A stand-in server shared by the session, serving the project's schema."""
    try:
        from ayon_gql.testing import StandInServer
    except ImportError as exc:  # pragma: no cover - depends on the installed extras
        raise pytest.UsageError(
            f"the ayon_standin fixture needs the stand-in server: "
            f"pip install 'ayon-gql[tools]' ({exc})"
        ) from exc
    from ayon_gql._errors import AyonError

    try:
        server = StandInServer(schema=served_schema(pytestconfig))
    except AyonError as exc:
        problem = f"ayon-gql stand-in: {exc}"
    else:
        with server:
            yield server
        return
    pytest.fail(problem, pytrace=False)


@pytest.fixture
def ayon_server(ayon_standin: StandInServer) -> Iterator[StandInServer]:
    """The session's stand-in server, reset for this test."""
    ayon_standin.reset()
    yield ayon_standin
    ayon_standin.reset()
