"""Fragment classes ariadne-codegen 0.19 imports but never writes, written after all.

ariadne-codegen leaves a fragment out of the fragments module once any
operation merges ("unpacks") its fields into its own classes: a fragment on
an interface spread on an object type, or next to inline fragments.  Another
place may still subclass the same fragment (where the type is the interface
itself), so a result module imports a class that does not exist.  The
missing classes are made here with ariadne-codegen's own result generator,
through this plugin's hooks like every other result class.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping
from typing import Any

from graphql import FragmentDefinitionNode, GraphQLSchema


def _defined(module: ast.Module) -> set[str]:
    names: set[str] = set()
    for statement in module.body:
        if isinstance(statement, ast.ClassDef):
            names.add(statement.name)
        elif isinstance(statement, ast.Assign):
            names.update(t.id for t in statement.targets if isinstance(t, ast.Name))
    return names


def _imported_from(modules: Iterable[ast.Module], module_name: str) -> set[str]:
    return {
        alias.name
        for module in modules
        for statement in module.body
        if isinstance(statement, ast.ImportFrom)
        and statement.level == 1
        and statement.module == module_name
        for alias in statement.names
    }


def _bases(class_def: ast.ClassDef) -> set[str]:
    return {base.id for base in class_def.bases if isinstance(base, ast.Name)}


def _ordered(classes: list[ast.ClassDef]) -> list[ast.ClassDef]:
    """Classes with every base defined before its subclasses (stable otherwise)."""
    by_name = {c.name: c for c in classes}
    done: list[ast.ClassDef] = []
    placed: set[str] = set()

    def place(class_def: ast.ClassDef, trail: frozenset[str]) -> None:
        if class_def.name in placed or class_def.name in trail:
            return
        for base in sorted(_bases(class_def)):
            if base in by_name:
                place(by_name[base], trail | {class_def.name})
        placed.add(class_def.name)
        done.append(class_def)

    for class_def in classes:
        place(class_def, frozenset())
    return done


def add_missing_fragment_classes(
    module: ast.Module,
    *,
    module_name: str,
    fragments: Mapping[str, FragmentDefinitionNode],
    result_modules: Iterable[ast.Module],
    schema: GraphQLSchema,
    config_dict: dict[str, Any],
    hooks: Any,
) -> ast.Module:
    """Generate the fragment classes result modules import from ``module`` but it lacks.

    ``hooks`` is the plugin: the new classes go through its result hooks
    (decoded twins, recorded attribute names) like ariadne-codegen's own.
    """
    from ariadne_codegen.client_generators.constants import BASE_MODEL_IMPORT
    from ariadne_codegen.client_generators.result_types import ResultTypesGenerator
    from ariadne_codegen.config import get_client_settings
    from ariadne_codegen.plugins.manager import PluginManager
    from ariadne_codegen.utils import str_to_pascal_case

    by_class = {str_to_pascal_case(name): d for name, d in fragments.items()}
    wanted = _imported_from(result_modules, module_name)
    missing = sorted(name for name in wanted - _defined(module) if name in by_class)
    if not missing:
        return module
    settings = get_client_settings(config_dict)
    manager = PluginManager(schema)
    manager.plugins = [hooks]
    imports: list[ast.stmt] = []
    classes: list[ast.ClassDef] = []
    pending, done = list(missing), _defined(module)
    while pending:
        name = pending.pop(0)
        if name in done:
            continue
        done.add(name)
        generator = ResultTypesGenerator(
            schema=schema,
            operation_definition=by_class[name],
            enums_module_name=settings.enums_module_name,
            fragments_definitions=dict(fragments),
            base_model_import=BASE_MODEL_IMPORT,
            convert_to_snake_case=settings.convert_to_snake_case,
            custom_scalars=settings.scalars,
            plugin_manager=manager,
            default_optional_fields_to_none=settings.default_optional_fields_to_none,
            include_typename=settings.include_typename,
            use_alias_generator=settings.use_alias_generator,
        )
        imports.extend(generator.get_imports())
        classes.extend(generator.get_classes())
        # Fragments these classes subclass must exist too.
        pending.extend(str_to_pascal_case(f) for f in generator.get_fragments_used_as_mixins())
    existing = [s for s in module.body if isinstance(s, ast.ClassDef)]
    first = next(
        (i for i, s in enumerate(module.body) if isinstance(s, ast.ClassDef)), len(module.body)
    )
    head = module.body[:first]
    tail = [s for s in module.body[first:] if not isinstance(s, ast.ClassDef)]
    # ariadne-codegen's generator imports its fragment bases from the fragments
    # module, which is this module: drop those self-imports.
    own = [
        i
        for i in imports
        if not (isinstance(i, ast.ImportFrom) and i.level == 1 and i.module == module_name)
    ]
    module.body = [*own, *head, *_ordered([*existing, *classes]), *tail]
    return ast.fix_missing_locations(module)
