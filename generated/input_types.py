from .base_model import BaseModel
from .enums import StatsOperation


class AttributeFilterInput(BaseModel):
    name: str
    values: list[str]


class MetricTargetInput(BaseModel):
    aggregations: list[StatsOperation]
    field: str
