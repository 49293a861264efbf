"""How long ``import ayon_gql`` takes, generated client included.

Runs ``python -X importtime -c "import ayon_gql"`` in fresh interpreters and
reports the cumulative time of the ``ayon_gql`` line (best and median), next
to the same figure for ``pydantic.main``, which the generated models need and
no client built on pydantic can avoid.

    python scripts/measure_import_time.py --runs 20
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys


def _cumulative_ms(module: str) -> float:
    completed = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", f"import {module}"],
        capture_output=True,
        text=True,
        check=True,
    )
    for line in reversed(completed.stderr.splitlines()):
        parts = [part.strip() for part in line.split("|")]
        if len(parts) == 3 and parts[2] == module:
            return int(parts[1]) / 1000
    raise RuntimeError(f"no importtime line for {module}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    for module in ("ayon_gql", "pydantic.main", "httpx"):
        times = [_cumulative_ms(module) for _ in range(args.runs)]
        print(
            f"import {module:14} best {min(times):6.1f} ms   median "
            f"{statistics.median(times):6.1f} ms   ({args.runs} runs)"
        )
    loaded = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, ayon_gql; print('httpx' in sys.modules, "
            "'ayon_gql_generated.client' in sys.modules)",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    print(f"after import ayon_gql: httpx loaded={loaded[0]}, generated client loaded={loaded[1]}")


if __name__ == "__main__":
    main()
