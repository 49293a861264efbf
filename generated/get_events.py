from .base_model import BaseModel
from .fragments import EventFields, PageInfoFields


class GetEvents(BaseModel):
    events: "GetEventsEvents"


class GetEventsEvents(BaseModel):
    page_info: "GetEventsEventsPageInfo"
    edges: list["GetEventsEventsEdges"]


GetEventsEventsPageInfo = PageInfoFields


class GetEventsEventsEdges(BaseModel):
    node: "GetEventsEventsEdgesNode"


GetEventsEventsEdgesNode = EventFields
