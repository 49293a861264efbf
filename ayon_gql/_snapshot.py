"""Find the schema snapshot a generated package ships (``<package>/ayon.graphql``).

``AyonClient(validate=True)`` and ``ayon_gql.schema.query_builder()`` check
queries against the schema the client was generated from; a snapshot that
is missing (a wheel built without package data, a deleted file) is an
:class:`~ayon_gql.AyonError` naming the file, never a bare ``FileNotFoundError``.
"""

from __future__ import annotations

from pathlib import Path

from ayon_gql._errors import AyonError

#: The stock package: ``ayon_gql.AyonClient`` and the schema tools' default.
STOCK_PACKAGE = "ayon_gql_generated"

#: The snapshot's file name inside a generated package.
SNAPSHOT_NAME = "ayon.graphql"


def packaged_snapshot(package: str = STOCK_PACKAGE, name: str = SNAPSHOT_NAME) -> Path:
    """The path of the schema snapshot ``name`` inside the installed ``package``."""
    from importlib import resources  # not at import: it loads zipfile, tempfile, lzma ...

    try:
        folder = resources.files(package)
    except ModuleNotFoundError:
        raise AyonError(f"no schema snapshot: package {package!r} is not installed") from None
    path = folder / name
    if not isinstance(path, Path):
        raise AyonError(f"schema snapshot {package}/{name} is not a file on disk")
    if not path.is_file():
        raise AyonError(
            f"schema snapshot {path} is missing: the package {package!r} was generated or "
            "installed without it (regenerate with `ayon-gql generate`, or pass a schema path)"
        )
    return path
