"""The plugin hooks of the ``allAttrib`` rewrite, in one object for ``AyonPlugin``.

``AyonPlugin`` forwards four ariadne-codegen hooks here: the operation text
(what goes on the wire), each result class (the ``attrib`` models get their
validator), each result and fragments module (imports) and the client module
(unknown names in ``all_attrib.exclude`` are an error).
"""

from __future__ import annotations

import ast
from typing import Any

from graphql import (
    DocumentNode,
    ExecutableDefinitionNode,
    GraphQLSchema,
    OperationDefinitionNode,
    SelectionSetNode,
)

from ayon_gql._errors import ProjectConfigError
from ayon_gql.codegen._all_attrib import CONFIG_KEY, AllAttribConfig, wire_query
from ayon_gql.codegen._all_attrib_models import AttribModels, add_imports


class AllAttribHooks:
    """Sends ``attrib`` as ``allAttrib`` and fills the typed models from it."""

    def __init__(self, schema: GraphQLSchema, config_dict: dict[str, Any]) -> None:
        self.schema = schema
        self.config = AllAttribConfig.from_config_dict(config_dict)
        self.models = AttribModels(schema)
        self._operations: set[str] = set()

    def wire_query(
        self,
        query: str,
        operation: ExecutableDefinitionNode,
        typed: DocumentNode | None = None,
    ) -> str:
        """``query`` as sent for ``operation`` (its own text, or a follow-up query of it).

        ``typed`` is the operation's typing document, whose merged ``attrib``
        selections the models are built from.
        """
        if not isinstance(operation, OperationDefinitionNode):
            return query
        if operation.name is not None:
            self._operations.add(operation.name.value)
        enabled = self.config.applies_to(operation)
        return wire_query(query, self.schema, enabled=enabled, typed=typed)

    def result_class(
        self, class_def: ast.ClassDef, selection_set: SelectionSetNode
    ) -> ast.ClassDef:
        """Add the ``allAttrib`` validator when ``class_def`` models an ``attrib`` selection."""
        return self.models.add_validator(class_def, selection_set)

    def result_module(self, module: ast.Module) -> ast.Module:
        """Import what the validators of ``module`` need."""
        return add_imports(module)

    def check_exclusions(self) -> None:
        """Refuse ``all_attrib.exclude`` names that match no operation."""
        unknown = self.config.unknown_exclusions(self._operations)
        if unknown:
            raise ProjectConfigError(
                f"[tool.ayon-gql] {CONFIG_KEY}.exclude names no operation: {', '.join(unknown)}"
            )
