import logging

from odoo import api, fields, models

_logger = logging.getLogger(__name__)


class SaleOrder(models.Model):
    _inherit = "sale.order"

    alltricks_bike_prep_ids = fields.One2many(
        "alltricks.bike.prep", "sale_order_id", string="Bike work orders"
    )
    alltricks_bike_prep_count = fields.Integer(
        string="Bike work order count", compute="_compute_alltricks_bike_prep_count"
    )

    @api.depends("alltricks_bike_prep_ids")
    def _compute_alltricks_bike_prep_count(self):
        for order in self:
            order.alltricks_bike_prep_count = len(order.alltricks_bike_prep_ids)

    def _action_confirm(self):
        result = super()._action_confirm()
        self._create_alltricks_bike_preps()
        return result

    def _action_cancel(self):
        result = super()._action_cancel()
        self.sudo().alltricks_bike_prep_ids._action_cancel()
        return result

    def _create_alltricks_bike_preps(self):
        """One work order per complete-bike unit not yet covered by one."""
        vals_list = []
        for order in self:
            for line in order.order_line.filtered("is_alltricks_bike"):
                covered = len(
                    line.sudo().alltricks_bike_prep_ids.filtered(
                        lambda w: w.state != "cancel"
                    )
                )
                units = line._get_alltricks_bike_units() - covered
                # one dict per unit: create() writes each work order's reference
                # into its values
                vals_list += [
                    line._prepare_alltricks_bike_prep_values() for _unit in range(units)
                ]
        work_orders = self.env["alltricks.bike.prep"].sudo().create(vals_list)
        if work_orders:
            _logger.info(
                "%s bike work orders created for %s",
                len(work_orders),
                ", ".join(self.mapped("name")),
            )
        return work_orders

    def action_view_alltricks_bike_preps(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "alltricks_bike_prep.alltricks_bike_prep_action"
        )
        action["domain"] = [("sale_order_id", "=", self.id)]
        action["context"] = {}
        return action
