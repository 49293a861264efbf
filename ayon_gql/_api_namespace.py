"""What ``client.api`` and ``client.addons`` are: groups made on first use.

Kept apart from the groups themselves (:mod:`ayon_gql._api_groups`) so that
importing a generated package and making a client load nothing of the REST
runtime until a group is used.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

__all__ = ["ApiNamespace"]

_Conn = TypeVar("_Conn")
_G = TypeVar("_G")


class ApiNamespace(Generic[_Conn]):
    """Groups by attribute name, each made on first use and kept."""

    def __init__(self, connection: _Conn) -> None:
        self._connection = connection
        self._groups: dict[str, Any] = {}

    def _group(self, name: str, make: Callable[[_Conn], _G]) -> _G:
        found = self._groups.get(name)
        if found is None:
            found = make(self._connection)
            self._groups[name] = found
        return found

    def __repr__(self) -> str:
        names = [n for n in dir(type(self)) if isinstance(getattr(type(self), n), property)]
        return f"<{type(self).__name__}: {', '.join(names) or 'no groups'}>"
