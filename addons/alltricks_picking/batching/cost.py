"""Route lengths of sets of orders: the exact router behind a cache, and a proxy.

Batching evaluates many candidate carts. The exact length (the router's
shortest tour over the union of the carts' points) costs milliseconds, so the
heuristics first rank candidates with an O(aisles) proxy and only ask the
router about the most promising ones. The proxy is the shorter of the return
and S-shape traversal heuristics (Hall, "Distance approximations for routing
manual pickers in a warehouse", IIE Transactions 25(4), 1993), which bounds the
optimum from above on one block.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence

from .model import Order, Point

RouteLength = Callable[[Sequence[Point]], float]


class CartCost:
    """Exact and proxy lengths of order sets, with the exact ones memoised."""

    def __init__(self, geometry, route_length: RouteLength, orders: Iterable[Order]):
        self.geometry = geometry
        self.route_length = route_length
        self.orders = {order.id: order for order in orders}
        self._exact: dict[frozenset, float] = {}
        self._reach = {oid: _reach(o.points) for oid, o in self.orders.items()}
        self.evaluations = 0

    def exact(self, order_ids: Iterable[Hashable]) -> float:
        """The router's tour length over the points of ``order_ids``."""
        key = frozenset(order_ids)
        if key not in self._exact:
            points = [p for oid in sorted(key, key=repr) for p in self._points(oid)]
            self._exact[key] = self.route_length(points)
            self.evaluations += 1
        return self._exact[key]

    def _points(self, order_id: Hashable):
        return self.orders[order_id].points

    def proxy(self, order_ids: Iterable[Hashable]) -> float:
        """min(return, S-shape) length over the points of ``order_ids``. O(aisles)."""
        merged: dict[int, tuple[float, float]] = {}
        for oid in order_ids:
            for aisle, (low, high) in self._reach[oid].items():
                old = merged.get(aisle)
                merged[aisle] = (
                    (low, high)
                    if old is None
                    else (
                        min(old[0], low),
                        max(old[1], high),
                    )
                )
        return self._proxy_of(merged)

    def _proxy_of(self, reach: dict[int, tuple[float, float]]) -> float:
        if not reach:
            return 0.0
        geometry = self.geometry
        xs = [geometry.aisle_x[a] for a in reach] + [
            geometry.aisle_x[geometry.depot.aisle]
        ]
        across = 2 * (max(xs) - min(xs))
        back = geometry.cross_aisle_y[-1]
        by_return = across + sum(2 * high for _, high in reach.values())
        aisles = sorted(reach)
        s_shape = across + back * (len(aisles) - len(aisles) % 2)
        if len(aisles) % 2:
            s_shape += 2 * reach[aisles[-1]][1]
        return 2 * geometry.depot.offset + min(by_return, s_shape)


def _reach(points: Sequence[Point]) -> dict[int, tuple[float, float]]:
    """Per aisle, the smallest and largest pick depth."""
    reach: dict[int, tuple[float, float]] = {}
    for aisle, y in points:
        low, high = reach.get(aisle, (y, y))
        reach[aisle] = (min(low, y), max(high, y))
    return reach
