"""Putaway of a 500-line receipt into a 20,000-bin layout, end to end in Odoo.

Run as an Odoo shell script on a database where ``alltricks_slotting`` is
installed (a throwaway one: the layout is kept for the next runs, the rest is
rolled back)::

    odoo shell -d DB --addons-path=addons,.oca/odoo/addons --no-http \\
        < tests/bench/putaway_odoo.py

The first run generates warehouse ``BNCH`` with the layout wizard (20,000 bins,
a few minutes) and commits it. Each run then creates 1,500 products (sizes of a
few templates, look-alike groups, bulky wheels, ABC classes), stocks 3,000 bins,
and confirms:

1. one receipt of 500 lines with our putaway (the engine, one call for the
   whole receipt);
2. a receipt of its first ``BENCH_CLOSEST_LINES`` lines (environment variable,
   default 20, 0 to skip) with our putaway, then the same receipt with Odoo's
   ``closest_location`` putaway rule on WH/Stock, every bin in its storage
   category (new products only in empty bins), our override off through the
   ``slot_putaway_disabled`` context key. Odoo's rule reads the bins one by one
   for each line, so a full 500-line receipt would take hours.

Printed: seconds of the whole confirmation (Odoo's reservation of the moves,
the putaway, the writes) and of the putaway step alone (time inside
``stock.move.line._apply_putaway_strategy``), lines placed in bins or left in
WH/Stock, and look-alike separation violations after each (the engine's audit).
Target: our putaway step <= 2 s for 500 lines, and not slower than
``closest_location`` on the same receipt. ``BENCH_PROFILE=1`` prints a profile
of each putaway step; with ``--log-handler
odoo.addons.alltricks_slotting.models.stock_move_line:DEBUG`` the log also
splits our step into planning (engine included) and writing.

Measured on the team machine (2 shared cores): the first engine of a server,
reading and indexing the 20,000 bins, 1.2 s (2.8 s with another Odoo run going
on); then our putaway step for 500 lines 0.48 s (1.06 s loaded; it was 2.5 s
before the layout index was kept and the bins written in one query), 5.0 s for
the whole confirmation. Same 20 lines: ours 0.85 s, Odoo's ``closest_location``
1,336 s, and it left all 20 lines in WH/Stock.
"""

import cProfile
import os
import pstats
import random
import time

from odoo.fields import Command

CODE = "BNCH"
LINES = 500
STOCKED_BINS = 3000
# lines of the receipt that both putaways place (Odoo's is slow: see above)
CLOSEST_LINES = int(os.environ.get("BENCH_CLOSEST_LINES", "20"))
# code, kind, aisles, levels, bins per level, depth cm, level height cm, max kg
ZONES = (
    ("A", "shelf", 10, 5, 4, 40.0, 40.0, 15.0),
    ("B", "shelf", 10, 5, 3, 60.0, 50.0, 30.0),
    ("C", "shelf", 10, 4, 2, 80.0, 60.0, 60.0),
    ("R", "bulky", 7, 5, 2, 120.0, 180.0, 150.0),
)


def get_warehouse(env):
    warehouse = env["stock.warehouse"].search([("code", "=", CODE)], limit=1)
    if warehouse:
        return warehouse
    warehouse = env["stock.warehouse"].create({"name": "Bench putaway", "code": CODE})
    zones = [
        Command.create(
            {
                "code": code,
                "kind": kind,
                "aisles": aisles,
                "levels": levels,
                "bins_per_level": per_level,
                "bin_depth_cm": depth,
                "level_height_cm": height,
                "max_weight_kg": weight,
            }
        )
        for code, kind, aisles, levels, per_level, depth, height, weight in ZONES
    ]
    started = time.perf_counter()
    wizard = env["alltricks.layout.generator"].create(
        {"warehouse_id": warehouse.id, "bays_per_side": 20, "zone_ids": zones}
    )
    wizard.action_generate()
    env.cr.commit()
    print(f"Layout generated in {time.perf_counter() - started:.0f} s")
    return warehouse


def create_products(env, rng):
    """500 receipt products and 1,000 already stocked ones."""
    wheels = env["product.category"].create(
        {"name": "Bench wheels", "slot_bulky": True}
    )
    parts = env["product.category"].create({"name": "Bench parts"})
    vals = []
    for k in range(LINES + 1000):
        bulky = k % 25 == 0
        size = (rng.uniform(5, 25), rng.uniform(5, 20), rng.uniform(2, 15))
        vals.append(
            {
                "name": f"Bench part {k:04d}",
                "is_storable": True,
                "weight": 2.5 if bulky else round(rng.uniform(0.05, 1.5), 2),
                "slot_length_cm": 70 if bulky else size[0],
                "slot_width_cm": 70 if bulky else size[1],
                "slot_height_cm": 10 if bulky else size[2],
                "categ_id": wheels.id if bulky else parts.id,
            }
        )
    products = env["product.product"].create(vals)
    for velocity, share in (("A", 0.2), ("B", 0.3)):
        chosen = rng.sample(products.ids, int(len(products) * share))
        env["product.product"].browse(chosen).write({"slot_velocity_class": velocity})
    # look-alikes: groups of 5 products of the receipt
    receipt = products[:LINES]
    env["alltricks.lookalike.group"].create(
        [
            {
                "name": f"Bench look-alikes {k}",
                "product_ids": [Command.set(receipt[k : k + 5].ids)],
            }
            for k in range(0, LINES, 50)
        ]
    )
    return receipt, products[LINES:]


