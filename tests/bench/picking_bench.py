"""Walking distance of our picking routes and batches on real AdventureWorks orders.

Usage, from the repository root::

    python tests/bench/picking_bench.py [--data PATH] [--seed N] [--days N]
        [--route-seeds 1,2,...] [--middle-aisle]

``--data`` is the shared data folder (default ``../shared/data`` from the
repository root). Pure Python: no Odoo needed.

Layout: the demo layout of ``alltricks_slotting`` (zones A, B, C and bulky
racks R side by side, 20 bays per aisle side, 3 m pitch, packing area mid-front).
Each product sold online gets one bin, drawn with a seeded random generator:
complete bikes (AdventureWorks subcategories 1-3) in R, everything else in A, B
or C. Orders are FactInternetSales grouped by SalesOrderNumber.

Figures printed:

1. for several product placements, how much shorter the exact router is on
   15-50-stop pick lists (consecutive orders) than Odoo's printed pick list
   (bin-name order), the same if each rack face were named apart, Odoo's
   detailed operations list (creation order) and the S-shape heuristic;
2. router compute time p50/p95 for 20, 50 and 100 stops;
3. metres per picked line on the busiest days, parts flow (orders without a
   complete bike): one tour per order, first-come-first-served 8-tote carts,
   and our batching with 8-tote carts.
"""

from __future__ import annotations

import argparse
import itertools
import random
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

import bench_common  # first: makes the addons' pure packages importable
from alltricks_picking.batching import (
    CartType,
    Order,
    fcfs_batches,
    plan_batches,
)
from alltricks_picking.routing import shortest_tour, walked_length
from alltricks_slotting.layout.grid import iter_bins
from bench_common import BIKE_SUBCATEGORIES, DEFAULT_DATA, demo_floor


def build_layout(middle_aisle: bool = False):
    """The demo floor: its geometry and its bins (name, aisle index, y, zone)."""
    spec, geometry = demo_floor(middle_aisle)
    bins = [(b.name, b.aisle_index, b.y, b.zone) for b in iter_bins(spec)]
    return geometry, bins


def load_orders(data: Path):
    """Order lines by order, and the bike product keys."""
    products, orders = bench_common.read_online_orders(data)
    bikes = {
        key
        for key, row in products.items()
        if row["ProductSubcategoryKey"] in BIKE_SUBCATEGORIES
    }
    return orders, bikes


def place_products(orders, bikes, bins, seed: int):
    """Product key -> (bin name, aisle index, y), one distinct bin per product."""
    rng = random.Random(seed)
    shelves = [b for b in bins if b[3] != "R"]
    racks = [b for b in bins if b[3] == "R"]
    keys = sorted({p for o in orders.values() for p in o["products"]}, key=int)
    shelf_pick = rng.sample(shelves, sum(k not in bikes for k in keys))
    rack_pick = rng.sample(racks, sum(k in bikes for k in keys))
    placed = {}
    for key in keys:
        name, aisle, y, _ = rack_pick.pop() if key in bikes else shelf_pick.pop()
        placed[key] = (name, aisle, y)
    return placed


def name_order_length(geometry, stops):
    """Odoo's pick list, walked on shortest paths from and back to packing.

    Odoo's printed pick lists (``stock.report_picking``, the batch report of
    ``stock_picking_batch``) sort lines by ``location_id.complete_name``,
    e.g. ``WH/Stock/A/A-01-09-1-1``: the generator files every bin under its
    zone, named by the same code, so that order is the bin-name order here.
    """
    order = sorted(range(len(stops)), key=lambda i: stops[i][0])
    points = [(aisle, y) for _, aisle, y in stops]
    return walked_length(geometry, points, order)


def s_shape_length(geometry, points):
    """S-shape (traversal) heuristic, Hall 1993: traverse every aisle with a
    pick, left to right; with an odd count, the last one is entered and left
    from the front. Plus the front cross aisle out to the extreme aisles."""
    reach = defaultdict(float)
    for aisle, y in points:
        reach[aisle] = max(reach[aisle], y)
    aisles = sorted(reach)
    xs = [geometry.aisle_x[a] for a in [*aisles, geometry.depot.aisle]]
    length = 2 * (max(xs) - min(xs))
    full = len(aisles) - len(aisles) % 2
    length += full * geometry.cross_aisle_y[-1]
    if len(aisles) % 2:
        length += 2 * reach[aisles[-1]]
    return length


def pick_lists(orders, placed, low, high, count, rng):
    """``count`` lists of consecutive orders' lines, ``low``..``high`` stops."""
    numbers = sorted(orders, key=lambda n: int(n[2:]))
    lists = []
    while len(lists) < count:
        target = rng.randint(low, high)
        start = rng.randrange(len(numbers))
        stops = []
        for number in itertools.islice(numbers, start, None):
            stops += [placed[p] for p in orders[number]["products"]]
            if len(stops) >= target:
                break
        if low <= len(stops[:target]) and len(stops) >= target:
            lists.append(stops[:target])
    return lists


def face_order_length(geometry, stops):
    """Name order if each rack face were a row of its own (``A-03`` left, then
    ``A-03`` right): the common naming of shelving rows, shown to tell how much
    of the saving comes from how bins are named, not from the router."""

    def face_key(index):
        zone, aisle, bay, level, position = stops[index][0].split("-")
        return zone, aisle, int(bay) % 2 == 0, bay, level, position

    order = sorted(range(len(stops)), key=face_key)
    points = [(aisle, y) for _, aisle, y in stops]
    return walked_length(geometry, points, order)


