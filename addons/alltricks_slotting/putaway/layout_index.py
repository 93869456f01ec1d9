"""Static index of a bin layout: everything that does not depend on stock.

Bins are numbered by name, so an index comparison is the tie-break by bin name
the engine promises. They are grouped in *classes* of identical bins (rack type,
inner dimensions, load and unit limits): every empty bin of a class takes the
same quantity of a given product, which lets the engine reason per class rather
than per bin. Inside a class, bins are kept sorted by their *static score* (the
walk, height and reserve terms, which depend only on the bin and the velocity of
the line), one order per velocity level, built lazily and cached.

Building is O(n) plus O(n log n) per velocity level used; lookups are O(1).
"""

from __future__ import annotations

import bisect
import logging
import math
from collections.abc import Iterable, Mapping

from .data import Bin
from .geometry import sorted_dims
from .settings import PutawaySettings, PutawayWeights
from .velocity import velocity_level

_logger = logging.getLogger(__name__)

# keeps ceil(0.05 x 100) at 5 whatever the float noise
_EPSILON = 1e-9


class BinClass:
    """Identical bins: same rack type, inner dimensions, load and unit limits."""

    __slots__ = (
        "dims",
        "max_units",
        "max_weight",
        "members",
        "rack_type",
        "rank",
        "usable_volume",
        "volume",
    )

    def __init__(self, rank, rack_type, dims, max_weight, max_units, fill_factor):
        self.rank = rank
        self.rack_type = rack_type
        self.dims = dims
        self.max_weight = max_weight
        self.max_units = max_units or None
        self.volume = dims[0] * dims[1] * dims[2]
        self.usable_volume = self.volume * fill_factor
        self.members = []

    def __repr__(self):
        dims = "x".join(f"{side:g}" for side in self.dims)
        return f"<BinClass {self.rack_type} {dims} cm, {len(self.members)} bins>"


