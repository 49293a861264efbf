"""Generated method names that would collide, refused with a clear error.

ariadne-codegen names each method after its operation (its own
``process_name``); the plugin adds ``iter_*`` methods.  Two operations must
never end up behind one name (``IterFolders`` and the ``iter_folders`` of
``GetFolders``), nor may an operation replace a base client method
(``GetData`` would replace ``get_data``, which every generated method uses).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache

from ayon_gql._errors import GenerationError
from ayon_gql.codegen._result_classes import ResultClasses


@cache
def base_client_members() -> frozenset[str]:
    """Public names of the classes every generated client is built on (the runtime
    seam's operation and client bases), which no generated method may replace:
    ``get_data``, ``execute``, ``login``, ``rest``, ``as_user`` ..."""
    from ayon_gql import client

    bases = (
        client.OperationsBase,
        client.AsyncOperationsBase,
        client.AyonClientBase,
        client.AsyncAyonClientBase,
    )
    return frozenset(name for base in bases for name in dir(base) if not name.startswith("_"))


def check_method_names(methods: Mapping[str, str], iterators: Iterable[tuple[str, str]]) -> None:
    """Raise :class:`GenerationError` when two generated methods share a name.

    ``methods`` maps each ariadne-generated method to its operation;
    ``iterators`` are ``(iter method, operation)`` pairs added by the plugin.
    """
    reserved = base_client_members()
    for method, operation in sorted(methods.items()):
        if method in reserved:
            raise GenerationError(
                f"operation {operation} would generate {method}(), which replaces the base "
                f"client's {method}(); rename the operation"
            )
    owners: dict[str, str] = {}
    for method, operation in sorted(iterators):
        other = methods.get(method) or owners.get(method)
        if other is not None:
            raise GenerationError(
                f"operations {other} and {operation} would both generate {method}() "
                f"({operation} as its iterator); rename one of them"
            )
        if method in reserved:
            raise GenerationError(
                f"operation {operation} would generate {method}(), which replaces the base "
                f"client's {method}(); rename the operation"
            )
        owners[method] = operation


def check_fragment_imports(
    classes: ResultClasses, fragments_module: str, methods: Mapping[str, str]
) -> None:
    """Refuse result modules importing fragment classes that were never written.

    ariadne-codegen 0.19 leaves a fragment out of the fragments module once
    any operation merges its fields into its own classes, even if another
    place still subclasses it; :mod:`._fragment_classes` writes such classes
    into the fragments module, but when every fragment was merged there is no
    fragments module, and the package would fail to import.
    """
    missing = classes.missing_imports(fragments_module)
    if missing:
        module, name = missing[0]
        operation = methods.get(module, module)
        raise GenerationError(
            f"operation {operation} uses fragment {name} as a class, but ariadne-codegen "
            f"generates no class for it (it merges the fragment's fields elsewhere); spread "
            f"{name} only where the type is its own type condition, or split it in two"
        )
