"""Tie a generated package to the runtime seam (``ayon_gql.client``).

Three edits to what ariadne-codegen writes, made through the plugin's hooks:

* ``base_model.py`` imports ``UNSET`` and ``UnsetType`` from the runtime
  instead of defining its own, so every generated package shares one
  sentinel (:func:`share_unset`, from ``copy_code``);
* the copied ``ayon_client.py`` template imports the operations from the
  configured client module and names the configured schema snapshot
  (:func:`adapt_client_template`, from ``copy_code``);
* the package's ``__init__`` exports ``AyonClient`` and ``AsyncAyonClient``
  (:func:`export_clients`, from ``generate_init_module``), eagerly or lazily
  as ariadne-codegen wrote the rest.
"""

from __future__ import annotations

import ast
import json
from pathlib import PurePath
from typing import Any

from ayon_gql._errors import GenerationError

#: The module (copied from ``templates/ayon_client.py``) and the classes it defines.
CLIENTS_MODULE = "ayon_client"
CLIENT_CLASSES = ("AsyncAyonClient", "AyonClient")

_SEAM = "ayon_gql.client"
_UNSET_NAMES = frozenset({"UnsetType", "UNSET"})
_TEMPLATE_IMPORT = "from .client import AsyncOperations, Operations"
_TEMPLATE_SNAPSHOT = 'schema_snapshot = "ayon.graphql"'
_LAZY_MAP = "_LAZY_IMPORTS"
_SCHEMA_SUFFIXES = (".graphql", ".graphqls", ".gql")


def _defines_unset(node: ast.stmt) -> bool:
    if isinstance(node, ast.ClassDef):
        return node.name == "UnsetType"
    if isinstance(node, ast.Assign):
        return any(isinstance(t, ast.Name) and t.id == "UNSET" for t in node.targets)
    return False


def share_unset(code: str) -> str:
    """``base_model.py`` with its own ``UnsetType``/``UNSET`` replaced by the runtime's.

    Other copied files (modules, the schema, ``py.typed``) pass through
    unchanged.  A base model that defines only one of the two is refused: a
    second sentinel must never slip in.
    """
    if "UnsetType" not in code:
        return code
    tree = ast.parse(code)
    found = [node for node in tree.body if _defines_unset(node)]
    if not found:
        return code
    names = {node.name if isinstance(node, ast.ClassDef) else "UNSET" for node in found}
    if names != _UNSET_NAMES:
        raise GenerationError(
            "base_model.py defines only part of UnsetType/UNSET; cannot share the runtime's"
        )
    lines = code.splitlines(keepends=True)
    for node in sorted(found, key=lambda n: n.lineno, reverse=True):
        assert node.end_lineno is not None
        start = node.lineno - 1 - len(getattr(node, "decorator_list", []))
        del lines[start : node.end_lineno]
    imports = [n for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom))]
    after = max((n.end_lineno or n.lineno for n in imports), default=0)
    # One sentinel for all packages; re-exported explicitly (``as``) for strict type checkers.
    lines.insert(after, f"from {_SEAM} import UNSET as UNSET, UnsetType as UnsetType\n")
    return _squeeze_blank_lines("".join(lines))


def _squeeze_blank_lines(code: str) -> str:
    """At most two blank lines in a row (what removing definitions leaves behind)."""
    out: list[str] = []
    blank = 0
    for line in code.splitlines(keepends=True):
        blank = blank + 1 if not line.strip() else 0
        if blank <= 2:
            out.append(line)
    return "".join(out)


def _section(config: dict[str, Any]) -> dict[str, Any]:
    section = config.get("tool", {}).get("ariadne-codegen", {})
    return section if isinstance(section, dict) else {}


def adapt_client_template(code: str, config: dict[str, Any]) -> str:
    """The ``ayon_client.py`` template fitted to the configuration.

    Its operations come from ``client_file_name`` (default ``client``), and
    its snapshot is the schema file copied into the package with it (the
    one ``.graphql`` file among ``files_to_include``; ``ayon.graphql`` if
    there is none or several).  Other copied files pass through unchanged.
    """
    if _TEMPLATE_IMPORT not in code:
        return code
    section = _section(config)
    client_module = str(section.get("client_file_name") or "client")
    code = code.replace(
        _TEMPLATE_IMPORT, f"from .{client_module} import AsyncOperations, Operations"
    )
    included = section.get("files_to_include") or []
    schemas = {PurePath(str(f)).name for f in included if str(f).endswith(_SCHEMA_SUFFIXES)}
    if len(schemas) == 1:
        code = code.replace(_TEMPLATE_SNAPSHOT, f"schema_snapshot = {json.dumps(schemas.pop())}")
    return code


