"""Where look-alike products are stored, for O(1) separation checks.

Two bins break the separation rule when they hold *different* products sharing a
family key (sizes of one template, members of one look-alike group) and are
either on the same side of the same aisle within ``bay_gap`` bays, or closer
than ``distance_m`` metres. The same product in two bins is never a violation.

The bay rule uses ``{(zone, aisle, side): {bay: {family: {product: bins}}}}``:
a check reads ``2 * bay_gap + 1`` bays per family key of the product. The
distance rule hashes bins into cubic cells of side ``distance_m`` and reads the
27 cells around the bin, computing true distances only for bins of the same
family found there. Both are O(f) for ``f`` family keys when the neighbourhood
holds a bounded number of bins, and ``add`` is O(f).
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from .data import FamilyKey

_NEIGHBOUR_CELLS = tuple(
    (dx, dy, dz) for dx in (-1, 0, 1) for dy in (-1, 0, 1) for dz in (-1, 0, 1)
)


class SeparationIndex:
    """Family members per bay and per spatial cell of one stock state."""

    __slots__ = ("_bay_gap", "_bays", "_cells", "_distance", "_layout")

    def __init__(self, layout, bay_gap: int | None, distance_m: float | None):
        self._layout = layout
        self._bay_gap = bay_gap
        self._distance = distance_m or None
        self._bays = {}
        self._cells = {}

    @property
    def active(self) -> bool:
        return self._bay_gap is not None or self._distance is not None

    def _cell(self, i):
        size = self._distance
        x, y, z = self._layout.coords[i]
        return (math.floor(x / size), math.floor(y / size), math.floor(z / size))

    def add(self, i: int, product_id: int, families: frozenset[FamilyKey]) -> None:
        """Record that bin ``i`` holds ``product_id``; O(f)."""
        if not families:
            return
        if self._bay_gap is not None:
            layout = self._layout
            bays = self._bays.get(layout.aisle_key[i])
            if bays is None:
                bays = self._bays[layout.aisle_key[i]] = {}
            by_family = bays.get(layout.bay[i])
            if by_family is None:
                by_family = bays[layout.bay[i]] = {}
            for family in families:
                by_product = by_family.get(family)
                if by_product is None:
                    by_family[family] = {product_id: {i}}
                elif product_id in by_product:
                    by_product[product_id].add(i)
                else:
                    by_product[product_id] = {i}
        if self._distance is not None:
            by_family = self._cells.setdefault(self._cell(i), {})
            for family in families:
                by_family.setdefault(family, set()).add((i, product_id))

    def blocks(self, i: int, product_id: int, families: tuple[FamilyKey, ...]) -> bool:
        """Whether storing ``product_id`` in bin ``i`` breaks separation.

        The engine's inner loop: same answer as :meth:`first_conflict`, without
        a generator for the bay rule.
        """
        if not families:
            return False
        if self._bay_gap is not None:
            layout = self._layout
            bays = self._bays.get(layout.aisle_key[i])
            if bays:
                bay, gap = layout.bay[i], self._bay_gap
                for near_bay in range(bay - gap, bay + gap + 1):
                    by_family = bays.get(near_bay)
                    if not by_family:
                        continue
                    for family in families:
                        by_product = by_family.get(family)
                        # sets only grow, so any other key is a stored product
                        if by_product and (
                            len(by_product) > 1 or product_id not in by_product
                        ):
                            return True
        if self._distance is not None:
            for _conflict in self._distance_conflicts(i, product_id, families):
                return True
        return False

    def first_conflict(
        self, i: int, product_id: int, families: frozenset[FamilyKey]
    ) -> tuple[int, int, FamilyKey] | None:
        """The first ``(bin, product, family)`` that storing here would conflict
        with, or ``None``."""
        for conflict in self.iter_conflicts(i, product_id, families):
            return conflict
        return None

    def iter_conflicts(
        self, i: int, product_id: int, families: frozenset[FamilyKey]
    ) -> Iterator[tuple[int, int, FamilyKey]]:
        """Every ``(bin, product, family)`` too close to bin ``i`` for
        ``product_id``. A pair may come out twice when both rules catch it."""
        if not families:
            return
        if self._bay_gap is not None:
            yield from self._bay_conflicts(i, product_id, families)
        if self._distance is not None:
            yield from self._distance_conflicts(i, product_id, families)

    def _bay_conflicts(self, i, product_id, families):
        layout = self._layout
        bays = self._bays.get(layout.aisle_key[i])
        if not bays:
            return
        bay, gap = layout.bay[i], self._bay_gap
        for near_bay in range(bay - gap, bay + gap + 1):
            by_family = bays.get(near_bay)
            if not by_family:
                continue
            for family in families:
                by_product = by_family.get(family)
                if not by_product:
                    continue
                for other_product, other_bins in by_product.items():
                    if other_product != product_id:
                        for other in sorted(other_bins):
                            yield other, other_product, family

    def _distance_conflicts(self, i, product_id, families):
        coords = self._layout.coords
        x, y, z = coords[i]
        cx, cy, cz = self._cell(i)
        limit = self._distance * self._distance
        for dx, dy, dz in _NEIGHBOUR_CELLS:
            by_family = self._cells.get((cx + dx, cy + dy, cz + dz))
            if not by_family:
                continue
            for family in families:
                for other, other_product in sorted(by_family.get(family, ())):
                    if other_product == product_id:
                        continue
                    ox, oy, oz = coords[other]
                    if (ox - x) ** 2 + (oy - y) ** 2 + (oz - z) ** 2 < limit:
                        yield other, other_product, family
