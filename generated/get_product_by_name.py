from .base_model import BaseModel
from .fragments import ProductFields


class GetProductByName(BaseModel):
    project: "GetProductByNameProject"


class GetProductByNameProject(BaseModel):
    products: "GetProductByNameProjectProducts"


class GetProductByNameProjectProducts(BaseModel):
    edges: list["GetProductByNameProjectProductsEdges"]


class GetProductByNameProjectProductsEdges(BaseModel):
    node: "GetProductByNameProjectProductsEdgesNode"


GetProductByNameProjectProductsEdgesNode = ProductFields
