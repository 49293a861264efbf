"""Random valid operations: every typed result equals the raw answer to the same text.

For each seed, :mod:`._random_operations` draws a document of operations;
one ``generate`` run makes a package of all of them, and each operation runs
sync and async against the stand-in with each of its variable sets, its
typed result compared key by key with the answer to the operation as
written (:mod:`._differential`).  CI runs :data:`SEEDS`; a longer run is
``python scripts/fuzz_codegen.py --seeds 100``.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from graphql import build_schema

from ayon_gql.testing import StandInServer

from ._differential import (
    keyword_arguments,
    method_name,
    raw_answer,
    reference_text,
    typed_differences,
)
from ._random_operations import RandomOperations
from .conftest import SCHEMA, GeneratedPackage, connected, connected_async, generate_package

#: Seeds CI runs, and operations per seed.
SEEDS = (1, 2, 3, 4)
OPERATIONS_PER_SEED = 20


def draw_and_generate(
    seed: int, count: int, folder: Path
) -> tuple[str, dict[str, Any], GeneratedPackage]:
    """Draw ``count`` operations for ``seed`` and generate their package in ``folder``."""
    schema = build_schema(SCHEMA.read_text(encoding="utf-8"))
    document, runs = RandomOperations(schema, seed).document(count)
    queries = folder / "queries"
    queries.mkdir(parents=True)
    (queries / "random.graphql").write_text(document, encoding="utf-8")
    package = generate_package(queries, folder / "out", f"ayon_random_{seed}_client")
    return document, runs, package


def _compared(label: str, outcome: Any, raw: Any) -> list[str]:
    """Where a typed result differs from ``raw``; an error raised instead is one difference."""
    if isinstance(outcome, Exception):
        return [f"{label}: {type(outcome).__name__}: {' '.join(str(outcome).split())}"]
    return [f"{label}: {difference}" for difference in typed_differences(outcome, raw)]


def run_all(
    document: str, runs: dict[str, Any], package: GeneratedPackage, server: StandInServer
) -> list[str]:
    """Every difference between typed and raw results, as ``operation variables: where``."""
    failures: list[str] = []
    calls: list[tuple[str, dict[str, Any], Any]] = []
    outcome: Any
    with connected(package, server.url, server.api_key) as client:
        for operation, variable_sets in runs.items():
            text = reference_text(document, operation)
            for variables in variable_sets:
                raw = raw_answer(server, text, variables)
                calls.append((operation, variables, raw))
                method = getattr(client, method_name(operation))
                try:
                    outcome = method(**keyword_arguments(variables))
                except Exception as error:  # a failing call is a difference too
                    outcome = error
                failures += _compared(f"{operation} {variables} sync", outcome, raw)

    async def run_async() -> None:
        outcome: Any
        async with connected_async(package, server.url, server.api_key) as client:
            for operation, variables, raw in calls:
                method = getattr(client, method_name(operation))
                try:
                    outcome = await method(**keyword_arguments(variables))
                except Exception as error:  # a failing call is a difference too
                    outcome = error
                failures.extend(_compared(f"{operation} {variables} async", outcome, raw))

    asyncio.run(run_async())
    return failures


@pytest.mark.parametrize("seed", SEEDS)
def test_random_operations_typed_as_answered(
    seed: int, tmp_path: Path, ayon_standin: StandInServer
) -> None:
    document, runs, package = draw_and_generate(seed, OPERATIONS_PER_SEED, tmp_path)
    assert len(runs) == OPERATIONS_PER_SEED
    assert run_all(document, runs, package, ayon_standin) == []
