from odoo import fields, models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    slot_length_cm = fields.Float(
        string="Unit length (cm)",
        help="Size of one packed unit, as it goes on the shelf. Left empty, "
        "putaway takes a cube of the product volume.",
    )
    slot_width_cm = fields.Float(string="Unit width (cm)")
    slot_height_cm = fields.Float(string="Unit height (cm)")
    slot_lookalike_group_ids = fields.Many2many(
        "alltricks.lookalike.group",
        "alltricks_lookalike_group_product_template_rel",
        "product_tmpl_id",
        "group_id",
        string="Look-alike groups",
        help="Groups of products a picker may mistake for this one: putaway "
        "keeps them apart.",
    )
