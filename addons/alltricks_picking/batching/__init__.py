"""Order batching for cart picking, in plain Python (no Odoo import).

``plan_batches(orders, cart, geometry)`` groups customer orders into cart
loads (one order per tote) whose routes, computed by
:func:`alltricks_picking.routing.shortest_tour`, are short; see
:mod:`.planner`. ``fcfs_batches`` is the first-come-first-served baseline.
"""

from .fcfs import fcfs_batches
from .model import BIKES, PARTS, BatchPlan, CartLoad, CartType, Order, OrderLine
from .planner import plan_batches, split_order

__all__ = [
    "BIKES",
    "PARTS",
    "BatchPlan",
    "CartLoad",
    "CartType",
    "Order",
    "OrderLine",
    "fcfs_batches",
    "plan_batches",
    "split_order",
]
