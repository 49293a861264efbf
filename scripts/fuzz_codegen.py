"""The differential test of code generation, for as many seeds as you like.

For each seed: draw random valid operations over the schema snapshot
(``tests/corpus/_random_operations.py``), generate one package of all of them,
and read each operation every way a user can, sync and async, against one
stand-in with each of its variable sets: ``get_*`` completing nested
connections against one request with every completed nested ``first``
raised, ``get_*`` with ``complete_nested=False`` against the operation as
written, ``iter_*`` at a page size of 1-6 against one request for the whole
list (``tests/corpus/test_differential.py``, ``_differential.py``).  CI runs a
few seeds; this runs more:

    python scripts/fuzz_codegen.py --seeds 100
    python scripts/fuzz_codegen.py --first-seed 1000 --seeds 20 --operations 60
    python scripts/fuzz_codegen.py --seeds 1000 --minutes 60   # as many as fit

Prints each failing seed's differences and its generation time, then the
seeds, operations, operations with differences, the slowest generation and
the time.  Exit status 1 when anything differed.
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
    parser.add_argument(
        "--minutes", type=float, default=None, help="start no seed after this many minutes"
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    operations = runs_count = seeds = 0
    slowest = (0.0, 0)
    failed_operations: set[str] = set()
    failures = 0
    with StandInServer() as server, tempfile.TemporaryDirectory() as scratch:
        for seed in range(args.first_seed, args.first_seed + args.seeds):
            if args.minutes is not None and time.perf_counter() - started > args.minutes * 60:
                break
            seeds += 1
            generating = time.perf_counter()
            try:
                document, runs, package = draw_and_generate(
                    seed, args.operations, Path(scratch) / str(seed)
                )
                generated = time.perf_counter() - generating
                slowest = max(slowest, (generated, seed))
            except Exception as error:  # a generation that fails fails every operation
                operations += args.operations
                failures += 1
                failed_operations.add(f"seed {seed}: generate")
                print(f"seed {seed}: generate failed: {type(error).__name__}: {error}"[:500])
                continue
            found = run_all(document, runs, package, server)
            operations += len(runs)
            runs_count += sum(len(v) for v in runs.values())
            failures += len(found)
            failed_operations |= {line.split()[0] for line in found}
            for line in found:
                print(f"seed {seed}: {line[:500]}")
            print(
                f"seed {seed}: {len(runs)} operations ({len(document) // 1024} KB) generated in"
                f" {generated:.1f} s, {len(found)} differences",
                flush=True,
            )
    seconds = time.perf_counter() - started
    print(
        f"{seeds} seeds, {operations} operations, {runs_count} variable sets read every way"
        f" sync and async: {len(failed_operations)} operations with differences"
        f" ({failures} in all); slowest generation {slowest[0]:.1f} s (seed {slowest[1]});"
        f" {seconds:.0f} s"
    )
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
