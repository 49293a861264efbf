"""The base of every generated settings model: lenient reads, strict writes.

A read never fails on what the server holds.  Values the addon's schema does
not allow (a choice since removed, a list where a string is declared, ``""``
where two choices exist) are kept exactly as read and reported: once as a
:class:`SettingsValueWarning` naming each path, and in :func:`kept_values`.
A write is strict: :func:`check_settings` refuses such values with the path,
before anything is sent.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Annotated, Any, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, ConfigDict, PrivateAttr, TypeAdapter, ValidationError
from pydantic.fields import FieldInfo

from ayon_gql._errors import SettingsValidationError

__all__ = [
    "KeptValue",
    "SettingsModel",
    "SettingsValidationError",
    "SettingsValueWarning",
    "check_settings",
    "kept_values",
    "read_settings",
]

M = TypeVar("M", bound="SettingsModel")


class SettingsModel(BaseModel):
    """Base of generated settings models.

    Keys the model does not declare are kept (``extra="allow"``), so
    ``model_dump(by_alias=True)`` of a read equals the server's JSON.
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True, defer_build=True)

    _kept: tuple[KeptValue, ...] = PrivateAttr(default=())

    def model_dump(self, **kwargs: Any) -> dict[str, Any]:
        """As pydantic's, quiet about the values a lenient read kept as read."""
        if self._kept:
            kwargs.setdefault("warnings", False)
        return super().model_dump(**kwargs)

    def model_dump_json(self, **kwargs: Any) -> str:
        """As pydantic's, quiet about the values a lenient read kept as read."""
        if self._kept:
            kwargs.setdefault("warnings", False)
        return super().model_dump_json(**kwargs)


@dataclass(frozen=True)
class KeptValue:
    """A stored value the schema does not allow, kept as read."""

    #: Where, by wire names, e.g. ``("review_presets", "0", "codec")``.
    path: tuple[str, ...]
    #: The value as the server holds it.
    value: Any
    #: What the schema expects, in pydantic's words.
    reason: str

    def __str__(self) -> str:
        return f"{'.'.join(self.path) or '(root)'}: {self.reason} (kept {self.value!r})"


class SettingsValueWarning(UserWarning):
    """Settings read from the server hold values their schema does not allow."""


def kept_values(model: SettingsModel) -> tuple[KeptValue, ...]:
    """The values a lenient read kept as read because the schema does not allow them."""
    return model._kept


def _where(loc: tuple[int | str, ...]) -> str:
    return ".".join(str(part) for part in loc) or "(root)"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def check_settings(model: type[M], values: Mapping[str, Any], what: str) -> M:
    """``values`` validated strictly against ``model``; anything the schema does
    not allow raises :class:`SettingsValidationError` naming every path."""
    try:
        return model.model_validate(dict(values))
    except ValidationError as exc:
        errors = [(_where(e["loc"]), _one_line(e["msg"])) for e in exc.errors()]
        shown = "; ".join(f"{path}: {reason}" for path, reason in errors[:5])
        more = f" (and {len(errors) - 5} more)" if len(errors) > 5 else ""
        raise SettingsValidationError(
            f"{what} refused before sending: {shown}{more}", errors
        ) from None


_adapters: dict[tuple[type[BaseModel], str], TypeAdapter[Any]] = {}


def _adapter(model: type[BaseModel], name: str, field: FieldInfo) -> TypeAdapter[Any]:
    key = (model, name)
    adapter = _adapters.get(key)
    if adapter is None:
        annotation: Any = field.annotation
        if field.metadata:
            annotation = Annotated[(annotation, *field.metadata)]
        adapter = _adapters[key] = TypeAdapter(annotation)
    return adapter


def _model_in(annotation: Any) -> tuple[type[SettingsModel] | None, bool]:
    """The settings model an annotation holds (directly or as list items), and
    whether it is a list of them."""
    origin = get_origin(annotation)
    if origin is Annotated:
        return _model_in(get_args(annotation)[0])
    if isinstance(annotation, type) and issubclass(annotation, SettingsModel):
        return annotation, False
    if origin in (list, tuple, set, frozenset):
        args = get_args(annotation)
        if args:
            inner, is_list = _model_in(args[0])
            return (inner, True) if inner is not None and not is_list else (None, False)
    if origin is Union or str(origin) == "types.UnionType":
        for arg in get_args(annotation):
            if arg is type(None):
                continue
            found = _model_in(arg)
            if found[0] is not None:
                return found
    return None, False


def _lenient_model(
    model: type[M], data: Mapping[str, Any], path: tuple[str, ...], kept: list[KeptValue]
) -> M:
    try:
        return model.model_validate(data)
    except ValidationError:
        pass
    by_alias = {field.alias or name: name for name, field in model.model_fields.items()}
    values: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for key, raw in data.items():
        name = by_alias.get(key)
        if name is None:
            extra[key] = raw
            continue
        values[name] = _lenient_value(model, name, raw, (*path, key), kept)
    instance = model.model_construct(_fields_set=set(values), **values)
    if extra:
        instance.__pydantic_extra__ = dict(extra)
    return instance


def _lenient_value(
    model: type[BaseModel], name: str, raw: Any, path: tuple[str, ...], kept: list[KeptValue]
) -> Any:
    field = model.model_fields[name]
    adapter = _adapter(model, name, field)
    try:
        return adapter.validate_python(raw)
    except ValidationError as exc:
        inner, is_list = _model_in(field.annotation)
        if inner is not None and not is_list and isinstance(raw, Mapping):
            return _lenient_model(inner, raw, path, kept)
        if inner is not None and is_list and isinstance(raw, list):
            return [
                _lenient_model(inner, item, (*path, str(i)), kept)
                if isinstance(item, Mapping)
                else _keep(item, (*path, str(i)), "not an object", kept)
                for i, item in enumerate(raw)
            ]
        first = exc.errors()[0]
        where = (*path, *(str(part) for part in first["loc"]))
        return _keep(raw, where if first["loc"] else path, _one_line(first["msg"]), kept)


def _keep(raw: Any, path: tuple[str, ...], reason: str, kept: list[KeptValue]) -> Any:
    kept.append(KeptValue(path, raw, reason))
    return raw


def read_settings(model: type[M], data: Mapping[str, Any], what: str = "settings") -> M:
    """``data`` as ``model``, never failing: values that fit are typed, values the
    schema does not allow are kept as read, listed by :func:`kept_values` and
    reported in one :class:`SettingsValueWarning` naming each path."""
    kept: list[KeptValue] = []
    result = _lenient_model(model, data, (), kept)
    if kept:
        result._kept = tuple(kept)
        shown = "; ".join(str(item) for item in kept)
        warnings.warn(
            SettingsValueWarning(f"{what}: values the schema does not allow: {shown}"),
            stacklevel=3,
        )
    return result
