"""The client runtime needs httpx and pydantic only: the tools stay out of it."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def _modules_after(code: str) -> set[str]:
    script = textwrap.dedent(code) + "\nimport sys\nprint('\\n'.join(sorted(sys.modules)))\n"
    output = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    return set(output.split())


TOOLS = {"graphql", "gql", "ariadne_codegen", "ayon_gql.schema", "ayon_gql.testing", "ayon_gql.cli"}


def test_import_loads_no_generated_package_and_no_tools() -> None:
    loaded = _modules_after("import ayon_gql, ayon_gql.client")
    assert not {name for name in loaded if name.startswith("ayon_gql_generated")}
    assert not TOOLS & loaded
    assert "httpx" not in loaded  # imported on the first request


def test_the_stock_client_loads_the_generated_client_but_no_tools() -> None:
    loaded = _modules_after("from ayon_gql import AyonClient")
    assert "ayon_gql_generated.client" in loaded
    assert not TOOLS & loaded
    assert "httpx" not in loaded


def test_a_client_call_needs_no_tools() -> None:
    loaded = _modules_after(
        """
        from ayon_gql import AyonClient, TransportError
        client = AyonClient("http://127.0.0.1:9", api_key="k", retries=0)
        try:
            client.get_me()
        except TransportError:
            pass
        client.rest  # the REST adapter is runtime too
        """
    )
    assert "httpx" in loaded
    assert not TOOLS & loaded


def test_pytest_plugin_loads_without_the_tools() -> None:
    """pytest loads the plugin in every project with ayon-gql installed."""
    loaded = _modules_after(
        """
        import sys
        sys.modules["graphql"] = None  # as if graphql-core were not installed
        import ayon_gql.pytest_plugin
        """
    )
    assert "ayon_gql.pytest_plugin" in loaded
    assert "ayon_gql.testing" not in loaded
