"""A small, consistent copy of the AdventureWorks files, for tests.

The demo loader of alltricks_catalog reads a folder of AdventureWorks files;
:func:`write_subset` writes one holding only some products (their inventory,
their DW keys and the web orders made only of them) and every category,
subcategory and model, so the loader's cross-checks pass. O(rows).
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

BIKE_SUBCATEGORY_KEYS = {"1", "2", "3"}
SHARED_FILES = ("ProductCategory.csv", "ProductSubcategory.csv", "ProductModel.csv")


def _dw_rows(path):
    with Path(path).open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        return header, [row for row in reader if row]


def choose_products(source, parts=20, bikes=2):
    """Codes of ``bikes`` bikes and about ``parts`` parts sold together lately.

    Web orders are read newest first; an order brings its products in while
    there is room for them, so the subset keeps real baskets.
    """
    source = Path(source)
    header, products = _dw_rows(source / "dw" / "DimProduct.csv")
    key_at, code_at = header.index("ProductKey"), header.index("ProductAlternateKey")
    sub_at = header.index("ProductSubcategoryKey")
    code_of = {row[key_at]: row[code_at] for row in products}
    bike_codes = {
        row[code_at] for row in products if row[sub_at] in BIKE_SUBCATEGORY_KEYS
    }
    header, sales = _dw_rows(source / "dw" / "FactInternetSales.csv")
    number_at, product_at = header.index("SalesOrderNumber"), header.index("ProductKey")
    date_at = header.index("OrderDate")
    orders = {}
    for row in sales:
        orders.setdefault((row[date_at], row[number_at]), set()).add(
            code_of[row[product_at]]
        )
    chosen_bikes, chosen_parts = set(), set()
    for key in sorted(orders, reverse=True):
        codes = orders[key]
        new_bikes = codes & bike_codes - chosen_bikes
        new_parts = codes - bike_codes - chosen_parts
        if (
            len(chosen_bikes | new_bikes) <= bikes
            and len(chosen_parts | new_parts) <= parts
        ):
            chosen_bikes |= new_bikes
            chosen_parts |= new_parts
        if len(chosen_bikes) >= bikes and len(chosen_parts) >= parts:
            break
    return sorted(chosen_bikes | chosen_parts)


def write_subset(source, target, codes):
    """Write the AdventureWorks files of products ``codes`` into ``target``."""
    source, target = Path(source), Path(target)
    (target / "dw").mkdir(parents=True, exist_ok=True)
    for name in SHARED_FILES:
        shutil.copyfile(source / name, target / name)
    wanted = set(codes)
    ids = set()
    with (source / "Product.csv").open(encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.reader(handle, delimiter="\t") if row]
    kept = [row for row in rows if row[2].strip() in wanted]
    ids = {row[0].strip() for row in kept}
    _write_tab(target / "Product.csv", kept)
    with (source / "ProductInventory.csv").open(encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.reader(handle, delimiter="\t") if row]
    _write_tab(
        target / "ProductInventory.csv", [r for r in rows if r[1].strip() in ids]
    )
    header, products = _dw_rows(source / "dw" / "DimProduct.csv")
    code_at, key_at = header.index("ProductAlternateKey"), header.index("ProductKey")
    products = [row for row in products if row[code_at] in wanted]
    keys = {row[key_at] for row in products}
    _write_csv(target / "dw" / "DimProduct.csv", header, products)
    header, sales = _dw_rows(source / "dw" / "FactInternetSales.csv")
    number_at, product_at = header.index("SalesOrderNumber"), header.index("ProductKey")
    outside = {row[number_at] for row in sales if row[product_at] not in keys}
    _write_csv(
        target / "dw" / "FactInternetSales.csv",
        header,
        [row for row in sales if row[number_at] not in outside],
    )
    return target


def _write_tab(path, rows):
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter="\t", lineterminator="\n").writerows(rows)


def _write_csv(path, header, rows):
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