def stock_bins(env, warehouse, stocked, rng):
    bins = env["stock.location"].search(
        [("warehouse_id", "=", warehouse.id), ("slot_rack_type", "=", "shelf")]
    )
    Quant = env["stock.quant"]
    for location in rng.sample(list(bins), STOCKED_BINS):
        Quant._update_available_quantity(rng.choice(stocked), location, 2)


def timed_putaway(env):
    """Wrap ``_apply_putaway_strategy`` to add up the seconds spent in it."""
    spent = [0.0]
    model = type(env["stock.move.line"])
    original = model._apply_putaway_strategy

    def wrapper(self):
        if self.env.context.get("bench_inside"):
            return original(self)
        profile = cProfile.Profile() if os.environ.get("BENCH_PROFILE") else None
        started = time.perf_counter()
        if profile:
            profile.enable()
        result = original(self.with_context(bench_inside=True))
        spent[0] += time.perf_counter() - started
        if profile:
            profile.disable()
            pstats.Stats(profile).sort_stats("cumulative").print_stats(30)
        return result

    model._apply_putaway_strategy = wrapper
    return spent, original


def receive(env, warehouse, products, rng, context):
    picking_type = warehouse.in_type_id
    supplier = env.ref("stock.stock_location_suppliers")
    moves = [
        Command.create(
            {
                "product_id": product.id,
                "product_uom_qty": rng.randint(1, 12),
                "location_id": supplier.id,
                "location_dest_id": warehouse.lot_stock_id.id,
            }
        )
        for product in products
    ]
    picking = env["stock.picking"].create(
        {
            "picking_type_id": picking_type.id,
            "location_id": supplier.id,
            "location_dest_id": warehouse.lot_stock_id.id,
            "move_ids": moves,
        }
    )
    env.flush_all()
    started = time.perf_counter()
    spent, original = timed_putaway(env)
    try:
        picking.with_context(**context).action_confirm()
        env.flush_all()
    finally:
        type(env["stock.move.line"])._apply_putaway_strategy = original
    return picking, (time.perf_counter() - started, spent[0])


def report(env, warehouse, label, picking, timing):
    lines = picking.move_line_ids
    in_bins = lines.filtered("location_dest_id.slot_rack_type")
    engine, _data = warehouse._get_slot_putaway_engine(
        warehouse.lot_stock_id, env["product.product"]
    )
    print(
        f"{label:24} confirm {timing[0]:6.2f} s, putaway step {timing[1]:5.2f} s; "
        f"{len(picking.move_ids)} moves, "
        f"{len(lines)} move lines, {len(in_bins)} in bins, "
        f"{len(lines - in_bins)} left in WH/Stock, "
        f"{len(engine.audit().separation)} look-alike violations"
    )


def main(env):
    rng = random.Random(11)
    warehouse = get_warehouse(env)
    bins = env["stock.location"].search_count(
        [("warehouse_id", "=", warehouse.id), ("slot_rack_type", "!=", False)]
    )
    receipt, stocked = create_products(env, rng)
    stock_bins(env, warehouse, stocked, rng)
    print(f"{bins} bins, {STOCKED_BINS} stocked, receipt of {len(receipt)} lines")

    started = time.perf_counter()
    warehouse._get_slot_putaway_engine(warehouse.lot_stock_id, receipt)
    print(f"engine build alone      {time.perf_counter() - started:6.2f} s")

    picking, timing = receive(env, warehouse, receipt, random.Random(5), {})
    report(env, warehouse, "our putaway", picking, timing)
    picking.action_cancel()

    if not CLOSEST_LINES:
        env.cr.rollback()
        return
    # the same first lines with both putaways: Odoo's reads every bin per line
    sample = receipt[:CLOSEST_LINES]
    picking, timing = receive(env, warehouse, sample, random.Random(5), {})
    report(env, warehouse, f"ours, {len(sample)} lines", picking, timing)
    picking.action_cancel()

    # 19.0's closest_location only looks at bins of the rule's storage category
    category = env["stock.storage.category"].create(
        {"name": "Bench bins", "allow_new_product": "empty"}
    )
    env["stock.location"].search(
        [("warehouse_id", "=", warehouse.id), ("slot_rack_type", "!=", False)]
    ).write({"storage_category_id": category.id})
    env["stock.putaway.rule"].create(
        {
            "location_in_id": warehouse.lot_stock_id.id,
            "location_out_id": warehouse.lot_stock_id.id,
            "sublocation": "closest_location",
            "storage_category_id": category.id,
        }
    )
    context = {"slot_putaway_disabled": True}
    picking, timing = receive(env, warehouse, sample, random.Random(5), context)
    report(env, warehouse, f"closest_location, {len(sample)}", picking, timing)
    env.cr.rollback()


main(env)  # noqa: F821 - ``env`` is given by odoo shell
