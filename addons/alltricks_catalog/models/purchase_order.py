from odoo import models


class PurchaseOrder(models.Model):
    _inherit = "purchase.order"

    def _set_alltricks_buyer_from_brands(self):
        """Orders without a buyer get the buyer of the brand of their products."""
        for order in self.filtered(lambda o: not o.user_id):
            buyers = order.order_line.product_id.product_brand_id.buyer_id
            if buyers:
                order.user_id = buyers[0]
