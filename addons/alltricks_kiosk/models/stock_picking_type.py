from odoo import fields, models


class StockPickingType(models.Model):
    _inherit = "stock.picking.type"

    alltricks_express = fields.Boolean(
        string="Express showroom pick",
        help="Picks of this type bring kiosk orders to the showroom pickup "
        "counter; they are created urgent and served first.",
    )
