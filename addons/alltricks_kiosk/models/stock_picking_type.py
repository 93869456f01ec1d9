from odoo import fields, models


class StockPickingType(models.Model):
    _inherit = "stock.picking.type"

    alltricks_express = fields.Boolean(
        string="Express showroom pick",
        help="Picks of this type bring kiosk orders to the showroom pickup "
        "counter; they are created urgent and served first.",
    )
    alltricks_handover_type_id = fields.Many2one(
        "stock.picking.type",
        string="Handover operation type",
        check_company=True,
        help="Delivery from the pickup location to the customer, done when the "
        "counter hands a paid, picked order over.",
    )
