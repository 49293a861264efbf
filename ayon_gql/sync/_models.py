"""The write models a hierarchy validates with: a generated package's
``FolderCreate``/``FolderUpdate``/``FolderAttrib`` and their task twins.

They come from the package the client was generated into (the studio's own
attributes included), so an edit is refused at once exactly when the write
session would refuse it.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any

from ayon_gql._errors import AyonError
from ayon_gql._snapshot import STOCK_PACKAGE
from ayon_gql._write_models import EntityCreate, EntityUpdate, WriteModel

__all__ = ["EntityModels", "WriteModels"]


class EntityModels:
    """Create, update and attribute models of one entity type."""

    def __init__(
        self, create: type[EntityCreate], update: type[EntityUpdate], attrib: type[WriteModel]
    ):
        self.create = create
        self.update = update
        self.attrib = attrib
        #: attribute wire names, in the model's order
        self.attrib_names = [
            field.serialization_alias or name for name, field in attrib.model_fields.items()
        ]

    def new_attrib(self, values: dict[str, Any] | None) -> WriteModel:
        """An attribute model holding ``values`` (wire or Python names), validated."""
        return self.attrib.model_validate(values or {})

    def loaded_attrib(self, values: dict[str, Any]) -> WriteModel:
        """An attribute model of what the server holds (nulls are unset).

        A value the model would refuse (the server holds it, so it was valid
        when written) is kept as it is rather than dropped or failing the load.
        """
        present = {key: value for key, value in values.items() if value is not None}
        try:
            return self.attrib.model_validate(present)
        except AyonError:
            names = {f.serialization_alias or n: n for n, f in self.attrib.model_fields.items()}
            fields = {names[key]: value for key, value in present.items() if key in names}
            return self.attrib.model_construct(_fields_set=set(fields), **fields)


class WriteModels:
    """The folder and task models of one generated package."""

    def __init__(self, module: ModuleType) -> None:
        try:
            self.folder = EntityModels(
                module.FolderCreate, module.FolderUpdate, module.FolderAttrib
            )
            self.task = EntityModels(module.TaskCreate, module.TaskUpdate, module.TaskAttrib)
        except AttributeError as exc:
            raise AyonError(
                f"{module.__name__} has no folder or task write models ({exc})"
            ) from None
        self.module_name = module.__name__

    @classmethod
    def of(cls, source: ModuleType | str | None) -> WriteModels:
        """The models of a ``write_models`` module, or of the package named (default: stock)."""
        if isinstance(source, ModuleType):
            return cls(source)
        package = source or STOCK_PACKAGE
        try:
            module = importlib.import_module(f"{package}.write_models")
        except ModuleNotFoundError:
            raise AyonError(
                f"package {package!r} has no write_models (generate it with an openapi snapshot)"
            ) from None
        return cls(module)
