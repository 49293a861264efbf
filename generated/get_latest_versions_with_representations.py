from .base_model import BaseModel
from .fragments import (
    PageInfoFields,
    RepresentationFields,
    VersionFields,
    VersionFieldsAttrib,  # noqa: F401
)


class GetLatestVersionsWithRepresentations(BaseModel):
    project: "GetLatestVersionsWithRepresentationsProject"


class GetLatestVersionsWithRepresentationsProject(BaseModel):
    versions: "GetLatestVersionsWithRepresentationsProjectVersions"


class GetLatestVersionsWithRepresentationsProjectVersions(BaseModel):
    page_info: "GetLatestVersionsWithRepresentationsProjectVersionsPageInfo"
    edges: list["GetLatestVersionsWithRepresentationsProjectVersionsEdges"]


GetLatestVersionsWithRepresentationsProjectVersionsPageInfo = PageInfoFields


class GetLatestVersionsWithRepresentationsProjectVersionsEdges(BaseModel):
    node: "GetLatestVersionsWithRepresentationsProjectVersionsEdgesNode"


class GetLatestVersionsWithRepresentationsProjectVersionsEdgesNode(VersionFields):
    representations: (
        "GetLatestVersionsWithRepresentationsProjectVersionsEdgesNodeRepresentations"
    )


class GetLatestVersionsWithRepresentationsProjectVersionsEdgesNodeRepresentations(
    BaseModel
):
    page_info: "GetLatestVersionsWithRepresentationsProjectVersionsEdgesNodeRepresentationsPageInfo"
    edges: list[
        "GetLatestVersionsWithRepresentationsProjectVersionsEdgesNodeRepresentationsEdges"
    ]


GetLatestVersionsWithRepresentationsProjectVersionsEdgesNodeRepresentationsPageInfo = (
    PageInfoFields
)


class GetLatestVersionsWithRepresentationsProjectVersionsEdgesNodeRepresentationsEdges(
    BaseModel
):
    node: "GetLatestVersionsWithRepresentationsProjectVersionsEdgesNodeRepresentationsEdgesNode"


GetLatestVersionsWithRepresentationsProjectVersionsEdgesNodeRepresentationsEdgesNode = (
    RepresentationFields
)
