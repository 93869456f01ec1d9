"""Stock held in the bins: the state the engine starts from and what it plans.

:class:`StockState` is built once from the bins' contents and never changes, so
one engine can plan many receipts against it. :class:`PlanState` lays the
allocations of one call on top of it: every lookup reads the plan first, then the
base, so nothing is copied per call. Occupancy only grows during a plan, which is
what lets :meth:`PlanState.advance_cursor` skip filled bins for good.
"""

from __future__ import annotations

from typing import NamedTuple

from .data import BinContent, FamilyKey
from .separation import SeparationIndex


class PlannedContent(NamedTuple):
    """Stock a plan puts in a bin: the fields of :class:`BinContent`, as a tuple
    because building a frozen dataclass per allocation costs more."""

    product_id: int
    qty: float
    families: frozenset[FamilyKey]
    incoming_date: object
    unit_volume_cm3: float
    unit_weight_kg: float


class StockState:
    """Contents of the bins, by product and by family; built in O(c) for ``c``
    contents."""

    def __init__(self, layout, contents: dict[int, tuple[BinContent, ...]]):
        settings = layout.settings
        self.layout = layout
        self.contents = {}
        self.product_bins = {}
        self.separation = SeparationIndex(
            layout, settings.separation_bay_gap, settings.separation_distance_m
        )
        for i in sorted(contents):
            stock = tuple(content for content in contents[i] if content.qty > 0)
            if not stock:
                continue
            self.contents[i] = stock
            for content in stock:
                bins = self.product_bins.setdefault(content.product_id, [])
                if not bins or bins[-1] != i:
                    bins.append(i)
                self.separation.add(i, content.product_id, content.families)
        self._empty_orders = {}

    def empty_order(self, bin_class, level: float) -> list[int]:
        """Empty bins of a class in static-score order; O(class size) once."""
        key = (bin_class.rank, level)
        order = self._empty_orders.get(key)
        if order is None:
            contents = self.contents
            order = self._empty_orders[key] = [
                i for i in self.layout.order(bin_class, level) if i not in contents
            ]
        return order


class PlanState:
    """The allocations of one engine call, on top of a :class:`StockState`."""

    def __init__(self, base: StockState):
        settings = base.layout.settings
        self.base = base
        self.planned = {}
        self.product_bins = {}
        self.separation = SeparationIndex(
            base.layout, settings.separation_bay_gap, settings.separation_distance_m
        )
        self._cursors = {}

    def is_occupied(self, i: int) -> bool:
        return i in self.planned or i in self.base.contents

    def contents(self, i: int) -> tuple[BinContent, ...]:
        """On-hand then planned contents of bin ``i``."""
        planned = self.planned.get(i)
        base = self.base.contents.get(i, ())
        return base + tuple(planned) if planned else base

    def bins_of(self, product_id: int) -> set[int]:
        """Bins holding or about to hold ``product_id``."""
        return set(self.base.product_bins.get(product_id, ())).union(
            self.product_bins.get(product_id, ())
        )

    def blocks(self, i, product_id, families) -> bool:
        """See :meth:`SeparationIndex.blocks`; reads plan and base."""
        return self.separation.blocks(
            i, product_id, families
        ) or self.base.separation.blocks(i, product_id, families)

    def holds(self, i: int, product_id: int) -> bool:
        return any(content.product_id == product_id for content in self.contents(i))

    def add(self, i: int, content: PlannedContent) -> None:
        self.planned.setdefault(i, []).append(content)
        bins = self.product_bins.setdefault(content.product_id, [])
        if i not in bins:
            bins.append(i)
        self.separation.add(i, content.product_id, content.families)

    def advance_cursor(self, bin_class, level: float, order: list[int]) -> int:
        """First position of ``order`` not filled by this plan; amortised O(1)."""
        key = (bin_class.rank, level)
        start = self._cursors.get(key, 0)
        planned = self.planned
        while start < len(order) and order[start] in planned:
            start += 1
        self._cursors[key] = start
        return start

    def merged_contents(self) -> dict[int, tuple[BinContent, ...]]:
        """Base and planned contents together, for the next state."""
        merged = dict(self.base.contents)
        for i, planned in self.planned.items():
            merged[i] = merged.get(i, ()) + tuple(BinContent(*c) for c in planned)
        return merged
