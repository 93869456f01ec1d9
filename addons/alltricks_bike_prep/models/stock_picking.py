from odoo import api, fields, models
from odoo.exceptions import UserError


class StockPicking(models.Model):
    _inherit = "stock.picking"

    alltricks_bike_prep_ids = fields.Many2many(
        "alltricks.bike.prep",
        string="Bike work orders",
        compute="_compute_alltricks_bike_prep_ids",
        compute_sudo=True,
        help="Work orders of the complete bikes this transfer carries.",
    )

    @api.depends("move_ids.sale_line_id", "move_ids.state")
    def _compute_alltricks_bike_prep_ids(self):
        for picking in self:
            moves = picking.move_ids.filtered(
                lambda m: (
                    m.state != "cancel"
                    and m.product_id.categ_id.alltricks_complete_bike
                )
            )
            picking.alltricks_bike_prep_ids = moves.sale_line_id.alltricks_bike_prep_ids

    def _is_alltricks_bike_gated(self):
        """Whether this transfer takes bikes towards the customer.

        The pick step of a multi-step delivery brings the bike to the workshop, so
        it stays free; pack and ship (or a one-step delivery) wait for the work
        order. Returns are never held.
        """
        self.ensure_one()
        if self.picking_type_code == "incoming":
            return False
        warehouse = self.picking_type_id.warehouse_id
        is_pick_step = (
            warehouse.delivery_steps != "ship_only"
            and self.picking_type_id == warehouse.pick_type_id
        )
        return not is_pick_step

    def _check_alltricks_bike_preps_ready(self):
        for picking in self.filtered(lambda p: p.state not in ("done", "cancel")):
            if not picking._is_alltricks_bike_gated():
                continue
            work_orders = picking.alltricks_bike_prep_ids.filtered(
                lambda w: w.state != "cancel" and not w.is_ready_to_ship
            )
            if not work_orders:
                continue
            todo = [
                self.env._("%(name)s: pass its quality check", name=w.name)
                if w.state == "done"
                else self.env._("%(name)s: finish it in the workshop", name=w.name)
                for w in work_orders
            ]
            raise UserError(
                self.env._(
                    "%(picking)s cannot leave before the workshop has made its "
                    "bikes ready: %(todo)s.",
                    picking=picking.name,
                    todo="; ".join(todo),
                )
            )

    def button_validate(self):
        self._check_alltricks_bike_preps_ready()
        return super().button_validate()

    def _action_done(self):
        self._check_alltricks_bike_preps_ready()
        return super()._action_done()

    def action_view_alltricks_bike_preps(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "alltricks_bike_prep.alltricks_bike_prep_action"
        )
        action["domain"] = [("id", "in", self.alltricks_bike_prep_ids.ids)]
        action["context"] = {}
        return action
