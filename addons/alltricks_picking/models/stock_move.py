from odoo import models
from odoo.exceptions import AccessError

from .floor_guard import (
    CORE_KEY,
    CORE_WRITE,
    check_cart_line_write,
    check_cart_owner,
    core_context,
    is_floor_user,
)


class StockMove(models.Model):
    _inherit = "stock.move"

    def write(self, vals):
        check_cart_owner(self.picking_id)
        check_cart_line_write(self, [vals])
        raised = "product_uom_qty" in vals and self.filtered(
            lambda m: (
                m.product_uom.compare(vals["product_uom_qty"], m.product_uom_qty) > 0
            )
        )
        # Odoo lowers the demand itself when it splits a backorder off.
        if raised and is_floor_user(self.env):
            raise AccessError(
                self.env._(
                    "Ordered quantities are changed by a warehouse manager or on "
                    "the sale order, not on the floor."
                )
            )
        return super().write(vals)

    def unlink(self):
        check_cart_owner(self.picking_id)
        return super().unlink()

    def _action_assign(self, force_qty=False):
        # Reservation follows Odoo's rules whoever triggers it (a picker
        # validating a cart reserves the packing step): the floor rules, made
        # for hand-written quantities, do not hold it.
        if self.env.context.get(CORE_KEY) is not CORE_WRITE:
            return core_context(self)._action_assign(force_qty=force_qty)
        return super()._action_assign(force_qty=force_qty)
