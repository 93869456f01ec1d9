"""Check the router against SPRP instances with proven optimal tour lengths.

Instances: Hessler and Irnich (2023), GitHub katrinhessler/SPRP-SS, MIT licence.
Layout conventions are those of /work/shared/data/sprp/README.md.

Usage, from the repository root::

    python tests/bench/sprp.py --index INDEX_CSV [--two-block] INSTANCE_FILE...

Prints ``<file> <our length> <optimum>`` per instance, then
``n=<count> mean_ratio=<x> max_ratio=<y>``.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

import bench_common  # noqa: F401 (first: makes the addons' pure packages importable)
from alltricks_picking.routing import shortest_tour, walked_length
from alltricks_slotting.layout.geometry import Depot, WarehouseGeometry

MIDDLE_AISLE_WIDTH = 1.0


def read_instance(path: Path) -> tuple[dict[str, str], list[tuple[int, int]]]:
    """Header values and the (aisle, cell) of every ordered article."""
    header: dict[str, str] = {}
    storage: dict[int, tuple[int, int]] = {}
    ordered: list[int] = []
    section = None
    for line in path.read_text(encoding="latin-1").splitlines():
        words = line.split()
        if line.endswith("_SECTION"):
            section = line.strip()
        elif " : " in line:
            key, value = line.split(" : ", 1)
            header.setdefault(key.strip(), value.strip())
        elif words and words[0] == "ID" and section == "SKU_SECTION":
            storage[int(words[1])] = (int(words[3]), int(words[5]))
        elif words and words[0] == "ID" and section == "ORDER_SECTION":
            if int(words[3]) > 0:
                ordered.append(int(words[1]))
    return header, [storage[article] for article in ordered]


def build_layout(header: dict[str, str], two_block: bool):
    """The geometry of an instance and a function from cell number to depth."""
    cells = int(header["NUM_CELLS"])
    step = float(header["DISTANCE_CELL_TO_CELL"])
    top = float(header["DISTANCE_TOP_TO_CELL"])
    bottom = float(header["DISTANCE_BOTTOM_TO_CELL"])
    half = cells // 2
    shift = step + MIDDLE_AISLE_WIDTH if two_block else step

    def depth(cell: int) -> float:
        if two_block and cell >= half:
            return top + (cell - 1) * step + shift
        return top + cell * step

    back = depth(cells - 1) + bottom
    middle = (top + (half - 1) * step + (shift / 2),) if two_block else ()
    spacing = float(header["DISTANCE_AISLE_TO_AISLE"])
    depot = Depot(
        aisle=int(header["DEPOT_AISLE"]),
        y=back if header["DEPOT_LOCATION"] == "bottom" else 0.0,
        offset=float(header["DISTANCE_TOP_OR_BOTTOM_TO_DEPOT"]),
    )
    geometry = WarehouseGeometry(
        aisle_x=tuple(spacing * a for a in range(int(header["NUM_AISLES"]))),
        cross_aisle_y=(0.0, *middle, back),
        depot=depot,
    )
    return geometry, depth


def route_instance(path: Path, two_block: bool) -> float:
    """Our tour length for one instance file, checked against its visiting order."""
    header, picks = read_instance(path)
    geometry, depth = build_layout(header, two_block)
    points = [(a, depth(c)) for a, c in picks]
    tour = shortest_tour(geometry, points)
    walked = walked_length(geometry, points, tour.order)
    if (
        sorted(tour.order) != list(range(len(points)))
        or abs(walked - tour.length) > 1e-6
    ):
        raise SystemExit(f"{path.name}: order walks {walked}, not {tour.length}")
    return tour.length


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.3f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--index", required=True, type=Path, help="index.csv")
    parser.add_argument("--two-block", action="store_true")
    parser.add_argument("instances", nargs="+", type=Path)
    args = parser.parse_args(argv)
    column = "opt_two_block" if args.two_block else "opt_single_block"
    with args.index.open(newline="", encoding="latin-1") as handle:
        optimum = {
            row["filename"]: float(row[column]) for row in csv.DictReader(handle)
        }

    ratios = []
    for path in args.instances:
        ours, best = route_instance(path, args.two_block), optimum[path.name]
        ratios.append(ours / best)
        print(f"{path.name} {_number(ours)} {_number(best)}")
    mean = sum(ratios) / len(ratios)
    print(f"n={len(ratios)} mean_ratio={mean:.3f} max_ratio={max(ratios):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
