"""Synthetic layouts and catalogues for tests, benchmarks and demos.

Bins are laid out like the layout generator of the addon: zones side by side
along the front cross aisle, parallel aisles, bays numbered odd on the left and
even on the right in the bin name, while :attr:`Bin.bay` is the rank of the bay
on its own side. The walk from packing (at the front, left end) is the Manhattan
distance to the aisle centre line, which is exact for this shape when the picker
comes back the same way.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace

from .data import BULKY, SHELF, Bin, IncomingLine
from .velocity import velocity_classes


@dataclass(frozen=True)
class ZoneShape:
    """Identical aisles of one zone; bins of a level share their size."""

    code: str
    aisles: int
    levels: int
    positions: int
    width_cm: float
    depth_cm: float
    height_cm: float
    max_weight_kg: float
    max_units: int | None = None
    rack_type: str = SHELF
    level_height_m: float = 0.4


# 8000 + 6000 + 3200 + 2800 = 20,000 bins
DEMO_ZONES = (
    ZoneShape("A", 8, 5, 4, 25, 40, 20, 15, level_height_m=0.3),
    ZoneShape("B", 8, 5, 3, 33, 60, 35, 30),
    ZoneShape("C", 8, 4, 2, 50, 80, 50, 60, level_height_m=0.55),
    ZoneShape("R", 7, 4, 2, 100, 120, 110, 300, rack_type=BULKY, level_height_m=1.2),
)


def grid_bins(
    zones: tuple[ZoneShape, ...],
    bays: int = 10,
    *,
    aisle_pitch_m: float = 3.0,
    bay_width_m: float = 1.0,
    first_id: int = 1,
) -> list[Bin]:
    """Every bin of ``zones``, ``bays`` bays per aisle side; O(bins)."""
    bins = []
    aisle_index = 0
    for zone in zones:
        for aisle in range(1, zone.aisles + 1):
            x = aisle_pitch_m * (aisle_index + 0.5)
            for bay in range(1, bays + 1):
                y = 1.0 + (bay - 0.5) * bay_width_m
                for side, number in (("left", 2 * bay - 1), ("right", 2 * bay)):
                    bins.extend(
                        _bay_bins(zone, aisle, aisle_index, side, bay, number, x, y)
                    )
            aisle_index += 1
    return [replace(bin_, id=first_id + k) for k, bin_ in enumerate(bins)]


def _bay_bins(zone, aisle, aisle_index, side, bay, number, x, y):
    for level in range(1, zone.levels + 1):
        z = round(0.1 + (level - 1) * zone.level_height_m, 3)
        for position in range(1, zone.positions + 1):
            yield Bin(
                id=0,
                name=f"{zone.code}-{aisle:02d}-{number:02d}-{level}-{position}",
                zone=zone.code,
                aisle=aisle_index,
                side=side,
                bay=bay,
                level=level,
                position=position,
                x=x,
                y=y,
                z=z,
                width_cm=zone.width_cm,
                depth_cm=zone.depth_cm,
                height_cm=zone.height_cm,
                max_weight_kg=zone.max_weight_kg,
                walk_m=round(x + y, 3),
                max_units=zone.max_units,
                rack_type=zone.rack_type,
            )


def demo_warehouse() -> list[Bin]:
    """The 20,000-bin layout of the benchmark: zones A to C and bulky racks."""
    return grid_bins(DEMO_ZONES, bays=25)


# (share of templates, size range in cm, unit weight range in kg, bulky)
_PRODUCT_KINDS = (
    (0.50, (2, 12), (0.02, 0.5), False),  # pads, cables, bolts
    (0.30, (8, 25), (0.2, 2.0), False),  # tyres folded, saddles, chains
    (0.12, (20, 45), (1.0, 6.0), False),  # wheels in box, forks
    (0.08, (60, 100), (3.0, 15.0), True),  # frames, rigid-bead tyres, bikes
)


def demo_catalog(templates: int = 1500, seed: int = 7) -> list[IncomingLine]:
    """Products as one-unit lines: templates of 1 to 8 sizes or colours, one in
    ten in a look-alike group with another template, ABC velocity from random
    sales. Deterministic for a seed; O(products)."""
    rng = random.Random(seed)
    products = []
    product_id = 1
    for template_id in range(1, templates + 1):
        _share, sizes, weights, bulky = rng.choices(
            _PRODUCT_KINDS, weights=[kind[0] for kind in _PRODUCT_KINDS]
        )[0]
        group = (rng.randrange(templates // 20 + 1),) if rng.random() < 0.1 else ()
        base = [rng.uniform(*sizes) for _ in range(3)]
        weight = rng.uniform(*weights)
        for variant in range(rng.choice((1, 1, 2, 3, 4, 6, 8))):
            grow = 1 + 0.05 * variant
            products.append(
                IncomingLine(
                    product_id=product_id,
                    qty=1,
                    length_cm=round(base[0] * grow, 1),
                    width_cm=round(base[1], 1),
                    height_cm=round(base[2], 1),
                    weight_kg=round(weight * grow, 3),
                    template_id=template_id,
                    lookalike_group_ids=group,
                    bulky=bulky,
                )
            )
            product_id += 1

    sales = {p.product_id: rng.paretovariate(1.2) for p in products}
    classes = velocity_classes(sales)
    return [replace(p, velocity=classes[p.product_id]) for p in products]


def demo_receipt(
    catalog: list[IncomingLine], lines: int = 500, seed: int = 11
) -> list[IncomingLine]:
    """A receipt of ``lines`` distinct products with plausible quantities."""
    rng = random.Random(seed)
    chosen = rng.sample(catalog, lines)
    receipt = []
    for product in chosen:
        volume_l = product.unit_volume_cm3 / 1000
        top = 1 if product.bulky else max(2, int(30 / max(volume_l, 0.05)))
        qty = rng.randint(1, min(top, 200))
        receipt.append(replace(product, qty=qty, ref=len(receipt) + 1))
    return receipt
