from datetime import timedelta

from odoo import api, fields, models

DEFAULT_VELOCITY_DAYS = 30


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
    sellable_qty = fields.Float(string="On the shelf", readonly=True)
    incoming_qty = fields.Float(string="Incoming", readonly=True)
    lead_time = fields.Integer(string="Lead time (days)", readonly=True)
    no_sales = fields.Boolean(
        string="No sales",
        readonly=True,
        help="Nothing sold in the period: the shelf stock lasts indefinitely, "
        "the cover is left empty.",
    )
    cover_days = fields.Float(string="Days of cover", digits=(12, 1), readonly=True)
    at_risk = fields.Boolean(
        string="At risk",
        readonly=True,
        help="The shelf runs out before a new order would arrive.",
    )

    @api.model
    def _get_velocity_days(self):
        param = (
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("alltricks_catalog.velocity_days")
        )
        return int(param or DEFAULT_VELOCITY_DAYS)

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
    def _prepare_line_values(self, product, days, sold, sellable):
        velocity = sold / days if days else 0.0
        lead_time = int(product.seller_ids[:1].delay or 0)
        cover = sellable / velocity if velocity else False
        return {
            "buyer_id": product.product_brand_id.buyer_id.id,
            "brand_id": product.product_brand_id.id,
            "product_id": product.id,
            "period_days": days,
            "sold_qty": sold,
            "velocity": velocity,
            "sellable_qty": sellable,
            "incoming_qty": product.incoming_qty,
            "lead_time": lead_time,
            "no_sales": not velocity,
            "cover_days": cover,
            "at_risk": bool(velocity) and cover < lead_time,
        }

    @api.model
    def _generate(self, buyers, days=None):
        """Fresh lines for the products of the brands of ``buyers``."""
        days = days or self._get_velocity_days()
        products = self.env["product.product"].search(
            [
                ("product_brand_id.buyer_id", "in", buyers.ids),
                ("is_storable", "=", True),
            ]
        )
        sold = self._get_sold_quantities(products, days)
        sellable = products._get_alltricks_sellable_quantities()
        self.search([("create_uid", "=", self.env.uid)]).unlink()
        return self.create(
            [
                self._prepare_line_values(
                    product, days, sold.get(product.id, 0.0), sellable[product.id]
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
