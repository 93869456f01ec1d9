"""Turn an even connected multigraph into a walk (Hierholzer's algorithm)."""

from __future__ import annotations

from collections.abc import Hashable, Sequence


def euler_circuit(
    edges: Sequence[tuple[Hashable, Hashable, float]], start: Hashable
) -> tuple[list, float]:
    """Closed walk from ``start`` using every edge once, and its length.

    Edges are ``(u, v, length)``, one entry per copy. Deterministic: at each node
    the edges are tried in the order given. Raises ``ValueError`` when no such
    walk exists (odd degree, or edges out of reach). O(E).
    """
    adjacency: dict[Hashable, list[tuple[int, Hashable]]] = {start: []}
    for index, (u, v, _) in enumerate(edges):
        adjacency.setdefault(u, []).append((index, v))
        adjacency.setdefault(v, []).append((index, u))
    if any(len(incident) % 2 for incident in adjacency.values()):
        raise ValueError("A node has an odd degree: no closed walk.")

    used = [False] * len(edges)
    cursor = dict.fromkeys(adjacency, 0)
    stack: list[tuple[Hashable, int]] = [(start, -1)]
    walk: list[tuple[Hashable, int]] = []
    while stack:
        node = stack[-1][0]
        incident = adjacency[node]
        while cursor[node] < len(incident) and used[incident[cursor[node]][0]]:
            cursor[node] += 1
        if cursor[node] == len(incident):
            walk.append(stack.pop())
            continue
        index, other = incident[cursor[node]]
        used[index] = True
        stack.append((other, index))

    if not all(used):
        raise ValueError("Some edges are out of reach of the start node.")
    walk.reverse()
    length = sum(edges[index][2] for _, index in walk[1:])
    return [node for node, _ in walk], length
