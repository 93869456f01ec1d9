from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

DEFAULT_VELOCITY_DAYS = 30
MAX_VELOCITY_DAYS = 3650  # ten years of sales history is plenty
VELOCITY_DAYS_PARAM = "alltricks_catalog.velocity_days"
# Customer moves whose demand is not met yet. A chain (pick, pack, ship) is
# counted once, on its first move: the later ones wait for it.
WAITING_STATES = ("waiting", "confirmed", "partially_available")


class AlltricksReplenishmentLine(models.TransientModel):
    _name = "alltricks.replenishment.line"
    _description = "Replenishment line of a buyer"
    # a product that does not sell has unlimited cover: after all the others
    _order = "at_risk desc, no_sales, cover_days, product_id"

    buyer_id = fields.Many2one("res.users", string="Buyer", readonly=True)
    brand_id = fields.Many2one("product.brand", string="Brand", readonly=True)
    product_id = fields.Many2one("product.product", string="Product", readonly=True)
    period_days = fields.Integer(string="Period (days)", readonly=True)
    sold_qty = fields.Float(string="Sold in period", readonly=True)
    velocity = fields.Float(string="Sold per day", digits=(12, 2), readonly=True)
    sellable_qty = fields.Float(
        string="On the shelf",
        readonly=True,
        help="Units in sellable bins not reserved for an order yet.",
    )
    to_ship_qty = fields.Float(
        string="To ship",
        readonly=True,
        help="Units ordered by customers and not delivered that no shelf unit is "
        "reserved for yet: the shelf serves them first.",
    )
    incoming_qty = fields.Float(string="Incoming", readonly=True)
    lead_time = fields.Integer(string="Lead time (days)", readonly=True)
    no_sales = fields.Boolean(
        string="No sales",
        readonly=True,
        help="Nothing delivered in the period: the cover is left empty.",
    )
    cover_days = fields.Float(
        string="Days of cover",
        digits=(12, 1),
        readonly=True,
        help="Days the shelf lasts at the period's pace once the units to ship "
        "have left it.",
    )
    at_risk = fields.Boolean(
        string="At risk",
        readonly=True,
        help="The shelf cannot serve the orders to ship, or runs out before a new "
        "order would arrive.",
    )

    @api.model
    def _get_velocity_days(self):
        param = self.env["ir.config_parameter"].sudo().get_param(VELOCITY_DAYS_PARAM)
        if param in (False, ""):
            return DEFAULT_VELOCITY_DAYS
        return self._check_velocity_days(param)

    @api.model
    def _check_velocity_days(self, value):
        """Return ``value`` as a number of days, refused unless a whole number
        from 1 to ``MAX_VELOCITY_DAYS``."""
        try:
            days = int(str(value).strip())
        except ValueError:
            days = 0
        if not 1 <= days <= MAX_VELOCITY_DAYS:
            raise UserError(
                self.env._(
                    "The sales period of the replenishment list is set to "
                    "“%(value)s”: it must be a whole number of days from 1 to "
                    "%(maximum)s (for instance %(default)s). Ask an administrator "
                    "to correct "
                    "the system parameter %(param)s (Settings > Technical > "
                    "System Parameters), or to delete it to use %(default)s days.",
                    value=value,
                    maximum=MAX_VELOCITY_DAYS,
                    default=DEFAULT_VELOCITY_DAYS,
                    param=VELOCITY_DAYS_PARAM,
                )
            )
        return days

    @api.model
    def _get_sold_quantities(self, products, days):
        """Units delivered to customers per product over the last ``days``."""
        groups = self.env["stock.move"]._read_group(
            [
                ("product_id", "in", products.ids),
                ("state", "=", "done"),
                ("location_dest_id.usage", "=", "customer"),
                ("date", ">=", fields.Datetime.now() - timedelta(days=days)),
            ],
            ["product_id"],
            ["product_qty:sum"],
        )
        return {product.id: quantity for product, quantity in groups}

    @api.model
    def _get_to_ship_quantities(self, products):
        """Units per product that customers ordered and no reservation covers.

        The reserved part of a customer move is already out of the shelf
        quantity; the rest still has to come from the shelf.
        """
        groups = self.env["stock.move"]._read_group(
            [
                ("product_id", "in", products.ids),
                ("state", "in", WAITING_STATES),
                ("location_id.usage", "=", "internal"),
                "|",
                ("location_dest_id.usage", "=", "customer"),
                ("location_final_id.usage", "=", "customer"),
                ("move_orig_ids", "=", False),
            ],
            ["product_id", "product_uom"],
            ["product_qty:sum", "quantity:sum"],
        )
        result = dict.fromkeys(products.ids, 0.0)
        for product, uom, demand, quantity in groups:
            reserved = uom._compute_quantity(quantity, product.uom_id, round=False)
            result[product.id] += max(demand - reserved, 0.0)
        return result

    @api.model
    def _prepare_line_values(self, product, days, sold, sellable, to_ship=0.0):
        velocity = sold / days if days else 0.0
        lead_time = int(product.seller_ids[:1].delay or 0)
        free = sellable - to_ship
        cover = max(free, 0.0) / velocity if velocity else False
        return {
            "buyer_id": product.product_brand_id.buyer_id.id,
            "brand_id": product.product_brand_id.id,
            "product_id": product.id,
            "period_days": days,
            "sold_qty": sold,
            "velocity": velocity,
            "sellable_qty": sellable,
            "to_ship_qty": to_ship,
            "incoming_qty": product.incoming_qty,
            "lead_time": lead_time,
            "no_sales": not velocity,
            "cover_days": cover,
            "at_risk": product.uom_id.compare(free, 0.0) < 0
            or (bool(velocity) and cover < lead_time),
        }

    @api.model
    def _generate(self, buyers, days=None):
        """Fresh lines for the products of the brands of ``buyers``."""
        if days is None:
            days = self._get_velocity_days()
        else:
            days = self._check_velocity_days(days)
        products = self.env["product.product"].search(
            [
                ("product_brand_id.buyer_id", "in", buyers.ids),
                ("is_storable", "=", True),
            ]
        )
        sold = self._get_sold_quantities(products, days)
        sellable = products._get_alltricks_sellable_quantities()
        to_ship = self._get_to_ship_quantities(products)
        self.search([("create_uid", "=", self.env.uid)]).unlink()
        return self.create(
            [
                self._prepare_line_values(
                    product,
                    days,
                    sold.get(product.id, 0.0),
                    sellable[product.id],
                    to_ship[product.id],
                )
                for product in products
            ]
        )

    @api.model
    def action_open_for_current_buyer(self):
        self._generate(self.env.user)
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "alltricks_catalog.alltricks_replenishment_line_action"
        )
        action["domain"] = [("create_uid", "=", self.env.uid)]
        return action
