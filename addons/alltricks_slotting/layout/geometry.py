"""Walking distances in a rectangular parallel-aisle warehouse.

The floor has ``m`` vertical picking aisles side by side, at increasing ``x``
positions in metres (the spacing may vary, e.g. wider between two zones). All
aisles have the same length ``L``. Horizontal cross aisles run across the whole
floor at sorted depths ``y``: always the front one at ``y = 0`` and the back one
at ``y = L``, and optionally middle ones, which cut the aisles into blocks.

A point of the warehouse is a :class:`Location`: an aisle index and a depth ``y``
in ``[0, L]``. The picker walks the centre line of the aisle and reaches both
shelf faces from there. The packing area (:class:`Depot`) opens on a cross aisle
at an aisle's end; reaching it from the cross aisle may cost an extra ``offset``,
walked once out and once back.

Shortest paths, in this layout, never need more than one cross aisle: inside the
same aisle the picker walks straight (``|y1 - y2|``); between two aisles he walks
to a cross aisle ``Y``, along it, and into the other aisle, so the distance is
``|x1 - x2| + min over Y of (|y1 - Y| + |y2 - Y|)``. Each call is O(k) for ``k``
cross aisles.

No Odoo import here: the models feed their bins to this module, the picking
router reads it by duck typing.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import NamedTuple


class Location(NamedTuple):
    """A point of the warehouse: an aisle index and a depth ``y`` in metres.

    A plain ``(aisle, y)`` tuple is accepted wherever a location is expected.
    """

    aisle: int
    y: float


@dataclass(frozen=True)
class Depot:
    """Where tours start and end: aisle ``aisle``'s end on the cross aisle at ``y``.

    ``offset`` is the walk from that cross-aisle point into the packing area; a
    tour walks it twice.
    """

    aisle: int
    y: float
    offset: float = 0.0

    @property
    def location(self) -> Location:
        """The cross-aisle point where the depot opens."""
        return Location(self.aisle, self.y)


@dataclass(frozen=True)
class WarehouseGeometry:
    """Parallel aisles at ``aisle_x``, cross aisles at ``cross_aisle_y``, a depot.

    ``cross_aisle_y`` starts with the front cross aisle ``0.0`` and ends with the
    back one, whose depth is the aisle length; values in between are middle cross
    aisles. Both sequences are stored as tuples and must be strictly increasing.
    """

    aisle_x: tuple[float, ...]
    cross_aisle_y: tuple[float, ...]
    depot: Depot

    def __post_init__(self) -> None:
        object.__setattr__(self, "aisle_x", tuple(float(x) for x in self.aisle_x))
        object.__setattr__(
            self, "cross_aisle_y", tuple(float(y) for y in self.cross_aisle_y)
        )
        self._check_shape()

    def _check_shape(self) -> None:
        if not self.aisle_x:
            raise ValueError("A warehouse needs at least one aisle.")
        if any(b <= a for a, b in zip(self.aisle_x, self.aisle_x[1:])):
            raise ValueError("Aisle x positions must be strictly increasing.")
        ys = self.cross_aisle_y
        if len(ys) < 2 or ys[0] != 0.0:
            raise ValueError(
                "Cross aisles must include the front one (y=0) and a back one."
            )
        if any(b <= a for a, b in itertools.pairwise(ys)):
            raise ValueError("Cross aisle y positions must be strictly increasing.")
        if not 0 <= self.depot.aisle < len(self.aisle_x):
            raise ValueError(f"Depot aisle {self.depot.aisle} is not in the layout.")
        if self.depot.y not in ys:
            raise ValueError(f"Depot y={self.depot.y} is not on a cross aisle.")
        if self.depot.offset < 0:
            raise ValueError("The depot offset cannot be negative.")

    @classmethod
    def uniform(
        cls,
        num_aisles: int,
        aisle_spacing: float,
        aisle_length: float,
        middle_cross_aisles: tuple[float, ...] = (),
        depot_aisle: int = 0,
        depot_at_back: bool = False,
        depot_offset: float = 0.0,
    ) -> WarehouseGeometry:
        """Build a layout with evenly spaced aisles, the first one at ``x = 0``."""
        cross = (0.0, *sorted(middle_cross_aisles), float(aisle_length))
        depot_y = cross[-1] if depot_at_back else 0.0
        return cls(
            aisle_x=tuple(i * aisle_spacing for i in range(num_aisles)),
            cross_aisle_y=cross,
            depot=Depot(depot_aisle, depot_y, depot_offset),
        )

    @property
    def num_aisles(self) -> int:
        """Number of picking aisles."""
        return len(self.aisle_x)

    @property
    def aisle_length(self) -> float:
        """Depth of the back cross aisle."""
        return self.cross_aisle_y[-1]

    @property
    def num_blocks(self) -> int:
        """Number of blocks: one more than the number of middle cross aisles."""
        return len(self.cross_aisle_y) - 1

    def check_location(self, location: tuple[int, float]) -> Location:
        """Return ``location`` as a :class:`Location`, or raise ``ValueError``."""
        aisle, y = location
        if not 0 <= aisle < len(self.aisle_x) or int(aisle) != aisle:
            raise ValueError(f"Aisle {aisle} is not in the layout.")
        if not 0.0 <= y <= self.cross_aisle_y[-1]:
            raise ValueError(f"Depth {y} is outside aisle {aisle}.")
        return Location(int(aisle), float(y))

    def distance(self, a: tuple[int, float], b: tuple[int, float]) -> float:
        """Shortest walking distance between two locations. O(k)."""
        (aisle_a, ya), (aisle_b, yb) = a, b
        if aisle_a == aisle_b:
            return abs(ya - yb)
        across = abs(self.aisle_x[aisle_a] - self.aisle_x[aisle_b])
        return across + min(abs(ya - y) + abs(yb - y) for y in self.cross_aisle_y)

    def depot_distance(self, location: tuple[int, float]) -> float:
        """Walking distance from the packing area to ``location``, offset included."""
        return self.depot.offset + self.distance(self.depot.location, location)
