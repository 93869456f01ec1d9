from odoo import fields, models


class ProductBrand(models.Model):
    _inherit = "product.brand"

    buyer_id = fields.Many2one(
        "res.users",
        string="Buyer",
        index=True,
        domain="[('share', '=', False)]",
        help="Buys this brand: replenishment orders for its products go to them.",
    )
