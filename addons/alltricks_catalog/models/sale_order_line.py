from odoo import models

from .sale_order import _format_qty


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    def _is_alltricks_shelf_check_skipped(self):
        self.ensure_one()
        return self.order_id._is_alltricks_shelf_check_skipped(self.product_id)

    def _check_availability(self):
        if not self._is_alltricks_shelf_check_skipped():
            return super()._check_availability()
        cart_qty, free_qty = self.order_id._get_cart_and_free_qty(self.product_id)
        if self.product_id.uom_id.compare(cart_qty, free_qty) > 0:
            self._set_shop_warning_stock(
                _format_qty(cart_qty), _format_qty(max(free_qty, 0))
            )
            return False
        return True

    def _get_max_available_qty(self):
        max_qty = super()._get_max_available_qty()
        shelf_max_qties = [
            free_qty - cart_qty
            for cart_qty, free_qty in (
                line.order_id._get_cart_and_free_qty(line.product_id)
                for line in self._get_lines_with_price()
                if line._is_alltricks_shelf_check_skipped()
            )
        ]
        if max_qty is not None:
            shelf_max_qties.append(max_qty)
        return min(shelf_max_qties, default=None)
