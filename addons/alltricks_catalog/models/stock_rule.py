from odoo import models


class StockRule(models.Model):
    _inherit = "stock.rule"

    def _get_alltricks_buyer(self, values, partner):
        """The buyer of the brand of the product, else the vendor's buyer."""
        supplier = values.get("supplier")
        brand_buyer = (
            supplier.product_tmpl_id.product_brand_id.buyer_id if supplier else None
        )
        return brand_buyer or partner.buyer_id

    def _make_po_get_domain(self, company_id, values, partner):
        # One request for quotation per vendor and per buyer: each buyer works
        # on the orders of their brands.
        domain = super()._make_po_get_domain(company_id, values, partner)
        buyer = self._get_alltricks_buyer(values, partner)
        return tuple(
            ("user_id", "=", buyer.id) if term[0:1] == ("user_id",) else term
            for term in domain
        )

    def _prepare_purchase_order(self, company_id, origins, values):
        vals = super()._prepare_purchase_order(company_id, origins, values)
        partner = self.env["res.partner"].browse(vals["partner_id"])
        vals["user_id"] = self._get_alltricks_buyer(values[0], partner).id
        return vals
