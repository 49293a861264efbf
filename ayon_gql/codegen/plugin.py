"""ariadne-codegen plugin that shapes the generated AYON client.

ariadne-codegen writes one synchronous client class and the result models.
This plugin adds what the AYON client needs on top, so nothing generated is
edited by hand.  Each hook only dispatches to the module that owns a concern:

* :mod:`._async_twin`: the asynchronous twin (``AsyncOperations``);
* :mod:`._iter_methods`: ``iter_<name>`` for every operation that pages
  soundly (:mod:`ayon_gql.schema._relay`), a :class:`GenerationWarning` for
  one that looks paginated but cannot be paged;
* :mod:`._decoded`: ``<attribute>_decoded`` twins of the String fields AYON
  fills with JSON text, chosen by schema coordinate;
* :mod:`._naming`: a :class:`ayon_gql.GenerationError` when two generated
  methods would share a name;
* :mod:`._client_module`: one shared copy of each operation's text, results
  validated through the base client;
* :mod:`._nested`, :mod:`._nested_client`: follow-up plans that complete
  nested connections: ``get_*`` methods of operations that have them pass
  them to ``execute``, and the plans are written a value per line;
* :mod:`._all_attrib_plugin`: ``attrib`` asked as ``allAttrib`` on the wire,
  the typed models filled from its JSON text;
* :mod:`._package`: the package's ``AyonClient`` exports and the shared ``UNSET``;
* :mod:`._field_names`: one attribute per response key, however keys snake-case;
* :mod:`._wire_text`: the operation as written (with its fragments) on the wire,
  while result classes come from the typing document (:mod:`._normalize`);
* :mod:`._optional`: a variable with a default is an optional parameter, a
  conditional ``__typename`` an optional attribute.

Names of generated classes and attributes are never derived here: they are
read from what ariadne-codegen generated (:mod:`._result_classes`).
"""

from __future__ import annotations

import ast
from typing import Any

from ariadne_codegen.plugins.base import Plugin
from graphql import (
    DocumentNode,
    ExecutableDefinitionNode,
    FieldNode,
    FragmentDefinitionNode,
    Node,
    OperationDefinitionNode,
    SelectionSetNode,
    VariableDefinitionNode,
)

from ayon_gql.codegen._all_attrib_plugin import AllAttribHooks
from ayon_gql.codegen._async_twin import import_async_base, make_async_class
from ayon_gql.codegen._client_module import find_class, hoist_queries, parse_through_base
from ayon_gql.codegen._decoded import DecodedProperties
from ayon_gql.codegen._document import Documents
from ayon_gql.codegen._fragment_classes import add_missing_fragment_classes
from ayon_gql.codegen._iter_methods import GenerationWarning, IterMethods
from ayon_gql.codegen._naming import check_fragment_imports, check_method_names
from ayon_gql.codegen._nested_client import NestedCompletion
from ayon_gql.codegen._optional import optional_defaults, optional_typename
from ayon_gql.codegen._package import (
    adapt_client_template,
    export_clients,
    export_write_models,
    includes_write_models,
    share_unset,
)
from ayon_gql.codegen._result_classes import ResultClasses, drop_repeated_fields
from ayon_gql.codegen._typing_files import original_queries
from ayon_gql.codegen._wire_text import WrittenOperations, typing_of

__all__ = ["ASYNC_CLASS", "SYNC_CLASS", "AyonPlugin", "GenerationWarning"]

SYNC_CLASS = "Operations"
ASYNC_CLASS = "AsyncOperations"

_CONFIG_SECTION = "ariadne-codegen"


