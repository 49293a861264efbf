"""Hand ariadne-codegen the typing document instead of the queries as written.

ariadne-codegen reads its operations from ``queries_path``.  Generation
writes the typing document (:mod:`._normalize`) into its scratch folder and
points ``queries_path`` there; the queries as written stay reachable for the
plugin under :data:`ORIGINAL_SECTION`, for the text that goes on the wire and
for the file and line of each definition.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from graphql import DefinitionNode, DocumentNode, GraphQLSchema, parse, print_ast

from ayon_gql.codegen._config import CODEGEN_SECTION
from ayon_gql.codegen._normalize import typing_document

#: ``config["tool"][ORIGINAL_SECTION]["queries_path"]``: the queries as written.
ORIGINAL_SECTION = "ayon-gql-typing"
#: Rules the typing document may break: fragments it inlined, variables only
#: a folded condition used (the queries as written were validated in full).
_RELAXED_RULES = ("NoUnusedFragments", "NoUnusedVariables")


def read_document(paths: Iterable[Path]) -> DocumentNode:
    """Every definition of the (already validated) query files, in file order."""
    definitions: list[DefinitionNode] = []
    for path in paths:
        definitions.extend(parse(path.read_text(encoding="utf-8")).definitions)
    return DocumentNode(definitions=tuple(definitions))


def read_queries(queries_path: str) -> DocumentNode:
    """The queries as written, read the way ariadne-codegen reads them."""
    from ariadne_codegen.schema import load_graphql_files_from_path

    return parse(load_graphql_files_from_path(Path(queries_path)))


def original_queries(config_dict: dict[str, Any]) -> str | None:
    """The queries path as the user configured it, when generation replaced it."""
    section = config_dict.get("tool", {}).get(ORIGINAL_SECTION, {})
    value = section.get("queries_path")
    return str(value) if value else None


def write_typing_document(
    config: dict[str, Any], schema: GraphQLSchema, files: Iterable[Path], scratch: Path
) -> Path:
    """Write the typing document of ``files`` and point ``config`` at it."""
    section = config["tool"][CODEGEN_SECTION]
    snake_case = bool(section.get("convert_to_snake_case", True))
    document = typing_document(schema, read_document(files), snake_case=snake_case)
    folder = scratch / "typing"
    folder.mkdir()
    path = folder / "operations.graphql"
    path.write_text(print_ast(document) + "\n", encoding="utf-8")
    config["tool"][ORIGINAL_SECTION] = {"queries_path": section["queries_path"]}
    section["queries_path"] = str(path)
    skipped = list(section.get("skip_validation_rules", ["NoUnusedFragments"]))
    section["skip_validation_rules"] = skipped + [r for r in _RELAXED_RULES if r not in skipped]
    return path
