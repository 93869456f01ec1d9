"""Velocity of a product: ABC classes and the number the score uses."""

from __future__ import annotations

import math
from collections.abc import Mapping

# Numeric velocities are rounded to this step so that the engine keeps one
# candidate order per level instead of one per distinct float.
VELOCITY_STEP = 0.1


def velocity_classes(
    sales_by_product: Mapping[int, float], a_share: float = 0.2, b_share: float = 0.3
) -> dict[int, str]:
    """Classify products A, B or C by ABC analysis of what they sold.

    ``sales_by_product`` maps a product id to the units (or order lines) sold
    over the last N days. Products are ranked by sales, highest first, ties by
    product id; the first ``ceil(a_share * n)`` are A, the products up to
    ``ceil((a_share + b_share) * n)`` are B, the rest C. A product that sold
    nothing is always C. O(n log n).
    """
    if not (0 <= a_share <= 1 and 0 <= b_share <= 1 and a_share + b_share <= 1):
        raise ValueError(
            f"ABC shares must be in [0, 1] and add up to at most 1, got "
            f"a_share={a_share}, b_share={b_share}"
        )

    ranked = sorted(sales_by_product, key=lambda pid: (-sales_by_product[pid], pid))
    count = len(ranked)
    a_count = math.ceil(a_share * count)
    ab_count = math.ceil((a_share + b_share) * count)

    classes = {}
    for rank, product_id in enumerate(ranked):
        if sales_by_product[product_id] <= 0:
            classes[product_id] = "C"
        elif rank < a_count:
            classes[product_id] = "A"
        elif rank < ab_count:
            classes[product_id] = "B"
        else:
            classes[product_id] = "C"
    return classes


def velocity_level(
    velocity: str | float, levels: Mapping[str, float], reference: float = 1.0
) -> float:
    """The velocity of a line as a number in ``[0, 1]``, 1 for the fastest.

    A class letter is looked up in ``levels``; a number is divided by
    ``reference``, clamped and rounded to :data:`VELOCITY_STEP`.
    """
    if isinstance(velocity, str):
        try:
            return levels[velocity.upper()]
        except KeyError:
            raise ValueError(
                f"Unknown velocity class {velocity!r}: use one of {sorted(levels)} "
                f"or a number"
            ) from None
    value = min(max(float(velocity) / reference, 0.0), 1.0)
    return round(round(value / VELOCITY_STEP) * VELOCITY_STEP, 6)
