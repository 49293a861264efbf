"""Entity names the server accepts, made from any label.

The rule is the server's own: the ``name`` pattern of ``FolderPostModel`` in
the write-model snapshot a generated package ships (``openapi.json``, pulled
from the server with the GraphQL snapshot).  Which characters may stand at
the start, in the middle and at the end of a name is read off that pattern
by trying them, so a server with another rule gives other names without a
change here.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache

from ayon_gql._errors import AyonError, InvalidInputError
from ayon_gql._snapshot import STOCK_PACKAGE, packaged_snapshot

__all__ = ["NameRule", "entity_name", "name_rule"]

#: Where the rule is read in the snapshot.
_SCHEMA = "FolderPostModel"
#: Characters tried against the pattern (printable ASCII: labels are folded to it first).
_CANDIDATES = [chr(code) for code in range(0x21, 0x7F)]


class NameRule:
    """The server's rule for entity names, and what it means per character."""

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self._regex = re.compile(pattern)
        probe = next((c for c in "a0_" if self.accepts(c + c + c)), None)
        if probe is None:
            raise AyonError(f"the name pattern {pattern!r} accepts no plain name")
        self._middle = frozenset(c for c in _CANDIDATES if self.accepts(probe + c + probe))
        self._first = frozenset(c for c in _CANDIDATES if self.accepts(c + probe))
        self._last = frozenset(c for c in _CANDIDATES if self.accepts(probe + c))
        #: What stands for a run of refused characters: ``_``, else ``-`` or ``.``, else nothing.
        self.filler = next((c for c in "_-." if c in self._middle), "")

    def __repr__(self) -> str:
        return f"NameRule({self.pattern!r})"

    def accepts(self, name: str) -> bool:
        """True when the server takes ``name`` as an entity name."""
        return self._regex.fullmatch(name) is not None

    def name_for(self, label: str, *, separator: str | None = None, lower: bool = False) -> str:
        """A name the server accepts, as close to ``label`` as the rule allows.

        Accents are dropped (``Séquence`` -> ``Sequence``); every run of other
        characters the rule refuses (spaces, slashes, ...) becomes one
        ``separator`` (``_`` by default); characters refused at the ends are
        stripped there.  Raises :class:`~ayon_gql.InvalidInputError` when
        nothing usable is left (an empty or all-symbol label).
        """
        if not isinstance(label, str):
            raise InvalidInputError(f"a name is made from a label string, not {label!r}")
        sep = self.filler if separator is None else separator
        if sep and not all(c in self._middle for c in sep):
            raise InvalidInputError(f"separator {sep!r} is not allowed inside names")
        folded = unicodedata.normalize("NFKD", label)
        folded = "".join(c for c in folded if not unicodedata.combining(c))
        if lower:
            folded = folded.lower()
        pieces: list[str] = []
        gap = False
        for char in folded:
            if char in self._middle:
                if gap and pieces:
                    pieces.append(sep)
                pieces.append(char)
                gap = False
            else:
                gap = True
        name = "".join(pieces)
        start, end = 0, len(name)
        while start < end and name[start] not in self._first:
            start += 1
        while end > start and name[end - 1] not in self._last:
            end -= 1
        name = name[start:end]
        if not name or not self.accepts(name):
            raise InvalidInputError(f"no entity name can be made from the label {label!r}")
        return name


@lru_cache(maxsize=8)
def name_rule(package: str = STOCK_PACKAGE) -> NameRule:
    """The name rule of the server ``package`` was generated from (its write-model snapshot)."""
    path = packaged_snapshot(package, "openapi.json")
    try:
        snapshot = json.loads(path.read_text(encoding="utf-8"))
        pattern = snapshot["components"]["schemas"][_SCHEMA]["properties"]["name"]["pattern"]
    except (OSError, ValueError, KeyError, TypeError):
        raise AyonError(f"{path} has no name pattern for {_SCHEMA}") from None
    return NameRule(str(pattern))


def entity_name(
    label: str, *, separator: str | None = None, lower: bool = False, package: str = STOCK_PACKAGE
) -> str:
    """Turn any label into a folder, task or product name the server accepts.

    ``entity_name("Shot 010 / Comp")`` is ``"Shot_010_Comp"``.  The rule comes
    from the write-model snapshot of ``package`` (see :func:`name_rule`).
    """
    return name_rule(package).name_for(label, separator=separator, lower=lower)
