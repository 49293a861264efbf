"""Code generation: our ariadne-codegen plugin and the ``generate`` command.

Needs the ``tools`` extra (ariadne-codegen).
"""

from ayon_gql.codegen._all_attrib import wire_query
from ayon_gql.codegen._generate import GenerationResult, find_project_root, generate

__all__ = ["GenerationResult", "find_project_root", "generate", "wire_query"]
