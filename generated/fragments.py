import json
from datetime import datetime
from functools import cached_property
from typing import Any, Optional

from pydantic import model_validator

from .base_model import BaseModel


class ActivityFields(BaseModel):
    activity_id: str
    activity_type: str
    activity_data: str
    body: str
    tags: list[str]
    entity_id: Optional[str]
    entity_type: str
    entity_name: Optional[str]
    reference_id: str
    reference_type: str
    created_at: datetime
    updated_at: datetime
    author: Optional["ActivityFieldsAuthor"]

    @cached_property
    def activity_data_decoded(self) -> Any:
        """``activity_data`` (ActivityNode.activityData) decoded from its JSON text (None stays None)."""
        return None if self.activity_data is None else json.loads(self.activity_data)


class ActivityFieldsAuthor(BaseModel):
    name: str
    attrib: "ActivityFieldsAuthorAttrib"


class ActivityFieldsAuthorAttrib(BaseModel):
    full_name: Optional[str]

    @model_validator(mode="before")
    @classmethod
    def _from_all_attrib(cls, value: Any) -> Any:
        """Accept the ``allAttrib`` JSON text sent in place of this selection."""
        if not isinstance(value, str):
            return value
        attributes = json.loads(value) or {}
        return {"fullName": attributes.get("fullName")}


class EventFields(BaseModel):
    id: str
    hash: str
    topic: str
    project: Optional[str]
    user: Optional[str]
    sender: Optional[str]
    depends_on: Optional[str]
    status: str
    retries: int
    description: str
    summary: str
    payload: Optional[str]
    created_at: datetime
    updated_at: datetime

    @cached_property
    def summary_decoded(self) -> Any:
        """``summary`` (EventNode.summary) decoded from its JSON text (None stays None)."""
        return None if self.summary is None else json.loads(self.summary)

    @cached_property
    def payload_decoded(self) -> Any:
        """``payload`` (EventNode.payload) decoded from its JSON text (None stays None)."""
        return None if self.payload is None else json.loads(self.payload)


class FolderAttribFields(BaseModel):
    clip_in: Optional[int]
    clip_out: Optional[int]
    description: Optional[str]
    end_date: Optional[datetime]
    fps: Optional[float]
    frame_end: Optional[int]
    frame_start: Optional[int]
    handle_end: Optional[int]
    handle_start: Optional[int]
    pixel_aspect: Optional[float]
    priority: Optional[str]
    resolution_height: Optional[int]
    resolution_width: Optional[int]
    start_date: Optional[datetime]


class FolderFields(BaseModel):
    id: str
    name: str
    label: Optional[str]
    folder_type: str
    path: Optional[str]
    parent_id: Optional[str]
    active: bool
    thumbnail_id: Optional[str]
    data: Optional[str]
    status: str
    tags: list[str]
    has_children: bool
    child_count: int
    created_at: datetime
    updated_at: datetime
    attrib: "FolderFieldsAttrib"

    @cached_property
    def data_decoded(self) -> Any:
        """``data`` (FolderNode.data) decoded from its JSON text (None stays None)."""
        return None if self.data is None else json.loads(self.data)


class FolderFieldsAttrib(FolderAttribFields):
    @model_validator(mode="before")
    @classmethod
    def _from_all_attrib(cls, value: Any) -> Any:
        """Accept the ``allAttrib`` JSON text sent in place of this selection."""
        if not isinstance(value, str):
            return value
        attributes = json.loads(value) or {}
        return {
            "clipIn": attributes.get("clipIn"),
            "clipOut": attributes.get("clipOut"),
            "description": attributes.get("description"),
            "endDate": attributes.get("endDate"),
            "fps": attributes.get("fps"),
            "frameEnd": attributes.get("frameEnd"),
            "frameStart": attributes.get("frameStart"),
            "handleEnd": attributes.get("handleEnd"),
            "handleStart": attributes.get("handleStart"),
            "pixelAspect": attributes.get("pixelAspect"),
            "priority": attributes.get("priority"),
            "resolutionHeight": attributes.get("resolutionHeight"),
            "resolutionWidth": attributes.get("resolutionWidth"),
            "startDate": attributes.get("startDate"),
        }


class PageInfoFields(BaseModel):
    has_next_page: bool
    end_cursor: Optional[str]


