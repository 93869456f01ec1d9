"""Plan cart loads: flows, oversize orders, seed batching, local search, routes.

Entry point :func:`plan_batches`. Steps:

1. complete bikes and parts are separate flows, batched apart, never mixed;
2. an order too big for one cart (volume or weight) is split along its own
   shortest tour into consecutive cart trips, and reported in
   :attr:`BatchPlan.split_orders`; no other order is ever split;
3. the others are grouped by :func:`.seed.seed_batches`, then improved by
   :func:`.local_search.improve_batches`, once per seed rule; the plan with the
   shorter total route wins (ties: the first rule);
4. each cart is routed by the exact router over the union of its points, and
   carts are numbered by urgency (lowest due rank first).

Deterministic: same input, same plan.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Hashable, Sequence

from ..routing import shortest_tour
from .cost import CartCost
from .local_search import improve_batches
from .model import BIKES, PARTS, BatchPlan, CartLoad, CartType, Order, OrderLine
from .seed import SEED_RULES, seed_batches

_logger = logging.getLogger(__name__)
Router = Callable[..., object]


def plan_batches(
    orders: Sequence[Order],
    cart: CartType,
    geometry,
    *,
    bike_cart: CartType | None = None,
    improve: bool = True,
    router: Router = shortest_tour,
) -> BatchPlan:
    """Cart loads for ``orders``; see the module docstring for the method."""
    _check_orders(orders)
    loads: list[tuple] = []
    split: list[Hashable] = []
    for flow, cart_type in ((PARTS, cart), (BIKES, bike_cart or cart)):
        group = [o for o in orders if o.bike == (flow == BIKES)]
        fitting = [o for o in group if cart_type.holds(o.volume, o.weight)]
        oversize = [o for o in group if o not in fitting]
        cost = CartCost(geometry, lambda pts: router(geometry, pts).length, fitting)
        carts = _group(fitting, cart_type, cost, improve)
        loads += [(flow, [cost.orders[oid] for oid in c], None) for c in carts]
        for order in oversize:
            split.append(order.id)
            parts = split_order(order, cart_type, geometry, router)
            loads += [
                (flow, [part], (k + 1, len(parts))) for k, part in enumerate(parts)
            ]
    loads.sort(key=_urgency)
    carts = [
        _route(flow, members, part, geometry, router) for flow, members, part in loads
    ]
    plan = BatchPlan(
        tuple(_renumber(c, i + 1) for i, c in enumerate(carts)), tuple(split)
    )
    _logger.debug(
        "Planned %s orders in %s carts, %.1f m, split: %s",
        len(orders),
        len(plan.carts),
        plan.length,
        plan.split_orders,
    )
    return plan


def _group(fitting, cart_type, cost, improve):
    best, best_length = [], None
    for rule in SEED_RULES:
        carts = seed_batches(fitting, cart_type, cost, rule=rule)
        if improve:
            carts = improve_batches(carts, cart_type, cost)
        length = sum(cost.exact(c) for c in carts)
        if best_length is None or length < best_length - 1e-9:
            best, best_length = carts, length
    return best


def _check_orders(orders: Sequence[Order]) -> None:
    ids = [o.id for o in orders]
    if len(set(ids)) != len(ids):
        raise ValueError("Each order must have its own id.")
    empty = [o.id for o in orders if not o.lines]
    if empty:
        raise ValueError(f"Orders without lines cannot be batched: {empty}.")


def split_order(order: Order, cart: CartType, geometry, router=shortest_tour):
    """Cut an order along its own tour into parts that each fit a cart.

    A single line bigger than a cart still makes a part of its own: the caller
    is told through the plan and decides how to carry it.
    """
    tour = router(geometry, order.points)
    parts, current = [], []
    for index in tour.order:
        line = order.lines[index]
        trial = [*current, line]
        volume, weight = sum(x.volume for x in trial), sum(x.weight for x in trial)
        if current and not cart.holds(volume, weight):
            parts.append(current)
            trial = [line]
        current = trial
    parts.append(current)
    return [
        Order(order.id, order.due_rank, tuple(lines), order.bike) for lines in parts
    ]


def _route(flow, members: list[Order], part, geometry, router) -> CartLoad:
    lines = [line for order in members for line in order.lines]
    tour = router(geometry, [line.point for line in lines])
    first = members[0]
    return CartLoad(
        sequence=0,
        flow=flow,
        orders=tuple(o.id for o in members),
        route=tuple(line.key for line in bins_together(lines, tour.order)),
        length=tour.length,
        due_rank=min(o.due_rank for o in members),
        split_of=first.id if part else None,
        part=part,
    )


def bins_together(lines: Sequence[OrderLine], order: Sequence[int]):
    """``lines`` in the tour's ``order``, the lines of one point grouped and
    sorted by bin name, so that each bin is visited once.

    The router sees points, and several bins share one (facing bays, levels):
    it leaves their lines in any order. Grouping at the point's first visit
    keeps the tour's length. O(n log n).
    """
    by_point: dict = {}
    for index in order:
        by_point.setdefault(lines[index].point, []).append(lines[index])
    return [
        line
        for group in by_point.values()
        for line in sorted(group, key=lambda line: line.bin)
    ]


def _urgency(load) -> tuple:
    """Sort key: lowest then highest due rank (keeps the cut-off rule), flow."""
    flow, members, _part = load
    ranks = [o.due_rank for o in members]
    return (min(ranks), max(ranks), flow != PARTS)


def _renumber(load: CartLoad, sequence: int) -> CartLoad:
    return CartLoad(
        sequence,
        load.flow,
        load.orders,
        load.route,
        load.length,
        load.due_rank,
        load.split_of,
        load.part,
    )
