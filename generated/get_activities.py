from .base_model import BaseModel
from .fragments import ActivityFields, PageInfoFields


class GetActivities(BaseModel):
    project: "GetActivitiesProject"


class GetActivitiesProject(BaseModel):
    activities: "GetActivitiesProjectActivities"


class GetActivitiesProjectActivities(BaseModel):
    page_info: "GetActivitiesProjectActivitiesPageInfo"
    edges: list["GetActivitiesProjectActivitiesEdges"]


GetActivitiesProjectActivitiesPageInfo = PageInfoFields


class GetActivitiesProjectActivitiesEdges(BaseModel):
    node: "GetActivitiesProjectActivitiesEdgesNode"


GetActivitiesProjectActivitiesEdgesNode = ActivityFields
