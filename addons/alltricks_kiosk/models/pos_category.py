from odoo import models


class PosCategory(models.Model):
    _inherit = "pos.category"

    def unlink(self):
        """Products left without a point of sale category by the deletion take
        the kiosk category their product category falls back to (a parent's
        mapping); those that keep another one keep it."""
        templates = (
            self.env["product.template"]
            .sudo()
            .with_context(active_test=False)
            .search([("pos_categ_ids", "in", self.ids)])
        )
        result = super().unlink()
        templates._alltricks_apply_kiosk_category()
        return result
