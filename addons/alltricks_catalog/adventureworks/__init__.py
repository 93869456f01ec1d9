"""AdventureWorks sample data for the demo warehouse, in plain Python.

:func:`read_dataset` reads and checks the files; :mod:`.rules` derives what
AdventureWorks lacks (brands, box sizes, demo quantities). Nothing here imports
Odoo: the ``alltricks.demo.loader`` model turns the result into records.
"""

from . import rules
from .reader import DataError, read_dataset
from .records import Dataset, InventoryRow, Product, SalesLine

__all__ = [
    "DataError",
    "Dataset",
    "InventoryRow",
    "Product",
    "SalesLine",
    "read_dataset",
    "rules",
]
