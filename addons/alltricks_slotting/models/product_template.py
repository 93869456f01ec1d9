from odoo import api, fields, models
from odoo.exceptions import ValidationError


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

    @api.constrains("slot_length_cm", "slot_width_cm", "slot_height_cm")
    def _check_slot_unit_size(self):
        fnames = ("slot_length_cm", "slot_width_cm", "slot_height_cm")
        for template in self:
            negative = [
                self._fields[fname].get_description(self.env)["string"]
                for fname in fnames
                if template[fname] < 0
            ]
            if negative:
                raise ValidationError(
                    self.env._(
                        "%(product)s: %(fields)s cannot be negative. Enter the "
                        "size of one packed unit in centimetres, or leave it at 0 "
                        "to let putaway use a cube of the product volume.",
                        product=template.display_name,
                        fields=", ".join(negative),
                    )
                )