class ProductFields(BaseModel):
    id: str
    name: str
    folder_id: str
    product_type: str
    product_base_type: Optional[str]
    active: bool
    data: Optional[str]
    status: str
    tags: list[str]
    path: Optional[str]
    created_at: datetime
    updated_at: datetime
    attrib: "ProductFieldsAttrib"

    @cached_property
    def data_decoded(self) -> Any:
        """``data`` (ProductNode.data) decoded from its JSON text (None stays None)."""
        return None if self.data is None else json.loads(self.data)


class ProductFieldsAttrib(BaseModel):
    description: Optional[str]
    product_group: Optional[str]

    @model_validator(mode="before")
    @classmethod
    def _from_all_attrib(cls, value: Any) -> Any:
        """Accept the ``allAttrib`` JSON text sent in place of this selection."""
        if not isinstance(value, str):
            return value
        attributes = json.loads(value) or {}
        return {
            "description": attributes.get("description"),
            "productGroup": attributes.get("productGroup"),
        }


class ProjectAttribFields(BaseModel):
    clip_in: Optional[int]
    clip_out: Optional[int]
    description: Optional[str]
    end_date: Optional[datetime]
    fps: Optional[float]
    frame_end: Optional[int]
    frame_start: Optional[int]
    handle_end: Optional[int]
    handle_start: Optional[int]
    pixel_aspect: Optional[float]
    priority: Optional[str]
    resolution_height: Optional[int]
    resolution_width: Optional[int]
    start_date: Optional[datetime]


class ProjectSummaryFields(BaseModel):
    name: str
    code: str
    label: Optional[str]
    active: bool
    library: bool
    created_at: datetime
    updated_at: datetime


class ProjectFields(ProjectSummaryFields):
    color: Optional[str]
    data: Optional[str]
    config: Optional[str]
    attrib: "ProjectFieldsAttrib"
    folder_types: list["ProjectFieldsFolderTypes"]
    task_types: list["ProjectFieldsTaskTypes"]
    link_types: list["ProjectFieldsLinkTypes"]
    statuses: list["ProjectFieldsStatuses"]
    tags: list["ProjectFieldsTags"]
    product_types: list["ProjectFieldsProductTypes"]

    @cached_property
    def data_decoded(self) -> Any:
        """``data`` (ProjectNode.data) decoded from its JSON text (None stays None)."""
        return None if self.data is None else json.loads(self.data)

    @cached_property
    def config_decoded(self) -> Any:
        """``config`` (ProjectNode.config) decoded from its JSON text (None stays None)."""
        return None if self.config is None else json.loads(self.config)


class ProjectFieldsAttrib(ProjectAttribFields):
    @model_validator(mode="before")
    @classmethod
    def _from_all_attrib(cls, value: Any) -> Any:
        """Accept the ``allAttrib`` JSON text sent in place of this selection."""
        if not isinstance(value, str):
            return value
        attributes = json.loads(value) or {}
        return {
            "clipIn": attributes.get("clipIn"),
            "clipOut": attributes.get("clipOut"),
            "description": attributes.get("description"),
            "endDate": attributes.get("endDate"),
            "fps": attributes.get("fps"),
            "frameEnd": attributes.get("frameEnd"),
            "frameStart": attributes.get("frameStart"),
            "handleEnd": attributes.get("handleEnd"),
            "handleStart": attributes.get("handleStart"),
            "pixelAspect": attributes.get("pixelAspect"),
            "priority": attributes.get("priority"),
            "resolutionHeight": attributes.get("resolutionHeight"),
            "resolutionWidth": attributes.get("resolutionWidth"),
            "startDate": attributes.get("startDate"),
        }


class ProjectFieldsFolderTypes(BaseModel):
    name: str
    short_name: Optional[str]
    icon: Optional[str]
    color: Optional[str]


class ProjectFieldsTaskTypes(BaseModel):
    name: str
    short_name: Optional[str]
    icon: Optional[str]
    color: Optional[str]


class ProjectFieldsLinkTypes(BaseModel):
    name: str
    link_type: str
    input_type: str
    output_type: str
    style: str
    color: Optional[str]


class ProjectFieldsStatuses(BaseModel):
    name: str
    short_name: Optional[str]
    state: Optional[str]
    icon: Optional[str]
    color: Optional[str]
    scope: Optional[list[str]]


