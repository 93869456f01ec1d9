from odoo import api, models
from odoo.tools import escape_psql


class ProductProduct(models.Model):
    _inherit = "product.product"

    def _is_alltricks_scanned_code(self, code):
        """Whether ``code`` names this product on a scanner: its barcode as
        printed, or its internal reference typed in any case."""
        self.ensure_one()
        if code == self.barcode:
            return True
        return bool(self.default_code) and code.lower() == self.default_code.lower()

    @api.model
    def _find_alltricks_scanned_product(self, code):
        """The product a scanner code names (see ``_is_alltricks_scanned_code``),
        or an empty recordset."""
        return self.search([("barcode", "=", code)], limit=1) or self.search(
            [("default_code", "=ilike", escape_psql(code))], limit=1
        )
