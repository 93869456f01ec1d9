"""Shortest picking tour: dispatch to the exact method the layout allows.

Up to ``MAX_SWEEP_CROSS_AISLES`` cross aisles the aisle sweep of
:mod:`.aisle_dp` is exact and linear in the number of aisles (Ratliff-Rosenthal
on one block, Roodbergen-de Koster on two). Beyond, the tour is searched on the
matrix of shortest-path distances between distinct stops: exactly by Held-Karp
up to ``HELD_KARP_LIMIT`` of them, else heuristically by OR-Tools when it is
installed, else by 2-opt.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Sequence

from .aisle_dp import optimal_multigraph
from .euler import euler_circuit
from .matrix_tsp import held_karp, ortools_tour, two_opt
from .tour import GeometryLike, Point, Tour

_logger = logging.getLogger(__name__)

# The sweep takes ~5x longer per middle cross aisle: 0.5 s for 4 blocks, 30 aisles.
MAX_SWEEP_CROSS_AISLES = 5
HELD_KARP_LIMIT = 12
_SWEEP_METHODS = {2: "ratliff-rosenthal", 3: "roodbergen-de-koster"}


def shortest_tour(geometry: GeometryLike, points: Sequence[Point]) -> Tour:
    """Shortest closed walk from the depot through every point and back.

    ``points`` are ``(aisle, y)`` pairs; several may share a location. The
    ``order`` of the tour lists indices into ``points``. See the module
    docstring for the method chosen, and :class:`.tour.Tour` for the result.
    """
    stops = [_checked_stop(geometry, point) for point in points]
    depot = geometry.depot
    home = (int(depot.aisle), float(depot.y))
    out_and_back = 2 * float(depot.offset)
    if not stops:
        return Tour(0.0, (), "empty", True)
    if all(stop == home for stop in stops):
        return Tour(out_and_back, tuple(range(len(stops))), "at-depot", True)

    if len(geometry.cross_aisle_y) <= MAX_SWEEP_CROSS_AISLES:
        length, order, method, exact = _sweep_tour(geometry, home, stops)
    else:
        length, order, method, exact = _matrix_tour(geometry, home, stops)
    _logger.debug(
        "Routed %s stops with %s: %.3f m (exact: %s)", len(stops), method, length, exact
    )
    return Tour(length + out_and_back, tuple(order), method, exact)


def _checked_stop(geometry: GeometryLike, point: Point) -> tuple[int, float]:
    aisle, y = point
    if int(aisle) != aisle or not 0 <= aisle < len(geometry.aisle_x):
        raise ValueError(f"Aisle {aisle} is not in the layout.")
    if not 0 <= y <= geometry.cross_aisle_y[-1]:
        raise ValueError(f"Depth {y} is outside aisle {aisle}.")
    return int(aisle), float(y)


def _sweep_tour(geometry: GeometryLike, home, stops):
    """Exact tour from the aisle sweep, walked as an Euler circuit."""
    cross = [float(y) for y in geometry.cross_aisle_y]
    aisle_x = [float(x) for x in geometry.aisle_x]
    result = optimal_multigraph(aisle_x, cross, home, stops)
    walk, walk_length = euler_circuit(result.edges, home)
    if not math.isclose(walk_length, result.length, rel_tol=1e-9, abs_tol=1e-6):
        raise RuntimeError(
            f"Euler walk of {walk_length} differs from the optimum {result.length}."
        )
    method = _SWEEP_METHODS.get(len(cross), f"aisle-sweep-{len(cross) - 1}-blocks")
    return result.length, _first_visits(walk, stops), method, True


def _first_visits(walk: Sequence, stops: Sequence) -> list[int]:
    """Indices of ``stops`` in the order ``walk`` first reaches their location."""
    waiting: dict = {}
    for index, stop in enumerate(stops):
        waiting.setdefault(stop, []).append(index)
    order: list[int] = []
    for node in walk:
        order.extend(waiting.pop(node, ()))
    if waiting:
        raise RuntimeError(f"The walk misses the stops at {sorted(waiting)}.")
    return order


def _matrix_tour(geometry: GeometryLike, home, stops):
    """Tour over the distance matrix of the depot and the distinct stops."""
    nodes = list(dict.fromkeys([home, *stops]))
    matrix = [[geometry.distance(a, b) for b in nodes] for a in nodes]
    if len(nodes) - 1 <= HELD_KARP_LIMIT:
        (length, visits), method, exact = held_karp(matrix), "held-karp", True
    else:
        exact = False
        try:
            (length, visits), method = ortools_tour(matrix), "ortools (heuristic)"
        except ImportError:
            _logger.warning(
                "OR-Tools is not installed (pip install ortools): routing %s stops "
                "with 2-opt, which may give longer tours.",
                len(nodes) - 1,
            )
            (length, visits), method = two_opt(matrix), "2-opt (heuristic)"
    order = _first_visits([home, *(nodes[i] for i in visits)], stops)
    return length, order, method, exact
