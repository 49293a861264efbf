from datetime import datetime
from typing import Any, Optional

from .base_model import BaseModel
from .fragments import PageInfoFields


class GetLinks(BaseModel):
    project: "GetLinksProject"


class GetLinksProject(BaseModel):
    links: "GetLinksProjectLinks"


class GetLinksProjectLinks(BaseModel):
    page_info: "GetLinksProjectLinksPageInfo"
    edges: list["GetLinksProjectLinksEdges"]


GetLinksProjectLinksPageInfo = PageInfoFields


class GetLinksProjectLinksEdges(BaseModel):
    id: str
    name: Optional[str]
    link_type: str
    input_id: str
    input_type: str
    output_id: str
    output_type: str
    author: Optional[str]
    data: Any
    created_at: datetime
