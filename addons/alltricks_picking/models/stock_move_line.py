from odoo import api, fields, models

from .floor_guard import (
    check_cart_line_write,
    check_cart_owner,
    check_line_quantities,
)
from .stock_move_line_scan import check_scan_write
from .stock_picking_batch import check_plan_write


class StockMoveLine(models.Model):
    _inherit = "stock.move.line"

    alltricks_route_seq = fields.Integer(
        string="Route step",
        copy=False,
        readonly=True,
        index="btree_not_null",
        help="Rank of this line on its batch's picking route (1 = first).",
    )
    alltricks_cart_trip = fields.Integer(
        string="Cart trip",
        copy=False,
        readonly=True,
        help="1 unless the order is too big for one cart and needs several trips.",
    )
    alltricks_tote = fields.Integer(
        string="Tote", related="picking_id.alltricks_tote", store=True
    )

    @api.model_create_multi
    def create(self, vals_list):
        check_scan_write(self, vals_list)
        lines = super().create(vals_list)
        check_cart_line_write(lines, vals_list)
        for line, vals in zip(lines, vals_list, strict=True):
            check_cart_owner(line.picking_id)
            check_line_quantities(line, vals.get("quantity", line.quantity))
        return lines

    def write(self, vals):
        check_plan_write(self, vals)
        check_scan_write(self, [vals])
        check_cart_owner(self.picking_id)
        check_cart_line_write(self, [vals])
        if "quantity" in vals:
            check_line_quantities(self, vals["quantity"])
        return super().write(vals)

    def unlink(self):
        # Before Odoo releases the reserved quants: a refusal changes nothing.
        check_cart_owner(self.picking_id)
        return super().unlink()
