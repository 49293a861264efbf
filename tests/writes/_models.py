"""Write models written by hand from ``openapi.json``'s ``*PostModel`` / ``*PatchModel``,
following the seam's contract exactly, for the write-session tests until the
generated ``write_models`` are there.  The tests import them in one line
(``from tests.writes._models import ...``), which becomes
``from ayon_gql_generated.write_models import ...``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field
from pydantic.alias_generators import to_camel

from ayon_gql.client import EntityCreate, EntityType, EntityUpdate, WriteModel

_ID = r"^[0-f]{32}$"
_NAME = r"^[a-zA-Z0-9_]([a-zA-Z0-9_\.\-]*[a-zA-Z0-9_])?$"
_CAMEL = ConfigDict(alias_generator=to_camel)


class _Attrib(WriteModel):
    model_config = _CAMEL


class FolderAttrib(_Attrib):
    priority: str | None = None
    fps: float | None = None
    resolution_width: int | None = None
    resolution_height: int | None = None
    pixel_aspect: float | None = None
    clip_in: int | None = None
    clip_out: int | None = None
    frame_start: int | None = None
    frame_end: int | None = None
    handle_start: int | None = None
    handle_end: int | None = None
    start_date: datetime | None = None
    end_date: datetime | None = None
    description: str | None = None


class TaskAttrib(FolderAttrib):
    pass


class ProductAttrib(_Attrib):
    description: str | None = None
    product_group: str | None = None


class VersionAttrib(_Attrib):
    fps: float | None = None
    resolution_width: int | None = None
    resolution_height: int | None = None
    pixel_aspect: float | None = None
    clip_in: int | None = None
    clip_out: int | None = None
    frame_start: int | None = None
    frame_end: int | None = None
    handle_start: int | None = None
    handle_end: int | None = None
    intent: str | None = None
    machine: str | None = None
    source: str | None = None
    comment: str | None = None
    site: str | None = None
    families: list[str] | None = None
    color_space: str | None = None
    description: str | None = None


class RepresentationAttrib(_Attrib):
    fps: float | None = None
    resolution_width: int | None = None
    resolution_height: int | None = None
    pixel_aspect: float | None = None
    clip_in: int | None = None
    clip_out: int | None = None
    frame_start: int | None = None
    frame_end: int | None = None
    handle_start: int | None = None
    handle_end: int | None = None
    path: str | None = None
    template: str | None = None
    extension: str | None = None
    description: str | None = None


class WorkfileAttrib(_Attrib):
    extension: str | None = None
    description: str | None = None


class RepresentationFile(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True, extra="forbid")
    id: str
    name: str | None = None
    path: str
    size: int = 0
    hash: str | None = None
    hash_type: str | None = None


class _Create(EntityCreate):
    model_config = _CAMEL
    entity_type: ClassVar[EntityType]


class _Update(EntityUpdate):
    model_config = _CAMEL
    entity_type: ClassVar[EntityType]


class FolderCreate(_Create):
    entity_type: ClassVar[EntityType] = "folder"
    id: str | None = Field(default=None, pattern=_ID)
    name: str = Field(pattern=_NAME)
    label: str | None = None
    folder_type: str | None = None
    parent_id: str | None = Field(default=None, pattern=_ID)
    thumbnail_id: str | None = Field(default=None, pattern=_ID)
    status: str | None = None
    tags: list[str] | None = None
    attrib: FolderAttrib | None = None
    data: dict[str, Any] | None = None
    active: bool | None = None


class FolderUpdate(_Update):
    entity_type: ClassVar[EntityType] = "folder"
    name: str | None = Field(default=None, pattern=_NAME)
    label: str | None = None
    folder_type: str | None = None
    parent_id: str | None = Field(default=None, pattern=_ID)
    thumbnail_id: str | None = Field(default=None, pattern=_ID)
    status: str | None = None
    tags: list[str] | None = None
    attrib: FolderAttrib | None = None
    data: dict[str, Any] | None = None
    active: bool | None = None


class TaskCreate(_Create):
    entity_type: ClassVar[EntityType] = "task"
    id: str | None = Field(default=None, pattern=_ID)
    name: str = Field(pattern=_NAME)
    label: str | None = None
    task_type: str
    thumbnail_id: str | None = Field(default=None, pattern=_ID)
    assignees: list[str] | None = None
    folder_id: str | None = Field(default=None, pattern=_ID)
    status: str | None = None
    tags: list[str] | None = None
    attrib: TaskAttrib | None = None
    data: dict[str, Any] | None = None
    active: bool | None = None


class TaskUpdate(_Update):
    entity_type: ClassVar[EntityType] = "task"
    name: str | None = Field(default=None, pattern=_NAME)
    label: str | None = None
    task_type: str | None = None
    assignees: list[str] | None = None
    folder_id: str | None = Field(default=None, pattern=_ID)
    status: str | None = None
    tags: list[str] | None = None
    attrib: TaskAttrib | None = None
    data: dict[str, Any] | None = None


class ProductCreate(_Create):
    entity_type: ClassVar[EntityType] = "product"
    id: str | None = Field(default=None, pattern=_ID)
    name: str = Field(pattern=_NAME)
    folder_id: str = Field(pattern=_ID)
    product_type: str = Field(pattern=_NAME)
    product_base_type: str | None = None
    status: str | None = None
    tags: list[str] | None = None
    attrib: ProductAttrib | None = None
    data: dict[str, Any] | None = None
    active: bool | None = None


class ProductUpdate(_Update):
    entity_type: ClassVar[EntityType] = "product"
    name: str | None = Field(default=None, pattern=_NAME)
    folder_id: str | None = Field(default=None, pattern=_ID)
    product_type: str | None = None
    status: str | None = None
    tags: list[str] | None = None
    attrib: ProductAttrib | None = None
    data: dict[str, Any] | None = None
    active: bool | None = None


class VersionCreate(_Create):
    entity_type: ClassVar[EntityType] = "version"
    id: str | None = Field(default=None, pattern=_ID)
    version: int
    product_id: str = Field(pattern=_ID)
    task_id: str | None = Field(default=None, pattern=_ID)
    thumbnail_id: str | None = Field(default=None, pattern=_ID)
    author: str | None = None
    status: str | None = None
    tags: list[str] | None = None
    attrib: VersionAttrib | None = None
    data: dict[str, Any] | None = None
    active: bool | None = None


class VersionUpdate(_Update):
    entity_type: ClassVar[EntityType] = "version"
    version: int | None = None
    product_id: str | None = Field(default=None, pattern=_ID)
    task_id: str | None = Field(default=None, pattern=_ID)
    thumbnail_id: str | None = Field(default=None, pattern=_ID)
    author: str | None = None
    status: str | None = None
    tags: list[str] | None = None
    attrib: VersionAttrib | None = None
    data: dict[str, Any] | None = None
    active: bool | None = None


class RepresentationCreate(_Create):
    entity_type: ClassVar[EntityType] = "representation"
    id: str | None = Field(default=None, pattern=_ID)
    name: str = Field(pattern=_NAME)
    version_id: str = Field(pattern=_ID)
    files: list[RepresentationFile] | None = None
    traits: dict[str, Any] | None = None
    status: str | None = None
    tags: list[str] | None = None
    attrib: RepresentationAttrib | None = None
    data: dict[str, Any] | None = None
    active: bool | None = None


class RepresentationUpdate(_Update):
    entity_type: ClassVar[EntityType] = "representation"
    name: str | None = Field(default=None, pattern=_NAME)
    files: list[RepresentationFile] | None = None
    status: str | None = None
    tags: list[str] | None = None
    attrib: RepresentationAttrib | None = None
    data: dict[str, Any] | None = None
    active: bool | None = None


class WorkfileCreate(_Create):
    entity_type: ClassVar[EntityType] = "workfile"
    id: str | None = Field(default=None, pattern=_ID)
    path: str
    task_id: str = Field(pattern=_ID)
    thumbnail_id: str | None = Field(default=None, pattern=_ID)
    status: str | None = None
    tags: list[str] | None = None
    attrib: WorkfileAttrib | None = None
    data: dict[str, Any] | None = None
    active: bool | None = None


class WorkfileUpdate(_Update):
    entity_type: ClassVar[EntityType] = "workfile"
    path: str | None = None
    status: str | None = None
    tags: list[str] | None = None
    attrib: WorkfileAttrib | None = None
    data: dict[str, Any] | None = None
