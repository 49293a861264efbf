"""Random valid operations: what a user reads equals the raw answer, every way they read it.

For each seed, :mod:`._random_operations` draws a document of operations;
one ``generate`` run makes a package of all of them, and each operation runs
sync and async against the stand-in with each of its variable sets, read
every way a user can: ``get_*`` completing nested connections against one
request with every completed nested ``first`` raised, ``get_*`` with
``complete_nested=False`` against the text as written, and ``iter_*`` at a
page size of 1-6 against one request for the whole list (with a long id
filter given out of order); each typed result is compared key by key with
the raw answer (:mod:`._differential`).  CI runs :data:`SEEDS`; a longer run is
``python scripts/fuzz_codegen.py --seeds 100``.
"""

from __future__ import annotations

import asyncio
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from graphql import build_schema

from ayon_gql.schema._relay import iter_method_name
from ayon_gql.testing import StandInServer

from ._differential import (
    RAISED_FIRST,
    completed_paths,
    differences,
    keyword_arguments,
    method_name,
    raised_text,
    raw_answer,
    reference_text,
    typed_differences,
    with_long_ids,
)
from ._random_operations import PAGED_KEY, RandomOperations
from .conftest import (
    SCHEMA,
    GeneratedPackage,
    connected,
    connected_async,
    generate_package,
)

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
    if isinstance(outcome, list):  # the items of iter_*
        dumped = [item.model_dump(by_alias=True, exclude_unset=True) for item in outcome]
        return [f"{label}: {difference}" for difference in differences(dumped, raw)]
    return [f"{label}: {difference}" for difference in typed_differences(outcome, raw)]


@dataclass
class _Reading:
    """One way of reading an operation, and the server's answer it must equal."""

    label: str
    method: str
    arguments: dict[str, Any]
    expected: Any


def _readings(
    document: str, operation: str, variables: dict[str, Any], module: Any, server: StandInServer
) -> list[_Reading]:
    """Every way a user reads ``operation`` with ``variables``, each with the raw answer
    it must equal: ``get_*`` completing nested connections (one request with every
    completed ``first`` raised), ``get_*`` without completing (the text as written) and
    ``iter_*`` at a small page size (one request for the whole list)."""
    text = reference_text(document, operation)
    method = method_name(operation)
    variables = with_long_ids(server, text, variables)
    arguments = keyword_arguments(variables)
    shown = {k: f"<{len(v)} ids>" if k == "ids" else v for k, v in variables.items()}
    label = f"{operation} {sorted(shown.items())}"
    completed = completed_paths(module, method)
    whole = raised_text(text, completed) if completed else text
    readings = [_Reading(f"{label} get", method, arguments, raw_answer(server, whole, variables))]
    if completed:
        readings.append(
            _Reading(
                f"{label} get complete_nested=False",
                method,
                {**arguments, "complete_nested": False},
                raw_answer(server, text, variables),
            )
        )
    iterator = iter_method_name(method)
    if hasattr(module.Operations, iterator):
        everything = raw_answer(server, whole, {**variables, "first": RAISED_FIRST})
        page_size = 1 + zlib.crc32(label.encode()) % 6
        readings.append(
            _Reading(
                f"{label} iter page_size={page_size}",
                iterator,
                {**arguments, "page_size": page_size},
                [edge["node"] for edge in everything["project"][PAGED_KEY]["edges"]],
            )
        )
    return readings


def run_all(
    document: str, runs: dict[str, Any], package: GeneratedPackage, server: StandInServer
) -> list[str]:
    """Every difference between what a user reads and the server's answer, sync and async,
    as ``operation variables way: where``."""
    module = package.client_module()
    readings = [
        reading
        for operation, variable_sets in runs.items()
        for variables in variable_sets
        for reading in _readings(document, operation, variables, module, server)
    ]
    failures: list[str] = []
    outcome: Any
    with connected(package, server.url, server.api_key) as client:
        for reading in readings:
            try:
                outcome = getattr(client, reading.method)(**reading.arguments)
                if reading.method.startswith("iter_"):
                    outcome = list(outcome)
            except Exception as error:  # a failing call is a difference too
                outcome = error
            failures += _compared(f"{reading.label} sync", outcome, reading.expected)

    async def run_async() -> None:
        outcome: Any
        async with connected_async(package, server.url, server.api_key) as client:
            for reading in readings:
                try:
                    if reading.method.startswith("iter_"):
                        called = getattr(client, reading.method)(**reading.arguments)
                        outcome = [item async for item in called]
                    else:
                        outcome = await getattr(client, reading.method)(**reading.arguments)
                except Exception as error:  # a failing call is a difference too
                    outcome = error
                failures.extend(_compared(f"{reading.label} async", outcome, reading.expected))

    asyncio.run(run_async())
    return failures


@pytest.mark.parametrize("seed", SEEDS)
def test_random_operations_typed_as_answered(
    seed: int, tmp_path: Path, ayon_standin: StandInServer
) -> None:
    document, runs, package = draw_and_generate(seed, OPERATIONS_PER_SEED, tmp_path)
    assert len(runs) == OPERATIONS_PER_SEED
    assert run_all(document, runs, package, ayon_standin) == []
