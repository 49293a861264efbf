"""Events are runtime: no tools, and the websocket library only when listening
(without it, listening says which extra to install)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from ayon_gql.testing import StandInServer


def _run(code: str, server: StandInServer) -> str:
    script = textwrap.dedent(code).replace("URL", server.url).replace("KEY", server.api_key)
    script += "\nimport sys\nprint('\\n'.join(sorted(sys.modules)))\n"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_events_need_no_tools_and_listening_needs_the_events_extra(server: StandInServer) -> None:
    loaded = set(
        _run(
            """
            from ayon_gql import AyonClient
            with AyonClient("URL", api_key="KEY") as client:
                source = client.events.dispatch("studio.src")
                job = client.events.enroll("studio.src", "studio.dst", sender="lean")
                with job:
                    job.source()
            """,
            server,
        ).split()
    )
    assert "ayon_gql.events" in loaded
    tools = {"graphql", "gql", "ariadne_codegen", "ayon_gql.testing", "websockets"}
    assert not tools & loaded
    out = _run(
        """
        import sys
        sys.modules["websockets"] = None  # as if the events extra were not installed
        from ayon_gql import AyonClient, AyonError
        with AyonClient("URL", api_key="KEY") as client:
            try:
                client.events.listen("studio.").start()
            except AyonError as exc:
                print("refused:", exc)
        """,
        server,
    )
    assert "refused: listening to live events needs the events extra" in out
    assert "pip install 'ayon-gql[events]'" in out
