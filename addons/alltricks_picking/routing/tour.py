"""What the router returns, and what it expects from a warehouse geometry."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

Point = tuple[int, float]


class DepotLike(Protocol):
    """Where tours start: aisle ``aisle``'s end on the cross aisle at depth ``y``."""

    aisle: int
    y: float
    offset: float


class GeometryLike(Protocol):
    """The part of ``alltricks_slotting.layout.geometry.WarehouseGeometry`` we use.

    Parallel aisles at increasing ``aisle_x``, cross aisles at increasing
    ``cross_aisle_y`` (front ``0`` first, back last), points as ``(aisle, y)``.
    """

    aisle_x: Sequence[float]
    cross_aisle_y: Sequence[float]
    depot: DepotLike

    def distance(self, a: Point, b: Point) -> float:
        """Shortest walking distance between two points."""

    def depot_distance(self, a: Point) -> float:
        """Walking distance between the packing area and a point."""


@dataclass(frozen=True)
class Tour:
    """A closed picking walk from the depot and back.

    ``order`` lists indices into the routed points in visiting order, the depot
    excluded; ``length`` is the walking distance, the depot offset counted out and
    back; ``method`` names the algorithm, ``exact`` says whether it proves the
    length optimal.
    """

    length: float
    order: tuple[int, ...]
    method: str
    exact: bool


def walked_length(
    geometry: GeometryLike, points: Sequence[Point], order: Sequence[int]
) -> float:
    """Length of depot -> points[order[0]] -> ... -> depot, point to point. O(n)."""
    if not order:
        return 0.0
    stops = [points[i] for i in order]
    inner = sum(geometry.distance(a, b) for a, b in itertools.pairwise(stops))
    return (
        geometry.depot_distance(stops[0]) + inner + geometry.depot_distance(stops[-1])
    )
