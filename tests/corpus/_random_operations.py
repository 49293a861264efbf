"""Random valid operations over AYON's schema, for the differential test.

A generator of our own rather than hypothesis-graphql: the constructs that
went wrong are specific combinations (aliases that snake-case alike, one
fragment on an interface spread at several levels, inline fragments with
and without a type condition, ``@skip``/``@include`` on fields, spreads and
inline fragments, variables with defaults, the same field selected twice
with different sub-selections, connections inside connections), which a
schema-wide strategy reaches too rarely.  Nested connections often select
``pageInfo { hasNextPage endCursor }`` (so they are completed) with their
parent's ``id`` conditional or left out; some operations page a root
connection with ``$first``/``$after`` filtered by a long ``ids`` list (so
they get ``iter_*``).  Every operation starts at
``project(name: $projectName)`` so the stand-in has data to answer with; an
operation that does not validate is drawn again.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from graphql import (
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLSchema,
    get_named_type,
    is_abstract_type,
    is_leaf_type,
    is_required_argument,
    parse,
    validate,
)

#: Fields never drawn: they cost too much.
_SKIPPED = frozenset({"allAttrib", "thumbnail", "latestComments", "config", "data"})
_FLAGS = ("on", "off", "maybe")

#: Root connections an operation may page with ``iter_*``, filtered by a long ``ids`` list.
PAGED = ("folders", "tasks", "products", "versions", "representations")
#: The response key of the paged connection.
PAGED_KEY = "pagedItems"
#: Stands for the paged connection's long id filter in an operation's variables; the
#: differential test puts ids of the server there (see ``_differential.long_ids``).
LONG_IDS = "<long id filter>"


def _snake_twin(name: str) -> str:
    """An alias that snake-cases like ``name`` but is another key."""
    snake = "".join(f"_{c.lower()}" if c.isupper() else c for c in name).lstrip("_")
    return snake if snake != name else f"{name}_"


@dataclass
class _Operation:
    """One operation being drawn: its text pieces and the fragments it defines."""

    name: str
    fragments: dict[str, str] = field(default_factory=dict)
    fragment_types: dict[str, str] = field(default_factory=dict)
    counter: int = 0


class RandomOperations:
    """Draws operations over ``schema``; the same seed gives the same document."""

    def __init__(self, schema: GraphQLSchema, seed: int) -> None:
        self._schema = schema
        self._random = random.Random(seed)
        self._seed = seed

    # -- document ---------------------------------------------------------

    def document(self, count: int) -> tuple[str, dict[str, list[dict[str, Any]]]]:
        """``count`` valid operations in one document, and the variables to run each with."""
        texts: list[str] = []
        runs: dict[str, list[dict[str, Any]]] = {}
        for index in range(count):
            for _ in range(50):
                name = f"Fuzz{self._seed}N{index}"
                text, variables = self._operation(name)
                if not validate(self._schema, parse(text)):
                    texts.append(text)
                    runs[name] = variables
                    break
        return "\n\n".join(texts) + "\n", runs

    def _operation(self, name: str) -> tuple[str, list[dict[str, Any]]]:
        operation = _Operation(name)
        draw = self._random
        project_type = self._schema.type_map["ProjectNode"]
        assert isinstance(project_type, GraphQLObjectType)
        body = self._selection_set(operation, project_type, depth=2)
        paged = draw.random() < 0.35
        if paged:
            body = "{ " + self._paged(operation, project_type) + " " + body[2:]
        defaulted = draw.random() < 0.3
        declared = [
            '$projectName: String! = "demo_Commercial"' if defaulted else "$projectName: String!"
        ]
        if paged:
            declared += ["$first: Int", "$after: String", "$ids: [String!]"]
        fragments = "".join(f"\n{fragment}" for fragment in operation.fragments.values())
        flags = {
            "on": ("$on: Boolean!", True, False),
            "off": ("$off: Boolean!", False, True),
            "maybe": ("$maybe: Boolean = true", None, False),
        }
        runs: list[dict[str, Any]] = [{"projectName": "demo_Commercial"}, {}]
        if not defaulted:
            runs[1]["projectName"] = "demo_Commercial"
        if paged:
            for run in runs:
                run["ids"] = LONG_IDS
        for flag, (declaration, first, second) in flags.items():
            if f"${flag})" in body + fragments:
                declared.append(declaration)
                if first is not None:
                    runs[0][flag] = first
                runs[1][flag] = second
        head = f"query {name}({', '.join(declared)})"
        return f"{head} {{ project(name: $projectName) {body} }}{fragments}", runs

    # -- selections -------------------------------------------------------

    def _fields(
        self, type_: GraphQLObjectType | GraphQLInterfaceType
    ) -> list[tuple[str, GraphQLField]]:
        return [
            (name, definition)
            for name, definition in type_.fields.items()
            if name not in _SKIPPED
            and not any(
                is_required_argument(argument) and argument_name != "first"
                for argument_name, argument in definition.args.items()
            )
        ]

    def _condition(self) -> str:
        draw = self._random.random()
        if draw < 0.75:
            return ""
        kind = self._random.choice(["include", "skip"])
        value = self._random.choice([*(f"${f}" for f in _FLAGS), "true", "false"])
        return f" @{kind}(if: {value})"

    def _selection_set(self, operation: _Operation, type_: GraphQLNamedType, depth: int) -> str:
        draw = self._random
        parts: list[str] = []
        if isinstance(type_, (GraphQLObjectType, GraphQLInterfaceType)):
            fields = self._fields(type_)
            leaves = [(n, d) for n, d in fields if is_leaf_type(get_named_type(d.type))]
            objects = [(n, d) for n, d in fields if not is_leaf_type(get_named_type(d.type))]
            for name, _ in draw.sample(leaves, min(len(leaves), draw.randint(1, 3))):
                parts.append(self._leaf(name))
            if depth > 0 and objects:
                for name, definition in draw.sample(objects, min(len(objects), draw.randint(0, 2))):
                    target = get_named_type(definition.type).name
                    free = target.endswith(("Connection", "Edge"))  # edges { node } is one level
                    parts.append(
                        self._object(operation, name, definition, depth - (0 if free else 1))
                    )
        if draw.random() < 0.4:
            parts.append(self._inline_fragment(operation, type_, depth))
        if draw.random() < 0.4:
            parts.append(self._spread(operation, type_, depth))
        if not parts or all(p.startswith("...") for p in parts):
            parts.insert(0, "__typename" if is_abstract_type(type_) else self._any_leaf(type_))
        draw.shuffle(parts)
        return "{ " + " ".join(parts) + " }"

    def _paged(self, operation: _Operation, project: GraphQLObjectType) -> str:
        """A root connection paged by ``iter_*``: ``$first``, ``$after``, a long id filter."""
        name = self._random.choice(PAGED)
        connection = get_named_type(project.fields[name].type)
        assert isinstance(connection, GraphQLObjectType)
        edge = get_named_type(connection.fields["edges"].type)
        assert isinstance(edge, GraphQLObjectType)
        node = get_named_type(edge.fields["node"].type)
        inner = self._selection_set(operation, node, depth=1)
        assert isinstance(node, GraphQLObjectType)
        nested = [
            (field, definition)
            for field, definition in self._fields(node)
            if get_named_type(definition.type).name.endswith("Connection")
            and "first" in definition.args
        ]
        if nested and self._random.random() < 0.7:  # a nested connection to complete
            field, definition = self._random.choice(nested)
            first = self._random.randint(1, 2)
            completable = self._completable(operation, get_named_type(definition.type), 0)
            inner = "{ " + f"{field}(first: {first}) {completable} " + inner[2:]
        return (
            f"{PAGED_KEY}: {name}(ids: $ids, first: $first, after: $after)"
            f" {{ pageInfo {{ hasNextPage endCursor }} edges {{ node {inner} }} }}"
        )

    def _any_leaf(self, type_: GraphQLNamedType) -> str:
        assert isinstance(type_, (GraphQLObjectType, GraphQLInterfaceType))
        leaves = [n for n, d in self._fields(type_) if is_leaf_type(get_named_type(d.type))]
        return self._random.choice(leaves) if leaves else "__typename"

    def _leaf(self, name: str) -> str:
        draw = self._random.random()
        if draw < 0.15:
            return f"{name} {_snake_twin(name)}: {name}"  # two keys, one Python name
        if draw < 0.25:
            return f"{name[:1].upper()}{name[1:]}: {name}{self._condition()}"
        return f"{name}{self._condition()}"

    def _object(
        self, operation: _Operation, name: str, definition: GraphQLField, depth: int
    ) -> str:
        target = get_named_type(definition.type)
        arguments = ""
        if "first" in definition.args:
            arguments = f"(first: {self._random.randint(1, 2)})"
        if target.name.endswith("Connection") and self._random.random() < 0.5:
            inner = self._completable(operation, target, depth)
        else:
            inner = self._selection_set(operation, target, depth)
        text = f"{name}{arguments}{self._condition()} {inner}"
        if self._random.random() < 0.25:  # the same field again, other sub-fields
            text += f" {name}{arguments} {self._selection_set(operation, target, depth)}"
        return text

    def _completable(self, operation: _Operation, connection: GraphQLNamedType, depth: int) -> str:
        """A connection's selection with what completion reads, the node's ``id`` often
        conditional or left out."""
        assert isinstance(connection, GraphQLObjectType)
        edge = get_named_type(connection.fields["edges"].type)
        assert isinstance(edge, GraphQLObjectType)
        if "node" not in edge.fields:
            return self._selection_set(operation, connection, depth)
        node = get_named_type(edge.fields["node"].type)
        inner = self._selection_set(operation, node, depth)
        draw = self._random.random()
        if isinstance(node, GraphQLObjectType) and "id" in node.fields and draw < 0.6:
            identifier = "id" if draw < 0.2 else f"id{self._condition() or ' @skip(if: $on)'}"
            inner = "{ " + identifier + " " + inner[2:]
        page_info = self._random.choice(
            ["hasNextPage endCursor", "endCursor hasNextPage startCursor hasPreviousPage"]
        )
        return f"{{ pageInfo {{ {page_info} }} edges {{ cursor node {inner} }} }}"

    def _inline_fragment(self, operation: _Operation, type_: GraphQLNamedType, depth: int) -> str:
        draw = self._random
        options: list[str] = [""]
        if isinstance(type_, GraphQLObjectType):
            options += [type_.name, *(i.name for i in type_.interfaces)]
        elif is_abstract_type(type_):
            options += [type_.name, *(t.name for t in self._schema.get_possible_types(type_))]  # type: ignore[arg-type]
        condition = draw.choice(options)
        target = self._schema.type_map[condition] if condition else type_
        head = f"... on {condition}" if condition else "..."
        return (
            f"{head}{self._condition()} {self._selection_set(operation, target, max(depth - 1, 0))}"
        )

    def _spread(self, operation: _Operation, type_: GraphQLNamedType, depth: int) -> str:
        draw = self._random
        usable = [
            name
            for name, on in operation.fragment_types.items()
            if on == type_.name
            or (isinstance(type_, GraphQLObjectType) and on in {i.name for i in type_.interfaces})
        ]
        if usable and draw.random() < 0.6:
            return f"...{draw.choice(usable)}{self._condition()}"
        options = [type_.name]
        if isinstance(type_, GraphQLObjectType):
            options += [i.name for i in type_.interfaces]
        on = draw.choice(options)
        operation.counter += 1
        name = f"{operation.name}F{operation.counter}"
        target = self._schema.type_map[on]
        body = self._selection_set(operation, target, max(depth - 1, 0))
        operation.fragment_types[name] = on
        operation.fragments[name] = f"fragment {name} on {on} {body}"
        return f"...{name}{self._condition()}"
