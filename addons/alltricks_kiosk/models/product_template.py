from odoo import api, models
from odoo.fields import Domain


class ProductTemplate(models.Model):
    _inherit = "product.template"

    @api.model
    def _load_pos_self_data_domain(self, data, config):
        """A showroom kiosk follows the web shop: validated, in-stock items."""
        domain = super()._load_pos_self_data_domain(data, config)
        if not config.alltricks_showroom:
            return domain
        visible = (
            self.env["product.product"]
            .sudo()
            ._get_kiosk_visible_products(config.warehouse_id)
        )
        return Domain.AND([domain, [("id", "in", visible.product_tmpl_id.ids)]])
