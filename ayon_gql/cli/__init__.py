"""The ``ayon-gql`` command line."""

from ayon_gql.cli._main import main

__all__ = ["main"]
