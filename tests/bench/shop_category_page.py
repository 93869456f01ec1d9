"""Time the web shop category page with our addons against the same page without.

Usage, with Odoo's Python (an ``odoo`` command on PATH, PostgreSQL as for the
tests)::

    PYTHONPATH=/opt/odoo19 /opt/odoo19-venv/bin/python \
        tests/bench/shop_category_page.py [--products 20000] [--requests 40]
        [--addons alltricks_catalog,...] [--keep-db | --reuse OURS,CORE]

Steps:

1. clones the template database of ``tests/run_tests.py`` (the Odoo and OCA
   modules our addons depend on, no demo data; built first if missing) twice:
   one copy stays without our addons, the other gets ``--addons`` installed (all
   of ours by default);
2. creates, in each, ``--products`` storable products in the public category
   "Bench shelf", each with 5 units in a bin of the warehouse and no sale out of
   stock. With our addons the sheets are validated and the quants publish the
   products; without them the products are published when created;
3. runs ``VACUUM FULL ANALYZE`` on both, starts one Odoo server per database (no
   cron), checks that both pages list bench products, and times ``--requests``
   anonymous GETs of ``/shop/category/<id>`` on each, after 3 warm-up requests,
   alternating the two servers request by request so that the load of other
   processes on the machine weighs on both alike;
4. prints the median and p95 of each, the ratio of the medians and the load
   average, then stops the servers and drops both databases (unless
   ``--keep-db``; ``--reuse`` times kept databases again, with the code of the
   working tree).

Setting up 20,000 products takes 10 to 40 minutes on the shared 2-core machine.

Requests go to 127.0.0.1 only. Figures depend on the machine: compare the two
lines, not absolute numbers.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tests"))

import run_tests  # noqa: E402  (the test command's database helpers)

ADDONS = f"{REPO / 'addons'},{REPO / '.oca' / 'odoo' / 'addons'}"
CATEGORY = "Bench shelf"
BATCH = 500
UNITS = 5


def _env(cr):
    from odoo import SUPERUSER_ID, api

    return api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})


def prepare_databases(args, names):
    """Clone the dependency template into ``names`` and install our addons."""
    version = subprocess.run(
        ["odoo", "--version"], capture_output=True, text=True, check=True
    ).stdout.strip()
    run_tests.install_oca()
    template = run_tests.template_db(False, version)
    for name in names.values():
        run_tests.drop_db(name)
        run_tests.clone_db(template, name)
    log = Path(tempfile.gettempdir()) / f"{names['ours']}.log"
    if run_tests.odoo(names["ours"], log, "-i", args.addons):
        raise SystemExit(f"Installing {args.addons} failed (log: {log}).")


def create_products(registry, count):
    """Create ``count`` shelved products; return the public category id."""
    with registry.cursor() as cr:
        env = _env(cr)
        category = env["product.public.category"].create({"name": CATEGORY})
        warehouse = env["stock.warehouse"].search([], limit=1)
        location_vals = {"name": "BENCH-01", "location_id": warehouse.lot_stock_id.id}
        if "slot_rack_type" in env["stock.location"]._fields:
            location_vals["slot_rack_type"] = "shelf"
        shelf_id = env["stock.location"].create(location_vals).id
        category_id = category.id
    for start in range(0, count, BATCH):
        with registry.cursor() as cr:
            size = min(BATCH, count - start)
            _create_batch(_env(cr), category_id, shelf_id, start, size)
    with registry.cursor() as cr:
        published = _env(cr)["product.template"].search_count(
            [("public_categ_ids", "in", category_id), ("is_published", "=", True)]
        )
    if published != count:
        raise SystemExit(f"{registry.db_name}: {published} of {count} published.")
    return category_id


def _find_category(registry, count):
    with registry.cursor() as cr:
        env = _env(cr)
        category = env["product.public.category"].search([("name", "=", CATEGORY)])
        published = env["product.template"].search_count(
            [("public_categ_ids", "in", category.ids), ("is_published", "=", True)]
        )
    if published != count:
        raise SystemExit(f"{registry.db_name}: {published} published, not {count}.")
    return category.id


def _create_batch(env, category_id, shelf_id, start, size):
    ours = "sheet_state" in env["product.template"]._fields
    # With our addons the shelf stock publishes a validated sheet; without them
    # the product is published by hand, as a shop manager would.
    extra = {"sheet_state": "validated"} if ours else {"is_published": True}
    templates = (
        env["product.template"]
        .with_context(alltricks_catalog_import=True)
        .create(
            [
                {
                    "name": f"Bench part {start + index:06d}",
                    "type": "consu",
                    "is_storable": True,
                    "allow_out_of_stock_order": False,
                    "list_price": 10.0 + index % 90,
                    "public_categ_ids": [(4, category_id)],
                    **extra,
                }
                for index in range(size)
            ]
        )
    )
    shelf = env["stock.location"].browse(shelf_id)
    for product in templates.product_variant_id:
        env["stock.quant"]._update_available_quantity(product, shelf, UNITS)


def start_server(db, port):
    server = subprocess.Popen(
        [
            "odoo",
            "-d",
            db,
            f"--db-filter=^{db}$",
            f"--addons-path={ADDONS}",
            f"--data-dir={run_tests.DATA_DIR}",
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
    raise SystemExit(f"The Odoo server of {db} did not answer within 120 s.")


def _get(url):
    start = time.perf_counter()
    with urllib.request.urlopen(url, timeout=120) as response:
        body = response.read()
    return (time.perf_counter() - start) * 1000, body


def time_pages(urls, requests):
    """Return {label: sorted timings in ms}, the servers taking turns."""
    for label, url in urls.items():
        for _warm_up in range(3):
            _elapsed, body = _get(url)
        # Both pages must list bench products: an error page would time nothing.
        shown = body.count(b"Bench part ")
        if not shown:
            raise SystemExit(f"The page {label} lists no bench product: {url}")
        print(f"{label}: {shown} mentions of bench products on the page")
    timings = {label: [] for label in urls}
    for _request in range(requests):
        for label, url in urls.items():
            elapsed, _body = _get(url)
            timings[label].append(elapsed)
    return {label: sorted(values) for label, values in timings.items()}


def _p95(values):
    return values[max(0, round(0.95 * len(values)) - 1)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--products", type=int, default=20000)
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument(
        "--addons",
        default=",".join(run_tests.our_addons()),
        help="comma-separated addons installed in the 'with' database",
    )
    parser.add_argument("--keep-db", action="store_true")
    parser.add_argument(
        "--reuse",
        metavar="OURS,CORE",
        help="time the databases kept by an earlier --keep-db run (kept again)",
    )
    args = parser.parse_args()

    import odoo
    from odoo.modules.registry import Registry

    suffix = os.getpid()
    names = {"ours": f"alltricks_bench_ours_{suffix}"}
    names["core"] = f"alltricks_bench_core_{suffix}"
    if args.reuse:
        names = dict(zip(("ours", "core"), args.reuse.split(","), strict=True))
        args.keep_db = True
    labels = {"ours": "with our addons", "core": "without"}
    servers = []
    try:
        started = time.monotonic()
        if not args.reuse:
            prepare_databases(args, names)
        odoo.tools.config.parse_config(
            ["--addons-path", ADDONS, "--data-dir", str(run_tests.DATA_DIR)]
        )
        urls = {}
        for key, name in names.items():
            registry = Registry(name)
            category_id = (
                _find_category(registry, args.products)
                if args.reuse
                else create_products(registry, args.products)
            )
            print(f"{name}: {args.products} products", flush=True)
            # A bulk load leaves dead rows and no planner statistics, ours more
            # (publication rewrites each new template): time both databases
            # with compact tables and fresh statistics.
            run_tests.run(["psql", "-X", "-q", "-d", name, "-c", "VACUUM FULL ANALYZE"])
            port = run_tests.free_port()
            servers.append(start_server(name, port))
            urls[labels[key]] = f"http://127.0.0.1:{port}/shop/category/{category_id}"
        print(f"set-up {time.monotonic() - started:.0f} s", flush=True)
        timings = time_pages(urls, args.requests)
        load = os.getloadavg()
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=30)
        if not args.keep_db:
            for name in names.values():
                run_tests.drop_db(name)
        else:
            print("databases kept: --reuse {ours},{core}".format(**names))

    medians = {label: statistics.median(values) for label, values in timings.items()}
    print(f"{args.products} published products, {args.requests} requests each")
    for label, values in timings.items():
        print(
            f"{label:16} median {medians[label]:7.1f} ms   p95 {_p95(values):7.1f} ms"
        )
    ratio = medians["with our addons"] / medians["without"]
    print(f"median ratio {ratio:.3f} (target <= 1.10)")
    print("load average {:.2f} {:.2f} {:.2f}".format(*load))


if __name__ == "__main__":
    main()