class AyonPlugin(Plugin):
    """Adds the async client, ``iter_*`` methods and decoded JSON text properties."""

    def __init__(self, schema: Any, config_dict: dict[str, Any]) -> None:
        super().__init__(schema, config_dict)
        self._all_attrib = AllAttribHooks(schema, config_dict)
        self._nested = NestedCompletion(schema)
        section = config_dict.get("tool", {}).get(_CONFIG_SECTION, {})
        self._fragments_module = str(section.get("fragments_module_name", "fragments"))
        queries_path = section.get("queries_path")
        self._original_queries = original_queries(config_dict)
        self._include_typename = bool(section.get("include_typename", True))
        self._documents = Documents(
            schema,
            str(queries_path) if queries_path else None,
            self._original_queries,
            snake_case=bool(section.get("convert_to_snake_case", True)),
        )
        self._wire = (
            WrittenOperations(schema, self._original_queries, self._include_typename)
            if self._original_queries is not None
            else None
        )
        self._classes = ResultClasses()
        self._decoded = DecodedProperties(self._documents)
        self._iterators = IterMethods(schema, self._documents, self._classes)
        #: Result modules by operation name, until the client method names their module.
        self._result_modules: dict[str, ast.Module] = {}
        #: Each ariadne-generated client method and its operation.
        self._methods: dict[str, str] = {}

    # -- result models ----------------------------------------------------

    def generate_result_field(
        self,
        field_implementation: ast.AnnAssign,
        operation_definition: ExecutableDefinitionNode,
        field: FieldNode,
    ) -> ast.AnnAssign:
        field_implementation = optional_typename(field_implementation, field)
        self._classes.record_field(field, field_implementation)
        self._decoded.record_field(field_implementation, field)
        return field_implementation

    def generate_result_class(
        self,
        class_def: ast.ClassDef,
        operation_definition: ExecutableDefinitionNode,
        selection_set: SelectionSetNode,
    ) -> ast.ClassDef:
        drop_repeated_fields(class_def)
        self._decoded.add_to_class(class_def, operation_definition)
        return self._all_attrib.result_class(class_def, selection_set)

    def generate_result_types_module(
        self, module: ast.Module, operation_definition: ExecutableDefinitionNode
    ) -> ast.Module:
        if operation_definition.name is not None:
            self._result_modules[operation_definition.name.value] = module
        return self._all_attrib.result_module(self._decoded.add_imports(module))

    def generate_fragments_module(
        self,
        module: ast.Module,
        fragments_definitions: dict[str, FragmentDefinitionNode] | None = None,
    ) -> ast.Module:
        module = add_missing_fragment_classes(
            module,
            module_name=self._fragments_module,
            fragments=fragments_definitions or {},
            result_modules=self._result_modules.values(),
            schema=self.schema,
            config_dict=self.config_dict,
            hooks=self,
        )
        self._classes.add_module(self._fragments_module, module)
        return self._all_attrib.result_module(self._decoded.add_imports(module))

    # -- client -----------------------------------------------------------

    def generate_client_method(
        self,
        method_def: ast.FunctionDef | ast.AsyncFunctionDef,
        operation_definition: OperationDefinitionNode,
    ) -> ast.FunctionDef | ast.AsyncFunctionDef:
        where = self._documents.of(operation_definition).position(operation_definition)
        method_def = self._nested.client_method(method_def, where)
        if operation_definition.name is not None:
            name = operation_definition.name.value
            self._methods[method_def.name] = name
            # ariadne-codegen names an operation's module after its method.
            module = self._result_modules.get(name)
            if module is not None:
                self._classes.add_module(method_def.name, module)
        self._iterators.plan(method_def, operation_definition)
        return method_def

    def generate_operation_str(
        self, operation_str: str, operation_definition: ExecutableDefinitionNode
    ) -> str:
        typed: DocumentNode | None = None
        if self._wire is not None and isinstance(operation_definition, OperationDefinitionNode):
            fragments = self._documents.of(operation_definition).fragments
            typed = typing_of(operation_definition, fragments)
            found = self._wire.written(operation_definition)
            if found is not None:
                # Per-operation settings are comments above the operation as written.
                operation_str, operation_definition = found
        return self._all_attrib.wire_query(operation_str, operation_definition, typed)

    def generate_arguments(
        self, arguments: ast.arguments, variable_definitions: tuple[VariableDefinitionNode, ...]
    ) -> ast.arguments:
        return optional_defaults(arguments, variable_definitions)

    def process_name(self, name: str, node: Node | None = None) -> str:
        if isinstance(node, FieldNode):
            return self._documents.of(node).attribute(node) or name
        return name

    def generate_client_code(self, generated_code: str) -> str:
        return self._nested.client_code(generated_code)

    def generate_client_module(self, module: ast.Module) -> ast.Module:
        self._all_attrib.check_exclusions()
        sync_class = find_class(module, SYNC_CLASS)
        check_fragment_imports(self._classes, self._fragments_module, self._methods)
        self._iterators.resolve(sync_class)
        check_method_names(
            self._methods, [(p.iter_name, p.operation_name) for p in self._iterators.planned]
        )
        parse_through_base(sync_class)
        hoist_queries(module, sync_class)
        self._nested.add_constants(module)
        async_class = make_async_class(sync_class, ASYNC_CLASS)
        self._iterators.add_methods(sync_class, async_class)
        module.body.append(async_class)
        import_async_base(module)
        self._iterators.add_imports(module, before=sync_class)
        return ast.fix_missing_locations(module)

    def generate_init_import(self, import_: ast.ImportFrom) -> ast.ImportFrom:
        if import_.module == "client" and any(a.name == SYNC_CLASS for a in import_.names):
            import_.names.append(ast.alias(name=ASYNC_CLASS))
        return import_

    def generate_init_module(self, module: ast.Module) -> ast.Module:
        module = export_clients(module)
        if includes_write_models(self.config_dict):
            module = export_write_models(module)
        return module

    def copy_code(self, copied_code: str) -> str:
        return adapt_client_template(share_unset(copied_code), self.config_dict)
