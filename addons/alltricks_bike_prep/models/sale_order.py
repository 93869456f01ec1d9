import logging

from odoo import api, fields, models
from odoo.exceptions import AccessError

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

    @api.model
    def create_missing_alltricks_bike_preps(self):
        """Create the bike work orders missing on the confirmed orders of the
        current companies; returns them.

        Work orders are created when an order is confirmed. Orders confirmed
        before this addon was installed, or before their bike's category was
        flagged *Complete bikes*, have none: this gives one to every bike unit
        still to deliver that no work order covers. Safe to run again (it then
        creates nothing). From a shell:
        ``env["sale.order"].create_missing_alltricks_bike_preps()``.
        """
        if not self.env.su and not self.env.user.has_group(
            "alltricks_bike_prep.group_workshop_manager"
        ):
            raise AccessError(
                self.env._("Only a workshop manager creates missing work orders.")
            )
        lines = (
            self.env["sale.order.line"]
            .sudo()
            .search(
                [
                    ("order_id.state", "=", "sale"),
                    ("company_id", "in", self.env.companies.ids),
                    ("display_type", "=", False),
                    ("product_id.categ_id.alltricks_complete_bike", "=", True),
                ],
                order="order_id, id",
            )
        )
        return lines.order_id._create_alltricks_bike_preps()

    def _create_alltricks_bike_preps(self):
        """One work order per complete-bike unit not yet covered by one."""
        vals_list = []
        for line in self.order_line.filtered("is_alltricks_bike"):
            # one dict per unit: create() writes each work order's reference
            # into its values
            vals_list += [
                line._prepare_alltricks_bike_prep_values()
                for _unit in range(line._get_alltricks_missing_bike_units())
            ]
        work_orders = self.env["alltricks.bike.prep"].sudo().create(vals_list)
        if work_orders:
            _logger.info(
                "Bike work orders created: %s, for %s",
                len(work_orders),
                ", ".join(work_orders.sale_order_id.mapped("name")),
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
