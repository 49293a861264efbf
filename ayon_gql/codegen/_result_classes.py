"""The result classes ariadne-codegen generated, read from its own output.

The plugin never derives a class or attribute name itself: it records the
attribute ariadne-codegen gave each selected field (``generate_result_field``)
and reads class names from the annotations of the generated modules, so
whatever the spelling of an operation or alias, every name it uses exists.
"""

from __future__ import annotations

import ast
import copy
from dataclasses import dataclass

from graphql import FieldNode

#: Names in ariadne-codegen's annotations that are typing constructs, not classes.
_TYPING_NAMES = frozenset(
    {"Optional", "Union", "List", "list", "Annotated", "Literal", "Any", "None", "Field"}
)


def _class_name(node: ast.expr) -> str | None:
    """``X`` for ``X``, ``"X"`` (as ariadne writes forward references) or a string constant."""
    if isinstance(node, ast.Name):
        return node.id.strip("\"'")
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _defined_names(statement: ast.stmt) -> list[str]:
    if isinstance(statement, ast.ClassDef):
        return [statement.name]
    if isinstance(statement, ast.Assign):
        return [name for name in map(_class_name, statement.targets) if name]
    if isinstance(statement, ast.ImportFrom):
        return [alias.asname or alias.name for alias in statement.names]
    return []


@dataclass(frozen=True)
class Annotation:
    """A result field's annotation with ``Optional`` taken off.

    ``expression`` is what remains (a class, a ``List[...]`` or a ``Union``);
    ``optional`` says whether the value may be None.
    """

    expression: ast.expr
    optional: bool

    @classmethod
    def of(cls, annotation: ast.expr) -> Annotation:
        optional = False
        node = annotation
        while True:
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                node = ast.parse(node.value, mode="eval").body
            elif isinstance(node, ast.Subscript) and _class_name(node.value) == "Optional":
                optional, node = True, node.slice
            elif isinstance(node, ast.Subscript) and _class_name(node.value) == "Annotated":
                node = node.slice.elts[0] if isinstance(node.slice, ast.Tuple) else node.slice
            elif (
                isinstance(node, ast.BinOp)
                and isinstance(node.op, ast.BitOr)
                and isinstance(node.right, ast.Constant)
                and node.right.value is None
            ):
                optional, node = True, node.left
            else:
                return cls(node, optional)

    @property
    def list_element(self) -> Annotation | None:
        """The annotation of one element, when this is a list."""
        node = self.expression
        if isinstance(node, ast.Subscript) and _class_name(node.value) in {"List", "list"}:
            return Annotation.of(node.slice)
        return None

    @property
    def class_names(self) -> list[str]:
        """Every generated class the annotation names (several for a union)."""
        names = []
        for node in ast.walk(self.expression):
            name = _class_name(node) if isinstance(node, (ast.Name, ast.Constant)) else None
            if name and name not in _TYPING_NAMES and name not in names:
                names.append(name)
        return names

    def render(self) -> str:
        """Source text of the annotation without forward-reference quotes."""

        class _Unquote(ast.NodeTransformer):
            def visit_Name(self, node: ast.Name) -> ast.Name:
                return ast.Name(id=node.id.strip("\"'"), ctx=ast.Load())

        text = ast.unparse(_Unquote().visit(copy.deepcopy(self.expression)))
        return f"Optional[{text}]" if self.optional else text


def drop_repeated_fields(class_def: ast.ClassDef) -> None:
    """Keep one of identical fields that ariadne-codegen declares twice.

    Selecting a field twice (directly and in a fragment merged into the class,
    or from two merged fragments) is valid GraphQL and gives one value;
    ariadne-codegen 0.19 declares it once per selection.
    """
    seen: set[str] = set()
    body: list[ast.stmt] = []
    for statement in class_def.body:
        if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
            key = ast.dump(statement)
            if key in seen:
                continue
            seen.add(key)
        body.append(statement)
    class_def.body = body


@dataclass(frozen=True)
class Member:
    """A field of a generated class: its attribute, annotation and home module."""

    module: str
    attribute: str
    annotation: Annotation


class ResultClasses:
    """Generated result modules and the attribute name of every selected field."""

    def __init__(self) -> None:
        self._attributes: dict[int, str] = {}
        self._modules: dict[str, ast.Module] = {}

    def record_field(self, field: FieldNode, implementation: ast.AnnAssign) -> None:
        """Remember the attribute ariadne-codegen gave ``field`` (same for every use)."""
        if field.loc is not None and isinstance(implementation.target, ast.Name):
            self._attributes[field.loc.start] = implementation.target.id

    def attribute(self, field: FieldNode) -> str | None:
        """The attribute ``field``'s value has on its result model."""
        return None if field.loc is None else self._attributes.get(field.loc.start)

    def add_module(self, name: str, module: ast.Module) -> None:
        """A generated module (``get_folders``, ``fragments``) by its module name."""
        self._modules[name] = module

    def find(self, class_name: str) -> tuple[str, ast.ClassDef] | None:
        """The module and definition of a class (through ``X = Y`` aliases)."""
        for _ in range(len(self._modules) + 1):
            alias: str | None = None
            for module_name, module in self._modules.items():
                for statement in module.body:
                    if isinstance(statement, ast.ClassDef) and statement.name == class_name:
                        return module_name, statement
                    if (
                        isinstance(statement, ast.Assign)
                        and len(statement.targets) == 1
                        and _class_name(statement.targets[0]) == class_name
                    ):
                        alias = _class_name(statement.value)
            if alias is None:
                return None
            class_name = alias
        return None

    def missing_imports(self, module_name: str) -> list[tuple[str, str]]:
        """``(importing module, name)`` for names imported from ``module_name`` it lacks.

        Catches generated code that could not be imported, before it is written.
        """
        target = self._modules.get(module_name)
        defined = {
            name
            for statement in (target.body if target else [])
            for name in _defined_names(statement)
        }
        return [
            (importer, alias.name)
            for importer, module in sorted(self._modules.items())
            for statement in module.body
            if isinstance(statement, ast.ImportFrom)
            and statement.level == 1
            and statement.module == module_name
            for alias in statement.names
            if alias.name not in defined
        ]

    def home(self, class_name: str) -> str | None:
        """The module a class (or alias) is defined in, for importing it."""
        for module_name, module in self._modules.items():
            for statement in module.body:
                if isinstance(statement, ast.ClassDef) and statement.name == class_name:
                    return module_name
                if isinstance(statement, ast.Assign) and any(
                    _class_name(target) == class_name for target in statement.targets
                ):
                    return module_name
        return None

    def member(self, class_name: str, attribute: str) -> Member | None:
        """The field ``attribute`` of a class, inherited ones (fragments) included."""
        pending, seen = [class_name], set()
        while pending:
            name = pending.pop(0)
            if name in seen:
                continue
            seen.add(name)
            found = self.find(name)
            if found is None:
                continue
            module_name, class_def = found
            for statement in class_def.body:
                if (
                    isinstance(statement, ast.AnnAssign)
                    and isinstance(statement.target, ast.Name)
                    and statement.target.id == attribute
                ):
                    return Member(module_name, attribute, Annotation.of(statement.annotation))
            pending.extend(base for base in map(_class_name, class_def.bases) if base)
        return None
