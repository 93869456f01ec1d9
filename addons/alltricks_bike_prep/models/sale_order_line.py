import math

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .alltricks_bike_prep import MAX_RIDER_WEIGHT


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    alltricks_rider_weight = fields.Float(
        string="Rider weight (kg)",
        help="Sets the suspension pressures of the bike in the workshop.",
    )
    alltricks_bike_prep_ids = fields.One2many(
        "alltricks.bike.prep", "sale_line_id", string="Bike work orders"
    )
    is_alltricks_bike = fields.Boolean(
        string="Is a complete bike", compute="_compute_is_alltricks_bike"
    )
    alltricks_needs_rider_weight = fields.Boolean(
        related="product_id.product_tmpl_id.alltricks_needs_rider_weight"
    )

    @api.depends("product_id.categ_id.alltricks_complete_bike", "display_type")
    def _compute_is_alltricks_bike(self):
        for line in self:
            line.is_alltricks_bike = bool(
                not line.display_type
                and line.product_id.categ_id.alltricks_complete_bike
            )

    @api.constrains("alltricks_rider_weight")
    def _check_alltricks_rider_weight(self):
        for line in self:
            if not 0 <= line.alltricks_rider_weight <= MAX_RIDER_WEIGHT:
                raise ValidationError(
                    self.env._(
                        "Enter the rider weight in kilograms, between 0 and 250."
                    )
                )

    def write(self, vals):
        result = super().write(vals)
        if "alltricks_rider_weight" in vals:
            open_orders = self.sudo().alltricks_bike_prep_ids.filtered(
                lambda w: w.state in ("draft", "in_progress")
            )
            for work_order in open_orders:
                work_order.rider_weight = work_order.sale_line_id.alltricks_rider_weight
        return result

    def _get_alltricks_bike_units(self):
        """Bike units of the line still to deliver."""
        self.ensure_one()
        quantity = self.product_uom_id._compute_quantity(
            self.product_uom_qty - self.qty_delivered, self.product_id.uom_id
        )
        return max(math.ceil(round(quantity, 6)), 0)

    def _get_alltricks_missing_bike_units(self):
        """Units still to deliver that no work order (open or done) covers."""
        self.ensure_one()
        covered = len(
            self.sudo().alltricks_bike_prep_ids.filtered(lambda w: w.state != "cancel")
        )
        return max(self._get_alltricks_bike_units() - covered, 0)

    def _prepare_alltricks_bike_prep_values(self):
        self.ensure_one()
        order = self.order_id
        return {
            "sale_order_id": order.id,
            "sale_line_id": self.id,
            "product_id": self.product_id.id,
            "company_id": order.company_id.id,
            "rider_weight": self.alltricks_rider_weight,
            "date_due": order.company_id._alltricks_next_cutoff(
                self.product_id, order.date_order
            ),
        }
