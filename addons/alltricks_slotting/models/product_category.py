from odoo import fields, models


class ProductCategory(models.Model):
    _inherit = "product.category"

    slot_bulky = fields.Boolean(
        string="Bulky goods",
        help="Frames, wheels, rigid-bead tyres: products of this category and of "
        "its sub-categories are only put away in bulky racks.",
    )

    def _get_slot_bulky_ids(self):
        """Ids of the categories whose goods are bulky, sub-categories included."""
        marked = self.sudo().search([("slot_bulky", "=", True)])
        if not marked:
            return set()
        return set(self.sudo().search([("id", "child_of", marked.ids)]).ids)
