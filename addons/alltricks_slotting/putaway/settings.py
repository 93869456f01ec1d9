"""Tunable weights and rules of the putaway engine.

A manager edits these from the warehouse settings; the engine never reads a
global. Both dataclasses are frozen so one instance can be shared between calls.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class PutawayWeights:
    """Weights of the score terms; the score is a penalty, lower is better.

    Each term is in ``[0, 1]`` before weighting, ``v`` being the line velocity
    in ``[0, 1]``:

    - ``walk``: ``v`` x walking distance / longest walk of the layout;
    - ``height``: ``v`` x distance from the golden height / ``height_scale_m``;
    - ``reserve``: ``(1 - v)`` x nearness inside the prime band (the bins
      nearest to packing that fast movers need, see
      ``PutawaySettings.reserve_share``), 0 beyond it: slow movers leave the band
      to the fast movers of later receipts and stand right behind it, still
      near packing, instead of at the far end of the floor;
    - ``occupied``: the bin already holds stock (a top-up of the previous bin
      does not pay it);
    - ``previous``: subtracted when topping up the previous, non-full bin;
    - ``waste``: free volume left after the placement, ``w / (w + reference)``
      with ``w`` in litres, so a small part does not take a pallet bin;
    - ``fifo``: the bin holds older stock of the product, which should be picked
      before the new units are buried on top of it;
    - ``split``: per further bin the rest of the line would need at this
      quantity per bin, so one large bin beats several small ones.
    """

    walk: float = 1.0
    height: float = 0.4
    reserve: float = 0.3
    occupied: float = 0.6
    previous: float = 0.8
    waste: float = 1.0
    fifo: float = 0.3
    split: float = 0.5


@dataclass(frozen=True, slots=True)
class PutawaySettings:
    """Hard rules and scales.

    Separation: two bins holding different products of one family must not be
    on the same side of the same aisle within ``separation_bay_gap`` bays (0 only
    forbids the same bay, ``None`` disables the rule), and, when
    ``separation_distance_m`` is set, must be at least that many metres apart
    (euclidean, on x, y, z). Both rules apply when both are set.

    ``reserve_share``: size of the prime band of the ``reserve`` weight, as a
    share of the bins of a rack type that hold stock (the share of stock the
    fast movers hold, by default the A share of the ABC classes); 0: no band.
    See :class:`.layout_index.LayoutIndex`.
    """

    fill_factor: float = 0.85
    allow_mixing: bool = False
    separation_bay_gap: int | None = 1
    separation_distance_m: float | None = None
    golden_height_m: float = 1.0
    height_scale_m: float = 1.0
    waste_reference_l: float = 50.0
    velocity_levels: dict[str, float] = field(
        default_factory=lambda: {"A": 1.0, "B": 0.5, "C": 0.15}, hash=False
    )
    velocity_reference: float = 1.0
    reserve_share: float = 0.2
    fifo_topup_allowed: bool = False
    max_allocations_per_line: int = 20
