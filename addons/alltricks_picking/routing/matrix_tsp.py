"""Tours over a symmetric distance matrix, for layouts the aisle sweep leaves out.

Node 0 is the depot. Every function returns ``(length, order)`` with ``order`` a
permutation of ``1 .. n-1``.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

Matrix = Sequence[Sequence[float]]


def held_karp(matrix: Matrix) -> tuple[float, list[int]]:
    """Exact TSP by Held and Karp's dynamic program (J. SIAM 10(1), 1962).

    O(2^n n^2) time and O(2^n n) memory for ``n`` nodes besides the depot: keep
    ``n`` at about 13 or less.
    """
    n = len(matrix) - 1
    if n == 0:
        return 0.0, []
    # best[mask][i]: shortest path from the depot through `mask`, ending at i + 1.
    best = [[float("inf")] * n for _ in range(1 << n)]
    parent = [[-1] * n for _ in range(1 << n)]
    for i in range(n):
        best[1 << i][i] = matrix[0][i + 1]
    for mask in range(1, 1 << n):
        row = best[mask]
        for last in range(n):
            cost = row[last]
            if cost == float("inf") or not mask >> last & 1:
                continue
            for nxt in range(n):
                if mask >> nxt & 1:
                    continue
                total = cost + matrix[last + 1][nxt + 1]
                if total < best[mask | 1 << nxt][nxt]:
                    best[mask | 1 << nxt][nxt] = total
                    parent[mask | 1 << nxt][nxt] = last
    full = (1 << n) - 1
    closing = [best[full][i] + matrix[i + 1][0] for i in range(n)]
    last = closing.index(min(closing))
    order, mask = [], full
    while last >= 0:
        order.append(last + 1)
        mask, last = mask ^ 1 << last, parent[mask][last]
    order.reverse()
    return min(closing), order


def _length(matrix: Matrix, order: Sequence[int]) -> float:
    stops = [0, *order, 0]
    return sum(matrix[a][b] for a, b in itertools.pairwise(stops))


def two_opt(matrix: Matrix) -> tuple[float, list[int]]:
    """Heuristic: nearest neighbour, then 2-opt moves until none improves.

    Deterministic; O(n^2) per improving pass. No optimality guarantee.
    """
    todo, order, here = set(range(1, len(matrix))), [], 0
    while todo:
        here = min(todo, key=lambda j: (matrix[here][j], j))
        todo.remove(here)
        order.append(here)
    tour = [0, *order, 0]
    improved = True
    while improved:
        improved = False
        for i in range(1, len(tour) - 2):
            for j in range(i + 1, len(tour) - 1):
                a, b, c, d = tour[i - 1], tour[i], tour[j], tour[j + 1]
                delta = matrix[a][c] + matrix[b][d] - matrix[a][b] - matrix[c][d]
                if delta < -1e-9:
                    tour[i : j + 1] = reversed(tour[i : j + 1])
                    improved = True
    return _length(matrix, tour[1:-1]), tour[1:-1]


def ortools_tour(matrix: Matrix, scale: float = 1000.0) -> tuple[float, list[int]]:
    """Heuristic: OR-Tools routing (cheapest arc, then greedy descent).

    OR-Tools (Apache-2.0) is imported here, not at module load: ``ImportError``
    when it is missing. Distances are rounded to 1/``scale`` for the solver; the
    length returned is recomputed exactly. Deterministic: no time limit is set.
    """
    from ortools.constraint_solver import pywrapcp, routing_enums_pb2

    manager = pywrapcp.RoutingIndexManager(len(matrix), 1, 0)
    routing = pywrapcp.RoutingModel(manager)

    def arc_cost(i: int, j: int) -> int:
        a, b = manager.IndexToNode(i), manager.IndexToNode(j)
        return round(matrix[a][b] * scale)

    callback = routing.RegisterTransitCallback(arc_cost)
    routing.SetArcCostEvaluatorOfAllVehicles(callback)
    params = pywrapcp.DefaultRoutingSearchParameters()
    params.first_solution_strategy = (
        routing_enums_pb2.FirstSolutionStrategy.PATH_CHEAPEST_ARC
    )
    params.local_search_metaheuristic = (
        routing_enums_pb2.LocalSearchMetaheuristic.GREEDY_DESCENT
    )
    solution = routing.SolveWithParameters(params)
    if solution is None:
        raise RuntimeError("OR-Tools found no tour.")
    order, index = [], solution.Value(routing.NextVar(routing.Start(0)))
    while not routing.IsEnd(index):
        order.append(manager.IndexToNode(index))
        index = solution.Value(routing.NextVar(index))
    return _length(matrix, order), order
