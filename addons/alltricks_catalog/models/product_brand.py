from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ProductBrand(models.Model):
    _inherit = "product.brand"

    buyer_id = fields.Many2one(
        "res.users",
        string="Buyer",
        index=True,
        domain="[('share', '=', False)]",
        help="Buys this brand: replenishment orders for its products go to them.",
    )

    @api.constrains("buyer_id")
    def _check_buyer_is_internal(self):
        for brand in self.filtered("buyer_id"):
            if brand.buyer_id.share:
                raise ValidationError(
                    self.env._(
                        "%(user)s cannot buy %(brand)s: a buyer is an employee "
                        "with access to Purchase, not a portal or public user. "
                        "Choose one of the buyers.",
                        user=brand.buyer_id.name,
                        brand=brand.name,
                    )
                )