def export_clients(module: ast.Module) -> ast.Module:
    """Add ``AyonClient`` and ``AsyncAyonClient`` to the package's ``__init__``."""
    names = list(CLIENT_CLASSES)
    import_ = ast.ImportFrom(
        module=CLIENTS_MODULE, names=[ast.alias(name=n) for n in names], level=1
    )
    type_checking = next(
        (
            node
            for node in module.body
            if isinstance(node, ast.If)
            and isinstance(node.test, ast.Name)
            and node.test.id == "TYPE_CHECKING"
        ),
        None,
    )
    all_assign = next(
        node
        for node in module.body
        if isinstance(node, ast.Assign)
        and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets)
    )
    if type_checking is not None:  # lazy imports: declare for type checkers, map for __getattr__
        type_checking.body.append(import_)
        lazy_map = next(
            node.value
            for node in module.body
            if isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == _LAZY_MAP for t in node.targets)
            and isinstance(node.value, ast.Dict)
        )
        assert isinstance(lazy_map, ast.Dict)
        entries: dict[str, ast.expr] = {
            str(key.value): value
            for key, value in zip(lazy_map.keys, lazy_map.values, strict=True)
            if isinstance(key, ast.Constant)
        }
        for name in names:
            entries[name] = ast.Constant(value=f".{CLIENTS_MODULE}")
        lazy_map.keys = [ast.Constant(value=key) for key in sorted(entries)]
        lazy_map.values = [entries[key] for key in sorted(entries)]
    else:
        module.body.insert(module.body.index(all_assign), import_)
    assert isinstance(all_assign.value, ast.List)
    exported = {str(e.value) for e in all_assign.value.elts if isinstance(e, ast.Constant)}
    all_assign.value.elts = [ast.Constant(value=n) for n in sorted(exported | set(names))]
    return ast.fix_missing_locations(module)


#: The module holding the typed write models (see ``_write_model_code``).
WRITE_MODELS_MODULE = "write_models"


def includes_write_models(config: dict[str, Any]) -> bool:
    """Whether generation copies a ``write_models.py`` into the package."""
    included = _section(config).get("files_to_include") or []
    return any(PurePath(str(f)).name == f"{WRITE_MODELS_MODULE}.py" for f in included)


def export_write_models(module: ast.Module) -> ast.Module:
    """The package's ``__init__`` with ``write_models`` as a namespace export.

    With lazy imports the module is imported on first use, like every other
    name: ``__getattr__`` imports it (which also makes it an attribute of the
    package) and type checkers see ``from . import write_models``.
    """
    import_ = ast.ImportFrom(module=None, names=[ast.alias(name=WRITE_MODELS_MODULE)], level=1)
    type_checking = next(
        (
            node
            for node in module.body
            if isinstance(node, ast.If)
            and isinstance(node.test, ast.Name)
            and node.test.id == "TYPE_CHECKING"
        ),
        None,
    )
    getattr_ = next(
        (
            node
            for node in module.body
            if isinstance(node, ast.FunctionDef) and node.name == "__getattr__"
        ),
        None,
    )
    all_assign = next(
        node
        for node in module.body
        if isinstance(node, ast.Assign)
        and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets)
    )
    if type_checking is not None and getattr_ is not None:
        type_checking.body.append(import_)
        lazy = ast.parse(
            f"if name == {WRITE_MODELS_MODULE!r}:\n"
            f"    return importlib.import_module('.{WRITE_MODELS_MODULE}', __name__)\n"
        ).body
        argument = getattr_.args.args[0].arg
        if argument != "name":
            lazy = ast.parse(ast.unparse(lazy[0]).replace("name ==", f"{argument} ==")).body
        docstring = (
            1
            if getattr_.body
            and isinstance(getattr_.body[0], ast.Expr)
            and isinstance(getattr_.body[0].value, ast.Constant)
            else 0
        )
        getattr_.body[docstring:docstring] = lazy
        imported = {a.name for n in module.body if isinstance(n, ast.Import) for a in n.names}
        if "importlib" not in imported:
            module.body.insert(0, ast.Import(names=[ast.alias(name="importlib")]))
    else:
        module.body.insert(module.body.index(all_assign), import_)
    assert isinstance(all_assign.value, ast.List)
    exported = {str(e.value) for e in all_assign.value.elts if isinstance(e, ast.Constant)}
    all_assign.value.elts = [
        ast.Constant(value=n) for n in sorted(exported | {WRITE_MODELS_MODULE})
    ]
    return ast.fix_missing_locations(module)
