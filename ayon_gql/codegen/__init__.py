"""Code generation: our ariadne-codegen plugin and the ``generate`` command.

Needs the ``tools`` extra (ariadne-codegen).
"""

from ayon_gql.codegen._all_attrib import wire_query
from ayon_gql.codegen._config import build_codegen_config
from ayon_gql.codegen._generate import (
    MANIFEST_NAME,
    GenerationResult,
    find_project_root,
    generate,
    read_manifest,
)

__all__ = [
    "MANIFEST_NAME",
    "GenerationResult",
    "build_codegen_config",
    "find_project_root",
    "generate",
    "read_manifest",
    "wire_query",
]
