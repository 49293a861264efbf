"""What every REST model shares: camelCase on the wire, unknown fields kept, and
the enums several families use.

Attributes are snake_case, the wire format is camelCase; either spelling is
accepted when building a model.  Every model keeps fields it does not know
(``extra="allow"``) so an answer from a newer server loses nothing and can be
dumped back unchanged with ``model_dump(by_alias=True, exclude_unset=True)``.
"""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, PlainSerializer
from pydantic.alias_generators import to_camel

__all__ = ["ChecksumAlgorithm", "Platform", "RestModel", "SourceType", "Timestamp"]


class Platform(str, Enum):
    """Operating system an installer or dependency package is built for."""

    WINDOWS = "windows"
    LINUX = "linux"
    DARWIN = "darwin"


class ChecksumAlgorithm(str, Enum):
    """Hash algorithm of a file's declared checksum."""

    MD5 = "md5"
    SHA1 = "sha1"
    SHA256 = "sha256"


class SourceType(str, Enum):
    """Where a client fetches a file from: the AYON server itself or a URL."""

    SERVER = "server"
    HTTP = "http"


# ISO timestamps dumped the way the server writes them (``+00:00``, not ``Z``).
Timestamp = Annotated[
    datetime, PlainSerializer(lambda value: value.isoformat(), return_type=str, when_used="json")
]


class RestModel(BaseModel):
    """Base of every REST model: camelCase on the wire, unknown fields kept."""

    model_config = ConfigDict(
        alias_generator=to_camel,
        populate_by_name=True,
        extra="allow",
        use_enum_values=False,
    )

    def to_payload(self) -> dict[str, Any]:
        """The JSON body the server expects: camelCase, only fields that were set."""
        return self.model_dump(by_alias=True, mode="json", exclude_unset=True)
