from typing import Optional

from .base_model import BaseModel
from .fragments import ProductFields


class GetProduct(BaseModel):
    project: "GetProductProject"


class GetProductProject(BaseModel):
    product: Optional["GetProductProjectProduct"]


GetProductProjectProduct = ProductFields
