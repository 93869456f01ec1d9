"""Odoo side of the putaway engine: bins, stock and products in, results out."""

import logging

from odoo import models
from odoo.tools import SQL

from ..putaway import Bin, BinContent, IncomingLine, PutawayEngine, family_keys
from ..putaway.layout_index import LayoutIndex

_logger = logging.getLogger(__name__)

# (database, location id) -> {signature, bins without stock, rack type by bin
# id, engine indexes by settings}. Reading and indexing 20,000 bins costs more
# than planning a receipt, and a layout seldom changes. The signature is read
# before each use: bin count, last change and row versions (``xmin``) of the
# bins and of the warehouse, so that a change of any transaction, including
# the current one or a savepoint rolled back, is seen. An index is rebuilt when
# its prime band no longer fits the stock.
_BIN_CACHE = {}


class StockWarehouse(models.Model):
    _inherit = "stock.warehouse"

    def _has_slot_layout(self):
        self.ensure_one()
        return self.slot_aisle_count > 0 and self.slot_bays_per_side > 0

    def _alltricks_plan_putaway(self, lines, location=None, exclude_move_lines=None):
        """Plan where ``lines`` go in the bins of this warehouse; nothing is written.

        ``lines`` are dicts ``{"product": product.product, "qty": units in the
        product UoM, "ref": anything echoed back, "incoming_date": optional}``.
        Bins are those under ``location`` (default: the stock location); stock on
        hand and the destinations of open move lines (except
        ``exclude_move_lines``) count as taken. Returns one engine
        ``LineResult`` per line, in order (see ``putaway/data.py``).
        """
        self.ensure_one()
        location = location or self.lot_stock_id
        products = self.env["product.product"].browse(
            [line["product"].id for line in lines]
        )
        engine, data = self._get_slot_putaway_engine(
            location, products, exclude_move_lines
        )
        incoming = [
            self._prepare_slot_incoming_line(line, data[line["product"].id])
            for line in lines
        ]
        return engine.plan(incoming)

    def _get_slot_putaway_engine(self, location, products, exclude_move_lines=None):
        """``(PutawayEngine, product data)`` for the bins under ``location``."""
        stock = self._get_slot_bin_stock(location, exclude_move_lines)
        all_products = products | self.env["product.product"].browse(
            list({product_id for _bin, product_id, *_rest in stock})
        )
        data = self._get_slot_product_data(all_products)
        previous = self._get_slot_previous_bins(
            location, products, stock, exclude_move_lines
        )
        for product_id, bin_id in previous.items():
            data[product_id]["previous_bin_id"] = bin_id

        contents = {}
        for bin_id, product_id, qty, in_date in stock:
            info = data[product_id]
            contents.setdefault(bin_id, []).append(
                BinContent(
                    product_id,
                    qty,
                    info["families"],
                    in_date,
                    info["volume"],
                    info["weight"],
                )
            )
        settings, weights = self._get_slot_putaway_settings()
        layout = self._get_slot_layout_index(location, settings, weights, contents)
        return PutawayEngine.from_layout(layout, contents), data

    def _get_slot_layout_index(self, location, settings, weights, contents):
        """The engine's index of the bins under ``location``, kept between calls
        while the bins, the settings and the prime band stay the same."""
        entry = self._get_slot_layout_entry(location)
        occupied = {}
        rack_of = entry["rack_of"]
        for bin_id, stock in contents.items():
            rack_type = rack_of.get(bin_id)
            if rack_type and any(content.qty > 0 for content in stock):
                occupied[rack_type] = occupied.get(rack_type, 0) + 1
        key = (settings, weights)
        layout = entry["indexes"].get(key)
        if layout is None or layout.bands_for(occupied) != layout.bands:
            layout = LayoutIndex(entry["bins"], settings, weights, occupied)
            # one index per settings, the latest prime band only
            entry["indexes"][key] = layout
        return layout

    def _get_slot_layout_entry(self, location):
        """Cache entry of ``location``: its bins, their rack types, kept indexes."""
        self.env["stock.location"].flush_model()
        self.flush_recordset()
        self.env.cr.execute(
            SQL(
                """SELECT COUNT(*), MAX(write_date), SUM(xmin::text::bigint),
                          (SELECT xmin::text FROM stock_warehouse WHERE id = %s)
                     FROM stock_location
                    WHERE active AND usage = 'internal'
                      AND slot_rack_type IS NOT NULL AND parent_path LIKE %s""",
                self.id,
                f"{location.parent_path}%",
            )
        )
        signature = self.env.cr.fetchone()
        key = (self.env.cr.dbname, location.id)
        cached = _BIN_CACHE.get(key)
        if cached and cached["signature"] == signature:
            return cached
        bins = self._prepare_slot_bins(self._get_slot_bin_rows(location), {})
        entry = {
            "signature": signature,
            "bins": bins,
            "rack_of": {bin_.id: bin_.rack_type for bin_ in bins},
            "indexes": {},
        }
        _BIN_CACHE[key] = entry
        return entry

    def _get_slot_bin_rows(self, location):
        self.env["stock.location"].flush_model()
        self.env.cr.execute(
            SQL(
                # float8 casts: numeric columns would come back as Decimal
                """SELECT id, name, slot_zone, slot_aisle_index, slot_side,
                          slot_depth_index, slot_level, slot_position,
                          slot_x::float8, slot_y::float8, slot_z::float8,
                          slot_width_cm::float8, slot_depth_cm::float8,
                          slot_height_cm::float8, slot_max_weight_kg::float8,
                          slot_capacity_units, slot_rack_type
                     FROM stock_location
                    WHERE active AND usage = 'internal'
                      AND slot_rack_type IS NOT NULL AND parent_path LIKE %s""",
                f"{location.parent_path}%",
            )
        )
        return self.env.cr.fetchall()

    def _get_slot_bin_stock(self, location, exclude_move_lines=None):
        """Stock on hand and promised to open move lines, per bin and product:
        ``[(bin, product, qty, date)]``."""
        self.env["stock.quant"].flush_model()
        self.env["stock.move.line"].flush_model()
        excluded = list(exclude_move_lines.ids) if exclude_move_lines else []
        self.env.cr.execute(
            SQL(
                """SELECT quant.location_id, quant.product_id,
                          SUM(quant.quantity)::float8, MAX(quant.in_date)
                     FROM stock_quant quant
                     JOIN stock_location bin ON bin.id = quant.location_id
                    WHERE bin.slot_rack_type IS NOT NULL
                      AND bin.parent_path LIKE %(path)s
                    GROUP BY quant.location_id, quant.product_id
                   HAVING SUM(quant.quantity) > 0
                UNION ALL
                   SELECT line.location_dest_id, line.product_id,
                          SUM(line.quantity_product_uom)::float8,
                          MAX(line.create_date)
                     FROM stock_move_line line
                     JOIN stock_location bin ON bin.id = line.location_dest_id
                    WHERE bin.slot_rack_type IS NOT NULL
                      AND bin.parent_path LIKE %(path)s
                      AND line.state NOT IN ('done', 'cancel')
                      AND NOT line.id = ANY(%(excluded)s)
                    GROUP BY line.location_dest_id, line.product_id
                   HAVING SUM(line.quantity_product_uom) > 0""",
                path=f"{location.parent_path}%",
                excluded=excluded,
            )
        )
        return self.env.cr.fetchall()

    def _get_slot_previous_bins(self, location, products, stock, exclude_move_lines):
        """``{product id: bin}``: the bin the latest move line of the product
        under ``location`` went to, when it still holds the product. Line ids,
        not dates, tell the latest: receipts of one second share their dates."""
        if not products:
            return {}
        excluded = list(exclude_move_lines.ids) if exclude_move_lines else []
        self.env.cr.execute(
            SQL(
                """SELECT DISTINCT ON (line.product_id)
                          line.product_id, line.location_dest_id
                     FROM stock_move_line line
                     JOIN stock_location bin ON bin.id = line.location_dest_id
                    WHERE line.product_id = ANY(%(products)s)
                      AND bin.slot_rack_type IS NOT NULL
                      AND bin.parent_path LIKE %(path)s
                      AND line.state != 'cancel'
                      AND NOT line.id = ANY(%(excluded)s)
                 ORDER BY line.product_id, line.id DESC""",
                products=products.ids,
                path=f"{location.parent_path}%",
                excluded=excluded,
            )
        )
        held = {(product_id, bin_id) for bin_id, product_id, *_rest in stock}
        return {
            product_id: bin_id
            for product_id, bin_id in self.env.cr.fetchall()
            if (product_id, bin_id) in held
        }

    def _get_slot_product_data(self, products):
        """Per product id: unit size and weight, families, bulkiness, velocity."""
        bulky_categories = self.env["product.category"]._get_slot_bulky_ids()
        groups = self.env["alltricks.lookalike.group"]._get_groups_by_product(
            products, self.company_id
        )
        data = {}
        for product in products.sudo().with_context(active_test=False):
            length, width, height, weight = product._get_slot_unit()
            group_ids = groups.get(product.id, ())
            data[product.id] = {
                "dims": (length, width, height),
                "volume": length * width * height,
                "weight": weight,
                "template_id": product.product_tmpl_id.id,
                "group_ids": group_ids,
                "families": family_keys(product.product_tmpl_id.id, group_ids),
                "bulky": product.categ_id.id in bulky_categories,
                "velocity": product.slot_velocity_class or "C",
                "previous_bin_id": None,
            }
        return data

    def _prepare_slot_bins(self, rows, contents):
        geometry = self._get_slot_geometry()
        last_aisle = len(geometry.aisle_x) - 1
        length = geometry.aisle_length
        walks = {}
        bins = []
        for row in rows:
            (bin_id, name, zone, aisle, side, depth, level, position, x, y, z) = row[
                :11
            ]
            width, depth_cm, height, max_weight, units, rack_type = row[11:]
            point = (min(max(aisle or 0, 0), last_aisle), min(max(y or 0, 0), length))
            # bins above one another share their walk: one distance per point
            walk = walks.get(point)
            if walk is None:
                walk = walks[point] = geometry.depot_distance(point)
            bins.append(
                Bin(
                    id=bin_id,
                    name=name,
                    zone=zone or "",
                    aisle=aisle or 0,
                    side=side or "left",
                    bay=depth or 0,
                    level=level or 0,
                    position=position or 0,
                    x=x or 0.0,
                    y=y or 0.0,
                    z=z or 0.0,
                    width_cm=width or 0.0,
                    depth_cm=depth_cm or 0.0,
                    height_cm=height or 0.0,
                    max_weight_kg=max_weight or 0.0,
                    walk_m=walk,
                    max_units=units or None,
                    rack_type=rack_type,
                    contents=tuple(contents.get(bin_id, ())),
                )
            )
        return bins

    def _prepare_slot_incoming_line(self, line, info):
        length, width, height = info["dims"]
        return IncomingLine(
            product_id=line["product"].id,
            qty=line["qty"],
            length_cm=length,
            width_cm=width,
            height_cm=height,
            weight_kg=info["weight"],
            template_id=info["template_id"],
            lookalike_group_ids=info["group_ids"],
            velocity=info["velocity"],
            bulky=info["bulky"],
            previous_bin_id=info["previous_bin_id"],
            incoming_date=line.get("incoming_date"),
            ref=line.get("ref"),
        )

    def _get_slot_follow_up_user(self):
        """Who is told about late putaways: the follow-up user of the warehouse,
        else the first warehouse manager of its company, else the current user."""
        if self.slot_manager_id:
            return self.slot_manager_id
        group = self.env.ref("alltricks_slotting.group_warehouse_manager")
        root = self.env.ref("base.user_root")
        managers = group.sudo().all_user_ids.filtered(
            lambda user: (
                not user.share
                and user != root
                and (not self or self.company_id in user.company_ids)
            )
        )
        return managers.sorted("id")[:1] or self.env.user
