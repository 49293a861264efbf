"""How long importing the client takes: ``from ayon_gql import AyonClient``.

``ayon_gql.AyonClient`` is the stock generated package's client, imported on
first use; its module ``ayon_gql_generated.ayon_client`` imports the runtime
(``ayon_gql``) and the generated operations.  Runs ``python -X importtime``
in fresh interpreters and reports the cumulative time of that module's line
(best and median), of ``ayon_gql`` alone (the runtime), and of
``pydantic.main``, which the generated models need and no client built on
pydantic can avoid.

Measured as users run it, with bytecode caches (``__pycache__``) written by a
first import; ``PYTHONDONTWRITEBYTECODE`` in the environment is ignored for
that.  ``--no-cache`` measures compiling everything from source instead.

    python scripts/measure_import_time.py --runs 21
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile


def _run(code: str, *, cache: bool, importtime: bool = False) -> subprocess.CompletedProcess[str]:
    flags = ["-X", "importtime"] if importtime else []
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("PYTHONPYCACHEPREFIX", None)
    with tempfile.TemporaryDirectory(prefix="ayon-gql-nocache-") as empty:
        if not cache:
            # Look for caches in an empty folder and write none: everything compiles.
            env["PYTHONDONTWRITEBYTECODE"] = "1"
            env["PYTHONPYCACHEPREFIX"] = empty
        return subprocess.run(
            [sys.executable, *flags, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env=env,
        )


def _cumulative_ms(module: str, *, cache: bool) -> float:
    completed = _run(f"import {module}", cache=cache, importtime=True)
    for line in reversed(completed.stderr.splitlines()):
        parts = [part.strip() for part in line.split("|")]
        if len(parts) == 3 and parts[2] == module:
            return int(parts[1]) / 1000
    raise RuntimeError(f"no importtime line for {module}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--no-cache", action="store_true", help="compile every import from source")
    args = parser.parse_args()
    cache = not args.no_cache
    print("with bytecode caches" if cache else "without bytecode caches (compiling from source)")
    for module in ("ayon_gql_generated.ayon_client", "ayon_gql", "pydantic.main", "httpx"):
        _cumulative_ms(module, cache=cache)  # writes the caches when they are used
        times = [_cumulative_ms(module, cache=cache) for _ in range(args.runs)]
        print(
            f"import {module:31} best {min(times):6.1f} ms   median "
            f"{statistics.median(times):6.1f} ms   ({args.runs} runs)"
        )
    loaded = _run(
        "import sys; from ayon_gql import AyonClient; print('httpx' in sys.modules, "
        "'ayon_gql_generated.client' in sys.modules)",
        cache=cache,
    ).stdout.split()
    print(
        f"after from ayon_gql import AyonClient: httpx loaded={loaded[0]}, "
        f"generated client loaded={loaded[1]}"
    )


if __name__ == "__main__":
    main()
