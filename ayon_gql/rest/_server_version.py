"""Server versions such as ``1.16.0+DEVELOP``, parsed and ordered like semantic versions."""

from __future__ import annotations

import re
from functools import total_ordering
from typing import Any

from ayon_gql._errors import InvalidInputError

__all__ = ["ServerVersion"]


_VERSION_RX = re.compile(
    r"^v?(?P<major>0|[1-9]\d*)(?:\.(?P<minor>0|[1-9]\d*))?(?:\.(?P<patch>0|[1-9]\d*))?"
    r"(?:-(?P<pre>[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?"
    r"(?:\+(?P<build>[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$"
)


@total_ordering
class ServerVersion:
    """A server version such as ``1.16.0+DEVELOP``, ordered like semantic versions.

    A pre-release (``1.16.0-rc.1``) sorts before its release; build metadata
    (``+DEVELOP``) is kept but ignored when comparing, so
    ``ServerVersion.parse("1.16.0+DEVELOP") == (1, 16, 0)``.  Compares with
    other versions, version strings and tuples of ints.
    """

    __slots__ = ("build", "major", "minor", "patch", "prerelease")

    def __init__(
        self,
        major: int,
        minor: int = 0,
        patch: int = 0,
        prerelease: str | None = None,
        build: str | None = None,
    ) -> None:
        self.major = major
        self.minor = minor
        self.patch = patch
        self.prerelease = prerelease
        self.build = build

    @classmethod
    def parse(cls, text: str) -> ServerVersion:
        """Parse ``MAJOR[.MINOR[.PATCH]][-PRERELEASE][+BUILD]``."""
        match = _VERSION_RX.match(text.strip())
        if match is None:
            raise InvalidInputError(f"not a server version: {text!r}")
        return cls(
            int(match["major"]),
            int(match["minor"] or 0),
            int(match["patch"] or 0),
            match["pre"],
            match["build"],
        )

    @classmethod
    def _coerce(cls, other: object) -> ServerVersion | None:
        if isinstance(other, ServerVersion):
            return other
        if isinstance(other, str):
            return cls.parse(other)
        if (
            isinstance(other, tuple)
            and 1 <= len(other) <= 3
            and all(isinstance(part, int) for part in other)
        ):
            return cls(*other)
        return None

    def _key(self) -> tuple[Any, ...]:
        if self.prerelease is None:
            pre: tuple[Any, ...] = (1,)
        else:
            parts = tuple(
                (0, int(part), "") if part.isdigit() else (1, 0, part)
                for part in self.prerelease.split(".")
            )
            pre = (0, parts)
        return (self.major, self.minor, self.patch, pre)

    def __eq__(self, other: object) -> bool:
        version = self._coerce(other)
        return NotImplemented if version is None else self._key() == version._key()

    def __lt__(self, other: object) -> bool:
        version = self._coerce(other)
        if version is None:
            return NotImplemented
        return bool(self._key() < version._key())

    def __hash__(self) -> int:
        return hash(self._key())

    def __str__(self) -> str:
        text = f"{self.major}.{self.minor}.{self.patch}"
        if self.prerelease:
            text += f"-{self.prerelease}"
        if self.build:
            text += f"+{self.build}"
        return text

    def __repr__(self) -> str:
        return f"ServerVersion({str(self)!r})"

    @property
    def release(self) -> tuple[int, int, int]:
        """``(major, minor, patch)``."""
        return (self.major, self.minor, self.patch)