def route_totals(geometry, lists):
    """Metres over ``lists`` by walking rule, and each list's saving."""
    totals = defaultdict(float)
    savings = []
    for stops in lists:
        points = [(aisle, y) for _, aisle, y in stops]
        best = shortest_tour(geometry, points).length
        by_name = name_order_length(geometry, stops)
        totals["router"] += best
        totals["name"] += by_name
        totals["faces"] += face_order_length(geometry, stops)
        # Odoo's detailed operations list: move lines in creation order,
        # i.e. order by order, line by line.
        totals["screen"] += walked_length(geometry, points, range(len(points)))
        totals["s_shape"] += s_shape_length(geometry, points)
        savings.append(1 - best / by_name)
    return totals, savings


def bench_routes(geometry, orders, bikes, bins, seeds):
    """Route lengths for every product placement of ``seeds``."""
    print(
        f"1. Routes on 300 pick lists of 15-50 stops per product placement "
        f"(seeds {', '.join(map(str, seeds))}): saving of the exact router over"
    )
    header = ("name order", "median list", "faces apart", "operations", "S-shape")
    print("   seed " + "".join(f"{label:>13}" for label in header))
    overall = defaultdict(float)
    for seed in seeds:
        placed = place_products(orders, bikes, bins, seed)
        lists = pick_lists(orders, placed, 15, 50, 300, random.Random(seed))
        totals, savings = route_totals(geometry, lists)
        for key, value in totals.items():
            overall[key] += value
        median = f"{statistics.median(savings):13.1%}"
        print(f"   {seed:4d} " + _saved_row(totals, median))
    print("    all " + _saved_row(overall, " " * 13))
    print(
        "   name order: Odoo's printed pick list; faces apart: the same if each rack "
        "face were\n   named as a row of its own; operations: Odoo's detailed "
        "operations list (creation\n   order). Target >= 25 % below name order. "
        "The router is exact, so that saving is\n   name order's excess over the "
        "optimum: it depends on how bins are named."
    )


def _saved_row(totals, median):
    name, faces, screen, s_shape = (
        f"{1 - totals['router'] / totals[key]:13.1%}"
        for key in ("name", "faces", "screen", "s_shape")
    )
    return name + median + faces + screen + s_shape


def bench_times(geometry, orders, placed, rng):
    print("2. Router compute time (ms)")
    for size in (20, 50, 100):
        samples = []
        for stops in pick_lists(orders, placed, size, size, 60, rng):
            points = [(aisle, y) for _, aisle, y in stops]
            start = time.perf_counter()
            shortest_tour(geometry, points)
            samples.append((time.perf_counter() - start) * 1000)
        samples.sort()
        p95 = samples[int(0.95 * (len(samples) - 1))]
        print(
            f"   {size:3d} stops: p50 {statistics.median(samples):6.1f}  p95 {p95:6.1f}"
        )


def bench_batching(geometry, orders, placed, bikes, days: int):
    cart = CartType(totes=8)
    by_day = defaultdict(list)
    for number in sorted(orders, key=lambda n: int(n[2:])):
        products = orders[number]["products"]
        if not any(p in bikes for p in products):
            points = [placed[p][1:] for p in products]
            by_day[orders[number]["day"]].append(Order.from_points(number, 0, points))
    busiest = sorted(by_day, key=lambda d: (-len(by_day[d]), d))[:days]
    lines = single = fcfs = ours = 0.0
    started = time.perf_counter()
    for day in busiest:
        day_orders = by_day[day]
        lines += sum(len(o.lines) for o in day_orders)
        single += sum(shortest_tour(geometry, o.points).length for o in day_orders)
        fcfs += fcfs_batches(day_orders, cart, geometry).length
        ours += plan_batches(day_orders, cart, geometry).length
    elapsed = time.perf_counter() - started
    count = sum(len(by_day[d]) for d in busiest)
    print(
        f"3. Metres per picked line, parts flow, {len(busiest)} busiest days, "
        f"{count} orders, {lines:.0f} lines ({elapsed:.0f} s)"
    )
    print(
        f"   single-order {single / lines:6.1f}   FCFS 8 totes {fcfs / lines:6.1f}"
        f"   batching 8 totes {ours / lines:6.1f}"
    )
    print(
        f"   batching / single-order: {ours / single:6.1%} (target <= 40%); "
        f"below FCFS: {1 - ours / fcfs:6.1%} (target >= 25%)"
    )


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument(
        "--seed", type=int, default=7, help="product placement of parts 2 and 3"
    )
    parser.add_argument(
        "--route-seeds",
        default="1,2,3,4,5,6,7,8",
        help="product placements compared in part 1 (comma-separated seeds)",
    )
    parser.add_argument("--days", type=int, default=5)
    parser.add_argument(
        "--middle-aisle", action="store_true", help="add a middle cross aisle"
    )
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        sys.exit(f"Data folder {args.data} not found: pass --data PATH.")
    geometry, bins = build_layout(args.middle_aisle)
    orders, bikes = load_orders(args.data)
    placed = place_products(orders, bikes, bins, args.seed)
    rng = random.Random(args.seed)
    print(
        f"Layout: {geometry.num_aisles} aisles of {geometry.aisle_length:.0f} m, "
        f"{geometry.num_blocks} block(s), "
        f"depot at aisle {geometry.depot.aisle}; {len(orders)} orders, "
        f"{len(placed)} products placed (seed {args.seed})"
    )
    seeds = [int(seed) for seed in args.route_seeds.split(",") if seed.strip()]
    bench_routes(geometry, orders, bikes, bins, seeds)
    bench_times(geometry, orders, placed, rng)
    bench_batching(geometry, orders, placed, bikes, args.days)


if __name__ == "__main__":
    main()
