"""What the batcher takes and returns: orders, cart types, cart loads, a plan."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field

Point = tuple[int, float]
PARTS, BIKES = "parts", "bikes"


@dataclass(frozen=True)
class OrderLine:
    """One pick: where (``point``), how big and heavy, and a caller's ``key``.

    The key comes back in :attr:`CartLoad.route` so the caller can number its
    own records (the Odoo side passes move line ids). ``bin`` names the bin:
    several bins share a point (facing bays, levels, positions), and the
    route keeps the lines of one bin together, in bin-name order.
    """

    key: Hashable
    point: Point
    volume: float = 0.0
    weight: float = 0.0
    bin: str = ""


@dataclass(frozen=True)
class Order:
    """A customer order to pick into one tote.

    ``due_rank`` orders urgency: 0 is due at today's cut-off, 1 at the next
    departure, and so on. ``bike`` marks orders that hold a complete bike: they
    go in their own flow.
    """

    id: Hashable
    due_rank: int
    lines: tuple[OrderLine, ...]
    bike: bool = False

    @classmethod
    def from_points(
        cls,
        order_id: Hashable,
        due_rank: int,
        points: Sequence[Point],
        volume: float = 0.0,
        weight: float = 0.0,
        bike: bool = False,
    ) -> Order:
        """An order whose volume and weight are spread evenly over its points."""
        count = max(len(points), 1)
        lines = tuple(
            OrderLine((order_id, i), tuple(point), volume / count, weight / count)
            for i, point in enumerate(points)
        )
        return cls(order_id, due_rank, lines, bike)

    @property
    def points(self) -> tuple[Point, ...]:
        return tuple(line.point for line in self.lines)

    @property
    def volume(self) -> float:
        return sum(line.volume for line in self.lines)

    @property
    def weight(self) -> float:
        return sum(line.weight for line in self.lines)


@dataclass(frozen=True)
class CartType:
    """A picking cart: ``totes`` totes, one order each; 0 means no limit."""

    totes: int
    max_volume: float = 0.0
    max_weight: float = 0.0

    def __post_init__(self) -> None:
        if self.totes < 1:
            raise ValueError("A cart needs at least one tote.")
        if self.max_volume < 0 or self.max_weight < 0:
            raise ValueError("Cart limits cannot be negative.")

    def holds(self, volume: float, weight: float) -> bool:
        """Whether a load of ``volume`` and ``weight`` fits (float noise aside)."""
        eps = 1e-9
        return (not self.max_volume or volume <= self.max_volume + eps) and (
            not self.max_weight or weight <= self.max_weight + eps
        )


@dataclass(frozen=True)
class CartLoad:
    """One cart trip.

    ``orders`` lists the order ids tote by tote (tote ``i + 1`` holds
    ``orders[i]``); ``route`` the line keys in walking order; ``length`` the
    router's tour length in metres. A part of an order too big for one cart has
    ``split_of`` set to that order's id and ``part`` to ``(k, n)``.
    """

    sequence: int
    flow: str
    orders: tuple[Hashable, ...]
    route: tuple[Hashable, ...]
    length: float
    due_rank: int
    split_of: Hashable | None = None
    part: tuple[int, int] | None = None


@dataclass(frozen=True)
class BatchPlan:
    """All carts, in the order pickers should take them."""

    carts: tuple[CartLoad, ...]
    split_orders: tuple[Hashable, ...] = field(default=())

    @property
    def length(self) -> float:
        return sum(cart.length for cart in self.carts)

    def tote_of(self, order_id: Hashable) -> int | None:
        """Tote number of an order that was not split, else ``None``."""
        for cart in self.carts:
            if cart.split_of is None and order_id in cart.orders:
                return cart.orders.index(order_id) + 1
        return None
