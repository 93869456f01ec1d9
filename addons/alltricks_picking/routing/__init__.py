"""Picker routing, in plain Python (no Odoo import).

``shortest_tour(geometry, points)`` returns the shortest closed walk from the
packing area through every pick location of a parallel-aisle warehouse. The
geometry is duck-typed (see :class:`.tour.GeometryLike`), normally an
``alltricks_slotting.layout.geometry.WarehouseGeometry``.
"""

from .router import shortest_tour
from .tour import GeometryLike, Tour, walked_length

__all__ = ["GeometryLike", "Tour", "shortest_tour", "walked_length"]
