"""First-come-first-served batching, the baseline the planner must beat.

Orders, most urgent first and then in arrival order, fill the current cart
until a tote or the capacity runs out (de Koster, Le-Duc and Roodbergen, EJOR
182(2), 2007: the simplest batching rule). Same flows, splits and routing as
:func:`.planner.plan_batches`, so the two compare on grouping alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..routing import shortest_tour
from .model import BIKES, PARTS, BatchPlan, CartType, Order
from .planner import _renumber, _route, split_order


def fcfs_batches(
    orders: Sequence[Order], cart: CartType, geometry, router=shortest_tour
) -> BatchPlan:
    """Cart loads in arrival order; ``orders`` is taken as the arrival order."""
    loads, split = [], []
    for flow in (PARTS, BIKES):
        group = [o for o in orders if o.bike == (flow == BIKES)]
        group.sort(key=lambda o: o.due_rank)  # stable: arrival order within a rank
        current: list[Order] = []
        for order in group:
            if not cart.holds(order.volume, order.weight):
                split.append(order.id)
                parts = split_order(order, cart, geometry, router)
                loads += [(flow, [p], (k + 1, len(parts))) for k, p in enumerate(parts)]
                continue
            trial = [*current, order]
            volume = sum(o.volume for o in trial)
            weight = sum(o.weight for o in trial)
            if current and (len(trial) > cart.totes or not cart.holds(volume, weight)):
                loads.append((flow, current, None))
                trial = [order]
            current = trial
        if current:
            loads.append((flow, current, None))
    carts = [
        _route(flow, members, part, geometry, router) for flow, members, part in loads
    ]
    return BatchPlan(
        tuple(_renumber(c, i + 1) for i, c in enumerate(carts)), tuple(split)
    )
