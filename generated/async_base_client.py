"""Asynchronous base of the generated operations; see ``base_client``."""

from ayon_gql.client import AsyncOperationsBase

__all__ = ["AsyncBaseClient"]


class AsyncBaseClient(AsyncOperationsBase):
    """Runs this package's operations through an asynchronous transport."""
