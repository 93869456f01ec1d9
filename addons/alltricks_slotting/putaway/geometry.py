"""How many units of a product a bin can still take.

Boxes are placed square to the bin but may be turned any way, so a unit fits
when its sorted dimensions are each no larger than the bin's sorted dimensions
(that test is exact for right-angle rotations). Beyond the first unit, volume is
counted with a fill factor for the air lost between boxes. All functions are
O(1).
"""

from __future__ import annotations

import math

# Guards the floor of a ratio against float noise (3 x 0.1 / 0.1 = 2.9999...).
_EPSILON = 1e-9


def sorted_dims(a: float, b: float, c: float) -> tuple[float, float, float]:
    """The three dimensions, smallest first."""
    return tuple(sorted((a, b, c)))


def fits_rotated(unit_dims: tuple, bin_dims: tuple) -> bool:
    """Whether a unit fits a bin in some orientation; both tuples sorted."""
    return (
        unit_dims[0] <= bin_dims[0]
        and unit_dims[1] <= bin_dims[1]
        and unit_dims[2] <= bin_dims[2]
    )


def room_by_rule(
    *,
    unit_volume: float,
    unit_weight: float,
    usable_volume: float,
    max_weight: float,
    max_units: int | None,
    used_volume: float = 0.0,
    used_weight: float = 0.0,
    used_units: float = 0.0,
) -> dict[str, float]:
    """Units that still fit, per limiting rule (``volume``, ``weight``, ``units``).

    The unit is assumed to fit by dimensions. ``usable_volume`` already includes
    the fill factor. An empty bin always takes one unit by volume: the fill factor
    models the air between many boxes, not a single box. A rule that does not
    apply (no unit count or load limit, weightless unit) is left out; limits of
    0 mean none, as in the location form.
    """
    room = {}
    if unit_volume > 0:
        by_volume = math.floor((usable_volume - used_volume) / unit_volume + _EPSILON)
        if by_volume < 1 and used_units == 0 and used_volume == 0:
            by_volume = 1
        room["volume"] = max(by_volume, 0)
    if unit_weight > 0 and max_weight > 0:
        by_weight = math.floor((max_weight - used_weight) / unit_weight + _EPSILON)
        room["weight"] = max(by_weight, 0)
    if max_units:
        room["units"] = max(math.floor(max_units - used_units + _EPSILON), 0)
    return room


def room_left(
    unit_volume: float,
    unit_weight: float,
    usable_volume: float,
    max_weight: float,
    max_units: int | None,
    used_volume: float = 0.0,
    used_weight: float = 0.0,
    used_units: float = 0.0,
) -> float:
    """The smallest room of :func:`room_by_rule`, ``math.inf`` if nothing limits.

    Same rules, without building a dict: the engine calls it in its inner loop.
    """
    room = math.inf
    if unit_volume > 0:
        room = math.floor((usable_volume - used_volume) / unit_volume + _EPSILON)
        if room < 1 and used_units == 0 and used_volume == 0:
            room = 1
    if unit_weight > 0 and max_weight > 0:
        room = min(
            room, math.floor((max_weight - used_weight) / unit_weight + _EPSILON)
        )
    if max_units:
        room = min(room, math.floor(max_units - used_units + _EPSILON))
    return max(room, 0)
