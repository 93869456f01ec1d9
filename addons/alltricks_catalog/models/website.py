from odoo import models


class Website(models.Model):
    _inherit = "website"

    def _get_product_available_qty(self, product, **kwargs):
        """The shop offers what lies on the shelf, less what other orders took."""
        if not product.is_storable:
            return super()._get_product_available_qty(product, **kwargs)
        return product._get_alltricks_sellable_qty(
            warehouse=self.warehouse_id, company=self.company_id
        )
