"""Synchronous base of the generated operations.

Copied into the generated package by ariadne-codegen, which wants the class
in a file of its own.  Everything it does comes from the runtime seam
(``ayon_gql.client.OperationsBase``): operations run through a *transport*
(ayon-gql's connection), and every generated package shares its ``UNSET``.
"""

from ayon_gql.client import OperationsBase

__all__ = ["BaseClient"]


class BaseClient(OperationsBase):
    """Runs this package's operations through a synchronous transport."""
