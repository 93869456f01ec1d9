from odoo import api, fields, models

from ..batching import CartType


class AlltricksCartType(models.Model):
    _name = "alltricks.cart.type"
    _description = "Picking cart type"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    totes = fields.Integer(
        required=True, default=8, help="Totes on the cart: one customer order each."
    )
    max_volume = fields.Float(
        string="Max volume (m³)", digits=(8, 3), help="0 means no volume limit."
    )
    max_weight = fields.Float(string="Max weight (kg)", help="0 means no weight limit.")
    for_bikes = fields.Boolean(
        string="For complete bikes",
        help="Used for orders holding a complete bike; they never share a cart "
        "with parts. Without such a cart type, bikes use the parts cart type.",
    )

    _totes_positive = models.Constraint(
        "CHECK(totes > 0)", "A cart needs at least one tote."
    )
    _limits_positive = models.Constraint(
        "CHECK(max_volume >= 0 AND max_weight >= 0)",
        "Cart limits cannot be negative (0 means no limit).",
    )

    @api.model
    def _get_for_flow(self, company, bikes=False):
        """The cart type planning uses for a company and a flow (bikes or parts)."""
        domain = [("company_id", "=", company.id), ("for_bikes", "=", bikes)]
        cart_type = self.search(domain, limit=1)
        if bikes and not cart_type:
            return self._get_for_flow(company, bikes=False)
        return cart_type

    def _to_cart(self):
        """The plain-Python cart the batching package works with."""
        self.ensure_one()
        return CartType(self.totes, self.max_volume, self.max_weight)