class ProjectFieldsTags(BaseModel):
    name: str
    color: Optional[str]


class ProjectFieldsProductTypes(BaseModel):
    name: str
    icon: Optional[str]
    color: Optional[str]


class RepresentationAttribFields(BaseModel):
    clip_in: Optional[int]
    clip_out: Optional[int]
    description: Optional[str]
    extension: Optional[str]
    fps: Optional[float]
    frame_end: Optional[int]
    frame_start: Optional[int]
    handle_end: Optional[int]
    handle_start: Optional[int]
    path: Optional[str]
    pixel_aspect: Optional[float]
    resolution_height: Optional[int]
    resolution_width: Optional[int]
    template: Optional[str]


class RepresentationFields(BaseModel):
    id: str
    name: str
    version_id: str
    context: Optional[str]
    data: Optional[str]
    traits: Optional[str]
    active: bool
    status: str
    tags: list[str]
    created_at: datetime
    updated_at: datetime
    attrib: "RepresentationFieldsAttrib"
    files: list["RepresentationFieldsFiles"]

    @cached_property
    def context_decoded(self) -> Any:
        """``context`` (RepresentationNode.context) decoded from its JSON text (None stays None)."""
        return None if self.context is None else json.loads(self.context)

    @cached_property
    def data_decoded(self) -> Any:
        """``data`` (RepresentationNode.data) decoded from its JSON text (None stays None)."""
        return None if self.data is None else json.loads(self.data)

    @cached_property
    def traits_decoded(self) -> Any:
        """``traits`` (RepresentationNode.traits) decoded from its JSON text (None stays None)."""
        return None if self.traits is None else json.loads(self.traits)


class RepresentationFieldsAttrib(RepresentationAttribFields):
    @model_validator(mode="before")
    @classmethod
    def _from_all_attrib(cls, value: Any) -> Any:
        """Accept the ``allAttrib`` JSON text sent in place of this selection."""
        if not isinstance(value, str):
            return value
        attributes = json.loads(value) or {}
        return {
            "clipIn": attributes.get("clipIn"),
            "clipOut": attributes.get("clipOut"),
            "description": attributes.get("description"),
            "extension": attributes.get("extension"),
            "fps": attributes.get("fps"),
            "frameEnd": attributes.get("frameEnd"),
            "frameStart": attributes.get("frameStart"),
            "handleEnd": attributes.get("handleEnd"),
            "handleStart": attributes.get("handleStart"),
            "path": attributes.get("path"),
            "pixelAspect": attributes.get("pixelAspect"),
            "resolutionHeight": attributes.get("resolutionHeight"),
            "resolutionWidth": attributes.get("resolutionWidth"),
            "template": attributes.get("template"),
        }


class RepresentationFieldsFiles(BaseModel):
    id: str
    name: str
    path: str
    size: str
    hash: Optional[str]
    hash_type: str


class TaskAttribFields(BaseModel):
    clip_in: Optional[int]
    clip_out: Optional[int]
    description: Optional[str]
    end_date: Optional[datetime]
    fps: Optional[float]
    frame_end: Optional[int]
    frame_start: Optional[int]
    handle_end: Optional[int]
    handle_start: Optional[int]
    pixel_aspect: Optional[float]
    priority: Optional[str]
    resolution_height: Optional[int]
    resolution_width: Optional[int]
    start_date: Optional[datetime]


class TaskFields(BaseModel):
    id: str
    name: str
    label: Optional[str]
    task_type: str
    folder_id: str
    active: bool
    thumbnail_id: Optional[str]
    assignees: list[str]
    data: Optional[str]
    status: str
    tags: list[str]
    created_at: datetime
    updated_at: datetime
    attrib: "TaskFieldsAttrib"

    @cached_property
    def data_decoded(self) -> Any:
        """``data`` (TaskNode.data) decoded from its JSON text (None stays None)."""
        return None if self.data is None else json.loads(self.data)