class LayoutIndex:
    """The bins of a layout, numbered by name, with their static data.

    Per bin ``i``: ``far[i]`` is the walk from packing over the longest walk of
    the layout, ``prime[i]`` is 1 for a bin of the *prime band* and 0 otherwise,
    ``off_height[i]`` the distance of the shelf from the golden height over the
    height scale (capped at 1), ``aisle_key[i]`` is ``(zone, aisle, side)``.

    The prime band of a rack type is the room its fast movers need: its
    ``ceil(reserve_share x k)`` bins nearest to packing, ``k`` being the bins of
    the rack type holding stock when the index is built (at least the nearest
    bins, so an empty floor keeps its nearest bay), plus the bins as near as the
    last of them. ``prime[i]`` falls linearly from 1 at the nearest bin to 0 at
    the first walk past the band. Only these bins cost slow movers the reserve
    term, so a slow mover stands right behind the band, still near packing,
    rather than at the far end of the floor: beyond the band it is placed
    nearest first like any line. The band grows with the stock, so it keeps
    room near packing for fast movers of later receipts where a full floor
    needs it and costs little walking on an empty one.

    ``occupied`` (bins holding stock per rack type) sizes the band instead of
    the contents of ``bins``: a caller that keeps an index for a warehouse
    checks :meth:`bands_for` against :attr:`bands` to know whether it still fits.
    """

    def __init__(
        self,
        bins: Iterable[Bin],
        settings: PutawaySettings,
        weights: PutawayWeights,
        occupied: Mapping[str, int] | None = None,
    ):
        self.settings = settings
        self.weights = weights
        self.bins = tuple(sorted(bins, key=lambda bin_: (bin_.name, bin_.id)))
        self.index_of = {bin_.id: i for i, bin_ in enumerate(self.bins)}
        if len(self.index_of) != len(self.bins):
            raise ValueError("Two bins of the layout have the same id")

        longest_walk = max((bin_.walk_m for bin_ in self.bins), default=0.0) or 1.0
        golden, scale = settings.golden_height_m, settings.height_scale_m or 1.0
        self.far = [bin_.walk_m / longest_walk for bin_ in self.bins]
        self._walks_by_rack = {}
        for bin_ in self.bins:
            self._walks_by_rack.setdefault(bin_.rack_type, []).append(bin_.walk_m)
        for walks in self._walks_by_rack.values():
            walks.sort()
        if occupied is None:
            occupied = count_occupied(self.bins)
        self.bands = self.bands_for(occupied)
        self.prime = self._get_prime()
        self.off_height = [min(abs(bin_.z - golden) / scale, 1.0) for bin_ in self.bins]
        self.aisle_key = [(bin_.zone, bin_.aisle, bin_.side) for bin_ in self.bins]
        self.bay = [bin_.bay for bin_ in self.bins]
        self.coords = [(bin_.x, bin_.y, bin_.z) for bin_ in self.bins]

        self.class_of, self.classes_by_rack = self._build_classes()
        self._orders = {}
        self._levels = {}
        _logger.debug(
            "putaway layout: %s bins in %s classes",
            len(self.bins),
            sum(len(classes) for classes in self.classes_by_rack.values()),
        )

    def bands_for(self, occupied: Mapping[str, int]) -> dict[str, tuple]:
        """``{rack type: (nearest walk, band edge)}`` of the prime band for
        ``occupied`` bins per rack type (see the class doc); O(rack types)."""
        share = self.settings.reserve_share
        bands = {}
        if share <= 0:
            return bands
        for rack_type, walks in self._walks_by_rack.items():
            wanted = math.ceil(share * occupied.get(rack_type, 0) - _EPSILON)
            count = min(max(wanted, 1), len(walks))
            last = walks[count - 1]
            # the band ends at the next walk, or one metre on past the last bin
            after = bisect.bisect_right(walks, last)
            edge = walks[after] if after < len(walks) else last + 1.0
            bands[rack_type] = (walks[0], edge)
        return bands

    def _get_prime(self):
        prime = []
        for bin_ in self.bins:
            nearest, edge = self.bands.get(bin_.rack_type, (0.0, 0.0))
            if bin_.walk_m >= edge:
                prime.append(0.0)
            else:
                prime.append((edge - bin_.walk_m) / (edge - nearest))
        return prime

    def _build_classes(self):
        classes = {}
        class_of = []
        fill_factor = self.settings.fill_factor
        for i, bin_ in enumerate(self.bins):
            dims = sorted_dims(bin_.width_cm, bin_.depth_cm, bin_.height_cm)
            key = (bin_.rack_type, dims, bin_.max_weight_kg, bin_.max_units or 0)
            bin_class = classes.get(key)
            if bin_class is None:
                bin_class = classes[key] = BinClass(
                    len(classes), *key, fill_factor=fill_factor
                )
            bin_class.members.append(i)
            class_of.append(bin_class)
        by_rack = {}
        for bin_class in classes.values():
            by_rack.setdefault(bin_class.rack_type, []).append(bin_class)
        return class_of, by_rack

    def level_of(self, velocity: str | float) -> float:
        """The velocity of a line as a level in ``[0, 1]``."""
        level = self._levels.get(velocity)
        if level is None:
            settings = self.settings
            level = self._levels[velocity] = velocity_level(
                velocity, settings.velocity_levels, settings.velocity_reference
            )
        return level

    def coefficients(self, level: float) -> tuple[float, float, float]:
        """Factors of ``far``, ``off_height`` and ``prime`` in the static score."""
        weights = self.weights
        return (
            weights.walk * level,
            weights.height * level,
            weights.reserve * (1.0 - level),
        )

    def static_score(self, i: int, coefficients: tuple[float, float, float]) -> float:
        """Walk, height and reserve terms of bin ``i``; O(1).

        The class orders are sorted with this very expression, so a scan in
        class order sees static scores that never decrease.
        """
        walk, height, reserve = coefficients
        return (
            walk * self.far[i] + height * self.off_height[i] + reserve * self.prime[i]
        )

    def order(self, bin_class: BinClass, level: float) -> list[int]:
        """Bins of a class by static score at ``level``, ties by name.

        The first call for a level sorts every class, O(n log n); later calls
        are O(1).
        """
        orders = self._orders.get(level)
        if orders is None:
            orders = self._orders[level] = self._sort_classes(level)
        return orders[bin_class.rank]

    def _sort_classes(self, level):
        walk, height, reserve = self.coefficients(level)
        scores = [
            walk * far + height * off + reserve * prime
            for far, off, prime in zip(
                self.far, self.off_height, self.prime, strict=True
            )
        ]
        orders = {}
        for classes in self.classes_by_rack.values():
            for bin_class in classes:
                # members are in name order and sort() is stable: ties by name
                orders[bin_class.rank] = sorted(
                    bin_class.members, key=scores.__getitem__
                )
        return orders


def count_occupied(bins: Iterable[Bin]) -> dict[str, int]:
    """Bins holding stock, per rack type; O(n)."""
    occupied = {}
    for bin_ in bins:
        if any(content.qty > 0 for content in bin_.contents):
            occupied[bin_.rack_type] = occupied.get(bin_.rack_type, 0) + 1
    return occupied
