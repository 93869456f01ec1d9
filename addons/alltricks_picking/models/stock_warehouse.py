import logging

import psycopg2

from odoo import models
from odoo.addons.alltricks_slotting.layout.geometry import Depot, WarehouseGeometry
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..batching import plan_batches
from ..routing import shortest_tour

_logger = logging.getLogger(__name__)


class StockWarehouse(models.Model):
    _inherit = "stock.warehouse"

    def _get_alltricks_geometry(self):
        """Walking geometry of the generated layout (aisles, cross aisles, depot).

        The packing area sits on the front cross aisle at ``slot_depot_x_m``;
        routes start from the aisle end closest to it (half an aisle pitch at
        most from the real spot, the same for every route).
        """
        self.ensure_one()
        if self.slot_aisle_count < 1 or self.slot_bays_per_side < 1:
            raise UserError(
                self.env._(
                    "Warehouse %(warehouse)s has no layout: generate it from "
                    "Inventory > Configuration > Generate layout first.",
                    warehouse=self.name,
                )
            )
        spec = self._get_slot_layout_spec()
        aisle_x = [spec.aisle_x(i) for i in range(spec.aisle_count)]
        depot_x = self.slot_depot_x_m
        depot_aisle = min(
            range(len(aisle_x)), key=lambda i: (abs(aisle_x[i] - depot_x), i)
        )
        return WarehouseGeometry(
            aisle_x=tuple(aisle_x),
            cross_aisle_y=tuple(spec.cross_aisle_ys()),
            depot=Depot(depot_aisle, 0.0, 0.0),
        )

    def _get_alltricks_point(self, location, geometry):
        """The (aisle index, depth) a picker walks to for ``location``.

        Locations outside the generated bins (e.g. WH/Stock itself) have no
        coordinates: they count as the packing area, where they usually are.
        """
        if not location.slot_rack_type:
            return geometry.depot.aisle, geometry.depot.y
        aisle = min(max(location.slot_aisle_index, 0), len(geometry.aisle_x) - 1)
        depth = min(max(location.slot_y, 0.0), geometry.cross_aisle_y[-1])
        return aisle, depth

    def _get_alltricks_pick_type(self):
        """The operation type whose transfers go on carts: PICK, or OUT in 1 step."""
        self.ensure_one()
        if self.delivery_steps == "ship_only":
            return self.out_type_id
        return self.pick_type_id

    def _get_alltricks_pickings_to_plan(self):
        """Ready transfers of the picking step not in a batch yet."""
        self.ensure_one()
        return self.env["stock.picking"].search(
            [
                ("picking_type_id", "=", self._get_alltricks_pick_type().id),
                ("state", "=", "assigned"),
                ("batch_id", "=", False),
                ("move_line_ids", "!=", False),
            ],
            order="id",
        )

    def _alltricks_lock(self, pickings):
        """Lock the transfers, so that the scheduler and a manager never plan
        the same transfer twice at the same time."""
        try:
            self.env.cr.execute(
                SQL(
                    "SELECT id FROM stock_picking WHERE id IN %s FOR UPDATE NOWAIT",
                    tuple(pickings.ids),
                )
            )
        except psycopg2.errors.LockNotAvailable as error:
            raise UserError(
                self.env._(
                    "These transfers are being planned or edited right now: try "
                    "again in a minute."
                )
            ) from error

    def _alltricks_plan_picking(self, pickings=None):
        """Batch ready transfers into carts on short routes; returns the batches."""
        self.ensure_one()
        self.env["stock.picking.batch"]._check_alltricks_planner()
        pickings = (
            pickings if pickings is not None else self._get_alltricks_pickings_to_plan()
        )
        if not pickings:
            return self.env["stock.picking.batch"]
        self._alltricks_lock(pickings)
        geometry = self._get_alltricks_geometry()
        orders = pickings._get_alltricks_orders(self, geometry)
        Cart = self.env["alltricks.cart.type"]
        cart_type = Cart._get_for_flow(self.company_id)
        if not cart_type:
            raise UserError(
                self.env._(
                    "Create a cart type for %(company)s (Inventory > Configuration "
                    "> Cart types) before planning picking.",
                    company=self.company_id.name,
                )
            )
        bike_cart_type = Cart._get_for_flow(self.company_id, bikes=True)
        plan = plan_batches(
            orders,
            cart_type._to_cart(),
            geometry,
            bike_cart=bike_cart_type._to_cart(),
            router=shortest_tour,
        )
        batches = self.env["stock.picking.batch"]._alltricks_create_from_plan(
            plan, pickings, {"parts": cart_type, "bikes": bike_cart_type}
        )
        _logger.info(
            "Planned %s transfers of %s into %s batches, %.0f m",
            len(pickings),
            self.name,
            len(batches),
            plan.length,
        )
        return batches
