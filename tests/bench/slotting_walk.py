"""Walking distance of picks after putaway: our engine against random storage
and Odoo's ``closest_location``, on real AdventureWorks orders.

Usage, from the repository root (pure Python, no Odoo)::

    python tests/bench/slotting_walk.py [--data PATH] [--seed N] [--weeks N]

``--data`` is the shared data folder holding
``adventureworks/dw/FactInternetSales.csv`` (default ``../shared/data``).

Layout: the generator's ``DEFAULT_ZONES`` (read from the wizard's source), 20
bays per aisle side, packing area mid-front. Products: those sold online, one
family per AdventureWorks model (sizes and colours of one model look alike),
plus two look-alike groups (bottle cages and bottles; tyres and tubes); bikes
go to the bulky racks. Each product gets ``--weeks`` weeks of its demand in
stock. The first two thirds of the order days give the velocity classes, the
last third is picked: one tour per order, shortest route (picking router when
``alltricks_picking`` is there, else out-and-back walks).

Placements compared: (a) our engine, (b) random storage (each product's stock
in random free bins of its rack type that it fits, each filled as far as the
capacity rule allows; the mean of five draws, violations of the first), (c)
Odoo's ``closest_location``: bins in ``complete_name`` order, the first empty
one takes the product's whole stock.
Printed: metres per picked line of each, the cost of the look-alike rule (engine
without it) and look-alike separation violations. Targets: engine >= 40 % below
random, look-alike rule <= 3 %, 0 violations.
"""

from __future__ import annotations

import argparse
import math
import random
import time
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path

import bench_common  # first: makes the addons' pure packages importable
from alltricks_slotting.layout.grid import iter_bins
from alltricks_slotting.putaway import (
    SHELF,
    BinContent,
    IncomingLine,
    PutawayEngine,
    PutawaySettings,
    PutawayWeights,
    audit_state,
    bin_from_spec,
    velocity_classes,
)
from alltricks_slotting.putaway.geometry import (
    fits_rotated,
    room_left,
    sorted_dims,
)
from bench_common import BIKE_SUBCATEGORIES, DEFAULT_DATA, demo_floor

# unit box (cm) and weight (kg) by AdventureWorks subcategory; default: small part
UNITS = {
    "19": (20, 15, 10, 0.1),
    "20": (20, 12, 3, 0.1),
    "21": (30, 25, 4, 0.3),
    "22": (30, 25, 4, 0.3),
    "23": (15, 10, 3, 0.05),
    "25": (30, 25, 4, 0.3),
    "26": (80, 40, 30, 8.0),
    "27": (70, 30, 20, 5.0),
    "28": (25, 10, 10, 0.2),
    "29": (20, 10, 10, 1.0),
    "30": (60, 15, 10, 0.6),
    "31": (30, 25, 20, 0.4),
    "32": (45, 30, 10, 0.6),
    "37": (35, 35, 8, 0.3),
}
BIKE_UNIT = (140, 25, 80, 13.0)
LOOKALIKE_SUBCATEGORIES = {"28": 1, "37": 2}
RANDOM_DRAWS = 5


try:
    from alltricks_picking.routing import shortest_tour
except ImportError:  # the picking addon is optional here
    shortest_tour = None


def build_layout():
    """Geometry and engine bins (empty) of the demo floor."""
    spec, geometry = demo_floor()
    bins = [
        bin_from_spec(spec_, k, geometry.depot_distance((spec_.aisle_index, spec_.y)))
        for k, spec_ in enumerate(iter_bins(spec), start=1)
    ]
    return geometry, bins


def load_data(data: Path):
    """Products sold online and orders ``(day, [product keys])`` by day order."""
    products, orders = bench_common.read_online_orders(data)
    return products, sorted(
        (order["day"], order["products"]) for order in orders.values()
    )


