"""What the pure-Python benchmarks share: importing the addons' algorithm
packages without Odoo, the demo floor as the layout wizard generates it, and the
AdventureWorks online orders.

The benchmarks are run as scripts (``python tests/bench/<name>.py``), so this
folder is on ``sys.path`` and ``import bench_common`` finds this module.
"""

from __future__ import annotations

import ast
import csv
import sys
import types
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
ADDONS = REPO / "addons"
DEFAULT_DATA = REPO.parent / "shared" / "data"
# AdventureWorks product subcategories of complete bikes (mountain, road, touring)
BIKE_SUBCATEGORIES = {"1", "2", "3"}


def register_addons() -> None:
    """Make ``alltricks_*`` importable without running their Odoo ``__init__``:
    each addon folder becomes an empty package, so only its pure sub-packages
    (routing, batching, layout, putaway...) are executed when imported."""
    for addon_dir in sorted(ADDONS.glob("alltricks_*")):
        if addon_dir.name not in sys.modules:
            package = types.ModuleType(addon_dir.name)
            package.__path__ = [str(addon_dir)]
            sys.modules[addon_dir.name] = package


register_addons()

from alltricks_slotting.layout.geometry import Depot, WarehouseGeometry  # noqa: E402
from alltricks_slotting.layout.grid import LayoutSpec, ZoneSpec  # noqa: E402


def default_zones():
    """``DEFAULT_ZONES`` of the layout wizard, read from its source (the wizard
    module imports Odoo): code, kind, aisles, levels, bins per level, bin depth,
    level height, max kg."""
    path = ADDONS / "alltricks_slotting/wizards/alltricks_layout_generator.py"
    for node in ast.parse(path.read_text()).body:
        if isinstance(node, ast.Assign) and node.targets[0].id == "DEFAULT_ZONES":
            return ast.literal_eval(node.value)
    raise SystemExit(f"DEFAULT_ZONES not found in {path}")


def demo_floor(middle_aisle: bool = False):
    """The demo floor as the wizard generates it: its ``LayoutSpec`` and its
    ``WarehouseGeometry``, packing area at the front of the aisle nearest the
    middle of the front wall."""
    spec = LayoutSpec(
        zones=tuple(
            ZoneSpec(code, aisles, levels, per_level, kind, depth, height, weight)
            for code, kind, aisles, levels, per_level, depth, height, weight in (
                default_zones()
            )
        ),
        middle_cross_aisle=middle_aisle,
    )
    aisle_x = [spec.aisle_x(i) for i in range(spec.aisle_count)]
    depot_x = spec.depot_x()
    depot = min(range(len(aisle_x)), key=lambda i: (abs(aisle_x[i] - depot_x), i))
    geometry = WarehouseGeometry(
        aisle_x=tuple(aisle_x),
        cross_aisle_y=tuple(spec.cross_aisle_ys()),
        depot=Depot(depot, 0.0, 0.0),
    )
    return spec, geometry


def read_online_orders(data: Path):
    """AdventureWorks products and online orders from ``data`` (the shared data
    folder): ``(products, orders)``, products by ``ProductKey`` (their
    ``DimProduct.csv`` row), orders by ``SalesOrderNumber`` as
    ``{"day": OrderDate, "products": [ProductKey, ...]}`` (one unit a line)."""
    folder = data / "adventureworks" / "dw"
    for name in ("DimProduct.csv", "FactInternetSales.csv"):
        if not (folder / name).is_file():
            sys.exit(
                f"Missing {folder / name}: pass --data pointing to the shared data "
                "folder (the one holding adventureworks/dw/FactInternetSales.csv)."
            )
    with (folder / "DimProduct.csv").open(newline="") as handle:
        products = {row["ProductKey"]: row for row in csv.DictReader(handle)}
    orders: dict[str, dict] = {}
    with (folder / "FactInternetSales.csv").open(newline="") as handle:
        for row in csv.DictReader(handle):
            order = orders.setdefault(
                row["SalesOrderNumber"], {"day": row["OrderDate"], "products": []}
            )
            order["products"].append(row["ProductKey"])
    return products, orders