class TaskFieldsAttrib(TaskAttribFields):
    @model_validator(mode="before")
    @classmethod
    def _from_all_attrib(cls, value: Any) -> Any:
        """Accept the ``allAttrib`` JSON text sent in place of this selection."""
        if not isinstance(value, str):
            return value
        attributes = json.loads(value) or {}
        return {
            "clipIn": attributes.get("clipIn"),
            "clipOut": attributes.get("clipOut"),
            "description": attributes.get("description"),
            "endDate": attributes.get("endDate"),
            "fps": attributes.get("fps"),
            "frameEnd": attributes.get("frameEnd"),
            "frameStart": attributes.get("frameStart"),
            "handleEnd": attributes.get("handleEnd"),
            "handleStart": attributes.get("handleStart"),
            "pixelAspect": attributes.get("pixelAspect"),
            "priority": attributes.get("priority"),
            "resolutionHeight": attributes.get("resolutionHeight"),
            "resolutionWidth": attributes.get("resolutionWidth"),
            "startDate": attributes.get("startDate"),
        }


class UserFields(BaseModel):
    name: str
    active: bool
    is_admin: bool
    is_manager: bool
    is_service: bool
    is_guest: bool
    has_password: bool
    access_groups: str
    default_access_groups: list[str]
    api_key_preview: Optional[str]
    created_at: datetime
    updated_at: datetime
    attrib: "UserFieldsAttrib"

    @cached_property
    def access_groups_decoded(self) -> Any:
        """``access_groups`` (UserNode.accessGroups) decoded from its JSON text (None stays None)."""
        return None if self.access_groups is None else json.loads(self.access_groups)


class UserFieldsAttrib(BaseModel):
    full_name: Optional[str]
    email: Optional[str]
    avatar_url: Optional[str]
    developer_mode: Optional[bool]

    @model_validator(mode="before")
    @classmethod
    def _from_all_attrib(cls, value: Any) -> Any:
        """Accept the ``allAttrib`` JSON text sent in place of this selection."""
        if not isinstance(value, str):
            return value
        attributes = json.loads(value) or {}
        return {
            "fullName": attributes.get("fullName"),
            "email": attributes.get("email"),
            "avatarUrl": attributes.get("avatarUrl"),
            "developerMode": attributes.get("developerMode"),
        }


class VersionAttribFields(BaseModel):
    fps: Optional[float]
    resolution_width: Optional[int]
    resolution_height: Optional[int]
    pixel_aspect: Optional[float]
    clip_in: Optional[int]
    clip_out: Optional[int]
    frame_start: Optional[int]
    frame_end: Optional[int]
    handle_start: Optional[int]
    handle_end: Optional[int]
    intent: Optional[str]
    machine: Optional[str]
    source: Optional[str]
    comment: Optional[str]
    site: Optional[str]
    families: Optional[list[str]]
    color_space: Optional[str]
    description: Optional[str]


class VersionFields(BaseModel):
    id: str
    name: str
    version: int
    product_id: str
    task_id: Optional[str]
    author: Optional[str]
    active: bool
    thumbnail_id: Optional[str]
    hero_version_id: Optional[str]
    is_latest: bool
    path: Optional[str]
    data: Optional[str]
    status: str
    tags: list[str]
    created_at: datetime
    updated_at: datetime
    attrib: "VersionFieldsAttrib"

    @cached_property
    def data_decoded(self) -> Any:
        """``data`` (VersionNode.data) decoded from its JSON text (None stays None)."""
        return None if self.data is None else json.loads(self.data)


class VersionFieldsAttrib(VersionAttribFields):
    @model_validator(mode="before")
    @classmethod
    def _from_all_attrib(cls, value: Any) -> Any:
        """Accept the ``allAttrib`` JSON text sent in place of this selection."""
        if not isinstance(value, str):
            return value
        attributes = json.loads(value) or {}
        return {
            "fps": attributes.get("fps"),
            "resolutionWidth": attributes.get("resolutionWidth"),
            "resolutionHeight": attributes.get("resolutionHeight"),
            "pixelAspect": attributes.get("pixelAspect"),
            "clipIn": attributes.get("clipIn"),
            "clipOut": attributes.get("clipOut"),
            "frameStart": attributes.get("frameStart"),
            "frameEnd": attributes.get("frameEnd"),
            "handleStart": attributes.get("handleStart"),
            "handleEnd": attributes.get("handleEnd"),
            "intent": attributes.get("intent"),
            "machine": attributes.get("machine"),
            "source": attributes.get("source"),
            "comment": attributes.get("comment"),
            "site": attributes.get("site"),
            "families": attributes.get("families"),
            "colorSpace": attributes.get("colorSpace"),
            "description": attributes.get("description"),
        }
