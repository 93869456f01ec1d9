"""Improve carts by moving and swapping orders while the total length drops.

The exchange step of the batching heuristics reviewed by de Koster, Le-Duc and
Roodbergen (EJOR 182(2), 2007, section 6): take an order out of a cart and put
it in another one with a free tote (move), or exchange two orders of two carts
(swap), and keep the change when the sum of the routers' tour lengths
decreases. First improvement, carts and orders scanned in a fixed order, so the
result is deterministic.

A move is only tried between a cart and its ``neighbours`` closest carts (by
the proxy of their union), and only router-checked when the proxy says it may
help. Capacity, totes and the cut-off rule of :mod:`.seed` are kept: two carts
may not hold ranks that overlap (each cart spans ranks ``[lo, hi]``; for any two
carts one must end where or before the other starts).
"""

from __future__ import annotations

import itertools
from collections.abc import Hashable

from .cost import CartCost
from .model import CartType

Carts = list[list[Hashable]]
_GAIN = 1e-6


def improve_batches(
    carts: Carts,
    cart: CartType,
    cost: CartCost,
    max_passes: int = 4,
    neighbours: int = 3,
) -> Carts:
    """Local search over ``carts`` (lists of order ids); returns the new carts."""
    carts = [list(c) for c in carts]
    for _ in range(max_passes):
        if not _one_pass(carts, cart, cost, neighbours):
            break
    return [c for c in carts if c]


def _one_pass(carts: Carts, cart: CartType, cost: CartCost, neighbours: int) -> bool:
    improved = False
    for a in range(len(carts)):
        for b in _nearest(carts, a, cost, neighbours):
            while carts[a] and _try_pair(carts, a, b, cart, cost):
                improved = True
    return improved


def _nearest(carts: Carts, a: int, cost: CartCost, neighbours: int) -> list[int]:
    if not carts[a]:
        return []
    others = [b for b in range(len(carts)) if b != a and carts[b]]
    alone = cost.proxy(carts[a])
    others.sort(key=lambda b: (cost.proxy(carts[a] + carts[b]) - alone, b))
    return others[:neighbours]


def _try_pair(carts: Carts, a: int, b: int, cart: CartType, cost: CartCost) -> bool:
    """Apply the first improving move or swap between carts ``a`` and ``b``."""
    before = cost.exact(carts[a]) + cost.exact(carts[b]) if carts[b] else 0.0
    for new_a, new_b in _candidates(carts[a], carts[b], cart, cost):
        if not _respects_cutoff(carts, a, b, new_a, new_b, cost):
            continue
        after = (cost.exact(new_a) if new_a else 0.0) + cost.exact(new_b)
        if after < before - _GAIN:
            carts[a], carts[b] = new_a, new_b
            return True
    return False


def _candidates(cart_a, cart_b, cart: CartType, cost: CartCost):
    """Feasible moves then swaps, best proxy gain first, proxy-promising only."""
    options = []
    if len(cart_b) < cart.totes:
        for x in cart_a:
            options.append(([o for o in cart_a if o != x], [*cart_b, x]))
    for x, y in itertools.product(cart_a, cart_b):
        options.append(
            ([y if o == x else o for o in cart_a], [x if o == y else o for o in cart_b])
        )
    before = cost.proxy(cart_a) + cost.proxy(cart_b)
    scored = []
    for index, (new_a, new_b) in enumerate(options):
        if not (_fits(new_a, cart, cost) and _fits(new_b, cart, cost)):
            continue
        delta = cost.proxy(new_a) + cost.proxy(new_b) - before
        if delta <= 0:
            scored.append((delta, index, new_a, new_b))
    scored.sort(key=lambda item: item[:2])
    return [(new_a, new_b) for _, _, new_a, new_b in scored]


def _fits(order_ids, cart: CartType, cost: CartCost) -> bool:
    orders = [cost.orders[oid] for oid in order_ids]
    return cart.holds(sum(o.volume for o in orders), sum(o.weight for o in orders))


def _span(order_ids, cost: CartCost) -> tuple[int, int] | None:
    ranks = [cost.orders[oid].due_rank for oid in order_ids]
    return (min(ranks), max(ranks)) if ranks else None


def spans_compatible(first: tuple[int, int] | None, second) -> bool:
    """Whether two carts' rank spans can be ordered without breaking the cut-off."""
    if first is None or second is None:
        return True
    return first[1] <= second[0] or second[1] <= first[0]


def _respects_cutoff(carts: Carts, a: int, b: int, new_a, new_b, cost) -> bool:
    span_a, span_b = _span(new_a, cost), _span(new_b, cost)
    if not spans_compatible(span_a, span_b):
        return False
    for index, other in enumerate(carts):
        if index in (a, b) or not other:
            continue
        span = _span(other, cost)
        if not (spans_compatible(span, span_a) and spans_compatible(span, span_b)):
            return False
    return True
