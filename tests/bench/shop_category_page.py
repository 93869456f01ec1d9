"""Time the web shop category page with and without the shelf-stock overrides.

Usage, with Odoo's Python, on a database where alltricks_catalog is installed::

    PYTHONPATH=/opt/odoo19 /opt/odoo19-venv/bin/python \
        tests/bench/shop_category_page.py -d DB [--products 20000]
        [--requests 40] [--port 8079]

Steps:

1. makes sure DB holds ``--products`` validated, published, storable products in
   the public category "Bench shelf", each with 5 units in a shelf bin (created once,
   in batches, then reused);
2. starts an Odoo server on ``--port`` (one process, no cron) and waits for it;
3. times ``--requests`` anonymous GETs of ``/shop/category/<id>`` (after 3 warm-up
   requests) twice: with our overrides (shelf quantity read from sellable quants)
   and with the core stock check (``alltricks_catalog.bench_core_stock_check``
   system parameter set, which makes ``website._get_product_available_qty`` fall
   back to website_sale_stock's ``free_qty``);
4. prints median and p95 per mode, then stops the server.

Requests go to 127.0.0.1 only. Figures depend on the machine: compare the two
lines, not absolute numbers.
"""

import argparse
import statistics
import subprocess
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
ADDONS = f"{REPO / 'addons'},{REPO / '.oca' / 'odoo' / 'addons'}"
CATEGORY = "Bench shelf"
PARAM = "alltricks_catalog.bench_core_stock_check"
BATCH = 500


def _env(registry, cr):
    from odoo import SUPERUSER_ID, api

    return api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})


def ensure_products(registry, count):
    """Create the missing bench products; return the public category id."""
    with registry.cursor() as cr:
        env = _env(registry, cr)
        category = env["product.public.category"].search(
            [("name", "=", CATEGORY)], limit=1
        ) or env["product.public.category"].create({"name": CATEGORY})
        warehouse = env["stock.warehouse"].search([], limit=1)
        shelf = env["stock.location"].search(
            [("name", "=", "BENCH-01"), ("slot_rack_type", "=", "shelf")], limit=1
        ) or env["stock.location"].create(
            {
                "name": "BENCH-01",
                "location_id": warehouse.lot_stock_id.id,
                "slot_rack_type": "shelf",
            }
        )
        category_id = category.id
    existing = _count(registry, category_id)
    while existing < count:
        size = min(BATCH, count - existing)
        with registry.cursor() as cr:
            _create_batch(_env(registry, cr), category_id, shelf.id, existing, size)
        existing += size
        print(f"  {existing}/{count} products", flush=True)
    return category_id


def _count(registry, category_id):
    with registry.cursor() as cr:
        return _env(registry, cr)["product.template"].search_count(
            [("public_categ_ids", "in", category_id)]
        )


def _create_batch(env, category_id, shelf_id, start, size):
    templates = (
        env["product.template"]
        .with_context(alltricks_catalog_import=True)
        .create(
            [
                {
                    "name": f"Bench part {start + index:06d}",
                    "type": "consu",
                    "is_storable": True,
                    "list_price": 10.0 + index % 90,
                    "sheet_state": "validated",
                    "public_categ_ids": [(4, category_id)],
                }
                for index in range(size)
            ]
        )
    )
    shelf = env["stock.location"].browse(shelf_id)
    for product in templates.product_variant_id:
        env["stock.quant"]._update_available_quantity(product, shelf, 5)


def set_core_mode(registry, core):
    with registry.cursor() as cr:
        _env(registry, cr)["ir.config_parameter"].set_param(PARAM, "1" if core else "")


def start_server(db, port):
    server = subprocess.Popen(
        [
            "odoo",
            "-d",
            db,
            f"--db-filter=^{db}$",
            f"--addons-path={ADDONS}",
            f"--http-port={port}",
            "--http-interface=127.0.0.1",
            "--max-cron-threads=0",
            "--log-level=warn",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/web/health", timeout=5)
            return server
        except OSError:
            time.sleep(1)
    server.terminate()
    raise SystemExit("The Odoo server did not answer within 120 s.")


def time_page(url, requests):
    for _warm_up in range(3):
        urllib.request.urlopen(url, timeout=120).read()
    timings = []
    for _request in range(requests):
        start = time.perf_counter()
        urllib.request.urlopen(url, timeout=120).read()
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    p95 = timings[max(0, round(0.95 * len(timings)) - 1)]
    return statistics.median(timings), p95


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--products", type=int, default=20000)
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--port", type=int, default=8079)
    args = parser.parse_args()

    import odoo
    from odoo.modules.registry import Registry

    odoo.tools.config.parse_config(["--addons-path", ADDONS])
    registry = Registry(args.database)
    category_id = ensure_products(registry, args.products)
    url = f"http://127.0.0.1:{args.port}/shop/category/{category_id}"
    server = start_server(args.database, args.port)
    try:
        for label, core in (("alltricks shelf check", False), ("core free_qty", True)):
            set_core_mode(registry, core)
            median, p95 = time_page(url, args.requests)
            print(f"{label:22} median {median:7.1f} ms   p95 {p95:7.1f} ms")
    finally:
        set_core_mode(registry, False)
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
