"""The differential test of code generation, for as many seeds as you like.

For each seed: draw random valid operations over the schema snapshot
(``tests/corpus/_random_operations.py``), generate one package of all of them,
run each operation sync and async against one stand-in with each of its
variable sets, and compare the typed result with the raw answer to the
operation as written (``tests/corpus/_differential.py``).  CI runs a few
seeds in ``tests/corpus/test_differential.py``; this runs more:

    python scripts/fuzz_codegen.py --seeds 100
    python scripts/fuzz_codegen.py --first-seed 1000 --seeds 20 --operations 60

Prints each failing seed's differences, then operations, failures and time.
Exit status 1 when anything differed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ayon_gql.testing import StandInServer  # noqa: E402
from tests.corpus.test_differential import draw_and_generate, run_all  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=20, help="how many seeds (default 20)")
    parser.add_argument("--first-seed", type=int, default=100, help="the first seed (default 100)")
    parser.add_argument("--operations", type=int, default=40, help="operations per seed")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    operations = calls = 0
    failed_operations: set[str] = set()
    failures = 0
    with StandInServer() as server, tempfile.TemporaryDirectory() as scratch:
        for seed in range(args.first_seed, args.first_seed + args.seeds):
            try:
                document, runs, package = draw_and_generate(
                    seed, args.operations, Path(scratch) / str(seed)
                )
            except Exception as error:  # a generation that fails fails every operation
                operations += args.operations
                failures += 1
                failed_operations.add(f"seed {seed}: generate")
                print(f"seed {seed}: generate failed: {type(error).__name__}: {error}"[:500])
                continue
            found = run_all(document, runs, package, server)
            operations += len(runs)
            calls += 2 * sum(len(v) for v in runs.values())
            failures += len(found)
            failed_operations |= {line.split()[0] for line in found}
            for line in found:
                print(f"seed {seed}: {line[:500]}")
            print(f"seed {seed}: {len(runs)} operations, {len(found)} differences", flush=True)
    seconds = time.perf_counter() - started
    print(
        f"{args.seeds} seeds, {operations} operations, {calls} typed calls: "
        f"{len(failed_operations)} operations with differences ({failures} in all), {seconds:.0f} s"
    )
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
