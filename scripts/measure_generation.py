"""Generation time against operation size: does ``ayon-gql generate`` grow linearly?

Writes operations of growing size, each with ``2 * N`` nested connections
(folders with their tasks and products, aliased ``N`` times), defaulted
variables and a fragment per parent, generates a package for each in a
temporary project (``ayon_gql.codegen.generate``, as ``ayon-gql generate``
does) and prints the operation's size, its nested connections, the seconds
generation took and the seconds per kilobyte.  About linear growth means
the last column stays about flat.

    python scripts/measure_generation.py
    python scripts/measure_generation.py --sizes 1 3 6 12 24
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = ROOT / "schema" / "ayon.graphql"

_PAGE = "pageInfo { hasNextPage endCursor startCursor }"


def operation(parents: int) -> str:
    """One operation with ``parents`` aliased folder connections, two nested connections each."""
    blocks = []
    fragments = []
    for index in range(parents):
        fragments.append(
            f"fragment FolderBits{index} on FolderNode {{ id name label path folderType"
            " status tags active createdAt updatedAt attrib { fps frameStart frameEnd } }"
        )
        blocks.append(
            f"f{index}: folders(first: $first) {{ {_PAGE} edges {{ node {{ id"
            f" ...FolderBits{index}"
            f" tasks(first: $nestedFirst) {{ {_PAGE} edges {{ node {{ id name taskType"
            " status assignees attrib { priority fps } } } }"
            f" products(first: $nestedFirst) {{ {_PAGE} edges {{ node {{ id name"
            " productType status attrib { description } } } } } } }"
        )
    head = (
        'query Sized($projectName: String! = "demo_Commercial", $first: Int = 2,'
        " $nestedFirst: Int = 1)"
    )
    body = " ".join(blocks)
    return f"{head} {{ project(name: $projectName) {{ {body} }} }}\n\n" + "\n".join(fragments)


def measure(parents: int, scratch: Path) -> tuple[int, int, float]:
    """The operation's size in bytes, its nested connections, and the seconds to generate."""
    from ayon_gql.codegen import generate

    project = scratch / f"sized{parents}"
    queries = project / "queries"
    queries.mkdir(parents=True)
    text = operation(parents)
    (queries / "sized.graphql").write_text(text, encoding="utf-8")
    section = {"schema": str(SCHEMA), "queries": str(queries), "package": f"sized_{parents}"}
    lines = ["[tool.ayon-gql]", *(f"{key} = {json.dumps(value)}" for key, value in section.items())]
    (project / "pyproject.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    started = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        generate(project)
    seconds = time.perf_counter() - started
    operation_text = text.split("\n\n")[0]
    size = len(text.encode())
    assert operation_text.count("tasks(") == parents
    return size, 2 * parents, seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=[1, 2, 3, 6, 12], help="parents per operation"
    )
    args = parser.parse_args(argv)
    print(f"{'bytes':>7} {'nested':>6} {'seconds':>8} {'s/KB':>6}")
    with tempfile.TemporaryDirectory() as scratch:
        for parents in args.sizes:
            size, nested, seconds = measure(parents, Path(scratch))
            per_kilobyte = seconds / size * 1024
            print(f"{size:>7} {nested:>6} {seconds:>8.2f} {per_kilobyte:>6.2f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
