"""Putaway engine: choose the bins that take the lines of a receipt.

Method: greedy, one line at a time, fastest movers first (velocity level, then
input order), so they get the prime slots before slow movers can take them. For
a line, the engine takes the best-scored feasible bin, stores as much as fits
there, and repeats with the remainder until the line is placed, no bin is left
(the remainder is reported, never forced) or ``max_allocations_per_line`` is hit.

Score (see :class:`.settings.PutawayWeights`): for a line of velocity ``v``,
static terms ``v`` x walk and ``v`` x distance from the golden height, plus
``(1 - v)`` x the *reserve* term, which only the bins of the prime band pay:
the bins nearest to packing that the fast movers need, sized by the stock
(see :class:`.layout_index.LayoutIndex`). A fast mover thus takes the nearest
bins, and a slow mover the first ones right behind the band, never the far
end of the floor; then dynamic terms for top-ups, waste, FIFO and splits.

The best bin is the lowest score among three kinds of candidates:

1. empty bins, searched first because their best score prunes the rest. All
   empty bins of a class (see :mod:`.layout_index`) share the dynamic terms for
   a line, so in a class ordered by static score the first feasible bin (not
   filled by this plan, not too close to a look-alike) is the best of the class.
   Classes are visited by increasing lower bound (the static score of their
   first free bin plus the shared terms) and skipped once the bound exceeds the
   best score found: the score is monotone along a class;
2. bins holding the product, and the previous bin of the line (top-ups), each
   scored unless its static score plus its cheapest dynamic term cannot win;
3. with ``allow_mixing``, bins holding other products, read in static order
   while their static score plus the ``occupied`` weight can still win.

Numeric velocities are rounded to tenths; the first use of a level that is not
one of the configured classes sorts the layout for it, O(n log n), once per
engine.

Cost of one allocation: O(C log C + p + s) for ``C`` bin classes the unit fits,
``p`` bins already holding the product and ``s`` bins skipped because this plan
filled them (amortised away by a per-class cursor) or separation blocks them;
each separation check is O(f) for ``f`` family keys. Building the engine costs
O(n log n) per velocity level; :meth:`PutawayEngine.from_layout` reuses a built
index. Scores assume non-negative weights.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from operator import itemgetter

from .data import BULKY, SHELF, Allocation, Bin, BinContent, IncomingLine, LineResult
from .geometry import fits_rotated, room_left, sorted_dims
from .layout_index import LayoutIndex
from .settings import PutawaySettings, PutawayWeights
from .state import PlannedContent, PlanState, StockState
from .wording import count_of

_logger = logging.getLogger(__name__)

# keeps ceil(3 / 1.5 - 1) at 1 whatever the float noise
_EPSILON = 1e-9


class _LineContext:
    """What the engine derives once from a line and reuses for each allocation."""

    __slots__ = (
        "blocked",
        "coefficients",
        "dims",
        "families",
        "family_set",
        "fitting",
        "level",
        "line",
        "previous",
        "previous_full",
        "rack_type",
        "unit_volume",
    )


def _is_older(stock_date, line_date) -> bool:
    """Whether stock received on ``stock_date`` predates the line; unknown is old."""
    if stock_date is None or line_date is None:
        return True
    if isinstance(stock_date, datetime) != isinstance(line_date, datetime):
        # a date and a datetime do not compare: compare days
        return _day(stock_date) < _day(line_date)
    return stock_date < line_date


def _day(moment):
    return moment.date() if isinstance(moment, datetime) else moment


class PutawayEngine:
    """Plans receipts against a layout and the stock its bins hold.

    Building indexes the layout and the stock (O(n log n)); :meth:`plan` does not
    change the engine unless asked to ``commit``, so one engine serves many
    receipts of an unchanged warehouse.
    """

    def __init__(
        self,
        bins: Iterable[Bin],
        settings: PutawaySettings | None = None,
        weights: PutawayWeights | None = None,
    ):
        layout = LayoutIndex(
            bins, settings or PutawaySettings(), weights or PutawayWeights()
        )
        self._setup(layout, {i: bin_.contents for i, bin_ in enumerate(layout.bins)})

    @classmethod
    def from_layout(
        cls, layout: LayoutIndex, contents: Mapping[int, Sequence[BinContent]]
    ) -> PutawayEngine:
        """An engine on an index built before, with ``contents`` by bin id (the
        bins of ``layout`` are taken as empty, unknown ids are ignored).

        Lets a caller keep the index of an unchanged layout between receipts:
        building it is most of the cost of an engine. O(contents) plus the
        empty-bin orders, O(n) per velocity class.
        """
        engine = cls.__new__(cls)
        index_of = layout.index_of
        engine._setup(
            layout,
            {
                index_of[bin_id]: tuple(stock)
                for bin_id, stock in contents.items()
                if bin_id in index_of
            },
        )
        return engine

    def _setup(self, layout, contents):
        self.settings = layout.settings
        self.weights = layout.weights
        self.layout = layout
        self._base = StockState(layout, contents)
        self._warm_up()

    def _warm_up(self):
        # Sort the classes for the configured velocity classes now, so that the
        # first receipt does not pay for it.
        for level in sorted(set(self.settings.velocity_levels.values())):
            for classes in self.layout.classes_by_rack.values():
                for bin_class in classes:
                    self._base.empty_order(bin_class, level)

    # Public API

    def plan(
        self, lines: Sequence[IncomingLine], *, commit: bool = False
    ) -> list[LineResult]:
        """One :class:`LineResult` per line, in the order of ``lines``.

        Lines are placed fastest first, then in the given order. With ``commit``
        the allocations become stock for the next calls.
        """
        state = PlanState(self._base)
        levels = [self.layout.level_of(line.velocity) for line in lines]
        results = [None] * len(lines)
        # fast movers claim the slots near packing before slow movers fill them
        for k in sorted(range(len(lines)), key=lambda k: (-levels[k], k)):
            results[k] = self._place_line(state, lines[k], levels[k])
        if commit:
            self._base = StockState(self.layout, state.merged_contents())
            self._warm_up()
        return results

    def snapshot(self) -> list[Bin]:
        """The bins, in name order, with the stock the engine holds now."""
        contents = self._base.contents
        return [
            replace(bin_, contents=contents.get(i, ()))
            for i, bin_ in enumerate(self.layout.bins)
        ]

    def check_override(self, line: IncomingLine, bin_id: int, qty: float | None = None):
        """Hard rules broken by storing ``qty`` (default: the whole line) of
        ``line`` in ``bin_id``; see :func:`.audit.override_violations`."""
        from .audit import override_violations

        return override_violations(self.layout, self._base, line, bin_id, qty)

    def audit(self):
        """Every hard rule the current stock breaks; see :func:`.audit.audit`."""
        from .audit import audit

        return audit(self.layout, self._base)

    # Placing a line

    def _place_line(self, state, line, level):
        if line.qty <= 0:
            return LineResult(line, (), 0.0, "Nothing to store: the quantity is 0.")
        ctx = self._prepare_line_context(line, level)

        allocations = []
        remaining = line.qty
        limit = self.settings.max_allocations_per_line
        while remaining > 0 and len(allocations) < limit:
            candidate = self._get_best_candidate(state, ctx, remaining)
            if candidate is None:
                break
            allocation = self._allocate(state, ctx, candidate, remaining)
            allocations.append(allocation)
            remaining -= allocation.qty

        return self._prepare_result(ctx, allocations, remaining)

    def _prepare_line_context(self, line, level):
        layout = self.layout
        ctx = _LineContext()
        ctx.line = line
        ctx.level = level
        ctx.coefficients = layout.coefficients(level)
        ctx.dims = sorted_dims(line.length_cm, line.width_cm, line.height_cm)
        ctx.unit_volume = ctx.dims[0] * ctx.dims[1] * ctx.dims[2]
        ctx.family_set = line.families
        # sorted, so that conflicts and messages come out in a fixed order
        ctx.families = tuple(sorted(ctx.family_set))
        ctx.rack_type = BULKY if line.bulky else SHELF
        ctx.previous = layout.index_of.get(line.previous_bin_id)
        ctx.previous_full = line.previous_bin_full
        ctx.blocked = 0
        # every empty bin of a class takes the same quantity: compute it once
        ctx.fitting = []
        for bin_class in layout.classes_by_rack.get(ctx.rack_type, ()):
            if not fits_rotated(ctx.dims, bin_class.dims):
                continue
            room = room_left(
                ctx.unit_volume,
                line.weight_kg,
                bin_class.usable_volume,
                bin_class.max_weight,
                bin_class.max_units,
            )
            if room > 0:
                ctx.fitting.append((bin_class, room))
        return ctx

    def _get_best_candidate(self, state, ctx, remaining):
        """``(score, bin, qty, dynamic terms or None)`` of the best bin, or None."""
        # empty bins first: their best score bounds the top-ups worth scoring
        best = self._best_empty(state, ctx, remaining, None)
        best = self._best_stocked(state, ctx, remaining, best)
        if self.settings.allow_mixing:
            best = self._best_shared(state, ctx, remaining, best)
        return best

    @staticmethod
    def _better(best, candidate):
        if candidate is None:
            return best
        if best is None or candidate[:2] < best[:2]:
            return candidate
        return best

    def _best_stocked(self, state, ctx, remaining, best):
        """Top-ups: the previous bin and bins holding the product. A bin is only
        evaluated if its static score plus its cheapest dynamic terms can win."""
        product_id = ctx.line.product_id
        base_bins = state.base.product_bins.get(product_id, ())
        planned_bins = state.product_bins.get(product_id, ())
        if not base_bins and not planned_bins and ctx.previous is None:
            return best
        stocked = set(base_bins).union(planned_bins)
        if ctx.previous is not None:
            stocked.add(ctx.previous)

        layout, weights = self.layout, self.weights
        for i in sorted(stocked):
            if best is not None:
                cheapest = -weights.previous if i == ctx.previous else weights.occupied
                if layout.static_score(i, ctx.coefficients) + cheapest > best[0]:
                    continue
            best = self._better(best, self._evaluate_bin(state, ctx, i, remaining))
        return best

    def _best_empty(self, state, ctx, remaining, best):
        """Best empty bin, class by class in lower-bound order; see module doc."""
        layout = self.layout
        options = []
        for bin_class, room in ctx.fitting:
            order = state.base.empty_order(bin_class, ctx.level)
            start = state.advance_cursor(bin_class, ctx.level, order)
            if start == len(order):
                continue
            qty = min(remaining, room)
            # equals sum(_dynamic_terms(...).values()) for an empty bin, exactly
            extra = self._waste(ctx, bin_class, 0.0, qty) + self._split(qty, remaining)
            bound = layout.static_score(order[start], ctx.coefficients) + extra
            options.append((bound, bin_class.rank, order, start, qty, extra))
        options.sort(key=itemgetter(0, 1))

        for bound, _rank, order, start, qty, extra in options:
            # a tie may still win on the bin name, so only a larger bound stops
            if best is not None and bound > best[0]:
                break
            i = self._first_free(state, ctx, order, start)
            if i is not None:
                score = layout.static_score(i, ctx.coefficients) + extra
                best = self._better(best, (score, i, qty, None))
        return best

    def _first_free(self, state, ctx, order, start):
        """First bin of ``order`` from ``start`` that this plan did not fill and
        separation allows; O(skipped bins)."""
        planned = state.planned
        excluded = ctx.previous if ctx.previous_full else None
        product_id, families = ctx.line.product_id, ctx.families
        check = state.blocks if families else None
        for position in range(start, len(order)):
            i = order[position]
            # the base order is shared by every call: skip what this plan filled
            if i in planned or i == excluded:
                continue
            if check is not None and check(i, product_id, families):
                ctx.blocked += 1
                continue
            return i
        return None

    def _best_shared(self, state, ctx, remaining, best):
        """Bins holding other products (mixing allowed). O(k) for the ``k`` bins
        whose static score plus the ``occupied`` weight is below the best."""
        layout = self.layout
        floor = self.weights.occupied
        for bin_class, _room in ctx.fitting:
            for i in layout.order(bin_class, ctx.level):
                static = layout.static_score(i, ctx.coefficients)
                if best is not None and static + floor > best[0]:
                    break
                if state.is_occupied(i):
                    best = self._better(
                        best, self._evaluate_bin(state, ctx, i, remaining)
                    )
        return best

    # Scoring one bin

    def _evaluate_bin(self, state, ctx, i, remaining):
        """Candidate tuple for any bin, empty or not, or ``None`` if it breaks a
        hard rule; O(contents of the bin + f)."""
        if i == ctx.previous and ctx.previous_full:
            return None
        bin_class = self.layout.class_of[i]
        if bin_class.rack_type != ctx.rack_type or not fits_rotated(
            ctx.dims, bin_class.dims
        ):
            return None
        room = self._get_room(state, ctx, i, bin_class)
        if room is None:
            return None
        units, used_volume, holds_product, older = room
        # a bin already holding the product creates no new look-alike pair
        if not holds_product and state.blocks(i, ctx.line.product_id, ctx.families):
            ctx.blocked += 1
            return None

        qty = min(remaining, units)
        dynamic = self._dynamic_terms(
            ctx,
            bin_class,
            used_volume,
            qty,
            remaining,
            occupied=state.is_occupied(i),
            previous=i == ctx.previous,
            older=older,
        )
        score = self.layout.static_score(i, ctx.coefficients) + sum(dynamic.values())
        return score, i, qty, dynamic

    def _get_room(self, state, ctx, i, bin_class):
        """``(units that fit, volume used, holds the product, holds older stock)``
        for bin ``i``, or ``None`` when nothing fits, storing there would mix
        products or the room left cannot be known."""
        line = ctx.line
        used_volume = used_weight = used_units = 0.0
        holds_product = False
        for content in state.contents(i):
            volume, weight = content.unit_volume_cm3, content.unit_weight_kg
            if content.product_id == line.product_id:
                holds_product = True
                volume = ctx.unit_volume if volume is None else volume
                weight = line.weight_kg if weight is None else weight
            elif not self.settings.allow_mixing:
                return None
            elif volume is None or weight is None:
                # guessing the room next to an unmeasured product could overfill
                _logger.debug(
                    "putaway: bin %s skipped, product %s has no known size",
                    self.layout.bins[i].name,
                    content.product_id,
                )
                return None
            used_volume += content.qty * volume
            used_weight += content.qty * weight
            used_units += content.qty

        units = room_left(
            ctx.unit_volume,
            line.weight_kg,
            bin_class.usable_volume,
            bin_class.max_weight,
            bin_class.max_units,
            used_volume,
            used_weight,
            used_units,
        )
        if units <= 0:
            return None
        return units, used_volume, holds_product, self._holds_older(state, ctx, i)

    def _holds_older(self, state, ctx, i):
        """Whether bin ``i`` has on-hand stock of the product older than the line;
        stock planned by this call is as new as the line."""
        if self.settings.fifo_topup_allowed:
            return False
        line = ctx.line
        return any(
            content.product_id == line.product_id
            and _is_older(content.incoming_date, line.incoming_date)
            for content in state.base.contents.get(i, ())
        )

    def _dynamic_terms(
        self,
        ctx,
        bin_class,
        used_volume,
        qty,
        remaining,
        *,
        occupied=False,
        previous=False,
        older=False,
    ):
        """Weighted terms that depend on the stock, in a fixed order; O(1)."""
        weights = self.weights
        return {
            "occupied": weights.occupied if occupied and not previous else 0.0,
            "previous": -weights.previous if previous else 0.0,
            "waste": self._waste(ctx, bin_class, used_volume, qty),
            "fifo": weights.fifo if older else 0.0,
            "split": self._split(qty, remaining),
        }

    def _waste(self, ctx, bin_class, used_volume, qty):
        """Weighted free volume after the placement, ``w / (w + reference)``."""
        wasted = bin_class.usable_volume - used_volume - qty * ctx.unit_volume
        if wasted <= 0:
            return 0.0
        wasted /= 1000.0
        return self.weights.waste * wasted / (wasted + self.settings.waste_reference_l)

    def _split(self, qty, remaining):
        """Weighted count of the further bins the rest of the line would need."""
        if qty >= remaining:
            return 0.0
        return self.weights.split * math.ceil(remaining / qty - 1 - _EPSILON)

    # Recording and reporting

    def _allocate(self, state, ctx, candidate, remaining):
        """Record the candidate in the plan and explain it."""
        score, i, qty, dynamic = candidate
        layout, line = self.layout, ctx.line
        if dynamic is None:
            dynamic = self._dynamic_terms(ctx, layout.class_of[i], 0.0, qty, remaining)
        walk, height, reserve = ctx.coefficients
        parts = {
            "walk": walk * layout.far[i],
            "height": height * layout.off_height[i],
            "reserve": reserve * layout.prime[i],
            **dynamic,
        }
        reason = self._describe(state, ctx, i, qty, remaining, dynamic)

        state.add(
            i,
            PlannedContent(
                line.product_id,
                qty,
                ctx.family_set,
                line.incoming_date,
                ctx.unit_volume,
                line.weight_kg,
            ),
        )
        bin_ = layout.bins[i]
        _logger.debug(
            "putaway %s: product %s, %s units -> %s, score %.4f (%s) %s",
            line.ref,
            line.product_id,
            qty,
            bin_.name,
            score,
            reason,
            parts,
        )
        return Allocation(bin_.id, bin_.name, qty, score, parts, reason)

    def _describe(self, state, ctx, i, qty, remaining, dynamic):
        """A few words for the operator, before the allocation is recorded."""
        if dynamic["previous"]:
            kind = "top-up of the previous bin"
        elif state.holds(i, ctx.line.product_id):
            kind = "top-up of a bin holding this product"
        elif state.is_occupied(i):
            kind = "shared with another product"
        else:
            kind = "empty bin"
        bin_ = self.layout.bins[i]
        reason = f"{kind}, {bin_.walk_m:.0f} m from packing, shelf at {bin_.z:.2f} m"
        if qty < remaining:
            reason += f", line split ({remaining - qty:g} more to place)"
        return reason

    def _prepare_result(self, ctx, allocations, remaining):
        line = ctx.line
        if remaining <= 0:
            count = len(allocations)
            message = f"Split over {count_of(count, 'bin')}." if count > 1 else ""
            return LineResult(line, tuple(allocations), 0.0, message)

        reason = self._get_refusal_reason(ctx, len(allocations))
        if allocations:
            message = (
                f"Placed {line.qty - remaining:g} of {line.qty:g} in "
                f"{count_of(len(allocations), 'bin')}; {remaining:g} left unplaced: "
                f"{reason}."
            )
        else:
            message = f"Refused: {reason}."
        _logger.debug("putaway %s: product %s: %s", line.ref, line.product_id, message)
        return LineResult(line, tuple(allocations), remaining, message)

    def _get_refusal_reason(self, ctx, allocation_count):
        """Why nothing (more) fits, from the most basic cause on."""
        line, layout = ctx.line, self.layout
        if allocation_count >= self.settings.max_allocations_per_line:
            return (
                f"it would take more than {count_of(allocation_count, 'bin')}: "
                f"receive it in several lines, or raise the limit of bins per line"
            )
        label = "bulky rack" if ctx.rack_type == BULKY else "shelf bin"
        classes = layout.classes_by_rack.get(ctx.rack_type, [])
        if not classes:
            return (
                f"the layout has no {label}: add one with the layout generator, "
                f"or store it by hand"
            )
        fitting_size = [c for c in classes if fits_rotated(ctx.dims, c.dims)]
        if not fitting_size:
            largest = max(classes, key=lambda bin_class: bin_class.dims)
            return (
                f"too big: a unit of {_size(line)} cm fits no {label} (largest "
                f"inside size {'x'.join(f'{side:g}' for side in largest.dims)} cm): "
                f"check its size, or store it by hand outside the bins"
            )
        if not ctx.fitting:
            load = max(bin_class.max_weight for bin_class in fitting_size)
            return (
                f"too heavy: a unit of {line.weight_kg:g} kg is over the "
                f"{load:g} kg limit of every {label} it fits in: check its "
                f"weight, or store it by hand outside the bins"
            )
        if ctx.blocked:
            return (
                f"separation impossible: every free {label} that fits is "
                f"{self._separation_rule_text()} of a look-alike product: free a "
                f"bin further away, or store it by hand"
            )
        return (
            f"no free {label}, every one it fits in is full or holds another "
            f"product: free or add a {label}, or store it by hand"
        )

    def _separation_rule_text(self):
        settings = self.settings
        rules = []
        if settings.separation_bay_gap is not None:
            gap = count_of(settings.separation_bay_gap, "bay")
            rules.append(f"within {gap} on the same aisle side")
        if settings.separation_distance_m:
            rules.append(f"closer than {settings.separation_distance_m:g} m")
        return " or ".join(rules)


def _size(line):
    return f"{line.length_cm:g}x{line.width_cm:g}x{line.height_cm:g}"


def plan_putaway(
    lines: Sequence[IncomingLine],
    bins: Iterable[Bin],
    settings: PutawaySettings | None = None,
    weights: PutawayWeights | None = None,
) -> list[LineResult]:
    """One-shot :meth:`PutawayEngine.plan`: index the bins, place the lines."""
    return PutawayEngine(bins, settings, weights).plan(lines)


def apply_results(bins: Iterable[Bin], results: Iterable[LineResult]) -> list[Bin]:
    """The bins with the allocations of ``results`` added to their contents.

    Lets a caller (or a test) feed the outcome of one call to the next without
    keeping an engine; O(n + allocations).
    """
    added = {}
    for result in results:
        line = result.line
        for allocation in result.allocations:
            added.setdefault(allocation.bin_id, []).append(
                BinContent(
                    line.product_id,
                    allocation.qty,
                    line.families,
                    line.incoming_date,
                    line.unit_volume_cm3,
                    line.weight_kg,
                )
            )
    return [
        replace(bin_, contents=bin_.contents + tuple(added[bin_.id]))
        if bin_.id in added
        else bin_
        for bin_ in bins
    ]
