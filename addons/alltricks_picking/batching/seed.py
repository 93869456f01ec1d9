"""Seed batching: open a cart on a seed order, add the closest orders.

Seed algorithms are surveyed by de Koster, Le-Duc and Roodbergen, "Design and
control of warehouse order picking: a literature review", European Journal of
Operational Research 182(2):481-501, 2007, section 6. Here the seed is one of
the most urgent orders: with rule ``"longest"`` the one whose own tour is the
longest (hardest to combine later), with ``"shortest"`` the most compact one
(tight clusters first). Neither wins on every order set, so the planner tries
both. Orders are then added one at a time by smallest added route length, the
criterion found best by de Koster, van der Poort and Wolters, "Efficient
orderbatching methods in warehouses", International Journal of Production
Research 37(7), 1999.

Cut-off rule: an order of due rank ``r + 1`` only enters a cart once every
order of rank ``r`` or less has a cart, so an order due today never waits for a
later cart while one due tomorrow rides in its place.

Each addition ranks the candidates by the proxy of :mod:`.cost` and asks the
router about the ``shortlist`` best. With ``n`` orders, ``t`` totes and ``s``
the shortlist: O(n^2 / t) proxy evaluations and O(n s) router calls.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

from .cost import CartCost
from .model import CartType, Order

SEED_RULES = ("longest", "shortest")


def seed_batches(
    orders: Sequence[Order],
    cart: CartType,
    cost: CartCost,
    shortlist: int = 6,
    rule: str = "longest",
) -> list[list[Hashable]]:
    """Group orders into carts; each cart is a list of order ids in tote order."""
    if rule not in SEED_RULES:
        raise ValueError(f"Unknown seed rule {rule!r}: use one of {SEED_RULES}.")
    pending = sorted(orders, key=lambda o: (o.due_rank, repr(o.id)))
    carts: list[list[Hashable]] = []
    while pending:
        seed = _pick_seed(pending, cost, rule)
        pending.remove(seed)
        carts.append(_fill(seed, pending, cart, cost, shortlist))
    return carts


def _pick_seed(pending: Sequence[Order], cost: CartCost, rule: str) -> Order:
    urgent = [o for o in pending if o.due_rank == pending[0].due_rank]
    sign = -1 if rule == "longest" else 1
    return min(urgent, key=lambda o: (sign * cost.proxy([o.id]), repr(o.id)))


def _fill(
    seed: Order, pending: list[Order], cart: CartType, cost: CartCost, shortlist: int
) -> list[Hashable]:
    """Add to ``seed``'s cart the orders with the smallest added length."""
    members, volume, weight = [seed.id], seed.volume, seed.weight
    while len(members) < cart.totes and pending:
        tier = pending[0].due_rank
        fitting = [
            o
            for o in pending
            if o.due_rank == tier and cart.holds(volume + o.volume, weight + o.weight)
        ]
        if not fitting:
            break
        chosen = _closest(members, fitting, cost, shortlist)
        pending.remove(chosen)
        members.append(chosen.id)
        volume, weight = volume + chosen.volume, weight + chosen.weight
    return members


def _closest(
    members: list[Hashable], candidates: list[Order], cost: CartCost, shortlist: int
) -> Order:
    base_proxy = cost.proxy(members)
    ranked = sorted(
        candidates,
        key=lambda o: (cost.proxy([*members, o.id]) - base_proxy, repr(o.id)),
    )[:shortlist]
    base = cost.exact(members)
    return min(ranked, key=lambda o: (cost.exact([*members, o.id]) - base, repr(o.id)))
