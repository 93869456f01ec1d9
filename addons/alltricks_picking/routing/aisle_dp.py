"""Exact picker routing in a parallel-aisle warehouse, by a sweep over the aisles.

One block (front and back cross aisles only) is the dynamic program of Ratliff
and Rosenthal, "Order-picking in a rectangular warehouse: a solvable case of the
traveling salesman problem", Operations Research 31(3):507-521, 1983. Two blocks
(one middle cross aisle) is its extension by Roodbergen and de Koster, "Routing
order pickers in a warehouse with a middle aisle", European Journal of
Operational Research 133(1):32-43, 2001.

The warehouse is a graph: one vertex per cross aisle in every aisle, one per
pick depth, edges along the aisles and along the cross aisles. A shortest tour
is a cheapest connected multigraph with even degrees that touches every pick
and the depot (walk it as an Euler circuit). Both papers prove that one such
multigraph uses every edge at most twice and serves the part of an aisle
between two neighbouring cross aisles (a *segment*) in one of six ways: not at
all, traversed once, traversed twice, entered from the top and left the same
way, the same from the bottom, or from both ends leaving out the largest gap
between picks.

The sweep adds, aisle after aisle, the segment choices of the aisle, then 0, 1
or 2 copies of each cross-aisle edge to the next aisle. Partial multigraphs
that the rest of the warehouse cannot tell apart form one equivalence class and
only the cheapest of each is kept. The class is what the unswept part can see:
for each cross-aisle vertex of the current aisle its degree (zero, even, odd)
and which of these vertices share a connected component. The papers draw these
classes by hand; here they are generated from that description, so the same
code is the Ratliff-Rosenthal program on one block and Roodbergen-de Koster on
two. A component that loses contact with the sweep line is a dead end (the tour
would be disconnected), so only the last aisle may close the tour.

Complexity: O(n log n) to sort the picks, then O(m * S * (6 (k - 1) + 2^k))
for ``m`` aisles between the leftmost and rightmost stop, ``k`` cross aisles and
``S`` classes per stage. Besides the empty start, S is 5 for one block (as in
Ratliff-Rosenthal), 23 for two, 111 for three and 567 for four blocks, so the
sweep is linear in the number of aisles but grows about fivefold per middle
cross aisle. Transitions between classes are cached across calls. Memory
O(m * S) for the back-pointers that rebuild the chosen multigraph.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import math
import threading
from collections.abc import Sequence
from dataclasses import dataclass

ZERO, ODD, EVEN = 0, 1, 2
# Degree class after adding 0, 1 or 2 edge ends to a vertex of class ZERO/ODD/EVEN.
_AFTER_ADDING = ((ZERO, ODD, EVEN), (ODD, EVEN, ODD), (EVEN, ODD, EVEN))
_CLASS_OF_COPIES = (ZERO, ODD, EVEN)
# Per kind of segment option: edge ends added at its top and bottom cross-aisle
# vertices, and whether the segment connects the two.
SEGMENT_SHAPES = {
    "none": (0, 0, False),
    "traverse": (1, 1, True),
    "double": (2, 2, True),
    "top": (2, 0, False),
    "bottom": (0, 2, False),
    "gap": (2, 2, False),
}
_SHAPE_INDEX = {kind: index for index, kind in enumerate(SEGMENT_SHAPES)}

Node = tuple[int, float]
Edge = tuple[Node, Node, float]
# Degree class of each cross-aisle vertex, and its component label (0: no edge).
State = tuple[tuple[int, ...], tuple[int, ...]]


@dataclass(frozen=True)
class SegmentOption:
    """One way to serve the segment of an aisle between two cross aisles.

    ``kind`` is a key of ``SEGMENT_SHAPES``; ``top`` is the end with the smaller
    depth. For ``gap``, ``split`` is the index of the last pick reached from the
    top.
    """

    kind: str
    cost: float
    split: int = -1

    @property
    def shape(self) -> int:
        """Index of ``kind`` in ``SEGMENT_SHAPES``."""
        return _SHAPE_INDEX[self.kind]


@dataclass(frozen=True)
class AisleDPResult:
    """The optimal multigraph: its length and its edges (each copy listed)."""

    length: float
    edges: tuple[Edge, ...]


def segment_options(top: float, bottom: float, depths: Sequence[float]) -> list:
    """The ways of serving picks at sorted distinct ``depths`` in (top, bottom).

    An empty segment may be skipped; a segment with picks may not, and a gap is
    left open only between two picks. O(len(depths)).
    """
    span = bottom - top
    options = [SegmentOption("traverse", span), SegmentOption("double", 2 * span)]
    if not depths:
        return [SegmentOption("none", 0.0), *options]
    options.append(SegmentOption("top", 2 * (depths[-1] - top)))
    options.append(SegmentOption("bottom", 2 * (bottom - depths[0])))
    if len(depths) > 1:
        gaps = [b - a for a, b in itertools.pairwise(depths)]
        split = gaps.index(max(gaps))
        options.append(SegmentOption("gap", 2 * (span - gaps[split]), split))
    return options


def segment_edges(
    aisle: int, top: float, bottom: float, depths: Sequence[float], option
) -> list[Edge]:
    """The aisle edges (one entry per copy) that ``option`` walks."""
    if option.kind == "none":
        return []
    if option.kind in ("traverse", "double"):
        copies = 1 if option.kind == "traverse" else 2
        return _chain(aisle, [top, *depths, bottom], copies)
    if option.kind == "top":
        return _chain(aisle, [top, *depths], 2)
    if option.kind == "bottom":
        return _chain(aisle, [*depths, bottom], 2)
    upper, lower = depths[: option.split + 1], depths[option.split + 1 :]
    return _chain(aisle, [top, *upper], 2) + _chain(aisle, [*lower, bottom], 2)


def _chain(aisle: int, depths: Sequence[float], copies: int) -> list[Edge]:
    edges = []
    for a, b in itertools.pairwise(depths):
        edges.extend([((aisle, a), (aisle, b), b - a)] * copies)
    return edges


def _canonical(labels: Sequence[int]) -> tuple[int, ...]:
    """Relabel components 1, 2, ... in order of first appearance (0 stays 0)."""
    names: dict[int, int] = {}
    return tuple(names.setdefault(x, len(names) + 1) if x else 0 for x in labels)


def add_segment(state: State, top: int, kind: str) -> State:
    """Class of ``state`` after serving the segment below cross aisle ``top``."""
    add_top, add_bottom, joins = SEGMENT_SHAPES[kind]
    degrees, labels = list(state[0]), list(state[1])
    fresh = max(labels) + 1
    for vertex, ends in ((top, add_top), (top + 1, add_bottom)):
        if ends and degrees[vertex] == ZERO:
            labels[vertex], fresh = fresh, fresh + 1
        degrees[vertex] = _AFTER_ADDING[ends][degrees[vertex]]
    if joins and labels[top] != labels[top + 1]:
        old, new = labels[top + 1], labels[top]
        labels = [new if x == old else x for x in labels]
    return tuple(degrees), _canonical(labels)


def cross_to_next(state: State, copies: Sequence[int], required: int) -> State | None:
    """Class after adding ``copies`` of each cross-aisle edge to the next aisle.

    The current aisle's vertices get no more edges: ``None`` when one of them is
    left odd, a required one (bit set in ``required``) is left bare, or a
    component is cut off the sweep line.
    """
    degrees, labels = state
    fresh = max(labels) + 1
    new_labels = []
    for vertex, count in enumerate(copies):
        if (degrees[vertex] == ODD) != (count == 1):
            return None
        if count == 0:
            if degrees[vertex] == ZERO and required >> vertex & 1:
                return None
            new_labels.append(0)
        elif labels[vertex]:
            new_labels.append(labels[vertex])
        else:
            new_labels.append(fresh)
            fresh += 1
    if set(labels) - {0} - set(new_labels):
        return None
    return tuple(_CLASS_OF_COPIES[c] for c in copies), _canonical(new_labels)


def is_closed_tour(state: State, required: int) -> bool:
    """Whether ``state`` is a finished tour: even, connected, required vertices met."""
    degrees, labels = state
    if ODD in degrees or len(set(labels) - {0}) != 1:
        return False
    return all(d != ZERO for v, d in enumerate(degrees) if required >> v & 1)


class ClassTable:
    """The classes for ``k`` cross aisles, numbered as met, and their moves.

    Moves depend on the class only, never on distances, so they are computed
    once per process and shared: the sweep then costs list look-ups. Server
    threads share the table, so new entries are made under a lock and published
    only once complete.
    """

    def __init__(self, k: int):
        self.k = k
        self.states: list[State] = []
        self._ids: dict[State, int] = {}
        self._after_segment: dict[tuple[int, int], list[int]] = {}
        self._after_cross: dict[tuple[int, int], tuple] = {}
        self._lock = threading.Lock()
        self.start = self._id_of(((ZERO,) * k, (0,) * k))

    def _id_of(self, state: State) -> int:
        """Number of ``state``, given on first sight (call with the lock held)."""
        if state not in self._ids:
            self.states.append(state)
            self._ids[state] = len(self.states) - 1
        return self._ids[state]

    def after_segment(self, sid: int, top: int) -> list[int]:
        """Next class for each kind of option on the segment below ``top``."""
        row = self._after_segment.get((sid, top))
        if row is None:
            with self._lock:
                state = self.states[sid]
                row = [
                    self._id_of(add_segment(state, top, kind))
                    for kind in SEGMENT_SHAPES
                ]
                self._after_segment[sid, top] = row
        return row

    def after_cross(self, sid: int, required: int) -> tuple:
        """``(next class, copies)`` for each valid choice of cross-aisle edges.

        A vertex of odd degree takes one copy, the others none or two.
        """
        moves = self._after_cross.get((sid, required))
        if moves is None:
            with self._lock:
                state = self.states[sid]
                choices = [(1,) if degree == ODD else (0, 2) for degree in state[0]]
                found = []
                for copies in itertools.product(*choices):
                    new = cross_to_next(state, copies, required)
                    if new is not None:
                        found.append((self._id_of(new), copies))
                moves = self._after_cross[sid, required] = tuple(found)
        return moves


@functools.cache
def class_table(k: int) -> ClassTable:
    """The shared :class:`ClassTable` for ``k`` cross aisles."""
    return ClassTable(k)


class _Sweep:
    """The left-to-right sweep; keeps one back-pointer table per stage."""

    def __init__(self, aisle_x, cross_y, depot: Node, stops: Sequence[Node]):
        self.aisle_x = aisle_x
        self.cross_y = tuple(cross_y)
        self.classes = class_table(len(self.cross_y))
        self.depths: dict[tuple[int, int], list[float]] = {}
        self.required: dict[int, int] = {}
        for aisle, y in {depot, *stops}:
            self._place(aisle, y)
        for depths in self.depths.values():
            depths.sort()
        used = self.required.keys() | {aisle for aisle, _ in self.depths}
        self.first, self.last = min(used), max(used)
        # Per stage: kind, aisle, block, and {class: (previous class, choice)}.
        self.stages: list[tuple[str, int, int, dict]] = []

    def _place(self, aisle: int, y: float) -> None:
        block = bisect.bisect_right(self.cross_y, y) - 1
        if self.cross_y[block] == y:
            self.required[aisle] = self.required.get(aisle, 0) | 1 << block
        else:
            self.depths.setdefault((aisle, block), []).append(y)

    def run(self) -> AisleDPResult:
        """Sweep the aisles, then rebuild the edges of the best closed tour."""
        costs = {self.classes.start: 0.0}
        for aisle in range(self.first, self.last + 1):
            for block in range(len(self.cross_y) - 1):
                costs = self._serve_segment(costs, aisle, block)
            required = self.required.get(aisle, 0)
            if aisle == self.last:
                return self._close(costs, required)
            costs = self._cross(costs, aisle, required)
        raise AssertionError("unreachable: the sweep ends at the last aisle")

    def _serve_segment(self, costs: dict, aisle: int, block: int) -> dict:
        top, bottom = self.cross_y[block], self.cross_y[block + 1]
        depths = self.depths.get((aisle, block), [])
        options = [(o, o.shape, o.cost) for o in segment_options(top, bottom, depths)]
        after_segment = self.classes.after_segment
        nxt: dict[int, float] = {}
        back: dict[int, tuple] = {}
        for sid, cost in costs.items():
            row = after_segment(sid, block)
            for option, shape, extra in options:
                new, total = row[shape], cost + extra
                if total < nxt.get(new, math.inf):
                    nxt[new], back[new] = total, (sid, option)
        self.stages.append(("segment", aisle, block, back))
        return nxt

    def _cross(self, costs: dict, aisle: int, required: int) -> dict:
        step = self.aisle_x[aisle + 1] - self.aisle_x[aisle]
        nxt: dict[int, float] = {}
        back: dict[int, tuple] = {}
        for sid, cost in costs.items():
            for new, copies in self.classes.after_cross(sid, required):
                total = cost + step * sum(copies)
                if total < nxt.get(new, math.inf):
                    nxt[new], back[new] = total, (sid, copies)
        self.stages.append(("cross", aisle, -1, back))
        return nxt

    def _close(self, costs: dict, required: int) -> AisleDPResult:
        states = self.classes.states
        closed = [s for s in costs if is_closed_tour(states[s], required)]
        if not closed:
            raise RuntimeError("The aisle sweep found no closed tour.")
        best = min(closed, key=costs.__getitem__)
        return AisleDPResult(costs[best], tuple(self._edges_of(best)))

    def _edges_of(self, sid: int) -> list[Edge]:
        """Follow the back-pointers from class ``sid`` and list the chosen edges."""
        edges: list[Edge] = []
        for kind, aisle, block, back in reversed(self.stages):
            sid, choice = back[sid]
            if kind == "segment":
                top, bottom = self.cross_y[block], self.cross_y[block + 1]
                depths = self.depths.get((aisle, block), [])
                edges.extend(segment_edges(aisle, top, bottom, depths, choice))
            else:
                step = self.aisle_x[aisle + 1] - self.aisle_x[aisle]
                for y, count in zip(self.cross_y, choice):
                    edges.extend([((aisle, y), (aisle + 1, y), step)] * count)
        edges.reverse()
        return edges


def optimal_multigraph(
    aisle_x: Sequence[float],
    cross_y: Sequence[float],
    depot: Node,
    stops: Sequence[Node],
) -> AisleDPResult:
    """Cheapest even connected multigraph through ``depot`` and every stop.

    ``depot`` must lie on a cross aisle and differ from at least one stop.
    Nodes are ``(aisle, y)`` pairs; see the module docstring for the method.
    """
    return _Sweep(aisle_x, cross_y, depot, stops).run()