def incoming_lines(products, orders, weeks):
    """One receipt line per product sold: its stock and velocity class."""
    days = sorted({day for day, _keys in orders})
    split = days[len(days) * 2 // 3]
    history = Counter(key for day, keys in orders if day < split for key in keys)
    sold = Counter(key for _day, keys in orders for key in keys)
    classes = velocity_classes({int(key): history[key] for key in sold})
    span_weeks = max(len(days) / 7, 1)
    models = {}
    lines = []
    for key in sorted(sold, key=int):
        row = products[key]
        subcategory = row["ProductSubcategoryKey"]
        bike = subcategory in BIKE_SUBCATEGORIES
        length, width, height, weight = BIKE_UNIT if bike else UNITS[subcategory]
        group = LOOKALIKE_SUBCATEGORIES.get(subcategory)
        lines.append(
            IncomingLine(
                product_id=int(key),
                qty=max(2, math.ceil(sold[key] / span_weeks * weeks)),
                length_cm=length,
                width_cm=width,
                height_cm=height,
                weight_kg=weight,
                template_id=models.setdefault(row["ModelName"], len(models) + 1),
                lookalike_group_ids=(group,) if group else (),
                velocity=classes[int(key)],
                bulky=bike,
            )
        )
    return lines, [keys for day, keys in orders if day >= split]


def place_engine(bins, lines, settings, weights=None):
    results = PutawayEngine(bins, settings, weights).plan(lines)
    placed = defaultdict(list)
    for result in results:
        for allocation in result.allocations:
            placed[result.line.product_id].append((allocation.bin_id, allocation.qty))
    unplaced = sum(result.unplaced_qty for result in results)
    return placed, unplaced


def place_random(bins, lines, settings, seed):
    """Each product's stock in random free bins of its rack type that it fits,
    each filled as far as the capacity rule allows (no position logic)."""
    rng = random.Random(seed)
    free = defaultdict(list)
    for bin_ in bins:
        free[bin_.rack_type].append(bin_)
    for pool in free.values():
        rng.shuffle(pool)
    placed = {}
    for line in lines:
        dims = sorted_dims(line.length_cm, line.width_cm, line.height_cm)
        pool = free["bulky" if line.bulky else SHELF]
        allocations, remaining = [], line.qty
        for k in range(len(pool) - 1, -1, -1):
            bin_ = pool[k]
            if not fits_rotated(dims, sorted_dims(*bin_dims(bin_))):
                continue
            room = room_left(
                line.unit_volume_cm3,
                line.weight_kg,
                math.prod(bin_dims(bin_)) * settings.fill_factor,
                bin_.max_weight_kg,
                bin_.max_units,
            )
            if room <= 0:
                continue
            del pool[k]
            allocations.append((bin_.id, min(room, remaining)))
            remaining -= min(room, remaining)
            if remaining <= 0:
                break
        placed[line.product_id] = allocations
    return placed


def bin_dims(bin_):
    return bin_.width_cm, bin_.depth_cm, bin_.height_cm


def place_closest(bins, lines):
    """Odoo's ``closest_location``: first empty bin in name order takes it all."""
    free = defaultdict(list)
    for bin_ in sorted(bins, key=lambda b: b.name):
        free[bin_.rack_type].append(bin_)
    placed = {}
    for line in lines:
        bin_ = free["bulky" if line.bulky else SHELF].pop(0)
        placed[line.product_id] = [(bin_.id, line.qty)]
    return placed


def metres_per_line(geometry, bins, placed, orders):
    """Each order walked alone from packing and back; a line picks from the
    product's bin closest to packing."""
    by_id = {bin_.id: bin_ for bin_ in bins}
    pick_point = {}
    for product_id, allocations in placed.items():
        nearest = min((by_id[bin_id] for bin_id, _qty in allocations), key=walk_of)
        pick_point[product_id] = (nearest.aisle, nearest.y)
    metres = lines = 0
    for keys in orders:
        points = [pick_point[int(key)] for key in keys]
        metres += tour_length(geometry, points)
        lines += len(points)
    return metres / lines


def walk_of(bin_):
    return bin_.walk_m


def tour_length(geometry, points):
    if shortest_tour is not None:
        return shortest_tour(geometry, points).length
    return sum(2 * geometry.depot_distance(point) for point in set(points))


def separation_violations(bins, lines, placed):
    """Look-alike pairs too close, by the engine's own audit."""
    line_of = {line.product_id: line for line in lines}
    contents = defaultdict(list)
    for product_id, allocations in placed.items():
        line = line_of[product_id]
        for bin_id, qty in allocations:
            contents[bin_id].append(
                BinContent(product_id, qty, line.families, None, 1.0, line.weight_kg)
            )
    stocked = [
        replace(bin_, contents=tuple(contents.get(bin_.id, ()))) for bin_ in bins
    ]
    return len(audit_state(stocked).separation)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--weeks", type=float, default=2.0)
    parser.add_argument(
        "--orders-per-tour", type=int, default=1, help="consecutive orders per tour"
    )
    args = parser.parse_args()

    started = time.perf_counter()
    geometry, bins = build_layout()
    products, orders = load_data(args.data)
    lines, picked_orders = incoming_lines(products, orders, args.weeks)
    step = max(args.orders_per_tour, 1)
    tours = [
        [key for keys in picked_orders[k : k + step] for key in keys]
        for k in range(0, len(picked_orders), step)
    ]
    rule_off = PutawaySettings(separation_bay_gap=None)
    sparse = PutawayWeights(reserve=0.0)
    placements = {
        "engine, default weights": place_engine(bins, lines, PutawaySettings()),
        "  same, no look-alike rule": place_engine(bins, lines, rule_off),
        "engine, reserve weight 0": place_engine(
            bins, lines, PutawaySettings(), sparse
        ),
        "  same, no look-alike rule ": place_engine(bins, lines, rule_off, sparse),
        "random": (None, 0),
        "closest_location": (place_closest(bins, lines), 0),
    }

    router = "picking router" if shortest_tour else "out-and-back walks"
    picked = sum(len(keys) for keys in picked_orders)
    print(f"Layout: {len(bins)} bins; {len(lines)} products in stock")
    print(
        f"Picked: {len(picked_orders)} orders, {picked} lines, {len(tours)} tours "
        f"of {step} order(s), routed by {router}"
    )
    figures = {}
    for name, (placement, unplaced) in placements.items():
        placed = placement
        if placement is None:
            # random storage varies with the draw: the mean of several draws
            draws = [
                place_random(bins, lines, PutawaySettings(), args.seed + k)
                for k in range(RANDOM_DRAWS)
            ]
            walks = [metres_per_line(geometry, bins, p, tours) for p in draws]
            figures[name] = sum(walks) / len(walks)
            placed = draws[0]
            name_shown = f"{name} ({min(walks):.1f} to {max(walks):.1f})"
        else:
            figures[name] = metres_per_line(geometry, bins, placed, tours)
            name_shown = name
        violations = separation_violations(bins, lines, placed)
        print(
            f"  {name_shown:28} {figures[name]:6.1f} m per line, {violations:3} "
            f"look-alike violations, {unplaced:g} units unplaced"
        )
    random_m = figures["random"]
    for engine, free in (
        ("engine, default weights", "  same, no look-alike rule"),
        ("engine, reserve weight 0", "  same, no look-alike rule "),
    ):
        print(
            f"{engine}: {1 - figures[engine] / random_m:.1%} below random "
            f"(target >= 40%), {1 - figures[engine] / figures['closest_location']:.1%}"
            f" below closest_location, look-alike rule costs "
            f"{figures[engine] / figures[free] - 1:+.1%} (target <= 3%)"
        )
    print(f"({time.perf_counter() - started:.1f} s)")


if __name__ == "__main__":
    main()
