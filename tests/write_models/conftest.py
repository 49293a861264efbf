"""The small studio project of the codegen tests."""

from tests.codegen.conftest import studio

__all__ = ["studio"]
