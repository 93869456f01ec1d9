"""Time the router on random pick lists in a warehouse shaped like ours.

Usage, from the repository root::

    python tests/bench/routing_speed.py [--runs 200] [--seed 0]

Layout: 30 aisles 3 m apart, 40 m deep, depot at the front of aisle 0 with a 2 m
walk into the packing area; once as one block, once with a middle cross aisle at
20 m. Stops are drawn uniformly on 0.5 m bay positions. Prints p50 and p95 of
the time per call, in milliseconds, for 20, 50 and 100 stops: wall clock, and CPU
time of this process (steadier on a busy machine; the load average is printed).
The verdict compares the wall-clock p95 with the target.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time

import bench_common  # noqa: F401 (first: makes the addons' pure packages importable)
from alltricks_picking.routing import shortest_tour
from alltricks_slotting.layout.geometry import WarehouseGeometry

TARGET_P95_MS = {20: 20.0, 50: 50.0, 100: 100.0}


def random_stops(rng: random.Random, geometry, count: int) -> list[tuple[int, float]]:
    """``count`` stops on bay positions every 0.5 m, away from the cross aisles."""
    length = geometry.aisle_length
    bays = [0.5 * i for i in range(2, int(length * 2) - 1)]
    return [
        (rng.randrange(geometry.num_aisles), rng.choice(bays)) for _ in range(count)
    ]


def time_calls(geometry, count: int, runs: int, rng: random.Random):
    """Wall and CPU milliseconds per ``shortest_tour`` call on random pick lists."""
    wall, cpu = [], []
    for _ in range(runs):
        stops = random_stops(rng, geometry, count)
        start, start_cpu = time.perf_counter(), time.process_time()
        shortest_tour(geometry, stops)
        cpu.append((time.process_time() - start_cpu) * 1000.0)
        wall.append((time.perf_counter() - start) * 1000.0)
    return wall, cpu


def _p50_p95(timings: list[float]) -> tuple[float, float]:
    cuts = statistics.quantiles(timings, n=20)
    return cuts[9], cuts[18]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    layouts = {
        "one-block": WarehouseGeometry.uniform(30, 3.0, 40.0, depot_offset=2.0),
        "two-block": WarehouseGeometry.uniform(
            30, 3.0, 40.0, (20.0,), depot_offset=2.0
        ),
    }

    print(f"load average (1 min): {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    rng = random.Random(args.seed)
    for name, geometry in layouts.items():
        shortest_tour(geometry, random_stops(rng, geometry, 5))  # warm the caches
        for count, target in TARGET_P95_MS.items():
            wall, cpu = time_calls(geometry, count, args.runs, rng)
            (wall50, wall95), (cpu50, cpu95) = _p50_p95(wall), _p50_p95(cpu)
            verdict = "ok" if wall95 <= target else "SLOW"
            print(
                f"{name} stops={count} runs={args.runs} "
                f"wall p50={wall50:.2f}ms p95={wall95:.2f}ms "
                f"cpu p50={cpu50:.2f}ms p95={cpu95:.2f}ms "
                f"target_p95={target:.0f}ms {verdict}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
