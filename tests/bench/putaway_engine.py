"""Benchmark of the putaway engine: a 500-line receipt into 20,000 bins.

Run from the repository root::

    python tests/bench/putaway_engine.py [--runs 15] [--fill 0.4] [--lines 500]

It builds the demo layout (zones A to C of shelf bins, bulky racks), stocks it
to the asked share of bins with the engine itself (so the starting state obeys
the rules), then times :meth:`PutawayEngine.plan` on a fresh receipt, of which
some products are already in stock, and prints the median, the audit of the
resulting state (separation violations must be 0) and a few outcome counts.
The target is a median plan under 50 ms; it is a figure to watch, not a test.
"""

import argparse
import gc
import random
import statistics
import sys
import time
from dataclasses import replace
from datetime import date

import bench_common  # noqa: F401 (first: makes the addons' pure packages importable)
from alltricks_slotting.putaway import (
    PutawayEngine,
    apply_results,
    audit_state,
)
from alltricks_slotting.putaway.synthetic import (
    demo_catalog,
    demo_receipt,
    demo_warehouse,
)

TARGET_MS = 50.0


def stock_warehouse(bins, catalog, fill, seed=3):
    """Bins holding stock in about ``fill`` of them, placed by the engine.

    Seven products in ten of the catalogue are in stock, the others are new.
    """
    rng = random.Random(seed)
    engine = PutawayEngine(bins)
    products = rng.sample(catalog, len(catalog) * 7 // 10)
    occupied, passes = 0, 0
    while occupied < fill * len(bins) and passes < 10:
        for start in range(0, len(products), 500):
            chunk = [
                replace(
                    p,
                    qty=rng.randint(1, stock_limit(p)),
                    incoming_date=date(2025, 1, 1 + passes),
                )
                for p in products[start : start + 500]
            ]
            engine.plan(chunk, commit=True)
            occupied = sum(1 for bin_ in engine.snapshot() if bin_.contents)
            if occupied >= fill * len(bins):
                break
        passes += 1
    return engine.snapshot()


def stock_limit(product):
    """Most units of a product in stock: about 60 litres, 3 bulky units."""
    if product.bulky:
        return 3
    return max(2, min(200, int(60_000 / max(product.unit_volume_cm3, 1.0))))


def with_history(receipt, stocked_bins, seed=5):
    """Point receipt lines of products in stock at a bin holding them."""
    rng = random.Random(seed)
    where = {}
    for bin_ in stocked_bins:
        for content in bin_.contents:
            where.setdefault(content.product_id, bin_.id)
    return [
        replace(
            line,
            previous_bin_id=where.get(line.product_id),
            previous_bin_full=rng.random() < 0.3,
            incoming_date=date(2025, 6, 1),
        )
        for line in receipt
    ]


def reference_loop_us():
    """CPU time of a fixed pure-Python loop, to compare machines and loads."""
    started = time.process_time()
    for _repeat in range(200):
        sum(range(1000))
    return (time.process_time() - started) / 200 * 1e6


def time_plans(engine, receipt, runs):
    wall, cpu = [], []
    for _run in range(runs):
        gc.collect()
        started, cpu_started = time.perf_counter(), time.process_time()
        results = engine.plan(receipt)
        cpu.append((time.process_time() - cpu_started) * 1000)
        wall.append((time.perf_counter() - started) * 1000)
    return results, wall, cpu


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--fill", type=float, default=0.4)
    parser.add_argument("--lines", type=int, default=500)
    args = parser.parse_args()

    bins = demo_warehouse()
    catalog = demo_catalog()
    stocked = stock_warehouse(bins, catalog, args.fill)
    occupied = sum(1 for bin_ in stocked if bin_.contents)
    receipt = with_history(demo_receipt(catalog, args.lines), stocked)
    known = sum(1 for line in receipt if line.previous_bin_id)

    started = time.perf_counter()
    engine = PutawayEngine(stocked)
    build_ms = (time.perf_counter() - started) * 1000
    results, wall, cpu = time_plans(engine, receipt, args.runs)
    report = audit_state(apply_results(stocked, results), engine.settings)

    p50 = statistics.median(cpu)
    verdict = "met" if p50 <= TARGET_MS else "MISSED"
    print(f"layout: {len(bins)} bins, {occupied} holding stock")
    print(f"receipt: {len(receipt)} lines, {known} of products already in stock")
    print(f"reference loop: {reference_loop_us():.1f} us (about 10 us on an idle core)")
    print(f"engine build (index layout and stock): {build_ms:.1f} ms")
    print(
        f"plan, {args.runs} runs: CPU p50 {p50:.1f} ms (min {min(cpu):.1f}), "
        f"wall p50 {statistics.median(wall):.1f} ms; target {TARGET_MS:g} ms {verdict}"
    )
    print(
        f"allocations: {sum(len(r.allocations) for r in results)}, split lines: "
        f"{sum(1 for r in results if len(r.allocations) > 1)}, partly placed: "
        f"{sum(1 for r in results if r.allocations and r.unplaced_qty)}, refused: "
        f"{sum(1 for r in results if r.refused)}"
    )
    print(f"separation violations: {len(report.separation)}")
    print(f"over-capacity bins: {len(report.capacity)}, mixed: {len(report.mixing)}")
    unplaced = [result for result in results if result.unplaced_qty]
    for result in unplaced[:10]:
        print(f"  product {result.line.product_id}: {result.message}")
    if len(unplaced) > 10:
        print(f"  ... and {len(unplaced) - 10} more")
    return 0 if not report.separation else 1


if __name__ == "__main__":
    sys.exit(main())
