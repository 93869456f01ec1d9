"""Plain-Python description of the warehouse floor (no Odoo import).

``grid`` lists the bins a layout generator creates; ``geometry`` gives the walking
distances the picking router works with.
"""

from .geometry import Depot, Location, WarehouseGeometry

__all__ = ["Depot", "Location", "WarehouseGeometry"]
