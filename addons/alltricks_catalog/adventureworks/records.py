"""Plain records read from the AdventureWorks files (no Odoo import)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

LB_TO_KG = 0.45359237


@dataclass(frozen=True, slots=True)
class Category:
    id: int
    name: str


@dataclass(frozen=True, slots=True)
class Subcategory:
    id: int
    category_id: int
    name: str


@dataclass(frozen=True, slots=True)
class ProductModel:
    id: int
    name: str


@dataclass(frozen=True, slots=True)
class Product:
    """One row of ``Product.csv``, padding stripped, units as in the file."""

    id: int
    name: str
    number: str
    finished: bool
    color: str
    reorder_point: int
    standard_cost: float
    list_price: float
    size: str
    weight_unit: str
    weight: float | None
    product_line: str
    subcategory_id: int | None
    model_id: int | None

    @property
    def weight_kg(self) -> float:
        """The weight in kilograms: the file mixes pounds and grams."""
        if self.weight is None:
            return 0.0
        if self.weight_unit == "LB":
            return round(self.weight * LB_TO_KG, 3)
        if self.weight_unit == "G":
            return round(self.weight / 1000, 3)
        return self.weight


@dataclass(frozen=True, slots=True)
class InventoryRow:
    product_id: int
    location_id: int
    shelf: str
    bin: int
    quantity: int


@dataclass(frozen=True, slots=True)
class SalesLine:
    """One line of ``dw/FactInternetSales.csv``, mapped to the OLTP SKU."""

    order_number: str
    line_number: int
    product_number: str
    customer_key: int
    quantity: int
    unit_price: float
    order_date: date


@dataclass(slots=True)
class Dataset:
    """Everything the demo loader needs, validated and cross-checked."""

    categories: dict[int, Category] = field(default_factory=dict)
    subcategories: dict[int, Subcategory] = field(default_factory=dict)
    models: dict[int, ProductModel] = field(default_factory=dict)
    products: dict[int, Product] = field(default_factory=dict)
    inventory: list[InventoryRow] = field(default_factory=list)
    sales_lines: list[SalesLine] = field(default_factory=list)
    photos: dict[str, str] = field(default_factory=dict)

    def sellable_products(self) -> list[Product]:
        """Finished goods (``FinishedGoodsFlag = 1``), by ProductID."""
        return [p for _id, p in sorted(self.products.items()) if p.finished]

    def category_of(self, product: Product) -> Category | None:
        subcategory = self.subcategories.get(product.subcategory_id)
        return subcategory and self.categories[subcategory.category_id]
